package budgetdoc

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/internal/testtool"
)

// renderFengqiu writes the 封丘 PDF into a temporary directory.
func renderFengqiu(t *testing.T) (string, *doc.Document, doc.PageNumbers) {
	t.Helper()
	_, d := fengqiuDocument(t)
	r := Prepare(d, nil)
	var buf bytes.Buffer
	if err := r.Write(context.Background(), &buf, FormatPDF); err != nil {
		t.Fatal(err)
	}
	l, err := r.pages()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "fengqiu.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, d, l.PageNumbers()
}

func pdftotext(t *testing.T, path string, args ...string) string {
	t.Helper()
	out, err := exec.Command(testtool.Path(t, "pdftotext"), append(args, path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

var footer = regexp.MustCompile(`—\d+—`)

// TestPDFTextMatchesReference reads the PDF back with pdftotext: the text a
// reader (or a search engine) gets out of it holds the reference's narrative
// clause by clause.
func TestPDFTextMatchesReference(t *testing.T) {
	path, _, _ := renderFengqiu(t)
	text := footer.ReplaceAllString(squeeze(pdftotext(t, path)), "")
	ref := readReference(t)
	narrative := ref[strings.Index(ref, "第一部分\n\n封丘县"):strings.Index(ref, "附件：\n")]
	for _, c := range clauses(narrative) {
		if _, ok := narrativeDifferences[c]; !ok && !strings.Contains(text, c) {
			t.Errorf("reference clause not in the PDF's text: %s", c)
		}
	}
	for _, bad := range []string{"\n，", "\n。", "\n、", "\n）"} {
		if strings.Contains(pdftotext(t, path), bad) {
			t.Errorf("a line of the PDF starts with %q", bad[1:])
		}
	}
}

// TestTOCPageNumbers checks each TOC entry against the page it points to:
// the page whose footer prints that number holds the heading.
func TestTOCPageNumbers(t *testing.T) {
	path, d, pages := renderFengqiu(t)
	pageText := map[int]string{} // printed page number → squeezed text
	all := pdftotext(t, path)
	for _, page := range strings.Split(all, "\f") {
		s := squeeze(page)
		if m := footer.FindString(s); m != "" {
			var n int
			fmt.Sscanf(strings.Trim(m, "—"), "%d", &n)
			pageText[n] = s
		}
	}
	checked := 0
	for _, blk := range doc.Flatten(d.Blocks) {
		h, ok := blk.(*doc.Heading)
		if !ok || !h.InTOC {
			continue
		}
		n, ok := pages[h]
		if !ok {
			t.Errorf("TOC entry %q has no page number", h.Entry())
			continue
		}
		if !strings.Contains(pageText[n], squeeze(strings.Split(h.Text, "\n")[0])) {
			t.Errorf("TOC entry %q says page %d, but that page does not hold it", h.Entry(), n)
		}
		// The TOC itself prints the entry with that number.
		if !strings.Contains(squeeze(all), squeeze(h.Entry())) {
			t.Errorf("TOC entry %q is not printed", h.Entry())
		}
		checked++
	}
	if checked < 15 {
		t.Errorf("checked %d TOC entries, want the 3 parts, 2 sections, the annex and 12 tables", checked)
	}
}

// TestPDFStructure has qpdf check the file and pdffonts confirm every font is
// embedded with a ToUnicode map (so text can be copied out).
func TestPDFStructure(t *testing.T) {
	path, _, _ := renderFengqiu(t)
	if out, err := exec.Command(testtool.Path(t, "qpdf"), "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command(testtool.Path(t, "pdffonts"), path).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type encoding emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-3] != "yes" {
			t.Errorf("font not embedded with ToUnicode: %s", l)
		}
	}
}
