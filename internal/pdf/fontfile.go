package pdf

import (
	"encoding/binary"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"sync"

	"github.com/signintech/gopdf"

	"github.com/budgetdoc/budgetdoc/fonts"
)

// Font files.
//
// gopdf v0.33.0 builds each embedded font's subset and deflates it itself
// (PdfDictionaryObj.write), with a new writer at the default level whatever
// SetCompressLevel says, and no hook reaches that object. On the 封丘
// report that was the largest single cost of the PDF: 19 ms and 4 MB of
// the writers' tables. So gopdf is given each face hollowed out (hollow):
// every glyph empty. Everything gopdf reads (cmap, hmtx, head, OS/2, name,
// post) is the face's own, so the glyph numbers, the /W widths and the
// descriptor it writes are what the face gives; only its font file is
// empty, and cheap to make.
// finish then puts the real font file in its place, built here the way
// gopdf's makeFont builds it, from the glyphs the CIDFont's /W array
// lists, and deflated with the kept writers (streams.go) at streamLevel.
//
// The font file is byte for byte what gopdf would have embedded (a test
// builds both), except where gopdf was wrong: it takes the components of a
// composite glyph but not the components of those, and fontFile takes
// them all.

// hollow returns a copy of the face's data for gopdf: every loca entry
// zero, so every glyph has no outline; the tables gopdf only copies into
// its font file (hmtx, cvt, fpgm, prep) recorded as empty in the table
// directory; and no glyphs in maxp, which gopdf reads only to size its
// font file's loca and to repeat the last width past hhea's count (its
// widths lookup takes the last one itself). gopdf reads hmtx by the count
// hhea gives, from the table's offset, never by its length, so the widths
// it reads are the face's.
//
// The glyf table, most of a face and never read once loca is zero, is left
// out where it lies before the cmap table: gopdf reads some glyph ids of a
// cmap from wherever they point, even past the table (fonts/cmap.go), so
// the bytes from the cmap to the end of the file stay as they are.
//
// Where the glyf table shares its bytes with the table directory or with
// any table the directory lists (a damaged or crafted face), it is kept.
func (f *face) hollow() []byte {
	glyf := f.tables["glyf"]
	n := int(binary.BigEndian.Uint16(f.data[4:]))
	if glyf.offset+glyf.length > f.tables["cmap"].offset || glyf.length == 0 || glyf.offset < uint32(12+16*n) {
		glyf.length = 0 // kept
	}
	for i := range n {
		r := f.data[12+16*i:]
		t := sfntTable{offset: binary.BigEndian.Uint32(r[8:]), length: binary.BigEndian.Uint32(r[12:])}
		if (string(r[:4]) != "glyf" || t.offset != glyf.offset) && t.offset < glyf.offset+glyf.length && t.offset+t.length > glyf.offset {
			glyf.length = 0 // another table in the same bytes: kept
		}
	}
	cut := glyf.offset + glyf.length
	out := slices.Concat(f.data[:glyf.offset], f.data[cut:])
	if loca, ok := f.tables["loca"]; ok {
		at := loca.offset
		if at >= cut {
			at -= glyf.length
		}
		clear(out[at : at+loca.length])
	}
	for i := range n {
		r := out[12+16*i:]
		switch off := binary.BigEndian.Uint32(r[8:]); {
		case string(r[:4]) == "glyf" && off == glyf.offset:
			binary.BigEndian.PutUint32(r[12:], binary.BigEndian.Uint32(r[12:])-glyf.length)
		case off >= cut:
			binary.BigEndian.PutUint32(r[8:], off-glyf.length)
		}
		switch string(r[:4]) {
		case "hmtx", "cvt ", "fpgm", "prep":
			binary.BigEndian.PutUint32(r[12:], 0)
		case "maxp":
			// numGlyphs, where the table is long enough to hold it
			if at := uint64(binary.BigEndian.Uint32(r[8:])) + 4; at+2 <= uint64(len(out)) && binary.BigEndian.Uint32(r[12:]) >= 6 {
				binary.BigEndian.PutUint16(out[at:], 0)
			}
		}
	}
	return out
}

