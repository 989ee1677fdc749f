package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"

	"github.com/budgetdoc/budgetdoc/internal/decode"
)

// Tree is a workbook read as the input tree YAML or JSON would give.
type Tree struct {
	// Root is the mapping of the budget's keys; each node's position is
	// its cell (see Place).
	Root *yaml.Node
	// Positions maps the path of every value cell read, empty or not, to
	// it, so that a problem about a value left out can name its cell.
	Positions map[string]decode.Position
	// Problems are the errors and warnings found in the workbook's layout
	// and cells. With errors, Root holds what could be read.
	Problems Problems
}

// Limits on what a workbook may unpack to: a budget's workbook is well under
// a megabyte, and a zip bomb must fail quickly.
const (
	maxUnzipped = 256 << 20
	maxXMLPart  = 64 << 20
)

// ErrNotWorkbook is returned (wrapped) for data that is not an .xlsx
// workbook at all.
var ErrNotWorkbook = errors.New("不是 Excel 工作簿（.xlsx）")

// Read reads a workbook written by Write (and filled in by a clerk) into
// the input tree. An error is for data that is not a workbook; everything
// wrong inside one is in the Tree's Problems.
func Read(data []byte) (t *Tree, err error) {
	// excelize is a large parser of untrusted input: whatever it may do
	// on a malformed file, the caller gets an error, not a panic.
	defer func() {
		if r := recover(); r != nil {
			t, err = nil, fmt.Errorf("%w：文件已损坏（%v）", ErrNotWorkbook, r)
		}
	}()
	x, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxXMLPart})
	if err != nil {
		return nil, fmt.Errorf("%w（%v）：请用 Excel 或 WPS 打开后另存为 .xlsx 格式", ErrNotWorkbook, err)
	}
	defer x.Close()
	r := &reader{
		x:         x,
		root:      &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1},
		positions: map[string]decode.Position{},
		known:     map[family]map[string]bool{},
	}
	grids := r.load()
	r.collectCodes(grids)
	for _, i := range readOrder() {
		if grids[i] != nil {
			r.sheet(i, grids[i])
		}
	}
	r.flushWarnings()
	sortKeys(r.root, rootOrder)
	sortFacts(r.root)
	for _, u := range contents(lookup(r.root, "units")) {
		sortKeys(u, unitOrder)
		sortFacts(u)
	}
	for _, p := range contents(lookup(r.root, "projects")) {
		sortKeys(p, projectOrder)
	}
	slices.SortStableFunc(r.problems, func(a, b Problem) int {
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Column - b.Pos.Column
	})
	return &Tree{Root: r.root, Positions: r.positions, Problems: r.problems}, nil
}

// readOrder is the order the sheets are read in: 预算单位 first, so that the
// rows of the other sheets that name a unit find it.
func readOrder() []int {
	order := make([]int, 0, len(sheets))
	for i, s := range sheets {
		if s.path == "units" {
			order = append([]int{i}, order...)
		} else {
			order = append(order, i)
		}
	}
	return order
}

type reader struct {
	x         *excelize.File
	root      *yaml.Node
	positions map[string]decode.Position
	problems  Problems
	// known holds, by family, the codes typed as text anywhere in the
	// workbook: what a number Excel stripped of zeros is compared with.
	known map[family]map[string]bool
	// textAmounts counts, by sheet and column, the amounts stored as text,
	// to warn once per column; firstText is where the first one stands.
	textAmounts map[decode.Position]int
	textOrder   []decode.Position
}

// grid is one sheet's cells: cells[r][c] is row r+1, column c+1.
type grid struct {
	cells [][]rawCell
	// cols maps a column of the sheet (from 1) to its column in the
	// schema: for lists the columns, for forms the value columns.
	cols map[int]int
}

func (g *grid) cell(row, col int) rawCell {
	if row < 1 || row > len(g.cells) || col < 1 || col > len(g.cells[row-1]) {
		return rawCell{}
	}
	return g.cells[row-1][col-1]
}

func (r *reader) errorf(pos decode.Position, path, format string, args ...any) {
	r.problems = append(r.problems, Problem{Pos: pos, Path: path, Message: fmt.Sprintf(format, args...)})
}

func (r *reader) warnf(pos decode.Position, path, format string, args ...any) {
	r.problems = append(r.problems, Problem{Pos: pos, Path: path, Warning: true, Message: fmt.Sprintf(format, args...)})
}

