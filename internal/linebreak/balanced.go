package linebreak

import "unicode/utf8"

// Balanced breaks text into as few lines as width allows, then narrows the
// width as far as it can without adding a line, so that the lines are of
// similar length and none is left with a single character ("单位代/码"
// becomes "单位/代码").
func Balanced(text string, width float64, measure Measure) []Line {
	lines := Break(text, width, 0, measure)
	if len(lines) < 2 {
		return lines
	}
	// Never narrower than the widest word: a narrower line breaks inside it.
	lo, hi := Widest(text, measure)-0.01, width
	for range 16 {
		mid := (lo + hi) / 2
		if len(Break(text, mid, 0, measure)) == len(lines) {
			hi = mid
		} else {
			lo = mid
		}
		if hi-lo < 0.25 {
			break
		}
	}
	lines = Break(text, hi, 0, measure)
	// Greedy lines of one length can still leave one character over ("驻村
	// 人/员满意/度"): take characters from the first line, as an indent
	// would, until the last line holds more, without adding a line.
	if n := len(lines); utf8.RuneCountInString(lines[n-1].Text) == 1 {
		for k := 1; k <= 3; k++ {
			try := Break(text, hi, float64(k)*measure('中'), measure)
			if len(try) == n && utf8.RuneCountInString(try[n-1].Text) > 1 {
				return try
			}
		}
	}
	return lines
}
