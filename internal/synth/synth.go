// Package synth makes synthetic departments' budgets for tests and
// benchmarks: valid input of any size, where the real examples have a few
// dozen lines.
//
// The department is a county 教育局 with its schools, the kind whose unit
// count grows with its lines: a 行政 本级 and Units-1 事业 schools, each
// with 基本支出 (人员经费 and 公用经费) and some of the projects. The codes
// are from the 2023 catalogue, declared income equals what the lines spend
// per source, every project a line names is defined, cost targets add up
// to the project's lines, "三公"经费 equals the lines on its economic codes,
// and procurement stays below the project's amount.
//
// The budget is written as YAML text, as a finance office would write it,
// so it goes through the same decoding as real input. The same Size gives
// the same bytes.
package synth

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
)

// Size is how big a department to make.
type Size struct {
	Lines    int    // spending lines; at least Units + Projects
	Units    int    // budget units, at least 1: the 本级 and Units-1 schools
	Projects int    // projects, spread over the units
	Seed     uint64 // another seed gives other amounts and codes
}

// kinds of line
const (
	personnel = iota
	public
	project
)

type line struct {
	unit, kind, project int
	function, economic  string
	source              string
	carryOver           bool
	cents               int64
}

const (
	appropriation = "一般公共预算财政拨款"
	fund          = "政府性基金预算"
	business      = "事业收入"
)

// Economic codes (部门预算支出经济分类 款, 2023) by use, with the 功能分类 项
// (2023) some of them are paid under. 30217 公务接待费 and 30231 公务用车运行
// 维护费 carry "三公"经费.
var (
	personnelCodes = []string{"30101", "30102", "30103", "30107", "30108", "30109", "30110", "30113", "30302"}
	publicCodes    = []string{"30201", "30205", "30206", "30207", "30211", "30213", "30216", "30217", "30228", "30229", "30231", "30239", "31002"}
	projectCodes   = []string{"30201", "30213", "30218", "30226", "30227", "31002", "31003", "31007"}

	// socialFunction is the 项 a social-security contribution is paid under;
	// the others are paid under the unit's own 项.
	socialFunction = map[string]string{"30108": "2080505", "30109": "2080506", "30113": "2210201", "30302": "2080501"}

	// schools: name and 项 of each kind of school, in turn.
	schools = []struct{ name, function string }{
		{"幼儿园", "2050201"}, {"小学", "2050202"}, {"初级中学", "2050203"}, {"高级中学", "2050204"},
	}
	projectFunctions = []string{"2050199", "2050299", "2050803", "2050901", "2050902", "2050904", "2059999"}
	fundFunction     = "2296004" // 用于教育事业的彩票公益金支出
)

const (
	deptCode = "205"
	deptName = "合成县教育局"
)

// unitCode is the department's code and the unit's number, in six digits
// as in real budgets ("205001") while there are fewer than 1000 units.
func unitCode(u, units int) string {
	return fmt.Sprintf("%s%0*d", deptCode, max(3, len(strconv.Itoa(units))), u+1)
}

func unitName(u int) string {
	if u == 0 {
		return deptName
	}
	s := schools[(u-1)%len(schools)]
	return fmt.Sprintf("合成县第%d%s", (u-1)/len(schools)+1, s.name)
}

func unitFunction(u int) string {
	if u == 0 {
		return "2050101" // 行政运行
	}
	return schools[(u-1)%len(schools)].function
}

func medicalFunction(u int) string {
	if u == 0 {
		return "2101101" // 行政单位医疗
	}
	return "2101102" // 事业单位医疗
}

func projectCode(p int) string { return fmt.Sprintf("4107272300000%08d", p+1) }

func projectName(p int) string { return fmt.Sprintf("教育发展项目%d（2023年）", p+1) }