// load reads every sheet the workbook should have, by name; a missing one
// is nil, reported with what the workbook has instead.
func (r *reader) load() []*grid {
	present := r.x.GetSheetList()
	grids := make([]*grid, len(sheets))
	var missing, absent []int // required sheets missing, optional ones absent
	required := 0
	used := map[string]bool{introSheet: true}
	for i, s := range sheets {
		if !s.optional {
			required++
		}
		if !slices.Contains(present, s.name) {
			if s.optional {
				absent = append(absent, i)
			} else {
				missing = append(missing, i)
			}
			continue
		}
		used[s.name] = true
		grids[i] = r.grid(i)
	}
	var strangers []string
	for _, name := range present {
		if !used[name] {
			strangers = append(strangers, name)
		}
	}
	if len(missing) == required {
		// Not one sheet: some other workbook (the tables render made,
		// an export), not a wrong sheet or two.
		r.errorf(decode.Position{}, "", "这不是预算工作簿：它的工作表是 %s，而预算工作簿（由 budgetdoc init --xlsx 生成）应有 %s 这些工作表。公开文件的附表不能当作预算读入；从其他系统导出的表，请把数据粘贴到预算工作簿中", quotedList(present), sheetList())
		return grids
	}
	claimed := map[string]bool{}
	for _, i := range missing {
		msg := fmt.Sprintf("缺少工作表%s：工作簿应有 %s 这些工作表", quote(sheets[i].name), sheetList())
		for _, name := range strangers {
			if !claimed[name] && r.looksLike(name, i) {
				claimed[name] = true
				msg = fmt.Sprintf("缺少工作表%s：工作表%s的表头与它相同，多半是改了名：请把%s改回%s", quote(sheets[i].name), quote(name), quote(name), quote(sheets[i].name))
				break
			}
		}
		if !strings.Contains(msg, "改了名") && len(strangers) > 0 {
			msg += fmt.Sprintf("；工作簿中另有 %s：如果是改了名，请改回%s", quotedList(strangers), quote(sheets[i].name))
		}
		r.errorf(decode.Position{}, "", "%s", msg)
	}
	// An optional sheet may be absent, but not renamed: its rows would
	// be lost.
	for _, i := range absent {
		for _, name := range strangers {
			if !claimed[name] && r.looksLike(name, i) {
				claimed[name] = true
				r.errorf(decode.Position{}, "", "缺少工作表%s：工作表%s的表头与它相同，多半是改了名：请把%s改回%s", quote(sheets[i].name), quote(name), quote(name), quote(sheets[i].name))
				break
			}
		}
	}
	for _, name := range strangers {
		if !claimed[name] {
			r.warnf(decode.Position{}, "", "工作表%s不是预算工作簿的一部分，其中的内容没有读取", quote(name))
		}
	}
	return grids
}

// looksLike reports whether the sheet called name has the header row of
// sheets[i]: a sheet renamed.
func (r *reader) looksLike(name string, i int) bool {
	rows, err := r.x.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) == 0 {
		return false
	}
	got := map[string]bool{}
	for _, h := range rows[0] {
		got[trim(h)] = true
	}
	for _, h := range requiredHeaders(sheets[i]) {
		if !got[h] {
			return false
		}
	}
	if sheets[i].kind == form { // forms share their header: compare the labels too
		labels := map[string]bool{}
		for _, row := range rows {
			if len(row) > 0 {
				labels[trim(row[0])] = true
			}
		}
		for _, fr := range sheets[i].rows {
			if !labels[fr.label] {
				return false
			}
		}
	}
	return true
}

func sheetList() string {
	names := make([]string, len(sheets))
	for i, s := range sheets {
		names[i] = s.name
	}
	return quotedList(names)
}

func quotedList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quote(n)
	}
	return strings.Join(q, "、")
}

// headers is the header row a sheet must have.
func headers(s sheet) []string {
	if s.kind == form {
		h := []string{formLabelHeader}
		for _, v := range s.valueCols {
			h = append(h, v.header)
		}
		return h
	}
	h := make([]string, len(s.columns))
	for i, c := range s.columns {
		h[i] = c.header
	}
	return h
}

// requiredHeaders is the header row less its optional columns: what a
// sheet must have.
func requiredHeaders(s sheet) []string {
	if s.kind == form {
		return headers(s)
	}
	var h []string
	for _, c := range s.columns {
		if !c.optional {
			h = append(h, c.header)
		}
	}
	return h
}

// The fixed headers of a form sheet.
const (
	formLabelHeader = "项目"
	formNoteHeader  = "说明"
)

// grid reads sheet i's cells, checks that no cells are merged and maps the
// header row to the schema's columns.
func (r *reader) grid(i int) *grid {
	s := sheets[i]
	rows, err := r.x.GetRows(s.name, excelize.Options{RawCellValue: true})
	if err != nil {
		r.errorf(sheetPosition(i), "", "无法读取这张工作表：%v", err)
		return nil
	}
	shown, _ := r.x.GetRows(s.name)
	g := &grid{cols: map[int]int{}}
	g.cells = make([][]rawCell, len(rows))
	for ri, row := range rows {
		g.cells[ri] = make([]rawCell, len(row))
		for ci, v := range row {
			if v == "" {
				continue
			}
			c := rawCell{value: v, typ: textCell}
			if ri < len(shown) && ci < len(shown[ri]) {
				c.shown = shown[ri][ci]
			}
			name := cellName(ci+1, ri+1)
			switch t, _ := r.x.GetCellType(s.name, name); t {
			case excelize.CellTypeUnset, excelize.CellTypeNumber:
				c.typ = numberCell
			case excelize.CellTypeBool:
				c.typ = boolCell
			case excelize.CellTypeError:
				c.typ = errorCell
			case excelize.CellTypeDate:
				c.typ = dateCell
			}
			g.cells[ri][ci] = c
		}
	}
	merged, _ := r.x.GetMergeCells(s.name, true)
	for _, m := range merged {
		col, row, err := excelize.CellNameToCoordinates(m.GetStartAxis())
		if err != nil {
			continue
		}
		r.errorf(cellPosition(i, row, col), "", "%s:%s 是合并单元格：这张表每个单元格只填一个值，不能合并；请取消合并，并在每个单元格里填上值", m.GetStartAxis(), m.GetEndAxis())
	}
	if len(merged) > 0 {
		return nil
	}
	r.header(i, g)
	return g
}

