package docx

import (
	"strconv"
	"strings"

	"github.com/budgetdoc/budgetdoc/doc"
)

// tocInstr is the TOC field: outline levels 1–3 (\o, and paragraph outline
// levels \u), entries as hyperlinks (\h), no page numbers in web view (\z).
const tocInstr = `TOC \o "1-3" \h \z \u`

// toc writes the title and a TOC field whose cached result is the finished
// table of contents: Word shows the cache until the field is updated and
// LibreOffice prints it as it is, so each entry already holds its page number
// (from Options.Pages) and a link to the bookmark on its heading.
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
		c.WriteString(runs(strings.ReplaceAll(h.Entry(), "\n", " "), ""))
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
