package docx

import (
	"fmt"
	"math"
	"strings"

	"github.com/budgetdoc/budgetdoc/doc"
)

// Namespaces of the WordprocessingML parts.
const (
	nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// twips converts points to twentieths of a point, Word's length unit.
func twips(pt float64) int { return int(math.Round(pt * 20)) }

// halfPoints converts points to Word's font size unit.
func halfPoints(pt float64) int { return int(math.Round(pt * 2)) }

// Style ids. The ids of built-in styles (Normal, Title, Heading1..3, TOC1..3,
// Footer) carry Word's built-in names, so Word treats them as its own.
const (
	styleNormal       = "Normal"
	styleTitle        = "Title" // cover title lines
	styleCoverDate    = "CoverDate"
	stylePart         = "PartTitle"
	styleSection      = "SectionTitle"
	styleSubsection   = "SubsectionTitle"
	styleTableTitle   = "TableTitle"
	styleAnnexLabel   = "AnnexLabel"
	styleTOCHeading   = "TOCHeading"
	styleBody         = "Body"
	styleCentered     = "Centered"
	styleNote         = "Note"
	styleCaption      = "TableCaption"
	styleTableText    = "TableText"
	styleFooter       = "Footer"
	styleHeadingLevel = "Heading" // + 1..3
	styleTOCLevel     = "TOC"     // + 1..3
)

// rFonts is the w:rFonts element for an East Asian font. The eastAsia hint
// makes Word set the characters both scripts share (“ ” — …) in the Chinese
// font, as Chinese documents do.
func rFonts(eastAsia string) string {
	return fmt.Sprintf(`<w:rFonts w:ascii="%[1]s" w:eastAsia="%[2]s" w:hAnsi="%[1]s" w:cs="%[1]s" w:hint="eastAsia"/>`,
		latinFont, esc(eastAsia))
}

// runProps is a style's w:rPr: font (none: inherited), bold, character
// spacing in twips, and size (0: inherited).
func runProps(font string, bold bool, spacing int, size float64) string {
	var b strings.Builder
	b.WriteString("<w:rPr>")
	if font != "" {
		b.WriteString(rFonts(font))
	}
	if bold {
		b.WriteString(`<w:b/><w:bCs/>`)
	}
	fmt.Fprintf(&b, `<w:spacing w:val="%d"/>`, spacing)
	if size > 0 {
		hp := halfPoints(size)
		fmt.Fprintf(&b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, hp, hp)
	}
	b.WriteString("</w:rPr>")
	return b.String()
}

// regularTitle reports a title font that is a regular text face: a caller
// who sets titles in 宋体 or 黑体 because the machine lacks 小标宋 (as GB/T
// 9704 offices do) gets them bold, as the PDF's titles are. 方正小标宋 and
// 华文中宋 are heavy by design and are never emboldened (Word would thicken
// them further), nor is a face this list does not know.
func regularTitle(name string) bool { return regularFaces[name] }

var regularFaces = map[string]bool{
	"宋体": true, "SimSun": true, "新宋体": true, "NSimSun": true, "华文宋体": true, "STSong": true,
	"黑体": true, "SimHei": true, "华文黑体": true, "STHeiti": true,
	"仿宋": true, "FangSong": true, "仿宋_GB2312": true, "FangSong_GB2312": true,
	"楷体": true, "KaiTi": true, "楷体_GB2312": true, "KaiTi_GB2312": true,
}

// gridSpacingFor is the character spacing, in twips, that puts a whole
// number of body characters on a line of width pt: GB/T 9704's 28
// characters of 3号 on the 156 mm line (442.2 pt, 15.79 pt a character),
// which the PDF sets with its character grid. It rounds down, so that the
// 28th character always fits; justification fills the rest.
//
// A w:docGrid of type linesAndChars ("每行28字") would say the same to
// Word, but LibreOffice sets every 3号 character of such a grid in two
// 15.79 pt cells, 14 characters a line.
func gridSpacingFor(width, size float64) int {
	n := math.Round(width / size)
	if n < 1 {
		return 0
	}
	return int(math.Floor((width/n - size) * 20))
}

// exactLines is a w:spacing with an exact line height.
func exactLines(before, after, line float64) string {
	return fmt.Sprintf(`<w:spacing w:before="%d" w:after="%d" w:line="%d" w:lineRule="exact"/>`,
		twips(before), twips(after), twips(line))
}

// overflowPunct is Word's default, said outright for LibreOffice: Word
// lets a mark that does not fit hang past the margin. LibreOffice reads the
// flag inverted (writerfilter's DomainMapper sets hanging punctuation to
// val == 0) and, left to its own default of hanging, drops a hanging mark
// from a justified line altogether ("…增人增资" / "晋级…", the 、 gone); with
// val 1 it moves the character before the mark down instead, as the PDF does.
const overflowPunct = `<w:overflowPunct w:val="1"/>`

// singleLines is a w:spacing with single (font-dependent) line height.
const singleLines = `<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>`

// indentChars indents the first line n characters of size pt; firstLine is
// the fallback for readers that ignore firstLineChars.
func indentChars(n int, size float64) string {
	return fmt.Sprintf(`<w:ind w:firstLineChars="%d" w:firstLine="%d"/>`, n*100, twips(float64(n)*size))
}

// textWidth is the width of the text area of a page of the orientation.
func textWidth(f doc.Format, o doc.Orientation) int {
	if o == doc.OrientationLandscape {
		return twips(f.PageHeight - f.LandscapeLeft - f.LandscapeRight)
	}
	return twips(f.PageWidth - f.Left - f.Right)
}

// rightTab is a right-aligned tab stop at pos twips, with an optional leader.
func rightTab(pos int, leader string) string {
	if leader != "" {
		return fmt.Sprintf(`<w:tabs><w:tab w:val="right" w:leader="%s" w:pos="%d"/></w:tabs>`, leader, pos)
	}
	return fmt.Sprintf(`<w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs>`, pos)
}

// styleDef is one paragraph style. pPr holds the children of w:pPr in schema
// order (pStyle is never in a style).
type styleDef struct {
	id, name, basedOn, next string
	pPr                     string
	font                    string
	size                    float64
	// grid styles set body text on the character grid (gridSpacing);
	// the others (titles, tables, notes) keep the spacing their font gives.
	grid bool
	bold bool
}

// xml is the style's w:style; gridSpacing is the character spacing of
// the body's grid, for the styles on it.
func (s styleDef) xml(gridSpacing int) string {
	var b strings.Builder
	def := ""
	if s.id == styleNormal {
		def = ` w:default="1"`
	}
	fmt.Fprintf(&b, `<w:style w:type="paragraph"%s w:styleId="%s"><w:name w:val="%s"/>`, def, s.id, s.name)
	if s.basedOn != "" {
		fmt.Fprintf(&b, `<w:basedOn w:val="%s"/>`, s.basedOn)
	}
	if s.next != "" {
		fmt.Fprintf(&b, `<w:next w:val="%s"/>`, s.next)
	}
	b.WriteString(`<w:qFormat/>`)
	if s.pPr != "" {
		b.WriteString("<w:pPr>" + s.pPr + "</w:pPr>")
	}
	if s.font != "" {
		spacing := 0
		if s.grid {
			spacing = gridSpacing
		}
		b.WriteString(runProps(s.font, s.bold, spacing, s.size))
	}
	b.WriteString("</w:style>")
	return b.String()
}

// styleDefs lists the paragraph styles, in the order styles.xml holds them.
func styleDefs(o config) []styleDef {
	f, fn := o.Format, o.Fonts
	width := textWidth(f, doc.OrientationPortrait)
	keep := `<w:keepNext/><w:keepLines/>`
	titleLine := f.TitleSize * 1.5
	defs := []styleDef{
		{id: styleNormal, name: "Normal", pPr: `<w:widowControl/>` + overflowPunct + exactLines(0, 0, f.LinePitch), font: fn.Body, size: f.BodySize, grid: true},
		{id: styleTitle, name: "Title", basedOn: styleNormal, next: styleNormal,
			pPr: exactLines(0, 0, titleLine) + `<w:jc w:val="center"/>`, font: fn.Title, size: f.TitleSize, bold: regularTitle(fn.Title)},
		{id: styleCoverDate, name: "Cover Date", basedOn: styleNormal, next: styleNormal,
			pPr: `<w:jc w:val="center"/>`, font: fn.Body, size: f.BodySize},
		{id: stylePart, name: "Part Title", basedOn: styleNormal, next: styleNormal,
			pPr: keep + exactLines(f.LinePitch, f.LinePitch, titleLine) + `<w:jc w:val="center"/>`, font: fn.Title, size: f.TitleSize, bold: regularTitle(fn.Title)},
		{id: styleSection, name: "Section Title", basedOn: styleNormal, next: styleBody,
			pPr: keep + indentChars(2, f.BodySize) + `<w:jc w:val="both"/>`, font: fn.Heading, size: f.BodySize, grid: true},
		{id: styleSubsection, name: "Subsection Title", basedOn: styleNormal, next: styleBody,
			pPr: keep + indentChars(2, f.BodySize) + `<w:jc w:val="both"/>`, font: fn.Kai, size: f.BodySize, grid: true},
		// "附件" (GB/T 9704 10.2): 3号黑体, flush left on the first line.
		{id: styleAnnexLabel, name: "Annex Label", basedOn: styleNormal, next: stylePart,
			pPr: keep + `<w:jc w:val="left"/>`, font: fn.Heading, size: f.BodySize, grid: true},
		{id: styleTableTitle, name: "Table Title", basedOn: styleNormal, next: styleCaption,
			pPr: keep + exactLines(0, f.TableTitle*0.5, f.TableTitle*1.5) + `<w:jc w:val="center"/>`, font: fn.Title, size: f.TableTitle, bold: regularTitle(fn.Title)},
	}
	// Heading 1..3 look like part, section and subsection titles and add the
	// outline level Word's navigation pane and TOC field look for.
	for i, look := range []string{stylePart, styleSection, styleSubsection} {
		defs = append(defs, styleDef{
			id: fmt.Sprintf("%s%d", styleHeadingLevel, i+1), name: fmt.Sprintf("heading %d", i+1),
			basedOn: look, next: styleBody, pPr: fmt.Sprintf(`<w:outlineLvl w:val="%d"/>`, i),
		})
	}
	defs = append(defs,
		// Half a line under the 目录's title, as in the PDF: a whole one
		// pushed 封丘's last entry onto a page of its own.
		styleDef{id: styleTOCHeading, name: "TOC Heading", basedOn: styleNormal, next: styleNormal,
			pPr: exactLines(0, f.LinePitch/2, titleLine) + `<w:jc w:val="center"/>`, font: fn.Title, size: f.TitleSize, bold: regularTitle(fn.Title)},
	)
	// TOC entries indent two characters a level; a wrapped entry's later
	// lines hang two characters further in, as in the PDF.
	for i := range 3 {
		ind := fmt.Sprintf(`<w:ind w:leftChars="%d" w:left="%d" w:hangingChars="200" w:hanging="%d"/>`,
			(i+1)*200, twips(float64(2*(i+1))*f.BodySize), twips(2*f.BodySize))
		defs = append(defs, styleDef{
			id: fmt.Sprintf("%s%d", styleTOCLevel, i+1), name: fmt.Sprintf("toc %d", i+1),
			basedOn: styleNormal, next: styleNormal,
			pPr: rightTab(width, "dot") + ind + `<w:jc w:val="left"/>`,
		})
	}
	noteLine := f.TableSize * 1.5
	defs = append(defs,
		styleDef{id: styleBody, name: "Body", basedOn: styleNormal, next: styleBody,
			pPr: indentChars(2, f.BodySize) + `<w:jc w:val="both"/>`},
		styleDef{id: styleCentered, name: "Centered", basedOn: styleNormal, next: styleNormal,
			pPr: `<w:jc w:val="center"/>`},
		styleDef{id: styleNote, name: "Note", basedOn: styleNormal, next: styleNormal,
			pPr: exactLines(f.TableSize*0.5, 0, noteLine) + `<w:jc w:val="both"/>`, font: fn.Table, size: f.TableSize},
		// The caption's right tab stop is set on each paragraph, at the
		// width of its section's text area.
		styleDef{id: styleCaption, name: "Table Caption", basedOn: styleNormal, next: styleNormal,
			pPr: keep + exactLines(0, f.TableSize*0.3, noteLine), font: fn.Table, size: f.TableSize},
		// Table cells take single spacing: an exact pitch would clip tall
		// glyphs, and the docGrid must not snap them (no snapToGrid grid).
		styleDef{id: styleTableText, name: "Table Text", basedOn: styleNormal, next: styleTableText,
			pPr: singleLines, font: fn.Table, size: f.TableSize},
		styleDef{id: styleFooter, name: "footer", basedOn: styleNormal,
			pPr: singleLines + `<w:jc w:val="center"/>`, font: fn.Body, size: f.FooterSize},
	)
	return defs
}

// styles is word/styles.xml.
func styles(o config) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader)
	fmt.Fprintf(&b, `<w:styles xmlns:w="%s">`, nsW)
	hp := halfPoints(o.Format.BodySize)
	fmt.Fprintf(&b, `<w:docDefaults><w:rPrDefault><w:rPr>%s<w:kern w:val="2"/><w:sz w:val="%d"/><w:szCs w:val="%d"/>`+
		`<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>`+
		`<w:pPrDefault><w:pPr><w:spacing w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>`,
		rFonts(o.Fonts.Body), hp, hp)
	grid := gridSpacingFor(o.Format.PageWidth-o.Format.Left-o.Format.Right, o.Format.BodySize)
	for _, s := range styleDefs(o) {
		b.WriteString(s.xml(grid))
	}
	// Table and character defaults Word expects to find.
	b.WriteString(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">` +
		`<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>` +
		`<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
		`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>` +
		`<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	b.WriteString(`</w:styles>`)
	return []byte(b.String())
}
