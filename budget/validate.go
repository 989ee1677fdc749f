package budget

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/catalog"
	"github.com/budgetdoc/budgetdoc/internal/decode"
	"github.com/budgetdoc/budgetdoc/internal/zh"
)

// Validate checks the budget and returns nil when it has no errors, else a
// Problems listing every problem found, errors and warnings, each with its
// field path and (for a loaded budget) file:line:column. Warnings alone do
// not make it fail: see Check for them.
//
// Codes are checked against cat; nil means the built-in catalogue of
// Department.Year (catalog.ForYear), with a warning when that is an earlier
// year's or an incomplete one.
func (b *Budget) Validate(cat *catalog.Catalogue) error {
	ps := b.Check(cat)
	if len(ps.Errors()) == 0 {
		return nil
	}
	return ps
}

// Check returns every problem found, errors and warnings, in input order
// for a loaded budget (in the order of the checks for one built in Go);
// nil when there is none.
func (b *Budget) Check(cat *catalog.Catalogue) Problems {
	return b.check(cat, nil)
}

// check is Check for a budget whose fields at the paths of unknown could
// not be read: nothing is concluded from those values, so that one mistake
// in the file gives one problem.
func (b *Budget) check(cat *catalog.Catalogue, unknown map[string]bool) Problems {
	c := &checker{b: b, cat: cat, unknown: unknown}
	c.department()
	c.units()
	c.lines()
	c.projects()
	c.income()
	c.threePublic("three_public", b.ThreePublic)
	c.procurement()
	c.prior()
	c.performance()
	c.specialTransfers()
	c.assets()
	c.unitChecks()
	if o := b.origin; o != nil {
		for _, g := range o.guesses {
			c.warnf(CodeUnitFacts, "units[0]", "单位%s没有填写本单位的%s，单位预算按“无”说明：本单位有的话请在单位下填写", quote(b.Department.Name), g)
		}
	}
	if b.source != nil {
		c.ps = append(c.ps, b.source.warnings...)
		sortByPosition(c.ps)
	}
	return c.ps
}

// sortByPosition puts problems in input order, keeping the order of those
// at one place.
func sortByPosition(ps Problems) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, z := ps[i].Pos, ps[j].Pos
		if a.Line != z.Line {
			return a.Line < z.Line
		}
		return a.Column < z.Column
	})
}

// checker collects problems.
type checker struct {
	b   *Budget
	cat *catalog.Catalogue // nil when there is none for the year
	ps  Problems
	// unknown holds the paths whose values could not be read (the loader
	// has reported them); nil for a budget that loaded whole.
	unknown map[string]bool
	// unitCodes are the units' codes, for the lookup of every line's.
	unitCodes map[string]bool
}

// unread reports whether the value at path, or one enclosing it, could not
// be read.
func (c *checker) unread(path string) bool {
	if len(c.unknown) == 0 {
		return false
	}
	for {
		if c.unknown[path] {
			return true
		}
		i := strings.LastIndexAny(path, ".[")
		if i <= 0 {
			return false
		}
		path = path[:i]
	}
}

// unreadIn reports whether field of some item of list could not be read (or
// the item, or the list): a sum or a lookup over the list is then unknown.
// field "" asks about whole items only.
func (c *checker) unreadIn(list, field string) bool {
	if len(c.unknown) == 0 {
		return false
	}
	if c.unread(list) {
		return true
	}
	for u := range c.unknown {
		rest, ok := strings.CutPrefix(u, list+"[")
		if !ok {
			continue
		}
		i := strings.IndexByte(rest, ']')
		if i < 0 {
			continue
		}
		rest = rest[i+1:]
		if rest == "" || field != "" && (rest == "."+field || strings.HasPrefix(rest, "."+field+".") || strings.HasPrefix(rest, "."+field+"[")) {
			return true
		}
	}
	return false
}

// add records a problem, unless the value it is about could not be read:
// the loader has said so already.
func (c *checker) add(code Code, sev Severity, path, format string, args ...any) {
	if c.unread(path) {
		return
	}
	pos, at := c.b.locate(path)
	c.ps = append(c.ps, Problem{Code: code, Pos: pos, Path: at, Severity: sev, Message: fmt.Sprintf(format, args...)})
}

func (c *checker) errorf(code Code, path, format string, args ...any) {
	c.add(code, SeverityError, path, format, args...)
}
func (c *checker) warnf(code Code, path, format string, args ...any) {
	c.add(code, SeverityWarning, path, format, args...)
}

