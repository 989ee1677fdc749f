package workbook

import "strings"

// The workbook's layout: which sheet holds which part of the input tree,
// in which column or row, as what kind of value. It names the input by its
// keys (the model's json tags) only, so that the package needs no model
// types: reading builds the same tree YAML or JSON would, and writing walks
// such a tree.

// kind is what a cell holds. It decides how a cell is read (what a clerk's
// typing is taken to mean) and written (cell type and number format).
type kind int

const (
	text   kind = iota // free text: names, reasons, indicators
	code               // a code: text, digits kept as typed ("019")
	choice             // one of a fixed list of values (a drop-down)
	amount             // an amount: a number, exact as written
	count              // a whole number: a year, a count of vehicles
	yesNo              // 是 or 否, a true or false in the tree
	month              // YYYY-MM, text; a date Excel made of it is read back
)

// family groups the code columns that name the same things, so that a code
// Excel stripped of its leading zeros (19 for 019) can be told by the codes
// typed as text elsewhere.
type family int

const (
	noFamily family = iota
	unitCodes
	projectCodes
	departmentCode
)

// column is one column of a list sheet, or one value column of a form.
type column struct {
	header string
	key    string // the key in the row's mapping; "" for a list of plain values
	kind   kind
	note   string   // the comment on the header cell: what to write, allowed values, unit
	values []string // the allowed values of a choice (a drop-down)
	// ref names the sheet whose first column lists the allowed values (unit
	// and project codes): a drop-down from that sheet.
	ref    string
	family family
	width  float64
	// optional columns may be missing from the header: workbooks made
	// before the column was added still read (the column is then empty).
	optional bool
}

// formRow is one row of a form sheet: one value (or one per value column).
type formRow struct {
	label  string
	key    string // joined to each value column's prefix
	kind   kind
	note   string
	values []string
	family family
}

// sheetKind is how a sheet maps to the tree.
type sheetKind int

const (
	// form: one row per field, the label in column A, the value in column
	// B (and C, …: one column per prefix), a note in the last column.
	form sheetKind = iota
	// records: one row per item of the list at path, one column per key.
	records
	// plain: one row per item of a list of text at path, one column.
	plain
	// pairs: one row per entry of the mapping at path: key, value.
	pairs
	// grouped: one row per item of a list inside the items of another list
	// (a project's targets): the first column names the parent item by its
	// key; rows whose first column is empty belong to the list at orphans.
	grouped
	// perUnit: one row per unit (and per base, when there are several) of
	// a unit's facts that the department's own sheet holds as a form: the
	// first column is the unit's code, the others fill a mapping under
	// units[k] (its "三公"经费, assets, prior year).
	perUnit
)

// sheet is one sheet of the workbook.
type sheet struct {
	name string
	kind sheetKind
	// about is the one-line explanation 填写说明 gives for the sheet.
	about string

	// form
	rows      []formRow
	valueCols []formValue
	// open forms accept rows beyond the listed ones: their label is the
	// key (income by source: an unknown source is the checker's to report).
	open bool

	// records, plain, pairs, grouped
	path    string
	columns []column
	// grouped: the parent list, the key that identifies a parent, the
	// child list's key inside a parent, and where parentless rows go ("":
	// nowhere, they are an error).
	parent, parentKey, child, orphans string

	// byUnit is, for a list sheet that begins with a 单位编码 column, where
	// under units[k] the rows naming unit k go: a department of several
	// units states each unit's facts on the sheet that holds the
	// department's, and the rows with no unit code are the department's.
	// For a grouped sheet it applies to the parentless rows only.
	byUnit string
	// perUnit: the mapping each row fills, under units[k]; with more than
	// one, the second column picks one by its label.
	bases []base
	// optional sheets may be missing: workbooks made before the sheet was
	// added still read.
	optional bool
}

// base is where a perUnit row's values go under units[k], and the label
// that picks it.
type base struct{ label, path string }

