// Package templates holds the default narrative templates of the 部门预算
// document, in Go's text/template language, embedded in the binary.
//
// A caller replaces them with a set of their own (another province words
// things differently) by handing budgetdoc an fs.FS holding *.tmpl files that
// define the same templates: "overview" (第一部分), "narrative" (第二部分),
// "glossary" (第三部分), "annex", "caption", "change", "compare", "reasons",
// and the table notes "note.五", "note.八", "empty", "empty.八", "empty.九".
// The simplest way is to copy zh-CN/ and edit it.
//
// Templates write words, not layout: the text they produce is read by
// internal/markup, where "# " starts a part title, "## " a section title,
// "### " a subsection title, a "[目录]" or "[目录：entry]" mark puts a title in
// the table of contents, and blank lines separate paragraphs.
//
// The data a template sees and the functions it can call (money, pct, cn,
// ordinal, join, add, year, prior, unit) are documented on
// profile.TemplateData.
package templates

import (
	"embed"
	"io/fs"
)

//go:embed zh-CN/*.tmpl
var files embed.FS

// Default returns the default (zh-CN, Henan wording) templates.
func Default() fs.FS {
	sub, err := fs.Sub(files, "zh-CN")
	if err != nil {
		panic(err) // the embedded directory is part of the build
	}
	return sub
}