// amount checks that an amount is not negative and has at most two
// decimals.
func (c *checker) amount(path string, d decimal.Decimal) {
	if d.IsNegative() {
		c.errorf(CodeAmount, path, "金额 %s 是负数：金额不能小于零", amountText(d))
	}
	if !d.Equal(d.Round(2)) {
		c.errorf(CodeAmount, path, "金额 %s 超过两位小数：金额以%s为单位，最多保留两位小数", amountText(d), c.b.AmountUnit())
	}
}

// levels are the levels of government whose 财政 a department's budget is
// part of, as the glossary words them.
var levels = []string{"省级", "市级", "县级", "区级", "乡级", "镇级"}

// Years a budget may be for: the classification system in use since 2007
// and a margin into the future.
const (
	minYear = 2007
	maxYear = 2100
)

func (c *checker) department() {
	b := c.b
	switch b.MoneyUnit {
	case "", "万元", "元":
	default:
		c.errorf(CodeUnknownValue, "money_unit", "金额单位%s无法识别：请填写 万元 或 元", quote(b.MoneyUnit))
	}
	d := b.Department
	if strings.TrimSpace(d.Name) == "" {
		c.errorf(CodeRequired, "department.name", "未填写：请填写部门名称")
	}
	if strings.TrimSpace(d.Code) == "" {
		c.errorf(CodeRequired, "department.code", "未填写：请填写部门编码（如 019）")
	}
	if d.Level != "" && !slices.Contains(levels, d.Level) {
		c.warnf(CodeLevel, "department.level", "本级财政的级次%s不常见%s：名词解释会写成“%s财政”：请填写 %s", quote(d.Level), didYouMean(d.Level, levels), d.Level, eitherOf(levels...))
	}
	// The glossary speaks of the 财政 of d.Level, 县级 when it is not
	// given: a guess worth naming when the name is not a county's.
	if d.Level == "" && d.Name != "" && !strings.ContainsAny(d.Name, "县区旗") {
		c.warnf(CodeLevel, "department.level", "未填写本级财政的级次：名词解释已按“县级财政”写，而部门名称%s不像县（区）级部门：请填写 level（县级、市级 或 省级）", quote(d.Name))
	}
	switch {
	case d.Year == 0:
		c.errorf(CodeRequired, "department.year", "未填写：请填写预算年度（如 2023）")
	case d.Year < minYear || d.Year > maxYear:
		c.errorf(CodeYear, "department.year", "预算年度 %d 不在 %d–%d 之间", d.Year, minYear, maxYear)
	}
	if c.cat == nil && d.Year >= minYear && d.Year <= maxYear {
		ch, err := catalog.ForYear(d.Year)
		if err != nil {
			c.errorf(CodeCatalogue, "department.year", "无法核对分类编码：%v", err)
		} else {
			c.cat = ch.Catalogue
			if w := ch.Warning(); w != "" {
				c.warnf(CodeCatalogue, "department.year", "%s", w)
			}
		}
	}
	if d.Published == "" {
		c.errorf(CodeRequired, "department.published", "未填写：请按 YYYY-MM 填写公开月份（如 2023-04）")
	} else if y, m, ok := parseMonth(d.Published); !ok {
		c.errorf(CodePublished, "department.published", "公开月份%s格式不对：请写成 YYYY-MM（如 2023-04）", quote(d.Published))
	} else if d.Year != 0 && y < d.Year {
		c.errorf(CodePublished, "department.published", "公开月份 %04d-%02d 早于预算年度 %d 年", y, m, d.Year)
	} else if d.Year != 0 && y > d.Year {
		// A budget is made public once approved, early in its own year
		// (封丘 2023: 2023-04); the cover would print a later year.
		cover, _ := zh.Month(d.Published)
		c.errorf(CodePublished, "department.published", "公开月份 %04d-%02d 晚于预算年度 %d 年，封面会印成“%s”：部门预算在预算年度内公开（如 %d-04），请核对年份", y, m, d.Year, cover, d.Year)
	}
	// 第一部分 states the offices and the duties: a document without them
	// would print "内设0个科室" and an empty 主要职责.
	c.texts("department.offices", d.Offices, "内设科室", "第一部分“机构设置情况”要列出内设科室")
	c.texts("department.duties", d.Duties, "主要职责", "第一部分“主要职责”要逐条列出")
}

// unique checks the key (a code or a name) of item i of a list: it must be
// given and not be an earlier item's. seen maps each key to the item that
// had it first; duplicate is a format taking the key and that item's index.
func (c *checker) unique(path, key string, i int, seen map[string]int, blank, duplicate string) {
	if strings.TrimSpace(key) == "" {
		c.errorf(CodeRequired, path, "%s", blank)
	} else if j, dup := seen[key]; dup {
		c.errorf(CodeDuplicate, path, duplicate, quote(key), j)
	} else {
		seen[key] = i
	}
}

