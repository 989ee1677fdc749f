package linebreak

import (
	"slices"
	"testing"
)

func TestBalanced(t *testing.T) {
	for _, c := range []struct {
		text  string
		width float64 // in ems of fixed
		want  []string
	}{
		{"单位代码", 3, []string{"单位", "代码"}},
		{"商品和服务支出", 6, []string{"商品和服", "务支出"}},
		{"驻村人员满意度", 3, []string{"驻村", "人员满", "意度"}},
		{"合计", 5, []string{"合计"}},
		{"工资福利支出3717632.50", 6, []string{"工资福利支出", "3717632.50"}}, // never inside a number
	} {
		var got []string
		for _, ln := range Balanced(c.text, c.width*em, fixed) {
			got = append(got, ln.Text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Balanced(%q, %v em) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}
