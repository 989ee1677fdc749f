package budget

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// CheckTexts holds every text of the budget to a rule the input alone cannot
// know, such as "the fonts can draw it": bad returns what is wrong with one
// text ("" when nothing is), and each wrong text is a problem at its own
// place, with the given code. Texts are the string fields of the budget,
// map keys and values among them, in a fixed order.
func (b *Budget) CheckTexts(code Code, bad func(text string) string) Problems {
	var ps Problems
	walkTexts(reflect.ValueOf(b).Elem(), "", func(path, text string) {
		if msg := bad(text); msg != "" {
			ps = append(ps, Problem{Code: code, Severity: SeverityError, Pos: b.position(path), Path: ParsePath(path), Message: msg})
		}
	})
	if b.source != nil {
		sort.SliceStable(ps, func(i, j int) bool {
			a, z := ps[i].Pos, ps[j].Pos
			return a.Line < z.Line || a.Line == z.Line && a.Column < z.Column
		})
	}
	return ps
}

// walkTexts calls visit for every string under v, with its field path as
// problems name it (the fields' JSON names).
func walkTexts(v reflect.Value, path string, visit func(path, text string)) {
	join := func(name string) string {
		if path == "" {
			return name
		}
		return path + "." + name
	}
	switch v.Kind() {
	case reflect.String:
		if v.Len() > 0 {
			visit(path, v.String())
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkTexts(v.Elem(), path, visit)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkTexts(v.Index(i), fmt.Sprintf("%s[%d]", path, i), visit)
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		for _, k := range keys {
			if k.Kind() == reflect.String {
				visit(join(k.String()), k.String())
			}
			walkTexts(v.MapIndex(k), join(fmt.Sprint(k)), visit)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || f.Type.PkgPath() == "github.com/shopspring/decimal" {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			walkTexts(v.Field(i), join(name), visit)
		}
	}
}
