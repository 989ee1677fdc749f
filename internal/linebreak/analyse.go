package linebreak

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"
)

// Ranks of a break position, from worst to best. A line ends at the best
// ranked position that fits, the latest among equals; the lower ranks exist
// so that a run longer than a whole line still breaks somewhere, degrading
// one rule at a time instead of overflowing.
const (
	rankRune      uint8 = 1 + iota // between two runes of one grapheme cluster: last resort
	rankGrapheme                   // between clusters, but against 行首/行尾禁则
	rankCharacter                  // allowed by the punctuation rules, but inside a number or word
	rankBreak                      // a proper break opportunity
	rankMandatory                  // a newline: the line must end here
)

// Flags the segmenter sets on a position before they are combined into a rank.
const (
	flagGrapheme uint8 = 1 << iota
	flagLine
	flagMandatory
)

// maxPooledRunes bounds the buffers kept for reuse, so that one huge input
// does not pin its memory for the life of the process.
const maxPooledRunes = 1 << 16

// scratch holds the per-rune analysis of one text. It is pooled so that
// breaking a paragraph allocates only the returned lines.
type scratch struct {
	seg    segmenter.Segmenter
	runes  []rune
	offs   []int     // offs[i] is the byte offset of rune i; offs[len(runes)] = len(text)
	widths []float64 // advance of rune i; 0 for newlines
	rank   []uint8   // rank[p] ranks a break before rune p, for 0 < p < len(runes)
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func putScratch(sc *scratch) {
	if cap(sc.runes) > maxPooledRunes {
		return
	}
	scratchPool.Put(sc)
}

// analyse decodes text, measures every rune once, and ranks every position
// between two runes as a break.
func (sc *scratch) analyse(text string, measure Measure) {
	sc.runes, sc.offs, sc.widths = sc.runes[:0], sc.offs[:0], sc.widths[:0]
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		sc.runes = append(sc.runes, r)
		sc.offs = append(sc.offs, i)
		w := 0.0
		if !isNewline(r) {
			w = measure(r)
		}
		sc.widths = append(sc.widths, w)
		i += size
	}
	n := len(sc.runes)
	sc.offs = append(sc.offs, len(text))
	if cap(sc.rank) < n+1 {
		sc.rank = make([]uint8, n+1)
	}
	sc.rank = sc.rank[:n+1]
	if n == 0 {
		clear(sc.rank)
		return
	}
	if ranks, ok := cachedRanks(text); ok {
		copy(sc.rank, ranks)
		return
	}
	clear(sc.rank)
	sc.rankBreaks()
	cacheRanks(text, sc.rank)
}

// rankBreaks ranks every position between two runes of the decoded text.
func (sc *scratch) rankBreaks() {
	n := len(sc.runes)

	// UAX #14 and UAX #29, as the segmenter computes them. The flags are
	// collected in rank first and turned into ranks below.
	sc.seg.Init(sc.runes)
	lines := sc.seg.LineIterator()
	for lines.Next() {
		l := lines.Line()
		end := l.Offset + len(l.Text)
		sc.rank[end] |= flagLine
		if l.IsMandatoryBreak {
			sc.rank[end] |= flagMandatory
		}
	}
	graphemes := sc.seg.GraphemeIterator()
	for graphemes.Next() {
		g := graphemes.Grapheme()
		sc.rank[g.Offset+len(g.Text)] |= flagGrapheme
	}

	// lastInk is the last rune before position p that is not a space, so
	// that the rules see through spaces: "（ " must not end a line either, and
	// "2023 年" stays together like "2023年".
	lastInk := rune(-1)
	// unitStart is the index of the first unit character after a number
	// ("540.82万元": the 万), -1 when the text there is not a unit.
	unitStart := -1
	for p := 1; p < n; p++ {
		a, b := sc.runes[p-1], sc.runes[p]
		switch {
		case isNewline(a):
			lastInk = -1 // a new paragraph
		case !hangs(a):
			lastInk = a
		}
		inUnit := false
		switch {
		case isIdeographic(b) && isDigit(lastInk):
			unitStart = p
		case unitStart >= 0 && isIdeographic(a) && isUnitPrefix(sc.runes[unitStart:p+1]):
			inUnit = true
		default:
			unitStart = -1
		}
		sc.rank[p] = rankOf(sc.rank[p], a, b, lastInk, sc.runeBefore(p-1), inUnit)
	}
	sc.rank[n] = rankMandatory
}