// header maps the columns of row 1 to the schema: a column the sheet lacks
// is an error, a column it does not know a warning.
func (r *reader) header(i int, g *grid) {
	s := sheets[i]
	want := headers(s)
	at := map[string]int{}
	var row []rawCell
	if len(g.cells) > 0 {
		row = g.cells[0]
	}
	width := 0
	for _, r := range g.cells {
		width = max(width, len(r))
	}
	for col := 1; col <= width; col++ {
		var h string
		if col <= len(row) {
			h = trim(row[col-1].value)
		}
		switch j := slices.Index(want, h); {
		case h == "":
			if r.columnHasData(g, col) {
				r.warnf(cellPosition(i, 1, col), "", "%s 列没有表头，其中的内容没有读取", columnName(col))
			}
		case s.kind == form && h == formNoteHeader:
		case j < 0:
			r.warnf(cellPosition(i, 1, col), "", "%s不是这张表的列，其中的内容没有读取（这张表的列：%s）", quote(h), strings.Join(want, "、"))
		default:
			if prev, dup := at[h]; dup {
				r.errorf(cellPosition(i, 1, col), "", "列%s重复（%s 列已经是%s）：请删去其中一列", quote(h), columnName(prev), quote(h))
				continue
			}
			at[h] = col
			if s.kind == form {
				g.cols[col] = j - 1 // -1 is the label column
			} else {
				g.cols[col] = j
			}
		}
	}
	for _, h := range requiredHeaders(s) {
		if _, ok := at[h]; !ok {
			r.errorf(cellPosition(i, 1, 1), "", "缺少%s列：第 1 行应是表头 %s；如果改了表头，请改回来", quote(h), strings.Join(want, "、"))
		}
	}
}

func (r *reader) columnHasData(g *grid, col int) bool {
	for row := 2; row <= len(g.cells); row++ {
		if trim(g.cell(row, col).value) != "" {
			return true
		}
	}
	return false
}

// column returns the sheet column mapped to schema column j, 0 if none.
func (g *grid) column(j int) int {
	for col, k := range g.cols {
		if k == j {
			return col
		}
	}
	return 0
}

// collectCodes notes the codes typed as text in every code column.
func (r *reader) collectCodes(grids []*grid) {
	note := func(f family, c rawCell) {
		if f == noFamily || c.typ != textCell {
			return
		}
		v, _ := halfWidth(trim(c.value))
		if v == "" {
			return
		}
		if r.known[f] == nil {
			r.known[f] = map[string]bool{}
		}
		r.known[f][v] = true
	}
	for i, g := range grids {
		if g == nil {
			continue
		}
		s := sheets[i]
		switch s.kind {
		case form:
			for row := 2; row <= len(g.cells); row++ {
				if fr, ok := formRowOf(s, trim(g.cell(row, 1).value)); ok {
					for col := range g.cols {
						if g.cols[col] >= 0 {
							note(fr.family, g.cell(row, col))
						}
					}
				}
			}
		default:
			for col, j := range g.cols {
				for row := 2; row <= len(g.cells); row++ {
					note(s.columns[j].family, g.cell(row, col))
				}
			}
		}
	}
}

func formRowOf(s sheet, label string) (formRow, bool) {
	for _, fr := range s.rows {
		if fr.label == label {
			return fr, true
		}
	}
	return formRow{}, false
}

// sheet reads sheet i into the tree.
func (r *reader) sheet(i int, g *grid) {
	s := sheets[i]
	switch s.kind {
	case form:
		r.form(i, g)
	default:
		r.list(i, g)
	}
}

func (r *reader) form(i int, g *grid) {
	s := sheets[i]
	for _, v := range s.valueCols {
		if v.prefix != "" {
			r.positions[v.prefix] = cellPosition(i, 1, 1)
		}
	}
	seen := map[string]int{}
	found := map[string]bool{}
	for row := 2; row <= len(g.cells); row++ {
		label := trim(g.cell(row, 1).value)
		fr, ok := formRowOf(s, label)
		if !ok {
			if label == "" && !r.rowHasData(g, row) {
				continue
			}
			if label == "" {
				r.warnf(cellPosition(i, row, 1), "", "第 %d 行 A 列是空的，不知道是哪一项，这一行没有读取（这张表的各项：%s）", row, strings.Join(formLabels(s), "、"))
				continue
			}
			if !s.open {
				r.warnf(cellPosition(i, row, 1), "", "第 %d 行%s不是这张表的一项，这一行没有读取（这张表的各项：%s）", row, quote(label), strings.Join(formLabels(s), "、"))
				continue
			}
			fr = formRow{label: label, key: label, kind: amount}
		}
		if prev, dup := seen[label]; dup {
			r.errorf(cellPosition(i, row, 1), "", "%s重复（第 %d 行已经有了）：请删去其中一行", quote(label), prev)
			continue
		}
		seen[label], found[label] = row, true
		def := column{kind: fr.kind, values: fr.values, family: fr.family}
		for j, v := range s.valueCols {
			r.put(i, row, g.column(j), def, join(v.prefix, fr.key), g)
		}
	}
	for _, fr := range s.rows {
		if !found[fr.label] {
			r.errorf(sheetPosition(i), "", "缺少%s这一行：A 列应依次是 %s；如果改了名称，请改回来", quote(fr.label), strings.Join(formLabels(s), "、"))
		}
	}
}

