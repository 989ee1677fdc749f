package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/budgetdoc/budgetdoc/budgetdoc"
	"github.com/budgetdoc/budgetdoc/fonts"
)

const renderUsage = `Usage:
  budgetdoc render INPUT -o OUTPUT [-o OUTPUT ...] [options]

Makes the disclosure document from the budget file INPUT (.yaml, .yml or
.json). The kind of each OUTPUT comes from its name: .pdf, .docx (Word) or
.xlsx (Excel, the twelve tables). Give -o several times to make several at
once. The budget is checked first; if it has errors, nothing is written.
A document is written whole or not at all, also when interrupted.

Options:
  -o FILE            where to write a document (may be given several times)
  --format KIND      pdf, docx or xlsx, when the name of the one OUTPUT does
                     not end in it
  --font ROLE=FILE   use a font file (.ttf, .otf, or .ttc#INDEX for a face
                     of a collection) for a role: body, title, heading, kai
                     or table; may be given several times
  --templates DIR    a folder of *.tmpl files replacing the narrative wording

Examples:
  budgetdoc render 2023预算.yaml -o 2023预算.pdf
  budgetdoc render 2023预算.yaml -o 2023预算.pdf -o 2023预算.docx -o 2023预算.xlsx
  budgetdoc render 2023预算.yaml -o 2023预算.pdf --font body=C:\Windows\Fonts\simfang.ttf
`

// formats are the kinds of document, by name and file extension.
var formats = []string{"pdf", "docx", "xlsx"}

// formatOf returns the kind of document a file name asks for, "" if none.
func formatOf(name string) string {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), ".")
	for _, f := range formats {
		if ext == f {
			return f
		}
	}
	return ""
}

// renderFlags are the flags render and batch share.
type renderFlags struct {
	fonts     stringList
	templates string
}

// define adds the shared flags to flags.
func (rf *renderFlags) define(flags *flag.FlagSet) {
	flags.Var(&rf.fonts, "font", "")
	flags.StringVar(&rf.templates, "templates", "", "")
}

// options builds the library's options from the flags. A mistake in a
// flag's wording is a usage error (usage true); a font or folder that
// cannot be read is not.
func (rf *renderFlags) options() (o *budgetdoc.Options, usage bool, err error) {
	o = &budgetdoc.Options{}
	if len(rf.fonts) > 0 {
		set := fonts.Default()
		for _, spec := range rf.fonts {
			role, path, index, err := parseFontFlag(spec)
			if err != nil {
				return nil, true, err
			}
			face, err := fonts.LoadFile(path, index)
			if err != nil {
				return nil, false, fmt.Errorf("--font %s: %v", spec, err)
			}
			set.Register(role, face)
		}
		o.Fonts = set
	}
	if rf.templates != "" {
		if err := checkFolder(rf.templates); err != nil {
			return nil, false, fmt.Errorf("--templates: %v", err)
		}
		o.Templates = os.DirFS(rf.templates)
	}
	return o, false, nil
}

var fontRoles = []fonts.Role{fonts.Body, fonts.Title, fonts.Heading, fonts.Kai, fonts.Table}

// parseFontFlag reads ROLE=PATH or ROLE=PATH#INDEX.
func parseFontFlag(spec string) (role fonts.Role, path string, index int, err error) {
	name, path, ok := strings.Cut(spec, "=")
	if !ok || path == "" {
		return "", "", 0, fmt.Errorf("--font %q: write ROLE=FILE, for example body=simfang.ttf", spec)
	}
	role = fonts.Role(strings.TrimSpace(name))
	known := false
	names := make([]string, len(fontRoles))
	for i, r := range fontRoles {
		names[i] = string(r)
		known = known || r == role
	}
	if !known {
		return "", "", 0, fmt.Errorf("--font %q: unknown role %q; the roles are %s", spec, name, strings.Join(names, ", "))
	}
	// A '#' followed by digits at the end picks a face of a collection; a
	// '#' elsewhere is part of the file name.
	if i := strings.LastIndex(path, "#"); i >= 0 {
		if n, err := strconv.Atoi(path[i+1:]); err == nil && n >= 0 {
			return role, path[:i], n, nil
		}
	}
	return role, path, 0, nil
}

