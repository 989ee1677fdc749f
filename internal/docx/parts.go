package docx

import (
	"fmt"
	"strings"

	"github.com/budgetdoc/budgetdoc/doc"
)

// Footer parts and their relationship ids in word/_rels/document.xml.rels.
const (
	footerBlank   = "footer1.xml" // pages before numbering starts
	footerPage    = "footer2.xml" // "— PAGE —" on odd pages, at the right
	footerEven    = "footer3.xml" // "— PAGE —" on even pages, at the left
	ridFooterNone = "rId4"
	ridFooterPage = "rId5"
	ridFooterEven = "rId6"
)

func contentTypes() []byte {
	const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	return []byte(xmlHeader +
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="` + wml + `document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="` + wml + `styles+xml"/>` +
		`<Override PartName="/word/settings.xml" ContentType="` + wml + `settings+xml"/>` +
		`<Override PartName="/word/fontTable.xml" ContentType="` + wml + `fontTable+xml"/>` +
		`<Override PartName="/word/` + footerBlank + `" ContentType="` + wml + `footer+xml"/>` +
		`<Override PartName="/word/` + footerPage + `" ContentType="` + wml + `footer+xml"/>` +
		`<Override PartName="/word/` + footerEven + `" ContentType="` + wml + `footer+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
		`</Types>`)
}

const relsNS = "http://schemas.openxmlformats.org/package/2006/relationships"

func packageRels() []byte {
	return []byte(xmlHeader + `<Relationships xmlns="` + relsNS + `">` +
		`<Relationship Id="rId1" Type="` + nsR + `/officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="` + nsR + `/extended-properties" Target="docProps/app.xml"/>` +
		`</Relationships>`)
}

func documentRels() []byte {
	return []byte(xmlHeader + `<Relationships xmlns="` + relsNS + `">` +
		`<Relationship Id="rId1" Type="` + nsR + `/styles" Target="styles.xml"/>` +
		`<Relationship Id="rId2" Type="` + nsR + `/settings" Target="settings.xml"/>` +
		`<Relationship Id="rId3" Type="` + nsR + `/fontTable" Target="fontTable.xml"/>` +
		`<Relationship Id="` + ridFooterNone + `" Type="` + nsR + `/footer" Target="` + footerBlank + `"/>` +
		`<Relationship Id="` + ridFooterPage + `" Type="` + nsR + `/footer" Target="` + footerPage + `"/>` +
		`<Relationship Id="` + ridFooterEven + `" Type="` + nsR + `/footer" Target="` + footerEven + `"/>` +
		`</Relationships>`)
}

// coreProps holds title and author only: no creation or modification time,
// so the bytes do not change from run to run.
func coreProps(d *doc.Document) []byte {
	return []byte(xmlHeader +
		`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(d.Title) + `</dc:title><dc:creator>` + esc(d.Author) + `</dc:creator>` +
		`</cp:coreProperties>`)
}

func appProps() []byte {
	return []byte(xmlHeader +
		`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"` +
		` xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
		`<Application>budgetdoc</Application></Properties>`)
}

// settings is word/settings.xml (children in schema order). It does not ask
// Word to update fields on opening: that brings up a prompt, and the cached
// TOC already holds the page numbers. evenAndOddHeaders gives even pages
// their own footer, as GB/T 9704 places the page number.
func settings(o config) []byte {
	return []byte(xmlHeader + `<w:settings xmlns:w="` + nsW + `">` +
		`<w:zoom w:percent="100"/>` +
		`<w:evenAndOddHeaders/>` +
		fmt.Sprintf(`<w:defaultTabStop w:val="%d"/>`, twips(2*o.Format.BodySize)) +
		`<w:characterSpacingControl w:val="compressPunctuation"/>` +
		`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>` +
		`<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>` +
		`</w:settings>`)
}

// knownFonts gives the Latin name Word writes as w:altName for the Chinese
// fonts of Windows, and a substitute for fonts a machine may lack.
var knownFonts = map[string]string{
	"宋体": "SimSun",
	"黑体": "SimHei",
	"楷体": "KaiTi",
	"仿宋": "FangSong",
	// Where 方正小标宋简体 is missing, Word looks the font up by its
	// altName: 华文中宋 (STZhongsong, installed with Office) is the heavy
	// 宋 that stands in for 小标宋 in government templates; 宋体 is too light
	// for a title.
	"方正小标宋简体":   "华文中宋",
	"楷体_GB2312": "KaiTi_GB2312",
	"仿宋_GB2312": "FangSong_GB2312",
}

// heavyFonts are title faces that are bold by design. Their font table
// entry says so in its PANOSE (weight 8, bold), so that Word, matching a
// missing font by its PANOSE, substitutes a bold face rather than a regular
// one. The styles do not ask for bold: Word would embolden the real
// 小标宋 on the machines that have it.
var heavyFonts = map[string]bool{"方正小标宋简体": true, "方正小标宋_GBK": true, "华文中宋": true}

// fontTable lists the fonts in use, in role order without repeats, each as a
// GB2312 (charset 86) font.
func fontTable(f Fonts) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:fonts xmlns:w="` + nsW + `">`)
	seen := map[string]bool{}
	for _, name := range []string{f.Body, f.Title, f.Heading, f.Kai, f.Table} {
		if seen[name] {
			continue
		}
		seen[name] = true
		b.WriteString(`<w:font w:name="` + esc(name) + `">`)
		if alt := knownFonts[name]; alt != "" {
			b.WriteString(`<w:altName w:val="` + esc(alt) + `"/>`)
		}
		if heavyFonts[name] {
			b.WriteString(`<w:panose1 w:val="02020800000000000000"/>`)
		}
		b.WriteString(`<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`)
	}
	b.WriteString(`<w:font w:name="` + latinFont + `"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`)
	b.WriteString(`</w:fonts>`)
	return []byte(b.String())
}

// footer is a footer part: empty (side 0), or the page number between
// dashes, "— 1 —", as GB/T 9704 places it: odd pages at the right (side 1),
// even pages at the left (side -1), one character in from the edge of the
// text area, as the PDF does.
func footer(side int, f Fonts, size float64) []byte {
	var p string
	if side != 0 {
		jc, ind := `<w:jc w:val="right"/>`, fmt.Sprintf(`<w:ind w:right="%d"/>`, twips(size))
		if side < 0 {
			jc, ind = `<w:jc w:val="left"/>`, fmt.Sprintf(`<w:ind w:left="%d"/>`, twips(size))
		}
		// The dashes in the Chinese font on every script slot: Word and
		// LibreOffice disagree on which script U+2014 belongs to, and only
		// the Chinese font's dash is a full em wide.
		dash := `<w:rPr><w:rFonts w:ascii="` + esc(f.Body) + `" w:eastAsia="` + esc(f.Body) + `" w:hAnsi="` + esc(f.Body) + `" w:hint="eastAsia"/></w:rPr>`
		p = `<w:p><w:pPr><w:pStyle w:val="` + styleFooter + `"/>` + ind + jc + `</w:pPr>` +
			runs("— ", dash) + field("PAGE", "1") + runs(" —", dash) + `</w:p>`
	} else {
		p = `<w:p><w:pPr><w:pStyle w:val="` + styleFooter + `"/></w:pPr></w:p>`
	}
	return []byte(xmlHeader + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">` + p + `</w:ftr>`)
}

// field is a complex field with its instruction and cached result.
func field(instr, result string) string {
	return `<w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> ` + esc(instr) + ` </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		runs(result, "") +
		`<w:r><w:fldChar w:fldCharType="end"/></w:r>`
}
