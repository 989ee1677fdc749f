package budget

import "github.com/shopspring/decimal"

// Budget is one department's budget for one fiscal year: everything its
// 部门预算 disclosure states. Amounts are in MoneyUnit (万元 unless the input
// says 元) with at most two decimals. Spending lines are the single source of
// truth: every table cell and every figure in the narrative is computed from
// them and from the few facts only a person knows (prior-year figures, reasons,
// performance targets).
type Budget struct {
	// MoneyUnit is "万元" (the default) or "元": the unit of every amount in
	// the input and in the document.
	MoneyUnit string `json:"money_unit,omitempty"`

	Department Department `json:"department"`
	// Units are the budget units: the department's own (本级) first, then
	// any 二级预算单位.
	Units []Unit `json:"units"`

	// Income is the income side as declared by the budget system; it must
	// equal the spending funded from each source.
	Income Income `json:"income"`
	// Lines are the spending line items.
	Lines []Line `json:"lines"`
	// Projects defines every project a line refers to.
	Projects []Project `json:"projects,omitempty"`

	// FunctionNames names 功能分类 项 codes that the catalogue lacks
	// (code → name). Using one is a warning, not an error.
	FunctionNames map[string]string `json:"function_names,omitempty"`

	ThreePublic      ThreePublic       `json:"three_public"`
	Procurement      ProcurementTotals `json:"procurement,omitempty"`
	Assets           Assets            `json:"assets"`
	SpecialTransfers []SpecialTransfer `json:"special_transfers,omitempty"`
	Performance      Performance       `json:"performance"`
	Prior            PriorYear         `json:"prior"`

	// source maps field paths to positions in the file the budget was
	// loaded from; nil for a budget built in Go.
	source *sourceMap
	// origin is, for a unit's budget made by Unit, where it came from.
	origin *unitOrigin
}

// Department is the budget department.
type Department struct {
	Name string `json:"name"` // 封丘县政务服务和大数据管理局
	Code string `json:"code"` // 019
	Year int    `json:"year"` // fiscal year, 2023
	// Level is the level of government whose 财政 funds the department, as
	// the glossary words it: 县级 (the default), 市级, 省级.
	Level string `json:"level,omitempty"`
	// Published is the month of publication, "2023-04"; the cover prints
	// it in Chinese numerals (二〇二三年四月).
	Published string `json:"published"`
	// Offices are the internal offices (内设科室).
	Offices []string `json:"offices"`
	// Duties are the main duties (主要职责), one per item.
	Duties []string `json:"duties"`
	// Parent is, for a 单位预算, the department the unit belongs to; empty
	// for a department's own budget. Budget.Unit sets it.
	Parent string `json:"parent,omitempty"`
}

// UnitKind is 行政 or 事业: it selects the mapping from 部门预算支出经济分类 to
// 政府预算支出经济分类.
type UnitKind string

const (
	UnitAdministrative UnitKind = "行政"
	UnitInstitution    UnitKind = "事业"
)

// Unit is a budget unit (预算单位).
type Unit struct {
	Code string   `json:"code"` // 019001
	Name string   `json:"name"`
	Kind UnitKind `json:"kind"`

	// The unit's own facts, for its 单位预算 (see Budget.Unit): what the
	// department states for the whole department, stated for this unit
	// alone. A department of one unit needs none of them, its unit's facts
	// being the department's; in a department of several, a unit's
	// document needs its offices, duties, "三公"经费, assets, performance
	// and prior year. Where every unit states one, the units' sum must be
	// the department's.
	Offices          []string           `json:"offices,omitempty"`
	Duties           []string           `json:"duties,omitempty"`
	ThreePublic      *ThreePublic       `json:"three_public,omitempty"`
	Procurement      *ProcurementTotals `json:"procurement,omitempty"`
	Assets           *Assets            `json:"assets,omitempty"`
	SpecialTransfers []SpecialTransfer  `json:"special_transfers,omitempty"`
	Performance      *Performance       `json:"performance,omitempty"`
	Prior            *PriorYear         `json:"prior,omitempty"`
}

// Source is a funding source.
type Source string

// Funding sources. 一般公共预算 is split into the part the reference calls
// "其中：财政拨款" and the rest (for example 非税收入 kept in the general
// budget), because the tables print both.
const (
	SourceGeneralAppropriation Source = "一般公共预算财政拨款"
	SourceGeneralOther         Source = "一般公共预算其他资金"
	SourceGovernmentFund       Source = "政府性基金预算"
	SourceStateCapital         Source = "国有资本经营预算"
	SourceSpecialAccount       Source = "财政专户管理资金"
	SourceBusinessIncome       Source = "事业收入"
	SourceOperatingIncome      Source = "事业单位经营收入"
	SourceSuperiorSubsidy      Source = "上级补助收入"
	SourceAffiliatedRemittance Source = "附属单位上缴收入"
	SourceOtherIncome          Source = "其他收入"
)

