package fonts

import (
	"encoding/binary"
	"fmt"
)

// The sfnt container: a 12-byte offset table followed by 16-byte table records
// (tag, checksum, offset, length). See the OpenType spec, "Organization of an OpenType Font".

const (
	sfntVersionTrueType = 0x00010000
	offsetTableSize     = 12
	tableRecordSize     = 16
)

// tableRecord is one entry of an sfnt table directory.
type tableRecord struct {
	tag      string
	checksum uint32
	offset   uint32
	length   uint32
}

// readTableDirectory reads the table records of the sfnt whose offset table starts at dirOffset
// (0 for a plain font, the face's offset for one face of a collection). Every table must lie
// inside data, so later reads of a table cannot run off the end.
func readTableDirectory(data []byte, dirOffset uint32) ([]tableRecord, error) {
	if uint64(dirOffset)+offsetTableSize > uint64(len(data)) {
		return nil, fmt.Errorf("offset table at byte %d lies past the end of the %d-byte file", dirOffset, len(data))
	}
	numTables := int(u16(data, int(dirOffset)+4))
	end := uint64(dirOffset) + offsetTableSize + uint64(numTables)*tableRecordSize
	if end > uint64(len(data)) {
		return nil, fmt.Errorf("table directory of %d tables runs past the end of the %d-byte file", numTables, len(data))
	}
	records := make([]tableRecord, numTables)
	for i := range records {
		p := int(dirOffset) + offsetTableSize + i*tableRecordSize
		r := tableRecord{
			tag:      string(data[p : p+4]),
			checksum: u32(data, p+4),
			offset:   u32(data, p+8),
			length:   u32(data, p+12),
		}
		if uint64(r.offset)+uint64(r.length) > uint64(len(data)) {
			return nil, fmt.Errorf("table %q (bytes %d..%d) lies past the end of the %d-byte file",
				r.tag, r.offset, uint64(r.offset)+uint64(r.length), len(data))
		}
		records[i] = r
	}
	return records, nil
}

// tables maps each tag of a table directory to the table's bytes. A repeated tag keeps its last
// record, as gopdf's parser does, so both read the same table.
func tables(data []byte, records []tableRecord) map[string][]byte {
	m := make(map[string][]byte, len(records))
	for _, r := range records {
		m[r.tag] = data[r.offset : r.offset+r.length]
	}
	return m
}

// tableOffset is where the table tag starts in the file, from its last record as in tables. The
// caller has checked that the tag is present.
func tableOffset(records []tableRecord, tag string) uint32 {
	var off uint32
	for _, r := range records {
		if r.tag == tag {
			off = r.offset
		}
	}
	return off
}

func u16(b []byte, off int) uint16 { return binary.BigEndian.Uint16(b[off:]) }
func i16(b []byte, off int) int16  { return int16(binary.BigEndian.Uint16(b[off:])) }
func u32(b []byte, off int) uint32 { return binary.BigEndian.Uint32(b[off:]) }
