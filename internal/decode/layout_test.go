package decode

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The layout check must not find fault with well-formed YAML: the examples
// and the skeleton pass it.
func TestLayoutAcceptsTheExamples(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*/*.yaml")
	files = append(files, "../../cmd/budgetdoc/skeleton.yaml")
	if len(files) < 3 {
		t.Fatalf("examples not found: %v", files)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if p, ok := firstLayoutProblem(data); ok {
			t.Errorf("%s: %v", f, p)
		}
	}
	valid := []string{
		"a:\n- 1\n- 2\nb: 3\n",
		"a:\n  - b: 1\n    c:\n      - 2\n  - d\ne: |\n  text\n    deeper\n\n  more\nf: >-\n  folded\ng: 1\n",
		"a: [1,\n   2,\n 3]\nb: {c: 1,\n  d: 2}\n",
		"a: \"two\n  lines\"\nb: plain\n  continued\nc: 1\n",
		"- - a\n  - b\n- c\n",
		"a: &x\n  b: 1\nc: *x\n",
		"a:   # comment\n  b: 1\n# col 0 comment\n    # deeper comment\n  c: 2\n",
		"note: 1.年度履职目标：是否符合\nduties:\n  - 统筹：推进\n",
		"a:\n  b: 1\n\n  c: 2\r\n",
		"a: 'it''s'\nb: it's\nc: \"say \\\"hi\\\"\"\n",
		// Constructs of real files (gcloud's, Go's own) once taken for
		// mistakes.
		"a:\n- &x\n  b: 1\n- &y:\n  c: 2\n- *x\n",
		"!sum\n- go: Max\n  doc: !string |-\n    text\n  add:\n    !string |-\n    more\n",
		"in: !repeat\n- !sum &types\n  - {a: 1}\n",
		"? long key\n: value\n",
		"key: {a: 1,\nb: 2}\nx:\n  - {a: 1,\n  b: 2}\n",
		"if: ${{ github.event_name == 'push' || x != 'a/b' }}\nrun: echo [x\n",
	}
	for _, src := range valid {
		if _, err := YAML([]byte(src)); err != nil {
			t.Fatalf("test input %q is not valid YAML: %v", src, err)
		}
		if p, ok := firstLayoutProblem([]byte(src)); ok {
			t.Errorf("firstLayoutProblem(%q) = %v", src, p)
		}
	}
}

// Each layout mistake is named at its own line and column, not where
// yaml.v3 noticed it.
func TestLayoutMistakes(t *testing.T) {
	tests := map[string]string{
		"a:\n  b: 1\n\tc: 2\n":                       "3:1: 这一行用制表符（Tab）缩进",
		"a:\n  b: 1\n  \tc: 2\n":                     "3:3: 这一行用制表符（Tab）缩进",
		"a:\n  b: 1\n\u3000\u3000c: 2\n  d: 1\n":     "3:1: 这一行用全角空格“　”缩进",
		"a:\n  b: 1\n   c: 2\n":                      "3:4: 这一行比上一行多缩进了 1 格：同一层的各行应对齐（缩进 2 格）",
		"a:\n  b:\n    c: 1\n   d: 2\n":              "4:4: 缩进没有对齐：这一行缩进 3 格，与上面任何一层都对不齐（上面各层缩进 0、2 或 4 格）",
		"a:\n  - b: 1\n     c: 2\n":                  "3:6: 这一行比上一行多缩进了 1 格",
		"a:\n  b: 1\n  c：2\n":                        "3:4: 这里用了全角冒号“：”",
		"a: {b: 1\nc: 2\n":                           "1:4: 这里的花括号“{”到行末都没有对应的“}”：请在这一行末尾补上“}”",
		"a:\n  - {b: \"1\" c: 2}\n":                  "2:13: 前面少了逗号",
		"department:\n  name 封丘\n  code: 019\n":      "2:3: 这一行缺少冒号：键和值之间要写半角冒号加一个空格，请写成“name: 封丘”",
		"a:\n  b: 1\n  c:2\n":                        "3:3: 冒号后面少了空格：YAML 要求“键: 值”的冒号后有一个空格，请写成“c: 2”",
		"a:\n  b: \"x\n  c: 2\n":                     "2:6: 这里的引号 \" 直到文件末尾都没有闭合",
		"a: {b: 1,\n  c: 2\n":                        "1:4: 这里的花括号“{”直到文件末尾都没有对应的“}”",
		"a:\n  - b: 1\n    c: 2\n  d: 3\n    e: 4\n": "4:3: 这一行与上面的列表项对齐，却没有以“- ”开头：如是列表的新一项，请写成“- ……”；如属于上一项，请与上一项的键对齐（缩进 4 格）",
		"a:\n  b: 1\n  - c\n":                        "3:3: 这一行以“- ”开头，却与上面的“键: 值”对齐",
	}
	for src, want := range tests {
		p, ok := firstLayoutProblem([]byte(src))
		if !ok {
			t.Errorf("firstLayoutProblem(%q): none, want %s", src, want)
			continue
		}
		if got := fmt.Sprintf("%d:%d: %s", p.Line, p.Column, p.message); !strings.HasPrefix(got, want) {
			t.Errorf("firstLayoutProblem(%q) = %s, want %s…", src, got, want)
		}
		// And YAML reports it so, whatever yaml.v3 said.
		if _, err := YAML([]byte(src)); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("YAML(%q) = %v, want %s…", src, err, want)
		}
	}
}

// One mistake at a time on every line of the example: a tab, full-width
// spaces or colon, a missing colon, one space of indentation too many or
// too few, a comma or a closing brace left out in braces. Each is placed at
// its own line, with a column. (When a block's
// first two lines disagree, nothing tells which is out of line; those few
// are placed at the second.)
func TestLayoutMistakesOnEveryLine(t *testing.T) {
	data, err := os.ReadFile("../../examples/fengqiu/fengqiu.yaml")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	for _, m := range []struct {
		name   string
		mutate func(string) string
		missed float64 // the share allowed elsewhere
	}{
		{"a tab", func(l string) string { return "\t" + strings.TrimLeft(l, " ") }, 0},
		{"full-width spaces", func(l string) string { return strings.Replace(l, "  ", "\u3000", 1) }, 0},
		{"a full-width colon", func(l string) string { return strings.Replace(l, ": ", "：", 1) }, 0},
		{"no colon", func(l string) string { return strings.Replace(l, ": ", " ", 1) }, 0.01},
		{"one space more", func(l string) string { return " " + l }, 0.03},
		{"one space less", func(l string) string { return strings.TrimPrefix(l, " ") }, 0.03},
		{"a comma left out after a quoted value", func(l string) string { return strings.Replace(l, `", `, `" `, 1) }, 0},
		{"a brace left open", func(l string) string { return strings.Replace(l, "}", "", 1) }, 0},
	} {
		errs, placed := 0, 0
		for i, l := range lines {
			if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "#") || m.mutate(l) == l {
				continue
			}
			mutated := slices.Concat(lines[:i], []string{m.mutate(l)}, lines[i+1:])
			_, err := YAML([]byte(strings.Join(mutated, "\n")))
			var syn *SyntaxError
			if !errors.As(err, &syn) {
				continue // still valid YAML, or an error without a place: the loader's concern
			}
			errs++
			if syn.Line == i+1 && syn.Column > 0 {
				placed++
			} else if m.missed == 0 {
				t.Errorf("%s on line %d: %v", m.name, i+1, err)
			}
		}
		if errs < 20 {
			t.Errorf("%s: only %d syntax errors", m.name, errs)
		}
		if missed := float64(errs-placed) / float64(errs); missed > m.missed {
			t.Errorf("%s: %d of %d placed elsewhere", m.name, errs-placed, errs)
		}
	}
}

// FuzzLayout: the layout check never panics, whatever the text.
func FuzzLayout(f *testing.F) {
	f.Add([]byte("a:\n  - b: 1\n    c: |\n      x\n  d: [1,\n 2]\n\te: \"x\n"))
	f.Add([]byte("- - &a:\n  !t |-\n ? k\n\u3000x：1\n{a: 1,000}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		firstLayoutProblem(data)
		YAML(data)
	})
}
