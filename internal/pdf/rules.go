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
	var s ruleScratch
	return slices.Clone(s.merge(rules))
}

// ruleScratch holds the slices merging a page's rules needs, kept from page
// to page: a long table's pages each have hundreds of borders, and making
// the slices afresh for every page was most of the bytes a PDF allocated
// while drawing.
type ruleScratch struct {
	rules, hs, vs, out []rule
	keys               []uint64
	xs                 []float64
}

// merge is mergeRules into s's slices: the result is valid until the next
// call.
func (s *ruleScratch) merge(rules []rule) []rule {
	hs, vs, out := s.hs[:0], s.vs[:0], s.out[:0]
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
	s.hs, s.vs = hs, vs
	out = s.mergeHorizontal(out, hs)
	n := len(out)
	out = s.mergeHorizontal(out, vs)
	for i := n; i < len(out); i++ {
		out[i] = out[i].transposed()
	}
	s.out = out
	return out
}

// gridKey rounds a coordinate to 1/100 pt, so that rules meant to be on one line
// compare equal.
func gridKey(v float64) float64 { return math.Round(v * 100) }

// transposed is r with x and y swapped: a vertical rule as a horizontal one.
func (r rule) transposed() rule { return rule{r.y1, r.x1, r.y2, r.x2} }

// Sort keys of mergeHorizontal: a rule's line (its gridKey, offset to be
// positive), the rank of its left end among the page's left ends, and its
// index, packed into one integer, so that the sort compares integers.
const (
	keyIndexBits = 24
	keyRankBits  = 20
	keyLineBits  = 64 - keyIndexBits - keyRankBits
	keyLineShift = 1 << (keyLineBits - 1) // lines above and below the page
)

// mergeHorizontal appends to dst the horizontal rules hs joined where they
// lie on one line and touch or overlap, by line and then from the left.
func (s *ruleScratch) mergeHorizontal(dst, hs []rule) []rule {
	const eps = 0.01
	if len(hs) >= 1<<keyIndexBits {
		return append(dst, mergeHorizontalSorted(hs)...)
	}
	// The left ends, ranked: a page's rules start at a few dozen places.
	xs := s.xs[:0]
	for _, r := range hs {
		xs = append(xs, min(r.x1, r.x2))
	}
	slices.Sort(xs)
	xs = slices.Compact(xs)
	s.xs = xs
	if len(xs) >= 1<<keyRankBits {
		return append(dst, mergeHorizontalSorted(hs)...)
	}
	keys := s.keys[:0]
	for i, r := range hs {
		line := gridKey(r.y1) + keyLineShift
		if !(line >= 0 && line < 1<<keyLineBits) {
			return append(dst, mergeHorizontalSorted(hs)...) // far off any page
		}
		rank, _ := slices.BinarySearch(xs, min(r.x1, r.x2))
		keys = append(keys, uint64(line)<<(keyRankBits+keyIndexBits)|uint64(rank)<<keyIndexBits|uint64(i))
	}
	slices.Sort(keys)
	s.keys = keys
	at := func(k int) (r rule, line uint64) {
		r = hs[keys[k]&(1<<keyIndexBits-1)]
		return rule{min(r.x1, r.x2), r.y1, max(r.x1, r.x2), r.y1}, keys[k] >> (keyRankBits + keyIndexBits)
	}
	for i := 0; i < len(keys); {
		cur, y := at(i)
		for i++; i < len(keys); i++ {
			next, ny := at(i)
			if ny != y || next.x1 > cur.x2+eps {
				break
			}
			cur.x2 = max(cur.x2, next.x2)
		}
		dst = append(dst, cur)
	}
	return dst
}

// mergeHorizontalSorted is mergeHorizontal for any number of rules and any
// coordinates, sorting the rules themselves.
func mergeHorizontalSorted(hs []rule) []rule {
	const eps = 0.01
	type keyed struct {
		y float64 // gridKey(r.y1)
		r rule
	}
	ks := make([]keyed, len(hs))
	for i, r := range hs {
		ks[i] = keyed{gridKey(r.y1), rule{min(r.x1, r.x2), r.y1, max(r.x1, r.x2), r.y1}}
	}
	// By line, then from the left, then in the order given.
	slices.SortStableFunc(ks, func(a, b keyed) int {
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
