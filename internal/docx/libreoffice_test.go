package docx

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/internal/testtool"
)

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// LibreOffice opens the sample and prints every paragraph and table cell,
// the TOC with its page numbers and "— n —" footers. Set
// BUDGETDOC_DOCX_KEEP to a directory to keep sample.docx and sample.pdf for
// a look.
func TestLibreOfficeRendersSample(t *testing.T) {
	soffice := testtool.Path(t, "soffice")
	pdftotext := testtool.Path(t, "pdftotext")
	dir := t.TempDir()
	if keep := os.Getenv("BUDGETDOC_DOCX_KEEP"); keep != "" {
		dir = keep
	}
	in := filepath.Join(dir, "sample.docx")
	if err := os.WriteFile(in, writeSample(t), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "--convert-to", "pdf", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "sample.pdf")
	// Content-stream order for the content (a wrapped cell stays together
	// even when its lines stand beside another cell's), the layout for the
	// TOC lines.
	raw, err := exec.Command(pdftotext, "-raw", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	layout, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -layout: %v", err)
	}
	pages := strings.Split(string(layout), "\f")
	flat := squeeze(string(raw))

	d, _ := sampleDocument()
	var want []string
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *doc.Cover:
			want = append(want, b.Title...)
			want = append(want, b.Date)
		case *doc.TOC:
			want = append(want, b.Title)
		case *doc.Heading:
			want = append(want, b.Text)
		case *doc.Paragraph:
			want = append(want, strings.Split(b.Text, "\t")...)
		case *doc.Table:
			for _, row := range append(b.Header, b.Body...) {
				for _, c := range row {
					want = append(want, c.Text)
				}
			}
		}
	}
	for _, w := range want {
		if !strings.Contains(flat, squeeze(w)) {
			t.Errorf("the PDF lacks %q", w)
		}
	}
	// Cover and TOC unnumbered, then pages 1–4 (part one; the annex part
	// title and table one; the landscape table; the last note).
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	if len(pages) != 6 {
		t.Fatalf("%d pages, want 6", len(pages))
	}
	for i, p := range pages {
		num := ""
		if i >= 2 {
			num = "—" + string(rune('0'+i-1)) + "—"
		}
		has := strings.Contains(squeeze(p), "—1—") || strings.Contains(squeeze(p), "—2—") ||
			strings.Contains(squeeze(p), "—3—") || strings.Contains(squeeze(p), "—4—")
		if num == "" && has {
			t.Errorf("page %d carries a page number", i+1)
		}
		if num != "" && !strings.Contains(squeeze(p), num) {
			t.Errorf("page %d lacks %s", i+1, num)
		}
	}
	// The TOC prints the cached page numbers: entry text, dot leader, number.
	for _, entry := range []string{"一、主要职责", "二、部门收入总体情况表"} {
		line := lineWith(pages[1], entry)
		if !strings.Contains(line, "....") {
			t.Errorf("TOC line %q has no dot leader", line)
		}
	}
	if line := lineWith(pages[1], "二、部门收入总体情况表"); !strings.HasSuffix(strings.TrimSpace(line), "3") {
		t.Errorf("TOC line %q does not end in its page number 3", line)
	}
}

func lineWith(page, s string) string {
	for _, l := range strings.Split(page, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// LibreOffice sets GB/T 9704's 28 characters of 3号 on a body line, as
// the PDF does: every line of a paragraph of Chinese text but its last
// holds 28 characters, the first 26 after its indent.
func TestLibreOfficeBodyLinesHold28(t *testing.T) {
	soffice := testtool.Path(t, "soffice")
	pdftotext := testtool.Path(t, "pdftotext")
	text := strings.Repeat("负责全县政务服务事项目录管理和标准化建设统筹推进全县政务服务和政务数据管理体系建设", 3) + "。"
	// The 封丘 narrative's third line ends in a 、 that does not fit:
	// LibreOffice, left to hang it, dropped it from the justified line.
	marks := "封丘县政务服务和大数据管理局2023年收入总计540.82万元，支出总计540.82万元，与2022年预算相比，" +
		"收、支总计各增加199.45万元，增长58.43%，主要原因：一是正常增人增资、晋级晋档等增加基本支出57.51万元。"
	d := &doc.Document{Blocks: []doc.Block{&doc.Paragraph{Style: doc.ParagraphBody, Text: text},
		&doc.Paragraph{Style: doc.ParagraphBody, Text: marks}}}
	var buf bytes.Buffer
	if err := write(&buf, d, config{}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "grid.docx")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "--convert-to", "pdf", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := exec.Command(pdftotext, "-layout", filepath.Join(dir, "grid.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if !strings.Contains(squeeze(string(out)), squeeze(marks)) {
		t.Errorf("LibreOffice lost a character of %q:\n%s", marks, out)
	}
	var lines []string
	for _, l := range strings.Split(string(out), "\n") {
		if l = squeeze(l); l != "" {
			lines = append(lines, l)
		}
		if strings.HasSuffix(l, "建设。") {
			break // the end of the first paragraph
		}
	}
	if len(lines) < 3 {
		t.Fatalf("%d lines: %q", len(lines), lines)
	}
	for i, l := range lines[:len(lines)-1] {
		want := 28
		if i == 0 {
			want = 26
		}
		if n := utf8.RuneCountInString(l); n != want {
			t.Errorf("line %d holds %d characters, want %d: %q", i+1, n, want, l)
		}
	}
}
