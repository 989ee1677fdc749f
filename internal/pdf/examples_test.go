package pdf_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/budgetdoc/budgetdoc"
	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/internal/testtool"
)

// The examples' tables read back from the PDF (pdftotext -bbox, qpdf for
// the rules) and the workbook (excelize, LibreOffice for what it prints):
// every amount and code of every table is one word on one line, clear of
// every rule, no table text is smaller than the table size, no cell leaves
// one character alone on its last line, a table of up to 40 rows stands on
// one page, and no spreadsheet cell shows "###". Also for the examples with
// every amount scaled up to tens and hundreds of millions.
func TestTablesReadBack(t *testing.T) {
	pdftotext := testtool.Path(t, "pdftotext")
	qpdf := testtool.Path(t, "qpdf")
	for _, ex := range []struct {
		name, input string
		scale       int64
		stepsDown   bool // a table may step down to the format's floor
	}{
		{"fengqiu", "../../examples/fengqiu/fengqiu.yaml", 1, false},
		{"shifan", "../../examples/shifan/shifan.yaml", 1, false},
		{"fengqiu×1000000", "../../examples/fengqiu/fengqiu.yaml", 1000000, true},
		{"shifan×10000", "../../examples/shifan/shifan.yaml", 10000, true},
		// 21-digit project codes beside amounts of 10亿 in 表十二.
		{"suzhou", "../../examples/suzhou/suzhou.yaml", 1, true},
	} {
		t.Run(ex.name, func(t *testing.T) {
			data, err := os.ReadFile(ex.input)
			if err != nil {
				t.Fatal(err)
			}
			if ex.scale != 1 {
				data = scaleAmounts(data, ex.scale)
			}
			b, err := budgetdoc.Parse(ex.input, data)
			if err != nil {
				t.Fatal(err)
			}
			r, err := budgetdoc.Render(context.Background(), b, nil)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			var pdfBuf, xlsxBuf bytes.Buffer
			if err := r.Write(context.Background(), &pdfBuf, budgetdoc.FormatPDF); err != nil {
				t.Fatal(err)
			}
			if err := r.Write(context.Background(), &xlsxBuf, budgetdoc.FormatXLSX); err != nil {
				t.Fatal(err)
			}
			pdfPath := filepath.Join(dir, "out.pdf")
			xlsxPath := filepath.Join(dir, "book.xlsx")
			os.WriteFile(pdfPath, pdfBuf.Bytes(), 0o644)
			os.WriteFile(xlsxPath, xlsxBuf.Bytes(), 0o644)

			sheets := readSheets(t, xlsxPath)
			if ex.scale != 1 && !strings.Contains(fmt.Sprint(sheets), "00000") {
				t.Fatalf("the scaled amounts are not in the workbook")
			}
			pages := readWords(t, pdftotext, pdfPath)
			rules := readRules(t, qpdf, pdfPath, dir)
			first := annexStart(t, pages)
			tablePages := pages[first:]

			checkTokens(t, sheets, tablePages)
			checkClearOfRules(t, tablePages, rules[first:])
			// The small examples' tables all fit at the table size; scaled
			// to hundreds of millions, or with 21-digit codes beside amounts
			// of 10亿, 表十二 may step down to the format's floor.
			floor := 1.0
			if ex.stepsDown {
				f := doc.GBT9704()
				floor = f.TableMinSize / f.TableSize
			}
			checkSizes(t, tablePages, floor)
			checkLoneCharacters(t, pdftotext, pdfPath, first)
			checkOnePage(t, xlsxPath, sheets, tablePages)
			if !testing.Short() { // LibreOffice takes seconds
				checkNoHashes(t, xlsxPath, dir)
			}
		})
	}
}

// scaleAmounts multiplies every amount of a YAML budget by k: every bare
// number but the year and the counts of assets (codes are quoted), and the
// amounts in 万元 that cost targets state.
func scaleAmounts(data []byte, k int64) []byte {
	scale := func(num string) string {
		v, err := strconv.ParseFloat(num, 64)
		if err != nil {
			return num
		}
		// Exact in cents: the amounts have at most two decimals.
		cents := int64(math.Round(v*100)) * k
		return fmt.Sprintf("%d.%02d", cents/100, abs64(cents%100))
	}
	wan := regexp.MustCompile(`(\d+(?:\.\d+)?)万元`)
	data = wan.ReplaceAllFunc(data, func(m []byte) []byte {
		return []byte(scale(string(m[:len(m)-len("万元")])) + "万元")
	})
	re := regexp.MustCompile(`([\p{L}\p{N}_]+)(:\s+)(-?\d+(?:\.\d+)?)(\s*[,}\n#])`)
	counts := regexp.MustCompile(`^(year|official|law_enforcement|special|other|general_equipment_over_50|special_equipment_over_100)$`)
	return re.ReplaceAllFunc(data, func(m []byte) []byte {
		sub := re.FindSubmatch(m)
		if counts.Match(sub[1]) {
			return m
		}
		return []byte(string(sub[1]) + string(sub[2]) + scale(string(sub[3])) + string(sub[4]))
	})
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// sheet is one worksheet's cells as shown.
type sheet struct {
	name string
	rows [][]string
}

func readSheets(t *testing.T, path string) []sheet {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []sheet
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, sheet{name, rows})
	}
	return out
}

