package docx

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// badChar reports the first character of s that XML 1.0 cannot hold, or ""
// when there is none. XML 1.0 allows #x9 #xA #xD, #x20–#xD7FF, #xE000–#xFFFD
// and #x10000–#x10FFFF; a Go string may also hold bytes that are not UTF-8
// (where a lone surrogate would stand).
func badChar(s string) string {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return fmt.Sprintf("byte %d: invalid UTF-8 (0x%02X)", i, s[i])
		case !xmlChar(r):
			return fmt.Sprintf("byte %d: character U+%04X is not allowed in XML", i, r)
		}
		i += size
	}
	return ""
}

func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r >= 0xD800 && r <= 0xDFFF:
		return false
	case r == 0xFFFE || r == 0xFFFF:
		return false
	}
	return r <= 0x10FFFF
}

// esc escapes s for XML text and attribute values. checkDocument has already
// rejected what XML cannot hold; should anything slip through, it becomes
// U+FFFD rather than a malformed part.
func esc(s string) string {
	if plainXML(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	writeEsc(&b, s)
	return b.String()
}

// plainXML reports whether s is UTF-8 text that needs no escaping: most of
// a budget's text, so esc and writeEsc copy it whole.
func plainXML(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			// Hanzi and other multi-byte text: checked by rune below.
			return plainRunes(s[i:])
		case c < 0x20, c == '&', c == '<', c == '>', c == '"', c == '\'':
			return false
		}
	}
	return true
}

func plainRunes(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size <= 1, !xmlChar(r):
			return false
		case r < 0x20, r == '&', r == '<', r == '>', r == '"', r == '\'':
			return false
		}
	}
	return true
}

// writeEsc writes s escaped as esc does.
func writeEsc(b *strings.Builder, s string) {
	if plainXML(s) {
		b.WriteString(s)
		return
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size <= 1, !xmlChar(r):
			b.WriteRune(utf8.RuneError)
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r == '\t':
			b.WriteString("&#x9;")
		case r == '\n':
			b.WriteString("&#xA;")
		case r == '\r':
			b.WriteString("&#xD;")
		default:
			b.WriteRune(r)
		}
	}
}

// runs turns text into w:r elements with run properties rPr (may be empty):
// "\t" becomes w:tab and "\n", "\r\n" or "\r" a w:br, as Word wants them;
// a tab or newline inside w:t would be taken for a plain space.
func runs(text, rPr string) string {
	var b strings.Builder
	writeRuns(&b, text, rPr)
	return b.String()
}

// writeRuns writes runs(text, rPr) to b.
func writeRuns(b *strings.Builder, text, rPr string) {
	if text == "" {
		return
	}
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	b.WriteString("<w:r>")
	b.WriteString(rPr)
	start := 0
	flush := func(end int) {
		if end > start {
			b.WriteString(`<w:t xml:space="preserve">`)
			writeEsc(b, text[start:end])
			b.WriteString("</w:t>")
		}
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\t':
			flush(i)
			b.WriteString("<w:tab/>")
			start = i + 1
		case '\n':
			flush(i)
			b.WriteString("<w:br/>")
			start = i + 1
		}
	}
	flush(len(text))
	b.WriteString("</w:r>")
}
