package docx

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/doc"
)

// cellShape describes a w:tc: its text, gridSpan and vMerge ("", "restart"
// or "continue").
func cellShape(tc *node) string {
	span := "1"
	merge := ""
	if pr := tc.child("tcPr"); pr != nil {
		if g := pr.child("gridSpan"); g != nil {
			span = g.attr["val"]
		}
		if v := pr.child("vMerge"); v != nil {
			merge = v.attr["val"]
			if merge == "" {
				merge = "continue"
			}
		}
	}
	return fmt.Sprintf("%s/%s/%s", tc.plainText(), span, merge)
}

func TestTableSpansAndMerges(t *testing.T) {
	body := sampleDocumentXML(t)
	tables := body.all("tbl")
	if len(tables) != 2 {
		t.Fatalf("%d tables, want 2", len(tables))
	}
	for ti, tbl := range tables {
		ncols := len(tbl.find("tblGrid").all("gridCol"))
		gridSum := 0
		for _, g := range tbl.find("tblGrid").all("gridCol") {
			w, _ := strconv.Atoi(g.attr["w"])
			gridSum += w
		}
		if tw, _ := strconv.Atoi(tbl.find("tblW").attr["w"]); tw != gridSum {
			t.Errorf("table %d: width %d, grid adds up to %d", ti+1, tw, gridSum)
		}
		for ri, tr := range tbl.all("tr") {
			spans := 0
			for _, tc := range tr.all("tc") {
				n := 1
				if g := tc.find("gridSpan"); g != nil {
					n, _ = strconv.Atoi(g.attr["val"])
				}
				spans += n
				if tc.child("p") == nil {
					t.Errorf("table %d row %d: a cell without a paragraph", ti+1, ri+1)
				}
				if v := tc.find("vMerge"); v != nil && v.attr["val"] == "" && tc.plainText() != "" {
					t.Errorf("table %d row %d: a continued merge cell holds text", ti+1, ri+1)
				}
			}
			if spans != ncols {
				t.Errorf("table %d row %d: grid spans add up to %d, grid has %d", ti+1, ri+1, spans, ncols)
			}
			if tr.find("cantSplit") == nil {
				t.Errorf("table %d row %d: row may split across pages", ti+1, ri+1)
			}
		}
	}
	rows := func(tbl *node) [][]string {
		var out [][]string
		for _, tr := range tbl.all("tr") {
			var r []string
			for _, tc := range tr.all("tc") {
				r = append(r, cellShape(tc))
			}
			out = append(out, r)
		}
		return out
	}
	// Summary table: a column span in the header, a row span in the body.
	got := rows(tables[0])
	want := [][]string{
		{"收入/2/", "支出/2/"},
		{"项目/1/", "预算数/1/", "项目/1/", "预算数/1/"},
		{"一、一般公共预算/1/", "540.82/1/", "一般公共服务支出/1/restart", "502.33/1/"},
		{"二、政府性基金预算/1/", "/1/", "/1/continue", "0.00/1/"},
		{"收入总计/1/", "540.82/1/", "支出总计/1/", "540.82/1/"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("summary table\n got %q\nwant %q", got, want)
	}
	// Income table: row spans beside a column span in a two-row header.
	got = rows(tables[1])
	// The second header row: the three code columns, then a continued cell
	// for each of the seven headers spanning both rows.
	want2 := "类/1/ 款/1/ 项/1/" + strings.Repeat(" /1/continue", 7)
	if g := strings.Join(got[1], " "); g != want2 {
		t.Errorf("income header row 2:\n got %s\nwant %s", g, want2)
	}
	if got[0][0] != "科目编码/3/" || got[0][1] != "单位代码/1/restart" {
		t.Errorf("income header row 1: %q", got[0])
	}
	// Header rows repeat on every page; body rows do not.
	for i, tr := range tables[1].all("tr") {
		if (tr.find("tblHeader") != nil) != (i < 2) {
			t.Errorf("income row %d: tblHeader %v", i+1, tr.find("tblHeader") != nil)
		}
	}
	// Alignment: header centred, numbers right, text left, explicit wins.
	jc := func(tc *node) string { return tc.find("jc").attr["val"] }
	summaryRows := tables[0].all("tr")
	if a, b, c, d := jc(summaryRows[0].all("tc")[0]), jc(summaryRows[2].all("tc")[1]), jc(summaryRows[2].all("tc")[0]), jc(summaryRows[4].all("tc")[0]); a != "center" || b != "right" || c != "left" || d != "center" {
		t.Errorf("alignment header %s, number %s, text %s, explicit centre %s", a, b, c, d)
	}
}

func TestBadTableIsAnError(t *testing.T) {
	tbl := &doc.Table{Name: "坏表", Body: [][]doc.Cell{{doc.Text("a"), doc.Text("b")}, {doc.Text("a")}}}
	var buf bytes.Buffer
	err := write(&buf, &doc.Document{Blocks: []doc.Block{tbl}}, config{})
	if err == nil || !strings.Contains(err.Error(), `body row 2: column 2 has no cell`) {
		t.Errorf("error %v", err)
	}
}

type sectInfo struct {
	w, h, orient, footer, start, left string
}

func sectionsOf(body *node) (nonFinal []sectInfo, final sectInfo) {
	info := func(s *node) sectInfo {
		si := sectInfo{
			w: s.child("pgSz").attr["w"], h: s.child("pgSz").attr["h"], orient: s.child("pgSz").attr["orient"],
			footer: s.child("footerReference").attr["id"], left: s.child("pgMar").attr["left"],
		}
		if n := s.child("pgNumType"); n != nil {
			si.start = n.attr["start"]
		}
		return si
	}
	b := body.find("body")
	for _, p := range b.all("p") {
		if ppr := p.child("pPr"); ppr != nil && ppr.child("sectPr") != nil {
			nonFinal = append(nonFinal, info(ppr.child("sectPr")))
		}
	}
	return nonFinal, info(b.child("sectPr"))
}

// Portrait (cover, TOC) → portrait numbered from 1 → landscape → portrait:
// four sections; the first three end in a paragraph's pPr, the last is the
// body's own sectPr.
func TestSectionsPortraitLandscapePortrait(t *testing.T) {
	body := sampleDocumentXML(t)
	nonFinal, final := sectionsOf(body)
	portrait := func(footer, start string) sectInfo {
		return sectInfo{w: "11906", h: "16838", footer: footer, start: start, left: "1587"}
	}
	want := []sectInfo{
		portrait(ridFooterNone, ""),
		portrait(ridFooterPage, "1"),
		{w: "16838", h: "11906", orient: "landscape", footer: ridFooterPage, left: "2098"},
	}
	if !slices.Equal(nonFinal, want) {
		t.Errorf("sections\n got %+v\nwant %+v", nonFinal, want)
	}
	if final != portrait(ridFooterPage, "") {
		t.Errorf("final section %+v", final)
	}
	// The sectPr is the last child of its pPr and no body-level sectPr but
	// the last exists.
	b := body.find("body")
	if b.children[len(b.children)-1].name != "sectPr" {
		t.Error("body does not end with its sectPr")
	}
	for _, p := range b.all("pPr") {
		if s := p.child("sectPr"); s != nil && p.children[len(p.children)-1] != s {
			t.Error("sectPr is not the last child of its pPr")
		}
	}
	// The plain page break inside the numbered section is a
	// pageBreakBefore on the next paragraph, the part title.
	for _, p := range b.all("p") {
		if p.plainText() == "附件：示范单位2023年部门预算表" && p.find("pageBreakBefore") == nil {
			t.Error("no page break before the second part")
		}
	}
	// The footer with the page number: "— PAGE —".
	_, parts := unzip(t, writeSample(t))
	ftr := parseXML(t, parts["word/footer2.xml"])
	if got := ftr.plainText(); got != "— 1 —" {
		t.Errorf("footer text %q", got)
	}
	if it := ftr.find("instrText"); it == nil || strings.TrimSpace(it.text) != "PAGE" {
		t.Error("footer has no PAGE field")
	}
	if got := parseXML(t, parts["word/footer1.xml"]).plainText(); got != "" {
		t.Errorf("blank footer holds %q", got)
	}
}

// A break before any content sets up the first section instead of leaving
// an empty page; a section ending in a table gets a spacer paragraph.
func TestLeadingBreakAndSectionEndingInTable(t *testing.T) {
	tbl := &doc.Table{Name: "表", Body: [][]doc.Cell{{doc.Text("x")}}}
	d := &doc.Document{Blocks: []doc.Block{
		&doc.PageBreak{Orientation: doc.OrientationLandscape, StartNumbering: true},
		tbl,
		&doc.PageBreak{},
		&doc.Paragraph{Text: "后"},
	}}
	var buf bytes.Buffer
	if err := write(&buf, d, config{}); err != nil {
		t.Fatal(err)
	}
	_, parts := unzip(t, buf.Bytes())
	body := parseXML(t, parts["word/document.xml"])
	nonFinal, final := sectionsOf(body)
	if len(nonFinal) != 1 || nonFinal[0].orient != "landscape" || nonFinal[0].start != "1" || final.orient != "" {
		t.Errorf("sections %+v then %+v", nonFinal, final)
	}
	kids := body.find("body").children
	if kids[0].name != "tbl" || kids[1].name != "p" || kids[1].find("sectPr") == nil {
		t.Errorf("body starts %s, %s", kids[0].name, kids[1].name)
	}
}
