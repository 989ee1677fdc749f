package pdf_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/budgetdoc/budgetdoc"
	"github.com/budgetdoc/budgetdoc/internal/pdf"
)

// TestFitAsLay checks that Fit, which decides the tables' fits from their
// heights alone, gives every table the fit Lay gives it: the workbook's
// columns and the PDF's must agree.
func TestFitAsLay(t *testing.T) {
	for _, path := range []string{"../../examples/fengqiu/fengqiu.yaml", "../../examples/shifan/shifan.yaml"} {
		bud, err := budgetdoc.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		d, err := budgetdoc.Build(context.Background(), bud, nil)
		if err != nil {
			t.Fatal(err)
		}
		l, err := pdf.Lay(d, pdf.Options{})
		if err != nil {
			t.Fatal(err)
		}
		fits, err := pdf.Fit(d, pdf.Options{})
		if err != nil {
			t.Fatal(err)
		}
		tight := 0
		for _, f := range l.Fits() {
			if f.Tight {
				tight++
			}
		}
		if !reflect.DeepEqual(fits, l.Fits()) {
			t.Errorf("%s: Fit gives %v, Lay %v", path, fits, l.Fits())
		}
		t.Logf("%s: %d tables, %d set tight", path, len(fits), tight)
	}
}
