package profile

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/figures"
)

func buildWith(t *testing.T, p *Profile, input string) *doc.Document {
	t.Helper()
	b, err := budget.Load(input)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Validate(nil); err != nil {
		t.Fatal(err)
	}
	d, err := p.Build(context.Background(), Input{Budget: b, Figures: figures.Compute(b, nil)})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// tocEntries are the annex tables' 目录 entries.
func tocEntries(d *doc.Document) []string {
	var out []string
	for _, blk := range d.Blocks {
		if a, ok := blk.(*doc.Annex); ok {
			out = append(out, a.Title.Entry())
		}
	}
	return out
}

// The test definition folder drops two tables, renames one, groups
// thousands and rewords the caption, with no Go code.
func TestDefinitionFolder(t *testing.T) {
	p, err := LoadDir("../testdata/profiles/test-province")
	if err != nil {
		t.Fatal(err)
	}
	d := buildWith(t, p, "../examples/shifan/shifan.yaml")
	got := strings.Join(tocEntries(d), " ")
	want := "一、部门收支总体情况表 二、部门收入总体情况表 三、部门支出总体情况表 四、财政拨款收支总体情况表 " +
		"五、一般公共预算支出表 六、支出经济分类汇总表 七、一般公共预算“三公”经费支出情况表 八、项目支出表 " +
		"九、部门（单位）整体绩效目标表 十、部门预算项目绩效目标汇总表"
	if got != want {
		t.Errorf("tables:\n%s\nwant\n%s", got, want)
	}
	if !p.Numbers.Thousands {
		t.Error("numbers: {thousands: true} not read")
	}
	captions := 0
	for _, blk := range d.Blocks {
		if a, ok := blk.(*doc.Annex); ok && strings.HasPrefix(a.Caption, "编制单位：") {
			captions++
		}
	}
	if captions == 0 {
		t.Error("the folder's caption template is not used")
	}
	if d.Title != "示范县城市管理局2023年度部门预算" {
		t.Errorf("title %q", d.Title)
	}
}

// The built-in profile prints Henan's twelve tables in order.
func TestHenanTables(t *testing.T) {
	d := buildWith(t, Henan(), "../examples/fengqiu/fengqiu.yaml")
	entries := tocEntries(d)
	if len(entries) != 12 || entries[0] != "一、部门收支总体情况表" || entries[11] != "十二、部门预算项目绩效目标汇总表" {
		t.Errorf("entries %v", entries)
	}
}

// A definition's mistakes are named with their line, all at once.
func TestDefinitionProblems(t *testing.T) {
	fsys := fstest.MapFS{DefinitionFile: {Data: []byte("name: 坏\ntables:\n  - overall\n  - nosuch\n  - overall\n  - {id: basic, colour: red}\n")}}
	_, err := Load(fsys, "bad")
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"bad/profile.yaml:4:5: 没有名为“nosuch”的附表", "bad/profile.yaml:5:5: 附表“overall”列出了两次", "bad/profile.yaml:6:5: 附表应写成"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if _, err := Load(fstest.MapFS{DefinitionFile: {Data: []byte("nmae: x\n")}}, "typo"); err == nil || !strings.Contains(err.Error(), "nmae") {
		t.Errorf("unknown key: %v", err)
	}
}

// Thousands separators reach every amount cell and no other.
func TestNumberFormatApply(t *testing.T) {
	tb := &doc.Table{Body: [][]doc.Cell{{doc.Text("20101"), doc.Num(decimal.RequireFromString("123456789.5"), true), doc.Num(decimal.Zero, true)}}}
	NumberFormat{Thousands: true}.apply([]*doc.Table{tb})
	if got := tb.Body[0][0].Text + " " + tb.Body[0][1].Text + " " + tb.Body[0][2].Text; got != "20101 123,456,789.50 " {
		t.Errorf("cells %q", got)
	}
}

// A folder without profile.yaml is named, with what it needs, in Chinese.
func TestDefinitionFolderWithoutFile(t *testing.T) {
	_, err := LoadDir(t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "文件夹中没有 profile.yaml") {
		t.Errorf("error %v", err)
	}
}

// A definition's 单位预算 is the same document for one unit: 单位 for 部门
// in its title and table names, the rest as defined.
func TestForUnit(t *testing.T) {
	p, err := LoadDir("../testdata/profiles/test-province")
	if err != nil {
		t.Fatal(err)
	}
	u := p.ForUnit()
	if u.Scope != ScopeUnit || u.Title != "单位预算" || u.Name != "测试省单位预算" || !u.Numbers.Thousands || u.Catalogue != p.Catalogue {
		t.Errorf("ForUnit: %+v", u)
	}
	if u.Tables[0].Name != "单位收支总体情况表" || u.Tables[4].Name != "一般公共预算支出表" || u.Tables[8].Name != "" {
		t.Errorf("tables %+v", u.Tables)
	}
	if p.Scope != ScopeDepartment || p.Tables[0].Name != "" {
		t.Error("ForUnit changed the profile itself")
	}
	if u.ForUnit() != u {
		t.Error("a unit's profile is not its own ForUnit")
	}
}
