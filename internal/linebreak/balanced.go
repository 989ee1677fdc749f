package linebreak

import "unicode/utf8"

// Balanced breaks text into as few lines as width allows, then narrows the
// width as far as it can without adding a line, so that the lines are of
// similar length and none is left with a single character ("单位代/码"
// becomes "单位/代码").
//
// It tries up to twenty widths. Where a text may break does not depend on
// the width, so the text is analysed (decoded, measured, and its break
// opportunities found) once and only the filling is repeated: the analysis
// is most of the cost of a Break.
func Balanced(text string, width float64, measure Measure) []Line {
	sc := getScratch()
	defer putScratch(sc)
	sc.analyse(text, measure)
	lines := sc.fill(text, width, 0, nil)
	if len(lines) < 2 {
		return lines
	}
	n := len(lines)
	// Never narrower than the widest word: a narrower line breaks inside it.
	lo, hi := sc.widest()-0.01, width
	try := make([]Line, 0, n+1)
	for range 16 {
		mid := (lo + hi) / 2
		if try = sc.fill(text, mid, 0, try[:0]); len(try) == n {
			hi = mid
		} else {
			lo = mid
		}
		if hi-lo < 0.25 {
			break
		}
	}
	lines = sc.fill(text, hi, 0, lines[:0])
	// Greedy lines of one length can still leave one character over ("驻村
	// 人/员满意/度"): take characters from the first line, as an indent
	// would, until the last line holds more, without adding a line.
	if utf8.RuneCountInString(lines[n-1].Text) == 1 {
		for k := 1; k <= 3; k++ {
			try = sc.fill(text, hi, float64(k)*measure('中'), try[:0])
			if len(try) == n && utf8.RuneCountInString(try[n-1].Text) > 1 {
				return append(lines[:0], try...)
			}
		}
	}
	return lines
}
