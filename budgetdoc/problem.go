package budgetdoc

import (
	"fmt"
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
	Error Severity = iota
	Warning
)

// warningMark starts a warning's text. Messages are in Chinese, for the
// finance staff who read them; the field path stays in the input's own
// (English) key names.
const warningMark = "警告："

// Problem is one thing wrong with the input: where it is and what is wrong.
type Problem struct {
	Pos      Position
	Path     string // field path, "lines[3].economic"
	Severity Severity
	Message  string // in Chinese: what is wrong and how to put it right
}

func (p Problem) String() string {
	var b strings.Builder
	if s := p.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	if p.Severity == Warning {
		b.WriteString(warningMark)
	}
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Problems is every problem found at once. It is the error Load and Validate
// return; use errors.As to get at the list.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Errors returns the problems that are errors, leaving out warnings.
func (ps Problems) Errors() Problems {
	var out Problems
	for _, p := range ps {
		if p.Severity == Error {
			out = append(out, p)
		}
	}
	return out
}

// Warnings returns the problems that are warnings.
func (ps Problems) Warnings() Problems {
	var out Problems
	for _, p := range ps {
		if p.Severity == Warning {
			out = append(out, p)
		}
	}
	return out
}
