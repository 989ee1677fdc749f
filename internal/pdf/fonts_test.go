package pdf

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/internal/testtool"
)

// A real district outside GB2312 (埇, U+57C7, in 《通用规范汉字表》) and two characters of the table
// above U+FFFF (𬉼 U+2C27C, 𠳐 U+20CD0).
const (
	district = "宿州市埇桥区"
	astral   = "𬉼𠳐"
	unitName = district + astral + "财政局"
)

// faceNames is what a layout draws with, in the set's order.
func faceNames(l *Layout) []string {
	var n []string
	for _, f := range l.used {
		n = append(n, f.Name())
	}
	return n
}

// Each role draws the characters beyond GB2312 in its own style's 《通用规范汉字表》 face, run by
// run, beside its GB2312 face (楷: LXGW WenKai beside AR PL KaitiM GB). The PDF has them all,
// and a reader gets the text back, astral characters included.
func TestNameOutsideGB2312InEveryRole(t *testing.T) {
	table := func(bold bool) *doc.Table {
		return &doc.Table{Name: "一、部门收支总体情况表",
			Header: [][]doc.Cell{{doc.Text("单位名称"), doc.Text("金额")}},
			Body:   [][]doc.Cell{{{Text: unitName, Bold: bold}, doc.Text("1.00")}}}
	}
	cases := []struct {
		name  string
		block doc.Block
		want  []string
	}{
		{"cover (title)", &doc.Cover{Title: []string{unitName, "2025年部门预算"}},
			[]string{"NotoSerifSC-Bold", "NotoSerifSC-Bold-Tongyong"}},
		{"part title (title)", &doc.Heading{Level: 1, Style: doc.HeadingPart, Text: "第一部分 " + unitName + "概况"},
			[]string{"NotoSerifSC-Bold", "NotoSerifSC-Bold-Tongyong"}},
		{"section (heading)", &doc.Heading{Level: 2, Style: doc.HeadingSection, Text: "一、" + unitName + "职责"},
			[]string{"NotoSansSC-Regular", "NotoSansSC-Regular-Tongyong"}},
		{"subsection (kai)", &doc.Heading{Level: 3, Style: doc.HeadingSubsection, Text: "（一）" + unitName + "机构"},
			[]string{"ARPLKaitiMGB", "WenKai-Tongyong"}},
		{"paragraph (body)", &doc.Paragraph{Style: doc.ParagraphBody, Text: unitName + "2025年收入预算1.00万元。"},
			[]string{"NotoSerifSC-Regular", "NotoSerifSC-Regular-Tongyong"}},
		{"table cell (table)", table(false),
			[]string{"NotoSerifSC-Regular", "NotoSerifSC-Regular-Tongyong"}},
		{"bold table cell (title)", table(true),
			[]string{"NotoSerifSC-Regular", "NotoSerifSC-Bold", "NotoSerifSC-Bold-Tongyong"}},
	}
	pdftotext := testtool.Path(t, "pdftotext")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, pdf := render(t, &doc.Document{Blocks: []doc.Block{c.block}})
			if got := faceNames(l); !slices.Equal(got, c.want) {
				t.Errorf("faces drawn with = %v, want %v", got, c.want)
			}
			file := writeTemp(t, pdf)
			if out, err := exec.Command(testtool.Path(t, "qpdf"), "--check", file).CombinedOutput(); err != nil {
				t.Fatalf("qpdf --check: %v\n%s", err, out)
			}
			if text := pageText(t, pdftotext, file, 1); !strings.Contains(text, unitName) {
				t.Errorf("pdftotext: %q lacks %q", text, unitName)
			}
		})
	}
}

// A GB2312 document draws with no fallback face (so the PDF registers none and stays as it was),
// and its PDF needs no ToUnicode repair.
func TestGB2312DocumentUsesNoFallbackFace(t *testing.T) {
	l, pdf := render(t, sampleDoc(1, 10))
	for _, n := range faceNames(l) {
		if strings.Contains(n, "Tongyong") || strings.Contains(n, "Rest") {
			t.Errorf("a GB2312 document draws with %s", n)
		}
	}
	if l.drawsAstral() {
		t.Error("drawsAstral() = true for a GB2312 document")
	}
	if fixed, err := repairAstral(pdf, l.metaTexts()); err != nil || string(fixed) != string(pdf) {
		t.Errorf("repairAstral changed a PDF without astral characters (err %v)", err)
	}
}

// The ToUnicode repair turns gopdf's "<20CD0>" into the surrogate pair and keeps the file
// consistent: qpdf finds every object where the cross-reference table says, and the bytes are
// the same on every run.
func TestAstralToUnicodeRepaired(t *testing.T) {
	d := &doc.Document{Title: unitName + "2025年部门预算", Author: unitName, Blocks: []doc.Block{
		&doc.Paragraph{Style: doc.ParagraphBody, Text: "第一段" + astral + "。"},
		&doc.Heading{Level: 2, Style: doc.HeadingSection, Text: "一、" + astral, InTOC: true},
		&doc.Paragraph{Style: doc.ParagraphBody, Text: "第二段。"},
	}}
	_, pdf := render(t, d)
	text := inflated(t, pdf) // the CMaps are deflated
	if !strings.Contains(text, "<D870DE7C>") || !strings.Contains(text, "<D843DCD0>") {
		t.Errorf("the ToUnicode CMaps lack the surrogate pairs of 𬉼 (D870 DE7C) and 𠳐 (D843 DCD0)")
	}
	if strings.Contains(text, "><2C27C>") || strings.Contains(text, "><20CD0>") {
		t.Errorf("gopdf's 5-digit ToUnicode entries are still there")
	}
	_, again := render(t, d)
	if string(again) != string(pdf) {
		t.Error("two renders differ")
	}
	file := writeTemp(t, pdf)
	out, err := exec.Command(testtool.Path(t, "qpdf"), "--check", file).CombinedOutput()
	if err != nil || strings.Contains(string(out), "WARNING") || strings.Contains(string(out), "reconstruct") {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	// The document information and the bookmark, which gopdf writes as hex strings too.
	info, err := exec.Command(testtool.Path(t, "pdfinfo"), file).Output()
	if err != nil || !strings.Contains(string(info), unitName+"2025年部门预算") || !strings.Contains(string(info), "Author:          "+unitName) {
		t.Errorf("pdfinfo: %v\n%s", err, info)
	}
	bookmark := "<FEFF4E003001D870DE7CD843DCD0>" // "一、𬉼𠳐" in UTF-16
	if !strings.Contains(string(pdf), bookmark) {
		t.Errorf("the bookmark is not %s", bookmark)
	}
	if text := pageText(t, testtool.Path(t, "pdftotext"), file, 1); !strings.Contains(text, "第一段"+astral+"。") ||
		!strings.Contains(text, "一、"+astral) {
		t.Errorf("pdftotext = %q; want the astral characters back", text)
	}
}