// YAML writes a valid budget of the given size.
func YAML(s Size) ([]byte, error) {
	if s.Units < 1 || s.Projects < 0 || s.Lines < s.Units+s.Projects {
		return nil, fmt.Errorf("synth: %d lines cannot give each of %d units and %d projects a line", s.Lines, s.Units, s.Projects)
	}
	rng := rand.New(rand.NewPCG(s.Seed, 0x5eed))
	lines := makeLines(s, rng)

	// Totals the file declares, all computed from the lines.
	thisYear, carry := map[string]int64{}, map[string]int64{}
	projectCents := make([]int64, s.Projects)
	var basicCents, reception, vehicle int64
	for _, l := range lines {
		if l.carryOver {
			carry[l.source] += l.cents
		} else {
			thisYear[l.source] += l.cents
		}
		if l.kind == project {
			projectCents[l.project] += l.cents
		} else {
			basicCents += l.cents
		}
		switch l.economic {
		case "30217":
			reception += l.cents
		case "30231":
			vehicle += l.cents
		}
	}

	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# A synthetic department (internal/synth, %+v).\n", s)
	w("money_unit: 万元\n")
	w("department:\n  name: %s\n  code: %q\n  year: 2023\n  level: 县级\n  published: \"2023-03\"\n", q(deptName), deptCode)
	w("  offices: [办公室, 基础教育股, 财务审计股, 人事股]\n")
	w("  duties:\n    - 贯彻执行国家教育方针政策和法律法规，拟定全县教育发展规划并组织实施。\n    - 负责全县各级各类学校的管理和教育经费的统筹。\n")

	w("units:\n")
	for u := range s.Units {
		kind := "事业"
		if u == 0 {
			kind = "行政"
		}
		w("  - {code: %q, name: %s, kind: %s}\n", unitCode(u, s.Units), q(unitName(u)), kind)
	}

	w("income:\n  this_year:\n")
	writeSources(&b, thisYear)
	if len(carry) > 0 {
		w("  carry_over:\n")
		writeSources(&b, carry)
	}

	w("lines:\n")
	for _, l := range lines {
		w("  - {unit: %q, function: %q, economic: %q, ", unitCode(l.unit, s.Units), l.function, l.economic)
		switch l.kind {
		case personnel:
			w("basic: 人员经费, ")
		case public:
			w("basic: 公用经费, ")
		default:
			w("project: %q, ", projectCode(l.project))
		}
		w("source: %s, ", l.source)
		if l.carryOver {
			w("carry_over: true, ")
		}
		w("amount: %s}\n", money(l.cents))
	}

	if s.Projects > 0 {
		w("projects:\n")
	} else {
		w("projects: []\n")
	}
	for p := range s.Projects {
		types := []string{"其他运转类", "特定目标类"}
		w("  - code: %q\n    name: %s\n    short_name: %s\n    type: %s\n    unit: %q\n",
			projectCode(p), q(projectName(p)), q(fmt.Sprintf("教育发展项目%d", p+1)), types[p%2], unitCode(p%s.Units, s.Units))
		if p%4 == 0 {
			w("    key: true\n")
		}
		if half := projectCents[p] / 2; p%3 == 0 && half > 0 {
			w("    procurement: [{category: 货物, item: 教学设备, amount: %s}]\n", money(half))
		}
		w("    targets:\n")
		w("      - {kind: 成本指标, indicator: 项目总成本, value: %s}\n", q("≤"+money(projectCents[p])+"万元"))
		w("      - {kind: 产出指标, indicator: 受益学校数量, value: %s}\n", q("≥"+strconv.Itoa(1+rng.IntN(40))+"所"))
		w("      - {kind: 效益指标, indicator: 办学条件, value: 明显改善}\n")
		w("      - {kind: 满意度指标, indicator: 师生满意度, value: \"≥90%%\"}\n")
	}

	w("three_public: {abroad: 0, vehicle_purchase: 0, vehicle_operation: %s, reception: %s}\n", money(vehicle), money(reception))
	w("assets:\n  vehicles: {official: 1, law_enforcement: 0, special: 0, other: 0}\n")
	w("  general_equipment_over_50: %d\n  special_equipment_over_100: 0\n", s.Units/20)
	w("performance:\n  goals: [保障全县教育事业正常运转。]\n")
	w("  tasks: [{name: 学校运转保障, content: 保障各学校正常运转和教学秩序。}]\n")
	w("  indicators:\n    - {level1: 产出指标, level2: 重点工作任务完成, level3: 任务完成率, value: 100%%}\n")
	w("    - {level1: 满意度, level2: 服务对象满意度, level3: 师生满意度, value: \"≥90%%\"}\n")

	// Last year: 基本支出 a little lower, half of the projects with less
	// money (the rest are new), and one project that has ended.
	w("prior:\n  basic: %s\n  projects:\n", money(basicCents*95/100))
	for p := 0; p < s.Projects; p += 2 {
		w("    - {code: %q, name: %s, amount: %s}\n", projectCode(p), q(projectName(p)), money(projectCents[p]*9/10))
	}
	w("    - {code: %q, name: 已完成的教育项目（2022年）, amount: 12.00}\n", projectCode(s.Projects))
	// 事业收入 pays part of last year too: 一般公共预算 was the basic part.
	w("  government_fund: 0\n  state_capital: 0\n  general_budget: %s\n", money(basicCents*95/100))
	w("  three_public: {abroad: 0, vehicle_purchase: 0, vehicle_operation: %s, reception: %s}\n", money(vehicle+100), money(reception))
	w("  reasons: {basic: 正常增人增资, three_public: 厉行节约}\n")
	return b.Bytes(), nil
}

