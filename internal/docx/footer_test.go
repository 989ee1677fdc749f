package docx

import (
	"strings"
	"testing"
)

// TestOddAndEvenFooters: as in the PDF, odd pages carry the page number at
// the right and even pages at the left, each one character in; Word shows
// the even footer only when settings ask for odd and even headers.
func TestOddAndEvenFooters(t *testing.T) {
	_, parts := unzip(t, writeSample(t))
	if parseXML(t, parts["word/settings.xml"]).find("evenAndOddHeaders") == nil {
		t.Error("settings.xml has no w:evenAndOddHeaders: Word would use the odd footer on every page")
	}
	rels := parseXML(t, parts["word/_rels/document.xml.rels"])
	target := map[string]string{}
	for _, r := range rels.all("Relationship") {
		target[r.attr["Id"]] = "word/" + r.attr["Target"]
	}
	numbered := 0
	for _, sp := range parseXML(t, parts["word/document.xml"]).all("sectPr") {
		refs := map[string]string{}
		for _, f := range sp.all("footerReference") {
			refs[f.attr["type"]] = target[f.attr["id"]]
		}
		odd, even := refs["default"], refs["even"]
		if odd == "" || even == "" {
			t.Errorf("a section lacks its odd or even footer: %v", refs)
			continue
		}
		oddP := parseXML(t, parts[odd])
		if !strings.Contains(oddP.plainText(), "—") {
			if strings.Contains(parseXML(t, parts[even]).plainText(), "—") {
				t.Errorf("an unnumbered section has a page number on even pages")
			}
			continue
		}
		numbered++
		evenP := parseXML(t, parts[even])
		for _, c := range []struct {
			name string
			n    *node
			jc   string
			side string
		}{{"odd", oddP, "right", "right"}, {"even", evenP, "left", "left"}} {
			if !strings.Contains(c.n.plainText(), "—") || c.n.find("instrText") == nil ||
				strings.TrimSpace(c.n.find("instrText").text) != "PAGE" {
				t.Errorf("%s footer %q has no page number field", c.name, c.n.plainText())
			}
			if jc := c.n.find("jc"); jc == nil || jc.attr["val"] != c.jc {
				t.Errorf("%s footer is not aligned %s", c.name, c.jc)
			}
			if ind := c.n.find("ind"); ind == nil || ind.attr[c.side] == "" || ind.attr[c.side] == "0" {
				t.Errorf("%s footer is not one character in from the %s", c.name, c.side)
			}
		}
	}
	if numbered == 0 {
		t.Fatal("no section with page numbers")
	}
}
