package workbook

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/width"

	"github.com/budgetdoc/budgetdoc/internal/decode"
)

// fixedTimestamp is the workbook's created and modified time, so that the
// same tree always gives the same bytes.
const fixedTimestamp = "2000-01-01T00:00:00Z"

// validationRows is how far down a list sheet's drop-downs and formats
// reach: far beyond any department's lines.
const validationRows = 10000

// introWidth is the width of 填写说明's column, in characters.
const introWidth = 64

// UnplacedError lists the values of a tree that the workbook has no place
// for (keys the input does not know): writing them would lose them.
type UnplacedError []Unplaced

// Unplaced is one value of a tree without a place in the workbook.
type Unplaced struct {
	Pos     decode.Position // line and column in the tree's file
	Path    string
	Message string
}

func (e UnplacedError) Error() string {
	lines := make([]string, len(e))
	for i, u := range e {
		lines[i] = fmt.Sprintf("%d:%d: %s: %s", u.Pos.Line, u.Pos.Column, u.Path, u.Message)
	}
	return strings.Join(lines, "\n")
}

// Template writes the empty workbook a clerk fills in.
func Template(w io.Writer) error {
	root := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		str("money_unit"), str("万元"),
		str("department"), {Kind: yaml.MappingNode, Content: []*yaml.Node{str("level"), str("县级")}},
	}}
	return Write(w, root)
}

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// Write writes the tree root (a budget's mapping, as decode.YAML or
// decode.JSON or Read give it; nil for none) as the workbook. Every value
// of the tree goes into a cell: a value the workbook has no place for is an
// UnplacedError, and nothing is written.
func Write(w io.Writer, root *yaml.Node) error {
	if root != nil && root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	x := excelize.NewFile()
	defer x.Close()
	wr := &writer{x: x, root: root, used: map[*yaml.Node]bool{}}
	if err := wr.styles(); err != nil {
		return err
	}
	if err := x.SetSheetName(x.GetSheetName(0), introSheet); err != nil {
		return err
	}
	if err := wr.intro(); err != nil {
		return fmt.Errorf("workbook: %s: %w", introSheet, err)
	}
	for i := range sheets {
		if _, err := x.NewSheet(sheets[i].name); err != nil {
			return err
		}
		if err := wr.sheet(sheets[i]); err != nil {
			return fmt.Errorf("workbook: %s: %w", sheets[i].name, err)
		}
	}
	if u := wr.unplaced(); len(u) > 0 {
		return u
	}
	x.SetActiveSheet(0)
	if err := x.SetDocProps(&excelize.DocProperties{
		Title: "部门预算数据", Creator: "budgetdoc", LastModifiedBy: "budgetdoc", Language: "zh-CN",
		Created: fixedTimestamp, Modified: fixedTimestamp,
	}); err != nil {
		return err
	}
	if err := x.SetAppProps(&excelize.AppProperties{Application: "budgetdoc"}); err != nil {
		return err
	}
	return x.Write(w)
}

type writer struct {
	x    *excelize.File
	root *yaml.Node
	used map[*yaml.Node]bool
	bad  UnplacedError

	header, label, note, title, wrap int
	byKind                           map[kind]int
}

func (w *writer) styles() error {
	border := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	textFmt := "@"
	styles := []struct {
		id *int
		s  excelize.Style
	}{
		{&w.header, excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&w.label, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}, Border: border}},
		{&w.note, excelize.Style{Font: &excelize.Font{Color: "595959"}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&w.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&w.wrap, excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
	}
	for _, s := range styles {
		id, err := w.x.NewStyle(&s.s)
		if err != nil {
			return err
		}
		*s.id = id
	}
	w.byKind = map[kind]int{}
	top := &excelize.Alignment{Vertical: "top"}
	// In a fixed order: the style ids are in the file.
	for _, ks := range []struct {
		k kind
		s excelize.Style
	}{
		// All at the top: a row with text that wraps reads as one line.
		{text, excelize.Style{CustomNumFmt: &textFmt, Alignment: top}},
		{code, excelize.Style{CustomNumFmt: &textFmt, Alignment: top}},
		{choice, excelize.Style{CustomNumFmt: &textFmt, Alignment: top}},
		{month, excelize.Style{CustomNumFmt: &textFmt, Alignment: top}},
		{yesNo, excelize.Style{CustomNumFmt: &textFmt, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}},
		{amount, excelize.Style{NumFmt: 4, Alignment: top}}, // #,##0.00
		{count, excelize.Style{NumFmt: 1, Alignment: top}},  // 0
	} {
		id, err := w.x.NewStyle(&ks.s)
		if err != nil {
			return err
		}
		w.byKind[ks.k] = id
	}
	return nil
}

