package pdf

import (
	"math"
	"slices"
)

// mergeRules joins borders that continue each other: every cell draws its
// own top and left border, so a row's top is a dozen touching segments.
// Drawing them as one line makes the page smaller and faster to write, and
// looks the same. Only horizontal and vertical rules are merged.
func mergeRules(rules []rule) []rule {
	nh := 0
	for _, r := range rules {
		if gridKey(r.y1) == gridKey(r.y2) {
			nh++
		}
	}
	hs := make([]rule, 0, nh)
	vs := make([]rule, 0, len(rules)-nh)
	var out []rule
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
	mh, mv := mergeHorizontal(hs), mergeHorizontal(vs)
	out = slices.Grow(out, len(mh)+len(mv))
	out = append(out, mh...)
	for _, r := range mv {
		out = append(out, r.transposed())
	}
	return out
}

// gridKey rounds a coordinate to 1/100 pt, so that rules meant to be on one line
// compare equal.
func gridKey(v float64) float64 { return math.Round(v * 100) }

// transposed is r with x and y swapped: a vertical rule as a horizontal one.
func (r rule) transposed() rule { return rule{r.y1, r.x1, r.y2, r.x2} }

// mergeHorizontal joins horizontal rules on one line that touch or overlap.
func mergeHorizontal(hs []rule) []rule {
	const eps = 0.01
	// Each rule's line key is computed once, not in every comparison of
	// the sort (a third of drawing a long table's rules).
	type keyed struct {
		y float64 // gridKey(r.y1)
		r rule
	}
	ks := make([]keyed, len(hs))
	for i, r := range hs {
		ks[i] = keyed{gridKey(r.y1), rule{min(r.x1, r.x2), r.y1, max(r.x1, r.x2), r.y1}}
	}
	// By line, then from the left: the order cmp.Compare gives (no
	// coordinate is NaN), without computing the second key when the
	// first decides.
	slices.SortFunc(ks, func(a, b keyed) int {
		switch {
		case a.y < b.y:
			return -1
		case a.y > b.y:
			return 1
		case a.r.x1 < b.r.x1:
			return -1
		case a.r.x1 > b.r.x1:
			return 1
		}
		return 0
	})
	out := make([]rule, 0, len(ks))
	for i := 0; i < len(ks); {
		cur, y := ks[i].r, ks[i].y
		for i++; i < len(ks) && ks[i].y == y && ks[i].r.x1 <= cur.x2+eps; i++ {
			cur.x2 = max(cur.x2, ks[i].r.x2)
		}
		out = append(out, cur)
	}
	return out
}
