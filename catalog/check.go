package catalog

import (
	"cmp"
	"fmt"
	"slices"
)

// Check tells whether the catalogue holds together: every 款 and 项 has its parent, every 类 of the
// functional classification has a serial and every serial row a 类, and every 部门预算 款 maps to
// 政府预算 款 that exist. Run it after Merge. Each problem is an *Error naming the line at fault.
func (c *Catalogue) Check() error {
	if errs := c.check(true); len(errs) > 0 {
		return joinErrors(errs)
	}
	return nil
}

// check finds broken references. With complete false (one Load, which may hold only some of the
// files) it skips what an absent file would have to supply; with complete true it checks everything.
func (c *Catalogue) check(complete bool) []*Error {
	var errs []*Error
	fail := func(pos Pos, format string, args ...any) {
		errs = append(errs, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
	}

	checkParents(c.functions, "functional", fail)
	checkParents(c.dept, "部门预算经济分类", fail)
	checkParents(c.gov, "政府预算经济分类", fail)

	if complete || len(c.functions) > 0 {
		for _, code := range sortedKeys(c.classes) {
			if _, ok := c.functions[code]; !ok {
				fail(c.classes[code].pos, "类 %s is not in the functional classification", code)
			}
		}
	}
	if complete {
		for _, code := range sortedKeys(c.functions) {
			if _, ok := c.classes[code]; len(code) == 3 && !ok {
				fail(c.functions[code].pos, "类 %s has no row in %s (serial and printed names)", code, FunctionClassesFile)
			}
		}
	}

	for _, code := range sortedKeys(c.mapping) {
		m := c.mapping[code]
		if _, ok := c.dept[code]; !ok && (complete || len(c.dept) > 0) {
			fail(m.pos, "部门 款 %s is not in the 部门预算支出经济分类", code)
		}
		if complete || len(c.gov) > 0 {
			for _, g := range []struct{ code, kind string }{{m.administrative, "行政"}, {m.institution, "事业"}} {
				if _, ok := c.gov[g.code]; !ok {
					fail(m.pos, "%s 款 %s for 部门 款 %s is not in the 政府预算支出经济分类", g.kind, g.code, code)
				}
			}
		}
	}
	if complete {
		for _, code := range sortedKeys(c.dept) {
			if _, ok := c.mapping[code]; len(code) == 5 && !ok {
				fail(c.dept[code].pos, "部门 款 %s has no row in %s", code, MappingFile)
			}
		}
	}

	slices.SortStableFunc(errs, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line))
	})
	return errs
}

// checkParents reports codes whose parent (the code less its last two digits) is missing.
func checkParents(m map[string]entry, what string, fail func(Pos, string, ...any)) {
	for _, code := range sortedKeys(m) {
		if len(code) <= 3 {
			continue
		}
		parent := code[:len(code)-2]
		if _, ok := m[parent]; !ok {
			fail(m[code].pos, "%s code %s has no parent %s", what, code, parent)
		}
	}
}
