package budgetdoc

import (
	"bytes"
	"testing"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/internal/golden"
)

// examples are the inputs the golden tests render: the reference document and
// an invented department that exercises every changed case of the narrative.
var examples = []struct{ name, input string }{
	{"fengqiu", "../examples/fengqiu/fengqiu.yaml"},
	{"shifan", "../examples/shifan/shifan.yaml"},
}

// TestGolden pins the whole output of each example: a text dump of the
// document (a line per paragraph and table row, so a change shows as a
// readable diff) and the PDF byte for byte. go test ./... -update rewrites
// them after a deliberate change.
func TestGolden(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex.name, func(t *testing.T) {
			b, err := Load(ex.input)
			if err != nil {
				t.Fatal(err)
			}
			d, _, err := b.prepare(nil)
			if err != nil {
				t.Fatal(err)
			}
			golden.Text(t, "../testdata/golden/"+ex.name+".txt", doc.Dump(d))

			var pdf bytes.Buffer
			if err := b.WritePDF(&pdf, nil); err != nil {
				t.Fatal(err)
			}
			if !golden.Bytes(t, "../testdata/golden/"+ex.name+".pdf", pdf.Bytes()) {
				t.Errorf("the PDF differs from testdata/golden/%s.pdf; if the text dump is unchanged the change is in "+
					"typesetting: look at the pages (pdftoppm -r 80 -png) and run go test ./budgetdoc -update", ex.name)
			}
		})
	}
}

// TestOutputIsDeterministic writes each format twice: same input, same bytes.
func TestOutputIsDeterministic(t *testing.T) {
	b, err := Load("../examples/shifan/shifan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"pdf":  func(w *bytes.Buffer) error { return b.WritePDF(w, nil) },
		"docx": func(w *bytes.Buffer) error { return b.WriteDOCX(w, nil) },
		"xlsx": func(w *bytes.Buffer) error { return b.WriteXLSX(w, nil) },
	} {
		var one, two bytes.Buffer
		if err := write(&one); err != nil {
			t.Fatal(name, err)
		}
		if err := write(&two); err != nil {
			t.Fatal(name, err)
		}
		if !bytes.Equal(one.Bytes(), two.Bytes()) {
			t.Errorf("%s: two writes of the same budget differ", name)
		}
	}
}

// TestRenderWritesWhatEachWriterWrites: one Render gives every format the
// same bytes as the Write* methods that render on their own.
func TestRenderWritesWhatEachWriterWrites(t *testing.T) {
	b, err := Load("../examples/shifan/shifan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := b.Render(nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, pair := range map[string][2]func(*bytes.Buffer) error{
		"pdf":  {func(w *bytes.Buffer) error { return r.WritePDF(w) }, func(w *bytes.Buffer) error { return b.WritePDF(w, nil) }},
		"docx": {func(w *bytes.Buffer) error { return r.WriteDOCX(w) }, func(w *bytes.Buffer) error { return b.WriteDOCX(w, nil) }},
		"xlsx": {func(w *bytes.Buffer) error { return r.WriteXLSX(w) }, func(w *bytes.Buffer) error { return b.WriteXLSX(w, nil) }},
	} {
		var once, alone bytes.Buffer
		if err := pair[0](&once); err != nil {
			t.Fatal(name, err)
		}
		if err := pair[1](&alone); err != nil {
			t.Fatal(name, err)
		}
		if !bytes.Equal(once.Bytes(), alone.Bytes()) {
			t.Errorf("%s: Render's output differs from the Write method's", name)
		}
	}
}
