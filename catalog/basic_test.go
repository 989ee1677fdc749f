package catalog

import (
	"strings"
	"testing"
)

// TestBasicKindsAsBefore: the built-in rule is the one budgetdoc had as a constant (301/303 人员经费,
// 302/309/310/399 公用经费, nothing else), for every 部门 code of every year.
func TestBasicKindsAsBefore(t *testing.T) {
	want := map[string]string{"301": Personnel, "303": Personnel, "302": Public, "309": Public, "310": Public, "399": Public}
	for y := 2023; y <= 2027; y++ {
		c := builtin(t, y)
		for _, code := range c.DeptEconomicCodes() {
			got, ok := c.BasicKind(code)
			if w, listed := want[code[:3]]; got != w || ok != listed {
				t.Errorf("%d: BasicKind(%s) = %q, %v; want %q", y, code, got, ok, w)
			}
		}
	}
	c := builtin2023(t)
	if got := c.BasicKindRule(Personnel); got != "301 工资福利支出、303 对个人和家庭的补助" {
		t.Errorf("rule 人员经费: %q", got)
	}
	if got := c.BasicKindRule(Public); got != "302 商品和服务支出、309 资本性支出（基本建设）、310 资本性支出、399 其他支出" {
		t.Errorf("rule 公用经费: %q", got)
	}
}

// TestRegionCountsWagesForContractors is the Guangxi case: 30227 委托业务费 paid for 编外人员 is
// 人员经费, set by a file entry or by the caller's rule.
func TestRegionCountsWagesForContractors(t *testing.T) {
	base := builtin2023(t)
	file := mustTable(t, "广西.tsv", "编码\t名称\t基本支出类型\n30227\t委托业务费\t人员经费\n")
	viaCode, err := base.WithBasicKinds(map[string]string{"30227": Personnel})
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]*Catalogue{"file": base.Merge(file), "WithBasicKinds": viaCode} {
		if err := c.Check(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if k, _ := c.BasicKind("30227"); k != Personnel {
			t.Errorf("%s: 30227 is %q", name, k)
		}
		if k, _ := c.BasicKind("30226"); k != Public {
			t.Errorf("%s: 30226 is %q", name, k)
		}
		if got := c.BasicKindRule(Public); !strings.HasPrefix(got, "302 商品和服务支出（30227 委托业务费除外）、") {
			t.Errorf("%s: rule 公用经费 %q", name, got)
		}
		if got := c.BasicKindRule(Personnel); !strings.Contains(got, "30227 委托业务费") {
			t.Errorf("%s: rule 人员经费 %q", name, got)
		}
	}
	if k, _ := base.BasicKind("30227"); k != Public {
		t.Errorf("the built-in catalogue changed: %q", k)
	}
	if _, err := base.WithBasicKinds(map[string]string{"30227": "人员", "3022": Public, "30298": Public}); err == nil ||
		!strings.Contains(err.Error(), "应为 人员经费 或 公用经费") || !strings.Contains(err.Error(), "“3022”不是") || !strings.Contains(err.Error(), "30298 不在") {
		t.Errorf("bad rules: %v", err)
	}
}

func TestBasicKindsFileErrors(t *testing.T) {
	fsys := good()
	fsys["my/basic_kinds.tsv"] = mapFile("301\t人员经费\n30101\t人员\n301\t公用经费\n399\t公用经费\n")
	_, err := Load(fsys, "my")
	for _, want := range []string{"basic_kinds.tsv:2: kind \"人员\"", "basic_kinds.tsv:3: code 301 is already given a kind at line 1", "basic_kinds.tsv:4: 公用经费规则的编码 399 不在部门预算支出经济分类中"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("lacks %q: %v", want, err)
		}
	}
}
