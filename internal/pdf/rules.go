package pdf

import (
	"cmp"
	"math"
	"slices"
)

// mergeRules joins borders that continue each other: every cell draws its
// own top and left border, so a row's top is a dozen touching segments.
// Drawing them as one line makes the page smaller and faster to write, and
// looks the same. Only horizontal and vertical rules are merged.
func mergeRules(rules []rule) []rule {
	const eps = 0.01
	key := func(v float64) float64 { return math.Round(v * 100) }
	var hs, vs, out []rule
	for _, r := range rules {
		switch {
		case key(r.y1) == key(r.y2):
			hs = append(hs, rule{min(r.x1, r.x2), r.y1, max(r.x1, r.x2), r.y1})
		case key(r.x1) == key(r.x2):
			vs = append(vs, rule{r.x1, min(r.y1, r.y2), r.x1, max(r.y1, r.y2)})
		default:
			out = append(out, r)
		}
	}
	slices.SortFunc(hs, func(a, b rule) int {
		return cmp.Or(cmp.Compare(key(a.y1), key(b.y1)), cmp.Compare(a.x1, b.x1))
	})
	for i := 0; i < len(hs); {
		cur := hs[i]
		for i++; i < len(hs) && key(hs[i].y1) == key(cur.y1) && hs[i].x1 <= cur.x2+eps; i++ {
			cur.x2 = max(cur.x2, hs[i].x2)
		}
		out = append(out, cur)
	}
	slices.SortFunc(vs, func(a, b rule) int {
		return cmp.Or(cmp.Compare(key(a.x1), key(b.x1)), cmp.Compare(a.y1, b.y1))
	})
	for i := 0; i < len(vs); {
		cur := vs[i]
		for i++; i < len(vs) && key(vs[i].x1) == key(cur.x1) && vs[i].y1 <= cur.y2+eps; i++ {
			cur.y2 = max(cur.y2, vs[i].y2)
		}
		out = append(out, cur)
	}
	return out
}
