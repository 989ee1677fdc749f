package figures

import (
	"sort"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/catalog"
	"github.com/budgetdoc/budgetdoc/money"
)

// Compute adds up every figure of a budget, classifying its codes with cat
// (nil: the built-in catalogue of the budget's year). The budget must be
// valid (budget.Budget.Validate with the same catalogue): the figures of an
// invalid budget are meaningless, though computing them never panics.
//
// Compute reads b and never changes it; it may run on one budget from many
// goroutines at once.
func Compute(b *budget.Budget, cat *catalog.Catalogue) *Figures {
	if cat == nil {
		ch, _ := catalog.ForYear(b.Department.Year)
		cat = ch.Catalogue
	}
	projects := b.ProjectsByCode()
	f := &Figures{
		Year:             b.Department.Year,
		PriorYear:        b.Department.Year - 1,
		MoneyUnit:        b.AmountUnit(),
		Assets:           b.Assets,
		SpecialTransfers: b.SpecialTransfers,
	}
	for _, t := range b.SpecialTransfers {
		f.SpecialTransfersTotal = plus(f.SpecialTransfersTotal, t.Amount)
	}

	addSpending := func(c *SpendingColumns, l budget.Line) { addSpendingLine(c, l, projects) }
	general := func(l budget.Line) bool { return l.Source.IsGeneral() }
	govFund := func(l budget.Line) bool { return l.Source == budget.SourceGovernmentFund }
	stateCapital := func(l budget.Line) bool { return l.Source == budget.SourceStateCapital }

	f.All = spending(b, nil, addSpending)
	f.General = spending(b, general, addSpending)
	f.GovernmentFund = spending(b, govFund, addSpending)
	f.StateCapital = spending(b, stateCapital, addSpending)
	for _, l := range b.Lines {
		if l.Source == budget.SourceGeneralAppropriation {
			f.GeneralAppropriation = plus(f.GeneralAppropriation, l.Amount)
		}
		if l.Source.IsFiscal() {
			f.Fiscal = plus(f.Fiscal, l.Amount)
		}
	}
	f.Income = incomeFigures(b)

	f.SpendingByFunction = buildByFunction(b, cat, nil, addSpending, mergeSpending)
	f.GeneralByFunction = buildByFunction(b, cat, general, addSpending, mergeSpending)
	f.GovernmentFundByFunction = buildByFunction(b, cat, govFund, addSpending, mergeSpending)
	f.IncomeByFunction = buildByFunction(b, cat, nil, addIncomeLine, mergeIncome)

	f.Classes = classes(b, cat)
	f.ClassShares = sharesOfClasses(f.Classes, func(r ClassRow) decimal.Decimal { return r.General }, f.General.Total)
	f.GovernmentFundClassShares = sharesOfClasses(f.Classes, func(r ClassRow) decimal.Decimal { return r.GovernmentFund }, f.GovernmentFund.Total)
	f.GeneralBasicByEconomic = generalBasicByEconomic(b, cat)
	f.ByEconomic = byEconomic(b, cat)
	f.Projects = projectFigures(b)
	f.ThreePublic = threePublicFigures(b)
	f.Procurement = procurementFigures(b)
	f.OperatingFunds = f.General.Public
	f.Changes = yearOnYear(b, f)
	for _, n := range f.Changes.EndedProjects {
		f.EndedProjects = append(f.EndedProjects, budget.PriorProject{Code: n.Code, Name: n.Name, Amount: n.Amount})
	}
	return f
}

// Economic classes that decide a basic line's column among the spending
// columns: 对个人和家庭的补助 (303) beside 工资福利支出, 商品和服务支出 (302)
// beside 资本性支出.
const (
	ecoGoodsServices = "302"
	ecoFamily        = "303"
)

// economicClass returns the 类 (first three digits) of a code.
func economicClass(code string) string {
	if len(code) < 3 {
		return code
	}
	return code[:3]
}

