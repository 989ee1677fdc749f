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
	msg := fmt.Sprintf("expected %s, got %s", d.expected(v.Type()), describe(n))
	if v.Kind() == reflect.Slice && n.Kind == yaml.ScalarNode && !isNull(n) {
		msg += `; write a list with one "- " item per line, or [a, b]`
	}
	d.fail(n, path, msg)
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
		return "a mapping (key: value lines)"
	case reflect.Slice:
		return "a list"
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "a whole number"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number, zero or more"
	}
	return t.String()
}

// describe names what a node is: "a list", "the string \"abc\"".
func describe(n *yaml.Node) string {
	n = resolve(n)
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.DocumentNode:
		return "a document"
	}
	v := abbreviate(n.Value)
	switch n.ShortTag() {
	case "!!null":
		return "an empty value"
	case "!!bool":
		return "the value " + v
	case "!!int", "!!float":
		return "the number " + v
	case "!!str":
		return fmt.Sprintf("the string %q", v)
	}
	return fmt.Sprintf("%q", v)
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
