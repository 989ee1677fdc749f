package budget

import (
	"cmp"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// InUnit returns the budget with every amount in unit, "万元" or "元": b
// itself when its amounts are in unit already, else a copy. 万元 to 元 is
// exact. 元 to 万元 is exact only when every amount is a whole number of 元
// hundreds (at most two decimals in 万元); otherwise it fails with a problem
// at each amount that would need rounding, since rounded amounts would no
// longer add up.
//
// Texts keep their words: a target typed as "≤45万元" stays so.
func (b *Budget) InUnit(unit string) (*Budget, error) {
	from := b.AmountUnit()
	if unit == "" || unit == from {
		return b, nil
	}
	var factor decimal.Decimal
	switch {
	case from == "万元" && unit == "元":
		factor = decimal.NewFromInt(10000)
	case from == "元" && unit == "万元":
		factor = decimal.New(1, -4)
	default:
		return nil, fmt.Errorf("无法把金额从%s换算为%s：金额单位只能是 万元 或 元", quote(from), quote(unit))
	}
	out := *b // keeps where it came from: problems still name the input's places
	out.MoneyUnit = unit
	var ps Problems
	v := reflect.ValueOf(&out).Elem()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !f.IsExported() || f.Name == "MoneyUnit" {
			continue
		}
		name := jsonName(f)
		c := scaledCopy(v.Field(i), factor, name, func(path string, d decimal.Decimal) {
			pos, at := b.locate(path)
			ps = append(ps, Problem{Code: CodeAmount, Severity: SeverityError, Pos: pos, Path: at,
				Message: fmt.Sprintf("金额 %s元 换算为万元要四舍五入：换算后各数就对不上了，请用元印出，或把金额改为整百元", amountText(d))})
		})
		v.Field(i).Set(c)
	}
	if len(ps) > 0 {
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].Path.String() < ps[j].Path.String() })
		sortByPosition(ps)
		return nil, ps
	}
	return &out, nil
}

var decimalType = reflect.TypeFor[decimal.Decimal]()

// scaledCopy is a deep copy of v with every amount multiplied by factor;
// inexact is told of each amount the product of which has more than two
// decimals, with its field path.
func scaledCopy(v reflect.Value, factor decimal.Decimal, path string, inexact func(string, decimal.Decimal)) reflect.Value {
	t := v.Type()
	if t == decimalType {
		d := v.Interface().(decimal.Decimal)
		s := d.Mul(factor)
		if !s.Equal(s.Round(2)) {
			inexact(path, d)
		}
		return reflect.ValueOf(s)
	}
	out := reflect.New(t).Elem()
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			p := reflect.New(t.Elem())
			p.Elem().Set(scaledCopy(v.Elem(), factor, path, inexact))
			out.Set(p)
		}
	case reflect.Slice:
		if !v.IsNil() {
			out.Set(reflect.MakeSlice(t, v.Len(), v.Len()))
			for i := range v.Len() {
				out.Index(i).Set(scaledCopy(v.Index(i), factor, fmt.Sprintf("%s[%d]", path, i), inexact))
			}
		}
	case reflect.Map:
		if !v.IsNil() {
			out.Set(reflect.MakeMapWithSize(t, v.Len()))
			iter := v.MapRange()
			for iter.Next() {
				out.SetMapIndex(iter.Key(), scaledCopy(iter.Value(), factor, path+"."+fmt.Sprint(iter.Key()), inexact))
			}
		}
	case reflect.Struct:
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				out.Field(i).Set(scaledCopy(v.Field(i), factor, path+"."+jsonName(t.Field(i)), inexact))
			}
		}
	default:
		out.Set(v)
	}
	return out
}

// jsonName is a field's name in the input and in field paths, as the
// text walker (texts.go) names it.
func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return cmp.Or(name, f.Name)
}
