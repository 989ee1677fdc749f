package fonts

import (
	"encoding/binary"
	"fmt"
	"math/bits"
)

// ParseCollection cuts face index (from 0) out of a TrueType collection (.ttc) into a standalone
// TrueType font and parses that: gopdf refuses collections, but it loads the cut-out face.
func ParseCollection(name string, data []byte, index int) (*Face, error) {
	ttf, err := extractFace(data, index)
	if err != nil {
		return nil, fmt.Errorf("fonts: %s: %w", describe(name), err)
	}
	return Parse(name, ttf)
}

// extractFace copies the tables of one face of a collection into a new sfnt: the face's offset
// table, its table records with offsets rewritten for the new file, and each table padded to 4
// bytes. Tables that faces share are copied into each face that uses them.
func extractFace(data []byte, index int) ([]byte, error) {
	if len(data) < 12 || string(data[:4]) != "ttcf" {
		return nil, fmt.Errorf("is not a font collection (no 'ttcf' header); use Parse for a single font")
	}
	numFonts := u32(data, 8)
	if uint64(numFonts)*4 > uint64(len(data)-12) {
		return nil, fmt.Errorf("collection header announces %d faces but the file is only %d bytes", numFonts, len(data))
	}
	if numFonts == 0 {
		return nil, fmt.Errorf("collection header says it has no faces")
	}
	if index < 0 || uint64(index) >= uint64(numFonts) {
		return nil, fmt.Errorf("face index %d is out of range: the collection has %d faces (index 0..%d)", index, numFonts, int64(numFonts)-1)
	}
	dir := u32(data, 12+4*index)
	records, err := readTableDirectory(data, dir)
	if err != nil {
		return nil, fmt.Errorf("face %d: %w", index, err)
	}

	size := offsetTableSize + tableRecordSize*len(records)
	for _, r := range records {
		size += int(pad4(r.length))
	}
	out := make([]byte, size)
	copy(out[:4], data[dir:dir+4]) // sfnt version of the face
	n := len(records)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	searchRange, entrySelector := 0, 0
	if n > 0 {
		entrySelector = bits.Len(uint(n)) - 1
		searchRange = 16 << entrySelector
	}
	binary.BigEndian.PutUint16(out[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(out[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(out[10:], uint16(n*16-searchRange))

	next := uint32(offsetTableSize + tableRecordSize*n)
	headAt := -1
	for i, r := range records {
		p := offsetTableSize + tableRecordSize*i
		copy(out[p:p+4], r.tag)
		binary.BigEndian.PutUint32(out[p+4:], r.checksum)
		binary.BigEndian.PutUint32(out[p+8:], next)
		binary.BigEndian.PutUint32(out[p+12:], r.length)
		copy(out[next:], data[r.offset:r.offset+r.length])
		if r.tag == "head" && r.length >= 12 {
			headAt = int(next)
		}
		next += pad4(r.length)
	}
	// head.checkSumAdjustment makes the whole file sum to 0xB1B0AFBA; the old value was for the
	// collection, so recompute it (zeroed while summing, as the spec says).
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0)
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out, nil
}

func pad4(n uint32) uint32 { return (n + 3) &^ 3 }

// checksum is the sfnt table checksum: the sum of big-endian uint32 words, the last one zero-padded.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}
