package catalog

import (
	"os"
	"regexp"
	"testing"
)

var exampleLine = regexp.MustCompile(`function: "(\d+)", economic: "(\d+)"(?:, basic: (人员经费|公用经费))?`)

// TestSuzhouCodesAreInThe2025Catalogue reads the 2025 example's lines as text (this package does not
// know budgets) and looks up every code it uses in the built-in 2025 catalogue, and every 基本支出
// line's kind in the basic-kind rule.
func TestSuzhouCodesAreInThe2025Catalogue(t *testing.T) {
	c := builtin(t, 2025)
	for _, file := range []string{"../examples/suzhou/suzhou.yaml", "../examples/suzhou/suzhou-yuan.yaml"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		lines := exampleLine.FindAllStringSubmatch(string(data), -1)
		if len(lines) < 50 {
			t.Fatalf("%s: read %d lines, want the example's 70 or so", file, len(lines))
		}
		for _, m := range lines {
			if _, ok := c.Function(m[1]); !ok {
				t.Errorf("%s: function %s is not in 2025", file, m[1])
			}
			if _, ok := c.DeptEconomic(m[2]); !ok {
				t.Errorf("%s: economic %s is not in 2025", file, m[2])
			}
			if m[3] != "" {
				if k, _ := c.BasicKind(m[2]); k != m[3] {
					t.Errorf("%s: %s is %s in the example, %q in the catalogue", file, m[2], m[3], k)
				}
			}
		}
	}
}