// texts checks a list of text that the document prints: it must have at
// least one item, and no item may be blank.
func (c *checker) texts(path string, items []string, what, why string) {
	if len(items) == 0 {
		c.errorf(CodeRequired, path, "未填写%s：%s", what, why)
	}
	for i, s := range items {
		if strings.TrimSpace(s) == "" {
			c.errorf(CodeRequired, fmt.Sprintf("%s[%d]", path, i), "未填写%s第 %d 项：请填写或删去这一项", what, i+1)
		}
	}
}

// parseMonth parses "YYYY-MM".
func parseMonth(s string) (year, month int, ok bool) {
	if len(s) != 7 || s[4] != '-' {
		return 0, 0, false
	}
	for i, r := range s {
		if i != 4 && (r < '0' || r > '9') {
			return 0, 0, false
		}
	}
	fmt.Sscanf(s, "%4d-%2d", &year, &month)
	return year, month, month >= 1 && month <= 12
}

func (c *checker) units() {
	if len(c.b.Units) == 0 {
		c.errorf(CodeRequired, "units", "未填写：请至少列出部门本级单位")
	}
	seen := map[string]int{}
	for i, u := range c.b.Units {
		p := fmt.Sprintf("units[%d]", i)
		c.unique(p+".code", u.Code, i, seen, "未填写单位编码", "单位编码%s重复：units[%d] 已使用这个编码")
		if strings.TrimSpace(u.Name) == "" {
			c.errorf(CodeRequired, p+".name", "未填写单位名称")
		}
		if u.Kind != UnitAdministrative && u.Kind != UnitInstitution {
			c.notOneOf(p+".kind", "单位类型", string(u.Kind), string(UnitAdministrative), string(UnitInstitution))
		}
	}
}

// unitKnown reports whether code names a unit, and says so if not.
func (c *checker) unit(path, code string) {
	if code == "" {
		c.errorf(CodeRequired, path, "未填写单位编码")
		return
	}
	if c.unitCodes == nil { // once per check, so that the cost grows with lines + units
		c.unitCodes = make(map[string]bool, len(c.b.Units))
		for _, u := range c.b.Units {
			c.unitCodes[u.Code] = true
		}
	}
	if c.unitCodes[code] {
		return
	}
	codes := make([]string, len(c.b.Units))
	for i, u := range c.b.Units {
		codes[i] = u.Code
	}
	switch {
	case c.unreadIn("units", "code"):
		// the unit may be the one whose code could not be read
	case len(codes) == 0:
		c.errorf(CodeUnknownUnit, path, "没有编码为%s的单位：units 中还没有列出任何单位", quote(code))
	default:
		c.errorf(CodeUnknownUnit, path, "没有编码为%s的单位%s：已列出的单位编码为 %s", quote(code), didYouMean(code, codes), listOf(codes...))
	}
}

// notOneOf reports that value, the what of path, is none of choices,
// suggesting the one it was likely meant to be.
func (c *checker) notOneOf(path, what, value string, choices ...string) {
	c.errorf(CodeUnknownValue, path, "%s%s无法识别%s：请填写 %s", what, quote(value), didYouMean(value, choices), eitherOf(choices...))
}

// didYouMean words a suggestion among candidates for s, "（是不是“X”？）",
// or "" when none is near.
func didYouMean(s string, candidates []string) string {
	if m := decode.Suggest(s, candidates); m != "" {
		return "（是不是" + quote(m) + "？）"
	}
	return ""
}

