package doc

import "testing"

func TestDump(t *testing.T) {
	d := &Document{Blocks: []Block{
		&Cover{Title: []string{"甲局", "2023年度部门预算"}, Date: "二〇二三年四月"},
		&PageBreak{StartNumbering: true},
		&Heading{Level: 1, Text: "第一部分\n概况", TOCText: "第一部分 概况", InTOC: true},
		&Paragraph{Text: "部门名称：甲局\t单位：万元"},
		&PageBreak{Orientation: OrientationLandscape},
		&Table{Name: "表", Header: [][]Cell{{{Text: "收入", ColSpan: 2}}}, Body: [][]Cell{{Text("一"), {Text: "1.00"}}}},
	}}
	want := "[封面] 甲局 / 2023年度部门预算 / 二〇二三年四月\n[分页 起始页码1]\n# 第一部分 / 概况  [目录：第一部分 概况]\n" +
		"部门名称：甲局 → 单位：万元\n[分页 横向]\n[表 表]\n  表头 收入<2×1>\n   一 | 1.00\n"
	if got := Dump(d); got != want {
		t.Errorf("Dump:\n%s\nwant:\n%s", got, want)
	}
}
