package doc

import (
	"slices"
	"testing"
)

func TestValues(t *testing.T) {
	for s, want := range map[string][]string{
		"≥95%":            {"≥95%"},
		"219套":            {"219套"},
		"5670平方米":         {"5670平方米"},
		"≤28.00万元":        {"≤28.00万元"},
		"每月30日前":          {"每月30日前"},
		"工作经费（含22年结转15万）": nil, // two numbers: text, not a value
		"2023年12月31日前":    nil,
		"3717632.50":      {"3717632.50"},
		"政务服务中心线下服务能力提升项目": nil,
	} {
		if got := values(s); !slices.Equal(got, want) {
			t.Errorf("values(%q) = %q, want %q", s, got, want)
		}
	}
}
