package decode

import (
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
	return d, Node(n, &d, Options{DecimalName: "a number (amount in 万元)"})
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
			[]string{`1:1: unknown key "itmes"; did you mean "items"? (allowed: name, items, money, nested, ptr, names)`}},
		{"case suggestion", "items:\n  - Amount: 1\n",
			[]string{`2:5: items[0]: unknown key "Amount"; did you mean "amount"? (allowed: code, amount, cap, count, flag, tags)`}},
		{"no suggestion when far", "zzz: 1\n",
			[]string{`1:1: unknown key "zzz" (allowed: name, items, money, nested, ptr, names)`}},
		{"json-ignored field is unknown", "Skip: x\nhidden: y\n",
			[]string{`1:1: unknown key "Skip" (allowed: name, items, money, nested, ptr, names)`,
				`2:1: unknown key "hidden" (allowed: name, items, money, nested, ptr, names)`}},
		{"duplicate key", "name: a\nname: b\n",
			[]string{`2:1: name: duplicate key "name" (first at line 1)`}},
		{"duplicate map key", "money:\n  a: 1\n  a: 2\n",
			[]string{`3:3: money.a: duplicate key "a" (first at line 2)`}},
		{"string given a mapping", "name: {a: 1}\n",
			[]string{`1:7: name: expected text, got a mapping`}},
		{"list given a mapping", "items: {a: 1}\n",
			[]string{`1:8: items: expected a list, got a mapping`}},
		{"list given text", "items:\n  - tags: 办公室\n",
			[]string{`2:11: items[0].tags: expected a list, got the string "办公室"; write a list with one "- " item per line, or [a, b]`}},
		{"amount given text", "items: [{amount: abc}]\n",
			[]string{`1:18: items[0].amount: expected a number (amount in 万元), got the string "abc"`}},
		{"amount with unit", "items: [{amount: 12万元}]\n",
			[]string{`1:18: items[0].amount: expected a number (amount in 万元), got the string "12万元"`}},
		{"amount empty", "items:\n  - amount:\n",
			[]string{`2:12: items[0].amount: expected a number (amount in 万元), got an empty value`}},
		{"amount bool", "items: [{amount: true}]\n",
			[]string{`1:18: items[0].amount: expected a number (amount in 万元), got the value true`}},
		{"count fraction", "items: [{count: 1.5}]\n",
			[]string{`1:17: items[0].count: expected a whole number, got the number 1.5`}},
		{"count too large", "items: [{count: 99999999999999999999}]\n",
			[]string{`1:17: items[0].count: 99999999999999999999 is too large`}},
		{"flag yes", "items: [{flag: yes}]\n",
			[]string{`1:16: items[0].flag: expected true or false, got the string "yes"`}},
		{"map key not text", "money:\n  [a]: 1\n",
			[]string{`2:3: money: a key must be text, got a list`}},
		{"merge key", "base: &b {name: x}\n",
			[]string{`1:1: unknown key "base" (allowed: name, items, money, nested, ptr, names)`}},
		{"merge key rejected", "ptr:\n  <<: {count: 1}\n",
			[]string{`2:3: ptr: merge keys (<<) are not supported; write the keys out`}},
		{"all errors at once", "name: [x]\nitems:\n  - amount: x\n  - amount: 1e3\n    cout: 1\nptr: []\n",
			[]string{
				`1:7: name: expected text, got a list`,
				`3:13: items[0].amount: expected a number (amount in 万元), got the string "x"`,
				`4:13: items[1].amount: expected a number (amount in 万元), got the number 1e3 (exponent notation is not allowed; write 1000)`,
				`5:5: items[1]: unknown key "cout"; did you mean "count"? (allowed: code, amount, cap, count, flag, tags)`,
				`6:6: ptr: expected a mapping (key: value lines), got a list`,
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
		"1e3":     "(exponent notation is not allowed; write 1000)",
		"1.5E-2":  "(exponent notation is not allowed; write 0.015)",
		"1e999":   "(exponent notation is not allowed; write the digits out)",
		".5":      "(write 0.5)",
		"-.5":     "(write -0.5)",
		"5.":      "(write 5 without the trailing point)",
		"+5":      "(write 5 without the plus sign)",
		"0x10":    "(only decimal digits are allowed)",
		"1,234.5": "(write 1234.5 without digit separators)",
		"1_000":   "(write 1000 without digit separators)",
		".inf":    "(not a number)",
		".nan":    "(not a number)",
		"１２":      `got the string "１２"`,
		"[1]":     "got a list",
		"123456789012345678901234567890.1234567890123": "has too many digits for an amount",
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
	if len(res.Errors) == 0 || !strings.Contains(res.Errors[len(res.Errors)-1].Message, "aliases expand to more than 1000 values") {
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
	want := `1:18: kids[0].kids: alias *x refers to a value that contains it`
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

func TestSyntaxErrors(t *testing.T) {
	yamlTests := map[string]string{
		"a: 1\nb:\n\tc: 2\n":  "3:1: found character that cannot start any token (a tab: indent YAML with spaces, not tabs)",
		"a: [1\nb: 2":         "2:0: did not find expected ',' or ']'",
		"a: b: c":             "1:0: mapping values are not allowed in this context",
		"a:\n  b: 1\n c: 2\n": "3:0: did not find expected key",
		"a: *nope\n":          "1:4: alias *nope refers to no anchor &nope",
		"a: 1\n---\nb: 2\n":   "3:1: a second YAML document starts here (after ---); the file must hold one document",
		"x: 1\na: \"\\q\"\n":  "2:0: found unknown escape character",
	}
	for src, want := range yamlTests {
		_, err := YAML([]byte(src))
		if err == nil || err.Error() != want {
			t.Errorf("YAML(%q) = %v, want %s", src, err, want)
		}
	}
	jsonTests := map[string]string{
		`{"a": 1,}`:                    "1:9: invalid character '}' looking for beginning of object key string",
		"{\n  \"a\": 1\n  \"名\": 2\n}": "3:3: invalid character '\"' after object key:value pair",
		"{\"a\":\n":                    "1:6: unexpected end of JSON input",
		"[1] x":                        "1:5: invalid character 'x' after top-level value",
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
		`2:14: items[0].amount: expected a number, got the string "x"`,
		`3:14: items[1].amount: expected a number, got the string "x"`,
		`4:14: items[2].amount: expected a number, got the string "x"`,
		`5:14: items[3].amount: more than 3 problems; stopped here`,
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
		if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Message, "control character") || res.Errors[0].Path != "name" {
			t.Errorf("%q: %+v, want one control-character error at name", in, res.Errors)
		}
	}
	n, _ := YAML([]byte("name: \"tab\\there\\nline\"\n"))
	var v target
	if res := Node(n, &v, Options{}); len(res.Errors) != 0 || v.Name != "tab\there\nline" {
		t.Errorf("tab and newline: %+v %q", res.Errors, v.Name)
	}
}