// runeBefore returns the rune before index i, or -1 at the start.
func (sc *scratch) runeBefore(i int) rune {
	if i <= 0 {
		return -1
	}
	return sc.runes[i-1]
}

// rankOf combines the segmenter's flags for the position between a and b with
// the Chinese rules. lastInk is the last non-space rune up to and including
// a (-1 if none); beforeA the rune before a (-1 if none); inUnit says that a
// and b are both inside a unit written after a number ("万元").
func rankOf(flags uint8, a, b, lastInk, beforeA rune, inUnit bool) uint8 {
	if flags&flagMandatory != 0 {
		return rankMandatory
	}
	if flags&flagGrapheme == 0 {
		return rankRune
	}
	// A break before a space would push the space to the next line, and
	// with it whatever follows (a closing mark); UAX #14 breaks after spaces.
	if isOpening(lastInk) || isClosing(b) || hangs(b) {
		return rankGrapheme
	}
	if flags&flagLine == 0 || inUnit || keepsTogether(a, b, lastInk, beforeA) {
		return rankCharacter
	}
	return rankBreak
}

// keepsTogether reports the places UAX #14 allows a break that Chinese
// typesetting does not: between a number and the unit character after it
// ("2023年", "540.82 万元"), inside a fullwidth number, after a sign that opens
// a number ("≥95%"), and after the hyphen inside a Latin word ("E-mail").
func keepsTogether(a, b, lastInk, beforeA rune) bool {
	switch {
	case isIdeographic(b) && isDigit(lastInk):
		return true
	case isDigit(b) && (isDigit(a) || isDigitSeparator(a) && isDigit(beforeA)):
		// UAX #14 keeps ASCII numbers whole but classes fullwidth digits as
		// ideographs, breakable anywhere ("５４０．８２").
		return true
	case isDigit(b) && isNumberPrefix(a):
		return true
	case a == '-' && isLatinAlnum(b) && isLatinAlnum(beforeA):
		return true
	}
	return false
}

// The ranks of a text depend on the text alone, not on the width or the
// measure, and the same short texts are broken again and again: a table
// cell is measured for its column's fit at each size tried, balanced at
// several widths, and set again for each layout of its table, and a
// budget's tables repeat their row and column names. So the ranks of short
// texts are kept: the segmenter was half the cost of an analysis.
const (
	maxCachedRunes = 64   // longer texts (paragraphs) are analysed anew each time
	maxCached      = 8192 // texts kept; the cache is emptied when it is full
)

var rankCache = struct {
	sync.Mutex
	m map[string][]uint8
}{m: map[string][]uint8{}}

// cachedRanks returns the kept ranks of text, which the caller must not
// change.
func cachedRanks(text string) ([]uint8, bool) {
	if len(text) > maxCachedRunes*utf8.UTFMax {
		return nil, false
	}
	rankCache.Lock()
	r, ok := rankCache.m[text]
	rankCache.Unlock()
	return r, ok
}

// cacheRanks keeps a copy of the ranks of a short text.
func cacheRanks(text string, rank []uint8) {
	if len(rank) > maxCachedRunes+1 || len(text) > maxCachedRunes*utf8.UTFMax {
		return
	}
	kept := append([]uint8(nil), rank...)
	// The key is a copy: text may be a slice of a longer string (a line of
	// a paragraph), which the cache must not keep alive.
	key := strings.Clone(text)
	rankCache.Lock()
	if len(rankCache.m) >= maxCached {
		clear(rankCache.m)
	}
	rankCache.m[key] = kept
	rankCache.Unlock()
}