// sfntTable is one record of a TrueType table directory.
type sfntTable struct {
	checksum, offset, length uint32
}

// sfntTables reads a TrueType table directory. A repeated tag keeps its
// last record, as gopdf's parser does.
func sfntTables(data []byte) (map[string]sfntTable, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("font file of %d bytes", len(data))
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, fmt.Errorf("table directory of %d tables runs past the end of the file", n)
	}
	t := make(map[string]sfntTable, n)
	for i := range n {
		r := data[12+16*i:]
		e := sfntTable{
			checksum: binary.BigEndian.Uint32(r[4:]),
			offset:   binary.BigEndian.Uint32(r[8:]),
			length:   binary.BigEndian.Uint32(r[12:]),
		}
		if uint64(e.offset)+uint64(e.length) > uint64(len(data)) {
			return nil, fmt.Errorf("table %q lies past the end of the file", r[:4])
		}
		t[string(r[:4])] = e
	}
	return t, nil
}

// face is a TrueType face as its font files and its ink boxes
// (optical.go) read it.
type face struct {
	data   []byte
	tables map[string]sfntTable
	loca   []uint32 // glyph i's outline is glyf[loca[i]:loca[i+1]]
	short  bool     // loca holds offsets / 2 in 16 bits
	upem   float64
}

// faces holds each face read once per process.
var faces sync.Map // *fonts.Face → *faceOnce

type faceOnce struct {
	once sync.Once
	f    *face
	err  error
}

// faceOf reads f, once.
func faceOf(f *fonts.Face) (*face, error) {
	v, _ := faces.LoadOrStore(f, &faceOnce{})
	o := v.(*faceOnce)
	o.once.Do(func() { o.f, o.err = readFace(f.Data()) })
	return o.f, o.err
}

func readFace(data []byte) (*face, error) {
	t, err := sfntTables(data)
	if err != nil {
		return nil, err
	}
	head, maxp, loca, glyf := t["head"], t["maxp"], t["loca"], t["glyf"]
	if head.length < 54 || maxp.length < 6 {
		return nil, fmt.Errorf("head or maxp table missing or too short")
	}
	f := &face{data: data, tables: t, short: binary.BigEndian.Uint16(data[head.offset+50:]) == 0,
		upem: float64(binary.BigEndian.Uint16(data[head.offset+18:]))}
	numGlyphs := int(binary.BigEndian.Uint16(data[maxp.offset+4:]))
	entry := 4
	if f.short {
		entry = 2
	}
	// gopdf's font file has numGlyphs+1 loca entries whatever the face's
	// loca holds; entries past its end, or past the glyf table, are read
	// as the end of the glyf table: an empty glyph.
	f.loca = make([]uint32, numGlyphs+1)
	for i := range f.loca {
		at := loca.offset + uint32(i*entry)
		o := glyf.length
		switch {
		case at+uint32(entry) > loca.offset+loca.length:
		case f.short:
			o = 2 * uint32(binary.BigEndian.Uint16(data[at:]))
		default:
			o = binary.BigEndian.Uint32(data[at:])
		}
		f.loca[i] = min(o, glyf.length)
	}
	return f, nil
}

// outline is glyph g's entry in the glyf table; empty for a glyph with no
// outline, a number past the font's glyphs, or loca entries out of order.
func (f *face) outline(g int) []byte {
	if g < 0 || g+1 >= len(f.loca) || f.loca[g] > f.loca[g+1] {
		return nil
	}
	glyf := f.tables["glyf"].offset
	return f.data[glyf+f.loca[g] : glyf+f.loca[g+1]]
}

