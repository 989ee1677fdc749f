package decode

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

type color string

type item struct {
	Code   string           `json:"code"`
	Amount decimal.Decimal  `json:"amount"`
	Cap    *decimal.Decimal `json:"cap,omitempty"`
	Count  int              `json:"count"`
	Flag   bool             `json:"flag"`
	Tags   []string         `json:"tags"`
}

type doc struct {
	Name   string                    `json:"name"`
	Items  []item                    `json:"items"`
	Money  map[color]decimal.Decimal `json:"money"`
	Nested struct{ Deep []item }     `json:"nested"`
	Ptr    *item                     `json:"ptr"`
	Names  map[string]string         `json:"names"`
	Skip   string                    `json:"-"`
	hidden string
}

func decodeYAML(t *testing.T, src string) (doc, Result) {
	t.Helper()
	n, err := YAML([]byte(src))
	if err != nil {
		t.Fatalf("YAML(%q): %v", src, err)
	}
	var d doc
	return d, Node(n, &d, Options{DecimalName: "数字（以万元为单位的金额）"})
}

// manyKeys is n lines "  k1: 1" … "  kn: 1" of a mapping.
func manyKeys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "  k%d: 1\n", i+1)
	}
	return b.String()
}

func errorStrings(r Result) []string {
	var out []string
	for _, e := range r.Errors {
		out = append(out, e.Error())
	}
	return out
}