func formLabels(s sheet) []string {
	l := make([]string, len(s.rows))
	for i, fr := range s.rows {
		l[i] = fr.label
	}
	return l
}

func (r *reader) rowHasData(g *grid, row int) bool {
	return r.rowHasDataFrom(g, row, -1) // -1: a form's label column too
}

// rowHasDataFrom reports whether a row has data in the columns of the
// schema from first on.
func (r *reader) rowHasDataFrom(g *grid, row, first int) bool {
	if row < 1 || row > len(g.cells) {
		return false
	}
	for col, j := range g.cols {
		if j >= first && trim(g.cell(row, col).value) != "" {
			return true
		}
	}
	return false
}

// list reads a list sheet: one item a row, empty rows skipped.
func (r *reader) list(i int, g *grid) {
	s := sheets[i]
	first := s.first()
	if s.kind != grouped && s.kind != perUnit {
		// A list left empty is named by its first cell of data, past the
		// unit code.
		r.positions[s.path] = cellPosition(i, 2, max(1, g.column(first)))
	}
	seen := map[string]int{} // perUnit: the row of each unit and base
	for row := 2; row <= len(g.cells); row++ {
		if !r.rowHasData(g, row) {
			continue
		}
		switch s.kind {
		case plain, records:
			t, ok := r.target(i, g, row, s, s.path)
			if !ok {
				continue
			}
			seq := r.sequenceIn(t.node, t.rel, t.pos)
			if t.prefix != "" && !r.rowHasDataFrom(g, row, first) {
				continue // a unit's code alone: the unit has none
			}
			path := index(t.path(), len(seq.Content))
			if s.kind == records {
				seq.Content = append(seq.Content, r.record(i, g, row, s.columns, first, path))
				continue
			}
			col := g.column(first)
			r.positions[path] = cellPosition(i, row, col)
			if v := r.value(i, row, col, g.cell(row, col), s.columns[first], path); v != nil {
				seq.Content = append(seq.Content, v)
			}
		case pairs:
			r.pair(i, g, row, s)
		case grouped:
			r.groupedRow(i, g, row, s)
		case perUnit:
			r.unitRow(i, g, row, s, seen)
		}
	}
}

// place is where a row of a list sheet goes: the list at rel within node,
// whose path in the tree is prefix.rel; pos is where it begins.
type place struct {
	node        *yaml.Node
	prefix, rel string
	pos         decode.Position
}

func (p place) path() string { return join(p.prefix, p.rel) }

// target is where a row of a list sheet goes: the department's list at
// path, or, when the row's 单位编码 names unit k, the unit's own list
// under units[k]. ok is false for a code that names no unit (reported).
func (r *reader) target(i int, g *grid, row int, s sheet, path string) (place, bool) {
	if s.byUnit == "" {
		return place{node: r.root, rel: path, pos: cellPosition(i, 2, 1)}, true
	}
	k, ok := r.rowUnit(i, g, row, s)
	switch {
	case !ok:
		return place{}, false
	case k < 0:
		return place{node: r.root, rel: path, pos: cellPosition(i, 2, 1)}, true
	}
	pos := cellPosition(i, row, 1)
	prefix := index("units", k)
	if _, seen := r.positions[join(prefix, s.byUnit)]; !seen {
		r.positions[join(prefix, s.byUnit)] = pos
	}
	return place{node: r.units()[k], prefix: prefix, rel: s.byUnit, pos: pos}, true
}

// rowUnit reads the 单位编码 of a row (column 0 of the sheet): the index of
// the unit in units, or -1 for none (the department's row). ok is false
// when the code names no unit listed in 预算单位, which is reported.
func (r *reader) rowUnit(i int, g *grid, row int, s sheet) (k int, ok bool) {
	col := g.column(0)
	if col == 0 { // a workbook made before the column was added
		return -1, true
	}
	v := r.value(i, row, col, g.cell(row, col), s.columns[0], "")
	if v == nil {
		return -1, true
	}
	for k, u := range r.units() {
		if c := lookup(u, "code"); c != nil && c.Value == v.Value {
			return k, true
		}
	}
	r.errorf(cellPosition(i, row, col), "", "%s%s不在“预算单位”表中：请先在“预算单位”表中列出这个单位，或改正编码", unitHeader, quote(v.Value))
	return 0, false
}

// units are the unit mappings read from 预算单位.
func (r *reader) units() []*yaml.Node { return contents(lookup(r.root, "units")) }

