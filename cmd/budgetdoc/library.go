package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/budgetdoc/budgetdoc"
	"github.com/budgetdoc/budgetdoc/budget"
)

// makeDocuments makes each target's document in memory, in the order of
// targets. It is render's and batch's one use of the library's rendering
// (loading and checking are loadAndCheck's). It stops before the next
// document when ctx is cancelled.
func makeDocuments(ctx context.Context, b *budget.Budget, targets []*target, opts *budgetdoc.Options) ([][]byte, error) {
	// The document is built and laid out once for all the outputs.
	r, err := budgetdoc.Render(ctx, b, opts)
	if ctx.Err() != nil {
		return nil, errInterrupted
	}
	if err != nil {
		paths := make([]string, len(targets))
		for i, t := range targets {
			paths[i] = t.path
		}
		return nil, fmt.Errorf("无法制作 %s：%w", strings.Join(paths, "、"), err)
	}
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
			return nil, fmt.Errorf("无法制作 %s：%w", t.path, err)
		}
		docs[i] = buf.Bytes()
	}
	return docs, nil
}