// addSpendingLine adds a line to the columns of 表三/五/九. A line without a
// project is 基本支出; its Basic kind picks 人员经费 or 公用经费 and its
// economic class the column within (303 → 对个人和家庭的补助, 302 → 商品和
// 服务支出, anything else → 工资福利支出 or 资本性支出).
func addSpendingLine(c *SpendingColumns, l budget.Line, projects map[string]*budget.Project) {
	a := l.Amount
	c.Total = plus(c.Total, a)
	if l.Project == "" {
		c.Basic = plus(c.Basic, a)
		class := economicClass(l.Economic)
		if l.Basic == budget.BasicPersonnel {
			c.Personnel = plus(c.Personnel, a)
			if class == ecoFamily {
				c.FamilySubsidy = plus(c.FamilySubsidy, a)
			} else {
				c.Wages = plus(c.Wages, a)
			}
		} else {
			c.Public = plus(c.Public, a)
			if class == ecoGoodsServices {
				c.GoodsServices = plus(c.GoodsServices, a)
			} else {
				c.Capital = plus(c.Capital, a)
			}
		}
		return
	}
	c.Projects = plus(c.Projects, a)
	if p := projects[l.Project]; p != nil && p.Type == budget.ProjectSpecificTarget {
		c.SpecificTarget = plus(c.SpecificTarget, a)
	} else {
		c.OtherOperation = plus(c.OtherOperation, a)
	}
}

// addIncomeLine adds a line to the columns of 表二.
func addIncomeLine(c *IncomeColumns, l budget.Line) {
	c.Total = plus(c.Total, l.Amount)
	if l.CarryOver {
		c.CarryOver = plus(c.CarryOver, l.Amount)
		return
	}
	addSource(&c.SourceAmounts, l.Source, l.Amount)
}

// spending sums the lines keep selects (all when nil) with their shares.
func spending(b *budget.Budget, keep func(budget.Line) bool, add func(*SpendingColumns, budget.Line)) Spending {
	var s Spending
	for _, l := range b.Lines {
		if keep != nil && !keep(l) {
			continue
		}
		add(&s.SpendingColumns, l)
		if l.CarryOver {
			s.CarryOver = plus(s.CarryOver, l.Amount)
		}
	}
	bp := money.Shares([]decimal.Decimal{s.Basic, s.Projects}, s.Total)
	s.BasicShare, s.ProjectsShare = bp[0], bp[1]
	pp := money.Shares([]decimal.Decimal{s.Personnel, s.Public}, s.Basic)
	s.PersonnelShare, s.PublicShare = pp[0], pp[1]
	return s
}

func addSource(s *SourceAmounts, src budget.Source, a decimal.Decimal) {
	switch src {
	case budget.SourceGeneralAppropriation:
		s.GeneralAppropriation = plus(s.GeneralAppropriation, a)
	case budget.SourceGeneralOther:
		s.GeneralOther = plus(s.GeneralOther, a)
	case budget.SourceGovernmentFund:
		s.GovernmentFund = plus(s.GovernmentFund, a)
	case budget.SourceStateCapital:
		s.StateCapital = plus(s.StateCapital, a)
	case budget.SourceSpecialAccount:
		s.SpecialAccount = plus(s.SpecialAccount, a)
	case budget.SourceBusinessIncome:
		s.Business = plus(s.Business, a)
	case budget.SourceOperatingIncome:
		s.Operating = plus(s.Operating, a)
	case budget.SourceSuperiorSubsidy:
		s.Superior = plus(s.Superior, a)
	case budget.SourceAffiliatedRemittance:
		s.Affiliated = plus(s.Affiliated, a)
	default:
		s.Other = plus(s.Other, a)
	}
	if src.IsGeneral() {
		s.General = plus(s.General, a)
	}
	if src.IsFiscal() {
		s.Fiscal = plus(s.Fiscal, a)
	}
	if src.IsUnitFunds() || !src.Known() {
		s.UnitFunds = plus(s.UnitFunds, a)
	}
	s.Total = plus(s.Total, a)
}

