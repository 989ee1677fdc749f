package synth

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/budgetdoc/budgetdoc/budget"
)

func TestGeneratedBudgetsAreValid(t *testing.T) {
	for _, s := range []Size{
		{Lines: 1, Units: 1},
		{Lines: 40, Units: 1, Projects: 5, Seed: 1},
		{Lines: 300, Units: 3, Projects: 20, Seed: 2},
		{Lines: 2000, Units: 100, Projects: 100, Seed: 3},
		{Lines: 2000, Units: 1000, Projects: 1000, Seed: 4}, // every line is a unit's or a project's first
	} {
		t.Run(fmt.Sprintf("%d-%d-%d", s.Lines, s.Units, s.Projects), func(t *testing.T) {
			data, err := YAML(s)
			if err != nil {
				t.Fatal(err)
			}
			b, err := budget.Parse("synth.yaml", data)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if ps := b.Check(nil); len(ps) > 0 {
				t.Fatalf("%d problems, the first: %v", len(ps), ps[0])
			}
			if err := b.Validate(nil); err != nil {
				t.Fatal(err)
			}
			if len(b.Lines) != s.Lines || len(b.Units) != s.Units || len(b.Projects) != s.Projects {
				t.Errorf("%d lines, %d units, %d projects; want %+v", len(b.Lines), len(b.Units), len(b.Projects), s)
			}
		})
	}
}

func TestSameSizeSameBytes(t *testing.T) {
	s := Size{Lines: 500, Units: 20, Projects: 30, Seed: 7}
	a, _ := YAML(s)
	b, _ := YAML(s)
	if !bytes.Equal(a, b) {
		t.Error("the same size gave different budgets")
	}
	s.Seed++
	if c, _ := YAML(s); bytes.Equal(a, c) {
		t.Error("another seed gave the same budget")
	}
}

func TestImpossibleSizeIsAnError(t *testing.T) {
	for _, s := range []Size{{Lines: 5, Units: 0}, {Lines: 5, Units: 3, Projects: 3}, {Lines: 5, Units: 1, Projects: -1}} {
		if _, err := YAML(s); err == nil {
			t.Errorf("%+v: no error", s)
		}
	}
}
