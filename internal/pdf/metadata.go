package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"regexp"
	"strconv"
)

// finish adds what gopdf cannot write to its output, and rewrites the
// cross-reference table for the new offsets:
//
//   - in the catalog, /Lang (zh-CN), so screen readers and search read the
//     text as Chinese; /ViewerPreferences /DisplayDocTitle, so the viewer's
//     title bar shows the document title rather than the file name; and
//     /PageLabels that match the printed page numbers (the cover and 目录,
//     which print none, as roman numerals i, ii …);
//   - a subset tag on every embedded font's name (ISO 32000-1 9.6.4,
//     "ABCDEF+NotoSerifSC-Regular"), derived from a hash of the glyphs the
//     subset holds, so the same document gets the same tags;
//   - the font files, in place of the empty ones gopdf wrote from the
//     hollowed faces (fontfile.go).
//
// gopdf writes every object uncompressed apart from stream data, one after
// another, with a classic xref table; finish relies on that and says so
// when it does not hold.
func (l *Layout) finish(pdf []byte) ([]byte, error) {
	objs, err := readObjects(pdf)
	if err != nil {
		return nil, err
	}
	files, err := fontFiles(objs, l.used)
	if err != nil {
		return nil, err
	}
	tags := subsetTags(objs)
	catalog := false
	for _, o := range objs {
		if file, ok := files[o.num]; ok {
			o.body = file
			continue
		}
		if isStream(o) {
			continue // stream data is never touched
		}
		if catalogType.Match(o.body) {
			o.body = catalogEnd.ReplaceAll(o.body, []byte(l.catalogEntries()+"$1"))
			catalog = true
			continue
		}
		if tag := tags[o.num]; tag != "" {
			o.body = fontNameKey.ReplaceAll(o.body, []byte("/${1} /"+tag+"+${2}"))
		}
	}
	if !catalog {
		return nil, fmt.Errorf("pdf: no catalog in gopdf's output")
	}
	return writeObjects(pdf, objs)
}

// catalogEntries are the catalog's new entries, each on its own line.
func (l *Layout) catalogEntries() string {
	return "  /Lang (zh-CN)\n  /ViewerPreferences << /DisplayDocTitle true >>\n  /PageLabels << /Nums [" + l.pageLabels() + "] >>\n"
}

// pageLabels is the /Nums array of the page label tree: a range starts at
// every page where the printed numbering does not simply go on. Pages that
// print no number are counted in lowercase roman numerals.
func (l *Layout) pageLabels() string {
	var b bytes.Buffer
	roman := 0 // unnumbered pages so far
	for i, p := range l.pages {
		switch {
		case p.number == 0:
			roman++
			if i == 0 || l.pages[i-1].number != 0 {
				fmt.Fprintf(&b, "%d << /S /r /St %d >> ", i, roman)
			}
		case i == 0 || l.pages[i-1].number == 0 || l.pages[i-1].number != p.number-1:
			fmt.Fprintf(&b, "%d << /S /D /St %d >> ", i, p.number)
		}
	}
	return string(bytes.TrimSpace(b.Bytes()))
}

var (
	catalogType = regexp.MustCompile(`/Type /Catalog\b`)
	catalogEnd  = regexp.MustCompile(`(>>\s*endobj\s*)$`)
	fontNameKey = regexp.MustCompile(`/(BaseFont|FontName) /([A-Za-z0-9_.\-]+)`)
	cidFont     = regexp.MustCompile(`/Subtype /CIDFontType2\b`)
	descriptor  = regexp.MustCompile(`/FontDescriptor (\d+) 0 R`)
	descendant  = regexp.MustCompile(`/DescendantFonts \[(\d+) 0 R\]`)
	widths      = regexp.MustCompile(`(?s)/W \[.*?\]\s*\n`)
	xrefEntry   = regexp.MustCompile(`(\d{10}) (\d{5}) ([nf])`)
)