// word is a word pdftotext found, with its box (points, y downwards).
type word struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

type pageWords struct {
	w, h  float64
	words []word
}

func readWords(t *testing.T, pdftotext, path string) []pageWords {
	t.Helper()
	out, err := exec.Command(pdftotext, "-bbox", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var doc struct {
		Pages []struct {
			W     float64 `xml:"width,attr"`
			H     float64 `xml:"height,attr"`
			Words []struct {
				XMin float64 `xml:"xMin,attr"`
				YMin float64 `xml:"yMin,attr"`
				XMax float64 `xml:"xMax,attr"`
				YMax float64 `xml:"yMax,attr"`
				Text string  `xml:",chardata"`
			} `xml:"word"`
		} `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("pdftotext -bbox output: %v", err)
	}
	var pages []pageWords
	for _, p := range doc.Pages {
		pw := pageWords{w: p.W, h: p.H}
		for _, w := range p.Words {
			pw.words = append(pw.words, word{w.Text, w.XMin, w.YMin, w.XMax, w.YMax})
		}
		pages = append(pages, pw)
	}
	return pages
}

// vrule is a vertical rule: x, and its top and bottom (y downwards).
type vrule struct{ x, y0, y1 float64 }

// readRules finds each page's vertical rules in its content stream, as
// qpdf --qdf writes it uncompressed: "x y m x y l S" lines and "x y w h re"
// rectangles, in PDF coordinates (y upwards).
func readRules(t *testing.T, qpdf, path, dir string) [][]vrule {
	t.Helper()
	qdf := filepath.Join(dir, "qdf.pdf")
	if out, err := exec.Command(qpdf, "--qdf", "--object-streams=disable", path, qdf).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, out)
	}
	data, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	heights := mediaHeights(data)
	line := regexp.MustCompile(`^([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l S$`)
	rect := regexp.MustCompile(`^([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re( S)?$`)
	var out [][]vrule
	page := -1
	for _, ln := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(ln, "%% Contents for page ") {
			page++
			out = append(out, nil)
			continue
		}
		if page < 0 {
			continue
		}
		f := func(s []byte) float64 { v, _ := strconv.ParseFloat(string(s), 64); return v }
		h := heights[min(page, len(heights)-1)]
		if m := line.FindSubmatch([]byte(ln)); m != nil {
			if x1, x2 := f(m[1]), f(m[3]); math.Abs(x1-x2) < 0.01 {
				y1, y2 := h-f(m[2]), h-f(m[4])
				out[page] = append(out[page], vrule{x1, min(y1, y2), max(y1, y2)})
			}
		} else if m := rect.FindSubmatch([]byte(ln)); m != nil {
			x, y, w, hh := f(m[1]), f(m[2]), f(m[3]), f(m[4])
			top, bottom := h-(y+hh), h-y
			if hh < 0 {
				top, bottom = h-y, h-(y+hh)
			}
			out[page] = append(out[page], vrule{x, top, bottom}, vrule{x + w, top, bottom})
		}
	}
	return out
}

// mediaHeights are the pages' heights, in page order (qpdf --qdf writes a
// "%% Page N" comment before each page object).
func mediaHeights(data []byte) []float64 {
	var out []float64
	box := regexp.MustCompile(`/MediaBox \[\s*[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)\s*\]`)
	parts := strings.Split(string(data), "\n%% Page ")
	for _, p := range parts[1:] {
		end := strings.Index(p, "endobj")
		if end < 0 {
			end = len(p)
		}
		h := 841.89
		if m := box.FindStringSubmatch(p[:end]); m != nil {
			h, _ = strconv.ParseFloat(m[2], 64)
		}
		out = append(out, h)
	}
	return out
}

// annexStart is the index of the page where the annex tables begin.
func annexStart(t *testing.T, pages []pageWords) int {
	// The page that opens with "附件" (the 目录 lists it too, further down).
	for i, p := range pages {
		if len(p.words) > 0 && strings.HasPrefix(p.words[0].text, "附件") {
			return i
		}
	}
	t.Fatal("no page opens with 附件")
	return 0
}

var numberRe = regexp.MustCompile(`^-?\d+(\.\d+)?$`)

// value is a cell text that is one number with a prefix of up to two
// runes and a unit of up to five ("≥95%", "≤28.00万元", "每月30日前"):
// shown whole, never broken.
var valueRe = regexp.MustCompile(`^[^\d\s：:，、；（）()]{0,2}\d+(?:[.,]\d+)*[^\d\s：:，、；（）()]{0,5}$`)

func value(s string) bool { return valueRe.MatchString(s) }

// checkTokens: every figure, code and value of the workbook's tables is a
// word of the PDF's table pages, and no number-like word of those pages is
// anything else (a piece of a broken figure).
func checkTokens(t *testing.T, sheets []sheet, pages []pageWords) {
	t.Helper()
	want := map[string]int{}
	for _, s := range sheets {
		for r, row := range s.rows {
			if r < 2 { // title and caption
				continue
			}
			for _, c := range row {
				c = strings.TrimSpace(c)
				if numberRe.MatchString(c) || value(c) {
					want[c]++
				}
			}
		}
	}
	got := map[string]int{}
	for _, p := range pages {
		for _, w := range p.words {
			if !footer(p, w) {
				got[w.text]++
			}
		}
	}
	var missing []string
	for tok, n := range want {
		if got[tok] < n {
			missing = append(missing, fmt.Sprintf("%q (%d of %d)", tok, got[tok], n))
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d figures, codes or values are not one word on one line in the PDF: %s", len(missing), first(missing, 12))
	}
	var stray []string
	for i, p := range pages {
		for _, w := range p.words {
			if numberRe.MatchString(w.text) && want[w.text] == 0 && !footer(p, w) {
				stray = append(stray, fmt.Sprintf("%s (table page %d, x %.0f, y %.0f)", w.text, i+1, w.xMin, w.yMin))
			}
		}
	}
	if len(stray) > 0 {
		t.Errorf("numbers on the table pages that are no figure of the tables (pieces of a broken one?): %s", first(stray, 12))
	}
}

// footer reports whether w is the page number: it stands between dashes
// ("— 9 —") in the bottom margin.
func footer(p pageWords, w word) bool {
	if w.yMin < p.h/2 {
		return false
	}
	for _, d := range p.words {
		if d.text == "—" && math.Abs(d.yMin-w.yMin) < 1 {
			return true
		}
	}
	return false
}

func first(s []string, n int) string {
	if len(s) > n {
		return strings.Join(s[:n], ", ") + fmt.Sprintf(" … (%d more)", len(s)-n)
	}
	return strings.Join(s, ", ")
}

// minRuleGap is how close a figure may come to a rule, in points.
const minRuleGap = 3

// checkClearOfRules: no number crosses a vertical rule or comes within
// minRuleGap of one.
func checkClearOfRules(t *testing.T, pages []pageWords, rules [][]vrule) {
	t.Helper()
	bad := 0
	for i, p := range pages {
		if i >= len(rules) {
			break
		}
		for _, w := range p.words {
			if !numberRe.MatchString(w.text) || footer(p, w) {
				continue
			}
			mid := (w.yMin + w.yMax) / 2
			for _, r := range rules[i] {
				if mid < r.y0 || mid > r.y1 {
					continue
				}
				if r.x > w.xMin-minRuleGap && r.x < w.xMax+minRuleGap {
					if bad < 10 {
						t.Errorf("table page %d: %q (x %.1f–%.1f) is within %d pt of the rule at x %.1f", i+1, w.text, w.xMin, w.xMax, minRuleGap, r.x)
					}
					bad++
				}
			}
		}
	}
}

// checkSizes: no text on the table pages is smaller than the caption's,
// which is set at the table size. Word boxes are as tall as the face's
// ascent and descent at the size, so heights compare sizes.
func checkSizes(t *testing.T, pages []pageWords, floor float64) {
	t.Helper()
	caption := 0.0
	for _, w := range pages[0].words {
		if strings.HasPrefix(w.text, "部门名称") {
			caption = w.yMax - w.yMin
		}
	}
	if caption == 0 {
		for _, p := range pages {
			for _, w := range p.words {
				if strings.HasPrefix(w.text, "部门名称") && caption == 0 {
					caption = w.yMax - w.yMin
				}
			}
		}
	}
	if caption == 0 {
		t.Fatal("no caption on the table pages")
	}
	for i, p := range pages {
		for _, w := range p.words {
			if h := w.yMax - w.yMin; h < caption*floor-0.05 {
				t.Errorf("table page %d: %q is set smaller than %.0f%% of the table size (box %.2f pt high, the caption's %.2f)", i+1, w.text, floor*100, h, caption)
				return
			}
		}
	}
}

// checkLoneCharacters: no block of text of two lines or more (a cell,
// as pdftotext -bbox-layout groups it) ends with a line of one character.
func checkLoneCharacters(t *testing.T, pdftotext, path string, from int) {
	t.Helper()
	out, err := exec.Command(pdftotext, "-bbox-layout", "-f", strconv.Itoa(from+1), path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	block := regexp.MustCompile(`(?s)<block [^>]*>(.*?)</block>`)
	line := regexp.MustCompile(`(?s)<line [^>]*>(.*?)</line>`)
	wordRe := regexp.MustCompile(`<word [^>]*>([^<]*)</word>`)
	for _, b := range block.FindAllStringSubmatch(string(out), -1) {
		lines := line.FindAllStringSubmatch(b[1], -1)
		if len(lines) < 2 {
			continue
		}
		var texts []string
		for _, l := range lines {
			var s strings.Builder
			for _, w := range wordRe.FindAllStringSubmatch(l[1], -1) {
				s.WriteString(w[1])
			}
			texts = append(texts, s.String())
		}
		last := texts[len(texts)-1]
		if utf8.RuneCountInString(last) == 1 && last > "\u2E80" {
			t.Errorf("a cell leaves one character alone on its last line: %q", texts)
		}
	}
}

// checkOnePage: a table of up to 40 rows is on one page when its rows, set
// at the PDF's tightest pitch, fit a page of its orientation: its title's
// page is the page before the next table's. The lines of each row are
// read from the workbook's row heights (1.3 em a line and 4 pt).
func checkOnePage(t *testing.T, xlsxPath string, sheets []sheet, pages []pageWords) {
	t.Helper()
	x, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	f := doc.GBT9704()
	size := f.TableSize
	// A table's page is the one that opens with its title (the first
	// annex page opens with the 附件 heading, then the first title).
	pageOf := func(title string) int {
		title = strings.SplitN(title, "\n", 2)[0]
		for i, p := range pages {
			var s strings.Builder
			for k, w := range p.words {
				if k == 12 {
					break
				}
				s.WriteString(w.text)
			}
			if strings.Contains(s.String(), title) {
				return i
			}
		}
		return -1
	}
	for k, s := range sheets {
		if len(s.rows) == 0 || len(s.rows[0]) == 0 {
			continue
		}
		pl, err := x.GetPageLayout(s.name)
		if err != nil {
			t.Fatal(err)
		}
		text := f.PageHeight - f.Top - f.Bottom
		if *pl.Orientation == "landscape" {
			text = f.PageWidth - f.LandscapeTop - f.LandscapeBottom
		}
		rows, tight := 0, 0.0
		for r, row := range s.rows[2:] {
			if len(row) > 0 && (strings.HasPrefix(row[0], "注") || strings.HasPrefix(row[0], "备注")) {
				continue
			}
			rows++
			h, _ := x.GetRowHeight(s.name, r+3)
			lines := max(1, math.Round((h-4)/(1.3*size)))
			tight += lines*1.2*size + 0.24*size
		}
		// The title, the caption and the space above them take about 60 pt.
		if rows > 40 || tight > text-60 {
			t.Logf("%s: %d rows, %.0f pt at the tightest pitch: more than a page", s.name, rows, tight)
			continue
		}
		p := pageOf(s.rows[0][0])
		next := len(pages)
		if k+1 < len(sheets) {
			next = pageOf(sheets[k+1].rows[0][0])
		}
		if p < 0 || next < 0 {
			t.Errorf("%s: title not found in the PDF", s.name)
			continue
		}
		if next-p != 1 {
			t.Errorf("%s: %d rows on %d pages, want one", s.name, rows, next-p)
		}
	}
}

// checkNoHashes prints the workbook with LibreOffice: no cell shows "###".
func checkNoHashes(t *testing.T, xlsxPath, dir string) {
	t.Helper()
	soffice := testtool.Path(t, "soffice")
	home := t.TempDir()
	cmd := exec.Command(soffice, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsxPath)
	cmd.Env = append(os.Environ(), "HOME="+home)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	printed := strings.TrimSuffix(xlsxPath, ".xlsx") + ".pdf"
	out, err := exec.Command(testtool.Path(t, "pdftotext"), printed, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if n := strings.Count(string(out), "###"); n > 0 {
		t.Errorf("the printed workbook shows ### in %d cells", n)
	}
}
