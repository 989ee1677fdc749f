package catalog

import (
	"slices"
	"strings"

	"github.com/budgetdoc/budgetdoc/internal/zh"
)

// Catalogue is one year's classification codes and names. Build it with Builtin or Load; it is
// read-only afterwards.
type Catalogue struct {
	year    int
	sources []string

	functions map[string]entry
	classes   map[string]classRow
	dept      map[string]entry
	gov       map[string]entry
	mapping   map[string]mappingRow
	// basic is basic_kinds.tsv: a 部门预算经济分类 类 or 款 prefix and the 基本支出 kind (the
	// entry's name) its codes count as.
	basic map[string]entry

	// retired holds, per file (FunctionsFile, DeptEconomicFile, GovEconomicFile), the codes an
	// earlier built-in year had and a later one removed: prior-year figures may still carry them.
	retired map[string]map[string]retiredCode
	// untranscribed are the years, up to this one, whose edition's changes are not in the data:
	// the catalogue is an earlier year's with only the sourced amendments applied.
	untranscribed []int
	// amendments names the sourced amendment notices applied, "财预〔2024〕22号".
	amendments []string
	// regional is set on a built-in catalogue with the region's own list merged over it.
	regional bool
}

// retiredCode is a code removed in a later year: its name and the last year that had it.
type retiredCode struct {
	name     string
	lastYear int
}

// entry is a code's name and the line it came from, so later checks can point at it.
type entry struct {
	name string
	pos  Pos
}

type classRow struct {
	serial   int
	overview string
	fiscal   string
	pos      Pos
	// auto marks a row made up for a new 类 of a table file (serial = code − 200, printed names =
	// the official name): Merge lets it fill a gap but never replace a listed row.
	auto bool
}

type mappingRow struct {
	administrative string
	institution    string
	pos            Pos
}

// Class is a 类 of the functional classification with the names the overview tables print.
type Class struct {
	// Serial is the number the 收支总体情况表 print before the name: 8 for 208, printed "八、"
	// in 部门收支总体情况表 and "（八）" in 财政拨款收支总体情况表. Serials have gaps.
	Serial int
	Code   string // "208"
	Name   string // the official name, "社会保障和就业支出"
	// OverviewName is the name in 部门收支总体情况表 (table 一): "社会保障和就业".
	OverviewName string
	// FiscalOverviewName is the name in 财政拨款收支总体情况表 (table 四): "社会保障和就业支出".
	FiscalOverviewName string
}

// Numeral is the serial in Chinese numerals, "八" or "二十一", as the tables print it.
func (c Class) Numeral() string { return zh.Numeral(c.Serial) }

func newCatalogue() *Catalogue {
	return &Catalogue{
		functions: map[string]entry{},
		classes:   map[string]classRow{},
		dept:      map[string]entry{},
		gov:       map[string]entry{},
		mapping:   map[string]mappingRow{},
		basic:     map[string]entry{},
		retired:   map[string]map[string]retiredCode{},
	}
}

// Year is the budget year the codes are for; 0 when no file said.
func (c *Catalogue) Year() int { return c.year }

// Source names where the codes come from, as the files' "# source:" lines say; several sources are
// joined with "; ".
func (c *Catalogue) Source() string { return strings.Join(c.sources, "; ") }

// Function is the name of a functional classification code: a 类 (3 digits), 款 (5) or 项 (7).
func (c *Catalogue) Function(code string) (string, bool) {
	e, ok := c.functions[code]
	return e.name, ok
}

// FunctionClass is the 类 a functional code belongs to, with its serial and printed names. The code
// may be a 类, 款 or 项 code ("2080505" gives 208); ok is false when the code is not 3, 5 or 7 digits
// or its 类 is not in the catalogue.
func (c *Catalogue) FunctionClass(code string) (Class, bool) {
	if !isDigits(code) || (len(code) != 3 && len(code) != 5 && len(code) != 7) {
		return Class{}, false
	}
	row, ok := c.classes[code[:3]]
	if !ok {
		return Class{}, false
	}
	return c.class(code[:3], row), true
}

