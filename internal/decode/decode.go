// Package decode decodes a YAML node tree (from YAML or JSON input) into Go
// values by reflection, strictly: unknown and duplicate keys and values of the
// wrong type are errors, every error names the field path and the line and
// column, and decoding goes on after an error so that the person fixing the
// file sees every problem at once.
//
// Keys are the fields' json tags, so one schema serves YAML and JSON. Text is
// taken from the scalar's literal text, so a code written 019 stays "019",
// and amounts (decimal.Decimal) are parsed from their literal text, never via
// float64.
package decode

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Position is where a node stands in the input. Line and Column count from
// 1; Column counts characters, not bytes.
type Position struct {
	Line   int
	Column int
}

// Error is one problem found while decoding.
type Error struct {
	// Path is the field path: "lines[3].economic",
	// "income.this_year.一般公共预算财政拨款"; "" for the whole document.
	Path string
	Position
	Message string
	// Unknown is the field path whose value this error leaves unread: the
	// field itself for a value of the wrong kind, the field a mistyped key
	// was most likely meant for; "" when no field is lost. Whoever checks
	// the decoded values treats that field as unknown, neither right nor
	// wrong, so that one mistake gives one problem.
	Unknown string
}

func (e Error) Error() string {
	if e.Path == "" {
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Message)
	}
	return fmt.Sprintf("%d:%d: %s: %s", e.Line, e.Column, e.Path, e.Message)
}

// DefaultMaxAliasNodes bounds how many nodes aliases may expand to, so that
// an alias bomb (each anchor repeating the one before several times) fails
// quickly instead of eating memory.
const DefaultMaxAliasNodes = 10000

// Options tune decoding.
type Options struct {
	// DecimalName is how messages name what a decimal.Decimal holds, as in
	// "应为数字（以万元为单位的金额）"; "数字" when empty.
	DecimalName string
	// MaxAliasNodes bounds the nodes reached through aliases;
	// DefaultMaxAliasNodes when zero.
	MaxAliasNodes int
	// MaxErrors is how many errors to report before stopping;
	// DefaultMaxErrors when zero. Past a few hundred, more errors only
	// bury the first ones.
	MaxErrors int
}

// DefaultMaxErrors is the default for Options.MaxErrors.
const DefaultMaxErrors = 1000

// Result is what decoding found: where each decoded path stands, and every
// error.
type Result struct {
	// Positions maps every path decoded into to the position of its value.
	Positions map[string]Position
	Errors    []Error
	// Incomplete is set when decoding stopped early (too many errors, or
	// aliases expanding too far): what was not reached is unknown, so
	// nothing more should be concluded from the values.
	Incomplete bool
}

// Node decodes n (a document, or the node inside it) into out, which must be
// a non-nil pointer. Missing keys leave fields as they are. It never panics on
// bad input; a Go type it cannot decode into is reported as an error.
func Node(n *yaml.Node, out any, opts Options) Result {
	if opts.DecimalName == "" {
		opts.DecimalName = "数字"
	}
	if opts.MaxAliasNodes <= 0 {
		opts.MaxAliasNodes = DefaultMaxAliasNodes
	}
	if opts.MaxErrors <= 0 {
		opts.MaxErrors = DefaultMaxErrors
	}
	d := &decoder{
		opts:       opts,
		positions:  make(map[string]Position, values(n)),
		expanding:  map[*yaml.Node]bool{},
		typeFields: map[reflect.Type][]field{},
	}
	v := reflect.ValueOf(out)
	switch {
	case v.Kind() != reflect.Pointer || v.IsNil():
		d.fail(n, "", fmt.Sprintf("decode: cannot decode into %T, need a non-nil pointer", out))
	case n == nil:
		d.errs = append(d.errs, Error{Message: "没有可读取的内容"})
	default:
		if n.Kind == yaml.DocumentNode {
			if len(n.Content) == 0 {
				d.fail(n, "", "文件中没有内容")
				break
			}
			n = n.Content[0]
		}
		d.value(n, v.Elem(), "")
	}
	return Result{Positions: d.positions, Errors: d.errs, Incomplete: d.stopped}
}

// values counts the values of tree n, not following aliases: the paths
// decoding records a position for, at most, so that the map of them is
// made once at its size (growing it was a tenth of decoding a large budget).
func values(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	count := 1
	switch n.Kind {
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			count += values(n.Content[i])
		}
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			count += values(c)
		}
	}
	return count
}

type decoder struct {
	opts      Options
	positions map[string]Position
	errs      []Error

	// aliasDepth is above zero while decoding what an alias refers to;
	// expanded counts the nodes decoded so.
	aliasDepth int
	expanded   int
	// expanding holds the anchored nodes being decoded, to catch an alias
	// that refers to a node containing it.
	expanding map[*yaml.Node]bool
	// stopped is set once the alias budget or the error budget is spent:
	// going on would only bury the errors already found.
	stopped bool
	// typeFields are the decodable fields of each struct type met.
	typeFields map[reflect.Type][]field
}

func (d *decoder) fail(n *yaml.Node, path, msg string) {
	d.failField(n, path, msg, "")
}

