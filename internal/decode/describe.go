package decode

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// mismatch reports that n is not what v's type needs.
func (d *decoder) mismatch(n *yaml.Node, v reflect.Value, path string) {
	msg := fmt.Sprintf("应为%s，实际是%s", d.expected(v.Type()), describe(n))
	if v.Kind() == reflect.Slice && n.Kind == yaml.ScalarNode && !isNull(n) {
		msg += "：列表请每行写一项，以“- ”开头，或写成 [甲, 乙]"
	}
	d.lose(n, path, msg)
}

// expected names what a Go type needs, in the words of the person writing
// the file.
func (d *decoder) expected(t reflect.Type) string {
	if t == decimalType {
		return d.opts.DecimalName
	}
	switch t.Kind() {
	case reflect.Pointer:
		return d.expected(t.Elem())
	case reflect.Struct, reflect.Map:
		return "一组“键: 值”（每行一个）"
	case reflect.Slice:
		return "列表"
	case reflect.String:
		return "文字"
	case reflect.Bool:
		return " true 或 false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "整数"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "零或正整数"
	}
	return t.String()
}

// describe names what a node is: "列表", "文字“abc”".
func describe(n *yaml.Node) string {
	n = resolve(n)
	switch n.Kind {
	case yaml.MappingNode:
		return "一组“键: 值”"
	case yaml.SequenceNode:
		return "列表"
	case yaml.DocumentNode:
		return "文档"
	}
	v := abbreviate(n.Value)
	switch n.ShortTag() {
	case "!!null":
		return "空值"
	case "!!bool":
		return " " + v
	case "!!int", "!!float":
		return "数字 " + v
	case "!!str":
		return "文字" + Quote(v)
	}
	return Quote(v)
}

// abbreviate shortens long text for a message.
func abbreviate(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	var b strings.Builder
	for i, r := range []rune(s) {
		if i == most {
			break
		}
		b.WriteRune(r)
	}
	b.WriteString("…")
	return b.String()
}
