package budgetdoc

import (
	"bytes"
	"io"
	"io/fs"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/fonts"
	"github.com/budgetdoc/budgetdoc/internal/docx"
	"github.com/budgetdoc/budgetdoc/internal/pdf"
	"github.com/budgetdoc/budgetdoc/internal/xlsx"
)

// PageFormat is the page format of the PDF and Word output: page size,
// margins and type sizes in points. GBT9704 gives the default.
type PageFormat = doc.Format

// GBT9704 is the page format of GB/T 9704-2012 《党政机关公文格式》.
func GBT9704() PageFormat { return doc.GBT9704() }

// Options control the output. The zero value (or nil) gives the official
// format with the embedded fonts and the default templates.
type Options struct {
	// Fonts for the PDF, by role; nil means fonts.Default(). Register a
	// licensed 仿宋_GB2312 for fonts.Body, say, to set body text in it.
	Fonts *fonts.Set
	// Templates replaces the narrative templates: an fs.FS holding *.tmpl
	// files that define the templates package templates documents.
	Templates fs.FS
	// Format is the page format; nil means GBT9704().
	Format *PageFormat
}

func (o *Options) format() doc.Format {
	if o == nil || o.Format == nil {
		return doc.GBT9704()
	}
	return *o.Format
}

// prepare validates the budget and builds its document; nothing is written
// unless both succeed.
func (b *Budget) prepare(o *Options) (*doc.Document, *Options, error) {
	if o == nil {
		o = &Options{}
	}
	if err := b.Validate(); err != nil {
		return nil, nil, err
	}
	d, err := b.document(o)
	if err != nil {
		return nil, nil, err
	}
	return d, o, nil
}

// Rendered is a budget's document built and laid out once, to be written
// in any of the formats without validating, building or laying it out again
// (the command writes a PDF, a Word file and a workbook from one Render).
type Rendered struct {
	doc    *doc.Document
	layout *pdf.Layout
	opts   *Options
}

// Render validates the budget, builds its document and lays it out as PDF
// pages. An invalid budget gives Problems.
func (b *Budget) Render(o *Options) (*Rendered, error) {
	d, o, err := b.prepare(o)
	if err != nil {
		return nil, err
	}
	l, err := layPDF(d, o)
	if err != nil {
		return nil, err
	}
	return &Rendered{doc: d, layout: l, opts: o}, nil
}

func layPDF(d *doc.Document, o *Options) (*pdf.Layout, error) {
	return pdf.Lay(d, pdf.Options{Format: o.format(), Fonts: o.Fonts})
}

// writeAll writes buf to w: the output is made in memory first, so an error
// never leaves half a file behind.
func writeAll(w io.Writer, buf *bytes.Buffer) error {
	_, err := w.Write(buf.Bytes())
	return err
}

// WritePDF writes the document as PDF.
func (r *Rendered) WritePDF(w io.Writer) error {
	var buf bytes.Buffer
	if _, err := r.layout.WriteTo(&buf); err != nil {
		return err
	}
	return writeAll(w, &buf)
}

// WriteDOCX writes the same document as Word (.docx), its table of contents
// carrying the PDF's page numbers.
func (r *Rendered) WriteDOCX(w io.Writer) error {
	var buf bytes.Buffer
	if err := docx.Write(&buf, r.doc, docx.Options{Format: r.opts.format(), Pages: r.layout.PageNumbers(), Tables: r.layout.Fits()}); err != nil {
		return err
	}
	return writeAll(w, &buf)
}

// WriteXLSX writes the twelve annex tables as an Excel workbook, one sheet
// per table.
func (r *Rendered) WriteXLSX(w io.Writer) error {
	return writeXLSX(w, r.doc, r.opts.format(), r.layout.Fits())
}

// writeXLSX writes the workbook with the columns the PDF's fonts measure
// (fits).
func writeXLSX(w io.Writer, d *doc.Document, f doc.Format, fits doc.TableFits) error {
	var buf bytes.Buffer
	if err := xlsx.WriteOptions(&buf, d, xlsx.Options{Format: f, Tables: fits}); err != nil {
		return err
	}
	return writeAll(w, &buf)
}

// WritePDF validates the budget and writes its disclosure document as PDF.
// An invalid budget gives Problems and writes nothing.
func (b *Budget) WritePDF(w io.Writer, o *Options) error {
	r, err := b.Render(o)
	if err != nil {
		return err
	}
	return r.WritePDF(w)
}

// WriteDOCX validates the budget and writes the same document as Word
// (.docx), its table of contents carrying the PDF's page numbers.
func (b *Budget) WriteDOCX(w io.Writer, o *Options) error {
	r, err := b.Render(o)
	if err != nil {
		return err
	}
	return r.WriteDOCX(w)
}

// WriteXLSX validates the budget and writes the twelve annex tables as an
// Excel workbook, one sheet per table. It needs no page layout.
func (b *Budget) WriteXLSX(w io.Writer, o *Options) error {
	d, o, err := b.prepare(o)
	if err != nil {
		return err
	}
	// No pages to lay out, but the columns are measured as the PDF's.
	fits, err := pdf.Fit(d, pdf.Options{Format: o.format(), Fonts: o.Fonts})
	if err != nil {
		return err
	}
	return writeXLSX(w, d, o.format(), fits)
}
