package pdf

import (
	"fmt"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/doc"
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
	where    string     // the place being set, for error messages
	cell     *cellWhere // when not nil, the place is this table cell, not where
	quiet    int        // > 0: measuring ahead, record no problems
	problems []error
	seen     map[string]bool
	used     map[*fonts.Face]bool
	// balanced remembers the lines of table cells: fitting a table lays
	// it out several times (tighter rows, the other orientation), and the
	// same cell at the same width breaks the same way each time.
	balanced map[balanceKey][]linebreak.Line
	// justified remembers the lines of justified paragraphs in the same
	// way: every layout pass sets the body text again.
	justified map[justifyKey][]linebreak.Squeezed
	placed    map[*doc.Table]placedTable // each table's grid, placed once (table.go)
	glyphs    map[fonts.Role]*roleGlyphs
	last      *roleGlyphs // the role measured last: the next rune is most often in it
}

type justifyKey struct {
	text                       string
	width, indent, size, track float64
	role                       fonts.Role
}

type balanceKey struct {
	text        string
	width, size float64
	role        fonts.Role
}

func newTypesetter(s *fonts.Set) *typesetter {
	return &typesetter{fonts: s, seen: map[string]bool{}, used: map[*fonts.Face]bool{}, balanced: map[balanceKey][]linebreak.Line{},
		justified: map[justifyKey][]linebreak.Squeezed{}, placed: map[*doc.Table]placedTable{}, glyphs: map[fonts.Role]*roleGlyphs{}}
}

// balancedLines breaks a cell's text into lines of similar length within
// width (linebreak.Balanced), once for each text, width, role and size. The
// lines are shared: the caller must not change them.
func (t *typesetter) balancedLines(text string, width float64, role fonts.Role, size float64) []linebreak.Line {
	k := balanceKey{text, width, size, role}
	lines, ok := t.balanced[k]
	if !ok {
		lines = linebreak.Balanced(text, width, t.measure(role, size))
		t.balanced[k] = lines
	}
	// Shared by every cell of this text and width, which none changes:
	// full, so that an append copies.
	return lines[:len(lines):len(lines)]
}

// problem records an error at the current place, once.
func (t *typesetter) problem(err error) {
	if t.quiet > 0 {
		return
	}
	where := t.place()
	msg := where + "：" + err.Error()
	if t.seen[msg] {
		return
	}
	t.seen[msg] = true
	t.problems = append(t.problems, fmt.Errorf("%s：%w", where, err))
}

// cellWhere is the table cell being set. The message's words are made only
// when there is a problem: formatting them for every cell, each time a
// table is laid out, was a twentieth of a PDF's time.
type cellWhere struct {
	table, part string // part: "表头" for the header, else ""
	row, col    int    // from 1
}

// place is where the text being set stands, for a message.
func (t *typesetter) place() string {
	if c := t.cell; c != nil {
		return fmt.Sprintf("表格“%s”%s第 %d 行第 %d 列", c.table, c.part, c.row, c.col)
	}
	return t.where
}

// glyph is the face that draws a rune in a role and the rune's advance in
// ems there.
type glyph struct {
	face *fonts.Face
	em   float64
}

// roleGlyphs remembers the glyphs of one role: every rune of every cell is
// measured several times (fitting, breaking, placing), and picking its face
// walks the role's chain, looking the rune up in each face's cmap.
type roleGlyphs struct {
	role  fonts.Role
	ascii [128]glyph // face nil: not looked up yet
	other map[rune]glyph
}

// glyph returns the face that draws r in role and r's advance, or a nil
// face (and records the problem) when no face in the role's chain has it.
func (t *typesetter) glyph(role fonts.Role, r rune) glyph {
	g := t.last
	if g == nil || g.role != role {
		g = t.glyphs[role]
		if g == nil {
			g = &roleGlyphs{role: role, other: map[rune]glyph{}}
			t.glyphs[role] = g
		}
		t.last = g
	}
	if r >= 0 && r < 128 {
		if gl := g.ascii[r]; gl.face != nil {
			return gl
		}
	} else if gl, ok := g.other[r]; ok {
		return gl
	}
	f, err := t.fonts.Pick(role, r)
	if err != nil {
		t.problem(err) // not remembered: each place is reported
		return glyph{}
	}
	gl := glyph{face: f, em: f.Advance(r)}
	if r >= 0 && r < 128 {
		g.ascii[r] = gl
	} else {
		g.other[r] = gl
	}
	return gl
}

