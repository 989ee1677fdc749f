package budgetdoc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/catalog"
	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/figures"
	"github.com/budgetdoc/budgetdoc/fonts"
	"github.com/budgetdoc/budgetdoc/internal/docx"
	"github.com/budgetdoc/budgetdoc/internal/pdf"
	"github.com/budgetdoc/budgetdoc/internal/writer"
	"github.com/budgetdoc/budgetdoc/internal/xlsx"
	"github.com/budgetdoc/budgetdoc/profile"
)

// Load reads a budget from a file: YAML (.yaml, .yml), JSON (.json) or the
// fill-in workbook (.xlsx). Every problem with the content comes back at once
// as budget.Problems.
func Load(path string) (*budget.Budget, error) { return budget.Load(path) }

// Parse reads a budget from the bytes of a file; name names it in messages
// and its extension picks the syntax.
func Parse(name string, data []byte) (*budget.Budget, error) { return budget.Parse(name, data) }

// GBT9704 is the page format of GB/T 9704-2012 《党政机关公文格式》, the
// default.
func GBT9704() doc.Format { return doc.GBT9704() }

// Options control the document and its output. The zero value (or nil) gives
// the 河南部门预算 in the official format, with the built-in catalogue of the
// budget's year, the default templates and the embedded fonts.
type Options struct {
	// Profile is the document definition; nil means the built-in one for
	// the budget (profile.Default): the 河南部门预算, or for a unit's budget
	// (budget.Budget.Unit) the 河南单位预算. A unit's budget under a
	// department's profile is published as that profile's ForUnit.
	Profile *profile.Profile
	// Catalogue is laid over the built-in catalogue of the budget's year
	// (and the profile's): a region's own 科目 list (catalog.LoadFile).
	// nil means the built-in one, with a warning when it is an earlier
	// year's or incomplete.
	Catalogue *catalog.Catalogue
	// Templates holds *.tmpl files laid over the profile's templates: a
	// template defined here replaces the one of its name.
	Templates fs.FS
	// Fonts for every writer, by role; nil means fonts.Default().
	Fonts *fonts.Set
	// PageFormat is the page format of every writer; nil means GBT9704().
	PageFormat *doc.Format
}

func (o *Options) orDefault() *Options {
	if o == nil {
		return &Options{}
	}
	return o
}

func (o *Options) profile(b *budget.Budget) *profile.Profile {
	switch {
	case o.Profile == nil:
		return profile.Default(b)
	case b.Department.Parent != "":
		return o.Profile.ForUnit()
	}
	return o.Profile
}

// catalogue is what the budget's codes are checked against: nil (the
// built-in catalogue of its year, which budget.Check picks, with its
// warnings) unless the profile or the caller lays a list of its own over it.
func (o *Options) catalogue(p *profile.Profile, year int) *catalog.Catalogue {
	regional := p.Catalogue
	switch {
	case regional == nil:
		regional = o.Catalogue
	case o.Catalogue != nil:
		regional = regional.Merge(o.Catalogue)
	}
	if regional == nil {
		return nil
	}
	ch, err := catalog.ForYear(year)
	if err != nil {
		return regional
	}
	return ch.WithRegional(regional).Catalogue
}

func (o *Options) pageFormat() doc.Format {
	if o.PageFormat == nil {
		return doc.GBT9704()
	}
	return *o.PageFormat
}

// Validate checks the budget as Render would and returns every problem,
// errors and warnings; Problems.Err() is nil when none is an error. Beyond
// the data it builds the document in memory and fits its tables, so that a
// template that fails on this budget, or a table too wide for any page, is
// found here, not at render time: what validates renders.
func Validate(b *budget.Budget, o *Options) budget.Problems {
	d, ps, err := build(context.Background(), b, o)
	if all, ok := budget.AsProblems(err); ok {
		return all
	}
	if err != nil {
		return append(ps, documentProblem(err))
	}
	o = o.orDefault()
	unfit, err := pdf.Unfit(d, pdf.Options{Format: o.pageFormat(), Fonts: o.Fonts})
	if err != nil {
		return append(ps, documentProblem(err))
	}
	for _, fe := range unfit {
		ps = append(ps, tableProblem(b, fe))
	}
	return ps
}

