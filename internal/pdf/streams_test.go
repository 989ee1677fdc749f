package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/internal/testtool"
)

// rawPDF is what WriteTo hands compressStreams for a sample document: the
// file gopdf writes, uncompressed, with placeholder page contents, and the
// pages' own content streams.
func rawPDF(t *testing.T) (raw []byte, pages [][]byte) {
	t.Helper()
	l, err := Lay(sampleDoc(2, 30), Options{})
	if err != nil {
		t.Fatal(err)
	}
	raw, pages, err = l.draw(new(bytes.Buffer))
	if err != nil {
		t.Fatal(err)
	}
	return raw, pages
}

// compress runs compressStreams into a new buffer.
func compress(pdf []byte, pages [][]byte) ([]byte, error) {
	var out bytes.Buffer
	err := compressStreams(&out, pdf, pages)
	return out.Bytes(), err
}

var streamObject = regexp.MustCompile(`(?s)\n(\d+) 0 obj\n<<\n([^>]*)>>\nstream\n`)

// streams maps object number to the stream's dictionary and data, found
// through the /Length of each stream.
func streams(t *testing.T, pdf []byte) map[int][2][]byte {
	t.Helper()
	out := map[int][2][]byte{}
	for _, m := range streamObject.FindAllSubmatchIndex(pdf, -1) {
		n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
		dict := pdf[m[4]:m[5]]
		lm := regexp.MustCompile(`/Length (\d+)`).FindSubmatch(dict)
		if lm == nil {
			t.Fatalf("object %d: stream without /Length: %q", n, dict)
		}
		l, _ := strconv.Atoi(string(lm[1]))
		out[n] = [2][]byte{dict, pdf[m[1] : m[1]+l]}
	}
	return out
}

// inflated is the PDF's bytes followed by every deflated stream inflated,
// for tests that look for what a stream holds.
func inflated(t *testing.T, pdf []byte) string {
	t.Helper()
	var b strings.Builder
	b.Write(pdf)
	for n, s := range streams(t, pdf) {
		if !bytes.Contains(s[0], []byte("/FlateDecode")) {
			continue
		}
		zr, err := zlib.NewReader(bytes.NewReader(s[1]))
		if err != nil {
			t.Fatalf("object %d: %v", n, err)
		}
		data, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("object %d: %v", n, err)
		}
		b.Write(data)
	}
	return b.String()
}

func TestCompressStreamsDeflatesEveryRawStreamLosslessly(t *testing.T) {
	raw, pages := rawPDF(t)
	if len(pages) < 2 {
		t.Fatalf("the sample has %d pages; the test needs more than one", len(pages))
	}
	got, err := compress(raw, pages)
	if err != nil {
		t.Fatal(err)
	}
	before, after := streams(t, raw), streams(t, got)
	if len(before) < 6 || len(after) != len(before) {
		t.Fatalf("%d streams before, %d after", len(before), len(after))
	}
	// The pages' placeholders, in page order: object numbers ascend with
	// the pages.
	var contents []int
	for n, b := range before {
		if bytes.Equal(b[1], placeholder) {
			contents = append(contents, n)
		}
	}
	slices.Sort(contents)
	if len(contents) != len(pages) {
		t.Fatalf("%d placeholder streams for %d pages", len(contents), len(pages))
	}
	for i, n := range contents {
		if !bytes.Equal(after[n][1], pages[i]) {
			t.Errorf("object %d holds other bytes than page %d's content stream", n, i+1)
		}
		if !bytes.HasPrefix(inflate(t, pages[i]), placeholder) {
			t.Errorf("page %d's content stream does not start with the placeholder's line width", i+1)
		}
		delete(before, n)
	}
	deflated, rawSize, deflatedSize := 0, 0, 0
	for _, p := range pages {
		rawSize += len(inflate(t, p))
		deflatedSize += len(p)
	}
	for n, b := range before {
		a := after[n]
		if bytes.Contains(b[0], []byte("/Filter")) { // a font file, deflated by finish
			if !bytes.Equal(a[0], b[0]) || !bytes.Equal(a[1], b[1]) {
				t.Errorf("object %d, compressed before, was changed", n)
			}
			continue
		}
		if !bytes.Contains(a[0], []byte("/Filter /FlateDecode")) {
			t.Errorf("object %d left uncompressed: %q", n, a[0])
			continue
		}
		if data := inflate(t, a[1]); !bytes.Equal(data, b[1]) {
			t.Errorf("object %d does not inflate to gopdf's stream", n)
		}
		deflated++
		rawSize += len(b[1])
		deflatedSize += len(a[1])
	}
	if deflated < 4 {
		t.Errorf("only %d streams deflated", deflated)
	}
	if deflatedSize >= rawSize/3 {
		t.Errorf("streams of %d bytes deflated to %d", rawSize, deflatedSize)
	}

	// Every cross-reference entry points at its object.
	offsets, _, _, err := gopdfXref(got)
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range offsets {
		if !bytes.HasPrefix(got[o:], []byte(strconv.Itoa(i+1)+" 0 obj\n")) {
			t.Errorf("xref entry %d points at %q", i+1, got[o:min(o+12, len(got))])
		}
	}
	file := writeTemp(t, got)
	if out, err := exec.Command(testtool.Path(t, "qpdf"), "--check", file).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
}