// Composite glyph flags (OpenType glyf table).
const (
	argsAreWords  = 0x0001
	haveScale     = 0x0008
	moreParts     = 0x0020
	haveXYScale   = 0x0040
	haveTwoByTwo  = 0x0080
	compositeHead = 10 // numberOfContours and the bounding box
)

// closure is glyphs with glyph 0 (.notdef, which every font file must
// have) and every component of a composite glyph among them, sorted and
// without repeats.
func (f *face) closure(glyphs []int) []int {
	seen := map[int]bool{0: true}
	all := []int{0}
	queue := slices.Clone(glyphs)
	for len(queue) > 0 {
		g := queue[0]
		queue = queue[1:]
		if !seen[g] {
			seen[g] = true
			all = append(all, g)
		}
		o := f.outline(g)
		if len(o) < compositeHead || int16(binary.BigEndian.Uint16(o)) >= 0 {
			continue // a simple glyph, or none
		}
		for p := compositeHead; p+4 <= len(o); {
			flags := binary.BigEndian.Uint16(o[p:])
			part := int(binary.BigEndian.Uint16(o[p+2:]))
			if !seen[part] {
				queue = append(queue, part)
			}
			if flags&moreParts == 0 {
				break
			}
			p += 4 + 2
			if flags&argsAreWords != 0 {
				p += 2
			}
			switch {
			case flags&haveScale != 0:
				p += 2
			case flags&haveXYScale != 0:
				p += 4
			case flags&haveTwoByTwo != 0:
				p += 8
			}
		}
	}
	slices.Sort(all)
	return all
}

// fileTables are the tables of the font file, in the order they are
// written (sorted by tag); a table the face lacks is written empty.
var fileTables = []string{"cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"}

// fontFile appends to dst the TrueType font file embedded for glyphs of
// the face: all its glyph numbers kept, the outlines of the glyphs used
// (and the glyphs they are made of) and no others, and the tables a PDF
// reader needs to draw them (ISO 32000-1 9.9: cmap, name, OS/2 and post are
// not needed).
func (f *face) fontFile(dst []byte, glyphs []int) []byte {
	used := f.closure(glyphs)
	glyfLength := 0
	for _, g := range used {
		glyfLength += len(f.outline(g))
	}
	locaEntry := 4
	if f.short {
		locaEntry = 2
	}
	locaLength := uint32(len(f.loca) * locaEntry)

	n := len(fileTables)
	size := 12 + 16*n
	for _, tag := range fileTables {
		switch tag {
		case "glyf":
			size += int(pad4(uint32(glyfLength)))
		case "loca":
			size += int(pad4(locaLength))
		default:
			size += int(pad4(f.tables[tag].length))
		}
	}
	out := slices.Grow(dst[:0], size)[:12+16*n]
	sel := 0 // floor(log2(n)), the directory's entrySelector
	for 2<<sel <= n {
		sel++
	}
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16<<sel))
	binary.BigEndian.PutUint16(out[8:], uint16(sel))
	binary.BigEndian.PutUint16(out[10:], uint16((n-1<<sel)*16))
	var loca []uint32 // the subset's glyph offsets, made with glyf
	for i, tag := range fileTables {
		e := f.tables[tag] // the zero record for a table the face lacks
		at := len(out)
		switch tag {
		case "glyf":
			loca = make([]uint32, len(f.loca))
			u := 0
			for g := range len(f.loca) - 1 {
				loca[g] = uint32(len(out) - at)
				if u < len(used) && used[u] == g {
					out = append(out, f.outline(g)...)
					u++
				}
			}
			loca[len(loca)-1] = uint32(len(out) - at)
			e.length = pad4(uint32(len(out) - at))
		case "loca":
			for _, o := range loca {
				if f.short {
					out = binary.BigEndian.AppendUint16(out, uint16(o/2))
				} else {
					out = binary.BigEndian.AppendUint32(out, o)
				}
			}
			e.length = locaLength
		default:
			// The table as it is in the face, with the bytes up to the
			// next multiple of 4.
			end := min(e.offset+pad4(e.length), uint32(len(f.data)))
			out = append(out, f.data[e.offset:end]...)
		}
		out = append(out, make([]byte, int(pad4(uint32(len(out))))-len(out))...)
		if tag == "glyf" || tag == "loca" {
			e.checksum = checksum(out[at:])
		}
		r := out[12+16*i:]
		copy(r, tag)
		binary.BigEndian.PutUint32(r[4:], e.checksum)
		binary.BigEndian.PutUint32(r[8:], uint32(at))
		binary.BigEndian.PutUint32(r[12:], e.length)
	}
	return out
}

