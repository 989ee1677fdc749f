package linebreak

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// alphabet is what fuzz bytes are mapped onto for the punctuation check: the
// characters of a budget narrative, each its own grapheme cluster, so the
// rules can be checked without a model of UAX #29.
var alphabet = []rune("中国年万元收支，。、；：？！）》」”’%…—·（《「“‘0123456789.,≥E-mailPDF \n")

func FuzzBreak(f *testing.F) {
	for _, s := range referenceSentences {
		f.Add(s, 28*em, 2*em)
	}
	f.Add("一二三，四五", 3*em, 0.0)
	f.Add("，，，，，", 2*em, 0.0)
	f.Add("abc      def\r\n\n（ x", 3*8.0, 8.0)
	f.Add("e\u0301\u0301\u0301\u0301", 4.0, 0.0)
	f.Add("\xff\xfe中", 16.0, -3.0)
	f.Add("中文", math.NaN(), 0.0)
	f.Fuzz(func(t *testing.T, text string, width, indent float64) {
		lines := Break(text, width, indent, fixed)
		checkInvariants(t, text, width, indent, fixed, lines)

		mapped := mapToAlphabet(text)
		lines = Break(mapped, width, indent, fixed)
		checkInvariants(t, mapped, width, indent, fixed, lines)
		checkForcedOnly(t, mapped, lines)
	})
}

func mapToAlphabet(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(alphabet[int(s[i])%len(alphabet)])
	}
	return b.String()
}

// checkForcedOnly asserts that a line breaks against the punctuation rules
// only when it had no choice: it holds no position where a break would have
// kept them. Each position is judged as the package defines it: not before a
// closing mark or a space, not after an opening mark (looking back over
// spaces).
func checkForcedOnly(t *testing.T, text string, lines []Line) {
	t.Helper()
	runes := []rune(text)
	// lastInk[p] is the last non-space rune before position p in its paragraph.
	lastInk := make([]rune, len(runes)+1)
	ink := rune(-1)
	for p, r := range runes {
		lastInk[p] = ink
		switch {
		case r == '\n':
			ink = -1
		case r != ' ':
			ink = r
		}
	}
	lastInk[len(runes)] = ink
	legal := func(p int) bool {
		return !isOpening(lastInk[p]) && !isClosing(runes[p]) && runes[p] != ' '
	}

	pos := 0 // rune index of the current line's start in runes
	for k, l := range lines {
		n := utf8.RuneCountInString(l.Text)
		start, end := pos, pos+n
		for end < len(runes) && runes[end] == ' ' {
			end++
		}
		if end < len(runes) && runes[end] == '\n' {
			end++
		}
		pos = end
		if l.Last || k == len(lines)-1 {
			continue
		}
		first, _ := utf8.DecodeRuneInString(lines[k+1].Text)
		lastRune, _ := utf8.DecodeLastRuneInString(l.Text)
		if !isClosing(first) && !isOpening(lastRune) {
			continue
		}
		for p := start + 1; p < start+n; p++ {
			if legal(p) {
				t.Errorf("line %d %q breaks before %q although it could break before rune %d (%q)",
					k, l.Text, lines[k+1].Text, p-start, runes[p])
				break
			}
		}
	}
}
