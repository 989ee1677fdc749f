package docx

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/fonts"
	"github.com/budgetdoc/budgetdoc/internal/golden"
	"github.com/budgetdoc/budgetdoc/internal/writer"
)

func writeSample(t *testing.T) []byte {
	t.Helper()
	d, pages := sampleDocument()
	var buf bytes.Buffer
	if err := write(&buf, d, config{Pages: pages, Format: sampleFormat()}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sampleDocumentXML(t *testing.T) *node {
	t.Helper()
	_, parts := unzip(t, writeSample(t))
	return parseXML(t, parts["word/document.xml"])
}

func TestDeterministicBytes(t *testing.T) {
	a, b := writeSample(t), writeSample(t)
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of the same document differ")
	}
	files, _ := unzip(t, a)
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
		if !f.Modified.Equal(time.Date(1980, 1, 1, 0, 0, 0, 0, f.Modified.Location())) {
			t.Errorf("%s: modified %v, want 1980-01-01", f.Name, f.Modified)
		}
	}
	want := []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
		"word/document.xml", "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
		"word/footer1.xml", "word/footer2.xml", "word/footer3.xml", "word/_rels/document.xml.rels"}
	if !slices.Equal(names, want) {
		t.Errorf("zip entries\n got %q\nwant %q", names, want)
	}
}

func TestEveryPartIsWellFormedXML(t *testing.T) {
	_, parts := unzip(t, writeSample(t))
	for name, data := range parts {
		t.Run(name, func(t *testing.T) { parseXML(t, data) })
	}
	core := parseXML(t, parts["docProps/core.xml"])
	if got := core.find("title").text; got != "示范单位2023年度部门预算" {
		t.Errorf("core title %q", got)
	}
	if core.find("created") != nil || core.find("modified") != nil {
		t.Error("core properties carry a timestamp")
	}
}

func TestGoldenDocumentXML(t *testing.T) {
	_, parts := unzip(t, writeSample(t))
	got := prettyXML(t, parts["word/document.xml"])
	golden.Text(t, filepath.Join("testdata", "sample.document.xml"), string(got))
}

// Every paragraph of the sample keeps its text, and < > & " ' ]]> come out
// as the characters themselves.
func TestTextEscaping(t *testing.T) {
	body := sampleDocumentXML(t)
	var texts []string
	for _, p := range body.all("p") {
		texts = append(texts, p.plainText())
	}
	for _, want := range []string{
		"特殊字符照原样印出：a<b & c>d \"引号\" 'apos' ]]> 结束。",
		"部门名称：示范单位\t单位：万元",
		"第一部分\n示范单位概况",
		"目  录",
	} {
		if !slices.Contains(texts, want) {
			t.Errorf("no paragraph reads %q", want)
		}
	}
	if got := esc(`<a href="x">'&]]>`); got != "&lt;a href=&quot;x&quot;&gt;&apos;&amp;]]&gt;" {
		t.Errorf("esc = %s", got)
	}
}

func TestRejectsCharactersXMLCannotHold(t *testing.T) {
	cases := []struct {
		name  string
		block doc.Block
		where string
	}{
		{"control char in paragraph", &doc.Paragraph{Text: "预算\x01收入"}, "block 2 (paragraph): byte 6: character U+0001"},
		{"vertical tab in cell", &doc.Table{Name: "表一", Body: [][]doc.Cell{
			{doc.Text("a"), doc.Text("b")}, {doc.Text("c"), doc.Text("d\v")}}},
			`block 2 (table "表一"): body row 2, cell 2: byte 1: character U+000B`},
		{"U+FFFE in heading", &doc.Heading{Text: "标题\uFFFE"}, "block 2 (heading): text: byte 6: character U+FFFE"},
		{"invalid UTF-8 (lone surrogate bytes)", &doc.Paragraph{Text: "a\xed\xa0\x80b"}, "block 2 (paragraph): byte 1: invalid UTF-8"},
		{"cover date", &doc.Cover{Title: []string{"标题"}, Date: "\x00"}, "block 2 (cover): date: byte 0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &doc.Document{Blocks: []doc.Block{&doc.Paragraph{Text: "ok"}, c.block}}
			var buf bytes.Buffer
			err := write(&buf, d, config{})
			if err == nil || !strings.Contains(err.Error(), c.where) {
				t.Fatalf("error %v, want one containing %q", err, c.where)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes despite the error", buf.Len())
			}
		})
	}
	// Tab and newline are text: a tab and a line break.
	d := &doc.Document{Blocks: []doc.Block{&doc.Paragraph{Text: "左\t右\r\n下"}}}
	var buf bytes.Buffer
	if err := write(&buf, d, config{}); err != nil {
		t.Fatal(err)
	}
	_, parts := unzip(t, buf.Bytes())
	p := parseXML(t, parts["word/document.xml"]).find("p")
	if got := p.plainText(); got != "左\t右\n下" {
		t.Errorf("text %q", got)
	}
}

