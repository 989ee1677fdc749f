package budget

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Unit returns the budget of one of the department's units, for its 单位预算:
// the unit's lines and projects alone, its own facts (Unit.Offices,
// Unit.Prior, …) in the department's places, and Department naming the unit,
// with Parent the department it belongs to. Every figure computed from it is
// the unit's alone.
//
// A department of one unit lends the unit its own facts. In a department of
// several, a unit must state its offices, duties, "三公"经费, assets,
// performance and prior year; the problems say which it lacks.
//
// The unit's budget remembers where it came from: the problems its Check
// finds name the department's fields and file positions (the unit's prior
// year is units[2].prior, its first line the department's line it is). It
// has lists of its own (lines, projects) but shares the department's texts
// and nested lists: change neither while the other is used.
func (b *Budget) Unit(code string) (*Budget, error) {
	i := -1
	for k, u := range b.Units {
		if u.Code == code {
			i = k
			break
		}
	}
	if i < 0 {
		return nil, Problems{b.unitNotFound(code)}
	}
	part := b.partByUnit()[code]
	ub, missing := b.unitBudget(i, part)
	if len(missing) > 0 {
		return nil, missing
	}
	return ub, nil
}

// UnitBudgets returns the budget of every unit (see Unit), in the order of
// Units, dividing the lines among them in one pass. A unit that cannot
// have one is nil, and the error lists what each such unit lacks.
func (b *Budget) UnitBudgets() ([]*Budget, error) {
	parts := b.partByUnit()
	out := make([]*Budget, len(b.Units))
	var missing Problems
	for i, u := range b.Units {
		ub, lacks := b.unitBudget(i, parts[u.Code])
		if len(lacks) > 0 {
			missing = append(missing, lacks...)
			continue
		}
		out[i] = ub
	}
	if len(missing) > 0 {
		return out, missing
	}
	return out, nil
}

// unitNotFound is the problem of a unit code the department has no unit of.
func (b *Budget) unitNotFound(code string) Problem {
	var units []string
	for _, u := range b.Units {
		units = append(units, u.Code+" "+u.Name)
	}
	msg := fmt.Sprintf("没有编码为%s的预算单位：请用本部门的单位编码之一：%s", quote(code), strings.Join(units, "、"))
	if len(units) == 0 {
		msg = fmt.Sprintf("没有编码为%s的预算单位：units 中还没有列出任何单位", quote(code))
	}
	return Problem{Code: CodeUnknownUnit, Severity: SeverityError, Pos: b.position("units"), Path: ParsePath("units"), Message: msg}
}

// unitPart is the indexes of one unit's lines and projects in the
// department's lists.
type unitPart struct{ lines, projects []int }

// partByUnit divides the lines and projects among the units in one pass,
// so that the cost of every unit's budget together grows with the lines. A
// project belongs to its own unit and to the unit of every line spending
// on it.
func (b *Budget) partByUnit() map[string]*unitPart {
	parts := make(map[string]*unitPart, len(b.Units))
	part := func(code string) *unitPart {
		p := parts[code]
		if p == nil {
			p = &unitPart{}
			parts[code] = p
		}
		return p
	}
	byCode := make(map[string]int, len(b.Projects))
	for k, pr := range b.Projects {
		if _, dup := byCode[pr.Code]; !dup {
			byCode[pr.Code] = k
		}
		p := part(pr.Unit)
		p.projects = append(p.projects, k)
	}
	for k, l := range b.Lines {
		p := part(l.Unit)
		p.lines = append(p.lines, k)
		if j, ok := byCode[l.Project]; ok && b.Projects[j].Unit != l.Unit && !slices.Contains(p.projects, j) {
			p.projects = append(p.projects, j)
		}
	}
	return parts
}

