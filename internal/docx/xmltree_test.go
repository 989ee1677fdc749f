package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// node is a parsed XML element, by local names, for structural assertions.
type node struct {
	name     string
	attr     map[string]string // local name → value
	children []*node
	text     string // character data directly inside
}

func parseXML(t *testing.T, data []byte) *node {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	root := &node{name: "#root"}
	stack := []*node{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("XML not well-formed: %v", err)
		}
		top := stack[len(stack)-1]
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name.Local, attr: map[string]string{}}
			for _, a := range tok.Attr {
				n.attr[a.Name.Local] = a.Value
			}
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.text += string(tok)
		}
	}
	return root
}

// all returns every descendant named name, in document order.
func (n *node) all(name string) []*node {
	var out []*node
	for _, c := range n.children {
		if c.name == name {
			out = append(out, c)
		}
		out = append(out, c.all(name)...)
	}
	return out
}

// child returns the first direct child named name, or nil.
func (n *node) child(name string) *node {
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// find returns the first descendant named name, or nil.
func (n *node) find(name string) *node {
	if a := n.all(name); len(a) > 0 {
		return a[0]
	}
	return nil
}

// plainText is the text a paragraph (or any element) shows: w:t contents,
// with w:tab as "\t" and w:br as "\n".
func (n *node) plainText() string {
	var b strings.Builder
	var walk func(*node)
	walk = func(n *node) {
		switch n.name {
		case "t":
			b.WriteString(n.text)
		case "tab":
			if n.attr["val"] == "" { // a run's tab, not a tab stop
				b.WriteString("\t")
			}
		case "br":
			b.WriteString("\n")
		case "instrText", "pPr":
			return
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// unzip returns the parts of a .docx, in archive order.
func unzip(t *testing.T, data []byte) ([]*zip.File, map[string][]byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = b
	}
	return zr.File, parts
}

// prettyXML re-indents XML one element per line, keeping prefixes as
// written, for a golden file a person can read and diff.
func prettyXML(t *testing.T, data []byte) []byte {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var b bytes.Buffer
	depth := 0
	name := func(n xml.Name) string {
		if n.Space != "" {
			return n.Space + ":" + n.Local
		}
		return n.Local
	}
	open, inText := false, false // a start tag awaits its ">"; text was written after it
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("XML not well-formed: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if open {
				b.WriteString(">\n")
			}
			if inText {
				b.WriteString("\n")
			}
			open, inText = true, false
			b.WriteString(strings.Repeat("  ", depth) + "<" + name(tok.Name))
			for _, a := range tok.Attr {
				b.WriteString(" " + name(a.Name) + `="`)
				xml.EscapeText(&b, []byte(a.Value))
				b.WriteString(`"`)
			}
			depth++
		case xml.EndElement:
			depth--
			switch {
			case open:
				b.WriteString("/>\n")
			case inText:
				b.WriteString("</" + name(tok.Name) + ">\n")
			default:
				b.WriteString(strings.Repeat("  ", depth) + "</" + name(tok.Name) + ">\n")
			}
			open, inText = false, false
		case xml.CharData:
			if len(bytes.TrimSpace(tok)) == 0 && !open {
				continue // whitespace between elements
			}
			if open {
				b.WriteString(">")
				open = false
			}
			xml.EscapeText(&b, tok)
			inText = true
		}
	}
	return b.Bytes()
}
