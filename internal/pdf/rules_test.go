package pdf

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// referenceMerge is mergeRules as it was first written, by a sort of the
// rules themselves: the keyed sort must give the same lines.
func referenceMerge(rules []rule) []rule {
	var hs, vs, out []rule
	for _, r := range rules {
		switch {
		case gridKey(r.y1) == gridKey(r.y2):
			hs = append(hs, r)
		case gridKey(r.x1) == gridKey(r.x2):
			vs = append(vs, r.transposed())
		default:
			out = append(out, r)
		}
	}
	out = append(out, mergeHorizontalSorted(hs)...)
	for _, r := range mergeHorizontalSorted(vs) {
		out = append(out, r.transposed())
	}
	return out
}

// randomRules are the borders of a grid of cells, some merged, in a random
// order, with some slanted rules and some that lie off the grid.
func randomRules(rng *rand.Rand, off float64) []rule {
	xs := []float64{off + 10}
	for range 2 + rng.IntN(12) {
		xs = append(xs, xs[len(xs)-1]+5+float64(rng.IntN(4000))/100)
	}
	ys := []float64{off + 20}
	for range 1 + rng.IntN(30) {
		ys = append(ys, ys[len(ys)-1]+float64(1+rng.IntN(3))*12.96)
	}
	var rules []rule
	for r := 0; r+1 < len(ys); r++ {
		for c := 0; c+1 < len(xs); {
			span := 1 + rng.IntN(min(3, len(xs)-1-c))
			l, rt, t, b := xs[c], xs[c+span], ys[r], ys[r+1]
			rules = append(rules, rule{l, t, rt, t}, rule{l, t, l, b})
			if rng.IntN(3) == 0 {
				rules = append(rules, rule{rt, b, l, b}) // drawn from the right
			}
			c += span
		}
	}
	for range rng.IntN(3) {
		rules = append(rules, rule{off, off, off + 50, off + 30})
	}
	rng.Shuffle(len(rules), func(i, j int) { rules[i], rules[j] = rules[j], rules[i] })
	return rules
}

func TestMergeRulesAsBySorting(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var s ruleScratch // kept from case to case, as from page to page
	for i := range 300 {
		off := 0.0
		if i%50 == 49 {
			off = -1e5 // beyond the keys' lines: the sorting way
		}
		rules := randomRules(rng, off)
		want := referenceMerge(rules)
		if got := s.merge(rules); !slices.Equal(got, want) {
			t.Fatalf("case %d: %d rules merged into\n%v\nwant\n%v", i, len(rules), got, want)
		}
		if got := mergeRules(rules); !slices.Equal(got, want) {
			t.Fatalf("case %d: mergeRules differs", i)
		}
	}
}

func TestMergeRulesJoinsTouchingOnly(t *testing.T) {
	got := mergeRules([]rule{
		{30, 10, 20, 10}, {10, 10, 20, 10}, // touching, one drawn leftwards
		{35, 10, 40, 10},              // a gap: apart
		{5, 5, 5, 15}, {5, 15, 5, 25}, // a vertical, in two
		{0, 0, 3, 4}, // slanted: as it is
	})
	want := []rule{{0, 0, 3, 4}, {10, 10, 30, 10}, {35, 10, 40, 10}, {5, 5, 5, 25}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
