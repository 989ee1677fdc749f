package budget

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Position is a place in an input file. Line and Column count from 1; zero
// when unknown (a budget built in Go has no file).
type Position struct {
	File   string
	Line   int
	Column int
	// Cell names the place in a workbook, "支出明细!H27"; Line and Column
	// then only order the problems as the workbook's sheets and rows run.
	Cell string
}

func (p Position) String() string {
	switch {
	case p.Cell != "":
		return p.File + ":" + p.Cell
	case p.File == "" && p.Line == 0:
		return ""
	case p.Line == 0:
		return p.File
	case p.Column == 0: // a YAML syntax error names only the line
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
	}
}

// Severity tells an error, which stops publication, from a warning.
type Severity int

const (
	SeverityError Severity = iota
	SeverityWarning
)

func (s Severity) String() string {
	if s == SeverityWarning {
		return "warning"
	}
	return "error"
}

// warningMark starts a warning's text. Messages are in Chinese, for the
// finance staff who read them; the field path stays in the input's own
// (English) key names.
const warningMark = "警告："

// Path is where in the input a problem lies, element by element:
// lines[3].economic is {Key "lines"}, {Index 3}, {Key "economic"}. A caller
// maps it back to its own records (Path[1].Index is the line's row) without
// parsing text.
type Path []PathElem

// PathElem is a field name or map key (Key), or a list index.
type PathElem struct {
	Key   string
	Index int // a list index when Key is ""
}

// String writes the path as the messages do: "lines[3].economic".
func (p Path) String() string {
	var b strings.Builder
	for i, e := range p {
		switch {
		case e.Key == "":
			b.WriteString("[" + strconv.Itoa(e.Index) + "]")
		case i > 0:
			b.WriteString("." + e.Key)
		default:
			b.WriteString(e.Key)
		}
	}
	return b.String()
}

// ParsePath reads a path written as String writes it.
func ParsePath(s string) Path {
	var p Path
	for s != "" {
		switch {
		case s[0] == '.':
			s = s[1:]
		case s[0] == '[':
			end := strings.IndexByte(s, ']')
			n, err := strconv.Atoi(s[1:max(end, 1)])
			if end < 0 || err != nil {
				return append(p, PathElem{Key: s})
			}
			p = append(p, PathElem{Index: n})
			s = s[end+1:]
		default:
			end := strings.IndexAny(s, ".[")
			if end < 0 {
				end = len(s)
			}
			p = append(p, PathElem{Key: s[:end]})
			s = s[end:]
		}
	}
	return p
}

// Problem is one thing wrong with the input: what kind of problem (Code),
// where it is (Pos, Path) and what to do (Message, in Chinese). It is an
// error.
type Problem struct {
	Code     Code
	Severity Severity
	Pos      Position
	Path     Path
	Message  string // in Chinese: what is wrong and how to put it right
}

func (p Problem) String() string {
	var b strings.Builder
	if s := p.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	if p.Severity == SeverityWarning {
		b.WriteString(warningMark)
	}
	if len(p.Path) > 0 {
		b.WriteString(p.Path.String())
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Error is String: a Problem is an error, so errors.As finds one in a
// Problems.
func (p Problem) Error() string { return p.String() }

// Problems is every problem found at once. It is the error Load and Validate
// return; errors.As gets at the list, and at each Problem through Unwrap.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Unwrap gives each problem as an error, for errors.Is and errors.As.
func (ps Problems) Unwrap() []error {
	out := make([]error, len(ps))
	for i, p := range ps {
		out[i] = p
	}
	return out
}

// Err is ps as an error when any problem is an error, else nil: warnings
// alone do not stop a render.
func (ps Problems) Err() error {
	if len(ps.Errors()) == 0 {
		return nil
	}
	return ps
}

// Errors returns the problems that are errors, leaving out warnings.
func (ps Problems) Errors() Problems {
	var out Problems
	for _, p := range ps {
		if p.Severity == SeverityError {
			out = append(out, p)
		}
	}
	return out
}

// Warnings returns the problems that are warnings.
func (ps Problems) Warnings() Problems {
	var out Problems
	for _, p := range ps {
		if p.Severity == SeverityWarning {
			out = append(out, p)
		}
	}
	return out
}

// AsProblems finds the Problems in err, if it holds any.
func AsProblems(err error) (Problems, bool) {
	var ps Problems
	ok := errors.As(err, &ps)
	return ps, ok
}