func TestDecodeValues(t *testing.T) {
	src := `name: 019
items:
  - code: 019
    amount: 12.50
    cap: "3"
    count: 7
    flag: true
    tags: [a, 1.50]
money:
  红: -3.25
nested:
  Deep:
    - code: 中文
ptr:
  count: 0
names:
  2010101: 行政运行
`
	d, r := decodeYAML(t, src)
	if len(r.Errors) > 0 {
		t.Fatalf("errors: %v", errorStrings(r))
	}
	if d.Name != "019" || d.Items[0].Code != "019" {
		t.Errorf("codes lost their leading zero: %q %q", d.Name, d.Items[0].Code)
	}
	if got := d.Items[0].Amount.String(); got != "12.5" || d.Items[0].Amount.Exponent() != -2 {
		t.Errorf("amount = %s (exp %d), want 12.50", got, d.Items[0].Amount.Exponent())
	}
	if d.Items[0].Cap == nil || d.Items[0].Cap.String() != "3" {
		t.Errorf("cap = %v", d.Items[0].Cap)
	}
	if d.Items[0].Count != 7 || !d.Items[0].Flag || strings.Join(d.Items[0].Tags, ",") != "a,1.50" {
		t.Errorf("item = %+v", d.Items[0])
	}
	if got := d.Money["红"].String(); got != "-3.25" {
		t.Errorf("money = %v", d.Money)
	}
	if d.Nested.Deep[0].Code != "中文" || d.Ptr == nil || d.Names["2010101"] != "行政运行" {
		t.Errorf("doc = %+v", d)
	}
	want := map[string]Position{
		"name":                {1, 7},
		"items":               {3, 3},
		"items[0]":            {3, 5},
		"items[0].amount":     {4, 13},
		"items[0].tags[1]":    {8, 15},
		"money.红":             {10, 6},
		"nested.Deep[0].code": {13, 13},
		"names.2010101":       {17, 12},
	}
	for path, p := range want {
		if got := r.Positions[path]; got != p {
			t.Errorf("Positions[%q] = %v, want %v", path, got, p)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"typo suggestion", "itmes: []\n",
			[]string{`1:1: 无法识别的键“itmes”，是不是“items”？（这里可用的键：name、items、money、nested、ptr、names）`}},
		{"case suggestion", "items:\n  - Amount: 1\n",
			[]string{`2:5: items[0]: 无法识别的键“Amount”，是不是“amount”？（这里可用的键：code、amount、cap、count、flag、tags）`}},
		{"no suggestion when far", "zzz: 1\n",
			[]string{`1:1: 无法识别的键“zzz”（这里可用的键：name、items、money、nested、ptr、names）`}},
		{"json-ignored field is unknown", "Skip: x\nhidden: y\n",
			[]string{`1:1: 无法识别的键“Skip”（这里可用的键：name、items、money、nested、ptr、names）`,
				`2:1: 无法识别的键“hidden”（这里可用的键：name、items、money、nested、ptr、names）`}},
		{"duplicate key", "name: a\nname: b\n",
			[]string{`2:1: name: 键“name”重复（第 1 行已经写过）：请删去其中一个`}},
		{"duplicate map key", "money:\n  a: 1\n  a: 2\n",
			[]string{`3:3: money.a: 键“a”重复（第 2 行已经写过）：请删去其中一个`}},
		// Past 16 keys the keys taken are kept in a map: a duplicate of an
		// early key and one of a late key are both found.
		{"duplicate map keys among many", "money:\n" + manyKeys(20) + "  k2: 1\n  k19: 2\n  k20: 3\n",
			[]string{`22:3: money.k2: 键“k2”重复（第 3 行已经写过）：请删去其中一个`,
				`23:3: money.k19: 键“k19”重复（第 20 行已经写过）：请删去其中一个`,
				`24:3: money.k20: 键“k20”重复（第 21 行已经写过）：请删去其中一个`}},
		{"string given a mapping", "name: {a: 1}\n",
			[]string{`1:7: name: 应为文字，实际是一组“键: 值”`}},
		{"list given a mapping", "items: {a: 1}\n",
			[]string{`1:8: items: 应为列表，实际是一组“键: 值”`}},
		{"list given text", "items:\n  - tags: 办公室\n",
			[]string{`2:11: items[0].tags: 应为列表，实际是文字“办公室”：列表请每行写一项，以“- ”开头，或写成 [甲, 乙]`}},
		{"amount given text", "items: [{amount: abc}]\n",
			[]string{`1:18: items[0].amount: 应为数字（以万元为单位的金额），实际是文字“abc”`}},
		{"amount with unit", "items: [{amount: 12万元}]\n",
			[]string{`1:18: items[0].amount: 应为数字（以万元为单位的金额），实际是文字“12万元”（金额只写数字，不写单位“万元”：请写成 12）`}},
		{"amount empty", "items:\n  - amount:\n",
			[]string{`2:12: items[0].amount: 应为数字（以万元为单位的金额），实际是空值`}},
		{"amount bool", "items: [{amount: true}]\n",
			[]string{`1:18: items[0].amount: 应为数字（以万元为单位的金额），实际是 true`}},
		{"count fraction", "items: [{count: 1.5}]\n",
			[]string{`1:17: items[0].count: 应为整数，实际是数字 1.5`}},
		{"count too large", "items: [{count: 99999999999999999999}]\n",
			[]string{`1:17: items[0].count: 99999999999999999999 太大，超出了允许的范围`}},
		{"flag yes", "items: [{flag: yes}]\n",
			[]string{`1:16: items[0].flag: 应为 true 或 false，实际是文字“yes”`}},
		{"map key not text", "money:\n  [a]: 1\n",
			[]string{`2:3: money: 键必须是文字，这里却是列表`}},
		{"merge key", "base: &b {name: x}\n",
			[]string{`1:1: 无法识别的键“base”（这里可用的键：name、items、money、nested、ptr、names）`}},
		{"merge key rejected", "ptr:\n  <<: {count: 1}\n",
			[]string{`2:3: ptr: 不支持合并键（<<）：请把各个键逐一写出`}},
		{"all errors at once", "name: [x]\nitems:\n  - amount: x\n  - amount: 1e3\n    cout: 1\nptr: []\n",
			[]string{
				`1:7: name: 应为文字，实际是列表`,
				`3:13: items[0].amount: 应为数字（以万元为单位的金额），实际是文字“x”`,
				`4:13: items[1].amount: 应为数字（以万元为单位的金额），实际是数字 1e3（不能用科学记数法，请写成 1000）`,
				`5:5: items[1]: 无法识别的键“cout”，是不是“count”？（这里可用的键：code、amount、cap、count、flag、tags）`,
				`6:6: ptr: 应为一组“键: 值”（每行一个），实际是列表`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, r := decodeYAML(t, tt.src)
			got := errorStrings(r)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestDecimalNotation(t *testing.T) {
	ok := map[string]string{"12": "12", "12.5": "12.5", "-3.25": "-3.25", "0": "0", `"12.50"`: "12.5", "007": "7"}
	for src, want := range ok {
		_, r := decodeYAML(t, "items: [{amount: "+src+"}]")
		if len(r.Errors) > 0 {
			t.Errorf("%s: %v", src, errorStrings(r))
		}
		var d doc
		n, _ := YAML([]byte("items: [{amount: " + src + "}]"))
		Node(n, &d, Options{})
		if got := d.Items[0].Amount.String(); got != want {
			t.Errorf("%s decoded to %s, want %s", src, got, want)
		}
	}
	// Each is written in block style: a comma would end a flow value.
	bad := map[string]string{
		"1e3":     "（不能用科学记数法，请写成 1000）",
		"1.5E-2":  "（不能用科学记数法，请写成 0.015）",
		"1e999":   "（不能用科学记数法，请把数字完整写出）",
		".5":      "（请写成 0.5）",
		"-.5":     "（请写成 -0.5）",
		"5.":      "（请写成 5，去掉末尾的小数点）",
		"+5":      "（请写成 5，去掉加号）",
		"0x10":    "（只能用十进制数字）",
		"1,234.5": "（请写成 1234.5，去掉千位分隔符）",
		"1_000":   "（请写成 1000，去掉千位分隔符）",
		".inf":    "（这不是一个数）",
		".nan":    "（这不是一个数）",
		"１２":      "实际是文字“１２”",
		"[1]":     "实际是列表",
		"123456789012345678901234567890.1234567890123": "位数太多，不是有效的金额",
	}
	for src, want := range bad {
		_, r := decodeYAML(t, "items:\n  - amount: "+src+"\n")
		if len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Message, want) {
			t.Errorf("%s: errors %v, want one containing %q", src, errorStrings(r), want)
		}
	}
}

func TestNulls(t *testing.T) {
	d, r := decodeYAML(t, "name: ~\nitems:\nmoney: null\nnested:\nptr:\n")
	if len(r.Errors) > 0 {
		t.Fatalf("errors: %v", errorStrings(r))
	}
	if d.Name != "" || d.Items != nil || d.Money != nil || d.Ptr != nil {
		t.Errorf("nulls did not leave zero values: %+v", d)
	}
	var c item
	cap := decimal.New(1, 0)
	c.Cap = &cap
	n, _ := YAML([]byte("cap: null"))
	Node(n, &c, Options{})
	if c.Cap != nil {
		t.Errorf("null did not clear a pointer")
	}
}

func TestAliases(t *testing.T) {
	d, r := decodeYAML(t, "items:\n  - &one {code: a, amount: 1}\n  - *one\n")
	if len(r.Errors) > 0 || len(d.Items) != 2 || d.Items[1].Code != "a" {
		t.Fatalf("alias not resolved: %+v %v", d, errorStrings(r))
	}
	if got := r.Positions["items[1]"]; got != (Position{3, 5}) {
		t.Errorf("aliased path position = %v, want where the alias stands (3:5)", got)
	}

	// An alias bomb: each level repeats the one before ten times.
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 10; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	b.WriteString("names:\n  k: *a9\n")
	n, err := YAML([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		A     [][][][][][][][][][]string `json:"a9"`
		Names map[string][][][][][][][][][]string
	}
	res := Node(n, &v, Options{MaxAliasNodes: 1000})
	if len(res.Errors) == 0 || !strings.Contains(res.Errors[len(res.Errors)-1].Message, "别名展开后超过 1000 个值") {
		t.Errorf("alias bomb not stopped: %v", errorStrings(res))
	}
}

func TestRecursiveAliasIntoRecursiveType(t *testing.T) {
	type tree struct {
		Kids []tree `json:"kids"`
	}
	n, err := YAML([]byte("kids: &x [{kids: *x}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	var v tree
	res := Node(n, &v, Options{})
	want := `1:18: kids[0].kids: 别名 *x 引用了包含它自己的值`
	if got := strings.Join(errorStrings(res), "\n"); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestBadTarget(t *testing.T) {
	n, _ := YAML([]byte("A: 1"))
	var v struct{ A float64 }
	res := Node(n, v, Options{})
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Message, "need a non-nil pointer") {
		t.Errorf("non-pointer target: %v", errorStrings(res))
	}
	res = Node(n, &v, Options{})
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Message, "cannot decode into Go type float64") {
		t.Errorf("float target: %v", errorStrings(res))
	}
}

func TestJSONPositions(t *testing.T) {
	src := "{\n\t\"name\": \"名称\\/\\u00e9\",\n  \"money\": {\"红色\": 1.5, \"蓝\": \"2\"},\n  \"items\": [ {\"code\": \"019\"} ]\n}"
	n, err := JSON([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var d doc
	r := Node(n, &d, Options{})
	if len(r.Errors) > 0 {
		t.Fatal(errorStrings(r))
	}
	if d.Name != "名称/é" || d.Items[0].Code != "019" || d.Money["蓝"].String() != "2" {
		t.Errorf("decoded %+v", d)
	}
	want := map[string]Position{
		"name":          {2, 10},
		"money":         {3, 12},
		"money.红色":      {3, 19},
		"money.蓝":       {3, 29},
		"items[0]":      {4, 14},
		"items[0].code": {4, 23},
	}
	for path, p := range want {
		if got := r.Positions[path]; got != p {
			t.Errorf("Positions[%q] = %v, want %v", path, got, p)
		}
	}
}

// Keys written with full-width characters are named for what they are.
func TestFullWidthKeys(t *testing.T) {
	_, r := decodeYAML(t, "name: a\n\u3000\u3000items: []\nnested:\n  Deep: [{code：1}]\n")
	want := []string{
		"2:1: 键“\\u3000\\u3000items”前面有全角空格“　”：YAML 只认半角空格，请把全角空格换成半角空格，与同一层的键对齐",
		"4:11: nested.Deep[0]: 键“code：1”里用了全角冒号“：”：YAML 只认半角冒号，请写成“code: 1”",
	}
	if got := errorStrings(r); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r.Errors[0].Unknown != "items" || r.Errors[1].Unknown != "nested.Deep[0].code" {
		t.Errorf("unknown fields %q, %q", r.Errors[0].Unknown, r.Errors[1].Unknown)
	}
}

func TestSyntaxErrors(t *testing.T) {
	// Each names the place, explains in Chinese, and keeps the parser's
	// own words after 原文.
	yamlTests := map[string]string{
		"a: 1\nb:\n\tc: 2\n":  "3:1: 这一行用制表符（Tab）缩进：YAML 只能用空格缩进，请把 Tab 换成空格（原文：found character that cannot start any token）",
		"a: [1\nb: 2":         "1:4: 这里的方括号“[”到行末都没有对应的“]”：请在这一行末尾补上“]”（原文：did not find expected ',' or ']'）",
		"a: b: c":             "1:0: 这里不能再写“键: 值”：一行只能有一个“键: ”，值里含有“: ”时请给整个值加上引号（原文：mapping values are not allowed in this context）",
		"a:\n  b: 1\n c: 2\n": "3:2: 缩进没有对齐：这一行缩进 1 格，与上面任何一层都对不齐（上面各层缩进 0 或 2 格）（原文：did not find expected key）",
		"a: *nope\n":          "1:4: 别名 *nope 没有对应的锚点 &nope",
		"a: 1\n---\nb: 2\n":   "3:1: 这里（--- 之后）开始了第二个 YAML 文档：一个文件只能有一个文档",
		"x: 1\na: \"\\q\"\n":  "2:0: 双引号里有无法识别的转义符“\\”：请改用单引号，或把“\\”写成“\\\\”（原文：found unknown escape character）",
	}
	for src, want := range yamlTests {
		_, err := YAML([]byte(src))
		if err == nil || err.Error() != want {
			t.Errorf("YAML(%q) = %v, want %s", src, err, want)
		}
	}
	jsonTests := map[string]string{
		`{"a": 1,}`:                    "1:9: 最后一项后面多了逗号：JSON 中“}”前不能有逗号（原文：invalid character '}' looking for beginning of object key string）",
		`[1,]`:                         "1:4: 最后一项后面多了逗号：JSON 中“]”前不能有逗号（原文：invalid character ']' looking for beginning of value）",
		"{\n  \"a\": 1\n  \"名\": 2\n}": "3:3: 上一项后面缺少逗号“,”，或缺少“}”（原文：invalid character '\"' after object key:value pair）",
		"{\"a\":\n":                    "1:6: 文件意外结束：缺少右括号“}”或“]”，或有引号没有闭合（原文：unexpected end of JSON input）",
		"[1] x":                        "1:5: 整个内容结束后还有多余的字符（原文：invalid character 'x' after top-level value）",
		`{"a" 1}`:                      "1:6: 键名后面缺少冒号“:”（原文：invalid character '1' after object key）",
		`{"a": [1 2]}`:                 "1:10: 列表的上一项后面缺少逗号“,”，或缺少“]”（原文：invalid character '2' after array element）",
		`{"a": x}`:                     "1:7: 这里应是一个值，却是“x”：文字要用双引号括起（原文：invalid character 'x' looking for beginning of value）",
	}
	for src, want := range jsonTests {
		_, err := JSON([]byte(src))
		if err == nil || err.Error() != want {
			t.Errorf("JSON(%q) = %v, want %s", src, err, want)
		}
	}
	if n, err := YAML([]byte("# only a comment\n")); n != nil || err != nil {
		t.Errorf("comment-only YAML = %v, %v; want nil, nil", n, err)
	}
}

func TestMaxErrors(t *testing.T) {
	n, err := YAML([]byte("items:\n" + strings.Repeat("  - {amount: x}\n", 10)))
	if err != nil {
		t.Fatal(err)
	}
	var d doc
	res := Node(n, &d, Options{MaxErrors: 3})
	got := errorStrings(res)
	want := []string{
		`2:14: items[0].amount: 应为数字，实际是文字“x”`,
		`3:14: items[1].amount: 应为数字，实际是文字“x”`,
		`4:14: items[2].amount: 应为数字，实际是文字“x”`,
		`5:14: items[3].amount: 问题超过 3 个，检查到此为止：请先改正上面的问题`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestControlCharactersRejected(t *testing.T) {
	type target struct {
		Name string `json:"name"`
	}
	for _, in := range []string{"name: \"a\\u0001b\"\n", "name: \"a\\u0085b\"\n", "name: \"\\uFFFE\"\n", "name: \"a\\rb\"\n"} {
		n, err := YAML([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		var v target
		res := Node(n, &v, Options{})
		if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Message, "控制字符") || res.Errors[0].Path != "name" {
			t.Errorf("%q: %+v, want one control-character error at name", in, res.Errors)
		}
	}
	n, _ := YAML([]byte("name: \"tab\\there\\nline\"\n"))
	var v target
	if res := Node(n, &v, Options{}); len(res.Errors) != 0 || v.Name != "tab\there\nline" {
		t.Errorf("tab and newline: %+v %q", res.Errors, v.Name)
	}
}

// A thousands separator in braces cuts a number into entries: one problem
// says so, at the amount, which is then unknown.
func TestThousandsInBraces(t *testing.T) {
	_, r := decodeYAML(t, "items: [{code: a, amount: 1,234,567.50, count: 2}]\nmoney: {红: 12,000}\n")
	want := []string{
		"1:27: items[0].amount: “amount: 1,234,567.50”中的逗号在花括号 { } 里表示下一项开始，把这个数截断了：请去掉千位分隔符，写成 1234567.50",
		"2:12: money.红: “红: 12,000”中的逗号在花括号 { } 里表示下一项开始，把这个数截断了：请去掉千位分隔符，写成 12000",
	}
	if got := errorStrings(r); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(r.Errors) == 2 && (r.Errors[0].Unknown != "items[0].amount" || r.Errors[1].Unknown != "money.红") {
		t.Errorf("unknown: %q %q", r.Errors[0].Unknown, r.Errors[1].Unknown)
	}
	// A key of digits that is no such remainder is an unknown key as
	// before.
	_, r = decodeYAML(t, "items: [{code: x, 000: 1}]\n")
	if len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Message, "无法识别的键“000”") {
		t.Errorf("errors: %v", errorStrings(r))
	}
}

func TestSuggest(t *testing.T) {
	sources := []string{"一般公共预算财政拨款", "一般公共预算其他资金", "事业收入", "其他收入"}
	tests := []struct {
		s          string
		candidates []string
		want       string
	}{
		{"P2023-002", []string{"P2023001", "P2023002"}, "P2023002"}, // a separator
		{"Ｐ２０２３００２", []string{"P2023001", "P2023002"}, "P2023002"},  // full width
		{"41072723000000009620", []string{"410727230000000009617", "410727230000000009620"}, "410727230000000009620"},
		{"财政拨款", sources, "一般公共预算财政拨款"},       // part of one name
		{"一般公共预算其它资金", sources, "一般公共预算其他资金"}, // one character
		{"收入", sources, ""},                                // part of two: no guess
		{"P2023003", []string{"P2023001", "P2023002"}, ""}, // as near to both
		{"自有资金", sources, ""},
		{"", sources, ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.s, tt.candidates); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}
