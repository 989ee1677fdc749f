package budgetdoc

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/doc"
)

// The published 封丘 document (its text layer) is the reference. These tests
// check that the document made from examples/fengqiu/fengqiu.yaml says what
// the reference says: its narrative clause by clause, and every cell of
// every table. The differences below are where the reference contradicts
// its own tables or itself; the README lists each with its reason.

const referencePath = "testdata/reference/fengqiu-2023.txt"

// narrativeDifferences are reference clauses the document words otherwise.
var narrativeDifferences = map[string]string{
	// The tables name the project 线下服务能力提升（硬件、软件）项目（2023年）.
	"工作经费等项目增加40.47万元、新增政务服务中心政服务能力提升（硬件、软件）项目54.27万元、工装37.2万元、疫情防控工作经费10万元": "project name contradicts tables 十 and 十二",
	// Generated from the 公用经费 lines of table 六 (办公费, 工会经费, 福利费, 其他交通费用):
	// the reference lists 公用经费 as a part of itself and says 职工福利费 for 福利费.
	"包含公用经费、工会经费、职工福利费、其他交通费用等": "items named as in table 六",
}

// tableDifferences are reference cells the document prints otherwise.
var tableDifferences = map[string]string{
	"（三）国防支出（":         "stray bracket in the reference",
	"（九）医疗卫生与计划生育支出":   "pre-2019 name of class 210, printed beside （十）卫生健康支出; 209 is 社会保险基金支出",
	"收入合计：":            "printed 收入合计 like 支出合计",
	"对个人和家庭补助":         "table 三 says 对个人和家庭补助, table 五 对个人和家庭的补助: one wording for both",
	"工作经历（含22年16.75万）": "table 十 names the project 工作经费（含22年16.75万）",
	"疫情防控工作经历（2023年）":  "table 十 names the project 疫情防控工作经费（2023年）",
	"≤100%":            "工装's 满意度 target is ≥95% like every other; ≤100% is always met",
}

var spaces = regexp.MustCompile(`\s+`)

// squeeze removes white space, and makes the half-width brackets of the
// reference's text layer ("(一) 机构设置情况") full-width as the document
// sets them.
func squeeze(s string) string {
	return strings.NewReplacer("(", "（", ")", "）").Replace(spaces.ReplaceAllString(s, ""))
}

func readReference(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(referencePath)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func fengqiuDocument(t *testing.T) (*budget.Budget, *doc.Document) {
	t.Helper()
	b, err := Load("examples/fengqiu/fengqiu.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return b, mustBuild(t, b)
}

// documentText is every paragraph and heading of the document, squeezed.
func documentText(d *doc.Document) string {
	var b strings.Builder
	for _, blk := range doc.Flatten(d.Blocks) {
		switch x := blk.(type) {
		case *doc.Paragraph:
			b.WriteString(x.Text)
		case *doc.Heading:
			b.WriteString(x.Text)
		}
	}
	return squeeze(b.String())
}

// clauses splits the reference's narrative into clauses at 。；， and the
// line ends of its text layer.
func clauses(s string) []string {
	var out []string
	for _, c := range regexp.MustCompile(`[。；，\n]`).Split(s, -1) {
		if c = squeeze(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

func TestNarrativeMatchesReference(t *testing.T) {
	ref := readReference(t)
	start := strings.Index(ref, "第一部分\n\n封丘县")
	end := strings.Index(ref, "附件：\n")
	if start < 0 || end < 0 {
		t.Fatal("reference text: cannot find the narrative")
	}
	_, d := fengqiuDocument(t)
	text := documentText(d)
	var missing []string
	seen := map[string]bool{}
	for _, c := range clauses(ref[start:end]) {
		if !strings.Contains(text, c) {
			if _, ok := narrativeDifferences[c]; ok {
				seen[c] = true
				continue
			}
			missing = append(missing, c)
		}
	}
	for _, c := range missing {
		t.Errorf("reference clause not in the document: %s", c)
	}
	for c := range narrativeDifferences {
		if !seen[c] {
			t.Errorf("listed difference %q no longer differs: remove it here and from the README", c)
		}
	}
}

// referenceTables splits the reference's annex into its tables, keyed by
// title, each with its cells (tab-separated fields), squeezed.
func referenceTables(t *testing.T) map[string][]string {
	ref := readReference(t)
	annex := ref[strings.LastIndex(ref, "附件：\n"):]
	titles := []string{"2023年部门收支总体情况表", "2023年部门支出总体情况表", "2023年财政拨款收支总体情况表",
		"2023年一般公共预算支出情况表", "2023年一般公共预算基本支出表", "2023年一般公共预算“三公”经费支出情况表",
		"2023年政府性基金预算支出情况表", "2023年项目支出表", "部门（单位）整体绩效目标表", "2023年部门预算项目绩效目标汇总表"}
	tables := map[string][]string{}
	for i, title := range titles {
		from := strings.Index(annex, title+"\n")
		if from < 0 {
			t.Fatalf("reference text: no table %s", title)
		}
		to := len(annex)
		if i+1 < len(titles) {
			to = strings.Index(annex, titles[i+1]+"\n")
		}
		for _, line := range strings.Split(annex[from+len(title):to], "\n") {
			for _, cell := range strings.Split(line, "\t") {
				if c := squeeze(cell); c != "" {
					tables[title] = append(tables[title], c)
				}
			}
		}
	}
	return tables
}

// documentTables collects, for each annex table title, the squeezed cells of
// its tables, its caption and the notes under it.
func documentTables(d *doc.Document) map[string][]string {
	out := map[string][]string{}
	var title string
	for _, blk := range doc.Flatten(d.Blocks) {
		switch x := blk.(type) {
		case *doc.Heading:
			if x.Style == doc.HeadingTable {
				title = strings.Split(x.Text, "\n")[0]
				out[title] = append(out[title], squeeze(x.Text))
			}
		case *doc.Paragraph:
			if title != "" {
				for _, part := range strings.Split(x.Text, "\t") {
					out[title] = append(out[title], squeeze(part))
					// "部门名称：封丘县…" also stands as two cells in the reference.
					if k, v, ok := strings.Cut(part, "："); ok {
						out[title] = append(out[title], squeeze(k)+"：", squeeze(v))
					}
				}
			}
		case *doc.Table:
			for _, rows := range [][][]doc.Cell{x.Header, x.Body} {
				for _, r := range rows {
					for _, c := range r {
						out[title] = append(out[title], squeeze(c.Text))
					}
				}
			}
		}
	}
	return out
}

func TestTablesMatchReference(t *testing.T) {
	_, d := fengqiuDocument(t)
	ours := documentTables(d)
	seen := map[string]bool{}
	for title, cells := range referenceTables(t) {
		mine, ok := ours[title]
		if !ok {
			t.Errorf("the document has no table titled %s", title)
			continue
		}
		for _, c := range cells {
			if slices.Contains(mine, c) || slices.Contains(mine, squeeze(title+c)) {
				continue
			}
			if _, ok := tableDifferences[c]; ok {
				seen[c] = true
				continue
			}
			t.Errorf("%s: reference cell %q not in the document's table", title, c)
		}
	}
	for c := range tableDifferences {
		if !seen[c] {
			t.Errorf("listed difference %q no longer differs: remove it here and from the README", c)
		}
	}
}