// Sources lists the funding sources in the order the tables print them.
var Sources = []Source{
	SourceGeneralAppropriation, SourceGeneralOther, SourceGovernmentFund, SourceStateCapital, SourceSpecialAccount,
	SourceBusinessIncome, SourceOperatingIncome, SourceSuperiorSubsidy, SourceAffiliatedRemittance, SourceOtherIncome,
}

// Income is the declared income by source. CarryOver is 上年结转 by source.
// It is what the budget system reports, and Validate
// checks it against the lines, source by source. The figures never read it:
// their income is derived from the lines (figures.Figures.Income), so a
// budget built in Go may leave Income empty and nothing is checked.
type Income struct {
	ThisYear  map[Source]decimal.Decimal `json:"this_year"`
	CarryOver map[Source]decimal.Decimal `json:"carry_over,omitempty"`
}

// Declared reports whether any income was declared; when none was, the
// income is the lines' alone.
func (in Income) Declared() bool { return in.ThisYear != nil || in.CarryOver != nil }

// BasicKind divides 基本支出 into 人员经费 and 公用经费.
type BasicKind string

const (
	BasicPersonnel BasicKind = "人员经费"
	BasicPublic    BasicKind = "公用经费"
)

// Line is one spending line item: one unit, one 功能分类 项, one 部门预算支出
// 经济分类 款, one funding source, and either 基本支出 (Basic set) or a project
// (Project set).
type Line struct {
	Unit     string `json:"unit"`     // unit code
	Function string `json:"function"` // 功能分类 code, 7 digits (类款项)
	Economic string `json:"economic"` // 部门预算支出经济分类 code, 5 digits
	// Basic is 人员经费 or 公用经费 for 基本支出; empty for a project line.
	Basic BasicKind `json:"basic,omitempty"`
	// Project is the code of the project this line belongs to.
	Project string `json:"project,omitempty"`
	// ProjectName, when given, must equal the project's name: budget
	// systems export it with each line, and a mismatch is an error.
	ProjectName string `json:"project_name,omitempty"`
	Source      Source `json:"source"`
	// CarryOver marks money carried over from last year (上年结转).
	CarryOver bool            `json:"carry_over,omitempty"`
	Amount    decimal.Decimal `json:"amount"`
}

// ProjectType is 其他运转类 or 特定目标类.
type ProjectType string

const (
	ProjectOtherOperation ProjectType = "其他运转类"
	ProjectSpecificTarget ProjectType = "特定目标类"
)

// Project is a project (项目支出). Its amounts are the sums of its lines.
type Project struct {
	Code string `json:"code"`
	Name string `json:"name"`
	// ShortName is how the narrative names the project ("工作经费" for
	// "工作经费（含22年16.75万）"); Name when empty.
	ShortName string      `json:"short_name,omitempty"`
	Type      ProjectType `json:"type"`
	Unit      string      `json:"unit"`
	// Key marks a 重点项目, whose performance targets the narrative mentions.
	Key         bool          `json:"key,omitempty"`
	Procurement []Procurement `json:"procurement,omitempty"`
	Targets     []Target      `json:"targets,omitempty"`
}

// ProcurementCategory is 货物, 工程 or 服务.
type ProcurementCategory string

const (
	ProcurementGoods    ProcurementCategory = "货物"
	ProcurementWorks    ProcurementCategory = "工程"
	ProcurementServices ProcurementCategory = "服务"
)

// Procurement is government procurement (政府采购) planned within a project.
type Procurement struct {
	Category ProcurementCategory `json:"category"`
	Item     string              `json:"item,omitempty"`
	Amount   decimal.Decimal     `json:"amount"`
}

// ProcurementTotals optionally states the procurement totals as the budget
// system reports them; the validator checks them against the projects'
// procurement. The document always prints the computed sums.
type ProcurementTotals struct {
	Total *decimal.Decimal `json:"total,omitempty"`
	// Basic is procurement paid from 基本支出 (not part of any project).
	Basic []Procurement `json:"basic,omitempty"`
}

// TargetKind is the 一级指标 of a project performance target.
type TargetKind string

const (
	TargetCost         TargetKind = "成本指标"
	TargetOutput       TargetKind = "产出指标"
	TargetBenefit      TargetKind = "效益指标"
	TargetSatisfaction TargetKind = "满意度指标"
)