// unitRow reads a row of a perUnit sheet: a unit's "三公"经费, assets or
// prior year, into the mapping its base names under units[k]. seen holds
// the row each unit and base was first given in, to refuse a second.
func (r *reader) unitRow(i int, g *grid, row int, s sheet, seen map[string]int) {
	uc := g.column(0)
	if uc == 0 {
		return // the missing header is reported
	}
	if trim(g.cell(row, uc).value) == "" {
		r.errorf(cellPosition(i, row, uc), "", "未填写%s：请填写这一行是哪个预算单位的（从“预算单位”表中选）", unitHeader)
		return
	}
	k, ok := r.rowUnit(i, g, row, s)
	if !ok {
		return
	}
	b := s.bases[0]
	if len(s.bases) > 1 {
		sc := g.column(1)
		if sc == 0 {
			return
		}
		sel := s.columns[1]
		v := r.value(i, row, sc, g.cell(row, sc), sel, "")
		if v == nil {
			r.errorf(cellPosition(i, row, sc), "", "未填写%s：请填写 %s", sel.header, strings.Join(sel.values, " 或 "))
			return
		}
		found := false
		for _, c := range s.bases {
			if c.label == v.Value {
				b, found = c, true
			}
		}
		if !found {
			r.errorf(cellPosition(i, row, sc), "", "%s应填 %s，实际是%s", sel.header, strings.Join(sel.values, " 或 "), quote(v.Value))
			return
		}
	}
	code := lookup(r.units()[k], "code").Value
	if prev, dup := seen[code+"\x00"+b.label]; dup {
		if b.label == "" {
			r.errorf(cellPosition(i, row, uc), "", "单位 %s 已在第 %d 行填写：每个单位只填一行，请删去其中一行", code, prev)
		} else {
			r.errorf(cellPosition(i, row, uc), "", "单位 %s 的%s已在第 %d 行填写：每个单位%s各填一行，请删去其中一行", code, quote(b.label), prev, baseLabels(s))
		}
		return
	}
	seen[code+"\x00"+b.label] = row
	pos := cellPosition(i, row, 1)
	path := join(index("units", k), b.path)
	m := r.mappingIn(r.units()[k], b.path, pos)
	if _, ok := r.positions[path]; !ok {
		r.positions[path] = pos
	}
	for j := s.first(); j < len(s.columns); j++ {
		col := g.column(j)
		if col == 0 {
			continue
		}
		c := s.columns[j]
		if v := r.put0(i, row, col, g.cell(row, col), c, join(path, c.key)); v != nil {
			parent, key := splitPath(c.key)
			pm := r.mappingIn(m, parent, pos)
			pm.Content = append(pm.Content, keyNode(key, v), v)
		}
	}
}

// baseLabels words the labels of a perUnit sheet's bases: 本年、上年.
func baseLabels(s sheet) string {
	l := make([]string, len(s.bases))
	for k, b := range s.bases {
		l[k] = b.label
	}
	return strings.Join(l, "、")
}

// record reads one row into a mapping, from schema column first on. A
// column's key may be a path within the item (procurement.total).
func (r *reader) record(i int, g *grid, row int, columns []column, first int, path string) *yaml.Node {
	pos := cellPosition(i, row, 1)
	item := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: pos.Line, Column: pos.Column}
	r.positions[path] = pos
	for j := first; j < len(columns); j++ {
		col := g.column(j)
		if col == 0 {
			continue
		}
		c := columns[j]
		if v := r.put0(i, row, col, g.cell(row, col), c, join(path, c.key)); v != nil {
			parent, key := splitPath(c.key)
			m := r.mappingIn(item, parent, pos)
			m.Content = append(m.Content, keyNode(key, v), v)
		}
	}
	return item
}

func (r *reader) pair(i int, g *grid, row int, s sheet) {
	kc, vc := g.column(0), g.column(1)
	if kc == 0 || vc == 0 {
		return
	}
	m := r.mapping(s.path, cellPosition(i, 2, 1))
	key := r.value(i, row, kc, g.cell(row, kc), s.columns[0], s.path)
	if key == nil {
		r.errorf(cellPosition(i, row, kc), s.path, "未填写%s", s.columns[0].header)
		return
	}
	for k := 0; k+1 < len(m.Content); k += 2 {
		if m.Content[k].Value == key.Value {
			r.errorf(cellPosition(i, row, kc), join(s.path, key.Value), "%s%s重复（第 %d 行已经写过）：请删去其中一行", s.columns[0].header, quote(key.Value), m.Content[k].Line&(1<<rowBits-1))
			return
		}
	}
	path := join(s.path, key.Value)
	v := r.put0(i, row, vc, g.cell(row, vc), s.columns[1], path)
	if v == nil {
		v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "", Style: yaml.DoubleQuotedStyle, Line: key.Line, Column: vc}
	}
	k := keyNode(key.Value, v)
	k.Line, k.Column = key.Line, key.Column
	m.Content = append(m.Content, k, v)
}