func incomeFigures(b *budget.Budget) IncomeFigures {
	var in IncomeFigures
	for _, l := range b.Lines {
		if l.CarryOver {
			addSource(&in.CarryOver, l.Source, l.Amount)
		} else {
			addSource(&in.ThisYear, l.Source, l.Amount)
		}
	}
	in.Total = in.ThisYear.Total.Add(in.CarryOver.Total)
	return in
}

// functionName names a 功能分类 code from the catalogue, else from the
// budget's own FunctionNames.
func functionName(b *budget.Budget, cat *catalog.Catalogue, code string) string {
	if n, ok := cat.Function(code); ok {
		return n
	}
	return b.FunctionNames[code]
}

// buildByFunction builds a table by 功能分类 from the lines keep selects:
// the department's rows, then each unit's. One pass groups the lines by
// unit, so the cost grows with the lines, not with lines × units.
//
// Each line is added once, to its unit's sum of its own code (add); the
// department's sums by code, the rows of every 类, 款 and 项 and the totals
// are then sums of those sums (merge), so a line costs one add however many
// rows it counts in. Sums of decimals are
// exact, and a sum's exponent is the least of its terms', so the figures are
// the same, digit for digit, in whatever order they are added.
func buildByFunction[C any](b *budget.Budget, cat *catalog.Catalogue, keep func(budget.Line) bool, add func(*C, budget.Line), merge func(*C, *C)) ByFunction[C] {
	var t ByFunction[C]
	// The lines by unit, as indexes: a budget.Line is large to copy.
	byUnit := map[string][]int{}
	var unitCodes []string // in the order of their first line
	for i, l := range b.Lines {
		if keep != nil && !keep(l) {
			continue
		}
		if _, ok := byUnit[l.Unit]; !ok {
			unitCodes = append(unitCodes, l.Unit)
		}
		byUnit[l.Unit] = append(byUnit[l.Unit], i)
	}
	// own sums a unit's lines by their own codes; the department's sums by
	// code are the sums of its units'.
	own := func(lines []int) map[string]*C {
		sums := map[string]*C{}
		for _, i := range lines {
			l := b.Lines[i]
			c := sums[l.Function]
			if c == nil {
				c = new(C)
				sums[l.Function] = c
			}
			add(c, l)
		}
		return sums
	}
	rows := func(own map[string]*C) (C, []FunctionRow[C]) {
		var total C
		sums := map[string]*C{}
		for code, c := range own {
			merge(&total, c)
			for _, a := range functionAncestors(code) {
				s := sums[a]
				if s == nil {
					s = new(C)
					sums[a] = s
				}
				merge(s, c)
			}
		}
		codes := make([]string, 0, len(sums))
		for code := range sums {
			codes = append(codes, code)
		}
		// Lexical order puts every 类 before its 款 and every 款 before
		// its 项, because a code's prefix sorts first.
		sort.Strings(codes)
		out := make([]FunctionRow[C], 0, len(codes))
		for _, code := range codes {
			out = append(out, functionRow(b, cat, code, *sums[code]))
		}
		return total, out
	}
	unitOwn := make(map[string]map[string]*C, len(unitCodes))
	department := map[string]*C{}
	for _, u := range unitCodes {
		o := own(byUnit[u])
		unitOwn[u] = o
		for code, c := range o {
			d := department[code]
			if d == nil {
				d = new(C)
				department[code] = d
			}
			merge(d, c)
		}
	}
	t.Total, t.Rows = rows(department)
	for _, u := range b.Units {
		o := unitOwn[u.Code]
		if u.Code == "" || len(o) == 0 {
			continue
		}
		total, r := rows(o)
		t.Units = append(t.Units, UnitRows[C]{Code: u.Code, Name: u.Name, Total: total, Rows: r})
		delete(unitOwn, u.Code) // a unit listed twice (an error) gets one entry
	}
	return t
}