// Target is one project performance indicator (三级指标 and 指标值).
type Target struct {
	Kind      TargetKind `json:"kind"`
	Indicator string     `json:"indicator"`
	Value     string     `json:"value"` // "≥95%", "≤246.75万元", "219套"
}

// ThreePublic is "三公"经费. Total, when given, is checked against the sum.
type ThreePublic struct {
	Abroad           decimal.Decimal  `json:"abroad"`            // 因公出国（境）费
	VehiclePurchase  decimal.Decimal  `json:"vehicle_purchase"`  // 公务用车购置费
	VehicleOperation decimal.Decimal  `json:"vehicle_operation"` // 公务用车运行费
	Reception        decimal.Decimal  `json:"reception"`         // 公务接待费
	Total            *decimal.Decimal `json:"total,omitempty"`
}

// Assets is 国有资产占用情况 at the end of the prior year.
type Assets struct {
	Vehicles Vehicles `json:"vehicles"`
	// GeneralEquipment is the number of 通用设备 of unit value over 50万元;
	// SpecialEquipment of 专用设备 over 100万元.
	GeneralEquipment int `json:"general_equipment_over_50"`
	SpecialEquipment int `json:"special_equipment_over_100"`
}

// Vehicles counts vehicles by kind.
type Vehicles struct {
	Official       int `json:"official"`        // 一般公务用车
	LawEnforcement int `json:"law_enforcement"` // 一般执法执勤用车
	Special        int `json:"special"`         // 特种专业技术用车
	Other          int `json:"other"`           // 其他用车
}

// SpecialTransfer is a 专项转移支付 project the department manages.
type SpecialTransfer struct {
	Name   string          `json:"name"`
	Amount decimal.Decimal `json:"amount"`
}

// Performance is the department-wide performance table (部门整体绩效目标表).
type Performance struct {
	Goals      []string    `json:"goals"` // 年度履职目标
	Tasks      []Task      `json:"tasks"` // 年度主要任务
	Indicators []Indicator `json:"indicators"`
}

// Task is one 年度主要任务.
type Task struct {
	Name    string `json:"name"`
	Content string `json:"content"`
}

// Indicator is one row of the department-wide performance table.
type Indicator struct {
	Level1 string `json:"level1"` // 一级指标
	Level2 string `json:"level2"` // 二级指标
	Level3 string `json:"level3"` // 三级指标
	Value  string `json:"value"`  // 指标值
	Note   string `json:"note,omitempty"`
}

// PriorYear holds the prior year's figures the narrative compares with, and
// the reasons for the change that only a person knows.
type PriorYear struct {
	Basic          decimal.Decimal `json:"basic"` // 基本支出
	Projects       []PriorProject  `json:"projects,omitempty"`
	GovernmentFund decimal.Decimal `json:"government_fund"` // 政府性基金 spending
	StateCapital   decimal.Decimal `json:"state_capital"`   // 国有资本经营 spending
	ThreePublic    ThreePublic     `json:"three_public"`
	Reasons        Reasons         `json:"reasons,omitempty"`
	// GeneralBudget is the prior year's 一般公共预算 spending; when omitted
	// it is taken to be the prior total (Basic + Projects) less
	// GovernmentFund and StateCapital.
	GeneralBudget *decimal.Decimal `json:"general_budget,omitempty"`
}

// PriorProject is a project's prior-year amount. A project of this year that
// is not listed is new; a listed project with no line this year has ended.
type PriorProject struct {
	Code   string          `json:"code"`
	Name   string          `json:"name"`
	Amount decimal.Decimal `json:"amount"`
}

// Reasons are the free-text reasons for changes, as a person words them.
type Reasons struct {
	Basic       string `json:"basic,omitempty"`        // "正常增人增资、晋级晋档等"
	Projects    string `json:"projects,omitempty"`     // "根据实际工作需求"
	ThreePublic string `json:"three_public,omitempty"` // why "三公"经费 changed
}

// AmountUnit is the unit of every amount: MoneyUnit, or 万元 when it is
// empty.
func (b *Budget) AmountUnit() string {
	if b.MoneyUnit == "" {
		return "万元"
	}
	return b.MoneyUnit
}

// ProjectsByCode indexes the projects by code; of two with one code (an
// error Validate reports) the first wins.
func (b *Budget) ProjectsByCode() map[string]*Project {
	m := make(map[string]*Project, len(b.Projects))
	for i := range b.Projects {
		if _, dup := m[b.Projects[i].Code]; !dup {
			m[b.Projects[i].Code] = &b.Projects[i]
		}
	}
	return m
}
