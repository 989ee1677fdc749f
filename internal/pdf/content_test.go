package pdf

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"

	"github.com/signintech/gopdf"

	"github.com/budgetdoc/budgetdoc/doc"
)

// The content writer writes, page for page, the bytes gopdf's drawing calls
// write: rules and frames, text in every face and size, justified text
// (Tc), stroked 楷体, characters above U+FFFF, portrait and landscape pages.
func TestContentAsGopdf(t *testing.T) {
	d := sampleDoc(2, 40)
	d.Blocks = append(d.Blocks, &doc.Paragraph{Style: doc.ParagraphBody, Text: "生僻字𬉼𠳐与“引号”、（括号）。"})
	l, err := Lay(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := gopdfPageStreams(t, l)

	gp := newGopdf(t, l)
	cw := newContentWriter(gp, l.used)
	var stroked, justified, landscape bool
	for i, p := range l.pages {
		gp.AddPageWithOption(gopdf.PageOption{PageSize: &gopdf.Rect{W: p.w, H: p.h}})
		z, err := cw.page(p)
		if err != nil {
			t.Fatal(err)
		}
		got := inflate(t, z)
		if !bytes.Equal(got, want[i]) {
			t.Errorf("page %d: the content stream differs from gopdf's\nours:  %.300q\ngopdf: %.300q", i+1, got, want[i])
		}
		stroked = stroked || bytes.Contains(got, []byte("q 2 Tr "))
		for _, m := range charSpacing.FindAllSubmatch(got, -1) {
			justified = justified || string(m[1]) != "0"
		}
		landscape = landscape || p.w > p.h
	}
	if !stroked || !landscape || !justified {
		t.Errorf("the sample lacks a case: stroked text %v, landscape page %v, justified text %v", stroked, landscape, justified)
	}
}

var charSpacing = regexp.MustCompile(` Tf (\S+) Tc\n`)

// newGopdf is a gopdf document with l's faces registered, as WriteTo makes
// it.
func newGopdf(t *testing.T, l *Layout) *gopdf.GoPdf {
	t.Helper()
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: gopdf.Rect{W: l.format.PageWidth, H: l.format.PageHeight}})
	gp.SetNoCompression()
	for _, f := range l.used {
		if err := register(gp, f); err != nil {
			t.Fatal(err)
		}
	}
	return gp
}

// gopdfPageStreams draws l's pages through gopdf's drawing calls and
// returns each page's content stream as gopdf writes it.
func gopdfPageStreams(t *testing.T, l *Layout) [][]byte {
	t.Helper()
	gp := newGopdf(t, l)
	for _, p := range l.pages {
		gp.AddPageWithOption(gopdf.PageOption{PageSize: &gopdf.Rect{W: p.w, H: p.h}})
		gopdfDrawRules(gp, p)
		if err := gopdfDrawPage(gp, p); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := gp.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	strokeText(raw)
	offsets, _, _, err := gopdfXref(raw)
	if err != nil {
		t.Fatal(err)
	}
	all := streams(t, raw)
	var out [][]byte
	for i, o := range offsets {
		body := raw[o+len(strconv.Itoa(i+1)+" 0 obj\n"):]
		if n, isPage, err := pageContents(body); err != nil {
			t.Fatal(err)
		} else if isPage {
			out = append(out, all[n][1])
		}
	}
	if len(out) != len(l.pages) {
		t.Fatalf("gopdf wrote %d pages of %d", len(out), len(l.pages))
	}
	return out
}
