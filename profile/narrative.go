package profile

import (
	"bytes"
	"cmp"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"text/template"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/figures"
	"github.com/budgetdoc/budgetdoc/internal/markup"
	"github.com/budgetdoc/budgetdoc/internal/zh"
	"github.com/budgetdoc/budgetdoc/money"
	"github.com/budgetdoc/budgetdoc/templates"
)

// TemplateData is what the narrative templates see: the figures of one
// budget, named the way the narrative talks about them. Amounts are
// decimal.Decimal; print them with the template functions:
//
//	money   an amount: "540.82"; zero prints "0" (as the reference does)
//	plain   an amount without trailing zeros: "37.2", "10", "0"
//	pct     a percentage without the % sign: "58.43"
//	cn      a count in Chinese: cn 12 → "十二", cn 2 → "两"
//	ordinal cn for "一是", "二是": ordinal 2 → "二"
//	join    strings.Join
//	add     integer addition
//	year    the fiscal year (2023); prior: the year before (2022)
//	unit    the money unit: "万元" or "元"
type TemplateData struct {
	Dept  string // department name; for a 单位预算 the unit's
	Level string // 县级, 市级, …: whose 财政 the glossary speaks of

	// Title is the profile's: "部门预算" or "单位预算". Kind names the
	// budget's owner, "部门" or "单位" ("单位名称："), and Self as the
	// text speaks of it, "我部门" or "本单位". Parent is, for a 单位预算,
	// the department the unit belongs to.
	Title, Kind, Self, Parent string

	Offices   []string // 内设科室
	Duties    []string // 主要职责, one per item
	Units     []string // every budget unit's name, 本级 first
	Secondary []string // the 二级预算单位' names

	// Totals with their year-on-year change and share. Basic and Projects
	// are shares of Total; GeneralBasic and GeneralProjects of General;
	// Personnel and Public of GeneralBasic.
	Total, Basic, Projects                   Amount
	General, GeneralBasic, GeneralProjects   Amount
	Personnel, Public, GovFund, StateCapital Amount
	GeneralCarryOver                         decimal.Decimal

	Income IncomeData
	// Classes are the 功能分类 类 of 一般公共预算 spending with their shares;
	// GovFundClasses those of 政府性基金.
	Classes, GovFundClasses []figures.ClassShare

	Change            ChangeData
	ThreePublic       ThreePublicData
	ThreePublicReason string

	OperatingFunds decimal.Decimal // 机构运转经费
	OperatingItems []string        // the 公用经费 items it pays for
	Procurement    figures.ProcurementFigures
	KeyProjects    []string // 重点项目 by short name
	Assets         AssetData
	Transfers      []budget.SpecialTransfer
	TransfersTotal decimal.Decimal
}

// Amount is a figure of this year with the prior year's and the change.
// Kind is "increase", "decrease", "unchanged", "new" (prior year zero),
// "ended" (this year zero) or "zero" (both zero); Changed is true for the
// first, second, fourth and fifth; Diff is the size of the change, Percent
// its percentage of the prior year; Share is the amount's share of its
// whole, where one applies.
type Amount struct {
	This, Prior, Diff, Percent, Share decimal.Decimal
	Kind                              string
	Changed                           bool
}

// IncomeData is the income side for section 二.
type IncomeData struct {
	General, GovFund, SpecialAccount, CarryOver decimal.Decimal
	// Others are the other sources with money (国有资本经营预算, 事业收入 …).
	Others []Named
}

// Named is a named amount.
type Named struct {
	Name   string
	Amount decimal.Decimal
}

// ChangeData is what the reasons for the year's change are made of.
type ChangeData struct {
	Any             bool   // there is a reason to give
	ExplainsGeneral bool   // the reasons explain the change of 一般公共预算 too
	Basic           Amount // 基本支出
	BasicReason     string // "正常增人增资、晋级晋档等", from the input
	ProjectReason   string // "根据实际工作需求", from the input
	ProjectsChanged bool
	// Continuing is the combined change of projects in both years,
	// ContinuingLead the largest one's short name, ContinuingCount how many.
	Continuing      Amount
	ContinuingLead  string
	ContinuingCount int
	New             []Named // new projects, largest first
	Ended           []Named // ended projects
	EndedAmount     decimal.Decimal
}

// ThreePublicData is "三公"经费 with the change of each item.
type ThreePublicData struct {
	Total, Abroad, Reception, Vehicles, VehiclePurchase, VehicleOperation Amount
}

// AssetData is 国有资产占用 with the vehicle total.
type AssetData struct {
	Vehicles                                 int
	Official, LawEnforcement, Special, Other int
	GeneralEquipment, SpecialEquipment       int
}

