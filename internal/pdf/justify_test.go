package pdf

import (
	"encoding/xml"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/internal/testtool"
)

// numbersDoc is body text whose lines end short before long numbers, so
// that justification has space to give out next to numbers and percentages.
func numbersDoc() *doc.Document {
	d := &doc.Document{}
	for i := range 12 {
		text := strings.Repeat("一", i) + sampleText +
			"基本支出165.12万元，占30.53%；项目支出375.70万元，占69.47%，发送PDF文件至E-mail信箱。" +
			"全省一般公共预算支出123456789.12万元，比上年增加98765432.10万元，增长12.34%，累计1234567890123.45万元。"
		d.Blocks = append(d.Blocks, &doc.Paragraph{Style: doc.ParagraphBody, Text: text})
	}
	return d
}

// TestJustifySpreadsOnlyChinese: in justified lines the space added goes
// between Chinese characters and punctuation only; a number, a Latin word
// or a percentage keeps its natural spacing, inside and at its edges.
func TestJustifySpreadsOnlyChinese(t *testing.T) {
	l := layOrFail(t, numbersDoc())
	track := gridTrack(l.pages[0].width(), l.format.BodySize)
	spread := 0
	for _, p := range l.pages {
		for _, it := range p.texts {
			r, _ := utf8.DecodeRuneInString(it.s)
			wide := it.face.Advance(r) >= wideShare
			if !wide && it.tc != 0 {
				t.Errorf("page %d: %q (not Chinese) is set with Tc %.3f", p.index+1, it.s, it.tc)
			}
			if wide && it.tc > track+0.01 {
				spread++
			}
			// An item that mixes Chinese with digits or letters would
			// spread them too.
			if wide && it.tc != 0 && utf8.RuneCountInString(it.s) > 1 {
				for _, c := range it.s[:len(it.s)-len(string(lastRune(it.s)))] {
					if it.face.Advance(c) < wideShare {
						t.Errorf("page %d: %q spreads %q with Tc %.3f", p.index+1, it.s, c, it.tc)
					}
				}
			}
		}
	}
	if spread == 0 {
		t.Fatal("no line was spread: the test document does not exercise justification")
	}
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// TestJustifyKeepsNumbersWhole reads the PDF back: pdftotext puts a word
// boundary wherever letters stand apart, so a number spread by
// justification comes out as "1 6 5 . 1 2". Every number of the text must
// come out whole, inside one word.
func TestJustifyKeepsNumbersWhole(t *testing.T) {
	pdftotext := testtool.Path(t, "pdftotext")
	_, pdf := render(t, numbersDoc())
	out, err := exec.Command(pdftotext, "-bbox", writeTemp(t, pdf), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var page struct {
		Pages []struct {
			Words []struct {
				Text string `xml:",chardata"`
			} `xml:"word"`
		} `xml:"body>doc>page"`
	}
	if err := xml.Unmarshal(out, &page); err != nil {
		t.Fatalf("pdftotext -bbox output: %v", err)
	}
	number := regexp.MustCompile(`[0-9][0-9.]*%?`)
	whole := map[string]bool{}
	for _, m := range number.FindAllString(numbersDoc().Blocks[0].(*doc.Paragraph).Text, -1) {
		whole[strings.TrimRight(m, ".")] = true
	}
	seen := 0
	for pi, p := range page.Pages {
		for _, w := range p.Words {
			for _, m := range number.FindAllString(w.Text, -1) {
				m = strings.TrimRight(m, ".")
				if !whole[m] && len(m) > 1 {
					t.Errorf("page %d: number %q in word %q is a piece of a number: justification split it", pi+1, m, w.Text)
				}
				seen++
			}
		}
	}
	if seen == 0 {
		t.Fatal("pdftotext found no numbers")
	}
}

// TestNoLoneLastCharacter: no body paragraph ends in a line of one
// character and its punctuation ("见。"); the lines before give it more.
func TestNoLoneLastCharacter(t *testing.T) {
	d := &doc.Document{}
	text := []rune(sampleText)
	for n := 20; n < len(text); n += 3 {
		d.Blocks = append(d.Blocks, &doc.Paragraph{Style: doc.ParagraphBody, Text: string(text[:n]) + "等。"})
	}
	l := layOrFail(t, d)
	// The last line of a paragraph is the line before one that starts at
	// the indent (or the document's last line).
	type line struct {
		y, x float64
		s    string
	}
	var lines []line
	for _, p := range l.pages {
		for _, it := range p.texts {
			if it.y > p.bottom {
				continue
			}
			if n := len(lines); n > 0 && near(lines[n-1].y, it.y+float64(p.index)*1e4) {
				lines[n-1].s += it.s
				continue
			}
			lines = append(lines, line{it.y + float64(p.index)*1e4, it.x, it.s})
		}
	}
	for i, ln := range lines {
		last := i+1 == len(lines) || lines[i+1].x > l.pages[0].left+1
		if last && i > 0 && utf8.RuneCountInString(ln.s) <= 2 {
			t.Errorf("a paragraph ends in the line %q", ln.s)
		}
	}
	if len(lines) < 2*len(d.Blocks) {
		t.Fatalf("%d lines for %d paragraphs", len(lines), len(d.Blocks))
	}
}

// TestJustifySqueezesToKeepLinesEven: the 宿州 narrative's first line ends
// before "128284.45万元，", which misses the line by less than the blank
// half of its comma. The comma is set half wide at the margin and the
// number stays on the line, instead of the line being spread to the
// margin (or left ragged); the comma's ink stays inside the text area.
func TestJustifySqueezesToKeepLinesEven(t *testing.T) {
	text := "宿州市住房和城乡建设局2025年收入总计128284.45万元，支出总计128284.45万元，与2024年预算相比，" +
		"收、支总计各增加7524.25万元，增长6.23%。"
	l := layOrFail(t, &doc.Document{Blocks: []doc.Block{&doc.Paragraph{Style: doc.ParagraphBody, Text: text}}})
	p := l.pages[0]
	var first []textItem
	for _, it := range p.texts {
		if len(first) == 0 || near(it.y, first[0].y) {
			first = append(first, it)
		}
	}
	line := ""
	for _, it := range first {
		line += it.s
	}
	if !strings.HasSuffix(line, "128284.45万元，") {
		t.Fatalf("first line %q: the number went down", line)
	}
	last := first[len(first)-1]
	comma := last.x
	for _, r := range last.s[:len(last.s)-len("，")] {
		comma += last.face.Advance(r)*last.size + last.tc
	}
	_, blank := blankSides(last.face, '，')
	if ink := comma + (last.face.Advance('，')-blank)*last.size; ink > p.right+0.01 {
		t.Errorf("the comma's ink ends at %.2f, past the text area's edge %.2f", ink, p.right)
	}
	if end := comma + last.face.Advance('，')*last.size; end <= p.right {
		t.Errorf("the comma's box ends at %.2f: it was not squeezed past the edge %.2f", end, p.right)
	}
	for _, it := range first {
		if r, _ := utf8.DecodeRuneInString(it.s); it.face.Advance(r) >= wideShare && it.tc > gridTrack(p.width(), l.format.BodySize)+0.01 {
			t.Errorf("%q is spread (Tc %.2f): the squeezed line should need no justification", it.s, it.tc)
		}
	}
}
