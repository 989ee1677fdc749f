package catalog

import (
	"cmp"
	"fmt"
	"slices"
)

// Check tells whether the catalogue holds together: every 款 and 项 has its parent, every 类 of the
// functional classification has a serial and every serial row a 类, and every 部门预算 款 maps to
// 政府预算 款 that exist, and every 基本支出 kind row names a 部门预算 code. Run it after Merge.
// Each problem is an *Error naming the line at fault; the messages are in Chinese, since a finance
// clerk's own catalogue file, merged over the built-in one, can cause them.
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

	checkParents(c.functions, "功能分类", fail)
	checkParents(c.dept, "部门预算经济分类", fail)
	checkParents(c.gov, "政府预算经济分类", fail)

	if complete || len(c.functions) > 0 {
		for _, code := range sortedKeys(c.classes) {
			if _, ok := c.functions[code]; !ok {
				fail(c.classes[code].pos, "类 %s 不在功能分类中", code)
			}
		}
	}
	if complete {
		for _, code := range sortedKeys(c.functions) {
			if _, ok := c.classes[code]; len(code) == 3 && !ok {
				fail(c.functions[code].pos, "功能分类类 %s 在 %s 中没有序号和印刷名称", code, FunctionClassesFile)
			}
		}
	}

	for _, code := range sortedKeys(c.mapping) {
		m := c.mapping[code]
		if _, ok := c.dept[code]; !ok && (complete || len(c.dept) > 0) {
			fail(m.pos, "部门预算经济分类款 %s 不在部门预算支出经济分类中", code)
		}
		if complete || len(c.gov) > 0 {
			for _, g := range []struct{ code, kind string }{{m.administrative, "行政"}, {m.institution, "事业"}} {
				if _, ok := c.gov[g.code]; !ok {
					fail(m.pos, "部门预算经济分类款 %s 的%s单位对应款 %s 不在政府预算支出经济分类中", code, g.kind, g.code)
				}
			}
		}
	}
	if complete {
		for _, code := range sortedKeys(c.dept) {
			if _, ok := c.mapping[code]; len(code) == 5 && !ok {
				fail(c.dept[code].pos, "部门预算经济分类款 %s 没有对应的政府预算经济分类款：请在目录文件中填写“%s”和“%s”两列（或在 %s 中补一行）", code, headerGovAdmin, headerGovInst, MappingFile)
			}
		}
	}
	if complete || len(c.dept) > 0 {
		for _, code := range sortedKeys(c.basic) {
			if _, ok := c.dept[code]; !ok {
				fail(c.basic[code].pos, "%s%s的编码 %s 不在部门预算支出经济分类中", c.basic[code].name, "规则", code)
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
			fail(m[code].pos, "%s编码 %s 的上级编码 %s 不在目录中", what, code, parent)
		}
	}
}
