package profile

import (
	"context"
	"fmt"
	"io/fs"

	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/figures"
	"github.com/budgetdoc/budgetdoc/internal/zh"
)

// Input is what a document is built from.
type Input struct {
	// Budget must be valid (see budget.Budget.Validate), and Figures its
	// figures (figures.Compute).
	Budget  *budget.Budget
	Figures *figures.Figures
	// Templates, when set, are laid over the profile's templates: a
	// caller's own wording of one template or a few.
	Templates fs.FS
}

// Build makes the document: cover, 目录, the parts the templates write, and
// the annex tables in the profile's order. It stops with ctx's error when
// ctx is cancelled. Build only reads its input, so one budget's documents
// may be built from many goroutines at once.
func (p *Profile) Build(ctx context.Context, in Input) (*doc.Document, error) {
	b, f := in.Budget, in.Figures
	if err := p.Scope.Check(b); err != nil {
		return nil, err
	}
	tables, err := p.tables()
	if err != nil {
		return nil, err
	}
	n, err := newNarrator(f, templateData(p, b, f), p.Numbers, p.Templates, in.Templates)
	if err != nil {
		return nil, err
	}
	date, err := zh.Month(b.Department.Published)
	if err != nil {
		return nil, err
	}
	d := &doc.Document{
		Title:  fmt.Sprintf("%s%d年度%s", b.Department.Name, f.Year, p.Title),
		Author: b.Department.Name,
	}
	add := func(blocks ...doc.Block) { d.Blocks = append(d.Blocks, blocks...) }
	add(&doc.Cover{Title: []string{b.Department.Name, fmt.Sprintf("%d年度%s", f.Year, p.Title)}, Date: date},
		&doc.PageBreak{}, &doc.TOC{Title: "目  录"}, &doc.PageBreak{StartNumbering: true})

	for i, part := range []string{"overview", "narrative", "glossary", "annex"} {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if i > 0 {
			add(&doc.PageBreak{})
		}
		blocks, err := n.blocks(part)
		if err != nil {
			return nil, err
		}
		add(blocks...)
	}

	kind, _ := p.Scope.words()
	caption, err := n.text("caption")
	if err != nil {
		return nil, err
	}
	for i, pt := range tables {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		entry := zh.Numeral(i+1) + "、" + pt.name
		t := pt.table.build(tableContext{budget: b, figures: f, entry: entry, name: pt.name, kind: kind})
		p.Numbers.apply(t.tables)
		if i > 0 || t.orientation != doc.OrientationPortrait {
			add(&doc.PageBreak{Orientation: t.orientation})
		}
		title := t.title
		if title == "" {
			title = fmt.Sprintf("%d年%s", f.Year, pt.name)
		}
		a := &doc.Annex{
			Title:       doc.Heading{Level: 2, Style: doc.HeadingTable, Text: title, TOCText: entry, InTOC: true},
			Tables:      t.tables,
			Orientation: t.orientation,
		}
		if t.caption {
			a.Caption = caption
		}
		for _, name := range append(pt.notes, t.notes...) {
			s, err := n.text(name)
			if err != nil {
				return nil, err
			}
			a.Notes = append(a.Notes, s)
		}
		add(a)
	}
	return d, nil
}

// pickedTable is a known table as a profile prints it.
type pickedTable struct {
	table *Table
	name  string
	notes []string
}

// tables resolves the profile's table references.
func (p *Profile) tables() ([]pickedTable, error) {
	var out []pickedTable
	for _, r := range p.Tables {
		t, ok := LookupTable(r.ID)
		if !ok {
			return nil, fmt.Errorf("文档定义“%s”列出的附表“%s”不存在：可用的附表是 %s", p.Name, r.ID, tableIDs())
		}
		pt := pickedTable{table: t, name: t.Name, notes: t.Notes}
		if r.Name != "" {
			pt.name = r.Name
		}
		if r.Notes != nil {
			pt.notes = r.Notes
		}
		out = append(out, pt)
	}
	return out, nil
}
