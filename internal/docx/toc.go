package docx

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/budgetdoc/budgetdoc/doc"
)

// tocInstr is the TOC field: built from the TC fields of type C at levels
// 1–3 only (\f C \l), entries as hyperlinks (\h), no page numbers in web
// view (\z). Not from the headings' outline levels (\o, \u): an entry is
// often shorter than its heading ("一、主要职责" for "一、封丘县…主要职责"),
// and an update in Word would replace it with the heading's text. Each
// TOC heading carries a TC field with its entry (tcField), so an update
// gives the same 目录.
const tocInstr = `TOC \f C \l "1-3" \h \z`

// tcField is the TC field that gives heading h its entry in the TOC: the
// entry text, type C, and the heading's level. It has no result, so it
// shows nothing.
func tcField(h *doc.Heading) string {
	instr := fmt.Sprintf(`TC "%s" \f C \l %d`, fieldQuote(tocEntry(h)), tocLevel(h))
	return `<w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> ` + esc(instr) + ` </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="end"/></w:r>`
}

// fieldQuote escapes text for a quoted field argument: a backslash before
// each quote and backslash.
func fieldQuote(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s)
}

// tocEntry is the heading's entry on one line.
func tocEntry(h *doc.Heading) string { return strings.ReplaceAll(h.Entry(), "\n", " ") }

// toc writes the title and a TOC field whose cached result is the finished
// table of contents: Word shows the cache until the field is updated and
// LibreOffice prints it as it is, so each entry already holds its page number
// (from writer.Options.Pages) and a link to the bookmark on its heading.
func (b *builder) toc(t *doc.TOC) {
	if t.Title != "" {
		b.add(&paragraph{pPr: pPr{style: styleTOCHeading}, content: runs(t.Title, "")})
	}
	begin := `<w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> ` + esc(tocInstr) + ` </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`
	end := `<w:r><w:fldChar w:fldCharType="end"/></w:r>`
	if len(b.order) == 0 {
		b.add(&paragraph{pPr: pPr{style: styleTOCLevel + "1"}, content: begin + end})
		return
	}
	for i, h := range b.order {
		var c strings.Builder
		if i == 0 {
			c.WriteString(begin)
		}
		c.WriteString(`<w:hyperlink w:anchor="` + b.bookmark[h] + `" w:history="1">`)
		// A multi-line title is one line in the TOC.
		c.WriteString(runs(b.wrapEntry(tocEntry(h), tocLevel(h)), ""))
		c.WriteString(`<w:r><w:tab/></w:r>`)
		if n, ok := b.o.Pages[h]; ok {
			c.WriteString(runs(strconv.Itoa(n), ""))
		}
		c.WriteString(`</w:hyperlink>`)
		if i == len(b.order)-1 {
			c.WriteString(end)
		}
		b.add(&paragraph{pPr: pPr{style: styleTOCLevel + strconv.Itoa(tocLevel(h))}, content: c.String()})
	}
}

// wrapEntry breaks an entry too long for one TOC line at a natural point,
// as the PDF does: Word and LibreOffice would otherwise wrap it wherever the
// line ends ("…部门预算情" / "况说明"). The break is a line break in the
// cached entry only; the TC field keeps the entry on one line. Widths are
// reckoned in characters of the body size (Latin letters and digits half).
func (b *builder) wrapEntry(entry string, level int) string {
	f := b.o.Format
	const numberAndLeaders = 4 // characters kept for the leaders and the page number
	room := math.Floor((f.PageWidth-f.Left-f.Right)/f.BodySize) - float64(2*(level-1)) - numberAndLeaders
	cells := func(s string) float64 {
		n := 0.0
		for _, r := range s {
			if r < 0x2E80 {
				n += 0.5
			} else {
				n++
			}
		}
		return n
	}
	if cells(entry) <= room {
		return entry
	}
	cut := 0
	var prev rune = -1
	for i, r := range entry {
		natural := prev == ' ' || prev == '：' || prev >= 0x4E00 && prev <= 0x9FFF && r >= '0' && r <= '9'
		if i > 0 && natural && cells(entry[:i]) <= room {
			cut = i
		}
		prev = r
	}
	if cut == 0 {
		return entry
	}
	return strings.TrimRight(entry[:cut], " ") + "\n" + entry[cut:]
}
