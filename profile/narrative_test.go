package profile

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/figures"
	"github.com/budgetdoc/budgetdoc/money"
)

// TestChangeWording pins the year-on-year wording of every case.
func TestChangeWording(t *testing.T) {
	d := decimal.RequireFromString
	f := &figures.Figures{Year: 2023, PriorYear: 2022, MoneyUnit: "万元"}
	n, err := newNarrator(f, TemplateData{}, NumberFormat{})
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

// TestTemplatesLayered: a caller's template replaces the default of its
// name, the other defaults stay, and a broken one is refused up front.
func TestTemplatesLayered(t *testing.T) {
	b, err := budget.Load("../examples/fengqiu/fengqiu.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f := figures.Compute(b, nil)
	own := fstest.MapFS{"narrative.tmpl": {Data: []byte(`{{define "narrative"}}# 第二部分
本年支出{{money .Total.This}}{{unit}}。{{end}}`)}}
	n, err := newNarrator(f, templateData(Henan(), b, f), NumberFormat{Thousands: true}, nil, own)
	if err != nil {
		t.Fatal(err)
	}
	got, err := n.text("narrative")
	if err != nil || got != "# 第二部分\n本年支出540.82万元。" {
		t.Errorf("own narrative = %q, %v", got, err)
	}
	if got, err := n.text("glossary"); err != nil || !strings.Contains(got, "名词解释") {
		t.Errorf("default glossary lost under the layer: %q, %v", got, err)
	}

	own["narrative.tmpl"] = &fstest.MapFile{Data: []byte(`{{define "narrative"}}{{.Nope`)}
	if _, err := newNarrator(f, templateData(Henan(), b, f), NumberFormat{}, own); err == nil || !strings.Contains(err.Error(), "说明文字模板") {
		t.Errorf("a broken template: %v, want a message about the templates", err)
	}
}

func TestGroupThousands(t *testing.T) {
	for in, want := range map[string]string{
		"0.00": "0.00", "999.99": "999.99", "1000.00": "1,000.00", "5806105.16": "5,806,105.16",
		"-123456789.00": "-123,456,789.00", "100000000000.00": "100,000,000,000.00",
	} {
		if got := groupThousands(in); got != want {
			t.Errorf("groupThousands(%s) = %s, want %s", in, got, want)
		}
	}
}

// The default templates are parsed once and shared: each narrator still
// has its own budget's functions, and a layer changes only its own.
func TestNarratorsShareNoState(t *testing.T) {
	own := fstest.MapFS{"x.tmpl": {Data: []byte(`{{define "glossary"}}{{year}}/{{prior}} {{money .Amount}}{{end}}`)}}
	type data struct{ Amount decimal.Decimal }
	a, err := newNarrator(&figures.Figures{Year: 2023, PriorYear: 2022}, TemplateData{}, NumberFormat{Thousands: true}, own)
	if err != nil {
		t.Fatal(err)
	}
	b, err := newNarrator(&figures.Figures{Year: 2031, PriorYear: 2030}, TemplateData{}, NumberFormat{}, own)
	if err != nil {
		t.Fatal(err)
	}
	for n, want := range map[*narrator]string{a: "2023/2022 12,345.60", b: "2031/2030 12345.60"} {
		var s strings.Builder
		if err := n.tmpl.ExecuteTemplate(&s, "glossary", data{decimal.RequireFromString("12345.6")}); err != nil || s.String() != want {
			t.Errorf("glossary = %q (%v), want %q", s.String(), err, want)
		}
	}
	plain, err := newNarrator(&figures.Figures{Year: 2023}, TemplateData{}, NumberFormat{})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := plain.text("glossary"); err != nil || !strings.Contains(got, "名词解释") {
		t.Errorf("a layer reached the shared defaults: glossary = %.40q (%v)", got, err)
	}
}
