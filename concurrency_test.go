package budgetdoc

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/budgetdoc/budgetdoc/budget"
)

// One Budget rendered from several goroutines at once gives every one the
// same bytes (CI runs this under -race: nothing here keeps hidden state).
func TestConcurrentRenders(t *testing.T) {
	b, err := Load("examples/shifan/shifan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	outs := make([][]byte, 4)
	var wg sync.WaitGroup
	for i := range outs {
		wg.Go(func() {
			if ps := Validate(b, nil); ps.Err() != nil {
				t.Error(ps)
			}
			var buf bytes.Buffer
			if err := writeTo(&buf, b, nil, FormatXLSX); err != nil {
				t.Error(err)
			}
			outs[i] = buf.Bytes()
		})
	}
	wg.Wait()
	for i := range outs[1:] {
		if !bytes.Equal(outs[0], outs[i+1]) {
			t.Errorf("render %d differs from render 0", i+1)
		}
	}
}

// Writing Excel lays no pages out: a workbook needs no page numbers, so it
// cannot fail on what only pages need.
func TestExcelNeedsNoLayout(t *testing.T) {
	b, err := Load("examples/shifan/shifan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Render(context.Background(), b, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Write(context.Background(), &bytes.Buffer{}, FormatXLSX); err != nil {
		t.Fatal(err)
	}
	if r.layout != nil {
		t.Error("writing Excel laid the pages out")
	}
}

// A cancelled context stops Render and Write before they write anything.
func TestCancelled(t *testing.T) {
	b, err := Load("examples/shifan/shifan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Render(ctx, b, nil); err != context.Canceled {
		t.Errorf("Render: %v", err)
	}
	r, err := Render(context.Background(), b, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Write(ctx, &buf, FormatPDF); err != context.Canceled || buf.Len() != 0 {
		t.Errorf("Write: %v, %d bytes", err, buf.Len())
	}
}

// A template that fails on this budget is found by Validate, not first by
// Render: whatever Validate passes, Render builds.
func TestValidateFindsTemplateFailures(t *testing.T) {
	b, err := Load("examples/shifan/shifan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	o := &Options{Templates: fstest.MapFS{"caption.tmpl": {Data: []byte(`{{define "caption"}}{{.Nope}}{{end}}`)}}}
	ps := Validate(b, o)
	if len(ps.Errors()) != 1 || ps.Errors()[0].Code != budget.CodeDocument || !strings.Contains(ps.Errors()[0].Message, "caption") {
		t.Fatalf("Validate: %v", ps)
	}
	if _, err := Render(context.Background(), b, o); err == nil {
		t.Error("Render built what Validate refused")
	}
}

// A character no font has is found by Validate at its field, before any
// page is laid out; a rare one the fallback faces have (埇) passes and renders.
func TestValidateFindsMissingCharacters(t *testing.T) {
	data, err := os.ReadFile("examples/shifan/shifan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in := strings.Replace(string(data), "name: 智慧城管平台建设项目（2023年）", "name: 智慧城管\uE000平台建设项目（2023年）", 1)
	b, err := Parse("shifan.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	ps := Validate(b, nil).Errors()
	if len(ps) != 1 || ps[0].Code != budget.CodeCharacter || ps[0].Pos.Line == 0 || !strings.HasPrefix(ps[0].Path.String(), "projects[") || !strings.Contains(ps[0].Message, "U+E000") {
		t.Fatalf("Validate: %v", ps)
	}
	in = strings.Replace(string(data), "示范县城市管理局", "宿州市埇桥区城市管理局", -1)
	if b, err = Parse("shifan.yaml", []byte(in)); err != nil {
		t.Fatal(err)
	}
	if ps := Validate(b, nil); ps.Err() != nil {
		t.Fatalf("埇: %v", ps)
	}
	if err := writeTo(io.Discard, b, nil, FormatPDF); err != nil {
		t.Fatal(err)
	}
}

// A table too wide for any page at the smallest size is found by Validate,
// at the field holding what cannot break, before anything is laid out.
func TestValidateFindsUnfitTables(t *testing.T) {
	b, err := Load("examples/suzhou/suzhou-yuan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ps := Validate(b, nil).Errors()
	if len(ps) != 1 || ps[0].Code != budget.CodeTableFit || ps[0].Pos.Line == 0 || !strings.Contains(ps[0].Message, "十二、部门预算项目绩效目标汇总表") {
		t.Fatalf("Validate: %v", ps)
	}
	// Render alone finds it when the pages are laid out: the same problem,
	// in the PDF and in Word, and nothing is written.
	r, err := Render(context.Background(), b, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []Format{FormatPDF, FormatDOCX} {
		var out bytes.Buffer
		err := r.Write(context.Background(), &out, format)
		got, _ := budget.AsProblems(err)
		if len(got) != 1 || got[0].String() != ps[0].String() || out.Len() != 0 {
			t.Errorf("%s: %v (%d bytes), want %v", format, err, out.Len(), ps[0])
		}
	}
	f := GBT9704()
	f.TableMinSize = 7
	if ps := Validate(b, &Options{PageFormat: &f}); ps.Err() != nil {
		t.Errorf("at 7 pt: %v", ps)
	}
}
