package main

import (
	"encoding/json"
	"io"

	"github.com/budgetdoc/budgetdoc"
	"github.com/budgetdoc/budgetdoc/budget"
)

// jsonProblem is one line of validate --json.
type jsonProblem struct {
	Code     budget.Code `json:"code"`
	Severity string      `json:"severity"`
	File     string      `json:"file"`
	Line     int         `json:"line,omitempty"`
	Column   int         `json:"column,omitempty"`
	Path     []any       `json:"path"`
	Message  string      `json:"message"`
}

// validateFileJSON prints input's problems one JSON object a line; a file
// that cannot be read at all is one problem of code "file".
func validateFileJSON(w io.Writer, input string, units unitChoice, opts *budgetdoc.Options) bool {
	_, problems, err := loadAndCheck(input, units, opts)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err != nil {
		enc.Encode(jsonProblem{Code: "file", Severity: "error", File: input, Path: []any{}, Message: err.Error()})
		return false
	}
	for _, p := range problems {
		path := make([]any, len(p.Path))
		for i, e := range p.Path {
			if e.Key == "" {
				path[i] = e.Index
			} else {
				path[i] = e.Key
			}
		}
		enc.Encode(jsonProblem{Code: p.Code, Severity: p.Severity.String(), File: p.Pos.File,
			Line: p.Pos.Line, Column: p.Pos.Column, Path: path, Message: p.Message})
	}
	return len(problems.Errors()) == 0
}