var changeKinds = map[money.ChangeKind]string{
	money.ChangeIncrease: "increase", money.ChangeDecrease: "decrease", money.ChangeUnchanged: "unchanged",
	money.ChangeNew: "new", money.ChangeEnded: "ended", money.ChangeBothZero: "zero",
}

func amount(c money.Change, share decimal.Decimal) Amount {
	kind := changeKinds[c.Kind]
	return Amount{
		This: c.This, Prior: c.Prior, Diff: c.Amount, Percent: c.Percent, Share: share,
		Kind: kind, Changed: kind != "unchanged" && kind != "zero",
	}
}

// thisYear is an amount with no prior-year figure to compare with.
func thisYear(d, share decimal.Decimal) Amount {
	return Amount{This: d, Share: share, Kind: "unchanged"}
}

func templateData(p *Profile, b *budget.Budget, f *figures.Figures) TemplateData {
	kind, self := p.Scope.words()
	d := TemplateData{
		Title: p.Title, Kind: kind, Self: self, Parent: b.Department.Parent,
		Dept:    b.Department.Name,
		Level:   cmp.Or(b.Department.Level, "县级"),
		Offices: b.Department.Offices,
		Duties:  b.Department.Duties,
	}
	for i, u := range b.Units {
		d.Units = append(d.Units, u.Name)
		if i > 0 {
			d.Secondary = append(d.Secondary, u.Name)
		}
	}
	y := f.Changes
	d.Total = amount(y.Total, decimal.NewFromInt(100))
	d.Basic = amount(y.Basic, f.All.BasicShare)
	d.Projects = amount(y.Projects, f.All.ProjectsShare)
	d.General = amount(y.General, decimal.Zero)
	d.GeneralBasic = thisYear(f.General.Basic, f.General.BasicShare)
	d.GeneralProjects = thisYear(f.General.Projects, f.General.ProjectsShare)
	d.Personnel = thisYear(f.General.Personnel, f.General.PersonnelShare)
	d.Public = thisYear(f.General.Public, f.General.PublicShare)
	d.GovFund = amount(y.GovernmentFund, decimal.Zero)
	d.StateCapital = amount(y.StateCapital, decimal.Zero)
	d.GeneralCarryOver = f.General.CarryOver

	in := f.Income
	d.Income = IncomeData{
		General:        in.ThisYear.General,
		GovFund:        in.ThisYear.GovernmentFund,
		SpecialAccount: in.ThisYear.SpecialAccount,
		CarryOver:      in.CarryOver.Total,
	}
	for _, o := range []Named{
		{"国有资本经营预算", in.ThisYear.StateCapital},
		{"事业收入", in.ThisYear.Business},
		{"事业单位经营收入", in.ThisYear.Operating},
		{"上级补助收入", in.ThisYear.Superior},
		{"附属单位上缴收入", in.ThisYear.Affiliated},
		{"其他收入", in.ThisYear.Other},
	} {
		if !o.Amount.IsZero() {
			d.Income.Others = append(d.Income.Others, o)
		}
	}
	d.Classes = shortClassNames(f.ClassShares)
	d.GovFundClasses = shortClassNames(f.GovernmentFundClassShares)

	c := ChangeData{
		Basic:          amount(y.Basic, decimal.Zero),
		BasicReason:    y.Reasons.Basic,
		ProjectReason:  y.Reasons.Projects,
		Continuing:     amount(y.Continuing, decimal.Zero),
		ContinuingLead: y.LargestContinuing,
	}
	for _, p := range f.Projects.All {
		if !p.New {
			c.ContinuingCount++
		}
	}
	for _, p := range y.NewProjects {
		c.New = append(c.New, Named{p.ShortName, p.Amount})
	}
	for _, p := range y.EndedProjects {
		c.Ended = append(c.Ended, Named{p.ShortName, p.Amount})
		c.EndedAmount = c.EndedAmount.Add(p.Amount)
	}
	c.ProjectsChanged = c.Continuing.Changed || len(c.New) > 0 || len(c.Ended) > 0
	c.Any = c.Basic.Changed || c.ProjectsChanged
	// The reasons explain the change of the total; they explain the change
	// of 一般公共预算 only when it is the same change.
	c.ExplainsGeneral = c.Any && y.General.Kind == y.Total.Kind && y.General.Amount.Equal(y.Total.Amount)
	d.Change = c

	t := f.ThreePublic
	d.ThreePublic = ThreePublicData{
		Total: amount(t.Total, decimal.Zero), Abroad: amount(t.Abroad, decimal.Zero),
		Reception: amount(t.Reception, decimal.Zero), Vehicles: amount(t.Vehicles, decimal.Zero),
		VehiclePurchase: amount(t.VehiclePurchase, decimal.Zero), VehicleOperation: amount(t.VehicleOperation, decimal.Zero),
	}
	d.ThreePublicReason = t.Reason

	d.OperatingFunds = f.OperatingFunds
	for _, r := range f.GeneralBasicByEconomic {
		// A code maps to different 政府经济分类 for 行政 and 事业 units,
		// so it can have two rows.
		if !r.Public.IsZero() && !slices.Contains(d.OperatingItems, r.Name) {
			d.OperatingItems = append(d.OperatingItems, r.Name)
		}
	}
	d.Procurement = f.Procurement
	for _, p := range f.Projects.All {
		if p.Key {
			d.KeyProjects = append(d.KeyProjects, p.ShortName)
		}
	}
	a := f.Assets
	d.Assets = AssetData{
		Vehicles: a.Vehicles.Official + a.Vehicles.LawEnforcement + a.Vehicles.Special + a.Vehicles.Other,
		Official: a.Vehicles.Official, LawEnforcement: a.Vehicles.LawEnforcement,
		Special: a.Vehicles.Special, Other: a.Vehicles.Other,
		GeneralEquipment: a.GeneralEquipment, SpecialEquipment: a.SpecialEquipment,
	}
	d.Transfers = f.SpecialTransfers
	d.TransfersTotal = f.SpecialTransfersTotal
	return d
}

