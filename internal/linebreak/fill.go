package linebreak

// fill sets the analysed text into lines and appends them to dst.
func (sc *scratch) fill(text string, width, indent float64, dst []Line) []Line {
	n := len(sc.runes)
	if n == 0 {
		return append(dst, Line{Last: true})
	}
	room := width - indent
	for start := 0; start < n; room = width {
		end := sc.lineEnd(start, room)
		last := sc.rank[end] == rankMandatory
		ink := end
		for ink > start && hangs(sc.runes[ink-1]) {
			ink--
		}
		w := 0.0
		for i := start; i < ink; i++ {
			w += sc.widths[i]
		}
		dst = append(dst, Line{Text: text[sc.offs[start]:sc.offs[ink]], Width: w, Last: last})
		start = end
		if !last {
			// A forced break before a space would start the next line with
			// it; the space belongs to the break, not the line.
			for start < n && hangs(sc.runes[start]) && !isNewline(sc.runes[start]) {
				start++
			}
		}
	}
	// Skipped break spaces can end the text after a soft break; the final
	// line is the last of its paragraph all the same.
	dst[len(dst)-1].Last = true
	return dst
}

// lineEnd returns where the line starting at rune start ends: the position
// (start < end <= n) of the best break before the first rune that overflows
// room, or the next mandatory break.
func (sc *scratch) lineEnd(start int, room float64) int {
	// latest[k] is the latest position of rank k seen on this line, 0 if none.
	var latest [rankMandatory]int
	used := 0.0 // width of runes start..i-1, trailing spaces included
	for i := start; i < len(sc.runes); i++ {
		if i > start {
			rk := sc.rank[i]
			if rk == rankMandatory {
				return i
			}
			latest[rk] = i
		}
		used += sc.widths[i]
		// Spaces and newlines hang past the edge: only ink can overflow. The
		// width checked is the same sum, in the same order, that fill reports.
		if i > start && used > room && !hangs(sc.runes[i]) {
			for rk := rankBreak; rk >= rankRune; rk-- {
				if latest[rk] > 0 {
					return latest[rk]
				}
			}
		}
	}
	return len(sc.runes)
}
