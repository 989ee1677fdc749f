package linebreak

// Widest is the width of the widest run of text that Break keeps on one line
// at any width: the text between two proper break opportunities (a number
// with the unit character after it, a Latin word, a hanzi with the
// punctuation that must not be parted from it). A line at least this wide
// never breaks inside a number or a word. Spaces are not counted: they hang
// at a break.
func Widest(text string, measure Measure) float64 {
	sc := getScratch()
	defer putScratch(sc)
	sc.analyse(text, measure)
	return sc.widest()
}

// widest is Widest of the analysed text.
func (sc *scratch) widest() float64 {
	best, cur := 0.0, 0.0
	for i, r := range sc.runes {
		if i > 0 && sc.rank[i] >= rankBreak {
			best, cur = max(best, cur), 0
		}
		if !hangs(r) {
			cur += sc.widths[i]
		}
	}
	return max(best, cur)
}