func TestHeadingsOutlineAndBookmarks(t *testing.T) {
	body := sampleDocumentXML(t)
	type seen struct{ style, outline, bookmark string }
	got := map[string]seen{}
	for _, p := range body.all("p") {
		ppr := p.child("pPr")
		if ppr == nil {
			continue
		}
		s := seen{}
		if ps := ppr.child("pStyle"); ps != nil {
			s.style = ps.attr["val"]
		}
		if o := ppr.child("outlineLvl"); o != nil {
			s.outline = o.attr["val"]
		}
		if bm := p.child("bookmarkStart"); bm != nil {
			s.bookmark = bm.attr["name"]
		}
		got[p.plainText()] = s
	}
	want := map[string]seen{
		"第一部分\n示范单位概况":      {"Heading1", "", "_Toc0001"},
		"一、示范单位主要职责":        {"Heading2", "", "_Toc0002"},
		"（一）机构设置情况":         {"SubsectionTitle", "", ""}, // not in the TOC: no outline level
		"附件：示范单位2023年部门预算表": {"Heading1", "", "_Toc0003"},
		"一、部门收支总体情况表":       {"TableTitle", "1", "_Toc0004"},
	}
	for text, w := range want {
		if got[text] != w {
			t.Errorf("%q: got %+v, want %+v", text, got[text], w)
		}
	}
	// The styles give Heading 1..3 their outline levels and the TOC styles
	// their dot leader.
	_, parts := unzip(t, writeSample(t))
	styles := parseXML(t, parts["word/styles.xml"])
	for _, s := range styles.all("style") {
		id := s.attr["styleId"]
		switch id {
		case "Heading1", "Heading2", "Heading3":
			if o := s.find("outlineLvl"); o == nil || o.attr["val"] != string(id[7]-1) {
				t.Errorf("%s: outline level %v", id, o)
			}
		case "TOC1", "TOC2", "TOC3":
			if tab := s.find("tab"); tab == nil || tab.attr["leader"] != "dot" || tab.attr["val"] != "right" {
				t.Errorf("%s: no right tab with dot leader", id)
			}
		}
	}
}

