package pdf

import (
	"fmt"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/fonts"
	"github.com/budgetdoc/budgetdoc/internal/linebreak"
)

// emBaseline is where the baseline sits in the em box, from its top: the
// ideographic em box of CJK fonts runs from 0.88 em above the baseline to 0.12
// em below it. Lines are placed by their em box, so Chinese text sits centred
// in its line whatever the font's ascent and descent.
const emBaseline = 0.88

// typesetter measures and splits text into runs of one face, and collects
// the characters no font has, with the place where they occur.
type typesetter struct {
	fonts    *fonts.Set
	where    string // the place being set, for error messages
	quiet    int    // > 0: measuring ahead, record no problems
	problems []error
	seen     map[string]bool
	used     map[*fonts.Face]bool
}

func newTypesetter(s *fonts.Set) *typesetter {
	return &typesetter{fonts: s, seen: map[string]bool{}, used: map[*fonts.Face]bool{}}
}

// problem records an error at the current place, once.
func (t *typesetter) problem(err error) {
	if t.quiet > 0 {
		return
	}
	msg := t.where + "：" + err.Error()
	if t.seen[msg] {
		return
	}
	t.seen[msg] = true
	t.problems = append(t.problems, fmt.Errorf("%s：%w", t.where, err))
}

// face returns the face that draws r in role, or nil (and records the
// problem) when no face in the role's chain has it.
func (t *typesetter) face(role fonts.Role, r rune) *fonts.Face {
	f, err := t.fonts.Pick(role, r)
	if err != nil {
		t.problem(err)
		return nil
	}
	return f
}

// advance is the width of r in points at size; a rune no font has counts as
// one em so that layout goes on and every problem is found in one pass.
func (t *typesetter) advance(role fonts.Role, size float64, r rune) float64 {
	if r == '\n' || r == '\t' {
		return 0
	}
	f := t.face(role, r)
	if f == nil {
		return size
	}
	return f.Advance(r) * size
}

// measure adapts advance to linebreak.Measure.
func (t *typesetter) measure(role fonts.Role, size float64) linebreak.Measure {
	return func(r rune) float64 { return t.advance(role, size, r) }
}

// width is the natural width of s.
func (t *typesetter) width(role fonts.Role, size float64, s string) float64 {
	w := 0.0
	for _, r := range s {
		w += t.advance(role, size, r)
	}
	return w
}

// runs splits s, set from x on baseline y with tc extra space after each
// character, into runs of one face each, and returns them with the x where
// the text ends. Runes no font has are left out (Lay reports them).
func (t *typesetter) runs(dst []textItem, role fonts.Role, size, tc, x, y float64, s string) ([]textItem, float64) {
	var cur *fonts.Face
	start, startX := 0, x
	flush := func(end int) {
		if cur != nil && end > start {
			dst = append(dst, textItem{face: cur, size: size, tc: tc, x: startX, y: y, s: s[start:end]})
		}
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		f := t.face(role, r)
		if f != cur {
			flush(i)
			cur, start, startX = f, i, x
			if f == nil {
				start = i + n
			}
		}
		if f != nil {
			t.used[f] = true
			x += f.Advance(r)*size + tc
		} else {
			x += size + tc
			start, startX = i+n, x
		}
		i += n
	}
	flush(len(s))
	return dst, x
}

// baseline is the baseline of a line of type size set in a line slot of
// height pitch whose top is at top: the em box is centred in the slot.
func baseline(top, pitch, size float64) float64 {
	return top + (pitch-size)/2 + emBaseline*size
}