// lose reports a value at path that cannot be read: the field becomes
// unknown.
func (d *decoder) lose(n *yaml.Node, path, msg string) {
	d.failField(n, path, msg, path)
}

// failField reports a problem at path that leaves the field unknown unread
// ("" when none is).
func (d *decoder) failField(n *yaml.Node, path, msg, unknown string) {
	if d.stopped {
		return
	}
	e := Error{Path: path, Message: msg, Unknown: unknown}
	if n != nil {
		e.Position = Position{n.Line, n.Column}
	}
	if len(d.errs) == d.opts.MaxErrors {
		e.Message = fmt.Sprintf("问题超过 %d 个，检查到此为止：请先改正上面的问题", d.opts.MaxErrors)
		d.stopped = true
	}
	d.errs = append(d.errs, e)
}

// value decodes n into v, recording the position of path.
func (d *decoder) value(n *yaml.Node, v reflect.Value, path string) {
	if d.stopped {
		return
	}
	// The first record wins: for an alias, that is where the alias
	// stands, not the anchor it refers to.
	if _, ok := d.positions[path]; !ok {
		d.positions[path] = Position{n.Line, n.Column}
	}
	if n.Kind == yaml.AliasNode {
		d.alias(n, v, path)
		return
	}
	if d.aliasDepth > 0 {
		d.expanded++
		if d.expanded > d.opts.MaxAliasNodes {
			d.lose(n, path, fmt.Sprintf("别名展开后超过 %d 个值：请把数据直接写出来，不要反复引用锚点", d.opts.MaxAliasNodes))
			d.stopped = true
			return
		}
	}
	if n.Anchor != "" {
		d.expanding[n] = true
		defer delete(d.expanding, n)
	}
	if v.Type() == decimalType {
		d.decimal(n, v, path)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if isNull(n) {
			v.SetZero()
			return
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.value(n, v.Elem(), path)
	case reflect.Struct:
		d.structure(n, v, path)
	case reflect.Slice:
		d.list(n, v, path)
	case reflect.Map:
		d.mapping(n, v, path)
	case reflect.String:
		d.text(n, v, path)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		d.integer(n, v, path)
	case reflect.Bool:
		d.boolean(n, v, path)
	default:
		d.lose(n, path, fmt.Sprintf("decode: cannot decode into Go type %s", v.Type()))
	}
}

// alias decodes what alias n refers to, guarding against cycles.
func (d *decoder) alias(n *yaml.Node, v reflect.Value, path string) {
	target := n.Alias
	switch {
	case target == nil:
		d.lose(n, path, fmt.Sprintf("别名 *%s 没有对应的锚点 &%s", n.Value, n.Value))
		return
	case d.expanding[target]:
		d.lose(n, path, fmt.Sprintf("别名 *%s 引用了包含它自己的值", n.Value))
		return
	}
	d.aliasDepth++
	d.value(target, v, path)
	d.aliasDepth--
}

// resolve follows an alias for a node that is inspected, not decoded (a
// mapping key). Anchors cannot be placed on aliases, so one step suffices.
func resolve(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// fields is fields(t), worked out once per type: a budget's every line is
// a struct of the same type.
func (d *decoder) fields(t reflect.Type) []field {
	fs, ok := d.typeFields[t]
	if !ok {
		fs = fields(t)
		d.typeFields[t] = fs
	}
	return fs
}

// field is a struct field decoded from the key name.
type field struct {
	name  string
	index int
}

// fields lists the decodable fields of struct type t in declaration order.
// The key is the json tag's name, else the Go field name; json:"-" and
// unexported fields are skipped.
func fields(t reflect.Type) []field {
	var out []field
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name := f.Name
		if tag, ok := f.Tag.Lookup("json"); ok {
			if tag == "-" {
				continue
			}
			if n, _, _ := strings.Cut(tag, ","); n != "" {
				name = n
			}
		}
		out = append(out, field{name, i})
	}
	return out
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func index(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// keySet is the keys of a mapping taken so far, to tell duplicates: looked
// through in turn while few (a budget line has a handful: a map for each of
// 20 000 lines was a tenth of decoding them), in a map beyond.
type keySet struct {
	n     int
	small [16]*yaml.Node
	more  map[string]*yaml.Node
}

func (s *keySet) find(key string) *yaml.Node {
	if s.more != nil {
		return s.more[key]
	}
	for _, k := range s.small[:s.n] {
		if k.Value == key {
			return k
		}
	}
	return nil
}

func (s *keySet) add(k *yaml.Node) {
	if s.more == nil && s.n < len(s.small) {
		s.small[s.n] = k
		s.n++
		return
	}
	if s.more == nil {
		s.more = map[string]*yaml.Node{}
		for _, t := range s.small[:s.n] {
			s.more[t.Value] = t
		}
	}
	s.more[k.Value] = k
}

// keys walks the entries of mapping n in order, reporting keys that are not
// text, merge keys and duplicates, and calls each for the rest.
func (d *decoder) keys(n *yaml.Node, path string, each func(key string, k, v *yaml.Node)) {
	var taken keySet
	// prevValue is the value of the entry before, if a plain scalar
	// that a thousands separator may have cut short.
	var prevKey string
	var prevValue *yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		if d.stopped {
			return
		}
		k, v := resolve(n.Content[i]), n.Content[i+1]
		if prevValue != nil && splitNumber(n, prevValue.Value, k, v) {
			// {amount: 1,000.00}: in braces the comma ends the entry, and
			// "000.00" became a key of its own; so did every further
			// group of {amount: 1,000,000}.
			whole := prevValue.Value + "," + k.Value
			for i+3 < len(n.Content) && splitNumber(n, whole, resolve(n.Content[i+2]), n.Content[i+3]) {
				i += 2
				whole += "," + n.Content[i].Value
			}
			d.lose(prevValue, join(path, prevKey), fmt.Sprintf("%s中的逗号在花括号 { } 里表示下一项开始，把这个数截断了：请去掉千位分隔符，写成 %s",
				Quote(prevKey+": "+whole), strings.ReplaceAll(whole, ",", "")))
			prevKey, prevValue = "", nil
			continue
		}
		prevKey, prevValue = "", nil
		switch {
		case k.Kind != yaml.ScalarNode:
			d.fail(k, path, fmt.Sprintf("键必须是文字，这里却是%s", describe(k)))
			continue
		case k.ShortTag() == "!!merge":
			d.fail(k, path, "不支持合并键（<<）：请把各个键逐一写出")
			continue
		case isNull(k):
			d.fail(k, path, "冒号前缺少键名")
			continue
		}
		if f := taken.find(k.Value); f != nil {
			d.fail(k, join(path, k.Value), fmt.Sprintf("键%s重复（第 %d 行已经写过）：请删去其中一个", Quote(k.Value), f.Line))
			continue
		}
		taken.add(k)
		if v.Kind == yaml.ScalarNode && v.Style == 0 {
			prevKey, prevValue = k.Value, v
		}
		each(k.Value, k, v)
	}
}

var (
	digitGroup     = regexp.MustCompile(`^[0-9]{3}(\.[0-9]+)?$`)
	leadingDigits  = regexp.MustCompile(`^-?[0-9]{1,3}$`)
	continuedGroup = regexp.MustCompile(`^-?[0-9]{1,3}(,[0-9]{3})+$`)
)

// splitNumber reports whether key k (with value v) of flow mapping n is the
// rest of the number whose text so far is prev, cut off by a thousands
// separator: in {amount: 1,000.00} YAML reads amount: 1 and a key "000.00"
// with no value.
func splitNumber(n *yaml.Node, prev string, k, v *yaml.Node) bool {
	return n.Style&yaml.FlowStyle != 0 && k.Kind == yaml.ScalarNode && k.Style == 0 &&
		digitGroup.MatchString(k.Value) && isNull(v) && v.Value == "" &&
		(leadingDigits.MatchString(prev) || continuedGroup.MatchString(prev))
}

func (d *decoder) structure(n *yaml.Node, v reflect.Value, path string) {
	if isNull(n) {
		return // an empty value leaves the fields unset, as if absent
	}
	if n.Kind != yaml.MappingNode {
		d.mismatch(n, v, path)
		return
	}
	fs := d.fields(v.Type())
	d.keys(n, path, func(key string, k, val *yaml.Node) {
		for _, f := range fs {
			if f.name == key {
				d.value(val, v.Field(f.index), join(path, key))
				return
			}
		}
		msg, meant := unknownKey(key, fs, absentFields(n, fs))
		unknown := ""
		if meant != "" {
			unknown = join(path, meant)
		}
		d.failField(k, path, msg, unknown)
	})
}

// absentFields lists the fields of fs that mapping n does not name: those a
// mistyped key may have been meant for.
func absentFields(n *yaml.Node, fs []field) []field {
	present := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		present[resolve(n.Content[i]).Value] = true
	}
	var out []field
	for _, f := range fs {
		if !present[f.name] {
			out = append(out, f)
		}
	}
	return out
}

func (d *decoder) list(n *yaml.Node, v reflect.Value, path string) {
	if isNull(n) {
		v.SetZero()
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.mismatch(n, v, path)
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	v.Set(s)
	for i, item := range n.Content {
		d.value(item, s.Index(i), index(path, i))
	}
}

func (d *decoder) mapping(n *yaml.Node, v reflect.Value, path string) {
	if isNull(n) {
		v.SetZero()
		return
	}
	t := v.Type()
	if t.Key().Kind() != reflect.String {
		d.lose(n, path, fmt.Sprintf("decode: cannot decode into Go type %s: keys must be strings", t))
		return
	}
	if n.Kind != yaml.MappingNode {
		d.mismatch(n, v, path)
		return
	}
	m := reflect.MakeMapWithSize(t, len(n.Content)/2)
	v.Set(m)
	d.keys(n, path, func(key string, k, val *yaml.Node) {
		elem := reflect.New(t.Elem()).Elem()
		d.value(val, elem, join(path, key))
		m.SetMapIndex(reflect.ValueOf(key).Convert(t.Key()), elem)
	})
}
