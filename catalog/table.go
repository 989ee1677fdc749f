package catalog

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Kind is a classification a code of a table file belongs to.
type Kind int

const (
	KindUnknown  Kind = iota
	KindFunction      // 支出功能分类
	KindDept          // 部门预算支出经济分类
	KindGov           // 政府预算支出经济分类
)

func (k Kind) String() string {
	switch k {
	case KindFunction:
		return "功能分类"
	case KindDept:
		return "部门预算经济分类"
	case KindGov:
		return "政府预算经济分类"
	}
	return "未知分类"
}

// Headers of the optional columns of a table file that give a new 部门预算 款 its 政府预算 款.
const (
	headerGovAdmin = "行政单位政府经济分类"
	headerGovInst  = "事业单位政府经济分类"
)

// LoadFile reads a catalogue file a finance clerk supplies (--catalogue FILE): a 科目 list as a
// budget system exports it, in TSV (.tsv, .txt), CSV (.csv) or Excel (.xlsx, every sheet), or a
// directory in the built-in format (the package doc). The format of a list is in the module's
// README.md (分类目录文件). Every problem comes back at once, in Chinese, each an *Error naming file:line or
// file:sheet!cell. The result is not checked: Merge it over the built-in catalogue and Check that.
func LoadFile(path string) (*Catalogue, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取分类目录文件 %s：%v", path, errNotFoundZh(err))
	}
	if info.IsDir() {
		return loadYear(os.DirFS(filepath.Dir(path)), filepath.Base(path), func(int) (*Catalogue, error) {
			return nil, fmt.Errorf("%s：目录中的 %s 只用于内置目录；请直接列出科目", path, ChangesFile)
		})
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取分类目录文件 %s：%v", path, errNotFoundZh(err))
	}
	return ParseTable(path, data)
}

// LoadFiles reads several catalogue files (LoadFile) and lays each over the ones before it, in order:
// what `--catalogue A --catalogue B` means. The problems of all files come back at once.
func LoadFiles(paths ...string) (*Catalogue, error) {
	var out *Catalogue
	var errs []error
	for _, path := range paths {
		c, err := LoadFile(path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if out == nil {
			out = c
		} else {
			out = out.Merge(c)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

func errNotFoundZh(err error) string {
	if errors.Is(err, os.ErrNotExist) {
		return "文件不存在"
	}
	return err.Error()
}

// ParseTable reads a 科目 list from data; name (a file name) picks the format by its extension and
// is the place errors name.
func ParseTable(name string, data []byte) (*Catalogue, error) {
	t := &tableLoader{file: name, c: newCatalogue(), seen: map[string]Pos{}}
	t.c.sources = []string{"本地区科目表 " + filepath.Base(name)}
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".xlsx", ".xlsm":
		if err := t.readXLSX(data); err != nil {
			return nil, err
		}
	case ".csv", ".tsv", ".txt":
		text, err := decodeText(data)
		if err != nil {
			return nil, fmt.Errorf("%s：%v", name, err)
		}
		sep := '\t'
		if ext == ".csv" {
			sep = ','
		}
		if err := t.readDelimited(text, sep); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("%s：无法识别分类目录文件的格式“%s”：请使用 .tsv、.csv 或 .xlsx 文件，或按内置格式整理的文件夹", name, ext)
	}
	if len(t.errs) > 0 {
		return nil, joinErrors(t.errs)
	}
	if t.rows == 0 {
		return nil, fmt.Errorf("%s：文件中没有科目：请至少列出一行“编码、名称”", name)
	}
	return t.c, nil
}

// decodeText is data as UTF-8: a UTF-8 file as it is (less a byte-order mark), anything else read
// as GB18030, the encoding Chinese Windows and Excel write CSV files in.
func decodeText(data []byte) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if utf8.Valid(data) {
		return string(data), nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("文件既不是 UTF-8 也不是 GBK/GB18030 编码：请另存为 UTF-8 编码")
	}
	return string(out), nil
}

type tableLoader struct {
	file string
	c    *Catalogue
	errs []*Error
	rows int
	// seen maps kind+code to where it was first listed.
	seen map[string]Pos
}

// columns are the positions of the known columns in a table, -1 when absent.
type columns struct {
	code, name, kind, basic, govAdmin, govInst int
	// hint is the kind the code column's header implies ("功能分类科目编码").
	hint Kind
}

func (t *tableLoader) fail(pos Pos, format string, args ...any) {
	t.errs = append(t.errs, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

func (t *tableLoader) readDelimited(text string, sep rune) error {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sep
	r.FieldsPerRecord = -1
	// A TSV file quotes nothing: a quote there is part of a name.
	r.LazyQuotes = sep == '\t'
	r.ReuseRecord = false
	var rows [][]string
	var lines []int
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return &Error{Pos: Pos{File: t.file, Line: pe.Line}, Msg: "无法读取这一行（引号不成对？）：" + pe.Err.Error()}
			}
			return fmt.Errorf("%s：%v", t.file, err)
		}
		line, _ := r.FieldPos(0)
		rows = append(rows, rec)
		lines = append(lines, line)
	}
	t.readRows(rows, func(row, col int) Pos { return Pos{File: t.file, Line: lines[row]} }, kindHint(filepath.Base(t.file)))
	return nil
}

func (t *tableLoader) readXLSX(data []byte) error {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("%s：无法打开 Excel 文件（只支持 .xlsx）：%v", t.file, err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			return fmt.Errorf("%s：无法读取工作表“%s”：%v", t.file, sheet, err)
		}
		hint := kindHint(sheet)
		if hint == KindUnknown {
			hint = kindHint(filepath.Base(t.file))
		}
		t.readRows(rows, func(row, col int) Pos {
			cell, _ := excelize.CoordinatesToCellName(col+1, row+1)
			return Pos{File: t.file, Line: row + 1, Cell: sheet + "!" + cell}
		}, hint)
	}
	return nil
}