// first is the index of the sheet's first column of data: after the unit
// code (and, for a perUnit sheet of several bases, the column picking one).
func (s sheet) first() int {
	switch {
	case s.kind == perUnit && len(s.bases) > 1:
		return 2
	case s.kind == perUnit || s.byUnit != "":
		return 1
	}
	return 0
}

// unitColumn is the 单位编码 column that begins a sheet with byUnit.
func unitColumn(note string) column {
	return column{header: unitHeader, kind: code, family: unitCodes, ref: "预算单位", optional: true, width: 12,
		note: "多单位的部门填：这一行是哪个预算单位的，从“预算单位”表中选。不填就是部门的（整个部门的）。" + note +
			"某个单位没有这一项（如没有专项转移支付），可以只填它的单位编码、其余空着，表示本单位没有。"}
}

// unitHeader heads the column naming a unit on the sheets of units' facts.
const unitHeader = "单位编码"

// ownUnitColumn is the 单位编码 column of a perUnit sheet, where it is
// required.
func ownUnitColumn(what, department string) column {
	return column{header: unitHeader, kind: code, family: unitCodes, ref: "预算单位", width: 12,
		note: "这一行是哪个预算单位的" + what + "，从“预算单位”表中选。整个部门的数填在“" + department + "”表。"}
}

// formValue is a value column of a form: its header and the path prefix its
// rows' keys are joined to.
type formValue struct {
	header string
	prefix string
	width  float64
}

// Fixed values, as the model spells them.
var (
	sourceNames = []string{
		"一般公共预算财政拨款", "一般公共预算其他资金", "政府性基金预算", "国有资本经营预算", "财政专户管理资金",
		"事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入",
	}
	unitKinds    = []string{"行政", "事业"}
	basicKinds   = []string{"人员经费", "公用经费"}
	projectTypes = []string{"其他运转类", "特定目标类"}
	targetKinds  = []string{"成本指标", "产出指标", "效益指标", "满意度指标"}
	categories   = []string{"货物", "工程", "服务"}
	levels       = []string{"县级", "市级", "省级"}
	moneyUnits   = []string{"万元", "元"}
	yesNoValues  = []string{"是", "否"}
)

// byUnitAbout is what 填写说明 adds for a sheet that begins with 单位编码.
const byUnitAbout = "单位编码空着的行是整个部门的（多单位的部门见下文）。"

const amountNote = "金额，单位同“部门信息”中的金额单位（默认万元），最多两位小数，如 1234.56。"

// introSheet is the first sheet: how to fill the workbook in. It holds no
// data and is not read.
const introSheet = "填写说明"

