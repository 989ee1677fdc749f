package budget

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/budgetdoc/budgetdoc/internal/decode"
)

// MaxInputSize is the largest input file Load and Parse accept. A county
// department of 20 000 spending lines is about 3 MiB of YAML; 16 MiB holds
// about 90 000 lines. Loading and checking take about 47 bytes of memory a
// byte of input at their peak (BenchmarkLoadCheck; 820 MB for 100 000
// lines), so the limit keeps one file under about 800 MB, times batch -j.
const MaxInputSize = 16 << 20

// Load reads a budget from a file: JSON if its name ends in .json, YAML if
// in .yaml or .yml, the workbook of budgetdoc init --xlsx if in .xlsx.
// Problems with the content come back as Problems, every one at once, each
// naming file:line:column (file:sheet!cell in a workbook) and the field
// path; a file that cannot be read comes back as the *fs.PathError from os.
func Load(path string) (*Budget, error) {
	if _, err := format(path); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxInputSize+1))
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse reads a budget from data. name is the file name that positions
// name, and its extension picks the format as for Load. MoneyUnit defaults
// to 万元. A budget that loads whole is not validated here (see Validate).
// When some values cannot be read, the Problems returned hold those and,
// with them, what validation (against the built-in catalogue) finds in the
// rest, so that every problem is reported at once.
func Parse(name string, data []byte) (*Budget, error) {
	return parse(name, data, true)
}

// parse is Parse; with validate false, problems reading values come back
// without validation's.
func parse(name string, data []byte, validate bool) (*Budget, error) {
	isJSON, err := format(name)
	if err != nil {
		return nil, err
	}
	if isWorkbook(name) {
		return parseWorkbook(name, data)
	}
	data, p := checkEncoding(name, data)
	if p != nil {
		return nil, Problems{*p}
	}
	root, syn := decode.Tree(data, isJSON)
	if syn != nil {
		return nil, Problems{{Code: CodeSyntax, Pos: Position{File: name, Line: syn.Line, Column: syn.Column}, Message: syn.Message}}
	}
	if p := checkRoot(name, root); p != nil {
		return nil, Problems{*p}
	}

	b := &Budget{}
	res := decode.Node(root, b, decode.Options{DecimalName: "数字（以" + moneyUnit(root) + "为单位的金额）"})
	if b.MoneyUnit == "" {
		b.MoneyUnit = "万元"
	}
	b.source = newSourceMap(name, res.Positions)
	if len(res.Errors) > 0 {
		return nil, loadProblems(b, name, res, validate)
	}
	return b, nil
}

// loadProblems reports the values that could not be read, and with them
// what validation finds in the rest: the person fixing the file sees every
// problem at once, not in rounds. A field that could not be read is unknown,
// and nothing is concluded from it. Only when decoding stopped early is the
// rest not validated: it was not all read.
func loadProblems(b *Budget, name string, res decode.Result, validate bool) Problems {
	ps := make(Problems, 0, len(res.Errors))
	unknown := map[string]bool{}
	for _, e := range res.Errors {
		ps = append(ps, Problem{
			Code:    CodeField,
			Pos:     Position{File: name, Line: e.Line, Column: e.Column},
			Path:    ParsePath(e.Path),
			Message: e.Message,
		})
		if e.Unknown != "" {
			unknown[e.Unknown] = true
		}
	}
	if res.Incomplete || !validate {
		return ps
	}
	ps = append(ps, b.check(nil, unknown)...)
	sortByPosition(ps)
	return ps
}

// format tells JSON from YAML by the file name's extension.
func format(name string) (isJSON bool, err error) {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".json":
		return true, nil
	case ".yaml", ".yml", ".xlsx":
		return false, nil
	default:
		return false, Problems{{
			Pos:     Position{File: name},
			Message: fmt.Sprintf("无法识别的文件类型%s：文件名应以 .yaml、.yml、.json 或 .xlsx 结尾", quote(ext)),
		}}
	}
}

// checkEncoding rejects input that is too large, empty or not UTF-8, and
// strips a UTF-8 byte order mark (which Windows editors write and
// encoding/json rejects).
func checkEncoding(name string, data []byte) ([]byte, *Problem) {
	problem := func(pos Position, format string, args ...any) *Problem {
		pos.File = name
		return &Problem{Code: CodeEncoding, Pos: pos, Message: fmt.Sprintf(format, args...)}
	}
	switch {
	case len(data) > MaxInputSize:
		return nil, problem(Position{}, "文件超过 %d MiB，预算文件远没有这么大：请确认是不是选错了文件", MaxInputSize>>20)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}), bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return nil, problem(Position{}, "文件是 UTF-16 编码：请另存为 UTF-8 编码")
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		p := decode.PositionOf(data, off)
		return nil, problem(Position{Line: p.Line, Column: p.Column},
			"文件不是 UTF-8 编码（此处的字节是 0x%02X，可能是 GBK 编码）：请另存为 UTF-8 编码", data[off])
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, problem(Position{}, "文件是空的")
	}
	return data, nil
}

// checkRoot makes sure the document is a mapping of budget fields.
func checkRoot(name string, root *yaml.Node) *Problem {
	if root == nil || root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null" {
		return &Problem{Code: CodeEmpty, Pos: Position{File: name}, Message: "文件中没有数据（是空的，或只有注释）"}
	}
	if root.Kind == yaml.MappingNode {
		return nil
	}
	what := "一个列表"
	if root.Kind != yaml.SequenceNode {
		what = "单个值" + quote(root.Value)
	}
	return &Problem{
		Code:    CodeSyntax,
		Pos:     Position{File: name, Line: root.Line, Column: root.Column},
		Message: "文件应由预算的各项组成（department:、units:、income:、lines: …），现在却是" + what,
	}
}

// moneyUnit peeks at money_unit, so that messages about amounts name the
// unit the file uses.
func moneyUnit(root *yaml.Node) string {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k, v := root.Content[i], root.Content[i+1]; k.Value == "money_unit" && v.Kind == yaml.ScalarNode && v.Value == "元" {
			return "元"
		}
	}
	return "万元"
}
