package linebreak

import (
	"math"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// testJustify is Justify for the fixed measure: ASCII is narrow, all else
// wide; closing marks have a blank right half, opening marks a blank left
// half, as in a simplified-Chinese font.
var testJustify = Justify{
	Wide: func(r rune) bool { return r >= 0x80 },
	Blank: func(r rune) (float64, float64) {
		switch {
		case isClosing(r):
			return 0, em / 2
		case isOpening(r):
			return em / 2, 0
		}
		return 0, 0
	},
	MaxGap: em / 2,
	Em:     em,
}

// looseness is the space justification adds between two wide runes of a
// line set in room.
func looseness(l Squeezed, room float64) float64 {
	n, prev := 0, false
	for _, r := range l.Text {
		w := testJustify.Wide(r)
		if w && prev {
			n++
		}
		prev = w
	}
	if l.Last || n == 0 {
		return 0
	}
	return (room - l.Width) / float64(n)
}

func squeezedTexts(lines []Squeezed) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.Text
	}
	return out
}

// TestJustifiedAvoidsALooseLine: greedy breaking fills the first line and
// leaves the second before a number that cannot break, very loose;
// breaking the paragraph as a whole moves a character down so that both
// lines are a little loose instead.
func TestJustifiedAvoidsALooseLine(t *testing.T) {
	text := strings.Repeat("中", 16) + "甲乙丙丁戊己庚辛壬癸子丑" + "12345678万元，辰巳午未。"
	width := 16 * em
	greedy := Break(text, width, 0, fixed)
	if len(greedy) != 3 || greedy[1].Text != "甲乙丙丁戊己庚辛壬癸子丑" {
		t.Fatalf("the test text breaks greedily as %q; want a loose second line", texts(greedy))
	}
	lines := Justified(text, width, 0, fixed, testJustify)
	if len(lines) != len(greedy) {
		t.Fatalf("Justified set %d lines, Break %d: %q", len(lines), len(greedy), squeezedTexts(lines))
	}
	worstGreedy, worst := 0.0, 0.0
	for i := range lines {
		worstGreedy = max(worstGreedy, looseness(Squeezed{Line: greedy[i]}, width))
		worst = max(worst, looseness(lines[i], width))
	}
	if worst >= worstGreedy {
		t.Errorf("loosest line %.2f pt, greedy %.2f pt: %q", worst, worstGreedy, squeezedTexts(lines))
	}
}

// TestJustifiedSqueezesTheLineEnd: a comma whose blank half is all that
// does not fit is set half wide at the end of the line, which takes the
// number whole, instead of leaving the line to spread before it.
func TestJustifiedSqueezesTheLineEnd(t *testing.T) {
	text := "收入总计12345678万元，支出总计"
	width := 4*em + 8*8 + 2*em + em/2 // the comma's ink half fits
	greedy := Break(text, width, 0, fixed)
	if greedy[0].Text != "收入总计" {
		t.Fatalf("greedy first line %q: the test needs the number not to fit", greedy[0].Text)
	}
	lines := Justified(text, width, 0, fixed, testJustify)
	first := lines[0]
	if first.Text != "收入总计12345678万元，" {
		t.Fatalf("first line %q, want the number and its comma on it", first.Text)
	}
	at := strings.Index(first.Text, "，")
	if len(first.Squeeze) != 1 || first.Squeeze[0].At != at || first.Squeeze[0].By != em/2 {
		t.Errorf("squeezes %+v, want the comma at %d by %v", first.Squeeze, at, em/2)
	}
	if first.Width != width {
		t.Errorf("Width %v, want the room %v", first.Width, width)
	}
}

// TestJustifiedSqueezesAdjacentMarks: "）。" gives up the blank half
// between them when the line needs it, and no more than it needs.
func TestJustifiedSqueezesAdjacentMarks(t *testing.T) {
	text := "一二三四五六七（八）。12345678万元"
	lines := Justified(text, 17*em-em/4, 0, fixed, testJustify) // a quarter em short
	if len(lines) != 1 {
		t.Fatalf("lines %q, want one", squeezedTexts(lines))
	}
	want := []Squeeze{{At: strings.Index(text, "）"), By: em / 4}}
	if got := lines[0].Squeeze; len(got) != 1 || got[0] != want[0] {
		t.Errorf("squeezes %+v, want %+v", got, want)
	}
}