// unitBudget makes the budget of unit i from its part, and lists the facts
// it lacks for a document.
func (b *Budget) unitBudget(i int, part *unitPart) (*Budget, Problems) {
	u := b.Units[i]
	if part == nil {
		part = &unitPart{}
	}
	origin := &unitOrigin{unit: i, lines: part.lines, projects: part.projects, own: map[string]bool{}}
	ub := &Budget{
		MoneyUnit:     b.MoneyUnit,
		Department:    b.Department,
		Units:         []Unit{{Code: u.Code, Name: u.Name, Kind: u.Kind}}, // its facts move to their places
		FunctionNames: b.FunctionNames,
		source:        b.source,
		origin:        origin,
	}
	ub.Department.Name, ub.Department.Code, ub.Department.Parent = u.Name, u.Code, b.Department.Name
	for _, k := range part.lines {
		ub.Lines = append(ub.Lines, b.Lines[k])
	}
	for _, k := range part.projects {
		ub.Projects = append(ub.Projects, b.Projects[k])
	}
	alone := len(b.Units) == 1
	var missing Problems
	need := func(field, what string, stated bool) bool {
		if stated {
			origin.own[field] = true
			return true
		}
		if !alone {
			p := fmt.Sprintf("units[%d]", i)
			like := field
			if field == "offices" || field == "duties" {
				like = "department." + field
			}
			sum := ""
			if field == "three_public" || field == "assets" || field == "prior" {
				sum = "，各单位之和应等于部门的数"
			}
			how := fmt.Sprintf("请在 %s 下填写 %s，写法同部门的 %s%s", p, field, like, sum)
			if b.source != nil && isWorkbook(b.source.file) {
				how = fmt.Sprintf("请在工作簿的%s中为单位 %s 填写%s", unitSheets[field], u.Code, sum)
			}
			missing = append(missing, Problem{
				Code: CodeUnitFacts, Severity: SeverityError, Pos: b.position(p), Path: ParsePath(p),
				Message: fmt.Sprintf("单位%s的单位预算要写本单位的%s：%s", quote(u.Name), what, how),
			})
		}
		return false
	}
	ub.ThreePublic, ub.Assets, ub.Performance, ub.Prior = b.ThreePublic, b.Assets, b.Performance, b.Prior
	if need("offices", "内设科室", u.Offices != nil) {
		ub.Department.Offices = u.Offices
	}
	if need("duties", "主要职责", u.Duties != nil) {
		ub.Department.Duties = u.Duties
	}
	if need("three_public", "“三公”经费", u.ThreePublic != nil) {
		ub.ThreePublic = *u.ThreePublic
	}
	if need("assets", "国有资产占用情况", u.Assets != nil) {
		ub.Assets = *u.Assets
	}
	if need("performance", "整体绩效目标", u.Performance != nil) {
		ub.Performance = *u.Performance
	}
	if need("prior", "上年预算数", u.Prior != nil) {
		ub.Prior = *u.Prior
	}
	// 政府采购 and 专项转移支付 a unit may well have none of: left out,
	// they are none, and a department that has them is told of the guess.
	ub.Procurement, ub.SpecialTransfers = b.Procurement, b.SpecialTransfers
	if !alone {
		ub.Procurement, ub.SpecialTransfers = ProcurementTotals{}, nil
		if u.Procurement != nil {
			origin.own["procurement"] = true
			ub.Procurement = *u.Procurement
		} else if len(b.Procurement.Basic) > 0 {
			origin.guesses = append(origin.guesses, "基本支出安排的政府采购（procurement.basic）")
		}
		if u.SpecialTransfers != nil {
			origin.own["special_transfers"] = true
			ub.SpecialTransfers = u.SpecialTransfers
		} else if len(b.SpecialTransfers) > 0 {
			origin.guesses = append(origin.guesses, "负责管理的专项转移支付（special_transfers）")
		}
	}
	return ub, missing
}

// unitSheets name the workbook's sheets that hold each fact of a unit (the
// ones internal/workbook lays out), for a message to a clerk.
var unitSheets = map[string]string{
	"offices":      "“内设科室”表（单位编码填本单位的）",
	"duties":       "“主要职责”表（单位编码填本单位的）",
	"three_public": "“单位\"三公\"经费”表（本年、上年各一行）",
	"assets":       "“单位国有资产”表",
	"performance":  "“履职目标”“主要任务”“整体绩效”表（单位编码填本单位的）",
	"prior":        "“单位上年数”表和“上年项目”表",
}

