package budgetdoc

import (
	"bytes"
	"context"
	"sync"
	"testing"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/internal/golden"
)

// examples are the inputs the golden tests render: the reference document,
// an invented department that exercises every changed case of the
// narrative, and an invented 市级 department above 10亿元 (2025, five units,
// 21-digit project codes, a unit named outside GB2312), in 万元 and in 元.
// In 元 its table 十二 (21-digit codes beside ten-digit amounts) needs 677 pt
// at 8 pt, more than a landscape page's 638: Validate says so at the code,
// and the document is made with the format's smallest table size at 7 pt.
//
// shifan-501002 is the 单位预算 of 示范 department's second unit, a 事业
// unit with 事业收入 and a 政府性基金 project.
var examples = []example{
	{"fengqiu", "examples/fengqiu/fengqiu.yaml", 0, ""},
	{"shifan", "examples/shifan/shifan.yaml", 0, ""},
	{"shifan-501002", "examples/shifan/shifan.yaml", 0, "501002"},
	{"suzhou", "examples/suzhou/suzhou.yaml", 0, ""},
	{"suzhou-yuan", "examples/suzhou/suzhou-yuan.yaml", 7, ""},
}

type example struct {
	name, input string
	minSize     float64 // the format's TableMinSize; 0 keeps GB/T 9704's
	unit        string  // the unit whose 单位预算 it is; "" for the department's
}

// options are the options the example is rendered with.
func (ex example) options() *Options {
	o := &Options{}
	if ex.minSize > 0 {
		f := GBT9704()
		f.TableMinSize = ex.minSize
		o.PageFormat = &f
	}
	return o
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
			if ex.unit != "" {
				if b, err = b.Unit(ex.unit); err != nil {
					t.Fatal(err)
				}
			}
			o := ex.options()
			if ps := Validate(b, o); ps.Err() != nil {
				t.Fatal(ps)
			}
			d := mustBuild(t, b)
			golden.Text(t, "testdata/golden/"+ex.name+".txt", doc.Dump(d))

			var pdf bytes.Buffer
			if err := writeTo(&pdf, b, o, FormatPDF); err != nil {
				t.Fatal(err)
			}
			if !golden.Bytes(t, "testdata/golden/"+ex.name+".pdf", pdf.Bytes()) {
				t.Errorf("the PDF differs from testdata/golden/%s.pdf; if the text dump is unchanged the change is in "+
					"typesetting: look at the pages (pdftoppm -r 80 -png) and run go test . -update", ex.name)
			}
		})
	}
}

// TestOutputIsDeterministic writes each format twice: same input, same bytes.
func TestOutputIsDeterministic(t *testing.T) {
	b, err := Load("examples/shifan/shifan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"pdf":  func(w *bytes.Buffer) error { return writeTo(w, b, nil, FormatPDF) },
		"docx": func(w *bytes.Buffer) error { return writeTo(w, b, nil, FormatDOCX) },
		"xlsx": func(w *bytes.Buffer) error { return writeTo(w, b, nil, FormatXLSX) },
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

// TestOneRenderEveryFormat: one Rendered, written in every format from
// several goroutines at once (it lays its pages out once), gives the bytes a
// render of each format alone gives.
func TestOneRenderEveryFormat(t *testing.T) {
	b, err := Load("examples/shifan/shifan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Render(context.Background(), b, nil)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for _, f := range Formats() {
		for range 2 {
			wg.Go(func() {
				var once, alone bytes.Buffer
				if err := r.Write(context.Background(), &once, f); err != nil {
					t.Error(f, err)
					return
				}
				if err := writeTo(&alone, b, nil, f); err != nil {
					t.Error(f, err)
					return
				}
				if !bytes.Equal(once.Bytes(), alone.Bytes()) {
					t.Errorf("%s: the shared Rendered's output differs from a render of its own", f)
				}
			})
		}
	}
	wg.Wait()
}
