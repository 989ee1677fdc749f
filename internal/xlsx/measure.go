package xlsx

import (
	"math"
	"strings"

	"github.com/budgetdoc/budgetdoc/doc"
)

// Excel measures a column in "characters": the advance of a digit of the
// workbook's default font (Calibri 11, 7 px), and adds 5 px of padding. At
// 96 px an inch a pixel is 0.75 pt.
const (
	pxPerChar   = 7
	paddingPx   = 5
	ptPerPx     = 0.75
	lineSpacing = 1.3 // row height per line of text, in font sizes
	cellPadPt   = 4   // room above and below the text of a row
	// Rows of a table the PDF set tight.
	tightSpacing = 1.2
	tightPadPt   = 1.5
)

// excelWidth is the Excel column width that is pt points wide.
func excelWidth(pt float64) float64 {
	return math.Max(0, (pt/ptPerPx-paddingPx)/pxPerChar)
}

// widthPt is how wide, in points, a column of Excel width w prints.
func widthPt(w float64) float64 {
	return (w*pxPerChar + paddingPx) * ptPerPx
}

// columnWidths are the Excel widths of columns the PDF's fit makes widths
// points wide (the same measure in every format), each widened where Excel's
// own face would need more room for a figure of the column than the PDF's
// does, so that no figure shows as "###".
func columnWidths(widths []float64, rows [][]doc.Placed, size float64) []float64 {
	need := make([]float64, len(widths))
	for _, row := range rows {
		for _, p := range row {
			if p.Number.Valid && p.ColSpan == 1 && p.Col < len(need) {
				need[p.Col] = math.Max(need[p.Col], advance(p.Text, size)+2*doc.CellPadX*size+numberSlackPt)
			}
		}
	}
	out := make([]float64, len(widths))
	for i, pt := range widths {
		// Round to 1/100 of a character so the XML carries short, stable numbers.
		out[i] = math.Round(excelWidth(math.Max(pt, need[i]))*100) / 100
	}
	return out
}

// numberSlackPt is room Excel wants beyond a figure's ink before it gives
// up and shows "###" (its cell margins and rounding to whole pixels).
const numberSlackPt = 3

// advance estimates how wide text set at size points runs in the sheet's
// face (doc.Estimate: hanzi a full em, others a little over half).
func advance(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += doc.Estimate(r, false, size)
	}
	return w
}

// heightFor is the row height, in points, that shows text wrapped in a
// space widthPt wide at size points. Excel and LibreOffice do not grow rows
// for wrapped text in merged cells, so the writer sets heights itself.
func heightFor(text string, width, size float64) float64 {
	usable := math.Max(width-cellPadPt, size)
	lines := 0
	for _, line := range strings.Split(text, "\n") {
		lines += max(1, int(math.Ceil(advance(line, size)/usable-1e-9)))
	}
	return math.Round((float64(lines)*size*lineSpacing+cellPadPt)*4) / 4
}
