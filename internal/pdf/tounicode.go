package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf16"
)

// gopdf writes each font's ToUnicode CMap (what a reader copies, searches
// and reads aloud) with one "<glyph><glyph><code point>" range per glyph,
// the code point as hex digits: right up to U+FFFF, wrong above, where
// the CMap needs the UTF-16 surrogate pair. 196 characters of
// 《通用规范汉字表》 lie there (𬉼, 𠳐 …), so a document that draws one has
// its CMaps repaired here. The CMap streams are not compressed; the repair
// lengthens them, so each stream's /Length and the cross-reference table's
// offsets move with it.

// cmapStream is the start of a ToUnicode stream as gopdf writes it.
var cmapStream = regexp.MustCompile(`/Length (\d+)\n>>\nstream\n/CIDInit /ProcSet findresource begin\n`)

// astralRange is a CMap entry whose code point lies above U+FFFF.
var astralRange = regexp.MustCompile(`<([0-9A-F]{4})><([0-9A-F]{4})><([0-9A-F]{5,6})>\n`)

// edit replaces pdf[start:end] with repl.
type edit struct {
	start, end int
	repl       []byte
}

// repairToUnicode rewrites the CMap entries of characters above U+FFFF as
// surrogate pairs. A PDF without such entries comes back unchanged.
func repairToUnicode(pdf []byte) ([]byte, error) {
	var edits []edit
	for _, m := range cmapStream.FindAllSubmatchIndex(pdf, -1) {
		n, err := strconv.Atoi(string(pdf[m[2]:m[3]]))
		if err != nil || m[1]-len("/CIDInit /ProcSet findresource begin\n")+n > len(pdf) {
			return nil, fmt.Errorf("pdf: a ToUnicode stream has an unreadable length")
		}
		start := m[1] - len("/CIDInit /ProcSet findresource begin\n")
		stream := pdf[start : start+n]
		fixed := astralRange.ReplaceAllFunc(stream, func(line []byte) []byte {
			sub := astralRange.FindSubmatch(line)
			cp, _ := strconv.ParseUint(string(sub[3]), 16, 32)
			hi, lo := utf16.EncodeRune(rune(cp))
			if hi == '\uFFFD' { // not a code point: leave what gopdf wrote
				return line
			}
			return fmt.Appendf(nil, "<%s><%s><%04X%04X>\n", sub[1], sub[2], hi, lo)
		})
		if bytes.Equal(fixed, stream) {
			continue
		}
		edits = append(edits,
			edit{m[2], m[3], strconv.AppendInt(nil, int64(len(fixed)), 10)},
			edit{start, start + n, fixed})
	}
	if len(edits) == 0 {
		return pdf, nil
	}
	return applyEdits(pdf, edits)
}

// xrefTable is gopdf's cross-reference table: a header, then one 20-byte
// line per object, the first the free head of the list.
var xrefTable = regexp.MustCompile(`\nxref\n0 (\d+)\n`)

// startXref is the pointer to the cross-reference table at the end.
var startXref = regexp.MustCompile(`\nstartxref\n(\d+)\n%%EOF\n$`)

// applyEdits applies edits, which are in file order, do not overlap and all
// lie before the cross-reference table, and moves every object offset in
// the table (and the table's own offset) by what the edits before it added.
func applyEdits(pdf []byte, edits []edit) ([]byte, error) {
	xm := xrefTable.FindAllSubmatchIndex(pdf, -1)
	sm := startXref.FindSubmatchIndex(pdf)
	if len(xm) == 0 || sm == nil {
		return nil, fmt.Errorf("pdf: no cross-reference table where gopdf writes it")
	}
	x := xm[len(xm)-1]
	count, _ := strconv.Atoi(string(pdf[x[2]:x[3]]))
	entries := x[1]
	if entries+20*count > len(pdf) || edits[len(edits)-1].end > x[0] {
		return nil, fmt.Errorf("pdf: the cross-reference table is not where gopdf writes it")
	}
	shift := func(off int) int { // how far the edits before off move it
		d := 0
		for _, e := range edits {
			if e.start < off {
				d += len(e.repl) - (e.end - e.start)
			}
		}
		return d
	}

	out := make([]byte, 0, len(pdf)+1024)
	last := 0
	for _, e := range edits {
		out = append(out, pdf[last:e.start]...)
		out = append(out, e.repl...)
		last = e.end
	}
	out = append(out, pdf[last:entries]...)
	for i := range count {
		line := pdf[entries+20*i : entries+20*i+20]
		if i == 0 || line[17] != 'n' {
			out = append(out, line...)
			continue
		}
		off, err := strconv.Atoi(string(line[:10]))
		if err != nil {
			return nil, fmt.Errorf("pdf: cross-reference entry %d is unreadable", i)
		}
		out = fmt.Appendf(out, "%010d", off+shift(off))
		out = append(out, line[10:]...)
	}
	out = append(out, pdf[entries+20*count:sm[2]]...)
	xrefAt, _ := strconv.Atoi(string(pdf[sm[2]:sm[3]]))
	out = strconv.AppendInt(out, int64(xrefAt+shift(xrefAt)), 10)
	out = append(out, pdf[sm[3]:]...)
	return out, nil
}
