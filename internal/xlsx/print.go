package xlsx

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"
)

// paperA4 is the OOXML paper size code of A4.
const paperA4 = 9

// printSetup freezes the rows down to the header, repeats the header rows
// on every printed page, and prints on A4 in the PDF's orientation and
// margins, scaled to one page wide. A sheet a little taller than a page is
// scaled to one page, as the PDF tightens such a table; a longer one gets
// page breaks between groups of rows (a project and its targets), never
// through one.
func (w *sheetWriter) printSetup(landscape bool, headerTop, headerBottom int) error {
	if headerBottom >= headerTop {
		below := cellName(headerBottom+1, 1)
		if err := w.x.SetPanes(w.name, &excelize.Panes{
			Freeze: true, YSplit: headerBottom, TopLeftCell: below, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: below, ActiveCell: below, Pane: "bottomLeft"}},
		}); err != nil {
			return fmt.Errorf("frozen panes: %w", err)
		}
		if err := w.x.SetDefinedName(&excelize.DefinedName{
			Name:     "_xlnm.Print_Titles",
			RefersTo: fmt.Sprintf("%s!$%d:$%d", quoteSheet(w.name), headerTop, headerBottom),
			Scope:    w.name,
		}); err != nil {
			return fmt.Errorf("print titles: %w", err)
		}
	}

	orientation := "portrait"
	top, bottom, left, right := w.f.Top, w.f.Bottom, w.f.Left, w.f.Right
	if landscape {
		orientation = "landscape"
		top, bottom, left, right = w.f.LandscapeTop, w.f.LandscapeBottom, w.f.LandscapeLeft, w.f.LandscapeRight
	}
	pageW, pageH := w.f.PageWidth-left-right, w.f.PageHeight-top-bottom
	if landscape {
		pageW, pageH = w.f.PageHeight-left-right, w.f.PageWidth-top-bottom
	}
	// Excel scales the sheet down to the page's width; at that scale a page
	// holds pageH/scale points of rows.
	scale := min(1, pageW/w.spanWidthPt(1, w.ncols))
	capacity := pageH / scale
	total, headerH := 0.0, 0.0
	for r, h := range w.heights {
		total += h
		if r >= headerTop-1 && r <= headerBottom-1 {
			headerH += h
		}
	}
	size, one, tall := paperA4, 1, 0
	if total <= capacity*onePageSlack {
		tall = 1
	}
	if err := w.x.SetPageLayout(w.name, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &one, FitToHeight: &tall,
	}); err != nil {
		return fmt.Errorf("page layout: %w", err)
	}
	fit := true
	if err := w.x.SetSheetProps(w.name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fmt.Errorf("fit to page: %w", err)
	}
	// Margins are in inches, rounded so the XML carries short numbers; the
	// page number sits in the bottom margin as the PDF's footer does.
	in := func(pt float64) *float64 { v := math.Round(pt/72*1e4) / 1e4; return &v }
	centred := true
	if err := w.x.SetPageMargins(w.name, &excelize.PageLayoutMarginsOptions{
		Top: in(top), Bottom: in(bottom), Left: in(left), Right: in(right),
		Header: in(top / 2), Footer: in(bottom / 2), Horizontally: &centred,
	}); err != nil {
		return fmt.Errorf("margins: %w", err)
	}
	if err := w.x.SetHeaderFooter(w.name, &excelize.HeaderFooterOptions{OddFooter: "&C— &P —"}); err != nil {
		return fmt.Errorf("footer: %w", err)
	}
	if tall == 1 {
		return nil
	}
	for _, r := range w.breaks(capacity*breakMargin, headerH) {
		if err := w.x.InsertPageBreak(w.name, cellName(r+1, 1)); err != nil {
			return fmt.Errorf("page break: %w", err)
		}
	}
	return nil
}

// A sheet up to onePageSlack times a page's height is shrunk to one page
// (to 75% at most, still readable at 9 pt); page breaks are placed with
// breakMargin of the page to spare, as Excel's and our row heights differ a
// little.
const (
	onePageSlack = 1.33
	breakMargin  = 0.97
)

// breaks are the 0-based rows before which a page breaks: the start of the
// first group of rows that does not fit the page, a page holding capacity
// points of rows, the repeated header taking headerH of each after the
// first.
func (w *sheetWriter) breaks(capacity, headerH float64) []int {
	var out []int
	used := 0.0
	for r := 0; r < len(w.heights); {
		end := r + 1
		for end < len(w.heights) && !w.starts[end] {
			end++
		}
		h := 0.0
		for k := r; k < end; k++ {
			h += w.heights[k]
		}
		if w.starts[r] && used+h > capacity && used > headerH+0.01 {
			out = append(out, r)
			used = headerH
		}
		used += h
		r = end
	}
	return out
}

// quoteSheet quotes a sheet name for a formula reference.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}
