package budget

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/internal/decode"
)

// The checks of the prior year's figures against this year's: the narrative
// compares the two, so a prior figure that does not fit this year's makes it
// contradict itself.

// priorProjects checks the prior-year projects against this year's. The
// narrative calls a project of this year that the prior year lacks new, and
// a prior project that this year lacks ended; one project under two codes
// would be both.
func (c *checker) priorProjects() {
	b := c.b
	if c.unreadIn("projects", "code") || c.unreadIn("projects", "name") || c.unreadIn("projects", "short_name") || c.unreadIn("prior.projects", "code") {
		return
	}
	current := map[string]*Project{}
	for i := range b.Projects {
		if _, dup := current[b.Projects[i].Code]; !dup {
			current[b.Projects[i].Code] = &b.Projects[i]
		}
	}
	inPrior := map[string]bool{}
	for _, pp := range b.Prior.Projects {
		inPrior[pp.Code] = true
	}
	// The projects the narrative would call new.
	var fresh []*Project
	var freshCodes []string
	for i := range b.Projects {
		if pr := &b.Projects[i]; pr.Code != "" && !inPrior[pr.Code] {
			fresh = append(fresh, pr)
			freshCodes = append(freshCodes, pr.Code)
		}
	}
	for i, pp := range b.Prior.Projects {
		p := fmt.Sprintf("prior.projects[%d]", i)
		if pp.Code == "" {
			continue // reported by prior()
		}
		if pr := current[pp.Code]; pr != nil {
			if pp.Name != "" && pp.Name != pr.Name && pp.Name != pr.ShortName && !c.unread(p+".name") {
				c.warnf(CodePrior, p+".name", "上年项目名称%s与本年同一编码项目 %s 的名称%s%s不同：如是同一项目，请写成同样的名称；如不是，请核对编码",
					quote(pp.Name), pr.Code, quote(pr.Name), shortNameNote(pr))
			}
			continue
		}
		if pr := sameName(fresh, pp.Name); pr != nil {
			c.errorf(CodePrior, p+".code", "上年项目%s的编码 %s 与本年同名项目的编码 %s 不同：叙述会把同一个项目既写成新增又写成结束：如是同一项目，请把上年的编码改成 %s",
				quote(pp.Name), pp.Code, pr.Code, pr.Code)
			continue
		}
		if m := decode.Suggest(pp.Code, freshCodes); m != "" && (typoOf(pp.Code, m) || similarName(pp.Name, current[m])) {
			c.warnf(CodePrior, p+".code", "上年项目编码 %s 不在本年的项目中，是不是本年的 %s（%s）？如是同一项目，请改成同一编码：否则叙述会把它写成结束的项目，把 %s 写成新增的项目",
				pp.Code, m, current[m].Name, m)
		}
	}
}

func shortNameNote(pr *Project) string {
	if pr.ShortName == "" || pr.ShortName == pr.Name {
		return ""
	}
	return "（简称" + quote(pr.ShortName) + "）"
}

// sameName returns the project named name (in full or short), or nil.
func sameName(projects []*Project, name string) *Project {
	if name == "" {
		return nil
	}
	for _, pr := range projects {
		if pr.Name == name || pr.ShortName == name {
			return pr
		}
	}
	return nil
}

// similarName reports whether a prior project's name looks like the name of
// pr, one being part of the other (工作经费, 工作经费（含22年16.75万）).
func similarName(name string, pr *Project) bool {
	return name != "" && pr != nil && decode.Suggest(name, []string{pr.Name, pr.ShortName}) != ""
}

// typoOf reports whether code a differs from b as a typing slip does: in
// separators, width or case, a character left out or added, or two
// neighbours swapped. Codes are numbered one after the other, so a single
// different character alone (…9620, …9621) is two projects, not a slip.
func typoOf(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return true
	}
	var diff []int
	for i := range ra {
		if ra[i] != rb[i] {
			diff = append(diff, i)
		}
	}
	return len(diff) == 2 && diff[1] == diff[0]+1 && ra[diff[0]] == rb[diff[1]] && ra[diff[1]] == rb[diff[0]]
}

