package pdf

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/internal/testtool"
)

// TestMetadataReadBack reads the catalog back with qpdf: /Lang zh-CN, the
// viewer shows the title, and the page labels give every page its printed
// number (the unnumbered cover and 目录 in roman numerals).
func TestMetadataReadBack(t *testing.T) {
	qpdf := testtool.Path(t, "qpdf")
	l, pdf := render(t, sampleDoc(2, 20))
	file := writeTemp(t, pdf)
	if out, err := exec.Command(qpdf, "--check", file).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command(qpdf, "--json", "--json-key=qpdf", "--json-key=pagelabels", file).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var j struct {
		QPDF       []json.RawMessage `json:"qpdf"` // a header, then the objects
		PageLabels []struct {
			Index int
			Label map[string]any
		} `json:"pagelabels"`
	}
	if err := json.Unmarshal(out, &j); err != nil || len(j.QPDF) < 2 {
		t.Fatalf("qpdf --json output: %v", err)
	}
	var objs map[string]struct{ Value map[string]any }
	if err := json.Unmarshal(j.QPDF[1], &objs); err != nil {
		t.Fatalf("qpdf --json objects: %v", err)
	}
	root, _ := objs["trailer"].Value["/Root"].(string)
	cat := objs["obj:"+root].Value
	if cat["/Lang"] != "u:zh-CN" {
		t.Errorf("/Lang = %v, want zh-CN", cat["/Lang"])
	}
	if vp, _ := cat["/ViewerPreferences"].(map[string]any); vp == nil || vp["/DisplayDocTitle"] != true {
		t.Errorf("/ViewerPreferences = %v, want /DisplayDocTitle true", cat["/ViewerPreferences"])
	}
	// Work out each page's label from the ranges and compare it with the
	// number printed on the page.
	if len(j.PageLabels) == 0 {
		t.Fatal("no page labels")
	}
	for i, p := range l.pages {
		k := 0
		for k+1 < len(j.PageLabels) && j.PageLabels[k+1].Index <= i {
			k++
		}
		r := j.PageLabels[k]
		st := 1.0
		if v, ok := r.Label["/St"].(float64); ok {
			st = v
		}
		n := int(st) + i - r.Index
		style := r.Label["/S"]
		switch {
		case p.number == 0 && style != "/r":
			t.Errorf("page %d prints no number but is labelled %v %d", i+1, style, n)
		case p.number > 0 && (style != "/D" || n != p.number):
			t.Errorf("page %d prints %d but is labelled %v %d", i+1, p.number, style, n)
		}
	}
}

// TestSubsetTags: every embedded font's name carries a subset tag of six
// capitals, and the same document gets the same tags.
func TestSubsetTags(t *testing.T) {
	pdffonts := testtool.Path(t, "pdffonts")
	_, pdf := render(t, sampleDoc(1, 5))
	out, err := exec.Command(pdffonts, writeTemp(t, pdf)).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	tagged := regexp.MustCompile(`^[A-Z]{6}\+\S+$`)
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
	for _, line := range lines {
		f := strings.Fields(line)
		if !tagged.MatchString(f[0]) {
			t.Errorf("font %q has no subset tag", f[0])
		}
		if len(f) < 6 || f[len(f)-5] != "yes" {
			t.Errorf("pdffonts does not see %q as a subset: %q", f[0], line)
		}
	}
	if len(lines) == 0 {
		t.Fatal("no fonts")
	}
	_, again := render(t, sampleDoc(1, 5))
	if !bytes.Equal(pdf, again) {
		t.Error("the same document gave different bytes")
	}
}