// FunctionClasses is every 类 with a serial, in serial order: the rows of the 收支总体情况表.
func (c *Catalogue) FunctionClasses() []Class {
	out := make([]Class, 0, len(c.classes))
	for code, row := range c.classes {
		out = append(out, c.class(code, row))
	}
	slices.SortFunc(out, func(a, b Class) int {
		if a.Serial != b.Serial {
			return a.Serial - b.Serial
		}
		return strings.Compare(a.Code, b.Code)
	})
	return out
}

func (c *Catalogue) class(code string, row classRow) Class {
	return Class{
		Serial:             row.serial,
		Code:               code,
		Name:               c.functions[code].name,
		OverviewName:       row.overview,
		FiscalOverviewName: row.fiscal,
	}
}

// DeptEconomic is the name of a 部门预算支出经济分类 code: a 类 (3 digits) or 款 (5).
func (c *Catalogue) DeptEconomic(code string) (string, bool) {
	e, ok := c.dept[code]
	return e.name, ok
}

// GovEconomic is the name of a 政府预算支出经济分类 code: a 类 (3 digits) or 款 (5).
func (c *Catalogue) GovEconomic(code string) (string, bool) {
	e, ok := c.gov[code]
	return e.name, ok
}

// GovFor is the 政府预算支出经济分类 款 that a 部门预算支出经济分类 款 is reported under, for an
// administrative (行政) unit when administrative is true and for an institution (事业单位) otherwise.
func (c *Catalogue) GovFor(deptCode string, administrative bool) (string, bool) {
	m, ok := c.mapping[deptCode]
	if !ok {
		return "", false
	}
	if administrative {
		return m.administrative, true
	}
	return m.institution, true
}

// Merge is a new catalogue with c's entries and other's, other's winning where both have a code.
// The year is c's unless c has none; the sources of both are kept. Neither input changes. Merge does
// not check the result: call Check on it. A nil other gives a copy of c.
func (c *Catalogue) Merge(other *Catalogue) *Catalogue {
	if other == nil {
		other = newCatalogue()
	}
	out := newCatalogue()
	out.year = c.year
	if out.year == 0 {
		out.year = other.year
	}
	for _, s := range append(slices.Clone(c.sources), other.sources...) {
		if !slices.Contains(out.sources, s) {
			out.sources = append(out.sources, s)
		}
	}
	for _, src := range []*Catalogue{c, other} {
		copyInto(out.functions, src.functions)
		for code, row := range src.classes {
			if _, listed := out.classes[code]; listed && row.auto {
				continue
			}
			out.classes[code] = row
		}
		copyInto(out.dept, src.dept)
		copyInto(out.gov, src.gov)
		copyInto(out.mapping, src.mapping)
		copyInto(out.basic, src.basic)
		for file, codes := range src.retired {
			if out.retired[file] == nil {
				out.retired[file] = map[string]retiredCode{}
			}
			copyInto(out.retired[file], codes)
		}
		for _, y := range src.untranscribed {
			if !slices.Contains(out.untranscribed, y) {
				out.untranscribed = append(out.untranscribed, y)
			}
		}
		for _, a := range src.amendments {
			if !slices.Contains(out.amendments, a) {
				out.amendments = append(out.amendments, a)
			}
		}
	}
	slices.Sort(out.untranscribed)
	return out
}

func copyInto[V any](dst, src map[string]V) {
	for k, v := range src {
		dst[k] = v
	}
}

// Counts is how many codes of each kind the catalogue holds, for reports and tests.
type Counts struct {
	Functions, Classes, DeptEconomic, GovEconomic, Mapping, BasicKinds int
}

// Counts counts the catalogue's entries.
func (c *Catalogue) Counts() Counts {
	return Counts{len(c.functions), len(c.classes), len(c.dept), len(c.gov), len(c.mapping), len(c.basic)}
}

// FunctionCodes is every functional code in code order, 类 before its 款 before its 项.
func (c *Catalogue) FunctionCodes() []string { return sortedKeys(c.functions) }

// DeptEconomicCodes is every 部门预算支出经济分类 code in code order.
func (c *Catalogue) DeptEconomicCodes() []string { return sortedKeys(c.dept) }

// GovEconomicCodes is every 政府预算支出经济分类 code in code order.
func (c *Catalogue) GovEconomicCodes() []string { return sortedKeys(c.gov) }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
