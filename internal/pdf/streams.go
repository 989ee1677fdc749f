package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
)

// Stream compression.
//
// gopdf compresses every stream with a zlib writer of its own, about 1 MB
// of tables made for one stream and thrown away; on a 30-page document that
// was a third of the time and three quarters of the memory. So WriteTo has
// gopdf write its streams uncompressed, and compressStreams deflates them
// afterwards with writers kept between documents: the ToUnicode maps, which
// gopdf never compresses, and anything else gopdf leaves raw. The pages'
// content streams are written and deflated as the pages are drawn
// (content.go), and compressStreams puts each in its page's content object.
// The font files, which gopdf always deflates itself, are made and deflated
// in finish instead (fontfile.go) and come through as they are.
//
// compressStreams reads exactly what gopdf writes: objects numbered 1..N in
// order, each "N 0 obj\n…endobj\n\n", one cross-reference section, page
// objects naming one content stream, and uncompressed streams as
// "<<\n/Length L\n>>\nstream\n" + L bytes + "endstream\n". Anything else is
// copied byte for byte. If gopdf's output ever changes shape, it fails with
// an error, never a damaged file (tests check the result with qpdf and
// against the uncompressed streams).

// streamLevel is the deflate level of the streams compressStreams writes.
// BestSpeed: on the 封丘 report's 34 streams (about 0.2 MB of operators
// and ToUnicode maps) the default level made them 9% smaller (39 against
// 43 kB, 1.4% of the file) and took a third more time, most of it in
// clearing its larger tables for every stream.
const streamLevel = zlib.BestSpeed

// zlibWriters keeps deflate writers between documents. A sync.Pool would
// not do: it empties at every other garbage collection, and a document
// allocates enough to collect several times, so most streams would get a
// new writer. One writer per processor is kept (about 0.5 MB each); more
// documents at once than that make the extra writers for themselves.
var zlibWriters = make(chan *zlib.Writer, runtime.GOMAXPROCS(0))

// deflate appends the zlib stream of data to dst. A reset writer gives the
// same bytes as a new one, so reusing writers does not change the output.
func deflate(dst *bytes.Buffer, data []byte) error {
	var zw *zlib.Writer
	select {
	case zw = <-zlibWriters:
		zw.Reset(dst)
	default:
		var err error
		if zw, err = zlib.NewWriterLevel(dst, streamLevel); err != nil {
			return err
		}
	}
	defer func() {
		select {
		case zlibWriters <- zw:
		default:
		}
	}()
	if _, err := zw.Write(data); err != nil {
		return err
	}
	return zw.Close()
}

// rawStreamDict is how gopdf opens an uncompressed content stream or
// ToUnicode map, after "N 0 obj\n".
var rawStreamDict = []byte("<<\n/Length ")

// buffers keeps byte buffers between documents, as zlibWriters keeps
// writers: gopdf's output, the compressed PDF and a stream's scratch space
// would otherwise be grown anew for every document, a megabyte and more of
// allocation each time. A buffer that has grown past maxKeptBuffer (a very
// long document) is left to the garbage collector.
var buffers = make(chan *bytes.Buffer, 3*runtime.GOMAXPROCS(0))

const maxKeptBuffer = 8 << 20

func getBuffer() *bytes.Buffer {
	select {
	case b := <-buffers:
		return b
	default:
		return new(bytes.Buffer)
	}
}

func putBuffer(b *bytes.Buffer) {
	if b.Cap() > maxKeptBuffer {
		return
	}
	b.Reset()
	select {
	case buffers <- b:
	default:
	}
}

// writeCompressed writes a PDF written by gopdf to w, in one Write, with
// its streams deflated. w may not keep the bytes (io.Writer's rule), so
// the buffer they are in is used again.
func writeCompressed(w io.Writer, pdf []byte, pages [][]byte) (int64, error) {
	out := getBuffer()
	defer putBuffer(out)
	if err := compressStreams(out, pdf, pages); err != nil {
		return 0, err
	}
	n, err := w.Write(out.Bytes())
	return int64(n), err
}

// compressStreams writes to out the PDF pdf, written by gopdf, with its
// uncompressed streams deflated and a cross-reference table for the new
// offsets. pages are the pages' own content streams, deflated, in page
// order: each goes in place of the placeholder stream gopdf wrote for its
// page (content.go).
func compressStreams(out *bytes.Buffer, pdf []byte, pages [][]byte) error {
	offsets, xrefAt, trailer, err := gopdfXref(pdf)
	if err != nil {
		return err
	}
	// Deflated streams are smaller, so the output fits in the input's size.
	out.Grow(len(pdf))
	out.Write(pdf[:offsets[0]]) // the header
	newOffsets := make([]int, len(offsets))
	z := getBuffer()
	defer putBuffer(z)
	contentOf := map[int][]byte{} // object number → the stream of its page
	page := 0
	for i, start := range offsets {
		end := xrefAt
		if i+1 < len(offsets) {
			end = offsets[i+1]
		}
		obj := pdf[start:end]
		newOffsets[i] = out.Len()
		head := strconv.AppendInt(nil, int64(i+1), 10)
		head = append(head, " 0 obj\n"...)
		if !bytes.HasPrefix(obj, head) {
			return fmt.Errorf("pdf: gopdf's object %d does not start where its cross-reference says", i+1)
		}
		body := obj[len(head):]
		data, rest, ok, err := rawStream(body)
		if err != nil {
			return fmt.Errorf("pdf: gopdf's object %d: %w", i+1, err)
		}
		if !ok {
			if n, isPage, err := pageContents(body); err != nil {
				return fmt.Errorf("pdf: gopdf's object %d: %w", i+1, err)
			} else if isPage {
				if page == len(pages) {
					return fmt.Errorf("pdf: gopdf wrote more than the %d pages drawn", len(pages))
				}
				contentOf[n] = pages[page]
				page++
			}
			out.Write(obj)
			continue
		}
		stream, isContent := contentOf[i+1]
		if isContent {
			if !bytes.Equal(data, placeholder) {
				return fmt.Errorf("pdf: gopdf drew on a page itself (object %d)", i+1)
			}
			delete(contentOf, i+1)
		} else {
			z.Reset()
			if err := deflate(z, data); err != nil {
				return err
			}
			stream = z.Bytes()
		}
		out.Write(head)
		out.WriteString("<<\n/Filter /FlateDecode\n/Length ")
		out.WriteString(strconv.Itoa(len(stream)))
		out.WriteString("\n>>\nstream\n")
		out.Write(stream)
		out.WriteString("\nendstream\n")
		out.Write(rest)
	}
	if page != len(pages) || len(contentOf) > 0 {
		return fmt.Errorf("pdf: %d pages drawn, %d written by gopdf, %d without their content", len(pages), page, len(contentOf))
	}
	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range newOffsets {
		fmt.Fprintf(out, "%010d 00000 n \n", o)
	}
	out.Write(trailer)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", xref)
	return nil
}

