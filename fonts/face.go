package fonts

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
)

// Face is one TrueType font: its bytes for the PDF writer and the character map and metrics the
// layout measures with. A Face is immutable and safe for concurrent use.
//
// An embedded face is parsed the first time something asks it about a character, so a large
// fallback face costs nothing until a document holds a character only it has.
type Face struct {
	name string
	*source
}

// source is a face's bytes and, once parsed, its metrics. Faces that only differ in name share it.
type source struct {
	data   []byte
	parse  func() *metrics // how to parse data; nil for a face parsed when it was made
	once   sync.Once
	parsed atomic.Pointer[metrics] // nil until parsed
}

// metrics is what Parse learns from the font's tables.
type metrics struct {
	postScriptName string
	unitsPerEm     uint32
	numGlyphs      uint32
	advances       []uint16 // hmtx advance widths, numberOfHMetrics of them, in font units
	cmap           *charMap
	ascent         float64 // ems above the baseline
	descent        float64 // ems below the baseline, positive
}

// m returns the face's metrics, parsing the font on first use. It is on the path of every
// character the layout measures, so the parsed case is one atomic load.
func (s *source) m() *metrics {
	if m := s.parsed.Load(); m != nil {
		return m
	}
	return s.load()
}

// load parses the font, once; apart from m so that m inlines.
func (s *source) load() *metrics {
	s.once.Do(func() { s.parsed.Store(s.parse()) })
	return s.parsed.Load()
}

// loaded reports whether the face's font has been parsed.
func (s *source) loaded() bool { return s.parsed.Load() != nil }

// Name is the name the face is registered under in gopdf, which also writes it as the PDF font's
// BaseFont: printable ASCII without PDF delimiters. Set keeps names unique among its faces.
func (f *Face) Name() string { return f.name }

// PostScriptName is the font's own name (name table ID 6), e.g. "NotoSerifSC-Regular".
func (f *Face) PostScriptName() string { return f.m().postScriptName }

// Data returns the TrueType bytes to hand to gopdf's AddTTFFontData. The slice is shared: do not
// modify it.
func (f *Face) Data() []byte { return f.data }

// Has reports whether the font maps r to a real glyph (not .notdef) in the cmap subtable gopdf
// reads for r.
func (f *Face) Has(r rune) bool {
	_, ok := f.Glyph(r)
	return ok
}

// Glyph returns the glyph id gopdf draws r with, and whether the face has r (as Has). Content
// streams name glyphs by these ids: the embedded fonts keep the face's glyph numbering.
func (f *Face) Glyph(r rune) (id uint16, ok bool) {
	m := f.m()
	g := m.cmap.glyph(r)
	if g == 0 || g >= m.numGlyphs {
		return 0, false
	}
	return uint16(g), true
}

// Advance returns the advance width of r in ems, or 0 if the face does not have r (ask Has or
// Set.Pick first). It is computed the way gopdf writes the PDF /W widths — the hmtx advance
// scaled to 1/1000 em and truncated to an integer — so a line measured with Advance is exactly as
// wide as gopdf draws it, also for fonts whose unitsPerEm is not 1000.
func (f *Face) Advance(r rune) float64 {
	id, ok := f.Glyph(r)
	if !ok {
		return 0
	}
	m, g := f.m(), uint32(id)
	if n := uint32(len(m.advances)); g >= n {
		g = n - 1 // glyphs past numberOfHMetrics share the last advance
	}
	return float64(uint32(m.advances[g])*1000/m.unitsPerEm) / 1000
}

// Ascent is the height above the baseline in ems, from the OS/2 typographic ascender (the value
// gopdf places cell text with), or hhea's ascender when the OS/2 typo metrics are zero.
func (f *Face) Ascent() float64 { return f.m().ascent }

// Descent is the depth below the baseline in ems, as a positive number, from the same source as
// Ascent.
func (f *Face) Descent() float64 { return f.m().descent }

// UnitsPerEm is the font's design grid, for callers that want raw font units.
func (f *Face) UnitsPerEm() int { return int(f.m().unitsPerEm) }

// withName returns a face that shares f's data under another name.
func (f *Face) withName(name string) *Face { return &Face{name: name, source: f.source} }

// Parse parses one TrueType (glyf) font. name becomes Face.Name, cleaned to be a valid PDF name
// (see pdfName); an empty name takes the font's PostScript name. A font collection (.ttc) must
// go through ParseCollection, and fonts with CFF outlines are refused because the PDF writer
// cannot embed them. Parse checks every table gopdf reads, so a font that parses is a font gopdf
// loads.
func Parse(name string, data []byte) (*Face, error) {
	m, err := parseMetrics(data)
	if err != nil {
		return nil, fmt.Errorf("fonts: %s: %w", describe(name), err)
	}
	src := &source{data: data}
	src.parsed.Store(m)
	return &Face{name: pdfName(name, m.postScriptName), source: src}, nil
}

