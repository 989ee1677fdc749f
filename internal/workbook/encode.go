package workbook

import (
	"bytes"
	"encoding/json"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The tree as YAML and JSON text, for converting a workbook (or, through
// one, any input) to them. The tree is one Read gives: every scalar tagged
// with what it is, so a code stays text ("019") and an amount the number
// it was written as (85.20).

// EncodeYAML writes the tree as YAML: each budget section a block, each row
// of a table (a line, a unit, a target) one flow mapping on its own line,
// as a person would write it.
func EncodeYAML(root *yaml.Node, comment string) ([]byte, error) {
	n := styled(root, 0)
	n.HeadComment = comment
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// styled copies the tree with the styles EncodeYAML wants.
func styled(n *yaml.Node, depth int) *yaml.Node {
	c := *n
	c.Line, c.Column = 0, 0
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, child := range n.Content {
		c.Content[i] = styled(child, depth+1)
	}
	switch n.Kind {
	case yaml.MappingNode:
		if depth >= 2 && flat(n) && length(n) <= 120 { // a row: a line, a unit, a target
			c.Style = yaml.FlowStyle
		}
	case yaml.SequenceNode:
		if flat(n) && len(n.Content) > 0 && allShort(n) {
			c.Style = yaml.FlowStyle
		}
	case yaml.ScalarNode:
		c.Style = 0
		switch n.Tag {
		case "!!str":
			if looksLikeNumber(n.Value) {
				c.Style = yaml.DoubleQuotedStyle // codes: "019", "2010301"
			}
		case "!!int", "!!float", "!!bool":
			if plainNumber.MatchString(n.Value) || n.Tag == "!!bool" {
				c.Tag = "" // written plain: 0, not !!float 0
			}
		}
	}
	return &c
}

// length is how long a mapping of scalars is, in characters.
func length(n *yaml.Node) int {
	total := 0
	for _, c := range n.Content {
		total += len([]rune(c.Value)) + 3
	}
	return total
}

// flat reports whether n holds only scalars.
func flat(n *yaml.Node) bool {
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode {
			return false
		}
	}
	return true
}

// allShort reports whether a list of text is short enough for one line.
func allShort(n *yaml.Node) bool {
	total := 0
	for _, c := range n.Content {
		total += len([]rune(c.Value)) + 2
	}
	return total <= 60
}

func looksLikeNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' && r != '-' {
			return false
		}
	}
	return true
}

// EncodeJSON writes the tree as indented JSON: text as strings, numbers as
// written, true and false.
func EncodeJSON(root *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	if err := jsonValue(&b, root, 0); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

func jsonValue(b *bytes.Buffer, n *yaml.Node, depth int) error {
	n = resolve(n)
	indent := func(d int) { b.WriteString("\n" + strings.Repeat("  ", d)) }
	switch n.Kind {
	case yaml.MappingNode:
		if len(n.Content) == 0 {
			b.WriteString("{}")
			return nil
		}
		b.WriteByte('{')
		for k := 0; k+1 < len(n.Content); k += 2 {
			if k > 0 {
				b.WriteByte(',')
			}
			indent(depth + 1)
			jsonString(b, resolve(n.Content[k]).Value)
			b.WriteString(": ")
			if err := jsonValue(b, n.Content[k+1], depth+1); err != nil {
				return err
			}
		}
		indent(depth)
		b.WriteByte('}')
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			b.WriteString("[]")
			return nil
		}
		b.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			indent(depth + 1)
			if err := jsonValue(b, c, depth+1); err != nil {
				return err
			}
		}
		indent(depth)
		b.WriteByte(']')
	default:
		switch tag := n.ShortTag(); {
		case tag == "!!null":
			b.WriteString("null")
		case tag == "!!bool":
			b.WriteString(strings.ToLower(n.Value))
		case (tag == "!!int" || tag == "!!float") && plainNumber.MatchString(n.Value):
			b.WriteString(n.Value)
		default:
			jsonString(b, n.Value)
		}
	}
	return nil
}

func jsonString(b *bytes.Buffer, s string) {
	var q bytes.Buffer
	enc := json.NewEncoder(&q)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	b.Write(bytes.TrimSuffix(q.Bytes(), []byte("\n")))
}
