package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// The cells of the sheets, their row heights, merged ranges and column
// widths, and the shared strings are kept here and written as XML by this
// file, not through excelize's cell functions: those find the sheet by
// name, re-check merged ranges and re-marshal the whole worksheet with
// encoding/xml, which was two thirds of the workbook's time. Everything
// else (styles, sheet and page setup, defined names, properties, the
// package) is still excelize's; at Write the cells are put into its
// worksheet parts through its ZipWriter hook.
//
// The XML is byte for byte what excelize writes for the same calls
// (SetCellStr, SetCellFloat, SetCellStyle, MergeCell, SetRowHeight,
// SetColWidth), so that the workbook did not change:
// TestCellsAsExcelizeWritesThem holds the two side by side. The rules
// below that look arbitrary are excelize's, named where they come from.

// cellSink takes the cells of one sheet as writeSheet makes them: rows and
// columns are 1-based.
type cellSink interface {
	merge(c0, r0, c1, r1 int) error
	str(col, row int, s string) error
	float(col, row int, v float64) error
	style(c0, r0, c1, r1, id int) error
	height(row int, h float64) error
	widths(w []float64) error // of columns A, B, …
}

// cell is what a worksheet's <c> carries.
type cell struct {
	s int    // style id, 0 for none
	t string // "s" for a shared string, "" for a number
	v string
}

type sheetRow struct {
	cells []cell
	ht    float64
	hasHt bool
}

// sheetCells is a sheet's cells, kept as excelize keeps them: rows from the
// first to the last one touched, each with cells from column A to the last
// one touched (excelize's prepareSheetXML), emptied cells dropped when
// written (its trimRow and trimCell).
type sheetCells struct {
	sst    *sharedStrings
	cols   []float64 // column widths, from A
	rows   []sheetRow
	merges [][4]int          // c0, r0, c1, r1, in the order made
	inside map[[2]int][2]int // a merged cell (col, row) → its range's top left
}

func newSheetCells(sst *sharedStrings) *sheetCells {
	return &sheetCells{sst: sst, inside: map[[2]int][2]int{}}
}

// touch makes rows up to row and, in that row, cells up to col.
func (c *sheetCells) touch(col, row int) {
	for len(c.rows) < row {
		c.rows = append(c.rows, sheetRow{})
	}
	r := &c.rows[row-1]
	for len(r.cells) < col {
		r.cells = append(r.cells, cell{})
	}
}

// at is the cell a value written to (col, row) lands in: the top left of a
// merged range the cell is inside (excelize's mergeCellsParser).
func (c *sheetCells) at(col, row int) *cell {
	if tl, ok := c.inside[[2]int{col, row}]; ok {
		col, row = tl[0], tl[1]
	}
	c.touch(col, row)
	return &c.rows[row-1].cells[col-1]
}

func (c *sheetCells) merge(c0, r0, c1, r1 int) error {
	for _, m := range c.merges {
		if c0 <= m[2] && m[0] <= c1 && r0 <= m[3] && m[1] <= r1 {
			// excelize would join the two into one range when writing.
			return fmt.Errorf("merged ranges %s and %s overlap", rangeName(m), rangeName([4]int{c0, r0, c1, r1}))
		}
	}
	for col := c0; col <= c1; col++ {
		for r := r0; r <= r1; r++ {
			c.inside[[2]int{col, r}] = [2]int{c0, r0}
			if col == c0 && r == r0 {
				continue
			}
			c.touch(col, r)
			x := &c.rows[r-1].cells[col-1]
			x.t, x.v = "", ""
		}
	}
	c.merges = append(c.merges, [4]int{c0, r0, c1, r1})
	return nil
}

func (c *sheetCells) str(col, row int, s string) error {
	x := c.at(col, row)
	x.t, x.v = "s", strconv.Itoa(c.sst.index(s))
	return nil
}

func (c *sheetCells) float(col, row int, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return errors.New("not a finite number")
	}
	x := c.at(col, row)
	x.t, x.v = "", formatCellFloat(v)
	return nil
}

func (c *sheetCells) style(c0, r0, c1, r1, id int) error {
	c.touch(c1, r1)
	for r := r0; r < r1; r++ {
		c.touch(c1, r)
	}
	for r := r0; r <= r1; r++ {
		for col := c0; col <= c1; col++ {
			c.rows[r-1].cells[col-1].s = id
		}
	}
	return nil
}

func (c *sheetCells) height(row int, h float64) error {
	c.touch(0, row)
	c.rows[row-1].ht, c.rows[row-1].hasHt = h, true
	return nil
}

func (c *sheetCells) widths(w []float64) error {
	for i, x := range w {
		if x > excelize.MaxColumnWidth {
			return fmt.Errorf("column %d: %w", i+1, excelize.ErrColumnWidth)
		}
	}
	c.cols = w
	return nil
}