// readRows reads one table: optional title rows and a header row, then one 科目 a row. nameHint is
// the kind the file or sheet name implies.
//
// Exports often start with a title ("2025年支出功能分类科目") and a unit line before the header, so
// the header is looked for among the first rows, before the first row that holds a code; the title
// rows above it then count as a hint of the kind, like the file name.
func (t *tableLoader) readRows(rows [][]string, at func(row, col int) Pos, nameHint Kind) {
	cols := columns{code: 0, name: 1, kind: -1, basic: -1, govAdmin: -1, govInst: -1}
	start := 0
	titleHint := KindUnknown
	for i, row := range rows {
		if i >= maxTitleRows || startsWithCode(row) {
			break
		}
		if h, ok := headerColumns(row); ok {
			cols, start = h, i+1
			nameHint = cmpOr(titleHint, nameHint)
			break
		}
		if titleHint == KindUnknown {
			titleHint = kindHint(strings.Join(row, ""))
		}
	}
	for i := start; i < len(rows); i++ {
		row := rows[i]
		if isBlankRow(row) || strings.HasPrefix(strings.TrimSpace(row[0]), "#") {
			continue
		}
		t.row(row, cols, func(col int) Pos { return at(i, col) }, nameHint)
	}
}

// maxTitleRows is how far down the header may be.
const maxTitleRows = 10

// startsWithCode reports whether a row's first non-empty cell is a code ("2010301", "201 03 01",
// "[2010301]行政运行"): a data row, so no header follows. A title such as "2025年…" is not one.
func startsWithCode(row []string) bool {
	for _, cell := range row {
		cell = strings.TrimSpace(cell)
		if cell == "" {
			continue
		}
		return isDigits(strings.ReplaceAll(cell, " ", "")) || bracketed.MatchString(cell)
	}
	return false
}

