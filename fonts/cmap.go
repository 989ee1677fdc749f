package fonts

import (
	"fmt"
	"sort"
)

// charMap maps runes to glyph ids the way gopdf does: runes up to U+FFFF through the Windows
// Unicode BMP subtable (platform 3, encoding 1, format 4), runes above through the Windows
// Unicode full-repertoire subtable (3, 10, format 12) if there is one. Other subtables are
// ignored because gopdf ignores them: a glyph found there would be drawn as .notdef.
type charMap struct {
	bmp    []uint16 // glyph id for every code point U+0000..U+FFFF; 0 = none
	groups []cmapGroup
	sorted bool // groups ascend without overlap, so a binary search finds what gopdf's linear scan finds
}

// cmapGroup is one format-12 sequential map group.
type cmapGroup struct{ start, end, glyph uint32 }

func (m *charMap) glyph(r rune) uint32 {
	if r < 0 {
		return 0
	}
	if r <= 0xFFFF {
		return uint32(m.bmp[r])
	}
	c := uint32(r)
	if m.sorted {
		i := sort.Search(len(m.groups), func(i int) bool { return m.groups[i].end >= c })
		if i < len(m.groups) && m.groups[i].start <= c {
			return m.groups[i].glyph + (c - m.groups[i].start)
		}
		return 0
	}
	for _, g := range m.groups {
		if g.start <= c && c <= g.end {
			return g.glyph + (c - g.start)
		}
	}
	return 0
}

// parseCmap reads the subtables gopdf reads, with gopdf's preferences: the last (3,1) record
// and the first (3,10) record. toEOF is the number of file bytes from the start of the cmap table
// to the end of the file.
func parseCmap(cmap []byte, toEOF int) (*charMap, error) {
	if len(cmap) < 4 {
		return nil, fmt.Errorf("cmap table is %d bytes, too short for its header", len(cmap))
	}
	n := int(u16(cmap, 2))
	if 4+n*8 > len(cmap) {
		return nil, fmt.Errorf("cmap table lists %d subtables but is only %d bytes", n, len(cmap))
	}
	var bmpOff, fullOff uint32
	for i := 0; i < n; i++ {
		p := 4 + i*8
		platform, encoding, off := u16(cmap, p), u16(cmap, p+2), u32(cmap, p+4)
		switch {
		case platform == 3 && encoding == 1:
			bmpOff = off
		case platform == 3 && encoding == 10 && fullOff == 0:
			fullOff = off
		}
	}
	if bmpOff == 0 {
		return nil, fmt.Errorf("cmap has no Windows Unicode BMP subtable (platform 3, encoding 1), which gopdf needs to find glyphs")
	}
	m := &charMap{}
	var err error
	if m.bmp, err = parseCmap4(cmap, bmpOff, toEOF); err != nil {
		return nil, err
	}
	if fullOff != 0 {
		if m.groups, err = parseCmap12(cmap, fullOff); err != nil {
			return nil, err
		}
		m.sorted = true
		for i, g := range m.groups {
			if g.start > g.end || i > 0 && m.groups[i-1].end >= g.start {
				m.sorted = false
				break
			}
		}
	}
	return m, nil
}

