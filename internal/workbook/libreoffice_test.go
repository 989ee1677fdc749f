package workbook_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc"
	"github.com/budgetdoc/budgetdoc/internal/testtool"
	"github.com/budgetdoc/budgetdoc/internal/workbook"
)

// TestLibreOfficeOpensTemplate converts the empty template and the 示范
// workbook to PDF with LibreOffice: it must open them, and the text of the
// sheets must be there (a workbook Excel would repair prints nothing).
func TestLibreOfficeOpensTemplate(t *testing.T) {
	soffice := testtool.Path(t, "soffice")
	pdftotext := testtool.Path(t, "pdftotext")
	dir := t.TempDir()
	var tmpl bytes.Buffer
	if err := workbook.Template(&tmpl); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"template.xlsx": tmpl.Bytes(), "shifan.xlsx": workbookOf(t, examples[1])}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, want := range map[string][]string{
		"template.xlsx": {"怎样填写", "部门名称", "基本支出类别", "资金来源", "一般公共预算财政拨款", "因公出国（境）费"},
		"shifan.xlsx":   {"示范县城市管理局", "501001", "411500230000000000101", "85.20", "是"},
	} {
		cmd := exec.Command(soffice, "--headless", "--convert-to", "pdf", "--outdir", dir, filepath.Join(dir, name))
		cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice %s: %v\n%s", name, err, out)
		}
		pdf := filepath.Join(dir, strings.TrimSuffix(name, ".xlsx")+".pdf")
		text, err := exec.Command(pdftotext, pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", pdf, err)
		}
		for _, w := range want {
			if !strings.Contains(string(text), w) {
				t.Errorf("%s as LibreOffice prints it lacks %q", name, w)
			}
		}
	}
}

// TestLibreOfficeResave saves the 示范 workbook again with LibreOffice, as
// a clerk's spreadsheet program would (its own XML, 85.20 stored as 85.2,
// its own styles), and reads it back: the budget and its PDF are the same.
func TestLibreOfficeResave(t *testing.T) {
	soffice := testtool.Path(t, "soffice")
	dir := t.TempDir()
	in := filepath.Join(dir, "shifan.xlsx")
	if err := os.WriteFile(in, workbookOf(t, examples[1]), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "resaved")
	cmd := exec.Command(soffice, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, in)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(filepath.Join(out, "shifan.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	resaved, err := budgetdoc.Parse("shifan.xlsx", data)
	if err != nil {
		t.Fatalf("the workbook LibreOffice saved does not load:\n%v", err)
	}
	if ps := budgetdoc.Validate(resaved, nil); len(ps) > 0 {
		t.Errorf("the workbook LibreOffice saved has problems:\n%v", ps)
	}
	original, err := budgetdoc.Load(examples[1])
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := writePDF(&a, original); err != nil {
		t.Fatal(err)
	}
	if err := writePDF(&b, resaved); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the PDF from the workbook LibreOffice saved differs from the PDF from the YAML")
	}
}
