// Package profile defines documents: which disclosure a budget is published
// as, with which title, in which words and with which annex tables in which
// order. A Profile is data: the 河南部门预算 is built in (Henan), and a
// province's own is a folder of templates and a small file (LoadDir), so a
// new table set needs no Go code.
//
// Build turns a budget's figures into the format-neutral document of package
// doc. It adds nothing up: every amount comes from package figures.
package profile

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/catalog"
	"github.com/budgetdoc/budgetdoc/doc"
)

// Profile is one document definition.
type Profile struct {
	// Name is how the command lists and picks it: "河南部门预算".
	Name string
	// Description says in a line what it is, for `budgetdoc profiles`.
	Description string
	// Title is the kind of document the cover and the titles name, after
	// the fiscal year: "部门预算" prints "2023年度部门预算".
	Title string
	// Scope is whose budget the document publishes: a department's with
	// all its units, or one unit's (a budget made by budget.Budget.Unit).
	Scope Scope
	// Templates holds *.tmpl files laid over the default templates
	// (templates.Default): a template defined here replaces the default of
	// the same name, the others stay. nil keeps the defaults.
	Templates fs.FS
	// Tables are the annex tables in the order printed.
	Tables []TableRef
	// Numbers is how amounts are printed.
	Numbers NumberFormat
	// Catalogue, when set, is laid over the built-in catalogue of the
	// budget's year: the region's own 科目, and its rule of which 经济分类
	// count as 人员经费 (a region may count 30227 委托业务费 so).
	Catalogue *catalog.Catalogue
}

// TableRef picks a known table for a profile.
type TableRef struct {
	ID string `yaml:"id"` // a Table's ID: "overall"
	// Name, when set, replaces the table's own name in its title, the
	// 目录 and the Excel sheet.
	Name string `yaml:"name"`
	// Notes, when not nil, replace the table's own notes (Table.Notes):
	// the names of the templates printed under it.
	Notes []string `yaml:"notes"`
}

// Scope is whose budget a document publishes.
type Scope int

const (
	// ScopeDepartment is a 部门预算: the department and all its units.
	ScopeDepartment Scope = iota
	// ScopeUnit is a 单位预算: one unit of a department, whose budget
	// names its department in Department.Parent.
	ScopeUnit
)

// Check reports whether the budget is of the scope: a 单位预算 needs a
// unit's budget, a 部门预算 a department's.
func (s Scope) Check(b *budget.Budget) error {
	switch {
	case s == ScopeUnit && b.Department.Parent == "":
		return fmt.Errorf("单位预算要写一个预算单位：%s 是部门的预算，请指定单位（命令的 --unit 单位编码，程序中的 budget.Budget.Unit）", b.Department.Name)
	case s == ScopeDepartment && b.Department.Parent != "":
		return fmt.Errorf("%s 是%s所属单位的预算，不是部门的：请用单位预算的文档定义（如 河南单位预算）", b.Department.Name, b.Department.Parent)
	}
	return nil
}

// words are how the templates name the budget's owner.
func (s Scope) words() (kind, self string) {
	if s == ScopeUnit {
		return "单位", "本单位"
	}
	return "部门", "我部门"
}

// NumberFormat is how a document prints amounts.
type NumberFormat struct {
	// Unit is the money unit printed, "万元" or "元"; empty prints the
	// budget's own. A budget in 万元 printed in 元 is converted exactly
	// (budget.Budget.InUnit).
	Unit string `yaml:"unit"`
	// Thousands separates thousands with commas: 5,806,105.16.
	Thousands bool `yaml:"thousands"`
}

// Henan is the 河南部门预算: the department's whole budget with the twelve
// annex tables of Henan's 部门预算 disclosure.
func Henan() *Profile {
	p := &Profile{
		Name:        "河南部门预算",
		Description: "河南省部门预算公开：封面、目录、概况、预算情况说明、名词解释和附表",
		Title:       "部门预算",
	}
	for _, t := range knownTables {
		p.Tables = append(p.Tables, TableRef{ID: t.ID})
	}
	return p
}

// HenanUnit is the 河南单位预算: the 河南部门预算 of one unit of a
// department of several (see ForUnit).
func HenanUnit() *Profile {
	p := Henan().ForUnit()
	p.Description = "河南省单位预算公开：部门所属一个预算单位的预算，内容同部门预算"
	return p
}

// ForUnit is the profile's 单位预算: the same document for one unit of a
// department (a budget made by budget.Budget.Unit, so every figure is the
// unit's alone), with 单位 for 部门 in its name, its title and the names
// of its tables (部门收支总体情况表 → 单位收支总体情况表), and "本单位" in
// its words. A profile of ScopeUnit is its own.
func (p *Profile) ForUnit() *Profile {
	if p.Scope == ScopeUnit {
		return p
	}
	u := *p
	u.Scope = ScopeUnit
	u.Name = strings.Replace(p.Name, "部门预算", "单位预算", 1)
	u.Title = strings.Replace(p.Title, "部门", "单位", 1)
	u.Tables = slices.Clone(p.Tables)
	for i, r := range u.Tables {
		name := r.Name
		if name == "" {
			if t, ok := LookupTable(r.ID); ok {
				name = t.Name
			}
		}
		if rest, ok := strings.CutPrefix(name, "部门"); ok && !strings.HasPrefix(rest, "（") {
			u.Tables[i].Name = "单位" + rest
		}
	}
	return &u
}

// Builtin lists the built-in profiles; the first is the default, and the
// first of ScopeUnit the default for a unit's budget.
func Builtin() []*Profile { return []*Profile{Henan(), HenanUnit()} }

// Default is the built-in profile for the budget: the 河南单位预算 for a
// unit's budget, else the 河南部门预算.
func Default(b *budget.Budget) *Profile {
	if b.Department.Parent != "" {
		return HenanUnit()
	}
	return Henan()
}

// Lookup finds a built-in profile by name.
func Lookup(name string) (*Profile, bool) {
	i := slices.IndexFunc(Builtin(), func(p *Profile) bool { return p.Name == name })
	if i < 0 {
		return nil, false
	}
	return Builtin()[i], true
}

// apply prints the amount cells of the tables in the format.
func (nf NumberFormat) apply(tables []*doc.Table) {
	if !nf.Thousands {
		return
	}
	for _, t := range tables {
		for _, rows := range [][][]doc.Cell{t.Header, t.Body} {
			for _, r := range rows {
				for i := range r {
					if r[i].Number.Valid && r[i].Text != "" {
						r[i].Text = groupThousands(r[i].Text)
					}
				}
			}
		}
	}
}

// groupThousands puts commas between the thousands of a printed amount's
// whole part: "-5806105.16" → "-5,806,105.16".
func groupThousands(s string) string {
	sign, rest := "", s
	if strings.HasPrefix(rest, "-") {
		sign, rest = "-", rest[1:]
	}
	whole, frac, hasFrac := strings.Cut(rest, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// tableIDs lists the known tables' IDs, for a message.
func tableIDs() string {
	ids := make([]string, len(knownTables))
	for i, t := range knownTables {
		ids[i] = t.ID
	}
	return strings.Join(ids, "、")
}
