package budgetdoc

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/internal/testtool"
)

// TestXLSXFiguresReadBack: excelize reads the 封丘 workbook back, a sheet per
// table in document order, and the numbers stored in each sheet are exactly
// the figures of its table.
func TestXLSXFiguresReadBack(t *testing.T) {
	b, d := fengqiuDocument(t)
	var buf bytes.Buffer
	if err := writeTo(&buf, b, nil, FormatXLSX); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	// A sheet per annex: its tables one under another.
	var tables []*doc.Table
	for _, blk := range d.Blocks {
		if a, ok := blk.(*doc.Annex); ok {
			tb := &doc.Table{}
			for _, part := range a.Tables {
				tb.Header = append(tb.Header, part.Header...)
				tb.Body = append(tb.Body, part.Body...)
			}
			tables = append(tables, tb)
		}
	}
	sheets := x.GetSheetList()
	if len(sheets) != len(tables) {
		t.Fatalf("%d sheets for %d annex tables", len(sheets), len(tables))
	}
	for i, tb := range tables {
		var want, got []string
		for _, rows := range [][][]doc.Cell{tb.Header, tb.Body} {
			for _, r := range rows {
				for _, c := range r {
					if c.Number.Valid {
						want = append(want, c.Number.Decimal.StringFixed(2))
					}
				}
			}
		}
		rows, err := x.GetRows(sheets[i], excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if typ, _ := x.GetCellType(sheets[i], cell); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset || v == "" {
					continue
				}
				d, err := decimal.NewFromString(v)
				if err != nil {
					continue // a text cell
				}
				got = append(got, d.StringFixed(2))
			}
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(want, got) {
			t.Errorf("sheet %s: numbers %v, want the table's %v", sheets[i], got, want)
		}
	}
}

// TestSpecialCharactersInEveryFormat puts XML's special characters into a
// name that every format prints: each format keeps them as text.
func TestSpecialCharactersInEveryFormat(t *testing.T) {
	data, err := os.ReadFile("examples/shifan/shifan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const name = `示范县<城市>&"管理"局]]>'`
	in := strings.Replace(string(data), "  name: 示范县城市管理局\n", "  name: '"+strings.ReplaceAll(name, "'", "''")+"'\n", 1)
	b, err := Parse("special.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if b.Department.Name != name {
		t.Fatalf("name %q", b.Department.Name)
	}

	var docx bytes.Buffer
	if err := writeTo(&docx, b, nil, FormatDOCX); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(docx.Bytes()), int64(docx.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		rc, _ := f.Open()
		part, _ := io.ReadAll(rc)
		rc.Close()
		var text strings.Builder
		dec := xml.NewDecoder(bytes.NewReader(part))
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
			}
			if cd, ok := tok.(xml.CharData); ok {
				text.Write(cd)
			}
		}
		if f.Name == "word/document.xml" && !strings.Contains(text.String(), name) {
			t.Errorf("word/document.xml does not hold %q as text", name)
		}
	}

	var xl bytes.Buffer
	if err := writeTo(&xl, b, nil, FormatXLSX); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&xl)
	if err != nil {
		t.Fatal(err)
	}
	caption, _ := x.GetCellValue(x.GetSheetList()[0], "A2")
	if !strings.Contains(caption, name) {
		t.Errorf("xlsx caption %q does not hold %q", caption, name)
	}

	var pdf bytes.Buffer
	if err := writeTo(&pdf, b, nil, FormatPDF); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "special.pdf")
	os.WriteFile(path, pdf.Bytes(), 0o644)
	if !strings.Contains(squeeze(pdftotext(t, path)), squeeze(name)) {
		t.Errorf("the PDF's text does not hold %q", name)
	}
}

// TestLibreOfficeOpensDOCX has LibreOffice print the 封丘 .docx: its text
// holds every paragraph and every figure of the tables.
func TestLibreOfficeOpensDOCX(t *testing.T) {
	soffice := testtool.Path(t, "soffice")
	b, d := fengqiuDocument(t)
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := writeTo(&buf, b, nil, FormatDOCX); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "fengqiu.docx")
	os.WriteFile(in, buf.Bytes(), 0o644)
	cmd := exec.Command(soffice, "--headless", "--convert-to", "pdf", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	// The 目录 stands on one page, its last entry with its title.
	if toc := pdftotext(t, filepath.Join(dir, "fengqiu.pdf"), "-f", "2", "-l", "2"); !strings.Contains(toc, "目") || !strings.Contains(toc, "十二、部门预算项目绩效目标汇总表") {
		t.Errorf("the 目录 does not fit its page in LibreOffice:\n%s", toc)
	}
	text := footer.ReplaceAllString(squeeze(pdftotext(t, filepath.Join(dir, "fengqiu.pdf"))), "")
	for _, blk := range doc.Flatten(d.Blocks) {
		switch x := blk.(type) {
		case *doc.Paragraph:
			for _, part := range strings.Split(x.Text, "\t") {
				if !strings.Contains(text, squeeze(part)) {
					t.Errorf("LibreOffice's text lacks the paragraph %q", part)
				}
			}
		case *doc.Table:
			for _, r := range x.Body {
				for _, c := range r {
					if c.Number.Valid && !strings.Contains(text, c.Text) {
						t.Errorf("table %s: LibreOffice's text lacks %s", x.Name, c.Text)
					}
				}
			}
		}
	}
}

// TestMissingGlyphNamesCharacterAndPlace: a character none of the fonts has
// is an error that names it and where it stands, and nothing is written.
func TestMissingGlyphNamesCharacterAndPlace(t *testing.T) {
	data, err := os.ReadFile("examples/shifan/shifan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in := strings.Replace(string(data), "name: 智慧城管平台建设项目（2023年）", "name: 智慧城管𠀀平台建设项目（2023年）", 1)
	b, err := Parse("glyph.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err = writeTo(&out, b, nil, FormatPDF)
	if err == nil || !strings.Contains(err.Error(), "U+20000") || !strings.Contains(err.Error(), "glyph.yaml:174:11: projects[1].name") {
		t.Errorf("WritePDF: %v; want an error naming U+20000 and its place in the input", err)
	}
	if out.Len() != 0 {
		t.Errorf("%d bytes written despite the error", out.Len())
	}
}

// TestInvalidBudgetWritesNothing: every writer validates first.
func TestInvalidBudgetWritesNothing(t *testing.T) {
	b, err := Load("examples/shifan/shifan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b.Lines[0].Amount = b.Lines[0].Amount.Add(decimal.NewFromInt(1))
	for _, f := range Formats() {
		var out bytes.Buffer
		var problems budget.Problems
		if err := writeTo(&out, b, nil, f); !errors.As(err, &problems) || out.Len() != 0 {
			t.Errorf("%s: %v, %d bytes; want Problems and nothing written", f, err, out.Len())
		}
	}
}
