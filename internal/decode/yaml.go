package decode

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// YAML parses data as one YAML document into a node tree. It returns nil
// and no error for input with no document (empty, or only comments). More
// than one document is an error: a budget is one mapping.
func YAML(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, yamlSyntaxError(data, err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		pos := Position{next.Line, next.Column}
		if len(next.Content) > 0 {
			pos = Position{next.Content[0].Line, next.Content[0].Column}
		}
		return nil, &SyntaxError{Position: pos, Message: "a second YAML document starts here (after ---); the file must hold one document"}
	case !errors.Is(err, io.EOF):
		return nil, yamlSyntaxError(data, err)
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

var (
	yamlLine      = regexp.MustCompile(`^yaml: line ([0-9]+): (.*)$`)
	unknownAnchor = regexp.MustCompile(`^yaml: unknown anchor '(.*)' referenced$`)
)

// parserProblems are the messages of yaml.v3's parser (as opposed to its
// scanner). yaml.v3 reports the line of a parser problem counting from 0,
// and of a scanner problem counting from 1.
var parserProblems = []string{
	"did not find expected <stream-start>",
	"did not find expected <document start>",
	"found undefined tag handle",
	"did not find expected node content",
	"did not find expected '-' indicator",
	"did not find expected key",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"found duplicate %YAML directive",
	"found incompatible YAML document",
	"found duplicate %TAG directive",
}

// yamlSyntaxError turns a yaml.v3 error, which gives at most a line, into
// a SyntaxError with the line and, where it can be found, the column.
func yamlSyntaxError(data []byte, err error) *SyntaxError {
	text := err.Error()
	if m := unknownAnchor.FindStringSubmatch(text); m != nil {
		e := &SyntaxError{Message: "alias *" + m[1] + " refers to no anchor &" + m[1]}
		if i := bytes.Index(data, []byte("*"+m[1])); i >= 0 {
			e.Position = PositionOf(data, i)
		}
		return e
	}
	e := &SyntaxError{Message: strings.TrimPrefix(text, "yaml: ")}
	if m := yamlLine.FindStringSubmatch(text); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Message = m[2]
		for _, p := range parserProblems {
			if e.Message == p {
				e.Line++
			}
		}
	} else if isParseProblem(e.Message) {
		// yaml.v3 leaves out the line when it is the first.
		e.Line = 1
	}
	if strings.Contains(e.Message, "tab character") || strings.Contains(e.Message, "cannot start any token") {
		if col := tabColumn(data, e.Line); col > 0 {
			e.Column = col
			e.Message += " (a tab: indent YAML with spaces, not tabs)"
		}
	}
	return e
}

// isParseProblem tells a scanner or parser message, which yaml.v3 prints
// without a line when the problem is on the first line, from the other
// errors it returns (which have no line at all).
func isParseProblem(msg string) bool {
	for _, p := range parserProblems {
		if msg == p {
			return true
		}
	}
	for _, prefix := range []string{"found ", "did not find ", "could not find ", "mapping ", "block sequence ", "control characters "} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}

// tabColumn returns the column of the first tab in the leading white space
// of line (counting from 1), or 0 if it has none.
func tabColumn(data []byte, line int) int {
	if line < 1 {
		return 0
	}
	lines := bytes.SplitN(data, []byte("\n"), line+1)
	if len(lines) < line {
		return 0
	}
	col := 1
	for _, b := range lines[line-1] {
		switch b {
		case '\t':
			return col
		case ' ', '-':
			col++
		default:
			return 0
		}
	}
	return 0
}
