// Package linebreak sets Chinese text into lines: it finds where a paragraph
// or table cell may break and fills each line greedily up to a width.
//
// Break opportunities come from Unicode's line breaking algorithm (UAX #14,
// as implemented by github.com/go-text/typesetting/segmenter), tightened with
// the rules of Chinese typesetting (GB/T 15834, 行首行尾禁则) that UAX #14
// leaves loose: no closing mark at the start of a line, no opening mark at the
// end, and a number kept with the unit character right after it ("2023年",
// "540.82万元").
package linebreak

// Measure returns the advance width of r in points at the size being set.
type Measure func(r rune) float64

// Line is one line of a broken paragraph.
type Line struct {
	Text  string  // the runes on this line, trailing spaces removed
	Width float64 // natural width of Text (sum of Measure), not counting indent
	Last  bool    // last line of the paragraph: the writer does not justify it
}

// Break splits text into lines that fit width; the first line has indent less
// room (a first-line indent of two characters is indent = 2*Measure('中')).
// Newlines in text (LF, CR, CRLF, U+2028, U+2029 and the other UAX #14
// mandatory breaks) force a break, and the line before one is marked Last;
// the indent applies to the first line of text only.
//
// Lines are filled greedily. When the next rune does not fit, the line ends
// at the latest break opportunity; if a closing mark would start the next
// line, the character before it moves down with it (推出), so no line ever
// overflows. A run with no opportunity that is longer than the line (a long
// number or Latin word) is broken where Chinese punctuation rules still allow,
// and failing that between any two characters. No line is wider than its room
// unless it holds a single rune wider than the room.
//
// Spaces where a line breaks are dropped: they are in neither line's Text nor
// Width. Spaces (U+0020, tab, U+3000) at the end of a line hang past the edge;
// spaces leading a paragraph are kept. Newlines are measured as zero and
// never passed to measure, which must not be nil. Each Line.Text is a substring of text, so Break allocates only the
// returned slice. Empty text gives one empty Last line; invalid UTF-8 bytes are
// measured as U+FFFD and copied through unchanged.
func Break(text string, width, indent float64, measure Measure) []Line {
	return AppendBreak(nil, text, width, indent, measure)
}

// AppendBreak is Break appending the lines to dst, so that a caller setting
// many cells can reuse one slice and allocate nothing.
func AppendBreak(dst []Line, text string, width, indent float64, measure Measure) []Line {
	sc := getScratch()
	defer putScratch(sc)
	sc.analyse(text, measure)
	return sc.fill(text, width, indent, dst)
}
