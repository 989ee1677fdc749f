package catalog

import (
	"fmt"
	"strconv"
	"strings"
)

// HowToLoad tells a finance clerk how to check codes against the region's own list. Messages about
// a missing or incomplete catalogue end with it.
const HowToLoad = "如有本地区的科目表，请用 --catalogue 文件 载入（预算系统导出的科目清单即可：编码、名称两列，TSV、CSV 或 Excel 文件，格式见 README“分类目录文件”一节）"

// Choice is the catalogue a budget year is checked against.
type Choice struct {
	Catalogue *Catalogue
	// Requested is the budget year asked for; Year is the built-in year used: the same year when it
	// is built in, else the latest earlier one.
	Requested, Year int
	// Exact is Year == Requested.
	Exact bool
}

// ForYear is the built-in catalogue for a budget year: that year's, or, for a year after the last
// one built in, the latest earlier year's (Exact false), so that a budget for next year can be
// checked before the package ships its catalogue. A year before the first built-in one has no
// catalogue: the error says so in Chinese.
func ForYear(year int) (Choice, error) {
	years := sortedYears()
	used := 0
	for _, y := range years {
		if y <= year {
			used = y
		}
	}
	if used == 0 {
		return Choice{}, fmt.Errorf("没有 %d 年或更早的内置分类目录（内置的年度：%s），无法核对分类编码：%s",
			year, strings.Join(BuiltinYears(), "、"), HowToLoad)
	}
	c, err := Builtin(used)
	if err != nil {
		return Choice{}, err
	}
	return Choice{Catalogue: c, Requested: year, Year: used, Exact: used == year}, nil
}

// Warning is the warning a validator shows for this choice, in Chinese, or "" when there is nothing
// to warn about. It names the year used and says how to load the region's own list. It warns:
//   - when the year has no built-in catalogue and an earlier year's is used;
//   - when the built-in catalogue of the year is an earlier year's plus only the amendments that
//     could be sourced (the year's edition itself was not transcribed), as for 2024–2027.
//
// A caller that loaded the region's list (--catalogue) passes the merged catalogue to Warning on
// Choice with it: the region's list then decides, and Warning says nothing.
func (ch Choice) Warning() string {
	if ch.Catalogue == nil {
		return ""
	}
	if ch.Catalogue.regional {
		return ""
	}
	if !ch.Exact {
		return fmt.Sprintf("没有 %d 年的内置分类目录，已按 %d 年的分类目录核对科目编码；%d 年新增或调整的科目可能被报为错误。%s。",
			ch.Requested, ch.Year, ch.Requested, HowToLoad)
	}
	if missing := ch.Catalogue.untranscribed; len(missing) > 0 {
		from := missing[0] - 1
		amend := ""
		if a := ch.Catalogue.amendments; len(a) > 0 {
			amend = "及已查证的修订（" + strings.Join(a, "、") + "）"
		}
		return fmt.Sprintf("内置的 %d 年分类目录沿用 %d 年的科目%s，未收录%s的其他调整，这些调整中新增的科目会被报为不在分类目录中。%s。",
			ch.Year, from, amend, editions(missing), HowToLoad)
	}
	return ""
}

// editions names the editions of years: "《2024年政府收支分类科目》《2025年政府收支分类科目》".
func editions(years []int) string {
	var b strings.Builder
	for _, y := range years {
		b.WriteString("《" + strconv.Itoa(y) + "年政府收支分类科目》")
	}
	return b.String()
}

// WithRegional is ch with the region's catalogue merged over the built-in one: Warning is then
// silent, since the region's own list is the authority.
func (ch Choice) WithRegional(regional *Catalogue) Choice {
	if regional == nil {
		return ch
	}
	m := ch.Catalogue.Merge(regional)
	m.regional = true
	ch.Catalogue = m
	return ch
}

// PriorFunction is the name of a functional code that a prior-year figure carries: a code of this
// catalogue, or one an earlier built-in year had and a later one removed (lastYear is then the last
// year that had it; 0 for a current code). A validator accepts a prior-year code when ok, and should
// at most warn otherwise: last year's figures were printed under last year's list, which this year's
// catalogue need not hold.
func (c *Catalogue) PriorFunction(code string) (name string, lastYear int, ok bool) {
	return c.prior(FunctionsFile, c.functions, code)
}

// PriorDeptEconomic is PriorFunction for a 部门预算支出经济分类 code.
func (c *Catalogue) PriorDeptEconomic(code string) (name string, lastYear int, ok bool) {
	return c.prior(DeptEconomicFile, c.dept, code)
}

// PriorGovEconomic is PriorFunction for a 政府预算支出经济分类 code.
func (c *Catalogue) PriorGovEconomic(code string) (name string, lastYear int, ok bool) {
	return c.prior(GovEconomicFile, c.gov, code)
}

func (c *Catalogue) prior(file string, current map[string]entry, code string) (string, int, bool) {
	if e, ok := current[code]; ok {
		return e.name, 0, true
	}
	if r, ok := c.retired[file][code]; ok {
		return r.name, r.lastYear, true
	}
	return "", 0, false
}