// intro writes 填写说明.
func (w *writer) intro() error {
	lines := []string{
		"部门预算公开 数据工作簿（由 budgetdoc 生成）",
		"",
		"怎样填写",
		"1. 每张工作表填预算的一部分；第 1 行是表头，把鼠标移到表头上可以看到这一列的填写说明（可填的值、单位）。",
		"2. 从第 2 行起每行填一项；中间留空行没有关系。不要改工作表的名称和表头，不要合并单元格。",
		"3. 编码列（部门、单位、项目、功能分类、经济分类）已设为文本格式，019 会保留开头的 0；从别处粘贴时请用“选择性粘贴 → 数值”。",
		"4. 金额的单位见“部门信息”中的金额单位（默认万元），最多两位小数。公开文件中各张表格和说明文字里的数字都由“支出明细”算出，不必另填。",
		"5. 有下拉箭头的列请从列表中选；单位编码和项目编码分别来自“预算单位”表和“项目”表，请先填这两张表。",
		"6. 填好后运行：budgetdoc validate 本文件.xlsx —— 每个问题都会指出所在的工作表和单元格，如“支出明细!H27”。",
		"7. 没问题后运行：budgetdoc render 本文件.xlsx -o 公开文件.pdf",
		"",
		"各工作表",
	}
	for _, s := range sheets {
		lines = append(lines, s.name+"："+s.about)
	}
	lines = append(lines, "",
		"多单位的部门（各单位的单位预算）",
		"只有一个预算单位的部门不用管这一段：“单位编码”列空着，“单位\"三公\"经费”、“单位国有资产”、“单位上年数”三张表也空着。",
		"部门有几个预算单位、要出各单位的单位预算时，每个单位还要填本单位自己的数（部门的数仍照常填，是各单位之和）：",
		"· 内设科室、主要职责、专项转移支付、履职目标、主要任务、整体绩效、上年项目，以及政府采购中基本支出安排的采购：在同一张表里另起几行，“单位编码”列选这个单位；“单位编码”空着的行是整个部门的。",
		"· “三公”经费、国有资产、上年数：整个部门的填在原表；各单位的填在紧挨着的“单位\"三公\"经费”（每个单位本年一行、上年一行）、“单位国有资产”、“单位上年数”表，每行的“单位编码”选这个单位。",
		"· 本单位的政府采购合计（选填）填在“预算单位”表的“政府采购合计”列。",
		"· 某个单位没有某一项（如没有专项转移支付、没有基本支出安排的采购）：在那张表里只填它的单位编码，其余空着，表示本单位没有。",
		"每个单位的单位预算要有本单位的内设科室、主要职责、“三公”经费、国有资产、整体绩效和上年数；budgetdoc validate 会指出哪个单位缺了哪一项，并核对各单位之和是否等于部门的数。",
		"",
		"从预算管理一体化系统导出的数据",
		"把导出表中的各列分别复制，用“选择性粘贴 → 数值”粘贴到“支出明细”等表对应的列中；列的顺序以本工作簿的表头为准。",
		"导出表中多余的列不要粘贴；本工作簿没有的列（如科目名称）不需要，名称由编码查得。",
	)
	for i, l := range lines {
		cell := cellName(1, i+1)
		if err := w.x.SetCellStr(introSheet, cell, l); err != nil {
			return err
		}
		style := w.wrap
		if i == 0 || l == "怎样填写" || l == "各工作表" || l == "多单位的部门（各单位的单位预算）" || l == "从预算管理一体化系统导出的数据" {
			style = w.title
		}
		if err := w.x.SetCellStyle(introSheet, cell, cell, style); err != nil {
			return err
		}
		// Excel does not grow a row for wrapped text on opening: give
		// each row the lines its text takes.
		if n := math.Ceil(textWidth(l) * 1.2 / introWidth); n > 1 { // CJK prints wider than two units
			if err := w.x.SetRowHeight(introSheet, i+1, 15*n); err != nil {
				return err
			}
		}
	}
	if err := w.x.SetColWidth(introSheet, "A", "A", introWidth+2); err != nil {
		return err
	}
	return w.pageSetup(introSheet, "portrait")
}

