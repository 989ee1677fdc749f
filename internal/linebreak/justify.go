package linebreak

// Justify says how Justified may adjust the lines of a justified paragraph.
type Justify struct {
	// Wide reports the characters justification spreads: space is added
	// only between two wide runes (Chinese characters and punctuation),
	// never inside or beside a number or a Latin word.
	Wide func(r rune) bool
	// Blank is the empty part of r's em box on its left and right side
	// (0 where r has ink there): "，" has its ink in the left half of the
	// box, "（" in the right half. Punctuation may be set narrower by its
	// blank side (标点挤压); nil squeezes nothing.
	Blank func(r rune) (left, right float64)
	// MaxGap is the most space justification may add between two wide
	// runes. A line that would need more is set ragged, which the line
	// breaking avoids whenever it can.
	MaxGap float64
	// Em is the width of a full-width character; looseness is reckoned in
	// ems.
	Em float64
}

// Squeezed is a line of Justified: its Width is its natural width less
// the squeezes, which are in the order of the text.
type Squeezed struct {
	Line
	Squeeze []Squeeze
}

// Squeeze is a punctuation mark set narrower than its width: the advance
// after the rune at byte offset At of Line.Text is By points less.
type Squeeze struct {
	At int
	By float64
}

// Costs of a line in Justified. A line's looseness is the space added
// between two wide runes, in ems; it costs looseCost × looseness³, so
// that two lines a little loose cost less than one line very loose.
const (
	looseCost  = 100
	raggedCost = 1e4 // a line that needs more than MaxGap: left ragged
	// squeezeCost is the cost of an em taken from punctuation inside a
	// line ("）。" set as "）。" half a character closer); taking the
	// blank half of a mark at the end of a line costs nothing, since it
	// shows only as the line reaching the margin.
	squeezeCost = 1
	// shortLastCost is the cost of a paragraph's last line holding
	// shortLast runes or fewer ("见。").
	shortLastCost = 2e3
)

// shortLast is the most runes a paragraph's last line may hold and still
// look left behind: a character or two and the punctuation.
const shortLast = 3

// Justified breaks text into lines for justified setting. Like Break it
// breaks only where Break may, with the same rules for indents, newlines
// and spaces, and never sets more lines than Break does. Unlike Break it
// chooses the breaks of the whole paragraph together (a total-fit pass):
// among the ways of setting the text in the fewest lines it takes the one
// whose lines need the least added space, so a line that ends before a
// long number that cannot break ("…收入总计" / "128284.45万元") gives up a
// character to the line after it, or takes the number by setting its
// punctuation narrower, rather than being spread far more than the
// others. It avoids a last line of a character or two, and a line left
// ragged because it would need more than j.MaxGap.
//
// Squeezing takes at most the blank side of a mark: at the end of a line
// (a "，" whose blank right half then reaches past the margin), and between
// two marks ("）。", "，“"). Each line's squeezes are in its Squeeze and
// its Width is its natural width less them.
//
// When the text holds a run longer than a whole line, Justified returns
// Break's lines.
func Justified(text string, width, indent float64, measure Measure, j Justify) []Squeezed {
	sc := getScratch()
	defer putScratch(sc)
	sc.analyse(text, measure)
	if lines, ok := sc.justify(text, width, indent, j); ok {
		return lines
	}
	plain := sc.fill(text, width, indent, nil)
	lines := make([]Squeezed, len(plain))
	for i, l := range plain {
		lines[i].Line = l
	}
	return lines
}

// node is the best way found of setting the text up to a break.
type node struct {
	lines int
	cost  float64
	from  int // the break the last line starts at; -1: unreachable
}

func (a node) better(b node) bool {
	return b.from < 0 || a.lines < b.lines || a.lines == b.lines && a.cost < b.cost
}