// mergeSpending adds the columns of src to c.
func mergeSpending(c, src *SpendingColumns) {
	c.Total = plus(c.Total, src.Total)
	c.Basic = plus(c.Basic, src.Basic)
	c.Personnel = plus(c.Personnel, src.Personnel)
	c.Wages = plus(c.Wages, src.Wages)
	c.FamilySubsidy = plus(c.FamilySubsidy, src.FamilySubsidy)
	c.Public = plus(c.Public, src.Public)
	c.GoodsServices = plus(c.GoodsServices, src.GoodsServices)
	c.Capital = plus(c.Capital, src.Capital)
	c.Projects = plus(c.Projects, src.Projects)
	c.OtherOperation = plus(c.OtherOperation, src.OtherOperation)
	c.SpecificTarget = plus(c.SpecificTarget, src.SpecificTarget)
}

// mergeIncome adds the columns of src to c.
func mergeIncome(c, src *IncomeColumns) {
	c.Total = plus(c.Total, src.Total)
	c.CarryOver = plus(c.CarryOver, src.CarryOver)
	s, t := &c.SourceAmounts, &src.SourceAmounts
	s.GeneralAppropriation = plus(s.GeneralAppropriation, t.GeneralAppropriation)
	s.GeneralOther = plus(s.GeneralOther, t.GeneralOther)
	s.GovernmentFund = plus(s.GovernmentFund, t.GovernmentFund)
	s.StateCapital = plus(s.StateCapital, t.StateCapital)
	s.SpecialAccount = plus(s.SpecialAccount, t.SpecialAccount)
	s.Business = plus(s.Business, t.Business)
	s.Operating = plus(s.Operating, t.Operating)
	s.Superior = plus(s.Superior, t.Superior)
	s.Affiliated = plus(s.Affiliated, t.Affiliated)
	s.Other = plus(s.Other, t.Other)
	s.General = plus(s.General, t.General)
	s.Fiscal = plus(s.Fiscal, t.Fiscal)
	s.UnitFunds = plus(s.UnitFunds, t.UnitFunds)
	s.Total = plus(s.Total, t.Total)
}

// plus is a.Add(b), the same digits and exponent, without the work (a new
// big integer) when one side is a zero that cannot change the other's
// exponent: most columns of most rows are zero, and the first amount added
// to a sum meets a zero.
func plus(a, b decimal.Decimal) decimal.Decimal {
	switch {
	case b.IsZero() && b.Exponent() >= a.Exponent():
		return a
	case a.IsZero() && a.Exponent() >= b.Exponent():
		return b
	}
	return a.Add(b)
}

// functionAncestors returns the 类, 款 and 项 codes of a 7-digit code (fewer
// for a shorter one, which validation reports).
func functionAncestors(code string) []string {
	var out []string
	for _, n := range []int{3, 5, 7} {
		if len(code) >= n {
			out = append(out, code[:n])
		}
	}
	if len(code) > 7 {
		out = append(out, code)
	}
	return out
}

func functionRow[C any](b *budget.Budget, cat *catalog.Catalogue, code string, c C) FunctionRow[C] {
	r := FunctionRow[C]{Code: code, Name: functionName(b, cat, code), Columns: c}
	switch {
	case len(code) <= 3:
		r.Level, r.Class = FunctionClass, code
	case len(code) <= 5:
		r.Level, r.Class, r.Section = FunctionSection, code[:3], code[3:]
	default:
		r.Level, r.Class, r.Section, r.Item = FunctionItem, code[:3], code[3:5], code[5:]
	}
	return r
}

// classes returns every catalogue 类 with its totals, then any other class
// a line uses.
func classes(b *budget.Budget, cat *catalog.Catalogue) []ClassRow {
	var rows []ClassRow
	index := map[string]int{}
	for _, c := range cat.FunctionClasses() {
		index[c.Code] = len(rows)
		rows = append(rows, ClassRow{Code: c.Code, Name: c.Name, Serial: c.Serial,
			OverviewName: c.OverviewName, FiscalOverviewName: c.FiscalOverviewName})
	}
	for _, l := range b.Lines {
		code := economicClass(l.Function) // first three digits
		i, ok := index[code]
		if !ok {
			i = len(rows)
			index[code] = i
			rows = append(rows, ClassRow{Code: code, Name: functionName(b, cat, code)})
		}
		addSource(&rows[i].SourceAmounts, l.Source, l.Amount)
	}
	return rows
}