func cmpOr(kinds ...Kind) Kind {
	for _, k := range kinds {
		if k != KindUnknown {
			return k
		}
	}
	return KindUnknown
}

func isBlankRow(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// headerColumns recognises a header row: one with a cell naming the code column.
func headerColumns(row []string) (columns, bool) {
	cols := columns{code: -1, name: -1, kind: -1, basic: -1, govAdmin: -1, govInst: -1}
	for i, cell := range row {
		h := strings.ToLower(strings.Join(strings.FieldsFunc(cell, unicode.IsSpace), ""))
		switch {
		case h == "" || strings.Contains(h, "上级") || strings.Contains(h, "父"):
			// Empty, or the parent's code or name that some exports add: the parent is implied.
		case strings.Contains(h, "政府") && strings.Contains(h, "行政"):
			cols.govAdmin = i
		case strings.Contains(h, "政府") && strings.Contains(h, "事业"):
			cols.govInst = i
		case strings.Contains(h, "基本支出") || strings.Contains(h, "经费类型"):
			cols.basic = i
		case cols.code < 0 && (strings.Contains(h, "编码") || strings.Contains(h, "代码") || h == "code"):
			cols.code = i
			cols.hint = kindHint(h)
		case cols.name < 0 && (strings.Contains(h, "名称") || h == "name"):
			cols.name = i
		case strings.Contains(h, "类型") || strings.Contains(h, "类别") || h == "kind" || h == "分类":
			cols.kind = i
		}
	}
	return cols, cols.code >= 0
}

// kindHint is the classification a header, sheet or file name speaks of.
func kindHint(s string) Kind {
	switch {
	case strings.Contains(s, "功能"):
		return KindFunction
	case strings.Contains(s, "政府") && strings.Contains(s, "经济"):
		return KindGov
	case strings.Contains(s, "经济"):
		return KindDept
	}
	return KindUnknown
}

// kindByFirstDigit is the classification the national codes imply: 支出功能分类 codes start with
// 2 (类 201–2xx), 部门预算经济分类 with 3 (301–399), 政府预算经济分类 with 5 (501–599).
func kindByFirstDigit(code string) Kind {
	switch code[0] {
	case '2':
		return KindFunction
	case '3':
		return KindDept
	case '5':
		return KindGov
	}
	return KindUnknown
}

// bracketed is a code written with its name in one cell: "[2010301]行政运行", "2010301 行政运行",
// "2010301-行政运行".
var bracketed = regexp.MustCompile(`^(?:[\[【]\s*([0-9][0-9 ]*)\s*[\]】]|([0-9]+)(?:\s+|\s*[-－—:：、]\s*))\s*(\S.*)$`)

func cellAt(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return strings.TrimFunc(row[i], unicode.IsSpace)
}

func (t *tableLoader) row(row []string, cols columns, at func(col int) Pos, nameHint Kind) {
	raw, name := cellAt(row, cols.code), cellAt(row, cols.name)
	pos := at(cols.code)
	code := strings.ReplaceAll(raw, " ", "")
	if !isDigits(code) {
		m := bracketed.FindStringSubmatch(raw)
		if m == nil || name != "" {
			t.fail(pos, "编码“%s”应只含数字（如 2010301、30101）", raw)
			return
		}
		code, name = strings.ReplaceAll(m[1]+m[2], " ", ""), strings.TrimFunc(m[3], unicode.IsSpace)
	}
	if name == "" {
		t.fail(at(cols.name), "编码 %s 没有名称：请在名称列填写科目名称", code)
		return
	}

	// The kind: an explicit column, else the code header, else the sheet or file name, else the
	// first digit. A declared kind must agree with the first digit, or a column is mixed up.
	kind, why := KindUnknown, ""
	if v := cellAt(row, cols.kind); v != "" {
		switch kind = kindHint(v); {
		case kind == KindUnknown && strings.Contains(v, "部门"):
			kind = KindDept
		case kind == KindUnknown:
			t.fail(at(cols.kind), "无法识别分类“%s”：请填写 功能分类、部门预算经济分类 或 政府预算经济分类", v)
			return
		}
		why = "分类列写的是“" + v + "”"
	} else if cols.hint != KindUnknown {
		kind, why = cols.hint, "编码列的标题"
	} else if nameHint != KindUnknown {
		kind, why = nameHint, "文件名或工作表名"
	}
	byDigit := kindByFirstDigit(code)
	if kind == KindUnknown {
		kind = byDigit
	}
	switch {
	case kind == KindUnknown:
		t.fail(pos, "无法判断编码 %s 属于哪种分类：功能分类编码以 2 开头，部门预算经济分类以 3 开头，政府预算经济分类以 5 开头；收入科目不必列出", code)
		return
	case byDigit != kind:
		t.fail(pos, "编码 %s 不是%s编码（按%s应为%s）：请核对这一行是否放错了列或文件", code, kind, why, kind)
		return
	}
	lengths := []int{3, 5}
	if kind == KindFunction {
		lengths = []int{3, 5, 7}
	}
	if !slices.Contains(lengths, len(code)) {
		t.fail(pos, "%s编码 %s 有 %d 位：应为 %s 位（类 3 位、款 5 位%s）", kind, code, len(code), lengthListZh(lengths), map[bool]string{true: "、项 7 位", false: ""}[kind == KindFunction])
		return
	}
	key := strconv.Itoa(int(kind)) + code
	if prev, dup := t.seen[key]; dup {
		t.fail(pos, "%s编码 %s 重复：已在 %s 列出", kind, code, prev)
		return
	}
	t.seen[key] = pos
	t.rows++

	e := entry{name: name, pos: pos}
	switch kind {
	case KindFunction:
		t.c.functions[code] = e
		if len(code) == 3 && code[0] == '2' {
			serial, _ := strconv.Atoi(code)
			t.c.classes[code] = classRow{serial: serial - 200, overview: name, fiscal: name, pos: pos, auto: true}
		}
	case KindDept:
		t.c.dept[code] = e
		t.deptExtras(row, cols, at, code)
	case KindGov:
		t.c.gov[code] = e
	}
}

// deptExtras reads the 基本支出 kind and the 政府预算 款 columns of a 部门预算 code's row.
func (t *tableLoader) deptExtras(row []string, cols columns, at func(col int) Pos, code string) {
	if v := cellAt(row, cols.basic); v != "" {
		if v != Personnel && v != Public {
			t.fail(at(cols.basic), "基本支出类型“%s”无法识别：请填写 %s 或 %s，或留空", v, Personnel, Public)
		} else {
			t.c.basic[code] = entry{name: v, pos: at(cols.basic)}
		}
	}
	admin, inst := cellAt(row, cols.govAdmin), cellAt(row, cols.govInst)
	if admin == "" && inst == "" {
		return
	}
	ok := true
	for _, g := range []struct {
		v   string
		col int
	}{{admin, cols.govAdmin}, {inst, cols.govInst}} {
		if !isDigits(g.v) || len(g.v) != 5 || g.v[0] != '5' {
			t.fail(at(g.col), "部门预算经济分类款 %s 对应的政府预算经济分类款“%s”应为 5 位、以 5 开头的编码（如 50201）", code, g.v)
			ok = false
		}
	}
	if len(code) != 5 {
		t.fail(at(cols.govAdmin), "只有 5 位的部门预算经济分类款才有对应的政府预算经济分类款，%s 是类", code)
		return
	}
	if ok {
		t.c.mapping[code] = mappingRow{administrative: admin, institution: inst, pos: at(cols.govAdmin)}
	}
}

func lengthListZh(lengths []int) string {
	parts := make([]string, len(lengths))
	for i, n := range lengths {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, "、")
}
