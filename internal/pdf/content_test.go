package pdf

import (
	"bytes"
	"math"
	"regexp"
	"strconv"
	"testing"

	"github.com/signintech/gopdf"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/fonts"
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
	var stroked, justified, landscape bool
	for i, got := range contentBothWays(t, l.used, l.pages) {
		p := l.pages[i]
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

// contentBothWays draws pages, whose text is in the faces used, with the
// content writer and through gopdf's drawing calls, fails the test where a
// page's streams differ, and returns the content writer's.
func contentBothWays(t *testing.T, used []*fonts.Face, pages []*page) [][]byte {
	t.Helper()
	want := gopdfPageStreams(t, used, pages)
	gp := newGopdf(t, used)
	tell := newTeller(gp, used)
	for _, p := range pages {
		gp.AddPageWithOption(gopdf.PageOption{PageSize: &gopdf.Rect{W: p.w, H: p.h}})
		if err := tell.page(p); err != nil {
			t.Fatal(err)
		}
	}
	streams, err := writePages(pages, tell.number)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for i, z := range streams {
		got := inflate(t, z)
		if !bytes.Equal(got, want[i]) {
			t.Errorf("page %d: the content stream differs from gopdf's\nours:  %.300q\ngopdf: %.300q", i+1, got, want[i])
		}
		out = append(out, got)
	}
	return out
}

// newGopdf is a gopdf document with the faces registered, as WriteTo
// makes it.
func newGopdf(t *testing.T, used []*fonts.Face) *gopdf.GoPdf {
	t.Helper()
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: *gopdf.PageSizeA4})
	gp.SetNoCompression()
	for _, f := range used {
		if err := register(gp, f); err != nil {
			t.Fatal(err)
		}
	}
	return gp
}

// gopdfPageStreams draws the pages through gopdf's drawing calls and
// returns each page's content stream as gopdf writes it.
func gopdfPageStreams(t *testing.T, used []*fonts.Face, pages []*page) [][]byte {
	t.Helper()
	gp := newGopdf(t, used)
	for _, p := range pages {
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
	if len(out) != len(pages) {
		t.Fatalf("gopdf wrote %d pages of %d", len(out), len(pages))
	}
	return out
}

// FuzzContentAsGopdf draws any text in the embedded faces, at any size,
// spacing, place and stroke, with rules and a table frame, both ways.
func FuzzContentAsGopdf(f *testing.F) {
	f.Add("2023年度收入预算540.82万元，（一）“引号”𬉼𠳐 abc", 16.0, -0.207, 79.37, 669.03, 0.072, false)
	f.Add("科目编码\t合计", 9.0, 0.0, -5.0, 1e6, 12.5, true)
	f.Add("科目", -1.0, -1.0, 0.0, 0.0, 0.0, false) // gopdf's way once took -1 for "no spacing set yet"
	faces := []*fonts.Face{fonts.SerifFace(), fonts.SerifBoldFace(), fonts.SansFace(), fonts.KaiFace()}
	f.Fuzz(func(t *testing.T, s string, size, tc, x, y, stroke float64, landscape bool) {
		for _, v := range []float64{size, tc, x, y, stroke} {
			if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e7 {
				return // layout makes finite positions on a page
			}
		}
		// The reference's stroke markers hold widths that print in one digit
		// and two decimals (layout's are under 1 pt); a wider one stays a
		// dash pattern there.
		stroke = math.Mod(math.Abs(stroke), 9.99)
		p := &page{w: 595.28, h: 841.89}
		if landscape {
			p.w, p.h = p.h, p.w
		}
		// Runs as layout makes them, each in a face that has its
		// characters; which face draws a character is taken from its code,
		// so that the faces change often.
		var runs []textItem
		for _, r := range s {
			var face *fonts.Face
			for i := range faces {
				if f := faces[(int(r)+i)%len(faces)]; f.Has(r) {
					face = f
					break
				}
			}
			if face == nil {
				continue
			}
			if n := len(runs); n > 0 && runs[n-1].face == face {
				runs[n-1].s += string(r)
				continue
			}
			i := float64(len(runs))
			runs = append(runs, textItem{face: face, size: size + i, tc: tc, x: x + 10*i, y: y, s: string(r), stroke: stroke * float64(len(runs)%2)})
		}
		p.texts = runs
		p.rules = []rule{{x, y, x + size, y}, {x, y, x, y + tc}, {x + size, y, x + 2*size, y}}
		cell := cellBox{x0: 0, x1: math.Abs(size), y0: 0, y1: 10, lines: []cellLine{{texts: runs}}}
		p.bands = []placedBand{{band: band{h: 10, cells: []cellBox{cell}}, x: x, y: y}}
		contentBothWays(t, faces, []*page{p})
	})
}