// sheets is the workbook, in order after 填写说明. The order is also the
// order problems are listed in.
var sheets = []sheet{
	{
		name: "部门信息", kind: form,
		about:     "部门的名称、编码、预算年度、公开月份和金额单位。",
		valueCols: []formValue{{header: "内容", width: 40}},
		rows: []formRow{
			{label: "部门名称", key: "department.name", kind: text, note: "部门全称，如 封丘县政务服务和大数据管理局。"},
			{label: "部门编码", key: "department.code", kind: code, family: departmentCode, note: "预算系统中的部门编码，如 019（以文本保存，保留开头的 0）。"},
			{label: "预算年度", key: "department.year", kind: count, note: "如 2023。"},
			{label: "政府级次", key: "department.level", kind: choice, values: levels, note: "县级（不填即县级）、市级 或 省级。"},
			{label: "公开月份", key: "department.published", kind: month, note: "写成 YYYY-MM，如 2023-04；不早于预算年度。"},
			{label: "金额单位", key: "money_unit", kind: choice, values: moneyUnits, note: "万元（不填即万元）或 元：整个工作簿的金额都用这个单位。"},
			{label: "政府采购合计", key: "procurement.total", kind: amount, note: "选填：预算系统报出的政府采购合计，用来与“政府采购”表核对。" + amountNote},
		},
	},
	{
		name: "内设科室", kind: plain, path: "department.offices", byUnit: "offices",
		about: "内设科室，每行一个。" + byUnitAbout,
		columns: []column{
			unitColumn(""),
			{header: "内设科室", kind: text, note: "科室名称，每行一个，如 办公室。", width: 30},
		},
	},
	{
		name: "主要职责", kind: plain, path: "department.duties", byUnit: "duties",
		about: "主要职责，每行一条完整的句子。" + byUnitAbout,
		columns: []column{
			unitColumn(""),
			{header: "主要职责", kind: text, note: "每行一条，写完整的句子。", width: 100},
		},
	},
	{
		name: "预算单位", kind: records, path: "units",
		about: "预算单位：第一行是部门本级，其后是各二级预算单位。",
		columns: []column{
			{header: unitHeader, key: "code", kind: code, family: unitCodes, note: "预算系统中的单位编码，如 019001（以文本保存，保留开头的 0）；不能重复。", width: 14},
			{header: "单位名称", key: "name", kind: text, note: "单位全称。", width: 40},
			{header: "单位类型", key: "kind", kind: choice, values: unitKinds, note: "行政 或 事业。", width: 12},
			{header: "政府采购合计", key: "procurement.total", kind: amount, optional: true, width: 14,
				note: "选填，多单位的部门用：预算系统报出的本单位政府采购合计，用来与本单位的采购核对。整个部门的合计填在“部门信息”表。" + amountNote},
		},
	},
	{
		name: "收入", kind: form, open: true,
		about: "本年收入和上年结转，按资金来源；每个来源的收入要等于“支出明细”中该来源的合计。",
		valueCols: []formValue{
			{header: "本年收入", prefix: "income.this_year", width: 16},
			{header: "上年结转", prefix: "income.carry_over", width: 16},
		},
		rows: sourceRows(),
	},
	{
		name: "支出明细", kind: records, path: "lines",
		about: "支出明细：每行一笔钱。所有表格和说明中的数字都由这张表算出。",
		columns: []column{
			{header: "单位", key: "unit", kind: code, family: unitCodes, ref: "预算单位", note: "单位编码，从“预算单位”表中选。", width: 12},
			{header: "功能分类", key: "function", kind: code, note: "支出功能分类科目“项”的编码，7 位（类 3 位、款 2 位、项 2 位），如 2010301。", width: 12},
			{header: "经济分类", key: "economic", kind: code, note: "部门预算支出经济分类科目“款”的编码，5 位（类 3 位、款 2 位），如 30101。", width: 12},
			{header: "基本支出类别", key: "basic", kind: choice, values: basicKinds, note: "基本支出填 人员经费（经济分类 301、303）或 公用经费（302、310 等）；项目支出不填，改填项目编码。", width: 14},
			{header: "项目编码", key: "project", kind: code, family: projectCodes, ref: "项目", note: "项目支出填项目编码，从“项目”表中选；基本支出不填。", width: 24},
			{header: "资金来源", key: "source", kind: choice, values: sourceNames, note: "资金来源，从下拉列表中选：" + strings.Join(sourceNames, "、") + "。", width: 22},
			{header: "上年结转", key: "carry_over", kind: yesNo, values: yesNoValues, note: "这笔钱是上年结转的填 是；不是就不填（或填 否）。", width: 10},
			{header: "金额", key: "amount", kind: amount, note: amountNote + "不能为零。", width: 14},
			{header: "项目名称", key: "project_name", kind: text, note: "选填：预算系统随明细导出的项目名称；填了就要与“项目”表中的名称一致。", width: 30},
		},
	},
	{
		name: "项目", kind: records, path: "projects",
		about: "项目：支出明细用到的每个项目一行；项目金额由支出明细相加得出，这里不填金额。",
		columns: []column{
			{header: "项目编码", key: "code", kind: code, family: projectCodes, note: "预算系统中的项目编码（以文本保存）；不能重复。", width: 24},
			{header: "项目名称", key: "name", kind: text, note: "项目全称，表格中印这个名称；不能重复。", width: 36},
			{header: "简称", key: "short_name", kind: text, note: "选填：说明文字中的简称；不填就用全称。", width: 24},
			{header: "项目类型", key: "type", kind: choice, values: projectTypes, note: "其他运转类 或 特定目标类。", width: 14},
			{header: "所属单位", key: "unit", kind: code, family: unitCodes, ref: "预算单位", note: "单位编码，从“预算单位”表中选。", width: 12},
			{header: "重点项目", key: "key", kind: yesNo, values: yesNoValues, note: "重点项目填 是（它的绩效目标写进说明）；不是就不填（或填 否）。", width: 10},
		},
	},
	{
		name: "项目绩效目标", kind: grouped, path: "projects", parent: "projects", parentKey: "code", child: "targets",
		about: "项目绩效目标：每个指标一行，注明项目编码；成本指标之和应等于项目金额。",
		columns: []column{
			{header: "项目编码", key: "code", kind: code, family: projectCodes, ref: "项目", note: "指标所属项目的编码，从“项目”表中选。", width: 24},
			{header: "一级指标", key: "kind", kind: choice, values: targetKinds, note: "成本指标、产出指标、效益指标 或 满意度指标。", width: 14},
			{header: "三级指标", key: "indicator", kind: text, note: "指标名称，如 项目总成本。", width: 30},
			{header: "指标值", key: "value", kind: text, note: "照印出的样子写，如 ≥95%、≤246.75万元、219套。", width: 20},
		},
	},
	{
		name: "政府采购", kind: grouped, path: "projects", parent: "projects", parentKey: "code", child: "procurement", orphans: "procurement.basic", byUnit: "procurement.basic",
		about: "政府采购：每项一行；项目编码不填的是基本支出安排的采购。多单位的部门，各单位基本支出安排的采购注明单位编码（不填的是部门的）；项目的采购属于项目，不填单位编码。",
		columns: []column{
			unitColumn("只用于基本支出安排的采购（项目编码不填的行）；项目的采购属于项目所属的单位，不填。"),
			{header: "项目编码", key: "code", kind: code, family: projectCodes, ref: "项目", note: "采购所属项目的编码，从“项目”表中选；基本支出安排的采购不填。", width: 24},
			{header: "采购类别", key: "category", kind: choice, values: categories, note: "货物、工程 或 服务。", width: 12},
			{header: "采购项目", key: "item", kind: text, note: "选填：采购什么，如 计算机。", width: 30},
			{header: "金额", key: "amount", kind: amount, note: amountNote, width: 14},
		},
	},
	{
		name: `"三公"经费`, kind: form,
		about: "“三公”经费，本年和上年。用到经济分类 30212、30217、30231、31013 时，本年数要与支出明细一致。",
		valueCols: []formValue{
			{header: "本年", prefix: "three_public", width: 16},
			{header: "上年", prefix: "prior.three_public", width: 16},
		},
		rows: []formRow{
			{label: "因公出国（境）费", key: "abroad", kind: amount, note: amountNote},
			{label: "公务用车购置费", key: "vehicle_purchase", kind: amount, note: amountNote},
			{label: "公务用车运行费", key: "vehicle_operation", kind: amount, note: amountNote},
			{label: "公务接待费", key: "reception", kind: amount, note: amountNote},
			{label: "合计", key: "total", kind: amount, note: "选填：预算系统报出的合计，用来与各项之和核对。"},
		},
	},
	{
		name: `单位"三公"经费`, kind: perUnit, optional: true,
		bases: []base{{label: "本年", path: "three_public"}, {label: "上年", path: "prior.three_public"}},
		about: "多单位的部门用：各单位的“三公”经费，每个单位本年一行、上年一行。整个部门的填在“\"三公\"经费”表。",
		columns: []column{
			ownUnitColumn("“三公”经费", `"三公"经费`),
			{header: "年度", kind: choice, values: []string{"本年", "上年"}, note: "本年 或 上年：每个单位本年一行、上年一行。", width: 8},
			{header: "因公出国（境）费", key: "abroad", kind: amount, note: amountNote, width: 17},
			{header: "公务用车购置费", key: "vehicle_purchase", kind: amount, note: amountNote, width: 15},
			{header: "公务用车运行费", key: "vehicle_operation", kind: amount, note: amountNote, width: 15},
			{header: "公务接待费", key: "reception", kind: amount, note: amountNote, width: 15},
			{header: "合计", key: "total", kind: amount, note: "选填：预算系统报出的合计，用来与各项之和核对。", width: 12},
		},
	},
	{
		name: "国有资产", kind: form,
		about:     "国有资产占用情况（上年末）：车辆和大型设备的数量。",
		valueCols: []formValue{{header: "数量", width: 12}},
		rows: []formRow{
			{label: "一般公务用车", key: "assets.vehicles.official", kind: count, note: "辆。"},
			{label: "一般执法执勤用车", key: "assets.vehicles.law_enforcement", kind: count, note: "辆。"},
			{label: "特种专业技术用车", key: "assets.vehicles.special", kind: count, note: "辆。"},
			{label: "其他用车", key: "assets.vehicles.other", kind: count, note: "辆。"},
			{label: "单位价值50万元以上通用设备", key: "assets.general_equipment_over_50", kind: count, note: "台（套）。"},
			{label: "单位价值100万元以上专用设备", key: "assets.special_equipment_over_100", kind: count, note: "台（套）。"},
		},
	},
	{
		name: "单位国有资产", kind: perUnit, optional: true, bases: []base{{path: "assets"}},
		about: "多单位的部门用：各单位的国有资产占用情况（上年末），每个单位一行。整个部门的填在“国有资产”表。",
		columns: []column{
			ownUnitColumn("国有资产", "国有资产"),
			{header: "一般公务用车", key: "vehicles.official", kind: count, note: "辆。", width: 10},
			{header: "一般执法执勤用车", key: "vehicles.law_enforcement", kind: count, note: "辆。", width: 10},
			{header: "特种专业技术用车", key: "vehicles.special", kind: count, note: "辆。", width: 10},
			{header: "其他用车", key: "vehicles.other", kind: count, note: "辆。", width: 10},
			{header: "单位价值50万元以上通用设备", key: "general_equipment_over_50", kind: count, note: "台（套）。", width: 16},
			{header: "单位价值100万元以上专用设备", key: "special_equipment_over_100", kind: count, note: "台（套）。", width: 16},
		},
	},
	{
		name: "专项转移支付", kind: records, path: "special_transfers", byUnit: "special_transfers",
		about: "部门管理的专项转移支付项目；没有就空着。" + byUnitAbout,
		columns: []column{
			unitColumn(""),
			{header: "项目名称", key: "name", kind: text, note: "专项转移支付项目的名称。", width: 40},
			{header: "金额", key: "amount", kind: amount, note: amountNote, width: 14},
		},
	},
	{
		name: "履职目标", kind: plain, path: "performance.goals", byUnit: "performance.goals",
		about: "部门整体绩效目标表的年度履职目标，每行一条。" + byUnitAbout,
		columns: []column{
			unitColumn(""),
			{header: "年度履职目标", kind: text, note: "每行一条。", width: 80},
		},
	},
	{
		name: "主要任务", kind: records, path: "performance.tasks", byUnit: "performance.tasks",
		about: "部门整体绩效目标表的年度主要任务。" + byUnitAbout,
		columns: []column{
			unitColumn(""),
			{header: "任务名称", key: "name", kind: text, note: "任务名称。", width: 30},
			{header: "主要内容", key: "content", kind: text, note: "任务的主要内容。", width: 80},
		},
	},
	{
		name: "整体绩效", kind: records, path: "performance.indicators", byUnit: "performance.indicators",
		about: "部门整体绩效目标表的各级指标。" + byUnitAbout,
		columns: []column{
			unitColumn(""),
			{header: "一级指标", key: "level1", kind: text, note: "如 产出指标、效益指标、满意度。", width: 14},
			{header: "二级指标", key: "level2", kind: text, note: "如 重点工作任务完成。", width: 20},
			{header: "三级指标", key: "level3", kind: text, note: "指标名称。", width: 30},
			{header: "指标值", key: "value", kind: text, note: "如 100%、≥90%。", width: 14},
			{header: "指标值说明", key: "note", kind: text, note: "选填。", width: 30},
		},
	},
	{
		name: "上年数", kind: form,
		about:     "上年的预算数和增减原因，说明文字用来与本年比较。",
		valueCols: []formValue{{header: "内容", width: 40}},
		rows: []formRow{
			{label: "基本支出", key: "prior.basic", kind: amount, note: "上年基本支出。" + amountNote},
			{label: "政府性基金预算支出", key: "prior.government_fund", kind: amount, note: amountNote},
			{label: "国有资本经营预算支出", key: "prior.state_capital", kind: amount, note: amountNote},
			{label: "一般公共预算支出", key: "prior.general_budget", kind: amount, note: "选填：不填即 基本支出＋各项目−政府性基金−国有资本经营。" + amountNote},
			{label: "基本支出增减原因", key: "prior.reasons.basic", kind: text, note: "选填，如 正常增人增资、晋级晋档等。"},
			{label: "项目支出增减原因", key: "prior.reasons.projects", kind: text, note: "选填，如 根据实际工作需求。"},
			{label: "“三公”经费增减原因", key: "prior.reasons.three_public", kind: text, note: "选填。"},
		},
	},
	{
		name: "单位上年数", kind: perUnit, optional: true, bases: []base{{path: "prior"}},
		about: "多单位的部门用：各单位上年的预算数和增减原因，每个单位一行；各单位上年的“三公”经费填在“单位\"三公\"经费”表，上年项目填在“上年项目”表。整个部门的填在“上年数”表。",
		columns: []column{
			ownUnitColumn("上年数", "上年数"),
			{header: "基本支出", key: "basic", kind: amount, note: "上年基本支出。" + amountNote, width: 12},
			{header: "政府性基金预算支出", key: "government_fund", kind: amount, note: amountNote, width: 12},
			{header: "国有资本经营预算支出", key: "state_capital", kind: amount, note: amountNote, width: 12},
			{header: "一般公共预算支出", key: "general_budget", kind: amount, note: "选填：不填即 基本支出＋各项目−政府性基金−国有资本经营。" + amountNote, width: 12},
			{header: "基本支出增减原因", key: "reasons.basic", kind: text, note: "选填，如 正常增人增资、晋级晋档等。", width: 22},
			{header: "项目支出增减原因", key: "reasons.projects", kind: text, note: "选填，如 根据实际工作需求。", width: 22},
			{header: "“三公”经费增减原因", key: "reasons.three_public", kind: text, note: "选填。", width: 22},
		},
	},
	{
		name: "上年项目", kind: records, path: "prior.projects", byUnit: "prior.projects",
		about: "上年的项目和金额：本年有、上年没有的是新增项目；上年有、本年没有的是已结束的项目。" + byUnitAbout,
		columns: []column{
			unitColumn(""),
			{header: "项目编码", key: "code", kind: code, family: projectCodes, note: "项目编码（以文本保存）。", width: 24},
			{header: "项目名称", key: "name", kind: text, note: "项目名称。", width: 36},
			{header: "金额", key: "amount", kind: amount, note: "上年金额。" + amountNote, width: 14},
		},
	},
	{
		name: "功能分类名称", kind: pairs, path: "function_names",
		about: "内置科目表中没有的功能分类“项”：编码和名称；没有就空着。",
		columns: []column{
			{header: "功能分类编码", kind: code, note: "7 位编码。", width: 14},
			{header: "名称", kind: text, note: "科目名称。", width: 30},
		},
	},
}

// sourceRows are the rows of 收入: one per funding source.
func sourceRows() []formRow {
	rows := make([]formRow, len(sourceNames))
	for i, s := range sourceNames {
		rows[i] = formRow{label: s, key: s, kind: amount, note: amountNote}
	}
	return rows
}