// pdfName makes name safe to be a PDF name object, which gopdf writes as given (the PDF font's
// BaseFont): ASCII graphic characters other than the PDF delimiters and '#' stay, anything else
// becomes '_'. A name with no letter or digit left, such as an empty or all-Chinese one, is
// replaced by the cleaned PostScript name.
func pdfName(name, postScriptName string) string {
	clean := func(s string) (string, bool) {
		alnum := false
		s = strings.Map(func(r rune) rune {
			switch {
			case r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
				alnum = true
				return r
			case r > ' ' && r < 0x7F && !strings.ContainsRune("()<>[]{}/%#", r):
				return r
			}
			return '_'
		}, s)
		return s, alnum
	}
	if s, ok := clean(name); ok {
		return s
	}
	if s, ok := clean(postScriptName); ok {
		return s
	}
	return "font"
}

func describe(name string) string {
	if name == "" {
		return "font"
	}
	return fmt.Sprintf("font %q", name)
}

// ErrCFF is wrapped by the error Parse returns for a font with CFF outlines.
var ErrCFF = errors.New("CFF outlines are not supported")

func cffError() error {
	return fmt.Errorf("%w: this is an OpenType font with CFF (PostScript) outlines, and the PDF writer (gopdf) "+
		"embeds only TrueType glyf outlines; use a TrueType version of the font (a .ttf with glyf outlines, e.g. "+
		"Noto Serif SC / Noto Sans SC instead of Noto Serif CJK / Noto Sans CJK) or convert it with fontTools otf2ttf",
		ErrCFF)
}

func parseMetrics(data []byte) (*metrics, error) {
	if len(data) < 4 {
		return nil, fmt.Errorf("%d bytes is too short to be a font", len(data))
	}
	switch tag := string(data[:4]); {
	case tag == "ttcf":
		n := 0
		if len(data) >= 12 {
			n = int(u32(data, 8))
		}
		return nil, fmt.Errorf("is a font collection (.ttc) of %d faces; pick one with ParseCollection(name, data, index) or LoadFile(path, index)", n)
	case tag == "OTTO":
		return nil, cffError()
	case tag == "wOFF" || tag == "wOF2":
		return nil, fmt.Errorf("is a compressed web font (WOFF); decompress it to .ttf first (e.g. fontTools ttx or woff2_decompress)")
	case tag == "true" || tag == "typ1":
		return nil, fmt.Errorf("is an Apple %q sfnt; gopdf loads only TrueType fonts with version 0x00010000", tag)
	case u32(data, 0) != sfntVersionTrueType:
		return nil, fmt.Errorf("is not a TrueType font (it starts with bytes % x)", data[:4])
	}
	records, err := readTableDirectory(data, 0)
	if err != nil {
		return nil, err
	}
	t := tables(data, records)
	if t["CFF "] != nil || t["CFF2"] != nil {
		return nil, cffError()
	}
	// The tables gopdf's TTFParser reads (glyf through loca when it subsets).
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "cmap", "name", "OS/2", "post", "loca", "glyf"} {
		if _, ok := t[tag]; !ok {
			if tag == "glyf" || tag == "loca" {
				return nil, fmt.Errorf("has no %q table: no TrueType outlines for the PDF writer to embed", tag)
			}
			return nil, fmt.Errorf("has no %q table, which the PDF writer (gopdf) needs", tag)
		}
	}
	m := &metrics{}
	if err := m.readHead(t["head"]); err != nil {
		return nil, err
	}
	numberOfHMetrics, err := m.readHhea(t["hhea"])
	if err != nil {
		return nil, err
	}
	if err := m.readMaxp(t["maxp"]); err != nil {
		return nil, err
	}
	if err := m.readHmtx(t["hmtx"], numberOfHMetrics); err != nil {
		return nil, err
	}
	// gopdf reads some cmap glyph ids from wherever they point in the file, even past the cmap
	// table, so the cmap check needs to know how much of the file follows the table's start.
	cmapToEOF := len(data) - int(tableOffset(records, "cmap"))
	if m.cmap, err = parseCmap(t["cmap"], cmapToEOF); err != nil {
		return nil, err
	}
	if m.postScriptName, err = readPostScriptName(t["name"]); err != nil {
		return nil, err
	}
	if err := m.readOS2(t["OS/2"]); err != nil {
		return nil, err
	}
	if len(t["post"]) < 16 {
		return nil, fmt.Errorf("post table is %d bytes, too short", len(t["post"]))
	}
	return m, nil
}

