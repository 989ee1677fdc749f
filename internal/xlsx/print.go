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
// margins, scaled to one page wide.
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
	size, one, anyHeight := paperA4, 1, 0
	if err := w.x.SetPageLayout(w.name, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &one, FitToHeight: &anyHeight,
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
	return nil
}

// quoteSheet quotes a sheet name for a formula reference.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}
