package budgetdoc

import (
	"bytes"
	"context"
	"io"
	"testing"
)

// TestWorkbookSameAfterPDF checks that the workbook is the same bytes
// whether it is written alone (its columns from pdf.Fit) or after the PDF
// (its columns from the PDF's layout).
func TestWorkbookSameAfterPDF(t *testing.T) {
	for _, path := range []string{"examples/fengqiu/fengqiu.yaml", "examples/shifan/shifan.yaml"} {
		b, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		write := func(pdfFirst bool) []byte {
			r, err := Render(context.Background(), b, nil)
			if err != nil {
				t.Fatal(err)
			}
			if pdfFirst {
				if err := r.Write(context.Background(), io.Discard, FormatPDF); err != nil {
					t.Fatal(err)
				}
			}
			var out bytes.Buffer
			if err := r.Write(context.Background(), &out, FormatXLSX); err != nil {
				t.Fatal(err)
			}
			return out.Bytes()
		}
		if !bytes.Equal(write(false), write(true)) {
			t.Errorf("%s: the workbook written after the PDF differs from the one written alone", path)
		}
	}
}

// TestWorkbookBesidePDF writes the PDF and the workbook of one Rendered at
// once (run it with -race): the workbook is the one written alone.
func TestWorkbookBesidePDF(t *testing.T) {
	b, err := Load("examples/shifan/shifan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	alone, err := Render(context.Background(), b, nil)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := alone.Write(context.Background(), &want, FormatXLSX); err != nil {
		t.Fatal(err)
	}
	r, err := Render(context.Background(), b, nil)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() { done <- r.Write(context.Background(), io.Discard, FormatPDF) }()
	var got bytes.Buffer
	if err := r.Write(context.Background(), &got, FormatXLSX); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Error("the workbook written beside the PDF differs from the one written alone")
	}
}