// TestTOCFieldWithCachedPageNumbers: the TOC field's cached entries are
// the finished 目录, and it survives an update in Word: the field builds
// from TC fields only (\f, no \o, \u or \t, which would take the headings'
// own texts), and the TC fields, in document order, carry exactly the
// cached entries at their levels.
func TestTOCFieldWithCachedPageNumbers(t *testing.T) {
	body := sampleDocumentXML(t)
	var toc string
	var tcs []string
	tcArg := regexp.MustCompile(`^TC "((?:[^"\\]|\\.)*)" \\f C \\l (\d)$`)
	for _, it := range body.all("instrText") {
		in := strings.TrimSpace(it.text)
		switch {
		case strings.HasPrefix(in, "TOC "):
			toc = in
		case strings.HasPrefix(in, "TC "):
			m := tcArg.FindStringSubmatch(in)
			if m == nil {
				t.Errorf("TC field %q is not TC \"entry\" \\f C \\l N", in)
				continue
			}
			tcs = append(tcs, "TOC"+m[2]+" "+m[1])
		}
	}
	if toc == "" {
		t.Fatal("no TOC field")
	}
	for _, sw := range []string{`\o`, `\u`, `\t`} {
		if strings.Contains(toc, sw) {
			t.Errorf("TOC field %q takes entries from headings (%s): an update would replace the entries", toc, sw)
		}
	}
	if !strings.Contains(toc, `\f C`) || !strings.Contains(toc, `\h`) {
		t.Errorf("TOC field %q does not build linked entries from TC fields of type C", toc)
	}
	var entries, cached []string
	var anchors []string
	for _, p := range body.all("p") {
		if s := p.find("pStyle"); s != nil && strings.HasPrefix(s.attr["val"], "TOC") && s.attr["val"] != "TOCHeading" {
			entries = append(entries, s.attr["val"]+" "+p.plainText())
			// A long entry is wrapped at a natural point in the cache only.
			text, _, _ := strings.Cut(strings.ReplaceAll(p.plainText(), "\n", ""), "\t")
			cached = append(cached, s.attr["val"]+" "+text)
			for _, h := range p.all("hyperlink") {
				anchors = append(anchors, h.attr["anchor"])
			}
		}
	}
	want := []string{
		"TOC1 第一部分 示范单位概况\t1",
		"TOC2 一、主要职责\t1",
		"TOC1 附件：示范单位2023年部门预算表\t2",
		"TOC2 一、部门收支总体情况表\t2",
		"TOC2 二、部门收入总体情况表\t3",
	}
	if !slices.Equal(entries, want) {
		t.Errorf("TOC entries\n got %q\nwant %q", entries, want)
	}
	if !slices.Equal(tcs, cached) {
		t.Errorf("an update would give\n%q\nthe cached TOC is\n%q", tcs, cached)
	}
	var marks []string
	for _, b := range body.all("bookmarkStart") {
		marks = append(marks, b.attr["name"])
	}
	if !slices.Equal(anchors, marks) || len(marks) != 5 {
		t.Errorf("TOC links %q, bookmarks %q", anchors, marks)
	}
	// Every field begins and ends; only the TOC has a cached result.
	var kinds []string
	for _, f := range body.all("fldChar") {
		kinds = append(kinds, f.attr["fldCharType"])
	}
	if n := strings.Count(strings.Join(kinds, " "), "separate"); n != 1 ||
		strings.Count(strings.Join(kinds, " "), "begin") != len(tcs)+1 || strings.Count(strings.Join(kinds, " "), "end") != len(tcs)+1 {
		t.Errorf("field chars %q", kinds)
	}
}

func TestGridWidthsAddUp(t *testing.T) {
	w, err := gridWidths([]float64{1, 1, 1}, 8844)
	if err != nil {
		t.Fatal(err)
	}
	if w[0]+w[1]+w[2] != 8844 || w[0] != 2948 {
		t.Errorf("widths %v", w)
	}
	for _, bad := range [][]float64{nil, {1, 0}, {1, -2}} {
		if _, err := gridWidths(bad, 100); err == nil {
			t.Errorf("widths %v accepted", bad)
		}
	}
}

func TestFontsAndFormatOptions(t *testing.T) {
	d, pages := sampleDocument()
	var buf bytes.Buffer
	if err := write(&buf, d, config{Pages: pages, Fonts: Fonts{Body: "仿宋_GB2312"}}); err != nil {
		t.Fatal(err)
	}
	_, parts := unzip(t, buf.Bytes())
	fonts := map[string]string{}
	for _, s := range parseXML(t, parts["word/styles.xml"]).all("style") {
		if f := s.find("rFonts"); f != nil {
			fonts[s.attr["styleId"]] = f.attr["eastAsia"]
		}
	}
	want := map[string]string{"Normal": "仿宋_GB2312", "PartTitle": "方正小标宋简体", "SectionTitle": "黑体",
		"SubsectionTitle": "楷体", "TableText": "宋体", "Footer": "仿宋_GB2312"}
	for id, f := range want {
		if fonts[id] != f {
			t.Errorf("style %s: font %q, want %q", id, fonts[id], f)
		}
	}
	f := doc.GBT9704()
	f.LinePitch = 0
	if err := write(&buf, d, config{Format: f}); err == nil || !strings.Contains(err.Error(), "LinePitch") {
		t.Errorf("zero line pitch: error %v", err)
	}
}