// makeLines chooses every line: one 人员经费 line per unit and one line per
// project first, so that each has one, then the rest at random; listed
// unit by unit, as budget systems export them.
func makeLines(s Size, rng *rand.Rand) []line {
	unitProjects := make([][]int, s.Units)
	for p := range s.Projects {
		unitProjects[p%s.Units] = append(unitProjects[p%s.Units], p)
	}
	lines := make([]line, 0, s.Lines)
	for u := range s.Units {
		lines = append(lines, line{unit: u, kind: personnel})
	}
	for p := range s.Projects {
		lines = append(lines, line{unit: p % s.Units, kind: project, project: p})
	}
	for len(lines) < s.Lines {
		u := rng.IntN(s.Units)
		l := line{unit: u, kind: personnel}
		switch r := rng.IntN(100); {
		case r < 35 && len(unitProjects[u]) > 0:
			l.kind, l.project = project, unitProjects[u][rng.IntN(len(unitProjects[u]))]
		case r < 70:
			l.kind = public
		}
		lines = append(lines, l)
	}
	slices.SortStableFunc(lines, func(a, b line) int { return a.unit - b.unit })
	for i := range lines {
		fill(&lines[i], rng)
	}
	return lines
}

// fill chooses a line's codes, source and amount.
func fill(l *line, rng *rand.Rand) {
	l.source = appropriation
	switch l.kind {
	case personnel:
		l.economic = personnelCodes[rng.IntN(len(personnelCodes))]
		l.function = unitFunction(l.unit)
		if f, ok := socialFunction[l.economic]; ok {
			l.function = f
		} else if l.economic == "30110" {
			l.function = medicalFunction(l.unit)
		}
		l.cents = 500 + rng.Int64N(30000)
	case public:
		l.economic = publicCodes[rng.IntN(len(publicCodes))]
		l.function = unitFunction(l.unit)
		if l.unit > 0 && l.economic != "30217" && l.economic != "30231" && rng.IntN(10) == 0 {
			l.source = business // a school's own income; "三公"经费 stays 财政拨款
		}
		l.cents = 50 + rng.Int64N(3000)
	default:
		l.economic = projectCodes[rng.IntN(len(projectCodes))]
		l.function = projectFunctions[l.project%len(projectFunctions)]
		switch rng.IntN(20) {
		case 0:
			l.source, l.function = fund, fundFunction
		case 1:
			l.carryOver = true
		}
		l.cents = 100 + rng.Int64N(20000)
	}
}

// writeSources writes a source → amount map in a fixed order.
func writeSources(b *bytes.Buffer, m map[string]int64) {
	for _, s := range []string{appropriation, fund, business} {
		if c, ok := m[s]; ok {
			fmt.Fprintf(b, "    %s: %s\n", s, money(c))
		}
	}
}

// money writes an amount of cents of 万元 with two decimals.
func money(cents int64) string { return fmt.Sprintf("%d.%02d", cents/100, cents%100) }

// q quotes a string for YAML (a JSON string is a YAML double-quoted one).
func q(s string) string { return strconv.Quote(s) }