func pad4(n uint32) uint32 { return (n + 3) &^ 3 }

// checksum is the TrueType table checksum of b, whose length is a multiple
// of 4.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i+4 <= len(b); i += 4 {
		sum += binary.BigEndian.Uint32(b[i:])
	}
	return sum
}

// glyphWidth is one "glyph[width]" entry of the /W array gopdf writes.
var glyphWidth = regexp.MustCompile(`(\d+)\[\d+\]`)

// fontFiles gives, by object number, the font file object to put in place
// of each one gopdf wrote for a face of faces: objs are gopdf's objects,
// before finish has tagged the font names.
func fontFiles(objs []*object, faces []*fonts.Face) (map[int][]byte, error) {
	byName := map[string]*fonts.Face{}
	for _, f := range faces {
		byName[gopdf.CreateEmbeddedFontSubsetName(f.Name())] = f
	}
	byNum := make(map[int]*object, len(objs))
	for _, o := range objs {
		byNum[o.num] = o
	}
	files := map[int][]byte{}
	z := getBuffer()
	defer putBuffer(z)
	var scratch []byte // one font file at a time
	for _, o := range objs {
		if isStream(o) || !cidFont.Match(o.body) {
			continue
		}
		m := baseFont.FindSubmatch(o.body)
		if m == nil || byName[string(m[1])] == nil {
			return nil, fmt.Errorf("pdf: gopdf's font object %d names no face of the document", o.num)
		}
		f, err := parse(byName[string(m[1])])
		if err != nil {
			return nil, err
		}
		var glyphs []int
		for _, w := range glyphWidth.FindAllSubmatch(widths.Find(o.body), -1) {
			g, _ := strconv.Atoi(string(w[1]))
			glyphs = append(glyphs, g)
		}
		d := descriptor.FindSubmatch(o.body)
		if d == nil {
			return nil, fmt.Errorf("pdf: gopdf's font object %d has no descriptor", o.num)
		}
		dn, _ := strconv.Atoi(string(d[1]))
		desc := byNum[dn]
		if desc == nil {
			return nil, fmt.Errorf("pdf: gopdf's font descriptor %d is missing", dn)
		}
		ff := fontFile2.FindSubmatch(desc.body)
		if ff == nil {
			return nil, fmt.Errorf("pdf: gopdf's font descriptor %d has no font file", dn)
		}
		fn, _ := strconv.Atoi(string(ff[1]))
		scratch = f.file.fontFile(scratch, glyphs)
		z.Reset()
		if err := deflate(z, scratch); err != nil {
			return nil, err
		}
		obj := fmt.Appendf(make([]byte, 0, z.Len()+100),
			"%d 0 obj\n<</Length %d\n/Filter /FlateDecode\n/Length1 %d\n>>\nstream\n", fn, z.Len(), len(scratch))
		obj = append(obj, z.Bytes()...)
		files[fn] = append(obj, "\nendstream\nendobj\n\n"...)
	}
	return files, nil
}

var (
	baseFont  = regexp.MustCompile(`/BaseFont /(\S+)`)
	fontFile2 = regexp.MustCompile(`/FontFile2 (\d+) 0 R`)
)
