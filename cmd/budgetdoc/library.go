package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/budgetdoc/budgetdoc"
	"github.com/budgetdoc/budgetdoc/budget"
)

// loadBudget loads a budget file and, when unit is set, takes that unit's
// budget for its 单位预算. The problems are the loader's, or why the unit's
// budget cannot be made; err is for a file that cannot be read at all,
// worded for the reader.
func loadBudget(input, unit string) (*budget.Budget, budget.Problems, error) {
	b, err := budgetdoc.Load(input)
	if ps, ok := budget.AsProblems(err); ok {
		return nil, ps, nil
	}
	if err != nil {
		return nil, nil, readError(input, err)
	}
	if unit == "" {
		return b, nil, nil
	}
	u, err := b.Unit(unit)
	if ps, ok := budget.AsProblems(err); ok {
		return nil, ps, nil
	}
	return u, nil, err
}

// loadAndRender loads a budget (see loadBudget) and renders it, validating
// it once. The problems are the loader's or the validation's, errors and
// warnings; err is for a file that cannot be read at all, worded for the
// reader, or a document that cannot be made. r is nil unless the budget has
// no error.
func loadAndRender(ctx context.Context, input, unit string, opts *budgetdoc.Options) (r *budgetdoc.Rendered, problems budget.Problems, err error) {
	b, problems, err := loadBudget(input, unit)
	if b == nil {
		return nil, problems, err
	}
	return render(ctx, input, b, opts)
}

// render renders a loaded budget of input, validating it once.
func render(ctx context.Context, input string, b *budget.Budget, opts *budgetdoc.Options) (*budgetdoc.Rendered, budget.Problems, error) {
	r, err := budgetdoc.Render(ctx, b, opts)
	switch ps, ok := budget.AsProblems(err); {
	case ok:
		return nil, ps, nil
	case ctx.Err() != nil:
		return nil, nil, errInterrupted
	case err != nil:
		return nil, nil, fmt.Errorf("无法制作 %s 的公开文件：%w", input, err)
	}
	return r, r.Warnings(), nil
}

// makeDocuments writes each target's document in memory, in the order of
// targets: render's and batch's one use of the library's writers. It stops
// before the next document when ctx is cancelled.
func makeDocuments(ctx context.Context, r *budgetdoc.Rendered, targets []*target) ([][]byte, error) {
	docs := make([][]byte, len(targets))
	for i, t := range targets {
		if err := ctx.Err(); err != nil {
			return nil, errInterrupted
		}
		var buf bytes.Buffer
		format, ok := budgetdoc.ParseFormat(t.format)
		if !ok {
			return nil, fmt.Errorf("unknown format %q", t.format) // renderOutputs allows none
		}
		if err := r.Write(ctx, &buf, format); err != nil {
			if errors.Is(err, context.Canceled) {
				return nil, errInterrupted
			}
			return nil, fmt.Errorf("无法制作 %s：%w", t.path, err)
		}
		docs[i] = buf.Bytes()
	}
	return docs, nil
}