// sharesOfClasses lists the classes with money of one kind (amount picks it),
// in official order, with largest-remainder shares of total.
func sharesOfClasses(rows []ClassRow, amount func(ClassRow) decimal.Decimal, total decimal.Decimal) []ClassShare {
	var shares []ClassShare
	var parts []decimal.Decimal
	for _, r := range rows {
		if a := amount(r); !a.IsZero() {
			shares = append(shares, ClassShare{Code: r.Code, Name: r.Name, Amount: a})
			parts = append(parts, a)
		}
	}
	for i, s := range money.Shares(parts, total) {
		shares[i].Share = s
	}
	return shares
}

// generalBasicByEconomic is 表六.
func generalBasicByEconomic(b *budget.Budget, cat *catalog.Catalogue) []BasicEconomicRow {
	kinds := map[string]budget.UnitKind{}
	for _, u := range b.Units {
		kinds[u.Code] = u.Kind
	}
	type key struct{ dept, gov string }
	rows := map[key]*BasicEconomicRow{}
	for _, l := range b.Lines {
		if l.Project != "" || !l.Source.IsGeneral() {
			continue
		}
		gov, _ := cat.GovFor(l.Economic, kinds[l.Unit] == budget.UnitAdministrative)
		k := key{l.Economic, gov}
		r := rows[k]
		if r == nil {
			name, _ := cat.DeptEconomic(l.Economic)
			govName, _ := cat.GovEconomic(gov)
			r = &BasicEconomicRow{Code: l.Economic, Name: name, GovCode: gov, GovName: govName}
			rows[k] = r
		}
		r.Total = plus(r.Total, l.Amount)
		if l.Basic == budget.BasicPersonnel {
			r.Personnel = plus(r.Personnel, l.Amount)
		} else {
			r.Public = plus(r.Public, l.Amount)
		}
	}
	out := make([]BasicEconomicRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Code != out[j].Code {
			return out[i].Code < out[j].Code
		}
		return out[i].GovCode < out[j].GovCode
	})
	return out
}