// groupedRow reads a row that belongs to an item of the parent list, named
// by the row's first column.
func (r *reader) groupedRow(i int, g *grid, row int, s sheet) {
	first := s.first() // the parent's key; the unit code before it
	kc := g.column(first)
	if kc == 0 {
		return
	}
	key := r.value(i, row, kc, g.cell(row, kc), s.columns[first], "")
	var seq *yaml.Node
	var base string
	if key == nil {
		if s.orphans == "" {
			r.errorf(cellPosition(i, row, kc), "", "未填写%s：请填写这一行属于哪个项目", s.columns[first].header)
			return
		}
		t, ok := r.target(i, g, row, s, s.orphans)
		if !ok {
			return
		}
		if t.prefix == "" {
			t.pos = cellPosition(i, row, 1)
		}
		seq = r.sequenceIn(t.node, t.rel, t.pos)
		base = t.path()
		if t.prefix != "" && !r.rowHasDataFrom(g, row, first+1) {
			return // a unit's code alone: the unit has none
		}
	} else {
		parents := lookup(r.root, s.parent)
		p := -1
		for k, item := range contents(parents) {
			if v := lookup(item, s.parentKey); v != nil && v.Value == key.Value {
				p = k
				break
			}
		}
		if p < 0 {
			r.errorf(decode.Position{Line: key.Line, Column: key.Column}, "", "%s%s不在%s表中：请先在%s表中列出这个项目，或改正编码", s.columns[first].header, quote(key.Value), quote(s.parent2()), quote(s.parent2()))
			return
		}
		parent := parents.Content[p]
		if !r.sameUnit(i, g, row, s, parent) {
			return
		}
		base = join(index(s.parent, p), s.child)
		seq = lookup(parent, s.child)
		if seq == nil {
			pos := cellPosition(i, row, 1)
			seq = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: pos.Line, Column: pos.Column}
			parent.Content = append(parent.Content, keyNode(s.child, seq), seq)
			r.positions[base] = pos
		}
	}
	path := index(base, len(seq.Content))
	seq.Content = append(seq.Content, r.record(i, g, row, s.columns, first+1, path))
}

// sameUnit checks the 单位编码 of a grouped row that names its parent (a
// project's procurement): it belongs to the project's unit, so the code
// may be left empty or be that unit's; another is an error.
func (r *reader) sameUnit(i int, g *grid, row int, s sheet, parent *yaml.Node) bool {
	col := g.column(0)
	if s.byUnit == "" || col == 0 {
		return true
	}
	v := r.value(i, row, col, g.cell(row, col), s.columns[0], "")
	own := lookup(parent, "unit")
	if v == nil || own == nil || own.Value == v.Value {
		return true
	}
	r.errorf(cellPosition(i, row, col), "", "这一行是项目%s的采购，属于项目所属的单位 %s，而%s填的是 %s：项目的采购请不填%s（或填 %s）", quote(lookup(parent, s.parentKey).Value), own.Value, unitHeader, v.Value, unitHeader, own.Value)
	return false
}

// parent2 names the sheet that lists the parents of a grouped sheet.
func (s sheet) parent2() string {
	for _, t := range sheets {
		if t.kind == records && t.path == s.parent {
			return t.name
		}
	}
	return s.parent
}

// put reads a form's value cell into the tree at path.
func (r *reader) put(i, row, col int, def column, path string, g *grid) {
	if col == 0 {
		return
	}
	if v := r.put0(i, row, col, g.cell(row, col), def, path); v != nil {
		parent, key := splitPath(path)
		m := r.mapping(parent, cellPosition(i, 1, 1))
		m.Content = append(m.Content, keyNode(key, v), v)
	}
}

// put0 records the position of path and reads the cell's value.
func (r *reader) put0(i, row, col int, c rawCell, def column, path string) *yaml.Node {
	r.positions[path] = cellPosition(i, row, col)
	return r.value(i, row, col, c, def, path)
}

// value reads a cell as a scalar of the kind def says; nil for an empty
// cell or one that cannot be read (which is reported).
func (r *reader) value(i, row, col int, c rawCell, def column, path string) *yaml.Node {
	pos := cellPosition(i, row, col)
	scalar := func(tag, v string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v, Line: pos.Line, Column: pos.Column}
	}
	if c.typ == emptyCell || trim(c.value) == "" {
		return nil
	}
	if c.typ == errorCell {
		r.errorf(pos, path, "单元格是错误值 %s（多是公式出错）：请改成要填的值", c.value)
		return nil
	}
	switch def.kind {
	case text, choice:
		v := c.value
		if c.typ == numberCell && c.shown != "" {
			v = c.shown // 100% stored as 1 is "100%" to the clerk
		}
		if c.typ == boolCell {
			v = map[string]string{"1": "TRUE", "0": "FALSE"}[c.value]
		}
		return scalar("!!str", trim(v))
	case code:
		return r.code(pos, c, def, path)
	case amount:
		switch c.typ {
		case numberCell:
			if v, ok := storedNumber(c.value); ok {
				return scalar("!!float", v)
			}
		case textCell:
			v, full, ok := typedNumber(c.value)
			if !ok {
				return scalar("!!str", trim(c.value))
			}
			if full {
				r.warnf(pos, path, "%s是全角数字，已按 %s 读取：请把输入法切换到半角后重新输入", quote(trim(c.value)), v)
			}
			r.textAmount(i, col, pos)
			return scalar("!!float", v)
		}
		return scalar("!!str", trim(c.value))
	case count:
		switch c.typ {
		case numberCell:
			return scalar(numberTag(c.value), c.value)
		case textCell:
			v, full := halfWidth(trim(c.value))
			if !digitsOnly.MatchString(v) {
				return scalar("!!str", trim(c.value))
			}
			if full {
				r.warnf(pos, path, "%s是全角数字，已按 %s 读取：请把输入法切换到半角后重新输入", quote(trim(c.value)), v)
			}
			return scalar("!!int", v)
		}
		return scalar("!!str", trim(c.value))
	case yesNo:
		v := trim(c.value)
		switch {
		case v == "是" || strings.EqualFold(v, "true") || (c.typ != textCell && v == "1"):
			return scalar("!!bool", "true")
		case v == "否" || strings.EqualFold(v, "false") || (c.typ != textCell && v == "0"):
			return scalar("!!bool", "false")
		}
		r.errorf(pos, path, "应填“是”或“否”（不是可以不填），实际是%s", quote(v))
		return nil
	case month:
		return r.month(pos, c, path)
	}
	return scalar("!!str", trim(c.value))
}