// priorGeneralBudget checks the prior year's 一般公共预算 spending, which the
// narrative compares this year's with, against the prior total.
func (c *checker) priorGeneralBudget() {
	pr := c.b.Prior
	if c.unread("prior.basic") || c.unreadIn("prior.projects", "amount") || c.unread("prior.government_fund") || c.unread("prior.state_capital") {
		return
	}
	projects := decimal.Zero
	seen := map[string]bool{}
	for _, p := range pr.Projects { // as Figures sums them: each code once
		if !seen[p.Code] {
			seen[p.Code] = true
			projects = projects.Add(p.Amount)
		}
	}
	total := pr.Basic.Add(projects)
	rest := total.Sub(pr.GovernmentFund).Sub(pr.StateCapital)
	unit := c.b.AmountUnit()
	if pr.GeneralBudget == nil {
		// The guess counts every source but the two other government
		// budgets as 一般公共预算. Only a department with money from
		// outside the government budgets this year (事业收入, 上级补助收入
		// …) is likely to have had such money the year before.
		if other := c.b.nonBudgetSources(); other != "" && !total.IsZero() {
			c.warnf(CodePrior, "prior.general_budget", "未填写上年一般公共预算支出：已按上年支出合计 %s 减去政府性基金 %s、国有资本经营 %s 算作 %s %s；本年有%s，上年如也有这类资金，就被算进了一般公共预算：请按上年预算填写 general_budget",
				amountText(total), amountText(pr.GovernmentFund), amountText(pr.StateCapital), amountText(rest), unit, other)
		}
		return
	}
	if gb := *pr.GeneralBudget; gb.GreaterThan(rest) && !c.unread("prior.general_budget") {
		c.errorf(CodePrior, "prior.general_budget", "上年一般公共预算支出 %s 大于上年支出合计 %s（基本支出 %s + 项目支出 %s）减去政府性基金 %s、国有资本经营 %s 后的 %s：叙述中一般公共预算的增减会与合计的增减矛盾：请核对",
			amountText(gb), amountText(total), amountText(pr.Basic), amountText(projects), amountText(pr.GovernmentFund), amountText(pr.StateCapital), amountText(rest))
	}
}

// assets checks the counts of 国有资产占用情况: the narrative prints them
// ("共有车辆0辆").
func (c *checker) assets() {
	a := c.b.Assets
	for _, n := range []struct {
		key, what string
		count     int
	}{
		{"vehicles.official", "一般公务用车", a.Vehicles.Official},
		{"vehicles.law_enforcement", "一般执法执勤用车", a.Vehicles.LawEnforcement},
		{"vehicles.special", "特种专业技术用车", a.Vehicles.Special},
		{"vehicles.other", "其他用车", a.Vehicles.Other},
		{"general_equipment_over_50", "单位价值 50 万元以上通用设备", a.GeneralEquipment},
		{"special_equipment_over_100", "单位价值 100 万元以上专用设备", a.SpecialEquipment},
	} {
		if n.count < 0 {
			c.errorf(CodeAssets, "assets."+n.key, "%s数量 %d 是负数：请填写 0 或正整数", n.what, n.count)
		}
	}
}

// nonBudgetSources names the sources of this year's money that are none of
// the government budgets (一般公共预算, 政府性基金, 国有资本经营), "事业收入、
// 其他收入"; "" when there is none.
func (b *Budget) nonBudgetSources() string {
	seen := map[Source]bool{}
	for _, l := range b.Lines {
		seen[l.Source] = true
	}
	for _, m := range []map[Source]decimal.Decimal{b.Income.ThisYear, b.Income.CarryOver} {
		for s := range m {
			seen[s] = true
		}
	}
	var names []string
	for _, s := range Sources { // in the tables' order, for a stable message
		switch s {
		case SourceGeneralAppropriation, SourceGeneralOther, SourceGovernmentFund, SourceStateCapital:
			continue
		}
		if seen[s] {
			names = append(names, string(s))
		}
	}
	return listOf(names...)
}