// byEconomic is 表七.
func byEconomic(b *budget.Budget, cat *catalog.Catalogue) []EconomicRow {
	rows := map[string]*EconomicRow{}
	for _, l := range b.Lines {
		codes := []string{economicClass(l.Economic)}
		if l.Economic != codes[0] {
			codes = append(codes, l.Economic)
		}
		for _, code := range codes {
			r := rows[code]
			if r == nil {
				name, _ := cat.DeptEconomic(code)
				level := EconomicSection
				if len(code) <= 3 {
					level = EconomicClass
				}
				r = &EconomicRow{Level: level, Code: code, Name: name}
				rows[code] = r
			}
			r.Total = plus(r.Total, l.Amount)
			switch {
			case l.Project != "":
				r.Projects = plus(r.Projects, l.Amount)
			case l.Basic == budget.BasicPersonnel:
				r.Basic = plus(r.Basic, l.Amount)
				r.Personnel = plus(r.Personnel, l.Amount)
			default:
				r.Basic = plus(r.Basic, l.Amount)
				r.Public = plus(r.Public, l.Amount)
			}
		}
	}
	out := make([]EconomicRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

func addProjectLine(p *ProjectAmounts, l budget.Line) {
	a := l.Amount
	p.Total = plus(p.Total, a)
	switch {
	case l.Source.IsFiscal():
		f := &p.Current
		if l.CarryOver {
			f = &p.CarryOver
		}
		switch l.Source {
		case budget.SourceGovernmentFund:
			f.GovernmentFund = plus(f.GovernmentFund, a)
		case budget.SourceStateCapital:
			f.StateCapital = plus(f.StateCapital, a)
		default:
			f.General = plus(f.General, a)
		}
		f.Total = plus(f.Total, a)
		p.Government = plus(p.Government, a)
	case l.Source == budget.SourceSpecialAccount:
		p.SpecialAccount = plus(p.SpecialAccount, a)
	default:
		p.UnitFunds = plus(p.UnitFunds, a)
	}
}

// projectFigures is 表十 and 表十二.
func projectFigures(b *budget.Budget) ProjectFigures {
	prior := map[string]decimal.Decimal{}
	for _, p := range b.Prior.Projects {
		if _, dup := prior[p.Code]; !dup {
			prior[p.Code] = p.Amount
		}
	}
	unitNames := map[string]string{}
	for _, u := range b.Units {
		if _, dup := unitNames[u.Code]; !dup {
			unitNames[u.Code] = u.Name
		}
	}
	var out ProjectFigures
	index := map[string]int{}
	for _, p := range b.Projects {
		if _, dup := index[p.Code]; dup {
			continue
		}
		pf := ProjectFigure{
			Code: p.Code, Name: p.Name, ShortName: p.ShortName, Type: p.Type,
			Unit: p.Unit, UnitName: unitNames[p.Unit], Key: p.Key, Targets: p.Targets,
		}
		if pf.ShortName == "" {
			pf.ShortName = p.Name
		}
		for _, pr := range p.Procurement {
			pf.Procurement = plus(pf.Procurement, pr.Amount)
		}
		index[p.Code] = len(out.All)
		out.All = append(out.All, pf)
	}
	for _, l := range b.Lines {
		if i, ok := index[l.Project]; ok && l.Project != "" {
			addProjectLine(&out.All[i].ProjectAmounts, l)
			addProjectLine(&out.Total, l)
		}
	}
	for i := range out.All {
		pf := &out.All[i]
		pa, had := prior[pf.Code]
		pf.Prior, pf.New = pa, !had
		pf.Change = money.Compare(pf.Total, pa)
	}
	byUnit := map[string][]ProjectFigure{}
	for _, pf := range out.All {
		byUnit[pf.Unit] = append(byUnit[pf.Unit], pf)
	}
	for _, u := range b.Units {
		pu := ProjectUnit{Code: u.Code, Name: u.Name, Projects: byUnit[u.Code]}
		for _, pf := range pu.Projects {
			addAmounts(&pu.ProjectAmounts, pf.ProjectAmounts)
		}
		if len(pu.Projects) > 0 {
			out.Units = append(out.Units, pu)
		}
	}
	return out
}

func addFiscal(to *FiscalAmounts, f FiscalAmounts) {
	to.General = plus(to.General, f.General)
	to.GovernmentFund = plus(to.GovernmentFund, f.GovernmentFund)
	to.StateCapital = plus(to.StateCapital, f.StateCapital)
	to.Total = plus(to.Total, f.Total)
}

func addAmounts(to *ProjectAmounts, p ProjectAmounts) {
	to.Total = plus(to.Total, p.Total)
	addFiscal(&to.Current, p.Current)
	addFiscal(&to.CarryOver, p.CarryOver)
	to.SpecialAccount = plus(to.SpecialAccount, p.SpecialAccount)
	to.UnitFunds = plus(to.UnitFunds, p.UnitFunds)
	to.Government = plus(to.Government, p.Government)
}

func threePublicAmounts(t budget.ThreePublic) ThreePublicAmounts {
	a := ThreePublicAmounts{
		Abroad: t.Abroad, VehiclePurchase: t.VehiclePurchase,
		VehicleOperation: t.VehicleOperation, Reception: t.Reception,
	}
	a.Vehicles = a.VehiclePurchase.Add(a.VehicleOperation)
	a.Total = a.Abroad.Add(a.Vehicles).Add(a.Reception)
	return a
}

func threePublicFigures(b *budget.Budget) ThreePublicFigures {
	this, prior := threePublicAmounts(b.ThreePublic), threePublicAmounts(b.Prior.ThreePublic)
	return ThreePublicFigures{
		This: this, Prior: prior,
		Abroad:           money.Compare(this.Abroad, prior.Abroad),
		Vehicles:         money.Compare(this.Vehicles, prior.Vehicles),
		VehiclePurchase:  money.Compare(this.VehiclePurchase, prior.VehiclePurchase),
		VehicleOperation: money.Compare(this.VehicleOperation, prior.VehicleOperation),
		Reception:        money.Compare(this.Reception, prior.Reception),
		Total:            money.Compare(this.Total, prior.Total),
		Reason:           b.Prior.Reasons.ThreePublic,
	}
}

func (p *ProcurementFigures) add(pr budget.Procurement) {
	switch pr.Category {
	case budget.ProcurementGoods:
		p.Goods = plus(p.Goods, pr.Amount)
	case budget.ProcurementWorks:
		p.Works = plus(p.Works, pr.Amount)
	case budget.ProcurementServices:
		p.Services = plus(p.Services, pr.Amount)
	}
	p.Total = plus(p.Total, pr.Amount)
}

func procurementFigures(b *budget.Budget) ProcurementFigures {
	var p ProcurementFigures
	for _, pr := range b.Procurement.Basic {
		p.add(pr)
	}
	for _, proj := range b.Projects {
		for _, pr := range proj.Procurement {
			p.add(pr)
		}
	}
	return p
}

func yearOnYear(b *budget.Budget, f *Figures) YearOnYear {
	y := YearOnYear{Reasons: b.Prior.Reasons}
	priorProjects := decimal.Zero
	priorByCode := map[string]bool{}
	for _, p := range b.Prior.Projects {
		if priorByCode[p.Code] {
			continue
		}
		priorByCode[p.Code] = true
		priorProjects = plus(priorProjects, p.Amount)
	}
	priorTotal := b.Prior.Basic.Add(priorProjects)
	priorGeneral := priorTotal.Sub(b.Prior.GovernmentFund).Sub(b.Prior.StateCapital)
	if b.Prior.GeneralBudget != nil {
		priorGeneral = *b.Prior.GeneralBudget
	}
	y.Total = money.Compare(f.All.Total, priorTotal)
	y.General = money.Compare(f.General.Total, priorGeneral)
	y.Basic = money.Compare(f.All.Basic, b.Prior.Basic)
	y.Projects = money.Compare(f.All.Projects, priorProjects)
	y.GovernmentFund = money.Compare(f.GovernmentFund.Total, b.Prior.GovernmentFund)
	y.StateCapital = money.Compare(f.StateCapital.Total, b.Prior.StateCapital)

	thisCont, priorCont := decimal.Zero, decimal.Zero
	var largest *ProjectFigure
	current := map[string]bool{}
	for i := range f.Projects.All {
		p := &f.Projects.All[i]
		if p.Total.IsZero() {
			continue // defined but without money: neither new nor continuing
		}
		current[p.Code] = true
		if p.New {
			y.NewProjects = append(y.NewProjects, NamedAmount{Code: p.Code, Name: p.Name, ShortName: p.ShortName, Amount: p.Total})
			continue
		}
		thisCont = plus(thisCont, p.Total)
		priorCont = plus(priorCont, p.Prior)
		if largest == nil || p.Total.GreaterThan(largest.Total) {
			largest = p
		}
	}
	y.Continuing = money.Compare(thisCont, priorCont)
	if largest != nil {
		y.LargestContinuing = largest.ShortName
	}
	sort.SliceStable(y.NewProjects, func(i, j int) bool {
		return y.NewProjects[i].Amount.GreaterThan(y.NewProjects[j].Amount)
	})
	seen := map[string]bool{}
	for _, p := range b.Prior.Projects {
		if current[p.Code] || seen[p.Code] {
			continue
		}
		seen[p.Code] = true
		y.EndedProjects = append(y.EndedProjects, NamedAmount{Code: p.Code, Name: p.Name, ShortName: p.Name, Amount: p.Amount})
	}
	return y
}
