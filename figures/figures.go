package figures

import (
	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/money"
)

// Figures is every number the disclosure prints, computed once from the
// spending lines and the prior-year data. Document assembly reads these
// fields and never adds anything up itself, so a figure printed twice is
// the same figure. Amounts are in MoneyUnit; shares and percentages are
// percent with two decimals (92.88 means 92.88%).
//
// "Spending" includes money carried over from last year (上年结转) unless a
// field says otherwise.
type Figures struct {
	Year      int    // fiscal year, 2023
	PriorYear int    // Year − 1
	MoneyUnit string // "万元" or "元"

	// All is all spending (表一 支出总计, 表三 合计, narrative 一 and 三):
	// 540.82 = 基本 165.12 + 项目 375.70.
	All Spending
	// General is 一般公共预算 spending (财政拨款 + 其他资金; 表五, narrative
	// 五 and 六).
	General Spending
	// GeneralAppropriation is the part of General that is 财政拨款, which
	// the tables print as "其中：财政拨款" (492.82).
	GeneralAppropriation decimal.Decimal
	// GovernmentFund is 政府性基金预算 spending (表九, narrative 八).
	GovernmentFund Spending
	// StateCapital is 国有资本经营预算 spending.
	StateCapital Spending
	// Fiscal is 财政拨款 spending in the wide sense of 表四: 一般公共预算 +
	// 政府性基金 + 国有资本经营.
	Fiscal decimal.Decimal

	// Income is income by source, derived from the lines (a valid budget's
	// declared income equals it).
	Income IncomeFigures

	// SpendingByFunction is 表三 (all sources); GeneralByFunction 表五;
	// GovernmentFundByFunction 表九.
	SpendingByFunction       ByFunction[SpendingColumns]
	GeneralByFunction        ByFunction[SpendingColumns]
	GovernmentFundByFunction ByFunction[SpendingColumns]
	// IncomeByFunction is 表二 部门收入总体情况表.
	IncomeByFunction ByFunction[IncomeColumns]

	// Classes is every 功能分类 类 of the catalogue in official order, zero
	// or not, for 表一 and 表四. ClassShares are the narrative's "一般公共服务
	// （类）支出502.33万元，占92.88%": the classes with 一般公共预算 spending,
	// in official order, with largest-remainder shares of General.Total.
	Classes     []ClassRow
	ClassShares []ClassShare
	// GovernmentFundClassShares are the same for 政府性基金 spending, with
	// shares of GovernmentFund.Total.
	GovernmentFundClassShares []ClassShare

	// GeneralBasicByEconomic is 表六: 一般公共预算 基本支出 by 部门预算支出
	// 经济分类 款 (in code order), each with the 政府预算支出经济分类 款 the
	// unit's kind maps it to. Its totals are General.Basic, .Personnel and
	// .Public.
	GeneralBasicByEconomic []BasicEconomicRow
	// ByEconomic is 表七: all spending by 部门预算支出经济分类, each 类 row
	// followed by its 款 rows, in code order. Its total is All.
	ByEconomic []EconomicRow

	// Projects is 表十 and 表十二: every project in input order, with the
	// department total and one entry per unit that has projects.
	Projects ProjectFigures
	// EndedProjects are prior-year projects with no money this year.
	EndedProjects []budget.PriorProject

	// ThreePublic is "三公"经费 this year and last (表八, narrative 七).
	ThreePublic ThreePublicFigures

	// Procurement is 政府采购 by category (narrative 九（二）).
	Procurement ProcurementFigures
	// OperatingFunds is 机构运转经费 (narrative 九（一）): 一般公共预算
	// 公用经费.
	OperatingFunds decimal.Decimal

	// Changes compares with the prior year (narrative 一 and 四).
	Changes YearOnYear

	// Assets and SpecialTransfers are passed through from the input;
	// SpecialTransfersTotal is their sum.
	Assets                budget.Assets
	SpecialTransfers      []budget.SpecialTransfer
	SpecialTransfersTotal decimal.Decimal
}

// SpendingColumns are the amount columns of 表三, 五 and 九. Personnel =
// Wages + FamilySubsidy; Public = GoodsServices + Capital; Basic =
// Personnel + Public; Projects = OtherOperation + SpecificTarget; Total =
// Basic + Projects.
type SpendingColumns struct {
	Total decimal.Decimal // 合计

	Basic         decimal.Decimal // 基本支出 小计
	Personnel     decimal.Decimal // 人员经费
	Wages         decimal.Decimal // 工资福利支出 (301)
	FamilySubsidy decimal.Decimal // 对个人和家庭的补助 (303)
	Public        decimal.Decimal // 公用经费
	GoodsServices decimal.Decimal // 商品和服务支出 (302)
	Capital       decimal.Decimal // 资本性支出 (310, 309, 399)

	Projects       decimal.Decimal // 项目支出 小计
	OtherOperation decimal.Decimal // 其他运转类
	SpecificTarget decimal.Decimal // 特定目标类
}

