package budgetdoc

import (
	"fmt"

	"github.com/budgetdoc/budgetdoc/doc"
)

// document builds the whole disclosure as a format-neutral document: cover,
// 目录, the three parts written by the templates, and the annex tables. The
// budget must have been validated (prepare does it), so the figures are
// computed without validating again.
func (b *Budget) document(o *Options) (*doc.Document, error) {
	f := b.computeFigures(b.classifier())
	n, err := newNarrator(o.Templates, f, b.templateData(f))
	if err != nil {
		return nil, err
	}
	date, err := chineseMonth(b.Department.Published)
	if err != nil {
		return nil, err
	}
	d := &doc.Document{
		Title:  fmt.Sprintf("%s%d年度部门预算", b.Department.Name, f.Year),
		Author: b.Department.Name,
	}
	add := func(blocks ...doc.Block) { d.Blocks = append(d.Blocks, blocks...) }
	add(&doc.Cover{Title: []string{b.Department.Name, fmt.Sprintf("%d年度部门预算", f.Year)}, Date: date},
		&doc.PageBreak{}, &doc.TOC{Title: "目  录"}, &doc.PageBreak{StartNumbering: true})

	for i, part := range []string{"overview", "narrative", "glossary", "annex"} {
		if i > 0 {
			add(&doc.PageBreak{})
		}
		blocks, err := n.blocks(part)
		if err != nil {
			return nil, err
		}
		add(blocks...)
	}

	caption, err := n.text("caption")
	if err != nil {
		return nil, err
	}
	for i, t := range b.annexTables(f) {
		if i > 0 || t.orientation != doc.Portrait {
			add(&doc.PageBreak{Orientation: t.orientation})
		}
		title := t.title
		if title == "" {
			title = fmt.Sprintf("%d年%s", f.Year, t.name)
		}
		a := &doc.Annex{
			Title:       doc.Heading{Level: 2, Style: doc.TableTitle, Text: title, TOCText: t.serial + "、" + t.name, InTOC: true},
			Tables:      t.tables,
			Orientation: t.orientation,
		}
		if t.caption {
			a.Caption = caption
		}
		for _, name := range t.notes {
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
