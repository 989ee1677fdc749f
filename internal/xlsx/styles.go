package xlsx

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/budgetdoc/budgetdoc/doc"
)

// fontFamily is the face of every cell: 宋体 (SimSun) is on every Chinese
// Windows and office suites substitute a CJK serif for it elsewhere.
const fontFamily = "宋体"

// numFmtTwoDecimals is Excel's built-in number format "0.00"; numFmtText is
// "@", text.
const (
	numFmtTwoDecimals = 2
	numFmtText        = 49
)

// styleKey is everything that tells one cell style from another.
type styleKey struct {
	horizontal, vertical string
	size                 float64
	bold, border, wrap   bool
	number               bool
	// text formats the cell as text ("@"), so that editing a cell that
	// reads like a formula ("=1+1", "-5%", "@某") keeps it text. (Excel's
	// quotePrefix attribute would do the same; excelize cannot set it.)
	text bool
}

// styles makes each distinct cell style once and hands out its id. Styles
// are created in the order cells first need them, which is fixed by the
// document, so the style table is the same every run.
type styles struct {
	x   *excelize.File
	f   doc.Format
	ids map[styleKey]int
}

func newStyles(x *excelize.File, f doc.Format) *styles {
	return &styles{x: x, f: f, ids: map[styleKey]int{}}
}

func (s *styles) id(k styleKey) (int, error) {
	if id, ok := s.ids[k]; ok {
		return id, nil
	}
	st := &excelize.Style{
		Font:      &excelize.Font{Family: fontFamily, Size: k.size, Bold: k.bold},
		Alignment: &excelize.Alignment{Horizontal: k.horizontal, Vertical: k.vertical, WrapText: k.wrap},
	}
	if k.border {
		for _, side := range []string{"left", "top", "right", "bottom"} {
			st.Border = append(st.Border, excelize.Border{Type: side, Color: "000000", Style: 1})
		}
	}
	switch {
	case k.number:
		st.NumFmt = numFmtTwoDecimals
	case k.text:
		st.NumFmt = numFmtText
	}
	id, err := s.x.NewStyle(st)
	if err != nil {
		return 0, err
	}
	s.ids[k] = id
	return id, nil
}

func (s *styles) title() (int, error) {
	return s.id(styleKey{horizontal: "center", vertical: "center", size: s.f.TableTitle, bold: true, wrap: true})
}

func (s *styles) caption(horizontal string) (int, error) {
	return s.id(styleKey{horizontal: horizontal, vertical: "center", size: s.f.TableSize})
}

func (s *styles) note() (int, error) {
	return s.id(styleKey{horizontal: "left", vertical: "top", size: s.f.TableSize, wrap: true})
}

// cell is the style of a table cell: header cells are centred and bold
// unless they ask for another alignment; body cells follow their Align, with
// numbers right and text left by default.
func (s *styles) cell(c doc.Cell, header bool, size float64) (int, error) {
	number := c.Number.Valid
	k := styleKey{vertical: "center", size: size, bold: c.Bold || header, border: true, wrap: true, number: number,
		text: !number && readsAsFormula(c.Text)}
	switch {
	case c.Align == doc.AlignLeft:
		k.horizontal = "left"
	case c.Align == doc.AlignCenter:
		k.horizontal = "center"
	case c.Align == doc.AlignRight:
		k.horizontal = "right"
	case header:
		k.horizontal = "center"
	case number:
		k.horizontal = "right"
	default:
		k.horizontal = "left"
	}
	return s.id(k)
}

// readsAsFormula reports whether a spreadsheet would take text typed into a
// cell for a formula: it starts with = + - or @.
func readsAsFormula(s string) bool {
	return s != "" && strings.ContainsRune("=+-@", rune(s[0]))
}