func numberTag(v string) string {
	if digitsOnly.MatchString(strings.TrimPrefix(v, "-")) {
		return "!!int"
	}
	return "!!float"
}

// code reads a code. A number where a code belongs is how Excel keeps
// what was typed as 019: as 19. When the codes typed as text elsewhere say
// what it was, that is the fix; a number too long for Excel's 15 digits has
// lost its end.
func (r *reader) code(pos decode.Position, c rawCell, def column, path string) *yaml.Node {
	scalar := func(v string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Line: pos.Line, Column: pos.Column}
	}
	if c.typ != numberCell {
		v, full := halfWidth(trim(c.value))
		if full {
			r.warnf(pos, path, "编码%s中有全角数字，已按 %s 读取：请把输入法切换到半角后重新输入", quote(trim(c.value)), v)
		}
		return scalar(v)
	}
	v := c.value
	if !digitsOnly.MatchString(v) || len(v) > 15 {
		// Excel keeps 15 digits: the codes typed as text elsewhere may
		// say which one this was.
		var fixes []string
		if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 1e15 && f < 1e30 {
			digits := strconv.FormatFloat(f, 'f', 0, 64)
			for k := range r.known[def.family] {
				if len(k) == len(digits) && k[:15] == digits[:15] {
					fixes = append(fixes, k)
				}
			}
		}
		if len(fixes) == 1 {
			r.errorf(pos, path, "编码被 Excel 存成了数字 %s，超过 15 位的部分已经丢失，看来应为 %s：请把这一列设为“文本”格式，再重新输入 %s", c.shown, fixes[0], fixes[0])
			return scalar(fixes[0])
		}
		r.errorf(pos, path, "编码被 Excel 存成了数字 %s，超过 15 位的部分已经丢失：请把这一列设为“文本”格式，再重新输入完整的编码", c.shown)
		return nil
	}
	if def.family == noFamily || r.known[def.family][v] {
		return scalar(v)
	}
	var fixes []string
	for k := range r.candidates(def.family, v) {
		fixes = append(fixes, k)
	}
	slices.Sort(fixes)
	switch len(fixes) {
	case 0:
		return scalar(v)
	case 1:
		r.errorf(pos, path, "编码 %s 前面的 0 被 Excel 去掉了，应为 %s：请把这一列设为“文本”格式，再重新输入 %s", v, fixes[0], fixes[0])
		return scalar(fixes[0])
	default:
		r.errorf(pos, path, "编码 %s 前面的 0 被 Excel 去掉了，应为 %s 之一：请把这一列设为“文本”格式，再重新输入完整的编码", v, strings.Join(fixes, "、"))
		return scalar(v)
	}
}

// candidates returns the codes of family f typed as text that v is with
// its leading zeros stripped. The department code has no other column; the
// unit codes begin with it.
func (r *reader) candidates(f family, v string) map[string]bool {
	out := map[string]bool{}
	if f == departmentCode {
		for u := range r.known[unitCodes] {
			if t := strings.TrimLeft(u, "0"); t != u && strings.HasPrefix(t, v) {
				out[strings.Repeat("0", len(u)-len(t))+v] = true
			}
		}
		return out
	}
	for k := range r.known[f] {
		if k != v && strings.TrimLeft(k, "0") == v {
			out[k] = true
		}
	}
	return out
}

// month reads 公开月份: text as typed, or a date Excel made of 2023-04.
func (r *reader) month(pos decode.Position, c rawCell, path string) *yaml.Node {
	v := trim(c.value)
	switch c.typ {
	case numberCell:
		if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 36526 && f < 73051 && f == math.Trunc(f) {
			if t, err := excelize.ExcelDateToTime(f, false); err == nil {
				v = t.Format("2006-01")
				r.warnf(pos, path, "公开月份被 Excel 当成了日期，已按 %s 读取：请把这个单元格设为“文本”格式，再输入 %s", v, v)
			}
		}
	case dateCell:
		if len(v) >= 7 {
			v = v[:7]
		}
	default:
		v, _ = halfWidth(v)
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Line: pos.Line, Column: pos.Column}
}

