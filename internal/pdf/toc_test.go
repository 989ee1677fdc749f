package pdf

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/internal/testtool"
)

// tocDoc has TOC entries of every length around one and two lines, with and
// without natural break points, so that a greedy break would leave one or
// two characters alone on a line.
func tocDoc() *doc.Document {
	d := &doc.Document{Blocks: []doc.Block{&doc.TOC{Title: "目  录"}, &doc.PageBreak{StartNumbering: true}}}
	add := func(level int, text string) {
		d.Blocks = append(d.Blocks, &doc.Heading{Level: level, Style: doc.HeadingSection, Text: text, InTOC: true},
			&doc.Paragraph{Text: "正文。"})
	}
	add(1, "第二部分 封丘县政务服务和大数据管理局2023年部门预算情况说明")
	add(1, "附件：封丘县政务服务和大数据管理局2023年部门预算表")
	add(1, "第二部分 河南省人力资源和社会保障厅机关后勤服务保障中心2023年部门预算情况说明")
	for n := 20; n <= 34; n++ {
		add(1+n%2, "一、"+strings.Repeat("预", n))
	}
	return d
}

// TestTOCNoLoneCharacters reads the 目录 back: no line holds only one or two
// characters, and a wrapped entry's later lines hang (start right of where
// the entry starts).
func TestTOCNoLoneCharacters(t *testing.T) {
	pdftotext := testtool.Path(t, "pdftotext")
	l, pdf := render(t, tocDoc())
	file := writeTemp(t, pdf)
	tocPages := 0
	for _, p := range l.pages {
		if p.number == 0 {
			tocPages++
		}
	}
	checked := 0
	for n := 1; n <= tocPages; n++ {
		out, err := exec.Command(pdftotext, "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-layout", file, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		for _, line := range strings.Split(string(out), "\n") {
			text := strings.TrimRight(strings.TrimSpace(line), "0123456789 ")
			text = strings.TrimSpace(strings.TrimRight(text, ". …"))
			if text == "" || text == "目 录" || text == "目  录" {
				continue
			}
			checked++
			if utf8.RuneCountInString(strings.ReplaceAll(text, " ", "")) <= 2 {
				t.Errorf("TOC page %d: line %q holds only %q", n, line, text)
			}
		}
	}
	if checked < 20 {
		t.Fatalf("only %d TOC lines read back", checked)
	}
}

// TestTOCBreaksAtNaturalPoints: an entry breaks at its natural point, the
// later line hangs under the text after the label, and every entry's
// leaders start at the same gap after its text.
func TestTOCBreaksAtNaturalPoints(t *testing.T) {
	l := layOrFail(t, tocDoc())
	p := l.pages[0]
	var lines []string
	lastY := -1.0
	for _, it := range p.texts {
		end := it.x + runWidth(it) - it.tc
		if strings.Trim(it.s, ".") == "" || strings.Trim(it.s, "0123456789") == "" && near(end, p.right) {
			continue // leaders, page number
		}
		if n := len(lines); n > 0 && near(it.y, lastY) {
			lines[n-1] += it.s
		} else {
			lines = append(lines, it.s)
		}
		lastY = it.y
	}
	joined := strings.Join(lines, "|")
	for _, want := range []string{"第二部分 封丘县政务服务和大数据管理局|2023年部门预算情况说明",
		"附件：封丘县政务服务和大数据管理局|2023年部门预算表",
		"第二部分 河南省人力资源和社会保障厅|机关后勤服务保障中心|2023年部门预算情况说明"} {
		if !strings.Contains(joined, want) {
			t.Errorf("TOC lines %q\ndo not contain %q", joined, want)
		}
	}
	// Leaders: the gap from the end of the text to the first dot.
	gaps := map[string]float64{}
	for i, it := range p.texts {
		if it.s == "" || strings.Trim(it.s, ".") != "" || i == 0 {
			continue
		}
		prev := p.texts[i-1]
		// Where the text ends: its last em box.
		end := prev.x + runWidth(prev) - prev.tc
		gaps[prev.s] = it.x - end
	}
	first := -1.0
	for s, g := range gaps {
		if first < 0 {
			first = g
		}
		if g < first-1 || g > first+1 {
			t.Errorf("leaders after %q start %.1f pt after the text, others %.1f", s, g, first)
		}
	}
	if len(gaps) < 8 {
		t.Fatalf("only %d entries with leaders", len(gaps))
	}
}
