package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/fonts"
	"github.com/budgetdoc/budgetdoc/internal/testtool"
	"github.com/budgetdoc/budgetdoc/internal/writer"
)

func TestTOCNumbersAreThePrintedPageNumbers(t *testing.T) {
	d := sampleDoc(3, 40)
	l, pdf := render(t, d)
	nums := l.PageNumbers()
	if len(nums) != len(l.headings) || len(nums) < 10 {
		t.Fatalf("%d page numbers for %d headings", len(nums), len(l.headings))
	}
	for _, h := range l.headings {
		p := l.pages[h.page]
		if p.number == 0 || nums[h.h] != p.number {
			t.Errorf("%q: TOC says %d, its page prints %d", tocText(h.h), nums[h.h], p.number)
		}
	}
	// The numbers are increasing and the cover and TOC pages carry none.
	if l.pages[0].number != 0 || l.pages[1].number != 0 || l.pages[2].number != 1 {
		t.Errorf("page numbers %d %d %d, want none on the cover and TOC and 1 after",
			l.pages[0].number, l.pages[1].number, l.pages[2].number)
	}

	pdftotext := testtool.Path(t, "pdftotext")
	file := writeTemp(t, pdf)
	toc := pageText(t, pdftotext, file, 2)
	for _, h := range l.headings {
		n := nums[h.h]
		entry := strings.ReplaceAll(tocText(h.h), " ", "")
		if !regexp.MustCompile(regexp.QuoteMeta(entry) + `\.+` + strconv.Itoa(n) + `(\D|$)`).MatchString(toc) {
			t.Errorf("TOC page lacks %q …… %d", entry, n)
		}
		page := pageText(t, pdftotext, file, h.page+1)
		first, _, _ := strings.Cut(h.h.Text, "\n")
		if !strings.Contains(page, first) {
			t.Errorf("page %d lacks heading %q", h.page+1, first)
		}
		if !strings.Contains(page, "—"+strconv.Itoa(n)+"—") {
			t.Errorf("page %d (with %q) does not print — %d —", h.page+1, first, n)
		}
	}
}