// TestJustifiedNoShortLastLine: a paragraph whose greedy last line is one
// character and its stop gets more on it.
func TestJustifiedNoShortLastLine(t *testing.T) {
	text := strings.Repeat("中", 20) + "见。"
	greedy := Break(text, 10*em, 0, fixed)
	if last := greedy[len(greedy)-1].Text; last != "见。" {
		t.Fatalf("greedy last line %q", last)
	}
	lines := Justified(text, 10*em, 0, fixed, testJustify)
	if last := lines[len(lines)-1].Text; utf8.RuneCountInString(last) <= shortLast {
		t.Errorf("last line %q", last)
	}
	if len(lines) != len(greedy) {
		t.Errorf("%d lines, greedy %d", len(lines), len(greedy))
	}
}

// TestJustifiedKeepsTheRules: on the reference sentences, Justified breaks
// only where Break may (numbers whole, no closing mark starting a line),
// never sets more lines, keeps every line in its room, and squeezes only
// marks, by no more than their blank half.
func TestJustifiedKeepsTheRules(t *testing.T) {
	for _, width := range []float64{28 * em, 17.5 * em, 9 * em} {
		for _, text := range append(referenceSentences, "共1234567890123456789元，超过一行") {
			checkJustified(t, text, width, 2*em)
		}
	}
}

func checkJustified(t *testing.T, text string, width, indent float64) {
	t.Helper()
	lines := Justified(text, width, indent, fixed, testJustify)
	greedy := Break(text, width, indent, fixed)
	if len(lines) > len(greedy) {
		t.Errorf("%d lines, Break sets %d: %q", len(lines), len(greedy), squeezedTexts(lines))
	}
	plain := make([]Line, len(lines))
	for k, l := range lines {
		plain[k] = l.Line
		sum := 0.0
		for _, r := range l.Text {
			sum += fixed(r)
		}
		for _, s := range l.Squeeze {
			r, _ := utf8.DecodeRuneInString(l.Text[s.At:])
			if !isClosing(r) && !isOpening(r) || s.By <= 0 || s.By > fixed(r)/2+1e-9 {
				t.Errorf("line %q squeezes %q by %v", l.Text, r, s.By)
			}
			sum -= s.By
		}
		if math.Abs(sum-l.Width) > 1e-9 {
			t.Errorf("line %q: Width %v, runes less squeezes %v", l.Text, l.Width, sum)
		}
		room := width
		if k == 0 {
			room -= indent
		}
		if l.Width > room+1e-9 && utf8.RuneCountInString(l.Text) > 1 {
			t.Errorf("line %q: Width %v exceeds room %v", l.Text, l.Width, room)
		}
	}
	// Break's lines, when a run longer than a line left no choice, may
	// break against the rules where they must (FuzzBreak checks them).
	if !slices.Equal(squeezedTexts(lines), texts(greedy)) {
		for k := 1; k < len(plain); k++ {
			if plain[k-1].Last { // a newline: the next paragraph may start with anything
				continue
			}
			checkPunctuation(t, plain[k-1:k+1])
		}
	}
	ink := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if ink(strings.Join(squeezedTexts(lines), "")) != ink(text) {
		t.Errorf("lines %q do not hold the text", squeezedTexts(lines))
	}
	if !lines[len(lines)-1].Last {
		t.Error("the last line is not marked Last")
	}
}

func FuzzJustified(f *testing.F) {
	for _, s := range referenceSentences {
		f.Add(s, 28*em)
	}
	f.Add("一二三（四五）。六七八九十甲乙\n丙丁", 5*em)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !(width > em && width < 1e4) {
			return
		}
		checkJustified(t, mapToAlphabet(text), width, 2*em)
	})
}