// Spending is a spending total with its split and the shares the narrative
// prints: BasicShare + ProjectsShare = 100.00 and PersonnelShare +
// PublicShare = 100.00 (largest remainder; all zero when the total is).
type Spending struct {
	SpendingColumns
	// CarryOver is the part of Total that is 上年结转 money ("含部门财政性
	// 结转资金0万元").
	CarryOver      decimal.Decimal
	BasicShare     decimal.Decimal // of Total: 30.53
	ProjectsShare  decimal.Decimal // of Total: 69.47
	PersonnelShare decimal.Decimal // of Basic: 90.61
	PublicShare    decimal.Decimal // of Basic: 9.39
}

// IncomeColumns are the amount columns of 表二: Total (合计), CarryOver
// (上年结转, every source's carried-over money) and this year's money by
// source (the embedded SourceAmounts, whose own Total is this year's only).
// GeneralAppropriation is part of General, not a column of its own.
type IncomeColumns struct {
	Total     decimal.Decimal // 合计
	CarryOver decimal.Decimal // 上年结转
	SourceAmounts
}

// SourceAmounts is an amount per funding source with the sums the tables
// print: General = 一般公共预算 (财政拨款 + 其他资金); Fiscal = General +
// 政府性基金 + 国有资本经营; UnitFunds = 单位资金 (事业收入 … 其他收入);
// Total = everything.
type SourceAmounts struct {
	GeneralAppropriation decimal.Decimal // 一般公共预算财政拨款
	GeneralOther         decimal.Decimal // 一般公共预算其他资金
	GovernmentFund       decimal.Decimal
	StateCapital         decimal.Decimal
	SpecialAccount       decimal.Decimal
	Business             decimal.Decimal
	Operating            decimal.Decimal
	Superior             decimal.Decimal
	Affiliated           decimal.Decimal
	Other                decimal.Decimal

	General   decimal.Decimal
	Fiscal    decimal.Decimal
	UnitFunds decimal.Decimal
	Total     decimal.Decimal
}

// IncomeFigures is income by source (表一 收入, 表四 收入, narrative 二).
// Total = ThisYear.Total + CarryOver.Total (收入总计).
type IncomeFigures struct {
	ThisYear  SourceAmounts // 本年收入
	CarryOver SourceAmounts // 上年结转
	Total     decimal.Decimal
}

// FunctionLevel is the depth of a 功能分类 row.
type FunctionLevel int

const (
	FunctionClass   FunctionLevel = iota + 1 // 类, 3 digits
	FunctionSection                          // 款, 5 digits
	FunctionItem                             // 项, 7 digits
)

// FunctionRow is one 功能分类 row of a table by function.
type FunctionRow[C any] struct {
	Level FunctionLevel
	Code  string // "201", "20103" or "2010301"
	// Class, Section and Item are the printed 科目编码 columns: "201",
	// "03", "01"; empty beyond the row's level.
	Class, Section, Item string
	Name                 string
	Columns              C
}

// UnitRows is one unit's part of a table by function.
type UnitRows[C any] struct {
	Code, Name string
	Total      C
	Rows       []FunctionRow[C]
}

// ByFunction is a table by 功能分类: the department total, the department's
// rows, and each unit's rows (units in input order, units without rows left
// out). Rows come in code order, each 类 followed by its 款, each 款 by its
// 项; a table that prints only 项 (as the reference does) picks Level ==
// FunctionItem.
type ByFunction[C any] struct {
	Total C
	Rows  []FunctionRow[C]
	Units []UnitRows[C]
}

// ClassRow is one 功能分类 类 of 表一 and 表四: its spending by source, all
// lines (this year's and carried over). Total is all sources (表一), Fiscal
// the 合计 of 表四, General its 一般公共预算 小计 and GeneralAppropriation
// its 其中：财政拨款.
type ClassRow struct {
	Code, Name string // "208", the official name "社会保障和就业支出"
	// Serial is the number the overview tables print before the name
	// ("八、", "（八）"); OverviewName and FiscalOverviewName are the names
	// 表一 and 表四 print. Zero and empty for a class the catalogue lacks.
	Serial             int
	OverviewName       string
	FiscalOverviewName string
	SourceAmounts
}

// ClassShare is one class in the narrative's list of 一般公共预算 spending.
type ClassShare struct {
	Code, Name string
	Amount     decimal.Decimal // 502.33
	Share      decimal.Decimal // 92.88
}

// BasicEconomicRow is one row of 表六.
type BasicEconomicRow struct {
	Code, Name       string // 部门预算支出经济分类 款: 30101 基本工资
	GovCode, GovName string // 政府预算支出经济分类 款: 50101 工资奖金津补贴
	Total            decimal.Decimal
	Personnel        decimal.Decimal
	Public           decimal.Decimal
}

