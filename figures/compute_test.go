package figures

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/internal/synth"
)

// BenchmarkCompute computes the figures of synthetic departments of 20 000
// lines in 3 and in 1 000 units: the cost should follow the lines, not the
// units.
//
//	go test ./figures -run '^$' -bench Compute -benchmem -cpu 1
func BenchmarkCompute(b *testing.B) {
	for _, units := range []int{3, 1000} {
		b.Run(fmt.Sprintf("lines=20000/units=%d", units), func(b *testing.B) {
			data, err := synth.YAML(synth.Size{Lines: 20000, Units: units, Projects: 1000})
			if err != nil {
				b.Fatal(err)
			}
			bud, err := budget.Parse("synth.yaml", data)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				Compute(bud, nil)
			}
		})
	}
}

// naiveByFunction is buildByFunction as it was first written: every line
// added to every row it counts in, one decimal.Add at a time.
func naiveByFunction[C any](b *budget.Budget, keep func(budget.Line) bool, add func(*C, budget.Line)) (C, map[string]C, map[string]C) {
	var total C
	rows, units := map[string]C{}, map[string]C{}
	for _, l := range b.Lines {
		if keep != nil && !keep(l) {
			continue
		}
		add(&total, l)
		u := units[l.Unit]
		add(&u, l)
		units[l.Unit] = u
		for _, code := range functionAncestors(l.Function) {
			r := rows[code]
			add(&r, l)
			rows[code] = r
			ur := rows[l.Unit+"/"+code]
			add(&ur, l)
			rows[l.Unit+"/"+code] = ur
		}
	}
	return total, rows, units
}

// sameDigits reports whether a and b, structs of decimals, hold the same
// coefficients and exponents field by field.
func sameDigits(a, b any) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	for i := range va.NumField() {
		fa, fb := va.Field(i), vb.Field(i)
		if d, ok := fa.Interface().(decimal.Decimal); ok {
			e := fb.Interface().(decimal.Decimal)
			if !d.Equal(e) || d.Exponent() != e.Exponent() {
				return false
			}
			continue
		}
		if !sameDigits(fa.Interface(), fb.Interface()) {
			return false
		}
	}
	return true
}

// TestByFunctionAsNaive checks that summing each code once and the rows
// from those sums gives every figure of the tables by function with the
// digits and exponent of adding each line to each row.
func TestByFunctionAsNaive(t *testing.T) {
	check := func(name string, bud *budget.Budget) {
		f := Compute(bud, nil)
		projects := bud.ProjectsByCode()
		addSpending := func(c *SpendingColumns, l budget.Line) { addSpendingLine(c, l, projects) }
		general := func(l budget.Line) bool { return l.Source.IsGeneral() }
		compare := func(table string, total any, rows []FunctionRow[SpendingColumns], units []UnitRows[SpendingColumns], wantTotal SpendingColumns, want map[string]SpendingColumns, wantUnits map[string]SpendingColumns) {
			if !sameDigits(total, wantTotal) {
				t.Errorf("%s %s: total %+v, want %+v", name, table, total, wantTotal)
			}
			for _, r := range rows {
				if !sameDigits(r.Columns, want[r.Code]) {
					t.Errorf("%s %s: row %s %+v, want %+v", name, table, r.Code, r.Columns, want[r.Code])
				}
			}
			for _, u := range units {
				if !sameDigits(u.Total, wantUnits[u.Code]) {
					t.Errorf("%s %s: unit %s total differs", name, table, u.Code)
				}
				for _, r := range u.Rows {
					if !sameDigits(r.Columns, want[u.Code+"/"+r.Code]) {
						t.Errorf("%s %s: unit %s row %s differs", name, table, u.Code, r.Code)
					}
				}
			}
		}
		tot, rows, units := naiveByFunction(bud, nil, addSpending)
		compare("SpendingByFunction", f.SpendingByFunction.Total, f.SpendingByFunction.Rows, f.SpendingByFunction.Units, tot, rows, units)
		tot, rows, units = naiveByFunction(bud, general, addSpending)
		compare("GeneralByFunction", f.GeneralByFunction.Total, f.GeneralByFunction.Rows, f.GeneralByFunction.Units, tot, rows, units)
		itot, irows, iunits := naiveByFunction(bud, nil, addIncomeLine)
		if !sameDigits(f.IncomeByFunction.Total, itot) {
			t.Errorf("%s IncomeByFunction: total differs", name)
		}
		for _, r := range f.IncomeByFunction.Rows {
			if !sameDigits(r.Columns, irows[r.Code]) {
				t.Errorf("%s IncomeByFunction: row %s differs", name, r.Code)
			}
		}
		for _, u := range f.IncomeByFunction.Units {
			if !sameDigits(u.Total, iunits[u.Code]) {
				t.Errorf("%s IncomeByFunction: unit %s differs", name, u.Code)
			}
		}
	}
	check("封丘", loadFengqiu(t))
	for _, units := range []int{3, 40} {
		data, err := synth.YAML(synth.Size{Lines: 800, Units: units, Projects: 40})
		if err != nil {
			t.Fatal(err)
		}
		bud, err := budget.Parse("synth.yaml", data)
		if err != nil {
			t.Fatal(err)
		}
		check(fmt.Sprintf("synth %d units", units), bud)
	}
}
