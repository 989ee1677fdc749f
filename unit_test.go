package budgetdoc

import (
	"context"
	"io"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/figures"
	"github.com/budgetdoc/budgetdoc/internal/synth"
)

// withUnitFacts gives every unit of b facts of its own that add up to the
// department's: its "三公" from its own lines, and the department's prior
// year and assets on the first unit, none on the others.
func withUnitFacts(b *budget.Budget) {
	spent := map[string]map[string]decimal.Decimal{}
	for _, l := range b.Lines {
		if !l.Source.IsFiscal() {
			continue
		}
		if spent[l.Unit] == nil {
			spent[l.Unit] = map[string]decimal.Decimal{}
		}
		spent[l.Unit][l.Economic] = spent[l.Unit][l.Economic].Add(l.Amount)
	}
	for i := range b.Units {
		u := &b.Units[i]
		s := spent[u.Code]
		u.Offices, u.Duties = b.Department.Offices, b.Department.Duties
		u.Performance = &b.Performance
		u.ThreePublic = &budget.ThreePublic{Abroad: s["30212"], Reception: s["30217"], VehicleOperation: s["30231"], VehiclePurchase: s["31013"]}
		if i == 0 {
			u.Prior, u.Assets = &b.Prior, &b.Assets
			continue
		}
		u.Prior, u.Assets = &budget.PriorYear{}, &budget.Assets{}
	}
}

// Every unit's 单位预算 of every example validates and renders in every
// format, and the units' figures add up to the department's: the units
// partition the department.
func TestEveryUnitOfEveryExample(t *testing.T) {
	for _, ex := range examples {
		if ex.unit != "" {
			continue
		}
		t.Run(ex.name, func(t *testing.T) {
			b, err := Load(ex.input)
			if err != nil {
				t.Fatal(err)
			}
			withUnitFacts(b)
			o := ex.options()
			if ps := Validate(b, o); ps.Err() != nil {
				t.Fatalf("the department with its units' facts: %v", ps)
			}
			dept := figures.Compute(b, nil)
			var total, basic, general, carry decimal.Decimal
			for _, u := range b.Units {
				ub, err := b.Unit(u.Code)
				if err != nil {
					t.Fatalf("unit %s: %v", u.Code, err)
				}
				if ps := Validate(ub, o); ps.Err() != nil {
					t.Fatalf("unit %s: %v", u.Code, ps)
				}
				r, err := Render(context.Background(), ub, o)
				if err != nil {
					t.Fatalf("unit %s: %v", u.Code, err)
				}
				for _, f := range Formats() {
					if err := r.Write(context.Background(), io.Discard, f); err != nil {
						t.Fatalf("unit %s, %s: %v", u.Code, f, err)
					}
				}
				f := figures.Compute(ub, nil)
				total, basic = total.Add(f.All.Total), basic.Add(f.All.Basic)
				general, carry = general.Add(f.General.Total), carry.Add(f.Income.CarryOver.Total)
			}
			for _, c := range []struct {
				what      string
				sum, dept decimal.Decimal
			}{
				{"total", total, dept.All.Total}, {"basic", basic, dept.All.Basic},
				{"general", general, dept.General.Total}, {"carry-over", carry, dept.Income.CarryOver.Total},
			} {
				if !c.sum.Equal(c.dept) {
					t.Errorf("the units' %s add up to %s, the department's is %s", c.what, c.sum, c.dept)
				}
			}
		})
	}
}

// Fifty units: every unit's document of a synthetic county 教育局 (2 000
// lines, 50 schools) validates and builds, and the units add up to the
// department.
func TestFiftyUnits(t *testing.T) {
	data, err := synth.YAML(synth.Size{Lines: 2000, Units: 50, Projects: 120, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("synth.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	withUnitFacts(b)
	if ps := Validate(b, nil); ps.Err() != nil {
		t.Fatal(ps)
	}
	total, projects := decimal.Zero, 0
	for _, u := range b.Units {
		ub, err := b.Unit(u.Code)
		if err != nil {
			t.Fatalf("unit %s: %v", u.Code, err)
		}
		if _, err := Build(context.Background(), ub, nil); err != nil {
			t.Fatalf("unit %s: %v", u.Code, err)
		}
		f := figures.Compute(ub, nil)
		total = total.Add(f.All.Total)
		projects += len(f.Projects.All)
	}
	dept := figures.Compute(b, nil)
	if !total.Equal(dept.All.Total) || projects != len(dept.Projects.All) {
		t.Errorf("the units add up to %s in %d projects, the department has %s in %d", total, projects, dept.All.Total, len(dept.Projects.All))
	}
}

// BenchmarkUnitBudgets divides a department of 20 000 lines among its
// 1 000 units, as validate and batch --each-unit do.
func BenchmarkUnitBudgets(b *testing.B) {
	data, err := synth.YAML(synth.Size{Lines: 20000, Units: 1000, Projects: 1000, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	bud, err := Parse("synth.yaml", data)
	if err != nil {
		b.Fatal(err)
	}
	withUnitFacts(bud)
	b.ResetTimer()
	for range b.N {
		if _, err := bud.UnitBudgets(); err != nil {
			b.Fatal(err)
		}
	}
}