// parseCmap4 expands a format-4 subtable into a glyph id per BMP code point. For each code point
// the deciding segment is the first whose end is not below it (gopdf's lookup); if that segment
// does not start at or below the code point, the code point is unmapped. A glyph id array entry
// outside the subtable also counts as unmapped (gopdf would index out of range there).
//
// When gopdf loads the font it reads, for every segment with an idRangeOffset, one glyph id per
// code point of the whole segment (up to U+FFFE) straight from the file at the place
// idRangeOffset points to, and fails with a bare "EOF" if that runs past the end of the file.
// Such a font is refused here with the segment named; toEOF is the number of file bytes from the
// start of the cmap table on.
func parseCmap4(cmap []byte, off uint32, toEOF int) ([]uint16, error) {
	if uint64(off)+14 > uint64(len(cmap)) {
		return nil, fmt.Errorf("cmap (3,1) subtable at offset %d lies past the end of the %d-byte cmap", off, len(cmap))
	}
	sub := cmap[off:]
	if f := u16(sub, 0); f != 4 {
		return nil, fmt.Errorf("cmap (3,1) subtable is format %d; gopdf reads only format 4", f)
	}
	length := int(u16(sub, 2))
	segCount := int(u16(sub, 6)) / 2
	if length > len(sub) || length < 16+8*segCount {
		return nil, fmt.Errorf("cmap format 4 subtable length %d does not fit its %d segments and the %d bytes available",
			length, segCount, len(sub))
	}
	sub = sub[:length]
	if segCount == 0 || u16(sub, 14+2*(segCount-1)) != 0xFFFF {
		return nil, fmt.Errorf("cmap format 4 subtable does not end with the 0xFFFF segment the format requires")
	}
	ends := 14
	starts := ends + 2*segCount + 2 // skip reservedPad
	deltas := starts + 2*segCount
	rangeOffs := deltas + 2*segCount

	// The code points segment p decides are those above every earlier segment's end and not
	// above its own: walking segments in order with the running maximum end visits only mapped
	// code points.
	for seg := 0; seg < segCount; seg++ {
		start, end := int(u16(sub, starts+2*seg)), min(int(u16(sub, ends+2*seg)), 0xFFFE)
		ro := int(u16(sub, rangeOffs+2*seg))
		if ro == 0 || start > end {
			continue // gopdf reads no glyph ids for this segment
		}
		last := int(off) + rangeOffs + 2*seg + ro + 2*(end-start+1) // cmap offset after the last id read
		if last > toEOF {
			return nil, fmt.Errorf("cmap format 4 segment %d (U+%04X..U+%04X) has idRangeOffset %d, which puts its glyph ids "+
				"%d bytes past the end of the file; gopdf reads them all and fails", seg, start, end, ro, last-toEOF)
		}
	}

	bmp := make([]uint16, 0x10000)
	covered := -1 // highest code point an earlier segment decides
	for seg := 0; seg < segCount; seg++ {
		start, end := int(u16(sub, starts+2*seg)), int(u16(sub, ends+2*seg))
		lo := max(start, covered+1)
		covered = max(covered, end)
		delta := u16(sub, deltas+2*seg)
		ro := int(u16(sub, rangeOffs+2*seg))
		for c := lo; c <= min(end, 0xFFFE); c++ { // 0xFFFF is the format's sentinel, never a character
			if ro == 0 {
				bmp[c] = uint16(c) + delta
				continue
			}
			p := rangeOffs + 2*seg + ro + 2*(c-start)
			if p+2 > len(sub) {
				break // and so are all later c of this segment
			}
			if g := u16(sub, p); g != 0 {
				bmp[c] = g + delta
			}
		}
	}
	return bmp, nil
}

func parseCmap12(cmap []byte, off uint32) ([]cmapGroup, error) {
	if uint64(off)+16 > uint64(len(cmap)) {
		return nil, fmt.Errorf("cmap (3,10) subtable at offset %d lies past the end of the %d-byte cmap", off, len(cmap))
	}
	sub := cmap[off:]
	if f := u16(sub, 0); f != 12 {
		// gopdf fails to load such a font ("format != 12"), so refuse it here with the reason.
		return nil, fmt.Errorf("cmap (3,10) subtable is format %d; gopdf accepts only format 12 there", f)
	}
	if r := u16(sub, 2); r != 0 {
		return nil, fmt.Errorf("cmap format 12 subtable has reserved field %d, not 0; gopdf refuses it", r)
	}
	n := u32(sub, 12)
	if uint64(n)*12 > uint64(len(sub)-16) {
		return nil, fmt.Errorf("cmap format 12 subtable lists %d groups but has room for %d", n, (len(sub)-16)/12)
	}
	groups := make([]cmapGroup, n)
	for i := range groups {
		p := 16 + i*12
		groups[i] = cmapGroup{start: u32(sub, p), end: u32(sub, p+4), glyph: u32(sub, p+8)}
	}
	return groups, nil
}
