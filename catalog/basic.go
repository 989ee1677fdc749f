package catalog

import (
	"fmt"
	"slices"
	"strings"
)

// The two kinds of 基本支出, as basic_kinds.tsv and a budget's lines spell them.
const (
	Personnel = "人员经费"
	Public    = "公用经费"
)

// BasicKind is the kind of 基本支出 (Personnel or Public) that a 部门预算支出经济分类 code counts as:
// the kind of its longest prefix listed in basic_kinds.tsv, so a 款 row ("30227 人员经费") overrides
// its 类 row ("302 公用经费"). ok is false when no row covers the code: such a code may not be used for
// 基本支出.
//
// The validator checks a 基本支出 line's `basic` against this, and the figures should split
// 人员经费/公用经费 by the line's checked kind (the two then agree).
func (c *Catalogue) BasicKind(code string) (kind string, ok bool) {
	for n := len(code); n >= 3; n-- {
		if e, found := c.basic[code[:n]]; found {
			return e.name, true
		}
	}
	return "", false
}

// BasicKindRule says in Chinese which codes count as kind, for a validation message:
// "301 工资福利支出、303 对个人和家庭的补助". Rows of 款 that take the other kind are named as
// exceptions: "302 商品和服务支出（30227 委托业务费除外）".
func (c *Catalogue) BasicKindRule(kind string) string {
	var parts []string
	for _, code := range sortedKeys(c.basic) {
		if c.basic[code].name != kind || c.coveredBySame(code, kind) {
			continue
		}
		part := code + " " + c.deptName(code)
		var except []string
		for _, sub := range sortedKeys(c.basic) {
			if len(sub) > len(code) && strings.HasPrefix(sub, code) && c.basic[sub].name != kind {
				except = append(except, sub+" "+c.deptName(sub))
			}
		}
		if len(except) > 0 {
			part += "（" + strings.Join(except, "、") + "除外）"
		}
		parts = append(parts, part)
	}
	if len(parts) == 0 {
		return "（没有）"
	}
	return strings.Join(parts, "、")
}

// coveredBySame reports whether a shorter prefix of code already gives it kind, so the rule need
// not name code again.
func (c *Catalogue) coveredBySame(code, kind string) bool {
	for n := len(code) - 1; n >= 3; n-- {
		if e, ok := c.basic[code[:n]]; ok {
			return e.name == kind
		}
	}
	return false
}

func (c *Catalogue) deptName(code string) string {
	if name, ok := c.dept[code]; ok {
		return name.name
	}
	return ""
}

// WithBasicKinds is a copy of c in which each prefix of kinds (a 部门预算经济分类 类 or 款 code)
// counts as the kind it maps to (Personnel or Public), over what the catalogue says: the rule a caller
// sets in code rather than in a file. The codes must be in the catalogue.
func (c *Catalogue) WithBasicKinds(kinds map[string]string) (*Catalogue, error) {
	out := c.Merge(nil)
	var errs []*Error
	for _, code := range sortedKeys(kinds) {
		kind := kinds[code]
		pos := Pos{File: "WithBasicKinds", Line: 0}
		switch {
		case kind != Personnel && kind != Public:
			errs = append(errs, &Error{Pos: pos, Msg: fmt.Sprintf("%s 的基本支出类型“%s”应为 %s 或 %s", code, kind, Personnel, Public)})
		case !slices.Contains([]int{3, 5}, len(code)) || !isDigits(code):
			errs = append(errs, &Error{Pos: pos, Msg: fmt.Sprintf("“%s”不是 3 位或 5 位的部门预算经济分类编码", code)})
		default:
			if _, ok := c.dept[code]; !ok {
				errs = append(errs, &Error{Pos: pos, Msg: fmt.Sprintf("%s 不在部门预算支出经济分类中", code)})
				continue
			}
			out.basic[code] = entry{name: kind, pos: pos}
		}
	}
	if len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	return out, nil
}
