package doc

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
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

// fixed measures hanzi at an em and everything else at half an em.
func fixed(r rune, _ bool, size float64) float64 {
	if r >= 0x2E80 {
		return size
	}
	return size / 2
}

func sum(ws []float64) float64 {
	s := 0.0
	for _, w := range ws {
		s += w
	}
	return s
}

func TestFitWidthsFromContent(t *testing.T) {
	f := GBT9704()
	code := "410727230000000009617"
	tbl := &Table{Name: "表",
		Header: [][]Cell{{Text("项目编码"), Text("项目名称"), Text("财政专户管理资金"), Text("金额")}},
		Body: [][]Cell{
			{Text(code), Text("政务服务中心线下服务能力提升（硬件、软件）项目"), {}, Num(decimal.RequireFromString("123456789.00"), false)},
			{Text("201"), Text("行政运行"), {}, Num(decimal.RequireFromString("3717632.50"), false)},
		}}
	fit, err := Fit([]*Table{tbl}, f, OrientationPortrait, true, fixed)
	if err != nil {
		t.Fatal(err)
	}
	if fit.Size != f.TableSize || fit.Orientation != OrientationPortrait {
		t.Errorf("fit %+v, want the table size on a portrait page", fit)
	}
	if got, want := sum(fit.Widths), TextWidth(f, OrientationPortrait); math.Abs(got-want) > 0.01 {
		t.Errorf("widths add up to %.2f, want the text width %.2f", got, want)
	}
	pad := 2 * CellPadX * f.TableSize
	if need := float64(len(code))*f.TableSize/2 + pad; fit.Widths[0] < need {
		t.Errorf("code column %.2f pt, narrower than the 21-digit code (%.2f)", fit.Widths[0], need)
	}
	if need := 12*f.TableSize/2 + pad; fit.Widths[3] < need {
		t.Errorf("amount column %.2f pt, narrower than 123456789.00 (%.2f)", fit.Widths[3], need)
	}
	// The empty column is no wider than its header needs in four lines.
	if fit.Widths[2] > 2*f.TableSize+pad+1 {
		t.Errorf("the empty column takes %.2f pt", fit.Widths[2])
	}
	if fit.Widths[1] <= fit.Widths[0] {
		t.Errorf("the name column (%.2f) should take the width the others leave (code %.2f)", fit.Widths[1], fit.Widths[0])
	}
}

// A table too wide for its page steps down to the format's floor, then
// turns landscape, and past that names its widest column.
func TestFitStepsDownThenTurnsThenFails(t *testing.T) {
	f := GBT9704()
	row := func(n int, s string) []Cell {
		var r []Cell
		for range n {
			r = append(r, Text(s))
		}
		return r
	}
	width := TextWidth(f, OrientationPortrait)
	// Columns of one unbreakable word each, sized to need a little more
	// than the portrait width at 9 pt.
	word := strings.Repeat("8", 10) // 45 pt at 9 pt, 40 at 8
	n := int(width/(45+2*CellPadX*9)) + 1
	fit, err := Fit([]*Table{{Name: "宽表", Body: [][]Cell{row(n, word)}}}, f, OrientationPortrait, true, fixed)
	if err != nil || fit.Size >= f.TableSize || fit.Size < f.TableMinSize || fit.Orientation != OrientationPortrait {
		t.Errorf("a table a little too wide: %+v, %v; want it set smaller, portrait", fit, err)
	}
	n = int(width/(40+2*CellPadX*8)) + 2
	fit, err = Fit([]*Table{{Name: "宽表", Body: [][]Cell{row(n, word)}}}, f, OrientationPortrait, true, fixed)
	if err != nil || fit.Orientation != OrientationLandscape || fit.Size != f.TableSize {
		t.Errorf("a table too wide at the floor: %+v, %v; want it landscape at the table size", fit, err)
	}
	if _, err := Fit([]*Table{{Name: "宽表", Body: [][]Cell{row(n, word)}}}, f, OrientationPortrait, false, fixed); err == nil {
		t.Error("a table that may not turn fitted anyway")
	}
	n = int(TextWidth(f, OrientationLandscape)/(40+2*CellPadX*8)) + 2
	body := [][]Cell{row(n, word)}
	body[0][3] = Text(strings.Repeat("9", 30))
	_, err = Fit([]*Table{{Name: "十二、宽表", Header: [][]Cell{row(n, "指标")}, Body: body}}, f, OrientationPortrait, true, fixed)
	var fe *FitError
	if !errors.As(err, &fe) || fe.Table != "十二、宽表" || fe.Column != 4 || !strings.Contains(err.Error(), "第4列（指标）") {
		t.Errorf("error %v, want one naming the table and its fourth column", err)
	}
}

func TestFitSharesOneGrid(t *testing.T) {
	f := GBT9704()
	a := &Table{Name: "甲", Body: [][]Cell{{Text("部门名称"), Text("封丘县政务服务和大数据管理局")}}}
	b := &Table{Name: "乙", Body: [][]Cell{{Text("1234567890123"), Text("短")}}}
	fit, err := Fit([]*Table{a, b}, f, OrientationPortrait, false, fixed)
	if err != nil {
		t.Fatal(err)
	}
	if fit.Widths[0] < 13*f.TableSize/2 {
		t.Errorf("the shared first column (%.2f pt) does not hold the second table's number", fit.Widths[0])
	}
	c := &Table{Name: "丙", Body: [][]Cell{{Text("a")}}}
	if _, err := Fit([]*Table{a, c}, f, OrientationPortrait, false, fixed); err == nil {
		t.Error("tables of different columns fitted together")
	}
}

func TestFitAllTurnsAnAnnex(t *testing.T) {
	f := GBT9704()
	var cells []Cell
	for range 10 {
		cells = append(cells, Text("12345678.00"))
	}
	wide := &Table{Name: "宽", Body: [][]Cell{cells}}
	narrow := &Table{Name: "窄", Body: [][]Cell{{Text("a"), Text("b")}}}
	d := &Document{Blocks: []Block{
		&Annex{Title: Heading{Text: "宽表"}, Tables: []*Table{wide}},
		narrow,
	}}
	fits, err := FitAll(d, f, fixed)
	if err != nil {
		t.Fatal(err)
	}
	if fits[wide].Orientation != OrientationLandscape || fits[narrow].Orientation != OrientationPortrait {
		t.Errorf("fits %+v / %+v: want the wide annex landscape, the loose table as its page", fits[wide], fits[narrow])
	}
}