// textAmount notes an amount stored as text, to warn once per column.
func (r *reader) textAmount(i, col int, pos decode.Position) {
	k := cellPosition(i, 0, col)
	if r.textAmounts == nil {
		r.textAmounts = map[decode.Position]int{}
	}
	if r.textAmounts[k] == 0 {
		r.textOrder = append(r.textOrder, pos)
	}
	r.textAmounts[k]++
}

func (r *reader) flushWarnings() {
	for _, pos := range r.textOrder {
		n := r.textAmounts[decode.Position{Line: pos.Line &^ (1<<rowBits - 1), Column: pos.Column}]
		what := "这个金额"
		if n > 1 {
			what = fmt.Sprintf("这一列有 %d 个金额（从这里起）", n)
		}
		r.warnf(pos, "", "%s存成了文字而不是数字，已按数字读取；但 Excel 求和时不会计入文字：请选中这些单元格，转换为数字", what)
	}
}

// Tree building.

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

func splitPath(path string) (parent, key string) {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i], path[i+1:]
	}
	return "", path
}

func keyNode(key string, v *yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: v.Line, Column: v.Column}
}

// lookup returns the value of key in mapping m, nil if absent.
func lookup(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for k := 0; k+1 < len(m.Content); k += 2 {
		if m.Content[k].Value == key {
			return m.Content[k+1]
		}
	}
	return nil
}

// contents returns the items of a list node, none for nil.
func contents(n *yaml.Node) []*yaml.Node {
	if n == nil {
		return nil
	}
	return n.Content
}

// mapping returns the mapping at a dotted path of the tree, making it (at
// pos) and its parents as needed.
func (r *reader) mapping(path string, pos decode.Position) *yaml.Node {
	return r.mappingIn(r.root, path, pos)
}

// mappingIn returns the mapping at a dotted path within the mapping m,
// making it (at pos) and its parents as needed; m itself for "".
func (r *reader) mappingIn(m *yaml.Node, path string, pos decode.Position) *yaml.Node {
	if path == "" {
		return m
	}
	return r.nodeIn(m, path, pos, yaml.MappingNode, "!!map")
}

// sequenceIn returns the list at a dotted path within the mapping m,
// making it as needed.
func (r *reader) sequenceIn(m *yaml.Node, path string, pos decode.Position) *yaml.Node {
	return r.nodeIn(m, path, pos, yaml.SequenceNode, "!!seq")
}

// nodeIn returns the node at path within m, making it of kind (and its
// parent mappings) at pos when it is not there.
func (r *reader) nodeIn(m *yaml.Node, path string, pos decode.Position, kind yaml.Kind, tag string) *yaml.Node {
	parent, key := splitPath(path)
	p := r.mappingIn(m, parent, pos)
	if v := lookup(p, key); v != nil {
		return v
	}
	v := &yaml.Node{Kind: kind, Tag: tag, Line: pos.Line, Column: pos.Column}
	p.Content = append(p.Content, keyNode(key, v), v)
	return v
}

// rootOrder is the order of the budget's keys, as the model has them.
var rootOrder = []string{
	"money_unit", "department", "units", "income", "lines", "projects", "function_names",
	"three_public", "procurement", "assets", "special_transfers", "performance", "prior",
}

// The keys of a unit, the prior year, the performance table and a
// project, in the model's order.
var (
	unitOrder = []string{"code", "name", "kind", "offices", "duties", "three_public", "procurement",
		"assets", "special_transfers", "performance", "prior"}
	priorOrder       = []string{"basic", "projects", "government_fund", "state_capital", "three_public", "reasons", "general_budget"}
	performanceOrder = []string{"goals", "tasks", "indicators"}
	procurementOrder = []string{"total", "basic"}
	projectOrder     = []string{"code", "name", "short_name", "type", "unit", "key", "procurement", "targets"}
)

// sortFacts puts the keys of the facts a budget or a unit states in the
// model's order.
func sortFacts(m *yaml.Node) {
	for key, order := range map[string][]string{"prior": priorOrder, "performance": performanceOrder, "procurement": procurementOrder} {
		if v := lookup(m, key); v != nil {
			sortKeys(v, order)
		}
	}
}

// sortKeys puts a mapping's keys in the model's order, so that the YAML
// written from a workbook reads like one written by hand (the sheets fill
// the tree in their own order).
func sortKeys(m *yaml.Node, order []string) {
	type entry struct{ k, v *yaml.Node }
	var es []entry
	for k := 0; k+1 < len(m.Content); k += 2 {
		es = append(es, entry{m.Content[k], m.Content[k+1]})
	}
	slices.SortStableFunc(es, func(a, b entry) int {
		return slices.Index(order, a.k.Value) - slices.Index(order, b.k.Value)
	})
	m.Content = m.Content[:0]
	for _, e := range es {
		m.Content = append(m.Content, e.k, e.v)
	}
}