// output is one document to write.
type output struct {
	path, format string
}

func runRender(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("render")
	var outs stringList
	var rf renderFlags
	var format string
	flags.Var(&outs, "o", "")
	flags.StringVar(&format, "format", "", "")
	rf.define(flags)
	positional, status, ok := parseCommand(flags, renderUsage, args, stdout, stderr)
	if !ok {
		return status
	}
	fail := func(format string, args ...any) int {
		return usageError(stderr, "render", renderUsage, format, args...)
	}
	switch {
	case len(positional) == 0:
		return fail("name the budget file to render")
	case len(positional) > 1:
		return fail("one budget file at a time (got %s); use batch for a folder", strings.Join(positional, ", "))
	case len(outs) == 0:
		return fail("say where to write the document with -o, for example -o 2023预算.pdf")
	}
	input := positional[0]

	outputs, err := renderOutputs(outs, format)
	if err != nil {
		return fail("%v", err)
	}
	opts, usage, err := rf.options()
	if usage {
		return fail("%v", err)
	}
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc render: %v\n", err)
		return exitFailed
	}
	for _, o := range outputs {
		if err := checkFolder(filepath.Dir(o.path)); err != nil {
			fmt.Fprintf(stderr, "budgetdoc render: cannot write %s: %v\n", o.path, err)
			return exitFailed
		}
	}

	b, problems, err := loadAndCheck(input)
	printProblems(stderr, problems)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailed
	}
	if n := len(problems.Errors()); n > 0 {
		fmt.Fprintf(stderr, "%s: %s; nothing written\n", input, countProblems(problems))
		return exitFailed
	}

	written, err := renderBudget(ctx, b, outputs, opts)
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc render: %v; nothing written\n", err)
		if ctx.Err() != nil {
			return exitInterrupted
		}
		return exitFailed
	}
	for _, o := range written {
		fmt.Fprintf(stdout, "wrote %s\n", o)
	}
	return exitOK
}

// renderOutputs pairs each -o with its kind of document.
func renderOutputs(outs []string, format string) ([]output, error) {
	if format != "" {
		format = strings.ToLower(strings.TrimPrefix(format, "."))
		if formatOf("x."+format) == "" {
			return nil, fmt.Errorf("unknown --format %q: use pdf, docx or xlsx", format)
		}
		if len(outs) > 1 {
			return nil, fmt.Errorf("--format goes with a single -o; with several, name each file .pdf, .docx or .xlsx")
		}
	}
	seen := map[string]bool{}
	var outputs []output
	for _, path := range outs {
		f := format
		if f == "" {
			f = formatOf(path)
		}
		if f == "" {
			return nil, fmt.Errorf("cannot tell what kind of document %s is: name it .pdf, .docx or .xlsx, or give --format", path)
		}
		clean := filepath.Clean(path)
		if seen[clean] {
			return nil, fmt.Errorf("%s is named twice", path)
		}
		seen[clean] = true
		outputs = append(outputs, output{path: path, format: f})
	}
	return outputs, nil
}

// renderBudget makes every document in memory, then writes them all (see
// writeAll). It stops before the next document when ctx is cancelled,
// writing nothing. It returns the files written.
func renderBudget(ctx context.Context, b *budgetdoc.Budget, outputs []output, opts *budgetdoc.Options) ([]string, error) {
	docs := map[string][]byte{}
	var order []string
	for _, o := range outputs {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("interrupted")
		}
		var buf bytes.Buffer
		var err error
		switch o.format {
		case "pdf":
			err = b.WritePDF(&buf, opts)
		case "docx":
			err = b.WriteDOCX(&buf, opts)
		case "xlsx":
			err = b.WriteXLSX(&buf, opts)
		}
		if err != nil {
			return nil, fmt.Errorf("cannot make %s: %w", o.path, err)
		}
		docs[o.path] = buf.Bytes()
		order = append(order, o.path)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("interrupted")
	}
	if err := writeAll(docs, order); err != nil {
		return nil, err
	}
	return order, nil
}