// unitOrigin is where a unit's budget came from: the unit's index in the
// department's units, the department's index of each of its lines and
// projects, and the facts the unit states itself (kept under units[i]).
type unitOrigin struct {
	unit            int
	lines, projects []int
	own             map[string]bool // "prior", "offices", …
	// guesses name what the unit left out and its document takes to be
	// none; Check warns of each.
	guesses []string
}

// departmentPath is where the value at path of a unit's budget stands in
// the department's: its own facts under units[i], its lines and projects at
// their places in the department's lists.
func (o *unitOrigin) departmentPath(path string) string {
	head, rest := path, ""
	if k := strings.IndexAny(path, ".["); k >= 0 {
		head, rest = path[:k], path[k:]
	}
	unit := "units[" + strconv.Itoa(o.unit) + "]"
	switch head {
	case "department":
		field, _, _ := strings.Cut(strings.TrimPrefix(rest, "."), ".")
		field, _, _ = strings.Cut(field, "[")
		switch {
		case field == "name" || field == "code":
			return unit + rest
		case (field == "offices" || field == "duties") && o.own[field]:
			return unit + rest
		}
	case "units":
		if strings.HasPrefix(rest, "[0]") {
			return unit + strings.TrimPrefix(rest, "[0]")
		}
	case "lines":
		return reindex(head, rest, o.lines)
	case "projects":
		return reindex(head, rest, o.projects)
	default:
		if o.own[head] {
			return unit + "." + path
		}
	}
	return path
}

// reindex turns "[k]…" of list into "[index[k]]…".
func reindex(list, rest string, index []int) string {
	end := strings.IndexByte(rest, ']')
	if !strings.HasPrefix(rest, "[") || end < 0 {
		return list + rest
	}
	k, err := strconv.Atoi(rest[1:end])
	if err != nil || k < 0 || k >= len(index) {
		return list + rest
	}
	return list + "[" + strconv.Itoa(index[k]) + "]" + rest[end+1:]
}

// locate is where a problem at path stands: its position in the input and
// its path, both the department's for a unit's budget.
func (b *Budget) locate(path string) (Position, Path) {
	if b.origin != nil {
		path = b.origin.departmentPath(path)
	}
	return b.position(path), ParsePath(path)
}

// unitChecks checks what the units state for their own documents: each
// stated fact as the department's would be checked, and, where every unit
// states a fact, that the units' sum is the department's.
func (c *checker) unitChecks() {
	b := c.b
	if len(b.Units) == 0 || b.origin != nil {
		return
	}
	var parts map[string]*unitPart
	for i, u := range b.Units {
		if !u.statesFacts() {
			continue
		}
		if parts == nil {
			parts = b.partByUnit()
		}
		ub, _ := b.unitBudget(i, parts[u.Code])
		uc := &checker{b: ub, cat: c.cat, unknown: c.unknown}
		uc.ownFacts()
		c.ps = append(c.ps, uc.ps...)
	}
	if len(b.Units) > 1 {
		c.unitSums()
	}
}

// statesFacts reports whether the unit states any fact of its own.
func (u Unit) statesFacts() bool {
	return u.Offices != nil || u.Duties != nil || u.ThreePublic != nil || u.Procurement != nil ||
		u.Assets != nil || u.SpecialTransfers != nil || u.Performance != nil || u.Prior != nil
}

// ownFacts runs, on a unit's budget, the checks of the facts the unit
// states itself.
func (c *checker) ownFacts() {
	own := c.b.origin.own
	if own["offices"] {
		c.texts("department.offices", c.b.Department.Offices, "内设科室", "单位预算第一部分要列出本单位的内设科室")
	}
	if own["duties"] {
		c.texts("department.duties", c.b.Department.Duties, "主要职责", "单位预算第一部分要逐条列出本单位的主要职责")
	}
	if own["three_public"] {
		c.threePublic("three_public", c.b.ThreePublic)
	}
	if own["procurement"] {
		c.procurement()
	}
	if own["prior"] {
		c.prior()
	}
	if own["performance"] {
		c.performance()
	}
	if own["special_transfers"] {
		c.specialTransfers()
	}
	if own["assets"] {
		c.assets()
	}
}