func (w *writer) sheet(s sheet) error {
	if s.kind == form {
		return w.form(s)
	}
	return w.list(s)
}

// form writes a form sheet: a row per field, its label, the value in each
// value column, the note.
func (w *writer) form(s sheet) error {
	x, name := w.x, s.name
	hs := append(headers(s), formNoteHeader)
	for j, h := range hs {
		if err := x.SetCellStr(name, cellName(j+1, 1), h); err != nil {
			return err
		}
	}
	last := cellName(len(hs), 1)
	if err := x.SetCellStyle(name, "A1", last, w.header); err != nil {
		return err
	}
	rows := s.rows
	if s.open { // keys beyond the fixed rows (an unknown source) keep their value
		for _, v := range s.valueCols {
			for _, k := range keys(w.find(v.prefix)) {
				if _, ok := formRowOf(s, k); !ok && !containsRow(rows, k) {
					rows = append(rows, formRow{label: k, key: k, kind: amount, note: amountNote})
				}
			}
		}
	}
	labelWidth, noteWidth := textWidth(formLabelHeader), 30.0
	for ri, fr := range rows {
		row := ri + 2
		if err := x.SetCellStr(name, cellName(1, row), fr.label); err != nil {
			return err
		}
		if err := x.SetCellStyle(name, cellName(1, row), cellName(1, row), w.label); err != nil {
			return err
		}
		labelWidth = max(labelWidth, textWidth(fr.label))
		def := column{kind: fr.kind, values: fr.values}
		for j, v := range s.valueCols {
			cell := cellName(j+2, row)
			if err := x.SetCellStyle(name, cell, cell, w.byKind[fr.kind]); err != nil {
				return err
			}
			if err := w.value(name, cell, def, join(v.prefix, fr.key)); err != nil {
				return err
			}
			if err := w.validation(name, cell, def); err != nil {
				return err
			}
		}
		nc := cellName(len(hs), row)
		if err := x.SetCellStr(name, nc, fr.note); err != nil {
			return err
		}
		if err := x.SetCellStyle(name, nc, nc, w.note); err != nil {
			return err
		}
	}
	if err := x.SetColWidth(name, "A", "A", labelWidth+2); err != nil {
		return err
	}
	for j, v := range s.valueCols {
		c := columnName(j + 2)
		if err := x.SetColWidth(name, c, c, max(v.width, w.fit(v.prefix, s))); err != nil {
			return err
		}
	}
	nc := columnName(len(hs))
	if err := x.SetColWidth(name, nc, nc, max(noteWidth, 60)); err != nil {
		return err
	}
	return w.freeze(name, "A2", 1)
}

func containsRow(rows []formRow, label string) bool {
	for _, r := range rows {
		if r.label == label {
			return true
		}
	}
	return false
}

// rowHeight is the height of a row of one line of text, in points.
const rowHeight = 15

// linesOf is how many lines text takes in a column width characters wide
// when it wraps, a cell's margins taken off.
func linesOf(text string, width float64) int {
	return max(1, int(math.Ceil(textWidth(text)/(width-1))))
}

// fit is the width the values of a form's value column need.
func (w *writer) fit(prefix string, s sheet) float64 {
	best := 0.0
	for _, fr := range s.rows {
		if v := w.find(join(prefix, fr.key)); v != nil && v.Kind == yaml.ScalarNode {
			best = max(best, textWidth(v.Value))
		}
	}
	return min(best+2, 60)
}