// appendXML appends the sheet's <cols>, <sheetData> and <mergeCells>.
func (c *sheetCells) appendXML(b []byte) []byte {
	if len(c.cols) > 0 {
		// Neighbours of the same width are one <col> (excelize's
		// mergeExpandedCols).
		b = append(b, "<cols>"...)
		for i := 0; i < len(c.cols); {
			j := i + 1
			for j < len(c.cols) && c.cols[j] == c.cols[i] {
				j++
			}
			b = append(b, `<col customWidth="true" max="`...)
			b = strconv.AppendInt(b, int64(j), 10)
			b = append(b, `" min="`...)
			b = strconv.AppendInt(b, int64(i+1), 10)
			b = append(b, `" width="`...)
			b = strconv.AppendFloat(b, c.cols[i], 'g', -1, 64)
			b = append(b, `"></col>`...)
			i = j
		}
		b = append(b, "</cols>"...)
	}
	b = append(b, "<sheetData>"...)
	for i, r := range c.rows {
		full := true
		for _, x := range r.cells {
			full = full && x.has()
		}
		n := 0
		for _, x := range r.cells {
			if full || x.has() {
				n++
			}
		}
		if n == 0 && !r.hasHt {
			continue
		}
		b = append(b, `<row r="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, '"')
		if r.hasHt {
			b = append(b, ` ht="`...)
			b = strconv.AppendFloat(b, r.ht, 'g', -1, 64)
			b = append(b, `" customHeight="true"`...)
		}
		b = append(b, '>')
		for col, x := range r.cells {
			if !full && !x.has() {
				continue
			}
			b = append(b, `<c r="`...)
			b = appendCellName(b, col+1, i+1)
			b = append(b, '"')
			if x.s != 0 {
				b = append(b, ` s="`...)
				b = strconv.AppendInt(b, int64(x.s), 10)
				b = append(b, '"')
			}
			if x.t != "" {
				b = append(b, ` t="`...)
				b = append(b, x.t...)
				b = append(b, '"')
			}
			b = append(b, '>')
			if x.v != "" {
				b = append(b, "<v>"...)
				b = append(b, x.v...) // an index or a number: nothing to escape
				b = append(b, "</v>"...)
			}
			b = append(b, "</c>"...)
		}
		b = append(b, "</row>"...)
	}
	b = append(b, "</sheetData>"...)
	if len(c.merges) > 0 {
		b = append(b, `<mergeCells count="`...)
		b = strconv.AppendInt(b, int64(len(c.merges)), 10)
		b = append(b, `">`...)
		for _, m := range c.merges {
			b = append(b, `<mergeCell ref="`...)
			b = append(b, rangeName(m)...)
			b = append(b, `"></mergeCell>`...)
		}
		b = append(b, "</mergeCells>"...)
	}
	return b
}

// has is excelize's hasValue: a cell with neither style nor value is left
// out of a row that has other cells.
func (x cell) has() bool { return x.s != 0 || x.v != "" || x.t != "" }

func appendCellName(b []byte, col, row int) []byte {
	var letters [4]byte
	i := len(letters)
	for col > 0 {
		col--
		i--
		letters[i] = byte('A' + col%26)
		col /= 26
	}
	b = append(b, letters[i:]...)
	return strconv.AppendInt(b, int64(row), 10)
}

func rangeName(m [4]int) string {
	b := appendCellName(nil, m[0], m[1])
	b = append(b, ':')
	return string(appendCellName(b, m[2], m[3]))
}

// formatCellFloat is excelize's: the shortest decimal that reads back as
// v, cut to 15 significant digits as Excel keeps them.
func formatCellFloat(v float64) string {
	str := strconv.FormatFloat(v, 'f', -1, 64)
	if math.Abs(v) == math.MaxFloat64 {
		return str
	}
	const maxPrec = 15
	dot := strings.IndexByte(str, '.')
	significant := 0
	for i := range str {
		if str[i] < '0' || str[i] > '9' || significant == 0 && str[i] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if dot >= 0 && i > dot {
			return strings.TrimSuffix(str[:i], ".")
		}
		if dot < 0 {
			dot = len(str)
		}
		truncated := []byte(str[:dot])
		for ; i < len(truncated); i++ {
			truncated[i] = '0'
		}
		return string(truncated)
	}
	return str
}

// sharedStrings is the workbook's string table, each text once, in the
// order first used.
type sharedStrings struct {
	texts []string
	ids   map[string]int
	// first is called when the first string is added: excelize must
	// register the part then, as it would have (see Write).
	first func(s string) error
	err   error
}

func newSharedStrings(first func(string) error) *sharedStrings {
	return &sharedStrings{ids: map[string]int{}, first: first}
}