// Writers are reused between documents; a reused writer must write what a
// new one writes, or the output would depend on what was made before.
func TestCompressStreamsSameBytesWhateverCameBefore(t *testing.T) {
	raw, pages := rawPDF(t)
	first, err := compress(raw, pages)
	if err != nil {
		t.Fatal(err)
	}
	// Other data through the writers in between.
	var scratch bytes.Buffer
	for i := range 3 {
		if err := deflate(&scratch, bytes.Repeat([]byte{byte(i)}, 100000)); err != nil {
			t.Fatal(err)
		}
	}
	again, err := compress(bytes.Clone(raw), pages)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again) {
		t.Fatal("the same PDF compressed twice differs")
	}
	// And with a writer made for the purpose.
	for n, s := range streams(t, first) {
		if bytes.Contains(s[0], []byte("/Length1")) {
			continue
		}
		zr, _ := zlib.NewReader(bytes.NewReader(s[1]))
		data, _ := io.ReadAll(zr)
		var fresh bytes.Buffer
		zw, _ := zlib.NewWriterLevel(&fresh, streamLevel)
		zw.Write(data)
		zw.Close()
		if !bytes.Equal(fresh.Bytes(), s[1]) {
			t.Errorf("object %d: a reused writer wrote other bytes than a new one", n)
		}
	}
}

// Input that is not what gopdf writes gives an error, never a panic or a
// damaged file.
func TestCompressStreamsRejectsWhatGopdfDoesNotWrite(t *testing.T) {
	raw, pages := rawPDF(t)
	// A stream whose /Length runs past its object; an entry that points
	// elsewhere; a truncated file.
	longer := bytes.Replace(raw, []byte("<<\n/Length "), []byte("<<\n/Length 9"), 1)
	offsets, _, _, err := gopdfXref(raw)
	if err != nil {
		t.Fatal(err)
	}
	moved := bytes.Replace(raw, []byte(strconv.Itoa(len(offsets))+" 0 obj\n"), []byte(strconv.Itoa(len(offsets))+"  0 obj"), 1)
	// Something drawn on a page through gopdf, beside its own stream: the
	// placeholder changed, at the same length.
	page1 := []byte("\nstream\n" + string(placeholder) + "endstream\n")
	drawnOn := bytes.Replace(raw, page1, bytes.Replace(page1, []byte("0.50"), []byte("1.50"), 1), 1)
	for _, changed := range [][]byte{longer, moved, drawnOn} {
		if bytes.Equal(changed, raw) {
			t.Fatal("a change to the file did not take")
		}
	}
	type input struct {
		pdf   []byte
		pages [][]byte
	}
	cases := map[string]input{
		"long stream":         {longer, pages},
		"misplaced object":    {moved, pages},
		"empty":               {nil, pages},
		"drawn by gopdf":      {drawnOn, pages},
		"a page too few":      {raw, pages[1:]},
		"a page too many":     {raw, append(slices.Clone(pages), pages[0])},
		"no pages of its own": {raw, nil},
	}
	for _, cut := range []int{10, len(raw) / 3, len(raw) - 200, len(raw) - 30, len(raw) - 5} {
		cases["cut at "+strconv.Itoa(cut)] = input{raw[:cut], pages}
	}
	for name, c := range cases {
		if out, err := compress(c.pdf, c.pages); err == nil {
			t.Errorf("%s: no error (%d bytes out)", name, len(out))
		}
	}
}

// inflate is the data of a zlib stream.
func inflate(t *testing.T, z []byte) []byte {
	t.Helper()
	zr, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
