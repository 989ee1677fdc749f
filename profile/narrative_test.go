package profile

import (
	"github.com/budgetdoc/budgetdoc/budget"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/budgetdoc/budgetdoc/money"
	"github.com/shopspring/decimal"
)

// TestChangeWording pins the year-on-year wording of every case.
func TestChangeWording(t *testing.T) {
	d := decimal.RequireFromString
	f := &Figures{Year: 2023, PriorYear: 2022, MoneyUnit: "万元"}
	n, err := newNarrator(nil, f, TemplateData{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ this, prior, want, compare string }{
		{"540.82", "341.37", "增加199.45万元，增长58.43%", "比2022年增加199.45万元，增长58.43%"},
		{"5.70", "8.00", "减少2.30万元，下降28.75%", "比2022年减少2.30万元，下降28.75%"},
		{"10.00", "10.00", "与2022年保持一致", "与2022年保持一致"},
		{"0", "0", "与2022年保持一致", "与2022年保持一致"},
		{"60.00", "0", "增加60.00万元（2022年无该项预算）", "比2022年增加60.00万元（2022年无该项预算）"},
		{"0", "80.00", "减少80.00万元，下降100%", "比2022年减少80.00万元，下降100%"},
	} {
		n.data.Total = amount(money.Compare(d(c.this), d(c.prior)), decimal.Zero)
		for name, want := range map[string]string{"change": c.want, "compare": c.compare} {
			var b strings.Builder
			if err := n.tmpl.ExecuteTemplate(&b, name, n.data.Total); err != nil {
				t.Fatal(err)
			}
			if b.String() != want {
				t.Errorf("%s %s → %s: %q, want %q", name, c.prior, c.this, b.String(), want)
			}
		}
	}
}

// TestTemplatesReplaceable: a caller's template set replaces the wording,
// and one that lacks a template is refused by name before anything runs.
func TestTemplatesReplaceable(t *testing.T) {
	b, err := budget.Load("../examples/fengqiu/fengqiu.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Figures(b)
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, name := range templateNames {
		if name != "narrative" {
			all.WriteString(`{{define "` + name + `"}}` + name + `{{end}}`)
		}
	}
	own := fstest.MapFS{
		"all.tmpl": {Data: []byte(all.String())},
		"narrative.tmpl": {Data: []byte(`{{define "narrative"}}# 第二部分
本年支出{{money .Total.This}}{{unit}}。{{end}}`)},
	}
	n, err := newNarrator(own, f, templateData(b, f))
	if err != nil {
		t.Fatal(err)
	}
	got, err := n.text("narrative")
	if err != nil || got != "# 第二部分\n本年支出540.82万元。" {
		t.Errorf("own narrative = %q, %v", got, err)
	}

	delete(own, "narrative.tmpl")
	if _, err := newNarrator(own, f, templateData(b, f)); err == nil || !strings.Contains(err.Error(), "缺少名为 narrative") {
		t.Errorf("a set without the narrative template: %v, want an error naming it", err)
	}
}