// tableProblem is a table too wide for any page, placed at the field of the
// budget that holds the text it cannot break (a project code, say), or at
// no field when that is a figure.
func tableProblem(b *budget.Budget, fe *doc.FitError) budget.Problem {
	at := b.CheckTexts(budget.CodeTableFit, func(text string) string {
		if text == fe.Token {
			return fe.Error()
		}
		return ""
	})
	hint := "；或允许表格用更小的字号（命令的 --min-table-size 7，程序中的 PageFormat.TableMinSize）"
	if len(at) > 0 {
		at[0].Message += hint
		return at[0]
	}
	return budget.Problem{Code: budget.CodeTableFit, Severity: budget.SeverityError, Message: fe.Error() + hint}
}

// fitErrors are the tables too wide for a page that err reports, when it
// reports nothing else.
func fitErrors(err error) []*doc.FitError {
	errs := []error{err}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	}
	var out []*doc.FitError
	for _, e := range errs {
		var fe *doc.FitError
		if !errors.As(e, &fe) {
			return nil
		}
		out = append(out, fe)
	}
	return out
}

// check is every problem of the budget's data under the options: the
// budget's own checks against the catalogue, and every text against the
// fonts, so a character no font has is found at its field before any page is
// laid out.
func check(b *budget.Budget, o *Options, cat *catalog.Catalogue) budget.Problems {
	ps := b.Check(cat)
	set := o.Fonts
	if set == nil {
		set = fonts.Default()
	}
	ps = append(ps, b.CheckTexts(budget.CodeCharacter, func(text string) string {
		var msgs []string
		for _, r := range set.Missing(text) {
			msgs = append(msgs, set.MissingMessage(r))
		}
		return strings.Join(msgs, "；")
	})...)
	return ps
}

// documentProblem is a failure to build the document as a problem of the
// input: the templates or the profile, not a field of the budget.
func documentProblem(err error) budget.Problem {
	return budget.Problem{Code: budget.CodeDocument, Severity: budget.SeverityError, Message: "无法制作文件：" + err.Error()}
}

// Build validates the budget, computes its figures and builds its document
// as the options' profile defines it. An invalid budget gives
// budget.Problems. The document is the caller's to change before writing it
// with Prepare.
func Build(ctx context.Context, b *budget.Budget, o *Options) (*doc.Document, error) {
	d, _, err := build(ctx, b, o)
	return d, err
}

// build is Build, also returning the budget's warnings.
func build(ctx context.Context, b *budget.Budget, o *Options) (*doc.Document, budget.Problems, error) {
	o = o.orDefault()
	p := o.profile(b)
	cat := o.catalogue(p, b.Department.Year)
	ps := check(b, o, cat)
	if err := ps.Err(); err != nil {
		return nil, nil, err
	}
	printed, err := b.InUnit(p.Numbers.Unit)
	if err != nil {
		return nil, nil, err
	}
	f := figures.Compute(printed, cat)
	d, err := p.Build(ctx, profile.Input{Budget: printed, Figures: f, Templates: o.Templates})
	return d, ps.Warnings(), err
}

// Rendered is a document ready to be written in any format. Its pages are
// laid out once, when the first format that needs them (PDF, or Word for the
// page numbers of its 目录) is written. Its methods may be called from
// several goroutines at once.
type Rendered struct {
	doc      *doc.Document
	opts     *Options
	warnings budget.Problems
	// budget is what Render made the document of, so that a table too
	// wide for a page is a problem at its field; nil after Prepare, and
	// once the pages are laid out.
	budget *budget.Budget

	layOnce sync.Once
	layout  *pdf.Layout
	layErr  error
	laid    atomic.Pointer[pdf.Layout] // the layout once made, for the workbook's fits
}

// Render builds the budget's document (see Build) ready to be written. It
// validates the budget once: an invalid one gives budget.Problems, and the
// warnings of a valid one are kept in Warnings.
func Render(ctx context.Context, b *budget.Budget, o *Options) (*Rendered, error) {
	d, warnings, err := build(ctx, b, o)
	if err != nil {
		return nil, err
	}
	r := Prepare(d, o)
	r.warnings, r.budget = warnings, b
	return r, nil
}

// Warnings are the budget's warnings Render found: nothing that stops
// publication, each worth a look.
func (r *Rendered) Warnings() budget.Problems { return r.warnings }

// Prepare makes a document built by Build, and perhaps changed since, ready
// to be written. The document must not change after that.
func Prepare(d *doc.Document, o *Options) *Rendered {
	return &Rendered{doc: d, opts: o.orDefault()}
}

// Document is the document being written.
func (r *Rendered) Document() *doc.Document { return r.doc }