// list writes a list sheet: the header, then a row per item.
func (w *writer) list(s sheet) error {
	x, name := w.x, s.name
	for j, c := range s.columns {
		cell := cellName(j+1, 1)
		if err := x.SetCellStr(name, cell, c.header); err != nil {
			return err
		}
		if err := x.AddComment(name, excelize.Comment{Cell: cell, Author: "budgetdoc", Text: c.note, Width: 260, Height: 90}); err != nil {
			return err
		}
		col := columnName(j + 1)
		if err := x.SetColStyle(name, col, w.byKind[c.kind]); err != nil {
			return err
		}
		if err := w.validation(name, fmt.Sprintf("%s2:%s%d", col, col, validationRows), c); err != nil {
			return err
		}
	}
	if err := x.SetCellStyle(name, "A1", cellName(len(s.columns), 1), w.header); err != nil {
		return err
	}
	rows := w.rows(s)
	// A perUnit sheet is a table of many narrow columns, one row per
	// unit: its columns keep their widths, and the long headers and the
	// reasons wrap, each row as high as its text needs. Other sheets'
	// columns grow to their text.
	fixed := s.kind == perUnit
	widths := make([]float64, len(s.columns))
	headerLines := 1
	for j, c := range s.columns {
		widths[j] = max(c.width, textWidth(c.header)+2)
		if fixed {
			widths[j] = c.width
			headerLines = max(headerLines, linesOf(c.header, c.width))
		}
	}
	for ri, row := range rows {
		rowLines := 1
		for j, c := range s.columns {
			v := row[j]
			if v == nil {
				continue
			}
			cell := cellName(j+1, ri+2)
			if err := w.scalar(name, cell, c, v); err != nil {
				return err
			}
			switch {
			case fixed && c.kind == text:
				rowLines = max(rowLines, linesOf(v.Value, c.width))
			case fixed:
			case c.width < 60:
				widths[j] = max(widths[j], min(textWidth(v.Value)+2, 60))
			}
		}
		if rowLines > 1 {
			if err := x.SetRowHeight(name, ri+2, rowHeight*float64(rowLines)); err != nil {
				return err
			}
		}
	}
	if headerLines > 1 {
		if err := x.SetRowHeight(name, 1, rowHeight*float64(headerLines)); err != nil {
			return err
		}
	}
	for j, c := range s.columns {
		col := columnName(j + 1)
		if err := x.SetColWidth(name, col, col, widths[j]); err != nil {
			return err
		}
		if c.kind == text && (widths[j] >= 60 || fixed) {
			if err := x.SetColStyle(name, col, w.wrap); err != nil {
				return err
			}
		}
	}
	if err := x.SetCellStyle(name, "A1", cellName(len(s.columns), 1), w.header); err != nil {
		return err
	}
	return w.freeze(name, "A2", 1)
}

// rows gathers a list sheet's rows from the tree: for each row, the value
// node of each column (nil for none).
func (w *writer) rows(s sheet) [][]*yaml.Node {
	var out [][]*yaml.Node
	// record adds a row for item: lead holds the first columns' values
	// (the unit code, the parent's key), the item's keys fill the rest.
	record := func(item *yaml.Node, path string, lead ...*yaml.Node) {
		row := make([]*yaml.Node, len(s.columns))
		copy(row, lead)
		if item.Kind != yaml.MappingNode {
			w.notScalar(item, path, "应为一组“键: 值”")
			out = append(out, row)
			return
		}
		w.used[item] = true
		for j := len(lead); j < len(s.columns); j++ {
			key := s.columns[j].key
			if v := w.findIn(item, key); v != nil {
				w.markIn(item, key)
				row[j] = w.take(v, join(path, key))
			}
		}
		out = append(out, row)
	}
	// lists calls each for the department's list at path and then for
	// each unit's own, with the unit's code (nil for the department's).
	lists := func(path string, each func(list *yaml.Node, path string, unit *yaml.Node)) {
		each(w.findList(path), path, nil)
		if s.byUnit == "" {
			return
		}
		for k, code := range w.unitCodes(s.byUnit) {
			if code == nil {
				continue
			}
			p := join(index("units", k), s.byUnit)
			list := w.findList(p)
			each(list, p, code)
			if list != nil && len(list.Content) == 0 {
				// Stated as none: the unit's code alone says so.
				row := make([]*yaml.Node, len(s.columns))
				row[0] = code
				out = append(out, row)
			}
		}
	}
	// withUnit puts the unit code (nil for the department's rows) before
	// the first columns' values, on a sheet that has the column.
	withUnit := func(unit *yaml.Node, rest ...*yaml.Node) []*yaml.Node {
		if s.byUnit == "" {
			return rest
		}
		return append([]*yaml.Node{unit}, rest...)
	}
	switch s.kind {
	case plain:
		lists(s.path, func(list *yaml.Node, path string, unit *yaml.Node) {
			for i, item := range contents(list) {
				out = append(out, withUnit(unit, w.take(item, index(path, i))))
			}
		})
	case records:
		lists(s.path, func(list *yaml.Node, path string, unit *yaml.Node) {
			for i, item := range contents(list) {
				record(resolve(item), index(path, i), withUnit(unit)...)
			}
		})
	case perUnit:
		codes := make([][]*yaml.Node, len(s.bases))
		for j, b := range s.bases {
			codes[j] = w.unitCodes(b.path)
		}
		for k := range codes[0] {
			for j, b := range s.bases {
				p := join(index("units", k), b.path)
				m, code := w.find(p), codes[j][k]
				if m == nil || code == nil {
					continue
				}
				if m.Kind != yaml.MappingNode {
					w.unplace(m, p, "应为一组“键: 值”，工作簿中放不下"+describe(m))
					continue
				}
				w.markPath(p)
				lead := []*yaml.Node{code}
				if len(s.bases) > 1 {
					lead = append(lead, str(b.label))
				}
				record(m, p, lead...)
				if row := out[len(out)-1]; !anyValue(row[len(lead):]) && !empty(m) {
					out = out[:len(out)-1] // the unit's other facts: nothing of this sheet's
				}
			}
		}
	case pairs:
		m := w.find(s.path)
		if m != nil && m.Kind == yaml.MappingNode {
			w.used[m] = true
			w.markPath(s.path)
			for k := 0; k+1 < len(m.Content); k += 2 {
				key := resolve(m.Content[k])
				w.used[key] = true
				out = append(out, []*yaml.Node{key, w.take(m.Content[k+1], join(s.path, key.Value))})
			}
		}
	case grouped:
		for i, p := range contents(w.findList(s.parent)) {
			p = resolve(p)
			children := lookup(p, s.child)
			if children == nil {
				continue
			}
			pk := lookup(p, s.parentKey)
			path := join(index(s.parent, i), s.child)
			if pk == nil || pk.Kind != yaml.ScalarNode || pk.Value == "" {
				if len(contents(resolve(children))) > 0 {
					w.unplace(children, path, "项目没有编码，它的这些内容在工作簿中无法注明属于哪个项目：请先填写项目编码")
				}
				continue
			}
			w.markKey(p, s.child)
			for j, item := range contents(w.list1(children, path)) {
				record(resolve(item), index(path, j), withUnit(nil, pk)...)
			}
		}
		if s.orphans != "" {
			lists(s.orphans, func(list *yaml.Node, path string, unit *yaml.Node) {
				for i, item := range contents(list) {
					record(resolve(item), index(path, i), withUnit(unit, nil)...)
				}
			})
		}
	}
	return out
}