// index is the text's place in the table, as excelize's setSharedString
// gives it: texts longer than a cell holds are cut, and the text is found
// by what it is but kept under its escaped form (_x0041_ patterns), so a
// text with such a pattern is added again each time, as excelize does.
func (t *sharedStrings) index(s string) int {
	if utf16Len(s) > excelize.TotalCellChars {
		s = truncateUTF16(s, excelize.TotalCellChars)
	}
	if i, ok := t.ids[s]; ok {
		return i
	}
	if len(t.texts) == 0 && t.first != nil && t.err == nil {
		t.err = t.first(s)
	}
	t.texts = append(t.texts, s)
	t.ids[bstrMarshal(s)] = len(t.texts) - 1
	return len(t.texts) - 1
}

// xml is the sharedStrings.xml part.
func (t *sharedStrings) xml() []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(t.texts), len(t.texts))
	for _, s := range t.texts {
		b.WriteString("<si><t")
		if s != "" && (strings.ContainsRune("\t\n\r ", rune(s[0])) || strings.ContainsRune("\t\n\r ", rune(s[len(s)-1]))) {
			b.WriteString(` xml:space="preserve"`)
		}
		b.WriteByte('>')
		_ = xml.EscapeText(&b, []byte(s))
		b.WriteString("</t></si>")
	}
	b.WriteString("</sst>")
	return b.Bytes()
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

var (
	bstrExp       = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrEscapeExp = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// bstrMarshal is excelize's escaping of text that reads like an escaped
// character (_x0041_): only the key a string is kept under depends on it.
func bstrMarshal(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	var result strings.Builder
	for _, match := range matches {
		result.WriteString(s[cursor:match[0]])
		sub := s[match[0]:match[1]]
		if sub == "_x005F_" {
			cursor = match[1]
			if match[1]+6 <= l && bstrEscapeExp.MatchString(s[match[1]:match[1]+6]) {
				if _, err := strconv.Unquote(`"\u` + s[match[1]+1:match[1]+5] + `"`); err == nil {
					result.WriteString(sub + "x005F" + sub)
					continue
				}
			}
			result.WriteString(sub + "x005F_")
			continue
		}
		if bstrExp.MatchString(sub) {
			cursor = match[1]
			if _, err := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`); err == nil {
				result.WriteString("_x005F" + sub)
				continue
			}
		}
	}
	if cursor < l {
		result.WriteString(s[cursor:])
	}
	return result.String()
}

// cellsZip is the ZipWriter excelize writes the package through: it puts
// each sheet's cells into its worksheet part, where excelize wrote an empty
// <sheetData>, and the string table in place of excelize's.
type cellsZip struct {
	zw      excelize.ZipWriter
	parts   map[string]func([]byte) ([]byte, error)
	pending string // the part being written, to be rewritten
	buf     bytes.Buffer
	done    map[string]bool
}

func (z *cellsZip) Create(name string) (io.Writer, error) {
	if err := z.flush(); err != nil {
		return nil, err
	}
	if _, ok := z.parts[name]; ok {
		z.pending = name
		z.buf.Reset()
		return &z.buf, nil
	}
	return z.zw.Create(name)
}

func (z *cellsZip) flush() error {
	if z.pending == "" {
		return nil
	}
	name := z.pending
	z.pending = ""
	data, err := z.parts[name](z.buf.Bytes())
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	w, err := z.zw.Create(name)
	if err != nil {
		return err
	}
	z.done[name] = true
	_, err = w.Write(data)
	return err
}

func (z *cellsZip) AddFS(fsys fs.FS) error { return z.zw.AddFS(fsys) }

func (z *cellsZip) Close() error {
	if err := z.flush(); err != nil {
		return err
	}
	for name := range z.parts {
		if !z.done[name] {
			return fmt.Errorf("excelize wrote no part %s", name)
		}
	}
	return z.zw.Close()
}

// withCells is the worksheet part with the sheet's cells in place of the
// <sheetData> excelize wrote (empty, but for the one string that made it
// register the string table, see Write), with the columns before it, where
// excelize puts them.
func withCells(part []byte, c *sheetCells) ([]byte, error) {
	start := bytes.Index(part, []byte("<sheetData>"))
	end := bytes.Index(part, []byte("</sheetData>"))
	if start < 0 || end < start || bytes.Count(part, []byte("<sheetData")) != 1 || bytes.Contains(part, []byte("<cols>")) {
		return nil, errors.New("the worksheet has no <sheetData> to fill, or columns of its own")
	}
	out := make([]byte, 0, len(part)+64*len(c.rows))
	out = append(out, part[:start]...)
	out = c.appendXML(out)
	return append(out, part[end+len("</sheetData>"):]...), nil
}
