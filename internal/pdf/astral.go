package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"unicode/utf16"
)

// gopdf writes text outside the page contents as hex code points, which is
// right up to U+FFFF and wrong above, where PDF wants the UTF-16 surrogate
// pair: each font's ToUnicode CMap (what a reader copies, searches and
// reads aloud) has one "<glyph><glyph><code point>" range per glyph, and
// the document information (/Title, /Author) and the bookmarks are
// "<FEFF…>" strings with one group of hex digits per character. 196
// characters of 《通用规范汉字表》 lie above U+FFFF (𬉼, 𠳐 …), so a document
// that holds one is repaired here. Those parts are not compressed; the
// repair lengthens them, so a stream's /Length and the cross-reference
// table's offsets move with it.

// cmapStream is the start of a ToUnicode stream as gopdf writes it.
var cmapStream = regexp.MustCompile(`/Length (\d+)\n>>\nstream\n/CIDInit /ProcSet findresource begin\n`)

// astralRange is a CMap entry whose code point lies above U+FFFF.
var astralRange = regexp.MustCompile(`<([0-9A-F]{4})><([0-9A-F]{4})><([0-9A-F]{5,6})>\n`)

// edit replaces pdf[start:end] with repl.
type edit struct {
	start, end int
	repl       []byte
}

// repairAstral rewrites the CMap entries of characters above U+FFFF as
// surrogate pairs, and the "<FEFF…>" strings gopdf wrote for texts (the
// document's title and author, the bookmarks' titles). A PDF without such
// characters comes back unchanged.
func repairAstral(pdf []byte, texts []string) ([]byte, error) {
	edits, err := toUnicodeEdits(pdf)
	if err != nil {
		return nil, err
	}
	edits = append(edits, stringEdits(pdf, texts)...)
	if len(edits) == 0 {
		return pdf, nil
	}
	return applyEdits(pdf, edits)
}

// hasAstral reports whether s holds a character above U+FFFF.
func hasAstral(s string) bool {
	for _, r := range s {
		if r > 0xFFFF {
			return true
		}
	}
	return false
}

// stringEdits replaces gopdf's "<FEFF…>" for each text with a character
// above U+FFFF by its UTF-16. gopdf writes each character as at least four
// hex digits, which cannot be read back unambiguously, so the texts it was
// given are encoded both ways and the wrong form is looked for.
func stringEdits(pdf []byte, texts []string) []edit {
	var edits []edit
	done := map[string]bool{}
	for _, s := range texts {
		if !hasAstral(s) || done[s] {
			continue
		}
		done[s] = true
		wrong := []byte("<FEFF")
		right := []byte("<FEFF")
		for _, r := range s {
			wrong = fmt.Appendf(wrong, "%04X", r)
		}
		for _, u := range utf16.Encode([]rune(s)) {
			right = fmt.Appendf(right, "%04X", u)
		}
		wrong, right = append(wrong, '>'), append(right, '>')
		for at := 0; ; {
			i := bytes.Index(pdf[at:], wrong)
			if i < 0 {
				break
			}
			edits = append(edits, edit{at + i, at + i + len(wrong), right})
			at += i + len(wrong)
		}
	}
	return edits
}

// toUnicodeEdits are the repairs of the ToUnicode CMaps.
func toUnicodeEdits(pdf []byte) ([]edit, error) {
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
	return edits, nil
}

// xrefTable is gopdf's cross-reference table: a header, then one 20-byte
// line per object, the first the free head of the list.
var xrefTable = regexp.MustCompile(`\nxref\n0 (\d+)\n`)

// startXref is the pointer to the cross-reference table at the end.
var startXref = regexp.MustCompile(`\nstartxref\n(\d+)\n%%EOF\n$`)

// applyEdits applies edits, which do not overlap, and moves every object
// offset in the cross-reference table (and the table's own offset) by what
// the edits before it added. Edits may lie before the table (objects) or
// after it (the trailer, where gopdf writes /Info), never inside it.
func applyEdits(pdf []byte, edits []edit) ([]byte, error) {
	xm := xrefTable.FindAllSubmatchIndex(pdf, -1)
	sm := startXref.FindSubmatchIndex(pdf)
	if len(xm) == 0 || sm == nil {
		return nil, fmt.Errorf("pdf: no cross-reference table where gopdf writes it")
	}
	x := xm[len(xm)-1]
	count, _ := strconv.Atoi(string(pdf[x[2]:x[3]]))
	entries, entriesEnd := x[1], x[1]+20*count
	if entriesEnd > sm[0] {
		return nil, fmt.Errorf("pdf: the cross-reference table is not where gopdf writes it")
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.start - b.start })
	for i, e := range edits {
		if e.start < entriesEnd && e.end > x[0] || i > 0 && e.start < edits[i-1].end || e.end > sm[2] {
			return nil, fmt.Errorf("pdf: overlapping repairs")
		}
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

	// The table's entries and the startxref value become edits themselves.
	table := make([]byte, 0, entriesEnd-entries)
	for i := range count {
		line := pdf[entries+20*i : entries+20*i+20]
		if i == 0 || line[17] != 'n' {
			table = append(table, line...)
			continue
		}
		off, err := strconv.Atoi(string(line[:10]))
		if err != nil {
			return nil, fmt.Errorf("pdf: cross-reference entry %d is unreadable", i)
		}
		table = fmt.Appendf(table, "%010d", off+shift(off))
		table = append(table, line[10:]...)
	}
	xrefAt, _ := strconv.Atoi(string(pdf[sm[2]:sm[3]]))
	all := append(slices.Clone(edits),
		edit{entries, entriesEnd, table},
		edit{sm[2], sm[3], strconv.AppendInt(nil, int64(xrefAt+shift(xrefAt)), 10)})
	slices.SortFunc(all, func(a, b edit) int { return a.start - b.start })

	out := make([]byte, 0, len(pdf)+1024)
	last := 0
	for _, e := range all {
		out = append(out, pdf[last:e.start]...)
		out = append(out, e.repl...)
		last = e.end
	}
	return append(out, pdf[last:]...), nil
}
