package linebreak

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// fixed is the test measure: ASCII is half an em, everything else a full em
// of a 16 pt CJK font.
func fixed(r rune) float64 {
	if r < 0x80 {
		return 8
	}
	return 16
}

// em is the width of one Han character under fixed.
const em = 16.0

// checkInvariants asserts what must hold for any text and width: the lines
// join back into the text minus the spaces and newlines at the breaks, Last
// marks exactly the lines that end a paragraph, each Width is the sum of its
// runes, and no line is wider than its room unless it is a single rune.
func checkInvariants(t *testing.T, text string, width, indent float64, measure Measure, lines []Line) {
	t.Helper()
	if len(lines) == 0 {
		t.Fatalf("Break(%q) returned no lines", text)
	}
	rest := text
	for k, l := range lines {
		if !strings.HasPrefix(rest, l.Text) {
			t.Fatalf("line %d %q is not the next part of the text; remaining %q", k, l.Text, rest)
		}
		rest = rest[len(l.Text):]
		// The break itself: spaces, then at most one newline (CRLF is one).
		rest = strings.TrimLeft(rest, " \t\u3000")
		hard := false
		if r, size := utf8.DecodeRuneInString(rest); rest != "" && isNewline(r) {
			hard = true
			rest = rest[size:]
			if r == '\r' && strings.HasPrefix(rest, "\n") {
				rest = rest[1:]
			}
		}
		final := k == len(lines)-1
		if want := hard || final; l.Last != want {
			t.Errorf("line %d %q: Last = %v, want %v (hard break %v, final %v)", k, l.Text, l.Last, want, hard, final)
		}
		if strings.HasSuffix(l.Text, " ") && !final {
			t.Errorf("line %d %q keeps a trailing space", k, l.Text)
		}
		sum := 0.0
		for _, r := range l.Text {
			sum += measure(r)
		}
		if l.Width != sum && !(math.IsNaN(sum) && math.IsNaN(l.Width)) {
			t.Errorf("line %d %q: Width = %v, sum of its runes %v", k, l.Text, l.Width, sum)
		}
		room := width
		if k == 0 {
			room -= indent
		}
		if !math.IsNaN(room) && l.Width > room && utf8.RuneCountInString(l.Text) > 1 {
			t.Errorf("line %d %q: Width %v exceeds room %v", k, l.Text, l.Width, room)
		}
	}
	if rest != "" {
		t.Fatalf("text left over after the last line: %q", rest)
	}
}

// checkPunctuation asserts the Chinese rules strictly: no line starts with a
// closing mark, none ends with an opening mark.
func checkPunctuation(t *testing.T, lines []Line) {
	t.Helper()
	for k, l := range lines {
		if k > 0 {
			if r, _ := utf8.DecodeRuneInString(l.Text); isClosing(r) {
				t.Errorf("line %d %q starts with closing mark %q", k, l.Text, r)
			}
		}
		if !l.Last {
			if r, _ := utf8.DecodeLastRuneInString(l.Text); isOpening(r) {
				t.Errorf("line %d %q ends with opening mark %q", k, l.Text, r)
			}
		}
	}
}

// checkWhole asserts that no line break falls inside any of the tokens.
func checkWhole(t *testing.T, text string, lines []Line, tokens []string) {
	t.Helper()
	for _, tok := range tokens {
		inText := strings.Count(text, tok)
		inLines := 0
		for _, l := range lines {
			inLines += strings.Count(l.Text, tok)
		}
		if inText == 0 {
			t.Fatalf("token %q is not in the text", tok)
		}
		if inLines != inText {
			t.Errorf("token %q: %d in the text, %d whole on lines %q", tok, inText, inLines, texts(lines))
		}
	}
}

func texts(lines []Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.Text
	}
	return out
}
