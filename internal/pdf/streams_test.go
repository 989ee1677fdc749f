package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/internal/testtool"
)

// rawPDF is what gopdf writes for a sample document with no compression:
// the input compressStreams is made for.
func rawPDF(t *testing.T) []byte {
	t.Helper()
	l, err := Lay(sampleDoc(1, 30), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := writeBare(&buf, l, zlib.NoCompression); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// compress runs compressStreams into a new buffer.
func compress(pdf []byte) ([]byte, error) {
	var out bytes.Buffer
	err := compressStreams(&out, pdf)
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
	raw := rawPDF(t)
	got, err := compress(raw)
	if err != nil {
		t.Fatal(err)
	}
	before, after := streams(t, raw), streams(t, got)
	if len(before) < 6 || len(after) != len(before) {
		t.Fatalf("%d streams before, %d after", len(before), len(after))
	}
	deflated, rawSize, deflatedSize := 0, 0, 0
	for n, b := range before {
		a := after[n]
		if bytes.Contains(b[0], []byte("/Filter")) { // a font file: gopdf's own deflate
			if !bytes.Equal(a[0], b[0]) || !bytes.Equal(a[1], b[1]) {
				t.Errorf("object %d, compressed by gopdf, was changed", n)
			}
			continue
		}
		if !bytes.Contains(a[0], []byte("/Filter /FlateDecode")) {
			t.Errorf("object %d left uncompressed: %q", n, a[0])
			continue
		}
		zr, err := zlib.NewReader(bytes.NewReader(a[1]))
		if err != nil {
			t.Fatalf("object %d: %v", n, err)
		}
		data, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(data, b[1]) {
			t.Errorf("object %d does not inflate to gopdf's stream (err %v)", n, err)
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
	raw := rawPDF(t)
	first, err := compress(raw)
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
	again, err := compress(bytes.Clone(raw))
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
	raw := rawPDF(t)
	// A stream whose /Length runs past its object; an entry that points
	// elsewhere; a truncated file.
	longer := bytes.Replace(raw, []byte("<<\n/Length "), []byte("<<\n/Length 9"), 1)
	offsets, _, _, err := gopdfXref(raw)
	if err != nil {
		t.Fatal(err)
	}
	moved := bytes.Replace(raw, []byte(strconv.Itoa(len(offsets))+" 0 obj\n"), []byte(strconv.Itoa(len(offsets))+"  0 obj"), 1)
	cases := map[string][]byte{"long stream": longer, "misplaced object": moved, "empty": nil}
	for _, cut := range []int{10, len(raw) / 3, len(raw) - 200, len(raw) - 30, len(raw) - 5} {
		cases["cut at "+strconv.Itoa(cut)] = raw[:cut]
	}
	for name, in := range cases {
		if out, err := compress(in); err == nil {
			t.Errorf("%s: no error (%d bytes out)", name, len(out))
		}
	}
}
