package profile

import (
	"fmt"
	"github.com/budgetdoc/budgetdoc/budget"

	"github.com/budgetdoc/budgetdoc/doc"
)

// document builds the whole disclosure as a format-neutral document: cover,
// 目录, the three parts written by the templates, and the annex tables. The
// budget must have been validated (prepare does it), so the figures are
// computed without validating again.
func document(b *budget.Budget, o *Options) (*doc.Document, error) {
	f := computeFigures(b, b.classifier())
	n, err := newNarrator(o.Templates, f, templateData(b, f))
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
	for i, t := range annexTables(b, f) {
		if i > 0 || t.orientation != doc.Portrait {
			add(&doc.PageBreak{Orientation: t.orientation})
		}
		title := t.title
		if title == "" {
			title = fmt.Sprintf("%d年%s", f.Year, t.name)
		}
		add(&doc.Heading{Level: 2, Style: doc.TableTitle, Text: title, TOCText: t.serial + "、" + t.name, InTOC: true})
		if t.caption {
			add(&doc.Paragraph{Style: doc.Caption, Text: caption})
		}
		for _, tb := range t.tables {
			add(tb)
		}
		for _, name := range t.notes {
			s, err := n.text(name)
			if err != nil {
				return nil, err
			}
			add(&doc.Paragraph{Style: doc.Note, Text: s})
		}
	}
	return d, nil
}