// face returns the face that draws r in role, or nil (and records the
// problem) when no face in the role's chain has it.
func (t *typesetter) face(role fonts.Role, r rune) *fonts.Face {
	return t.glyph(role, r).face
}

// advance is the width of r in points at size; a rune no font has counts as
// one em so that layout goes on and every problem is found in one pass.
func (t *typesetter) advance(role fonts.Role, size float64, r rune) float64 {
	if r == '\n' || r == '\t' {
		return 0
	}
	g := t.glyph(role, r)
	if g.face == nil {
		return size
	}
	return g.em * size
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
		g := t.glyph(role, r)
		f := g.face
		if f != cur {
			flush(i)
			cur, start, startX = f, i, x
			if f == nil {
				start = i + n
			} else {
				t.used[f] = true
			}
		}
		if f != nil {
			x += g.em*size + tc
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

// wide reports whether r is set as a full-width character at size: Han,
// kana and the Chinese punctuation are an em wide, digits and Latin letters
// about half. Only wide characters take the character grid's tracking and
// the space justification adds; a number or a Latin word keeps the spacing
// its font gives it. Deciding by the measured advance keeps this true for
// whatever font the role has.
func (t *typesetter) wide(role fonts.Role, size float64, r rune) bool {
	return t.advance(role, size, r) >= wideShare*size
}

// blank is the empty part of r's box left and right of its ink at size,
// for squeezing punctuation (linebreak.Justify.Blank).
func (t *typesetter) blank(role fonts.Role, size float64, r rune) (left, right float64) {
	f := t.face(role, r)
	if f == nil {
		return 0, 0
	}
	l, rt := blankSides(f, r)
	return l * size, rt * size
}

// wideShare is the part of an em from which a character counts as wide.
const wideShare = 0.9

// spacing is how a line is spread: track after every wide character (the
// character grid), gap after a wide character followed by another wide
// character (justification), less the squeezes of its punctuation.
type spacing struct {
	track, gap float64
	squeeze    []linebreak.Squeeze
}

func (sp spacing) none() bool { return sp.track == 0 && sp.gap == 0 && len(sp.squeeze) == 0 }

// spacedRuns is runs with per-character spacing: each rune is followed by
// sp.track if it is wide, and by sp.gap more if it and the next rune are both
// wide. Runes of one face share a text item (PDF Tc) as long as the space
// after each of them but the last is the item's Tc: every item is placed at
// its own x, so the space after its last rune does not matter.
func (t *typesetter) spacedRuns(dst []textItem, role fonts.Role, size float64, sp spacing, x, y float64, s string) ([]textItem, float64) {
	if sp.none() {
		return t.runs(dst, role, size, 0, x, y, s)
	}
	squeeze := sp.squeeze
	var (
		cur       *fonts.Face
		start     = -1 // byte offset of the current item, -1 if none
		startX    float64
		tc        float64 // the current item's Tc
		lastExtra float64 // the space after the current item's last rune
	)
	flush := func(end int) {
		if start >= 0 && end > start {
			dst = append(dst, textItem{face: cur, size: size, tc: tc, x: startX, y: y, s: s[start:end]})
		}
		start = -1
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		g := t.glyph(role, r)
		f := g.face
		if f == nil { // left out, as in runs
			flush(i)
			x += size
			i += n
			continue
		}
		t.used[f] = true
		adv := g.em * size
		extra := 0.0
		if adv >= wideShare*size {
			extra = sp.track
			if i+n < len(s) {
				next, _ := utf8.DecodeRuneInString(s[i+n:])
				if t.wide(role, size, next) {
					extra += sp.gap
				}
			}
		}
		if len(squeeze) > 0 && squeeze[0].At == i {
			extra -= squeeze[0].By
			squeeze = squeeze[1:]
		}
		if start >= 0 && (f != cur || lastExtra != tc) {
			flush(i)
		}
		if start < 0 {
			cur, start, startX, tc = f, i, x, extra
		}
		lastExtra = extra
		x += adv + extra
		i += n
	}
	flush(len(s))
	return dst, x
}
