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
	pxPerChar    = 7
	paddingPx    = 5
	ptPerPx      = 0.75
	lineSpacing  = 1.3 // row height per line of text, in font sizes
	cellPadPt    = 4   // room above and below the text of a row
	minCJKPerCol = 2   // a column shows at least two hanzi on a line
)

// excelWidth is the Excel column width that is pt points wide.
func excelWidth(pt float64) float64 {
	return math.Max(0, (pt/ptPerPx-paddingPx)/pxPerChar)
}

// widthPt is how wide, in points, a column of Excel width w prints.
func widthPt(w float64) float64 {
	return (w*pxPerChar + paddingPx) * ptPerPx
}

// textWidthPt is the width of the PDF's text area on the table's page.
func textWidthPt(f doc.Format, landscape bool) float64 {
	if landscape {
		return f.PageHeight - f.LandscapeLeft - f.LandscapeRight
	}
	return f.PageWidth - f.Left - f.Right
}

// columnWidths scales the table's relative column widths to the PDF's text
// width, so the sheet has the PDF's proportions and line breaks, and keeps
// every column wide enough for a couple of hanzi. The results are Excel
// column widths.
func columnWidths(cols []float64, f doc.Format, landscape bool) []float64 {
	total := 0.0
	for _, c := range cols {
		total += math.Max(c, 0)
	}
	avail := textWidthPt(f, landscape)
	minPt := minCJKPerCol*f.TableSize + cellPadPt
	out := make([]float64, len(cols))
	for i, c := range cols {
		pt := avail / float64(len(cols))
		if total > 0 {
			pt = avail * math.Max(c, 0) / total
		}
		// Round to 1/100 of a character so the XML carries short, stable numbers.
		out[i] = math.Round(excelWidth(math.Max(pt, minPt))*100) / 100
	}
	return out
}

// advance estimates how wide text set at size points runs: full-width
// characters (hanzi, CJK punctuation, full-width forms) a full em, others
// half.
func advance(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x2E80 {
			w += size
		} else {
			w += size / 2
		}
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