func (sc *scratch) justify(text string, width, indent float64, j Justify) ([]Squeezed, bool) {
	n := len(sc.runes)
	if n == 0 || j.Wide == nil || j.Em <= 0 {
		return nil, false
	}
	wide := make([]bool, n)
	for i, r := range sc.runes {
		wide[i] = j.Wide(r)
	}
	// Only full-width marks are squeezed, by at most half their width.
	mark := make([]bool, n)
	blankL, blankR := make([]float64, n), make([]float64, n)
	if j.Blank != nil {
		for i, r := range sc.runes {
			if wide[i] && (isClosing(r) || isOpening(r)) {
				l, rt := j.Blank(r)
				mark[i] = true
				blankL[i], blankR[i] = clamp(l, sc.widths[i]/2), clamp(rt, sc.widths[i]/2)
			}
		}
	}
	// pair[k] is what may be taken between runes k and k+1 when both are
	// marks: the blank side of one of them ("）。", "，“").
	pair := make([]float64, n)
	for k := 0; k+1 < n; k++ {
		if mark[k] && mark[k+1] {
			pair[k] = max(blankR[k], blankL[k+1])
		}
	}

	best := make([]node, n+1)
	for i := range best {
		best[i].from = -1
	}
	best[0] = node{from: 0}
	// paraStart[p] is where the paragraph of a line starting at p begins.
	paraStart := 0
	for i := 0; i < n; i++ {
		if i > 0 && sc.rank[i] == rankMandatory {
			paraStart = i
		}
		if i > 0 && (sc.rank[i] < rankBreak || best[i].from < 0) {
			continue
		}
		start := i
		if i > 0 {
			for start < n && hangs(sc.runes[start]) && !isNewline(sc.runes[start]) {
				start++
			}
		}
		room := width
		if i == 0 {
			room -= indent
		}
		// Extend the line one rune at a time; the sums cover runes
		// start..e-1, the ink of a line ending at e.
		w, stretch, inner := 0.0, 0, 0.0
		for e := start; e < n; e++ {
			if e > start {
				if wide[e-1] && wide[e] {
					stretch++
				}
				inner += pair[e-1]
			}
			w += sc.widths[e]
			end := e + 1 // the break after rune e
			if w-inner-blankR[e] > room+1e-9 && !hangs(sc.runes[e]) {
				break
			}
			if sc.rank[end] < rankBreak {
				continue
			}
			// Trailing spaces hang: the ink ends at the last non-space.
			ink := end
			inkW, inkStretch, inkInner := w, stretch, inner
			for ink > start && hangs(sc.runes[ink-1]) {
				ink--
				inkW -= sc.widths[ink]
				if ink > start && wide[ink-1] && wide[ink] {
					inkStretch--
				}
				if ink > start {
					inkInner -= pair[ink-1]
				}
			}
			last := sc.rank[end] == rankMandatory
			c, ok := lineCost(inkW, room, inkStretch, inkInner, endBlank(blankR, start, ink), last, j)
			if !ok {
				continue
			}
			if last && i > paraStart && ink-start <= shortLast {
				c += shortLastCost
			}
			cand := node{lines: best[i].lines + 1, cost: best[i].cost + c, from: i}
			if cand.better(best[end]) {
				best[end] = cand
			}
			if last {
				break
			}
		}
	}
	if best[n].from < 0 {
		return nil, false
	}
	var ends []int
	for p := n; p > 0; p = best[p].from {
		ends = append(ends, p)
	}
	lines := make([]Squeezed, 0, len(ends))
	prev := 0
	for k := len(ends) - 1; k >= 0; k-- {
		end := ends[k]
		lines = append(lines, sc.setLine(text, prev, end, width, indent, pair, blankR))
		prev = end
	}
	lines[len(lines)-1].Last = true
	return lines, true
}

func clamp(v, hi float64) float64 { return max(0, min(v, hi)) }

func cube(x float64) float64 { return x * x * x }

// endBlank is what may be taken from the last ink rune of a line.
func endBlank(blankR []float64, start, ink int) float64 {
	if ink > start {
		return blankR[ink-1]
	}
	return 0
}

// lineCost is the cost of a line of natural width w in room, with stretch
// places to spread and inner and end points that may be squeezed; false if
// it cannot fit.
func lineCost(w, room float64, stretch int, inner, end float64, last bool, j Justify) (float64, bool) {
	over := w - room
	switch {
	case over > inner+end+1e-9:
		return 0, false
	case over > 1e-9: // squeezed to fit
		return squeezeCost * max(0, over-end) / j.Em, true
	case last:
		return 0, true
	case -over < 1e-6: // full as it is
		return 0, true
	case stretch == 0:
		return raggedCost + looseCost*cube(-over/j.Em), true
	}
	gap := -over / float64(stretch)
	c := looseCost * cube(gap/j.Em)
	if gap > j.MaxGap {
		c += raggedCost
	}
	return c, true
}

// setLine makes the line from break i to break end, squeezed if it must
// be to fit its room.
func (sc *scratch) setLine(text string, i, end int, width, indent float64, pair, blankR []float64) Squeezed {
	n := len(sc.runes)
	start := i
	if i > 0 {
		for start < n && hangs(sc.runes[start]) && !isNewline(sc.runes[start]) {
			start++
		}
	}
	ink := end
	for ink > start && hangs(sc.runes[ink-1]) {
		ink--
	}
	room := width
	if i == 0 {
		room -= indent
	}
	w := 0.0
	for k := start; k < ink; k++ {
		w += sc.widths[k]
	}
	ln := Squeezed{Line: Line{Text: text[sc.offs[start]:sc.offs[ink]], Width: w, Last: sc.rank[end] == rankMandatory}}
	over := w - room
	if over <= 1e-9 {
		return ln
	}
	base := sc.offs[start]
	// The end of the line first: its blank shows only as the line reaching
	// the margin. Then the marks inside, each by the same share.
	if e := min(over, blankR[ink-1]); e > 0 {
		ln.Squeeze = append(ln.Squeeze, Squeeze{At: sc.offs[ink-1] - base, By: e})
		over -= e
	}
	if over > 1e-9 {
		inner := 0.0
		for k := start; k+1 < ink; k++ {
			inner += pair[k]
		}
		for k := start; k+1 < ink; k++ {
			if pair[k] > 0 {
				ln.Squeeze = append(ln.Squeeze, Squeeze{At: sc.offs[k] - base, By: pair[k] * over / inner})
			}
		}
		// The end squeeze, if any, was appended first; keep them in
		// order of the text.
		if len(ln.Squeeze) > 1 && ln.Squeeze[0].At > ln.Squeeze[1].At {
			ln.Squeeze = append(ln.Squeeze[1:], ln.Squeeze[0])
		}
	}
	for _, s := range ln.Squeeze {
		ln.Width -= s.By
	}
	return ln
}