// fullWidthNote says that code is written in full-width digits (２０１０３０１),
// when it is n of them; "" otherwise.
func fullWidthNote(code string, n int) string {
	if narrow := decode.Narrow(code); narrow != code && isDigits(narrow, n) {
		return "：这里用了全角数字，请改用半角数字，写成 " + narrow
	}
	return ""
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// function checks a 功能分类 项 code.
func (c *checker) function(path, code string) {
	if c.cat == nil {
		return
	}
	if !isDigits(code, 7) {
		c.errorf(CodeFunctionCode, path, "功能分类编码%s应为 7 位数字（类 3 位、款 2 位、项 2 位，如 2010301）%s", quote(code), fullWidthNote(code, 7))
		return
	}
	if _, ok := c.cat.Function(code[:3]); !ok {
		c.errorf(CodeFunctionCode, path, "功能分类中没有类 %s（编码 %s）", code[:3], code)
		return
	}
	if _, ok := c.cat.Function(code[:5]); !ok {
		c.errorf(CodeFunctionCode, path, "功能分类中没有款 %s（编码 %s）", code[:5], code)
		return
	}
	if _, ok := c.cat.Function(code); ok {
		return
	}
	if name := c.b.FunctionNames[code]; name != "" {
		c.warnf(CodeFunctionName, path, "功能分类 项 %s 不在 %d 年的分类目录中，已采用 function_names 中的名称：%s", code, c.b.Department.Year, name)
		return
	}
	var items []string
	for _, k := range c.cat.FunctionCodes() {
		if len(k) == 7 && k[:5] == code[:5] {
			items = append(items, k)
		}
	}
	c.errorf(CodeFunctionCode, path, "功能分类 项 %s 不在 %d 年的分类目录中%s：请核对编码；如确认无误，请在 function_names 下填写它的名称", code, c.b.Department.Year, didYouMean(code, items))
}

// economic checks a 部门预算支出经济分类 款 code and reports its name.
func (c *checker) economic(path, code string) (string, bool) {
	if !isDigits(code, 5) {
		c.errorf(CodeEconomicCode, path, "经济分类编码%s应为 5 位数字（类 3 位、款 2 位，如 30101）%s", quote(code), fullWidthNote(code, 5))
		return "", false
	}
	if c.cat == nil {
		return "", false
	}
	name, ok := c.cat.DeptEconomic(code)
	if !ok {
		c.errorf(CodeEconomicCode, path, "部门预算支出经济分类中没有编码 %s%s", code, didYouMean(code, c.cat.DeptEconomicCodes()))
		return "", false
	}
	return name, true
}

func (c *checker) lines() {
	b := c.b
	if len(b.Lines) == 0 {
		c.errorf(CodeRequired, "lines", "未填写：预算至少要有一条支出明细")
	}
	projects := b.ProjectsByCode()
	for i, l := range b.Lines {
		p := fmt.Sprintf("lines[%d]", i)
		c.unit(p+".unit", l.Unit)
		c.function(p+".function", l.Function)
		name, ecoOK := c.economic(p+".economic", l.Economic)
		if !l.Source.Known() {
			c.unknownSource(p+".source", l.Source)
		}
		c.amount(p+".amount", l.Amount)
		if l.Amount.IsZero() {
			c.errorf(CodeAmount, p+".amount", "金额为零：没有金额的支出明细请删去")
		}
		switch {
		case l.Project != "" && l.Basic != "":
			c.errorf(CodeLineKind, p+".basic", "这条明细属于项目 %s，不能同时是基本支出（%s）：请删去其中一项", l.Project, l.Basic)
		case l.Project == "" && l.Basic == "":
			if !c.unread(p+".basic") && !c.unread(p+".project") {
				c.errorf(CodeLineKind, p, "既不是基本支出，也不属于项目：请填写 basic（人员经费 或 公用经费）或 project")
			}
		case l.Project == "":
			c.basicEconomic(p, l, name, ecoOK)
		default:
			proj := projects[l.Project]
			if proj == nil {
				if !c.unreadIn("projects", "code") {
					c.errorf(CodeUnknownProject, p+".project", "项目%s未在 projects 中列出%s", quote(l.Project), didYouMean(l.Project, b.projectCodes()))
				}
			} else if l.ProjectName != "" && l.ProjectName != proj.Name {
				c.errorf(CodeProjectName, p+".project_name", "同一项目名称不一致：本条明细写作%s，项目 %s 的名称是%s", quote(l.ProjectName), proj.Code, quote(proj.Name))
			}
		}
		if l.Project == "" && l.ProjectName != "" {
			c.errorf(CodeLineKind, p+".project_name", "基本支出明细不属于任何项目，却填写了项目名称%s：请删去，或填写 project", quote(l.ProjectName))
		}
	}
}

// basicEconomic checks that a basic line's economic class fits its kind.
func (c *checker) basicEconomic(p string, l Line, name string, ecoOK bool) {
	switch l.Basic {
	case BasicPersonnel, BasicPublic:
		if !ecoOK || c.cat == nil {
			return
		}
		kind, ok := c.cat.BasicKind(l.Economic)
		switch {
		case !ok:
			c.errorf(CodeBasicEconomic, p+".economic", "%s %s不能用于基本支出：人员经费应使用 %s，公用经费应使用 %s", l.Economic, name,
				c.cat.BasicKindRule(catalog.Personnel), c.cat.BasicKindRule(catalog.Public))
		case kind != string(l.Basic):
			c.errorf(CodeBasicEconomic, p+".economic", "%s %s不属于%s：%s应使用 %s", l.Economic, name, l.Basic, l.Basic, c.cat.BasicKindRule(string(l.Basic)))
		}
	default:
		c.notOneOf(p+".basic", "基本支出类型", string(l.Basic), string(BasicPersonnel), string(BasicPublic))
	}
}

func (c *checker) projects() {
	b := c.b
	used := map[string]bool{}
	sums := map[string]decimal.Decimal{}
	for _, l := range b.Lines {
		if l.Project != "" {
			used[l.Project] = true
			sums[l.Project] = sums[l.Project].Add(l.Amount)
		}
	}
	// A line whose project is not listed (reported in lines) is most
	// likely the project its code is near; one near none may be any.
	projects := b.ProjectsByCode()
	stray, strayAnywhere := map[string]bool{}, false
	for _, l := range b.Lines {
		if l.Project != "" && projects[l.Project] == nil {
			if m := decode.Suggest(l.Project, b.projectCodes()); m != "" {
				stray[m] = true
			} else {
				strayAnywhere = true
			}
		}
	}
	codes, names := map[string]int{}, map[string]int{}
	for i, pr := range b.Projects {
		p := fmt.Sprintf("projects[%d]", i)
		c.unique(p+".code", pr.Code, i, codes, "未填写项目编码", "项目编码%s重复：projects[%d] 已使用这个编码")
		c.unique(p+".name", pr.Name, i, names, "未填写项目名称", "项目名称%s重复：projects[%d] 也叫这个名称")
		if pr.Type != ProjectOtherOperation && pr.Type != ProjectSpecificTarget {
			c.notOneOf(p+".type", "项目类型", string(pr.Type), string(ProjectOtherOperation), string(ProjectSpecificTarget))
		}
		c.unit(p+".unit", pr.Unit)
		// A line whose project or amount could not be read may be this
		// project's.
		linesKnown := !c.unreadIn("lines", "project") && !c.unreadIn("lines", "amount") && !strayAnywhere && !stray[pr.Code]
		if pr.Code != "" && !used[pr.Code] && linesKnown {
			c.warnf(CodeUnusedProject, p, "项目 %s%s已列出，但没有支出明细使用它", pr.Code, quote(pr.Name))
		}
		total := sums[pr.Code]
		procured := decimal.Zero
		for k, pc := range pr.Procurement {
			pp := fmt.Sprintf("%s.procurement[%d]", p, k)
			c.procurementItem(pp, pc)
			procured = procured.Add(pc.Amount)
		}
		if procured.GreaterThan(total) && linesKnown && !c.unreadIn(p+".procurement", "amount") {
			c.errorf(CodeTotal, p+".procurement", "政府采购 %s 超过了项目金额 %s", amountText(procured), amountText(total))
		}
		c.targets(p, pr, total, linesKnown)
	}
}

// projectCodes lists the codes of the projects, for a suggestion.
func (b *Budget) projectCodes() []string {
	codes := make([]string, len(b.Projects))
	for i, p := range b.Projects {
		codes[i] = p.Code
	}
	return codes
}

func (c *checker) procurementItem(p string, pc Procurement) {
	switch pc.Category {
	case ProcurementGoods, ProcurementWorks, ProcurementServices:
	default:
		c.notOneOf(p+".category", "采购类别", string(pc.Category), string(ProcurementGoods), string(ProcurementWorks), string(ProcurementServices))
	}
	c.amount(p+".amount", pc.Amount)
}

// targets checks a project's performance targets.
func (c *checker) targets(p string, pr Project, total decimal.Decimal, totalKnown bool) {
	costSum, costs := decimal.Zero, 0
	for k, t := range pr.Targets {
		tp := fmt.Sprintf("%s.targets[%d]", p, k)
		switch t.Kind {
		case TargetCost, TargetOutput, TargetBenefit, TargetSatisfaction:
		default:
			c.notOneOf(tp+".kind", "指标类型", string(t.Kind), string(TargetCost), string(TargetOutput), string(TargetBenefit), string(TargetSatisfaction))
		}
		if strings.TrimSpace(t.Indicator) == "" {
			c.errorf(CodeRequired, tp+".indicator", "未填写三级指标")
		}
		if strings.TrimSpace(t.Value) == "" {
			c.errorf(CodeRequired, tp+".value", "未填写指标值")
		}
		c.targetValue(tp+".value", t.Kind == TargetSatisfaction, t.Indicator, t.Value)
		if t.Kind == TargetCost {
			if a, ok := c.costAmount(t.Value); ok {
				costSum = costSum.Add(a)
				costs++
			}
		}
	}
	if costs > 0 && !costSum.Equal(total) && totalKnown && !c.unreadIn(p+".targets", "value") {
		what := "成本指标为"
		if costs > 1 {
			what = fmt.Sprintf("%d 个成本指标合计", costs)
		}
		c.errorf(CodeTarget, p+".targets", "%s %s %s，但项目的支出明细合计 %s %s：二者应相等", what, amountText(costSum), c.b.AmountUnit(), amountText(total), c.b.AmountUnit())
	}
}

// comparison is a parsed target value: "≥95%" → (≥, 95, %).
type comparison struct {
	op     string // "≥", "≤", ">", "<", "=" or "" for a bare value
	number decimal.Decimal
	unit   string
}

var comparisonOps = []string{"≥", "≤", ">=", "<=", ">", "<", "＞", "＜", "="}

// parseComparison reads "≥95%", "≤246.75万元", "100%", "0.07元"; ok is
// false for values that are not an optional operator, a number and a unit.
func parseComparison(v string) (comparison, bool) {
	v = strings.TrimSpace(v)
	var cmp comparison
	for _, op := range comparisonOps {
		if strings.HasPrefix(v, op) {
			cmp.op = op
			v = strings.TrimSpace(v[len(op):])
			break
		}
	}
	end := 0
	for end < len(v) && (v[end] >= '0' && v[end] <= '9' || v[end] == '.') {
		end++
	}
	if end == 0 {
		return cmp, false
	}
	n, err := decimal.NewFromString(v[:end])
	if err != nil {
		return cmp, false
	}
	cmp.number, cmp.unit = n, strings.TrimSpace(v[end:])
	return cmp, true
}

func isUpperBound(op string) bool { return op == "≤" || op == "<=" || op == "<" || op == "＜" }

var hundred = decimal.NewFromInt(100)

// targetValue checks a performance value: a rate (…率, 满意度, 合格) cannot
// exceed 100%, and an upper bound on satisfaction ("≤100%") is always met.
func (c *checker) targetValue(path string, satisfaction bool, indicator, value string) {
	cmp, ok := parseComparison(value)
	if !ok {
		return
	}
	satisfaction = satisfaction || strings.Contains(indicator, "满意")
	if cmp.unit == "%" && cmp.number.GreaterThan(hundred) &&
		(satisfaction || strings.Contains(indicator, "率") || strings.Contains(indicator, "合格")) {
		c.errorf(CodeTarget, path, "指标值 %s 有误：比率不能超过 100%%", value)
	}
	if satisfaction && cmp.unit == "%" && isUpperBound(cmp.op) {
		c.errorf(CodeTarget, path, "指标值 %s 是满意度的上限，总能达到，起不到约束作用：请改写为下限，如 ≥95%%", value)
	}
}

// costAmount reads a cost target's amount in the budget's money unit.
func (c *checker) costAmount(value string) (decimal.Decimal, bool) {
	cmp, ok := parseComparison(value)
	if !ok || (cmp.op != "" && !isUpperBound(cmp.op) && cmp.op != "=") {
		return decimal.Zero, false
	}
	unit := c.b.AmountUnit()
	switch {
	case cmp.unit == unit:
		return cmp.number, true
	case cmp.unit == "万元" && unit == "元":
		return cmp.number.Mul(decimal.NewFromInt(10000)), true
	case cmp.unit == "元" && unit == "万元":
		return cmp.number.Div(decimal.NewFromInt(10000)), true
	}
	return decimal.Zero, false
}

// income checks declared income against the lines, per source, this year
// and carried over, and in total.
//
// Money under a source that is not recognised has been reported once, at the
// source: it is not reported again as income without spending (or spending
// without income), and a known source whose gap it may explain is not
// reported either. The total still holds. Sums that include a value that
// could not be read are not compared.
func (c *checker) income() {
	b := c.b
	if !b.Income.Declared() {
		return // the figures derive the income from the lines: nothing to check
	}
	type side struct {
		path, what      string
		declared, spent map[Source]decimal.Decimal
		// strayDeclared and straySpent are the money under sources not
		// recognised; unsure holds the sources whose sums are unknown.
		strayDeclared, straySpent decimal.Decimal
		unsure                    map[Source]bool
	}
	thisYear := &side{path: "income.this_year", what: "本年", declared: b.Income.ThisYear, spent: map[Source]decimal.Decimal{}, unsure: map[Source]bool{}}
	carry := &side{path: "income.carry_over", what: "上年结转", declared: b.Income.CarryOver, spent: map[Source]decimal.Decimal{}, unsure: map[Source]bool{}}
	totalSpent, totalIncome := decimal.Zero, decimal.Zero
	totalKnown := !c.unread("income") && !c.unread("lines")
	// A line that could not be read at all may be any source's.
	linesUnsure := c.unreadIn("lines", "")
	for i, l := range b.Lines {
		p := fmt.Sprintf("lines[%d]", i)
		sd := thisYear
		if l.CarryOver {
			sd = carry
		}
		switch {
		case c.unread(p + ".carry_over"):
			thisYear.unsure[l.Source], carry.unsure[l.Source] = true, true
		case c.unread(p+".source") || !l.Source.Known():
			sd.straySpent = sd.straySpent.Add(l.Amount)
		default:
			sd.spent[l.Source] = sd.spent[l.Source].Add(l.Amount)
		}
		if c.unread(p + ".amount") {
			totalKnown = false
			thisYear.unsure[l.Source], carry.unsure[l.Source] = true, true
		}
		totalSpent = totalSpent.Add(l.Amount)
	}
	for _, sd := range []*side{thisYear, carry} {
		for s, d := range sd.declared {
			p := sd.path + "." + string(s)
			totalIncome = totalIncome.Add(d)
			if c.unread(p) {
				totalKnown = false
				sd.unsure[s] = true
			}
			if !s.Known() {
				sd.strayDeclared = sd.strayDeclared.Add(d)
			}
		}
		if c.unread(sd.path) {
			totalKnown = false
		}
		for _, s := range sortedSources(sd.declared, sd.spent) {
			p := sd.path + "." + string(s)
			d, declaredOK := sd.declared[s]
			if declaredOK {
				c.amount(p, d)
				if !s.Known() {
					c.unknownSource(p, s)
				}
			}
			sp := sd.spent[s]
			switch {
			case d.Equal(sp), !s.Known(), sd.unsure[s], c.unread(sd.path), linesUnsure:
				continue
			case d.LessThan(sp) && sd.strayDeclared.IsPositive(), d.GreaterThan(sp) && sd.straySpent.IsPositive():
				continue // the money under the unrecognised source may be this one's
			}
			target := p
			if !declaredOK {
				target = sd.path
			}
			c.errorf(CodeBalance, target, "%s收入中%s为 %s，但用这笔资金的支出明细合计 %s：收入应与支出相等", sd.what, s, amountText(d), amountText(sp))
		}
	}
	if totalKnown && !totalIncome.Equal(totalSpent) {
		c.errorf(CodeBalance, "income", "收入合计 %s，支出合计 %s：收入应与支出相等", amountText(totalIncome), amountText(totalSpent))
	}
}

// unknownSource reports a source of funds that is not one of Sources.
func (c *checker) unknownSource(path string, s Source) {
	names := make([]string, len(Sources))
	for i, k := range Sources {
		names[i] = string(k)
	}
	c.errorf(CodeUnknownValue, path, "资金来源%s无法识别%s：请填写以下之一：%s", quote(string(s)), didYouMean(string(s), names), sourceList())
}

// sortedSources lists the sources of both maps: the known ones in Sources
// order, then the rest by name.
func sortedSources(ms ...map[Source]decimal.Decimal) []Source {
	seen := map[Source]bool{}
	for _, m := range ms {
		for s := range m {
			seen[s] = true
		}
	}
	var out, unknown []Source
	for _, s := range Sources {
		if seen[s] {
			out = append(out, s)
		}
	}
	for s := range seen {
		if !s.Known() {
			unknown = append(unknown, s)
		}
	}
	sort.Slice(unknown, func(i, j int) bool { return unknown[i] < unknown[j] })
	return append(out, unknown...)
}

// Economic codes that carry "三公"经费: 30212 因公出国（境）费用, 30217 公务
// 接待费, 30231 公务用车运行维护费, 31013 公务用车购置.
const (
	ecoAbroad           = "30212"
	ecoReception        = "30217"
	ecoVehicleOperation = "30231"
	ecoVehiclePurchase  = "31013"
)

func (c *checker) threePublic(path string, t ThreePublic) {
	c.amount(path+".abroad", t.Abroad)
	c.amount(path+".vehicle_purchase", t.VehiclePurchase)
	c.amount(path+".vehicle_operation", t.VehicleOperation)
	c.amount(path+".reception", t.Reception)
	sum := t.Abroad.Add(t.VehiclePurchase).Add(t.VehicleOperation).Add(t.Reception)
	if t.Total != nil && !t.Total.Equal(sum) {
		c.errorf(CodeTotal, path+".total", "“三公”经费合计 %s 不等于各项之和 %s", amountText(*t.Total), amountText(sum))
	}
	if path != "three_public" {
		return
	}
	// "三公"经费 is paid from 财政拨款; when the lines use the economic codes
	// that carry it, they must agree with the declared items.
	spent := map[string]decimal.Decimal{}
	any := false
	for _, l := range c.b.Lines {
		switch l.Economic {
		case ecoAbroad, ecoReception, ecoVehicleOperation, ecoVehiclePurchase:
			any = true
			if l.Source.IsFiscal() {
				spent[l.Economic] = spent[l.Economic].Add(l.Amount)
			}
		}
	}
	if !any || c.unreadIn("lines", "economic") || c.unreadIn("lines", "source") || c.unreadIn("lines", "amount") {
		return
	}
	for _, item := range []struct {
		key, code, name string
		declared        decimal.Decimal
	}{
		{"abroad", ecoAbroad, "因公出国（境）费", t.Abroad},
		{"vehicle_purchase", ecoVehiclePurchase, "公务用车购置费", t.VehiclePurchase},
		{"vehicle_operation", ecoVehicleOperation, "公务用车运行费", t.VehicleOperation},
		{"reception", ecoReception, "公务接待费", t.Reception},
	} {
		if !item.declared.Equal(spent[item.code]) {
			c.errorf(CodeThreePublicLines, path+"."+item.key, "“三公”经费中%s为 %s，但经济分类 %s 的财政拨款支出明细合计 %s：二者应相等", item.name, amountText(item.declared), item.code, amountText(spent[item.code]))
		}
	}
}

func (c *checker) procurement() {
	b := c.b
	sum := decimal.Zero
	for k, pc := range b.Procurement.Basic {
		c.procurementItem(fmt.Sprintf("procurement.basic[%d]", k), pc)
		sum = sum.Add(pc.Amount)
	}
	for _, pr := range b.Projects {
		for _, pc := range pr.Procurement {
			sum = sum.Add(pc.Amount)
		}
	}
	if t := b.Procurement.Total; t != nil {
		c.amount("procurement.total", *t)
		if !t.Equal(sum) && !c.unreadIn("projects", "procurement") && !c.unreadIn("procurement.basic", "amount") {
			c.errorf(CodeTotal, "procurement.total", "政府采购合计 %s 不等于各项目和基本支出的政府采购之和 %s", amountText(*t), amountText(sum))
		}
	}
}

func (c *checker) prior() {
	b := c.b
	c.amount("prior.basic", b.Prior.Basic)
	c.amount("prior.government_fund", b.Prior.GovernmentFund)
	c.amount("prior.state_capital", b.Prior.StateCapital)
	if b.Prior.GeneralBudget != nil {
		c.amount("prior.general_budget", *b.Prior.GeneralBudget)
	}
	seen := map[string]int{}
	for i, pp := range b.Prior.Projects {
		p := fmt.Sprintf("prior.projects[%d]", i)
		c.unique(p+".code", pp.Code, i, seen, "未填写项目编码", "上年项目%s重复列出：prior.projects[%d] 已有这个项目")
		c.amount(p+".amount", pp.Amount)
	}
	c.threePublic("prior.three_public", b.Prior.ThreePublic)
	c.priorProjects()
	c.priorGeneralBudget()
}

func (c *checker) specialTransfers() {
	for i, t := range c.b.SpecialTransfers {
		p := fmt.Sprintf("special_transfers[%d]", i)
		if strings.TrimSpace(t.Name) == "" {
			c.errorf(CodeRequired, p+".name", "未填写：请填写专项转移支付项目的名称")
		}
		c.amount(p+".amount", t.Amount)
	}
}

func (c *checker) performance() {
	p := c.b.Performance
	c.texts("performance.goals", p.Goals, "年度履职目标", "部门（单位）整体绩效目标表要列出年度履职目标")
	if len(p.Tasks) == 0 {
		c.errorf(CodeRequired, "performance.tasks", "未填写年度主要任务：部门（单位）整体绩效目标表要列出年度主要任务")
	}
	for i, t := range p.Tasks {
		path := fmt.Sprintf("performance.tasks[%d]", i)
		if strings.TrimSpace(t.Name) == "" {
			c.errorf(CodeRequired, path+".name", "未填写任务名称")
		}
		if strings.TrimSpace(t.Content) == "" {
			c.errorf(CodeRequired, path+".content", "未填写任务的主要内容")
		}
	}
	if len(p.Indicators) == 0 {
		c.errorf(CodeRequired, "performance.indicators", "未填写绩效指标：部门（单位）整体绩效目标表要列出各级指标")
	}
	for i, in := range p.Indicators {
		path := fmt.Sprintf("performance.indicators[%d]", i)
		for _, f := range []struct{ key, name, value string }{{"level1", "一级指标", in.Level1}, {"level2", "二级指标", in.Level2}, {"level3", "三级指标", in.Level3}} {
			if strings.TrimSpace(f.value) == "" {
				c.errorf(CodeRequired, path+"."+f.key, "未填写%s", f.name)
			}
		}
		c.targetValue(path+".value", in.Level1 == "满意度", in.Level3, in.Value)
	}
}