func (m *metrics) readHead(head []byte) error {
	if len(head) < 54 {
		return fmt.Errorf("head table is %d bytes, too short", len(head))
	}
	if magic := u32(head, 12); magic != 0x5F0F3CF5 {
		return fmt.Errorf("head table has magic number %#08x, not 0x5F0F3CF5; gopdf refuses it", magic)
	}
	m.unitsPerEm = uint32(u16(head, 18))
	if m.unitsPerEm < 16 || m.unitsPerEm > 16384 {
		return fmt.Errorf("head table gives unitsPerEm %d, outside the valid 16..16384", m.unitsPerEm)
	}
	return nil
}

// readHhea returns numberOfHMetrics and takes hhea's ascender/descender as the fallback metrics.
func (m *metrics) readHhea(hhea []byte) (int, error) {
	if len(hhea) < 36 {
		return 0, fmt.Errorf("hhea table is %d bytes, too short", len(hhea))
	}
	m.ascent = float64(i16(hhea, 4)) / float64(m.unitsPerEm)
	m.descent = -float64(i16(hhea, 6)) / float64(m.unitsPerEm)
	n := int(u16(hhea, 34))
	if n == 0 {
		return 0, fmt.Errorf("hhea table gives numberOfHMetrics 0, so no glyph has a width")
	}
	return n, nil
}

func (m *metrics) readMaxp(maxp []byte) error {
	if len(maxp) < 6 {
		return fmt.Errorf("maxp table is %d bytes, too short", len(maxp))
	}
	m.numGlyphs = uint32(u16(maxp, 4))
	return nil
}

func (m *metrics) readHmtx(hmtx []byte, numberOfHMetrics int) error {
	if len(hmtx) < 4*numberOfHMetrics {
		return fmt.Errorf("hmtx table is %d bytes, too short for the %d metrics hhea announces", len(hmtx), numberOfHMetrics)
	}
	m.advances = make([]uint16, numberOfHMetrics)
	for i := range m.advances {
		m.advances[i] = u16(hmtx, 4*i)
	}
	return nil
}

// readOS2 checks the fields gopdf reads and takes the typographic ascender and descender, which
// gopdf uses to place text in a cell. fsType values that forbid embedding are refused: a PDF
// embeds the font.
func (m *metrics) readOS2(os2 []byte) error {
	need := 78
	if len(os2) >= 2 && u16(os2, 0) >= 2 {
		need = 90
	}
	if len(os2) < need {
		return fmt.Errorf("OS/2 table is %d bytes, too short for its version (%d needed)", len(os2), need)
	}
	fsType := u16(os2, 8)
	if fsType&0x000F == 0x0002 {
		return fmt.Errorf("OS/2 fsType %#04x: the font's licence forbids embedding it in a document (restricted licence embedding)", fsType)
	}
	if fsType&0x0200 != 0 {
		return fmt.Errorf("OS/2 fsType %#04x: the font allows embedding of bitmaps only, not its outlines", fsType)
	}
	asc, desc := i16(os2, 68), i16(os2, 70)
	if asc != 0 || desc != 0 {
		m.ascent = float64(asc) / float64(m.unitsPerEm)
		m.descent = -float64(desc) / float64(m.unitsPerEm)
	}
	return nil
}

// readPostScriptName reads the first name record with ID 6 and cleans it the way gopdf does,
// which refuses a font whose cleaned name is empty.
func readPostScriptName(name []byte) (string, error) {
	if len(name) < 6 {
		return "", fmt.Errorf("name table is %d bytes, too short", len(name))
	}
	count := int(u16(name, 2))
	strings0 := int(u16(name, 4))
	if 6+12*count > len(name) {
		return "", fmt.Errorf("name table lists %d records but is only %d bytes", count, len(name))
	}
	for i := 0; i < count; i++ {
		p := 6 + 12*i
		if u16(name, p+6) != 6 {
			continue
		}
		length, off := int(u16(name, p+8)), int(u16(name, p+10))
		if strings0+off+length > len(name) {
			return "", fmt.Errorf("name table's PostScript name (ID 6) lies outside the table")
		}
		raw := bytes.ReplaceAll(name[strings0+off:strings0+off+length], []byte{0}, nil) // UTF-16BE of ASCII → ASCII
		clean := strings.Map(func(r rune) rune {
			if strings.ContainsRune("0 [](){}<>/%", r) { // gopdf drops these, even the digit 0
				return -1
			}
			return r
		}, string(raw))
		if clean == "" {
			break
		}
		return string(raw), nil
	}
	return "", fmt.Errorf("name table has no usable PostScript name (name ID 6), which gopdf requires")
}