// anyValue reports whether a row holds any value.
func anyValue(row []*yaml.Node) bool {
	for _, v := range row {
		if v != nil {
			return true
		}
	}
	return false
}

// unitCodes returns, for each unit, its code node, for the rows of its
// facts under key; nil for a unit whose facts there cannot be named by a
// code (none, or one an earlier unit has), which are unplaced.
func (w *writer) unitCodes(key string) []*yaml.Node {
	units := contents(resolve(w.find("units")))
	codes := make([]*yaml.Node, len(units))
	seen := map[string]bool{}
	for k, u := range units {
		u = resolve(u)
		c := resolve(lookup(u, "code"))
		ok := c != nil && c.Kind == yaml.ScalarNode && c.Value != "" && !seen[c.Value]
		if ok {
			seen[c.Value] = true
			codes[k] = c
			continue
		}
		fact := w.find(join(index("units", k), key))
		if fact == nil || empty(fact) || w.used[fact] {
			continue // nothing to place, or reported already
		}
		msg := "单位没有编码，它的这些内容在工作簿中无法注明属于哪个单位：请先填写单位编码"
		if c != nil && c.Kind == yaml.ScalarNode && c.Value != "" {
			msg = fmt.Sprintf("单位编码%s与前面的单位重复，它的这些内容在工作簿中无法注明属于哪个单位：请改正单位编码", quote(c.Value))
		}
		w.unplace(fact, join(index("units", k), key), msg)
	}
	return codes
}

// take marks a scalar value used and returns it; a list or mapping where a
// value belongs is unplaced. Null is no value.
func (w *writer) take(v *yaml.Node, path string) *yaml.Node {
	v = resolve(v)
	if v.Kind != yaml.ScalarNode {
		w.notScalar(v, path, "应为单个值")
		return nil
	}
	w.used[v] = true
	if v.ShortTag() == "!!null" {
		return nil
	}
	return v
}

func (w *writer) notScalar(v *yaml.Node, path, want string) {
	w.unplace(v, path, want+"，工作簿的一个单元格放不下"+describe(v))
}