// pageObject is how gopdf begins a page object, after "N 0 obj\n".
var pageObject = []byte("<<\n  /Type /Page\n")

// pageContents reads the content stream's object number from a page object
// as gopdf writes it: "  /Contents  N 0 R \n", one stream to a page.
func pageContents(body []byte) (n int, isPage bool, err error) {
	if !bytes.HasPrefix(body, pageObject) {
		return 0, false, nil
	}
	_, s, found := bytes.Cut(body, []byte("\n  /Contents "))
	if !found {
		return 0, true, errors.New("a page without contents")
	}
	s, _, _ = bytes.Cut(s, []byte("\n"))
	f := bytes.Fields(s)
	if len(f) != 3 || string(f[1]) != "0" || string(f[2]) != "R" {
		return 0, true, fmt.Errorf("page contents %q, not one stream", s)
	}
	if n, err = strconv.Atoi(string(f[0])); err != nil {
		return 0, true, fmt.Errorf("page contents %q", s)
	}
	return n, true, nil
}

// rawStream recognises an uncompressed stream object's body (what follows
// "N 0 obj\n") and splits it into the stream's data and what follows
// "endstream\n". ok is false for any other object.
func rawStream(body []byte) (data, rest []byte, ok bool, err error) {
	if !bytes.HasPrefix(body, rawStreamDict) {
		return nil, nil, false, nil
	}
	s := body[len(rawStreamDict):]
	nl := bytes.IndexByte(s, '\n')
	if nl < 0 {
		return nil, nil, false, errors.New("stream length not ended")
	}
	n, err := strconv.Atoi(string(s[:nl]))
	if err != nil || n < 0 {
		return nil, nil, false, fmt.Errorf("stream length %q", s[:nl])
	}
	s, found := bytes.CutPrefix(s[nl+1:], []byte(">>\nstream\n"))
	if !found {
		return nil, nil, false, errors.New("a stream dictionary with more than /Length")
	}
	if n > len(s) {
		return nil, nil, false, errors.New("stream runs past its object")
	}
	rest, found = bytes.CutPrefix(s[n:], []byte("endstream\n"))
	if !found {
		return nil, nil, false, errors.New("stream not followed by endstream")
	}
	return s[:n], rest, true, nil
}

// gopdfXref reads the cross-reference section gopdf writes at the end: the
// offset of every object, where the section starts, and the trailer from
// "trailer" up to "startxref", which holds no offsets and is kept as it is.
func gopdfXref(pdf []byte) (offsets []int, xrefAt int, trailer []byte, err error) {
	bad := func(what string) ([]int, int, []byte, error) {
		return nil, 0, nil, fmt.Errorf("pdf: gopdf's output has no readable cross-reference table (%s)", what)
	}
	sx := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if sx < 0 {
		return bad("no startxref")
	}
	tail := pdf[sx+len("\nstartxref\n"):]
	nl := bytes.IndexByte(tail, '\n')
	if nl < 0 {
		return bad("startxref not ended")
	}
	xrefAt, err = strconv.Atoi(string(tail[:nl]))
	if err != nil || xrefAt <= 0 || xrefAt > sx {
		return bad("startxref offset")
	}
	if string(tail[nl+1:]) != "%%EOF\n" {
		return bad("no %%EOF at the end")
	}
	s, ok := bytes.CutPrefix(pdf[xrefAt:sx+1], []byte("xref\n0 "))
	if !ok {
		return bad("no xref at startxref")
	}
	nl = bytes.IndexByte(s, '\n')
	if nl < 0 {
		return bad("subsection not ended")
	}
	size, err := strconv.Atoi(string(s[:nl]))
	if err != nil || size < 2 {
		return bad("subsection size")
	}
	s = s[nl+1:]
	const entry = 20 // "oooooooooo ggggg n \n"
	if len(s) < size*entry {
		return bad("short table")
	}
	offsets = make([]int, size-1)
	prev := 0
	for i := range offsets {
		e := s[(i+1)*entry : (i+2)*entry]
		o, err := strconv.Atoi(string(e[:10]))
		if err != nil || string(e[10:]) != " 00000 n \n" || o <= prev || o >= xrefAt {
			return bad("entry " + strconv.Itoa(i+1))
		}
		offsets[i], prev = o, o
	}
	trailer = s[size*entry:]
	if !bytes.HasPrefix(trailer, []byte("trailer\n")) {
		return bad("no trailer")
	}
	return offsets, xrefAt, trailer, nil
}
