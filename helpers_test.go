package budgetdoc

import (
	"context"
	"io"
	"testing"

	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/doc"
)

// writeTo renders b and writes it in format f: the whole path a caller takes.
func writeTo(w io.Writer, b *budget.Budget, o *Options, f Format) error {
	r, err := Render(context.Background(), b, o)
	if err != nil {
		return err
	}
	return r.Write(context.Background(), w, f)
}

// mustBuild builds b's document, failing the test on a problem.
func mustBuild(t testing.TB, b *budget.Budget) *doc.Document {
	t.Helper()
	d, err := Build(context.Background(), b, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
