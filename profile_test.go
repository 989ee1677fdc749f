package budgetdoc

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/catalog"
	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/profile"
)

// The test definition counts 30227 委托业务费 as 人员经费 (as Guangxi does):
// a line so filed is an error under the Henan rule and valid under it, and
// its amount goes into 人员经费.
func TestDefinitionCounts30227AsPersonnel(t *testing.T) {
	data, err := os.ReadFile("examples/shifan/shifan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in := strings.Replace(string(data), `economic: "30201", basic: 公用经费`, `economic: "30227", basic: 人员经费`, 1)
	b, err := Parse("shifan.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if ps := Validate(b, nil).Errors(); len(ps) != 1 || ps[0].Path.String() != "lines[8].economic" || !strings.Contains(ps[0].Message, "不属于人员经费") {
		t.Errorf("Henan: %v", ps)
	}
	p, err := profile.LoadDir("testdata/profiles/test-province")
	if err != nil {
		t.Fatal(err)
	}
	o := &Options{Profile: p}
	if ps := Validate(b, o); ps.Err() != nil {
		t.Fatalf("test definition: %v", ps)
	}
	if _, err := Build(context.Background(), b, o); err != nil {
		t.Fatal(err)
	}
	// The caller's own list goes over the profile's: 30227 back to 公用经费.
	own, err := catalog.ParseTable("own.csv", []byte("科目编码,科目名称,基本支出\n30227,委托业务费,公用经费\n"))
	if err != nil {
		t.Fatal(err)
	}
	o.Catalogue = own
	if ps := Validate(b, o).Errors(); len(ps) != 1 {
		t.Errorf("the caller's catalogue is not laid over the profile's: %v", ps)
	}
}

// The test definition prints 元 for the 万元 input, converted exactly, with
// thousands separators: in the tables and in the narrative.
func TestDefinitionPrintsYuan(t *testing.T) {
	b, err := Load("examples/shifan/shifan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := profile.LoadDir("testdata/profiles/test-province")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Build(context.Background(), b, &Options{Profile: p})
	if err != nil {
		t.Fatal(err)
	}
	dump := doc.Dump(d)
	for _, want := range []string{"单位：元", "6,971,000.00", "收入总计6,971,000.00元"} {
		if !strings.Contains(dump, want) {
			t.Errorf("the document lacks %q", want)
		}
	}
	if strings.Contains(dump, "697.10") {
		t.Error("an amount is still in 万元")
	}
}

// A unit's budget is published as the 河南单位预算 by default: 单位 in the
// titles, 本单位 in the words, the unit's figures alone, and the department
// it belongs to named where the department's document lists its units.
func TestUnitDocument(t *testing.T) {
	b, err := Load("examples/shifan/shifan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	u, err := b.Unit("501003")
	if err != nil {
		t.Fatal(err)
	}
	if ps := Validate(u, nil); ps.Err() != nil {
		t.Fatal(ps)
	}
	d, err := Build(context.Background(), u, nil)
	if err != nil {
		t.Fatal(err)
	}
	dump := doc.Dump(d)
	if d.Title != "示范县市政设施维护中心2023年度单位预算" {
		t.Errorf("title %q", d.Title)
	}
	for _, want := range []string{
		"[封面] 示范县市政设施维护中心 / 2023年度单位预算",
		"示范县市政设施维护中心是示范县城市管理局所属的预算单位",
		"2023年单位预算情况说明",
		"示范县市政设施维护中心2023年收入总计114.50万元", // 49.50 基本 + 65 项目
		"单位名称：示范县市政设施维护中心",
		"一、单位收支总体情况表",
		"本单位2023年机构运转经费",
		"城区亮化改造工程项目结束减少80万元",
	} {
		if !strings.Contains(dump, want) {
			t.Errorf("the unit's document lacks %q", want)
		}
	}
	for _, not := range []string{"我部门", "纳入本部门", "示范县环境卫生管理所"} {
		if strings.Contains(dump, not) {
			t.Errorf("the unit's document says %q", not)
		}
	}
	// The department's budget under the unit's definition is refused.
	if _, err := Build(context.Background(), b, &Options{Profile: profile.HenanUnit()}); err == nil {
		t.Error("a department's budget built as a 单位预算")
	}
}

// A unit's budget under a department's definition is published as that
// definition's 单位预算: its tables, numbers and wording, with 单位 for 部门.
func TestUnitUnderDefinition(t *testing.T) {
	b, err := Load("examples/shifan/shifan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	u, err := b.Unit("501002")
	if err != nil {
		t.Fatal(err)
	}
	p, err := profile.LoadDir("testdata/profiles/test-province")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Build(context.Background(), u, &Options{Profile: p})
	if err != nil {
		t.Fatal(err)
	}
	dump := doc.Dump(d)
	for _, want := range []string{"2023年度单位预算", "一、单位收支总体情况表", "收入总计2,570,000.00元", "本单位"} {
		if !strings.Contains(dump, want) {
			t.Errorf("the unit's document lacks %q", want)
		}
	}
	if strings.Contains(dump, "基本支出表") {
		t.Error("a table the definition drops is printed")
	}
}