func describe(v *yaml.Node) string {
	switch v.Kind {
	case yaml.SequenceNode:
		return "列表"
	case yaml.MappingNode:
		return "一组“键: 值”"
	}
	return "这个值"
}

func (w *writer) unplace(v *yaml.Node, path, msg string) {
	w.bad = append(w.bad, Unplaced{Pos: decode.Position{Line: v.Line, Column: v.Column}, Path: path, Message: msg})
	markAll(v, w.used) // reported once, not again as unknown
}

func markAll(n *yaml.Node, used map[*yaml.Node]bool) {
	used[n] = true
	for _, c := range n.Content {
		markAll(c, used)
	}
}

// value writes the scalar at path into a form cell.
func (w *writer) value(sheetName, cell string, def column, path string) error {
	v := w.find(path)
	if v == nil {
		return nil
	}
	w.markPath(path)
	if v = w.take(v, path); v == nil {
		return nil
	}
	return w.scalar(sheetName, cell, def, v)
}

// scalar writes one value as the cell type its kind wants: an amount or a
// count as a number (exactly as written: 85.20 stays 85.20), 是 or 否 for a
// boolean, text otherwise. A value that is not what its kind wants is
// written as text, as it is, for the checks to report.
func (w *writer) scalar(sheetName, cell string, def column, v *yaml.Node) error {
	val := v.Value
	if val == "" {
		return nil // an empty cell is empty text, as it reads back
	}
	switch def.kind {
	case amount:
		if plainNumber.MatchString(val) {
			return w.x.SetCellDefault(sheetName, cell, val)
		}
	case count:
		if digitsOnly.MatchString(strings.TrimPrefix(val, "-")) && len(val) <= 15 {
			return w.x.SetCellDefault(sheetName, cell, val)
		}
	case yesNo:
		if v.ShortTag() == "!!bool" {
			switch strings.ToLower(val) {
			case "true":
				val = "是"
			case "false":
				val = "否"
			}
		}
	}
	return w.x.SetCellStr(sheetName, cell, val)
}

// validation adds a drop-down for a choice, a yes/no or a code taken from
// another sheet, to the cells in sqref.
func (w *writer) validation(sheetName, sqref string, c column) error {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(sqref)
	switch {
	case c.ref != "":
		dv.SetSqrefDropList(fmt.Sprintf("'%s'!$A$2:$A$%d", c.ref, validationRows))
		dv.SetError(excelize.DataValidationErrorStyleWarning, "编码不在列表中", "这个编码不在“"+c.ref+"”表中：请先在“"+c.ref+"”表中列出它。")
	case len(c.values) > 0:
		if err := dv.SetDropList(c.values); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "请从列表中选", "可填的值："+strings.Join(c.values, "、"))
	default:
		return nil
	}
	return w.x.AddDataValidation(sheetName, dv)
}

// freeze freezes the header rows and sets the sheet to print on landscape
// A4, as wide as one page, the header repeated on every page.
func (w *writer) freeze(sheetName, topLeft string, rows int) error {
	if err := w.pageSetup(sheetName, "landscape"); err != nil {
		return err
	}
	if err := w.x.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$%d", sheetName, rows), Scope: sheetName,
	}); err != nil {
		return err
	}
	return w.x.SetPanes(sheetName, &excelize.Panes{
		Freeze: true, YSplit: rows, TopLeftCell: topLeft, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: topLeft, ActiveCell: topLeft, Pane: "bottomLeft"}},
	})
}

// pageSetup prints a sheet on A4 in orientation, one page wide.
func (w *writer) pageSetup(sheetName, orientation string) error {
	size, one, anyHeight, fit := 9, 1, 0, true // 9 is A4
	if err := w.x.SetPageLayout(sheetName, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &one, FitToHeight: &anyHeight,
	}); err != nil {
		return err
	}
	return w.x.SetSheetProps(sheetName, &excelize.SheetPropsOptions{FitToPage: &fit})
}

// find returns the node at a path of the tree ("units[2].prior.basic"),
// nil if absent.
func (w *writer) find(path string) *yaml.Node { return w.findIn(w.root, path) }

