package xlsx

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/internal/testtool"
)

// printWithLibreOffice writes d as a workbook, has LibreOffice print it to
// PDF and returns the PDF's path. BUDGETDOC_KEEP=DIR keeps both files in DIR
// to look at.
func printWithLibreOffice(t *testing.T, d *doc.Document, name string) string {
	t.Helper()
	soffice := testtool.Path(t, "soffice")
	testtool.Path(t, "pdftotext")
	testtool.Path(t, "pdfinfo")
	dir := os.Getenv("BUDGETDOC_KEEP")
	if dir == "" {
		dir = t.TempDir()
	}
	xlsxPath := filepath.Join(dir, name+".xlsx")
	if err := os.WriteFile(xlsxPath, write(t, d), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsxPath)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	return filepath.Join(dir, name+".pdf")
}

// pageText is the text of one page (1-based) of a PDF.
func pageText(t *testing.T, pdf string, page int) string {
	t.Helper()
	p := strconv.Itoa(page)
	out, err := exec.Command("pdftotext", "-layout", "-f", p, "-l", p, pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext page %d: %v", page, err)
	}
	return string(out)
}

// pageSizes lists the width and height of every page of a PDF, in points.
func pageSizes(t *testing.T, pdf string) [][2]float64 {
	t.Helper()
	info, err := exec.Command("pdfinfo", "-f", "1", "-l", "1000", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	var sizes [][2]float64
	for _, m := range regexp.MustCompile(`Page +\d+ size: +([\d.]+) x ([\d.]+)`).FindAllStringSubmatch(string(info), -1) {
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		sizes = append(sizes, [2]float64{w, h})
	}
	return sizes
}

func isA4(size [2]float64, landscape bool) bool {
	w, h := size[0], size[1]
	if landscape {
		w, h = h, w
	}
	return w > 594 && w < 597 && h > 841 && h < 843
}

// TestLibreOfficePrintsTheWorkbook: LibreOffice must open the file, print
// every sheet on one page in its orientation, and the printed text must hold
// the titles, captions, headers, figures and notes.
func TestLibreOfficePrintsTheWorkbook(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversion takes seconds")
	}
	pdf := printWithLibreOffice(t, sampleDocument(), "budget")
	text := pageText(t, pdf, 1) + pageText(t, pdf, 2)
	for _, want := range []string{
		"2023年部门收支总体情况表", "2023年部门支出总体情况表",
		"部门名称：封丘县政务服务和大数据管理局", "单位：万元",
		"收入", "支出", "项目", "金额", "一、一般公共预算", "其中：财政拨款", "本年支出合计",
		"540.82", "492.82", "502.33", "19.98", "15.50", "375.70", "17.35",
		"科目编码", "单位（科目名称）", "基本支出", "项目支出", "人员经费", "行政运行", "208",
		"注：本表反映部门本年度的总收支和年末结转结余情况。", "第二条注释。",
		"—1—", "—2—", // the page-number footer; pdftotext drops the spaces
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed workbook lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("pdftotext:\n%s", text)
	}
	sizes := pageSizes(t, pdf)
	if len(sizes) != 2 || !isA4(sizes[0], false) || !isA4(sizes[1], true) {
		t.Errorf("page sizes %v, want portrait A4 then landscape A4", sizes)
	}
}

// TestLibreOfficeRepeatsHeaderRows prints a table too long for one page:
// every page must carry the header rows (print titles), the title only the
// first.
func TestLibreOfficeRepeatsHeaderRows(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversion takes seconds")
	}
	pdf := printWithLibreOffice(t, longDocument(150), "long")
	pages := len(pageSizes(t, pdf))
	if pages < 3 {
		t.Fatalf("150 rows printed on %d pages, want at least 3", pages)
	}
	for p := 1; p <= pages; p++ {
		text := pageText(t, pdf, p)
		header := regexp.MustCompile(`收入\s+支出[\s\S]*项目\s+金额\s+项目\s+金额`)
		if !header.MatchString(text) {
			t.Errorf("page %d lacks the header rows:\n%s", p, text)
		}
		if hasTitle := strings.Contains(text, "长表"); hasTitle != (p == 1) {
			t.Errorf("page %d: title printed = %v", p, hasTitle)
		}
	}
	if last := pageText(t, pdf, pages); !strings.Contains(last, "204.18") { // the last row, i = 149: 149×137+5 cents
		t.Errorf("the last page lacks the last row:\n%s", last)
	}
}
