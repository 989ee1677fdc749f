package budget

import (
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// CheckTexts holds every text of the budget to a rule the input alone cannot
// know, such as "the fonts can draw it": bad returns what is wrong with one
// text ("" when nothing is), and each wrong text is a problem at its own
// place, with the given code. Texts are the string fields of the budget,
// map keys and values among them, in a fixed order; bad is asked once per
// distinct text.
func (b *Budget) CheckTexts(code Code, bad func(text string) string) Problems {
	var ps Problems
	verdict := map[string]string{}
	reported := map[string]bool{}
	w := textWalker{visit: func(text string, path func() string) {
		msg, seen := verdict[text]
		if !seen {
			msg = bad(text)
			verdict[text] = msg
		}
		if msg != "" {
			pos, at := b.locate(path())
			// A unit's budget holds its name twice (department.name
			// and units[0].name), both the department's units[i].name.
			if reported[at.String()] {
				return
			}
			reported[at.String()] = true
			ps = append(ps, Problem{Code: code, Severity: SeverityError, Pos: pos, Path: at, Message: msg})
		}
	}}
	w.walk(reflect.ValueOf(b).Elem())
	if b.source != nil {
		sortByPosition(ps)
	}
	return ps
}

// textWalker calls visit for every string under a value, with its field
// path as problems name it (the fields' JSON names), which it writes only
// when asked: most texts are fine.
type textWalker struct {
	visit func(text string, path func() string)
	path  []string // the path's elements: ".name", "[3]"
	// fields are the walked fields of each struct type met, worked out
	// once: a budget's 20 000 lines are each a struct of one type.
	fields map[reflect.Type][]textField
}

// textField is a struct field that holds texts, and its path element.
type textField struct {
	index int
	elem  string // ".name"
}

// textFields lists the fields of struct type t that walk goes into.
func (w *textWalker) textFields(t reflect.Type) []textField {
	if fs, ok := w.fields[t]; ok {
		return fs
	}
	var fs []textField
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || f.Type.PkgPath() == "github.com/shopspring/decimal" {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		fs = append(fs, textField{i, "." + name})
	}
	if w.fields == nil {
		w.fields = map[reflect.Type][]textField{}
	}
	w.fields[t] = fs
	return fs
}

func (w *textWalker) pathString() string { return strings.TrimPrefix(strings.Join(w.path, ""), ".") }

func (w *textWalker) in(elem string, v reflect.Value) {
	w.path = append(w.path, elem)
	w.walk(v)
	w.path = w.path[:len(w.path)-1]
}

func (w *textWalker) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.Len() > 0 {
			w.visit(v.String(), w.pathString)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			w.walk(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			w.in("["+strconv.Itoa(i)+"]", v.Index(i))
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			if k.Kind() != reflect.String {
				continue
			}
			w.path = append(w.path, "."+k.String())
			w.visit(k.String(), w.pathString)
			w.walk(v.MapIndex(k))
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.Struct:
		for _, f := range w.textFields(v.Type()) {
			w.in(f.elem, v.Field(f.index))
		}
	}
}