func (r *Rendered) pages() (*pdf.Layout, error) {
	r.layOnce.Do(func() {
		r.layout, r.layErr = pdf.Lay(r.doc, pdf.Options{Format: r.opts.pageFormat(), Fonts: r.opts.Fonts})
		if unfit := fitErrors(r.layErr); r.budget != nil && len(unfit) > 0 {
			// Validate says so before; Render alone finds it here.
			ps := make(budget.Problems, len(unfit))
			for i, fe := range unfit {
				ps[i] = tableProblem(r.budget, fe)
			}
			r.layErr = ps
		}
		if r.layErr == nil {
			r.laid.Store(r.layout)
		}
		// Only a table too wide names its field: the budget (its
		// values and every field's place in the file) need not stay in
		// memory while the pages are drawn.
		r.budget = nil
	})
	return r.layout, r.layErr
}

// Write writes the document in format f to w. The output is made in memory
// first, so an error never leaves half a file in w; it stops with ctx's
// error when ctx is cancelled before the writing starts.
func (r *Rendered) Write(ctx context.Context, w io.Writer, f Format) error {
	i := slices.IndexFunc(formats, func(e formatEntry) bool { return e.format == f })
	if i < 0 {
		return fmt.Errorf("budgetdoc: unknown output format %v", f)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := formats[i].write(ctx, r, &buf); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Format is an output format.
type Format int

const (
	FormatPDF  Format = iota + 1 // the document as published, with page numbers and bookmarks
	FormatDOCX                   // the same document as Word, to edit
	FormatXLSX                   // the annex tables as an Excel workbook, a sheet a table
)

// formatEntry is one output format: its name, its file extension and how
// a Rendered writes it, through its writer package's Write (the
// internal/writer contract). Adding a format is a writer package and an
// entry here.
type formatEntry struct {
	format Format
	name   string // "pdf": what --format takes
	ext    string // ".pdf"
	write  func(ctx context.Context, r *Rendered, w io.Writer) error
}

var formats = []formatEntry{
	{FormatPDF, "pdf", ".pdf", func(ctx context.Context, r *Rendered, w io.Writer) error {
		// pdf.Write would lay the pages out again: the Rendered keeps them.
		l, err := r.pages()
		if err != nil {
			return err
		}
		_, err = l.WriteTo(w)
		return err
	}},
	{FormatDOCX, "docx", ".docx", func(ctx context.Context, r *Rendered, w io.Writer) error {
		l, err := r.pages() // for the 目录's page numbers
		if err != nil {
			return err
		}
		o := r.writerOptions()
		o.Fits, o.Pages = l.Fits(), l.PageNumbers()
		return docx.Write(ctx, w, r.doc, o)
	}},
	{FormatXLSX, "xlsx", ".xlsx", func(ctx context.Context, r *Rendered, w io.Writer) error {
		// No pages to lay out, but the columns are measured as the PDF's:
		// the PDF's own fits when its pages are laid out already (a PDF
		// written first), else pdf.Fit, which gives the same.
		o := r.writerOptions()
		if l := r.laid.Load(); l != nil {
			o.Fits = l.Fits()
		} else {
			fits, err := pdf.Fit(r.doc, pdf.Options{Format: o.Format, Fonts: o.Fonts})
			if err != nil {
				return err
			}
			o.Fits = fits
		}
		return xlsx.Write(ctx, w, r.doc, o)
	}},
}

// writerOptions are the options every writer takes.
func (r *Rendered) writerOptions() writer.Options {
	return writer.Options{Format: r.opts.pageFormat(), Fonts: r.opts.Fonts}
}

// Formats lists the output formats.
func Formats() []Format {
	out := make([]Format, len(formats))
	for i, e := range formats {
		out[i] = e.format
	}
	return out
}

// String is the format's name: "pdf", "docx", "xlsx".
func (f Format) String() string {
	for _, e := range formats {
		if e.format == f {
			return e.name
		}
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// Ext is the format's file extension: ".pdf".
func (f Format) Ext() string {
	for _, e := range formats {
		if e.format == f {
			return e.ext
		}
	}
	return ""
}

// ParseFormat finds a format by name ("pdf", "DOCX") or by a file name's
// extension ("out/report.xlsx").
func ParseFormat(s string) (Format, bool) {
	s = strings.ToLower(s)
	for _, e := range formats {
		if s == e.name || strings.HasSuffix(s, e.ext) {
			return e.format, true
		}
	}
	return 0, false
}