// findIn returns the node at a path within n, nil if absent.
func (w *writer) findIn(n *yaml.Node, path string) *yaml.Node {
	if n == nil {
		return nil
	}
	if path == "" {
		return resolve(n)
	}
	for _, step := range strings.Split(path, ".") {
		key, rest, _ := strings.Cut(step, "[")
		n = resolve(lookup(resolve(n), key))
		for rest != "" && n != nil {
			num, after, _ := strings.Cut(rest, "]")
			k, err := strconv.Atoi(num)
			if n.Kind != yaml.SequenceNode || err != nil || k < 0 || k >= len(n.Content) {
				return nil
			}
			n = resolve(n.Content[k])
			rest = strings.TrimPrefix(after, "[")
		}
		if n == nil {
			return nil
		}
	}
	return n
}

// markIn marks the keys along a dotted path within the mapping m used.
func (w *writer) markIn(m *yaml.Node, path string) {
	for path != "" {
		parent, key := splitPath(path)
		w.markKey(w.findIn(m, parent), key)
		path = parent
	}
}

// findList returns the list at path, marking its key used; a value that is
// not a list is unplaced.
func (w *writer) findList(path string) *yaml.Node {
	v := w.find(path)
	if v == nil {
		return nil
	}
	w.markPath(path)
	return w.list1(v, path)
}

func (w *writer) list1(v *yaml.Node, path string) *yaml.Node {
	v = resolve(v)
	switch {
	case v.Kind == yaml.SequenceNode:
		w.used[v] = true
		return v
	case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null":
		w.used[v] = true
		return nil
	}
	w.unplace(v, path, "应为列表，工作簿中放不下"+describe(v))
	return nil
}

// markPath marks the keys along a path of the tree used.
func (w *writer) markPath(path string) { w.markIn(w.root, path) }

// markKey marks the key node of key in mapping m used, and m and its
// parents' keys with it.
func (w *writer) markKey(m *yaml.Node, key string) {
	m = resolve(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return
	}
	w.used[m] = true
	key, _, _ = strings.Cut(key, "[") // units[2]: the key is units
	for k := 0; k+1 < len(m.Content); k += 2 {
		if resolve(m.Content[k]).Value == key {
			w.used[m.Content[k]] = true
		}
	}
}

// unplaced lists what the tree holds that no cell took: a key the
// workbook does not know (with its values), or a value in the wrong place.
func (w *writer) unplaced() UnplacedError {
	if w.root == nil {
		return w.bad
	}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		n = resolve(n)
		switch n.Kind {
		case yaml.MappingNode:
			for k := 0; k+1 < len(n.Content); k += 2 {
				key, v := resolve(n.Content[k]), n.Content[k+1]
				p := join(path, key.Value)
				if !w.used[n.Content[k]] && !w.used[key] && !empty(v) {
					w.bad = append(w.bad, Unplaced{Pos: decode.Position{Line: key.Line, Column: key.Column}, Path: p,
						Message: fmt.Sprintf("工作簿中没有放%s的地方：请核对键名（budgetdoc validate 会指出不认识的键）", quote(key.Value))})
					continue
				}
				walk(v, p)
			}
		case yaml.SequenceNode:
			for i, item := range n.Content {
				walk(item, index(path, i))
			}
		case yaml.ScalarNode:
			if !w.used[n] && n.ShortTag() != "!!null" {
				w.bad = append(w.bad, Unplaced{Pos: decode.Position{Line: n.Line, Column: n.Column}, Path: path,
					Message: "工作簿中没有放这个值的地方"})
			}
		}
	}
	walk(w.root, "")
	return w.bad
}

// empty reports whether n holds no value: null, or an empty list or mapping.
func empty(n *yaml.Node) bool {
	n = resolve(n)
	switch n.Kind {
	case yaml.ScalarNode:
		return n.ShortTag() == "!!null"
	case yaml.MappingNode:
		for k := 1; k < len(n.Content); k += 2 {
			if !empty(n.Content[k]) {
				return false
			}
		}
		return true
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if !empty(c) {
				return false
			}
		}
		return true
	}
	return false
}

// resolve follows an alias.
func resolve(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// keys lists the keys of mapping m.
func keys(m *yaml.Node) []string {
	var out []string
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for k := 0; k+1 < len(m.Content); k += 2 {
		out = append(out, resolve(m.Content[k]).Value)
	}
	return out
}

// textWidth is the width of s in Excel's column units: a Chinese character
// is two, a Latin one.
func textWidth(s string) float64 {
	w := 0.0
	for _, line := range strings.Split(s, "\n") {
		lw := 0.0
		for _, r := range line {
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				lw += 2
			default:
				lw++
			}
		}
		w = max(w, lw)
	}
	return w
}