func BenchmarkWriteSample(b *testing.B) {
	d, pages := sampleDocument()
	for b.Loop() {
		if err := write(io.Discard, d, config{Pages: pages}); err != nil {
			b.Fatal(err)
		}
	}
}

// Fonts reach the Word file: a role given a face of the caller's names that
// face in the styles, the other roles keep Word's Chinese names.
func TestWordFontsFollowOptions(t *testing.T) {
	set := fonts.Default()
	set.Register(fonts.RoleBody, fonts.SansFace())
	got := wordFonts(set)
	if got.Body != fonts.SansFace().PostScriptName() || got.Title != "" || got.Kai != "" {
		t.Errorf("word fonts %+v", got)
	}
	if got := wordFonts(fonts.Default()); got != (Fonts{}) {
		t.Errorf("defaults %+v", got)
	}
	var buf bytes.Buffer
	d := &doc.Document{Blocks: []doc.Block{&doc.Paragraph{Style: doc.ParagraphBody, Text: "正文。"}}}
	if err := Write(context.Background(), &buf, d, writer.Options{Fonts: set}); err != nil {
		t.Fatal(err)
	}
	_, parts := unzip(t, buf.Bytes())
	if styles := string(parts["word/styles.xml"]); !strings.Contains(styles, fonts.SansFace().PostScriptName()) {
		t.Errorf("styles.xml does not name the body font %s", fonts.SansFace().PostScriptName())
	}
}

// Titles set in a regular text face (宋体 where the machine lacks 小标宋)
// are bold, as the PDF's; 方正小标宋简体, heavy by design, is not
// emboldened.
func TestTitleBoldInRegularFaces(t *testing.T) {
	d, pages := sampleDocument()
	for _, tc := range []struct {
		title string
		bold  bool
	}{{"", false}, {"宋体", true}, {"黑体", true}, {"华文中宋", false}} {
		var buf bytes.Buffer
		if err := write(&buf, d, config{Pages: pages, Fonts: Fonts{Title: tc.title}}); err != nil {
			t.Fatal(err)
		}
		_, parts := unzip(t, buf.Bytes())
		for _, s := range parseXML(t, parts["word/styles.xml"]).all("style") {
			id := s.attr["styleId"]
			isTitle := id == "Title" || id == "PartTitle" || id == "TableTitle" || id == "TOCHeading"
			if bold := s.find("b") != nil; isTitle && bold != tc.bold || !isTitle && bold {
				t.Errorf("title font %q: style %s bold %v", tc.title, id, bold)
			}
		}
	}
}

// A table whose cells do not fit its grid is an error that names its block
// and table, and nothing is written: the tables are made only as the file
// is written, after the blocks before them.
func TestMalformedTableWritesNothing(t *testing.T) {
	spanPast := &doc.Table{Name: "表二", Body: [][]doc.Cell{
		{doc.Text("a"), doc.Text("b")}, {{Text: "c", RowSpan: 3}, doc.Text("d")}}}
	d := &doc.Document{Blocks: []doc.Block{&doc.Paragraph{Text: "ok"}, &doc.Table{Name: "表一", Body: [][]doc.Cell{{doc.Text("x")}}}, spanPast}}
	var buf bytes.Buffer
	err := write(&buf, d, config{})
	if err == nil || !strings.Contains(err.Error(), `block 3: table "表二": `) || !strings.Contains(err.Error(), "runs past the last row") {
		t.Fatalf("error %v, want one naming block 3, table 表二 and the row span", err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes despite the error", buf.Len())
	}
}
