package workbook_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetdoc/budgetdoc"
	"github.com/budgetdoc/budgetdoc/internal/decode"
	"github.com/budgetdoc/budgetdoc/internal/workbook"
)

// editedOf returns the workbook of the example at path after edit.
func editedOf(t *testing.T, path string, edit func(x *excelize.File)) []byte {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(workbookOf(t, path)))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	edit(x)
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestUnitCells edits the cells of the 示范 workbook's units' facts (three
// units): each mistake is one problem at its SHEET!CELL, the value's under
// units[k].
func TestUnitCells(t *testing.T) {
	tests := []struct {
		name string
		edit func(x *excelize.File)
		want []string
	}{
		{"a unit's amount as words: the decoder's message at the unit's path", func(x *excelize.File) {
			must(x.SetCellStr("单位上年数", "B3", "七十八"))
		}, []string{"预算.xlsx:单位上年数!B3: units[1].prior.basic: 应为数字（以万元为单位的金额），实际是文字“七十八”"}},
		{"a unit's office names a unit not in 预算单位", func(x *excelize.File) {
			must(x.SetCellStr("内设科室", "A10", "501009"))
		}, []string{"预算.xlsx:内设科室!A10: 单位编码“501009”不在“预算单位”表中：请先在“预算单位”表中列出这个单位，或改正编码"}},
		{"a unit's code typed as a number", func(x *excelize.File) {
			must(x.SetCellInt("整体绩效", "A7", 501002))
		}, nil},
		{"a row of 单位国有资产 without its unit", func(x *excelize.File) {
			must(x.SetCellStr("单位国有资产", "A3", ""))
		}, []string{"预算.xlsx:单位国有资产!A3: 未填写单位编码：请填写这一行是哪个预算单位的（从“预算单位”表中选）"}},
		{"a unit's 本年 \"三公\"经费 twice", func(x *excelize.File) {
			must(x.SetCellStr(`单位"三公"经费`, "B3", "本年"))
		}, []string{"预算.xlsx:单位\"三公\"经费!A3: 单位 501001 的“本年”已在第 2 行填写：每个单位本年、上年各填一行，请删去其中一行"}},
		{"年度 neither 本年 nor 上年", func(x *excelize.File) {
			must(x.SetCellStr(`单位"三公"经费`, "B3", "去年"))
		}, []string{"预算.xlsx:单位\"三公\"经费!B3: 年度应填 本年 或 上年，实际是“去年”"}},
		{"a unit's row twice in 单位上年数", func(x *excelize.File) {
			must(x.SetCellStr("单位上年数", "A4", "501001"))
		}, []string{"预算.xlsx:单位上年数!A4: 单位 501001 已在第 2 行填写：每个单位只填一行，请删去其中一行"}},
		{"a project's procurement marked as another unit's", func(x *excelize.File) {
			must(x.SetCellStr("政府采购", "A3", "501001"))
		}, []string{"预算.xlsx:政府采购!A3: 这一行是项目“411500230000000000201”的采购，属于项目所属的单位 501002，而单位编码填的是 501001：项目的采购请不填单位编码（或填 501002）"}},
		{"a sheet of units' facts renamed", func(x *excelize.File) {
			must(x.SetSheetName("单位国有资产", "各单位资产"))
		}, []string{"预算.xlsx: 缺少工作表“单位国有资产”：工作表“各单位资产”的表头与它相同，多半是改了名：请把“各单位资产”改回“单位国有资产”"}},
		{"a project's procurement marked with its own unit is fine", func(x *excelize.File) {
			must(x.SetCellStr("政府采购", "A3", "501002"))
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := load(t, editedOf(t, examples[1], tt.edit))
			for _, w := range tt.want {
				if !containsPrefix(got, w) {
					t.Errorf("missing problem:\n  %s\ngot:\n  %s", w, strings.Join(got, "\n  "))
				}
			}
			// The one problem, or only the checker's that follow from it.
			for _, g := range got {
				if strings.Contains(g, "!") && !containsPrefix(tt.want, g) && !strings.Contains(g, "units[") {
					t.Errorf("unexpected problem %s", g)
				}
			}
			if tt.want == nil && len(got) > 0 {
				t.Errorf("want no problems, got:\n  %s", strings.Join(got, "\n  "))
			}
		})
	}
}

// TestUnitRowsPlaced: the rows naming a unit fill that unit's facts, the
// rows naming none the department's, and a unit's row moved to another
// unit moves its fact with it.
func TestUnitRowsPlaced(t *testing.T) {
	b, ps := load(t, editedOf(t, examples[1], func(x *excelize.File) {
		must(x.SetCellStr("内设科室", "A13", "501002")) // 501003's 养护股 is 501002's now
	}))
	if b == nil {
		t.Fatalf("does not load: %v", ps)
	}
	if got := b.Units[1].Offices; !reflect.DeepEqual(got, []string{"综合股", "清扫保洁股", "养护股"}) {
		t.Errorf("501002's offices: %q", got)
	}
	if got := b.Units[2].Offices; !reflect.DeepEqual(got, []string{"综合股"}) {
		t.Errorf("501003's offices: %q", got)
	}
	if got := b.Department.Offices; len(got) != 4 {
		t.Errorf("the department's offices: %q", got)
	}
}

// TestWorkbookBeforeUnits reads a workbook made before the units' facts had
// a place (no 单位编码 columns, no 单位… sheets, no 政府采购合计 column in
// 预算单位): it reads as it did, with no problem.
func TestWorkbookBeforeUnits(t *testing.T) {
	data := editedOf(t, examples[0], func(x *excelize.File) {
		for _, s := range []string{"内设科室", "主要职责", "政府采购", "专项转移支付", "履职目标", "主要任务", "整体绩效", "上年项目"} {
			must(x.RemoveCol(s, "A"))
		}
		for _, s := range []string{`单位"三公"经费`, "单位国有资产", "单位上年数"} {
			must(x.DeleteSheet(s))
		}
		must(x.RemoveCol("预算单位", "D"))
	})
	tree, err := workbook.Read(data)
	if err != nil || len(tree.Problems) > 0 {
		t.Fatalf("Read: %v %v", err, tree.Problems)
	}
	got, err := budgetdoc.Parse("old.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	want, err := budgetdoc.Load(examples[0])
	if err != nil {
		t.Fatal(err)
	}
	if diff := compare(reflect.ValueOf(*want), reflect.ValueOf(*got), "Budget"); diff != "" {
		t.Errorf("the old workbook reads differently: %s", diff)
	}
}

// TestOneUnitSheetsEmpty: a department of one unit sees nothing of the
// units' parts: the 单位编码 columns and the 单位… sheets hold no value.
func TestOneUnitSheetsEmpty(t *testing.T) {
	x, err := excelize.OpenReader(bytes.NewReader(workbookOf(t, examples[0])))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, s := range []string{`单位"三公"经费`, "单位国有资产", "单位上年数"} {
		rows, err := x.GetRows(s)
		if err != nil || len(rows) != 1 {
			t.Errorf("%s: %d rows, want the header only (%v)", s, len(rows), err)
		}
	}
	for _, s := range []string{"内设科室", "主要职责", "政府采购", "履职目标", "整体绩效", "上年项目"} {
		cols, err := x.GetCols(s)
		if err != nil || len(cols) == 0 || cols[0][0] != "单位编码" || strings.Join(cols[0][1:], "") != "" {
			t.Errorf("%s: column A is %q, want the header 单位编码 alone (%v)", s, cols[0], err)
		}
	}
}

// TestUnitWithoutCode: a unit's facts cannot be written for a unit the
// workbook cannot name (no code, or another unit's): Write says so, at the
// fact's line, and writes nothing.
func TestUnitWithoutCode(t *testing.T) {
	in := strings.Replace(small, `units: [{code: "101001", name: 某县某局, kind: 行政}]`,
		`units: [{code: "101001", name: 某县某局, kind: 行政}, {code: "101001", name: 某县某所, kind: 事业, offices: [办公室]}, {name: 某县某中心, kind: 事业, assets: {general_equipment_over_50: 1}}]`, 1)
	root, err := decode.YAML([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	err = workbook.Write(&b, root)
	if b.Len() > 0 {
		t.Error("a workbook was written")
	}
	got := ""
	if err != nil {
		got = err.Error()
	}
	for _, want := range []string{
		"units[1].offices: 单位编码“101001”与前面的单位重复，它的这些内容在工作簿中无法注明属于哪个单位：请改正单位编码",
		"units[2].assets: 单位没有编码，它的这些内容在工作簿中无法注明属于哪个单位：请先填写单位编码",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Write's error lacks %q:\n%s", want, got)
		}
	}
}

// twoUnits is the small example with a second unit: the first states its
// special transfers, the second states that it has none.
var twoUnits = strings.Replace(small, `units: [{code: "101001", name: 某县某局, kind: 行政}]`, `units:
  - {code: "101001", name: 某县某局, kind: 行政, special_transfers: [{name: 某专项, amount: 5.00}], procurement: {basic: [{category: 货物, amount: 1.00}]}}
  - {code: "101002", name: 某县某所, kind: 事业, special_transfers: [], procurement: {basic: []}}`, 1)

// TestUnitStatesNone: a unit's empty list (it has none, and says so) is a
// row with its code alone, and reads back as an empty list, not as a list
// left out (which the unit's document would take for a guess).
func TestUnitStatesNone(t *testing.T) {
	root, err := decode.YAML([]byte(twoUnits))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := workbook.Write(&b, root); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows("专项转移支付")
	if len(rows) != 3 || strings.Join(rows[2], "|") != "101002" {
		t.Errorf("专项转移支付 rows %q, want the header, 101001's and 101002's code alone", rows)
	}
	got, err := budgetdoc.Parse("x.xlsx", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	u := got.Units[1]
	if u.SpecialTransfers == nil || len(u.SpecialTransfers) != 0 {
		t.Errorf("101002's special transfers: %#v, want stated as none", u.SpecialTransfers)
	}
	if u.Procurement == nil || u.Procurement.Basic == nil || len(u.Procurement.Basic) != 0 {
		t.Errorf("101002's procurement: %#v, want stated as none", u.Procurement)
	}
	if st := got.Units[0].SpecialTransfers; len(st) != 1 || st[0].Name != "某专项" {
		t.Errorf("101001's special transfers: %#v", st)
	}
	tree, err := workbook.Read(b.Bytes())
	if err != nil || len(tree.Problems) > 0 {
		t.Fatalf("Read: %v %v", err, tree.Problems)
	}
	var again bytes.Buffer
	if err := workbook.Write(&again, tree.Root); err != nil || !bytes.Equal(again.Bytes(), b.Bytes()) {
		t.Errorf("the workbook read and written again differs (%v)", err)
	}
}