// narrator executes the narrative templates for one budget.
type narrator struct {
	tmpl *template.Template
	data TemplateData
}

// defaultTemplates are the default templates, parsed once for every
// document (a batch of a hundred parsed them a hundred times). Their
// functions are stand-ins of the right types: each narrator's clone gets
// its budget's own.
var defaultTemplates = sync.OnceValues(func() (*template.Template, error) {
	var noFigures figures.Figures
	return template.New("").Funcs(narrativeFuncs(&noFigures, money.Fixed2)).ParseFS(templates.Default(), "*.tmpl")
})

// newNarrator takes the default templates, then parses each layer over
// them: a template a layer defines replaces the one of the same name.
func newNarrator(f *figures.Figures, data TemplateData, nf NumberFormat, layers ...fs.FS) (*narrator, error) {
	amount := money.Fixed2
	if nf.Thousands {
		amount = func(d decimal.Decimal) string { return groupThousands(money.Fixed2(d)) }
	}
	funcs := narrativeFuncs(f, amount)
	base, err := defaultTemplates()
	if err != nil {
		return nil, fmt.Errorf("说明文字模板无法读取：%w", err)
	}
	t, err := base.Clone()
	if err != nil {
		return nil, fmt.Errorf("说明文字模板无法读取：%w", err)
	}
	t.Funcs(funcs) // this budget's functions in place of the parse-time ones
	for _, fsys := range layers {
		if fsys == nil {
			continue
		}
		if t, err = t.ParseFS(fsys, "*.tmpl"); err != nil {
			return nil, fmt.Errorf("说明文字模板无法读取：%w", err)
		}
	}
	return &narrator{tmpl: t, data: data}, nil
}

// narrativeFuncs are the templates' functions for the figures f, amounts
// written by amount.
func narrativeFuncs(f *figures.Figures, amount func(decimal.Decimal) string) template.FuncMap {
	return template.FuncMap{
		"money": func(d decimal.Decimal) string {
			if d.IsZero() {
				return "0"
			}
			return amount(d)
		},
		"plain":   money.Plain,
		"pct":     func(d decimal.Decimal) string { return d.StringFixed(2) },
		"cn":      zh.Count,
		"ordinal": zh.Numeral,
		"join":    strings.Join,
		"add":     func(a, b int) int { return a + b },
		"year":    func() int { return f.Year },
		"prior":   func() int { return f.PriorYear },
		"unit":    func() string { return f.MoneyUnit },
	}
}

// text executes one template to a string.
func (n *narrator) text(name string) (string, error) {
	var buf bytes.Buffer
	if err := n.tmpl.ExecuteTemplate(&buf, name, n.data); err != nil {
		return "", fmt.Errorf("说明文字模板“%s”出错：%w", name, err)
	}
	return strings.TrimSpace(buf.String()), nil
}

// blocks executes one template and reads its markup into document blocks.
func (n *narrator) blocks(name string) ([]doc.Block, error) {
	s, err := n.text(name)
	if err != nil {
		return nil, err
	}
	blocks, err := markup.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("说明文字模板“%s”的文字格式有误：%w", name, err)
	}
	return blocks, nil
}

// shortClassNames names the classes the way the narrative does: "住房保障
// （类）支出" for 住房保障支出.
func shortClassNames(cs []figures.ClassShare) []figures.ClassShare {
	out := make([]figures.ClassShare, len(cs))
	for i, c := range cs {
		c.Name = strings.TrimSuffix(c.Name, "支出")
		out[i] = c
	}
	return out
}