// subsetTags gives the subset tag of every font object (the CIDFont, its
// descriptor and the Type0 font above it), by object number. The tag hashes
// the CIDFont's /W array, which lists every glyph in the subset.
func subsetTags(objs []*object) map[int]string {
	tags := map[int]string{}
	for _, o := range objs {
		if isStream(o) || !cidFont.Match(o.body) {
			continue
		}
		sum := sha256.Sum256(widths.Find(o.body))
		tag := make([]byte, 6)
		for i := range tag {
			tag[i] = 'A' + sum[i]%26
		}
		tags[o.num] = string(tag)
		if m := descriptor.FindSubmatch(o.body); m != nil {
			n, _ := strconv.Atoi(string(m[1]))
			tags[n] = string(tag)
		}
	}
	for _, o := range objs {
		if isStream(o) {
			continue
		}
		if m := descendant.FindSubmatch(o.body); m != nil {
			n, _ := strconv.Atoi(string(m[1]))
			if tag := tags[n]; tag != "" {
				tags[o.num] = tag
			}
		}
	}
	return tags
}

// isStream reports an object with stream data, which finish never reads
// into: font files are megabytes.
func isStream(o *object) bool { return bytes.Contains(o.body, []byte("stream\n")) }

// object is one indirect object of the file: its number and its bytes, from
// "N 0 obj" to the start of the next object (or the xref table).
type object struct {
	num  int
	body []byte
}

// readObjects cuts the file into its objects by the offsets of its xref
// table, in file order.
func readObjects(pdf []byte) ([]*object, error) {
	xref := bytes.LastIndex(pdf, []byte("\nxref\n"))
	if xref < 0 {
		return nil, fmt.Errorf("pdf: gopdf's output has no xref table")
	}
	xref++
	type entry struct{ num, off int }
	var entries []entry
	head := pdf[xref:]
	if end := bytes.Index(head, []byte("trailer")); end > 0 {
		head = head[:end]
	}
	// "xref\n0 N\n" then one entry per object from 0.
	for num, m := range xrefEntry.FindAllSubmatch(head, -1) {
		if string(m[3]) != "n" {
			continue
		}
		off, _ := strconv.Atoi(string(m[1]))
		entries = append(entries, entry{num, off})
	}
	objs := make([]*object, len(entries))
	for i, e := range entries {
		end := xref
		if i+1 < len(entries) {
			end = entries[i+1].off
		}
		if e.off >= end || !bytes.HasPrefix(pdf[e.off:], []byte(strconv.Itoa(e.num)+" 0 obj")) {
			return nil, fmt.Errorf("pdf: object %d is not where gopdf's xref table puts it", e.num)
		}
		// The body is pdf's own bytes, not a copy: finish replaces a body
		// it changes (ReplaceAll makes a new slice) and never writes into
		// one, and a copy of every object was a copy of the whole file.
		objs[i] = &object{num: e.num, body: pdf[e.off:end:end]}
	}
	return objs, nil
}

// writeObjects writes the header, the objects and a new xref table and
// trailer (the old trailer, with the new startxref).
func writeObjects(pdf []byte, objs []*object) ([]byte, error) {
	first := len(pdf)
	if len(objs) > 0 {
		first = bytes.Index(pdf, []byte(strconv.Itoa(objs[0].num)+" 0 obj"))
	}
	xref := bytes.LastIndex(pdf, []byte("\nxref\n")) + 1
	trailer := bytes.Index(pdf[xref:], []byte("trailer"))
	start := bytes.LastIndex(pdf, []byte("startxref"))
	if first < 0 || trailer < 0 || start < 0 {
		return nil, fmt.Errorf("pdf: cannot find gopdf's xref table and trailer")
	}
	trailer += xref
	// One buffer of the final size: the objects may have grown (the font
	// files do), and a buffer doubled on the way is a copy of the file more.
	size, length := 0, first
	for _, o := range objs {
		size = max(size, o.num+1)
		length += len(o.body)
	}
	var out bytes.Buffer
	out.Grow(length + 20*(size+1) + start - trailer + 64)
	out.Write(pdf[:first])
	offsets := make(map[int]int, len(objs))
	for _, o := range objs {
		offsets[o.num] = out.Len()
		out.Write(o.body)
	}
	at := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for n := 1; n < size; n++ {
		if off, ok := offsets[n]; ok {
			fmt.Fprintf(&out, "%010d 00000 n \n", off)
		} else {
			out.WriteString("0000000000 65535 f \n")
		}
	}
	out.Write(pdf[trailer:start])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", at)
	return out.Bytes(), nil
}