func TestMissingGlyphNamesCharacterAndPlace(t *testing.T) {
	tbl := &doc.Table{Name: "一、部门收支总体情况表",
		Header: [][]doc.Cell{{doc.Text("项目"), doc.Text("金额")}},
		Body:   [][]doc.Cell{{doc.Text("甲"), doc.Text("1")}, {doc.Text("乙"), doc.Text("2")}, {doc.Text("丙"), doc.Text("有\U00020001字")}}}
	d := &doc.Document{Blocks: []doc.Block{
		&doc.Paragraph{Text: "正常的段落。"},
		&doc.Paragraph{Text: "封丘县政务服务和大数据管理局\U00020000的职责"},
		tbl,
	}}
	_, err := Lay(d, Options{})
	if err == nil {
		t.Fatal("Lay accepted characters no font has")
	}
	msg := err.Error()
	for _, want := range []string{
		"正文第 2 段“封丘县政务服务和大数据管…”",
		"U+20000",
		"表格“一、部门收支总体情况表”第 3 行第 2 列",
		"U+20001",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	var mg *fonts.MissingGlyphError
	if !errors.As(err, &mg) {
		t.Errorf("error does not wrap a *fonts.MissingGlyphError: %v", err)
	}
	if n := strings.Count(msg, "\n") + 1; n != 2 {
		t.Errorf("%d problems reported, want 2 (each once):\n%s", n, msg)
	}
}

func TestSameDocumentSameBytes(t *testing.T) {
	d := sampleDoc(2, 30)
	_, a := render(t, d)
	_, b := render(t, d)
	if !bytes.Equal(a, b) {
		t.Fatal("two renderings of one document differ")
	}
	for _, s := range []string{"CreationDate", "ModDate"} {
		if bytes.Contains(a, []byte(s)) {
			t.Errorf("output has a %s", s)
		}
	}
	if !bytes.Contains(a, []byte("/Title <FEFF")) || !bytes.Contains(a, []byte("/Author <FEFF")) {
		t.Error("output lacks the document's Title and Author")
	}
}

func TestLandscapePageInPortraitDocument(t *testing.T) {
	l, pdf := render(t, sampleDoc(1, 10))
	var land *page
	for _, p := range l.pages {
		if p.orient == doc.OrientationLandscape {
			land = p
		}
	}
	if land == nil {
		t.Fatal("no landscape page")
	}
	f := l.format
	if land.w != f.PageHeight || land.h != f.PageWidth || land.number == 0 {
		t.Errorf("landscape page %gx%g number %d", land.w, land.h, land.number)
	}
	// The page number stays FooterGap below the text area of the turned page.
	foot := land.texts[len(land.texts)-1]
	if !near(foot.y, land.bottom+f.FooterGap) || foot.y > land.h {
		t.Errorf("landscape footer baseline at %.2f, want %.2f", foot.y, land.bottom+f.FooterGap)
	}
	var boxes [][]string
	objs := objects(pdf)
	for _, n := range pageObjects(objs) {
		boxes = append(boxes, regexp.MustCompile(`/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]`).FindStringSubmatch(objs[n]))
	}
	if len(boxes) != l.Pages() {
		t.Fatalf("%d page objects for %d pages", len(boxes), l.Pages())
	}
	b := boxes[land.index]
	if string(b[1]) != fmt.Sprintf("%.2f", f.PageHeight) || string(b[2]) != fmt.Sprintf("%.2f", f.PageWidth) {
		t.Errorf("landscape page MediaBox %s × %s", b[1], b[2])
	}

	pdftotext := testtool.Path(t, "pdftotext")
	text := pageText(t, pdftotext, writeTemp(t, pdf), land.index+1)
	if !strings.Contains(text, "科目编码") || !strings.Contains(text, "—"+strconv.Itoa(land.number)+"—") {
		t.Errorf("landscape page text lacks the table or its number: %.200s", text)
	}
}

// TestBookmarks reads the outline objects: nested by level, each aimed at
// its heading's page at the heading's height on that page's own size.
func TestBookmarks(t *testing.T) {
	l, pdf := render(t, sampleDoc(2, 10))
	objs := objects(pdf)
	root := objs[outlinesObject]
	if !strings.Contains(root, "/Type /Outlines") {
		t.Fatalf("object %d is not the outline root: %s", outlinesObject, root)
	}
	ref := func(s, key string) int {
		m := regexp.MustCompile(key + ` (\d+) 0 R`).FindStringSubmatch(s)
		if m == nil {
			return 0
		}
		n, _ := strconv.Atoi(m[1])
		return n
	}
	// Walk the tree from the root and collect titles with their depth.
	var walk func(first, depth int) []string
	var got []string
	walk = func(first, depth int) []string {
		for n := first; n != 0; n = ref(objs[n], "/Next") {
			o := objs[n]
			m := regexp.MustCompile(`/Dest \[ (\d+) 0 R /XYZ [\d.]+ ([\d.]+) 0 \]`).FindStringSubmatch(o)
			title := regexp.MustCompile(`/Title <FEFF([0-9A-F]*)>`).FindStringSubmatch(o)
			if m == nil || title == nil {
				t.Fatalf("outline item %d malformed: %s", n, o)
			}
			y, _ := strconv.ParseFloat(m[2], 64)
			got = append(got, fmt.Sprintf("%d %s %s %.1f", depth, decodeUTF16(title[1]), m[1], y))
			walk(ref(o, "/First"), depth+1)
		}
		return got
	}
	walk(ref(root, "/First"), 1)
	if last := ref(root, "/Last"); ref(objs[last], "/Parent") != outlinesObject {
		t.Errorf("root /Last %d is not a top-level item", last)
	}

	pageNums := pageObjects(objs)
	var want []string
	depth := map[*doc.Heading]int{}
	var stack []*doc.Heading
	for _, h := range l.headings {
		for len(stack) > 0 && stack[len(stack)-1].Level >= h.h.Level {
			stack = stack[:len(stack)-1]
		}
		depth[h.h] = len(stack) + 1
		stack = append(stack, h.h)
		p := l.pages[h.page]
		want = append(want, fmt.Sprintf("%d %s %d %.1f", depth[h.h], tocText(h.h), pageNums[h.page], p.h-h.y+outlineLift))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("bookmarks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// objects maps object numbers to their text (streams stay compressed).
func objects(pdf []byte) map[int]string {
	objs := map[int]string{}
	for _, m := range regexp.MustCompile(`(?s)\n(\d+) 0 obj\n(.*?)endobj`).FindAllSubmatch(pdf, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		objs[n] = string(m[2])
	}
	return objs
}

// pageObjects lists the page objects' numbers; gopdf numbers them in page order.
func pageObjects(objs map[int]string) []int {
	var pages []int
	for n, o := range objs {
		if strings.Contains(o, "/Type /Page\n") {
			pages = append(pages, n)
		}
	}
	slices.Sort(pages)
	return pages
}

func decodeUTF16(hex string) string {
	var rs []rune
	for i := 0; i+4 <= len(hex); i += 4 {
		v, _ := strconv.ParseUint(hex[i:i+4], 16, 16)
		rs = append(rs, rune(v))
	}
	return string(rs)
}

func TestQpdfAndFonts(t *testing.T) {
	_, pdf := render(t, sampleDoc(2, 40))
	file := writeTemp(t, pdf)
	if out, err := exec.Command(testtool.Path(t, "qpdf"), "--check", file).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command(testtool.Path(t, "pdffonts"), file).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists %d fonts:\n%s", len(lines), out)
	}
	for _, ln := range lines {
		f := strings.Fields(ln)
		// name type… encoding emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-3] != "yes" || f[len(f)-6] != "Identity-H" {
			t.Errorf("font not embedded with Identity-H and ToUnicode: %s", ln)
		}
	}
}

// TestConcurrentRendersAgree: documents rendered at the same time share the
// parsed fonts and still come out byte for byte as when rendered alone.
func TestConcurrentRendersAgree(t *testing.T) {
	d := sampleDoc(1, 20)
	_, want := render(t, d)
	results := make(chan []byte, 4)
	for range 4 {
		go func() {
			l, err := Lay(d, Options{})
			if err != nil {
				results <- nil
				return
			}
			var buf bytes.Buffer
			l.WriteTo(&buf)
			results <- buf.Bytes()
		}()
	}
	for range 4 {
		if got := <-results; !bytes.Equal(got, want) {
			t.Error("a concurrent rendering differs from the one alone")
		}
	}
}

func TestMalformedTableIsReported(t *testing.T) {
	tbl := &doc.Table{Name: "三、支出总体情况表",
		Body: [][]doc.Cell{{doc.Text("甲"), doc.Text("乙")}, {doc.Text("甲"), doc.Text("乙"), doc.Text("丙")}}}
	_, err := Lay(&doc.Document{Blocks: []doc.Block{tbl}}, Options{})
	if err == nil || !strings.Contains(err.Error(), "table \"三、支出总体情况表\": body row 2: cells need more than the 2 columns") {
		t.Errorf("error = %v", err)
	}
}

// Write keeps the writers' contract: the same bytes as Lay and WriteTo, and
// nothing written once the context is cancelled.
func TestWriteContract(t *testing.T) {
	d := &doc.Document{Blocks: []doc.Block{&doc.Paragraph{Style: doc.ParagraphBody, Text: "正文。"}}}
	var got, want bytes.Buffer
	if err := Write(context.Background(), &got, d, writer.Options{}); err != nil {
		t.Fatal(err)
	}
	l, err := Lay(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.WriteTo(&want); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Error("Write differs from Lay + WriteTo")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var none bytes.Buffer
	if err := Write(ctx, &none, d, writer.Options{}); err != context.Canceled || none.Len() != 0 {
		t.Errorf("cancelled: %v, %d bytes", err, none.Len())
	}
}

// WriteTo lets each page's contents go once drawn; writing the same Layout
// again, or twice at once, lays the document out anew and gives the same
// bytes.
func TestConcurrentWritesOfOneLayout(t *testing.T) {
	d := sampleDoc(2, 20)
	l, err := Lay(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var first bytes.Buffer
	if _, err := l.WriteTo(&first); err != nil {
		t.Fatal(err)
	}
	for _, p := range l.pages {
		if p.texts != nil || p.bands != nil || p.rules != nil {
			t.Fatalf("page %d keeps its contents after it is drawn", p.index+1)
		}
	}
	results := make(chan []byte, 3)
	for range 3 {
		go func() {
			var buf bytes.Buffer
			if _, err := l.WriteTo(&buf); err != nil {
				t.Error(err)
			}
			results <- buf.Bytes()
		}()
	}
	for range 3 {
		if got := <-results; !bytes.Equal(got, first.Bytes()) {
			t.Error("a later writing of the layout differs from the first")
		}
	}
}