// unitSums checks, for each fact every unit states, that the units' figures
// add up to the department's.
func (c *checker) unitSums() {
	b := c.b
	all := func(stated func(Unit) bool) bool {
		for _, u := range b.Units {
			if !stated(u) {
				return false
			}
		}
		return true
	}
	sum := func(path, what string, dept decimal.Decimal, of func(Unit) decimal.Decimal) {
		total := decimal.Zero
		for _, u := range b.Units {
			total = total.Add(of(u))
		}
		if !total.Equal(dept) {
			c.errorf(CodeUnitSum, path, "各单位的%s之和 %s 不等于部门的 %s：部门的数应是各单位之和，请核对", what, amountText(total), amountText(dept))
		}
	}
	count := func(path, what string, dept int, of func(Unit) int) {
		total := 0
		for _, u := range b.Units {
			total += of(u)
		}
		if total != dept {
			c.errorf(CodeUnitSum, path, "各单位的%s之和 %d 不等于部门的 %d：部门的数应是各单位之和，请核对", what, total, dept)
		}
	}
	threePublic := func(path string, dept ThreePublic, of func(Unit) ThreePublic) {
		sum(path+".abroad", "因公出国（境）费", dept.Abroad, func(u Unit) decimal.Decimal { return of(u).Abroad })
		sum(path+".vehicle_purchase", "公务用车购置费", dept.VehiclePurchase, func(u Unit) decimal.Decimal { return of(u).VehiclePurchase })
		sum(path+".vehicle_operation", "公务用车运行费", dept.VehicleOperation, func(u Unit) decimal.Decimal { return of(u).VehicleOperation })
		sum(path+".reception", "公务接待费", dept.Reception, func(u Unit) decimal.Decimal { return of(u).Reception })
	}
	if all(func(u Unit) bool { return u.ThreePublic != nil }) {
		threePublic("three_public", b.ThreePublic, func(u Unit) ThreePublic { return *u.ThreePublic })
	}
	if all(func(u Unit) bool { return u.Prior != nil }) {
		p := b.Prior
		sum("prior.basic", "上年基本支出", p.Basic, func(u Unit) decimal.Decimal { return u.Prior.Basic })
		sum("prior.government_fund", "上年政府性基金支出", p.GovernmentFund, func(u Unit) decimal.Decimal { return u.Prior.GovernmentFund })
		sum("prior.state_capital", "上年国有资本经营支出", p.StateCapital, func(u Unit) decimal.Decimal { return u.Prior.StateCapital })
		projects := func(pp []PriorProject) decimal.Decimal {
			t := decimal.Zero
			for _, x := range pp {
				t = t.Add(x.Amount)
			}
			return t
		}
		sum("prior.projects", "上年项目支出", projects(p.Projects), func(u Unit) decimal.Decimal { return projects(u.Prior.Projects) })
		threePublic("prior.three_public", p.ThreePublic, func(u Unit) ThreePublic { return u.Prior.ThreePublic })
	}
	if all(func(u Unit) bool { return u.Assets != nil }) {
		a := b.Assets
		count("assets.vehicles.official", "一般公务用车", a.Vehicles.Official, func(u Unit) int { return u.Assets.Vehicles.Official })
		count("assets.vehicles.law_enforcement", "一般执法执勤用车", a.Vehicles.LawEnforcement, func(u Unit) int { return u.Assets.Vehicles.LawEnforcement })
		count("assets.vehicles.special", "特种专业技术用车", a.Vehicles.Special, func(u Unit) int { return u.Assets.Vehicles.Special })
		count("assets.vehicles.other", "其他用车", a.Vehicles.Other, func(u Unit) int { return u.Assets.Vehicles.Other })
		count("assets.general_equipment_over_50", "单位价值 50 万元以上通用设备", a.GeneralEquipment, func(u Unit) int { return u.Assets.GeneralEquipment })
		count("assets.special_equipment_over_100", "单位价值 100 万元以上专用设备", a.SpecialEquipment, func(u Unit) int { return u.Assets.SpecialEquipment })
	}
}