// EconomicLevel is the depth of a 部门预算支出经济分类 row.
type EconomicLevel int

const (
	EconomicClass   EconomicLevel = iota + 1 // 类, 3 digits
	EconomicSection                          // 款, 5 digits
)

// EconomicRow is one row of 表七.
type EconomicRow struct {
	Level      EconomicLevel
	Code, Name string
	Total      decimal.Decimal
	Basic      decimal.Decimal
	Personnel  decimal.Decimal
	Public     decimal.Decimal
	Projects   decimal.Decimal
}

// FiscalAmounts are the 财政拨款 columns of 表十: 一般公共预算, 政府性基金
// 预算, 国有资本经营预算, and their Total.
type FiscalAmounts struct {
	General        decimal.Decimal
	GovernmentFund decimal.Decimal
	StateCapital   decimal.Decimal
	Total          decimal.Decimal
}

// ProjectAmounts are the amount columns of 表十 and 表十二. Total =
// Current.Total + CarryOver.Total + SpecialAccount + UnitFunds; Government
// (表十二 政府预算资金) = Current.Total + CarryOver.Total.
type ProjectAmounts struct {
	Total          decimal.Decimal
	Current        FiscalAmounts // 本年拨款
	CarryOver      FiscalAmounts // 财政拨款结转结余
	SpecialAccount decimal.Decimal
	UnitFunds      decimal.Decimal // 单位资金 (this year and carried over)
	Government     decimal.Decimal
}

// ProjectFigure is one project of 表十 and 表十二.
type ProjectFigure struct {
	ProjectAmounts
	Code      string
	Name      string // as the tables print it
	ShortName string // as the narrative words it (Name when not given)
	Type      budget.ProjectType
	Unit      string // unit code
	UnitName  string
	Key       bool
	// Procurement is the project's planned 政府采购, summed.
	Procurement decimal.Decimal
	Targets     []budget.Target
	// Prior is last year's amount (zero for a new project); Change
	// compares Total with it; New means the project was not in last
	// year's budget.
	Prior  decimal.Decimal
	Change money.Change
	New    bool
}

// ProjectUnit is one unit's projects.
type ProjectUnit struct {
	ProjectAmounts
	Code, Name string
	Projects   []ProjectFigure
}

// ProjectFigures is 表十 and 表十二: the total row, the per-unit rows, and
// every project (input order; the same values as inside Units).
type ProjectFigures struct {
	Total ProjectAmounts
	Units []ProjectUnit
	All   []ProjectFigure
}

// ThreePublicAmounts is one year's "三公"经费. Vehicles = VehiclePurchase +
// VehicleOperation (购置及运行费 小计); Total = Abroad + Vehicles +
// Reception.
type ThreePublicAmounts struct {
	Abroad           decimal.Decimal
	Vehicles         decimal.Decimal
	VehiclePurchase  decimal.Decimal
	VehicleOperation decimal.Decimal
	Reception        decimal.Decimal
	Total            decimal.Decimal
}

// ThreePublicFigures is "三公"经费 this year, last year, and the change of
// each item.
type ThreePublicFigures struct {
	This, Prior      ThreePublicAmounts
	Abroad           money.Change
	Vehicles         money.Change
	VehiclePurchase  money.Change
	VehicleOperation money.Change
	Reception        money.Change
	Total            money.Change
	Reason           string
}

// ProcurementFigures is 政府采购 by category, from the projects' procurement
// and the procurement paid from 基本支出.
type ProcurementFigures struct {
	Goods, Works, Services, Total decimal.Decimal
}

// NamedAmount is a project named in the narrative with an amount.
type NamedAmount struct {
	Code, Name, ShortName string
	Amount                decimal.Decimal
}

// YearOnYear compares this year with the prior year. The prior total is
// Prior.Basic plus the prior projects; the prior 一般公共预算 is
// Prior.GeneralBudget when given, else the prior total less the prior
// 政府性基金 and 国有资本经营 spending.
type YearOnYear struct {
	Total          money.Change // 收、支总计: +199.45, 58.43%
	General        money.Change // 一般公共预算收支
	Basic          money.Change // 基本支出: +57.51
	Projects       money.Change // 项目支出
	GovernmentFund money.Change
	StateCapital   money.Change
	// Continuing is the combined change of the projects in both years
	// ("工作经费等项目增加40.47万元"); LargestContinuing is the short name
	// of the continuing project with the most money this year ("工作经费"),
	// empty when there is none.
	Continuing        money.Change
	LargestContinuing string
	// NewProjects are this year's projects that were not in last year's
	// budget, largest first (ties in input order), with this year's amount.
	NewProjects []NamedAmount
	// EndedProjects are last year's projects with no money this year, with
	// last year's amount, in input order.
	EndedProjects []NamedAmount
	Reasons       budget.Reasons
}
