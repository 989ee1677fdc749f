package decode

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"
)

var decimalType = reflect.TypeFor[decimal.Decimal]()

// text decodes a string from the scalar's literal text, whatever YAML
// resolved it to: code: 019 is the text "019", not the number 19.
func (d *decoder) text(n *yaml.Node, v reflect.Value, path string) {
	switch {
	case isNull(n):
		v.SetString("")
	case n.Kind != yaml.ScalarNode:
		d.mismatch(n, v, path)
	default:
		if i := strings.IndexFunc(n.Value, unprintable); i >= 0 {
			r, _ := utf8.DecodeRuneInString(n.Value[i:])
			d.lose(n, path, fmt.Sprintf("文字中有控制字符 U+%04X，任何文档都无法显示（多是从其他程序复制时带进来的）：请删去", r))
			return
		}
		v.SetString(n.Value)
	}
}

// unprintable reports the characters a text field may not hold: control
// characters other than tab and line feed (a copy from another program can
// bring them in), and the noncharacters U+FFFE and U+FFFF. Word refuses
// them in its XML, and a PDF would print nothing for them.
func unprintable(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7f && r <= 0x9f) || r == 0xfffe || r == 0xffff
}

var wholeNumber = regexp.MustCompile(`^-?[0-9]+$`)

func (d *decoder) integer(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind == yaml.ScalarNode && !wholeNumber.MatchString(n.Value) {
		if w := Narrow(n.Value); w != n.Value && wholeNumber.MatchString(w) {
			d.lose(n, path, fmt.Sprintf("应为%s，实际是%s（用了全角数字：请改用半角数字，写成 %s）", d.expected(v.Type()), describe(n), w))
			return
		}
	}
	if n.Kind != yaml.ScalarNode || !wholeNumber.MatchString(n.Value) {
		d.mismatch(n, v, path)
		return
	}
	bits := v.Type().Bits()
	if v.CanInt() {
		i, err := strconv.ParseInt(n.Value, 10, bits)
		if err != nil {
			d.lose(n, path, fmt.Sprintf("%s 太大，超出了允许的范围", n.Value))
			return
		}
		v.SetInt(i)
		return
	}
	u, err := strconv.ParseUint(n.Value, 10, bits)
	if err != nil {
		d.lose(n, path, fmt.Sprintf("%s 是负数或太大，超出了允许的范围", n.Value))
		return
	}
	v.SetUint(u)
}

// boolean accepts only YAML 1.2 and JSON booleans: true and false.
func (d *decoder) boolean(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
		d.mismatch(n, v, path)
		return
	}
	switch strings.ToLower(n.Value) {
	case "true":
		v.SetBool(true)
	case "false":
		v.SetBool(false)
	default:
		d.mismatch(n, v, path)
	}
}

// maxDecimalLength bounds an amount's text: no budget needs more digits,
// and unbounded text would make later arithmetic slow.
const maxDecimalLength = 40

// plainDecimal is the only notation amounts may use: digits, optionally a
// minus sign and a fraction.
var plainDecimal = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// decimal decodes an amount from the scalar's literal text. A quoted number
// ("12.50") is accepted too: exporters quote amounts to keep them exact.
func (d *decoder) decimal(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.ScalarNode || isNull(n) || n.ShortTag() == "!!bool" {
		d.mismatch(n, v, path)
		return
	}
	text := n.Value
	if !plainDecimal.MatchString(text) {
		if hint := numberHint(text); hint != "" {
			d.lose(n, path, fmt.Sprintf("应为%s，实际是%s（%s）", d.opts.DecimalName, describe(n), hint))
		} else {
			d.mismatch(n, v, path)
		}
		return
	}
	if len(text) > maxDecimalLength {
		d.lose(n, path, fmt.Sprintf("%s 位数太多，不是有效的金额", abbreviate(text)))
		return
	}
	x, err := decimal.NewFromString(text)
	if err != nil { // unreachable after the pattern check, but never panic
		d.lose(n, path, fmt.Sprintf("应为%s，实际是%s", d.opts.DecimalName, describe(n)))
		return
	}
	v.Set(reflect.ValueOf(x))
}

var (
	exponent    = regexp.MustCompile(`^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?([0-9]{1,2})$`)
	anyExponent = regexp.MustCompile(`^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]+$`)
	bareFrac    = regexp.MustCompile(`^-?\.[0-9]+$`)
	bareDot     = regexp.MustCompile(`^-?[0-9]+\.$`)
	plusSign    = regexp.MustCompile(`^\+[0-9]+(\.[0-9]+)?$`)
	radix       = regexp.MustCompile(`^[-+]?0[xXoObB][0-9a-fA-F_]+$`)
	grouped     = regexp.MustCompile(`^-?[0-9]{1,3}([,_][0-9]{3})+(\.[0-9]+)?$`)
	special     = regexp.MustCompile(`^[-+]?\.?(?i:inf|infinity|nan)$`)
)

var (
	withUnit       = regexp.MustCompile(`^(-?[0-9]+(\.[0-9]+)?)\s*(万元|元|万|千元)$`)
	chineseNumeral = regexp.MustCompile(`^[负零〇一二三四五六七八九十百千万亿两点]+$`)
)

// chineseDigits maps the numerals a number is written with digit by digit
// (九点五三) to the digits.
var chineseDigits = strings.NewReplacer("〇", "0", "零", "0", "一", "1", "二", "2", "三", "3", "四", "4",
	"五", "5", "六", "6", "七", "7", "八", "8", "九", "9", "点", ".", "负", "-")

// Narrow replaces full-width forms (９.５３, ９．５３, Ｐ２０２３) by their
// ASCII characters, and the ideographic space by a space.
func Narrow(s string) string {
	return strings.Map(narrow, s)
}

// numberHint says how to write text, which looks like a number, as a plain
// decimal; "" when text does not look like a number at all.
func numberHint(text string) string {
	if w := Narrow(text); w != text && plainDecimal.MatchString(w) {
		return "用了全角数字：请改用半角数字，写成 " + w
	}
	if m := withUnit.FindStringSubmatch(text); m != nil {
		return "金额只写数字，不写单位“" + m[3] + "”：请写成 " + m[1]
	}
	if chineseNumeral.MatchString(text) {
		if w := chineseDigits.Replace(text); plainDecimal.MatchString(w) && !strings.ContainsAny(text, "十百千万亿两") {
			return "请用阿拉伯数字书写，写成 " + w
		}
		return "请用阿拉伯数字书写，如 9.53"
	}
	switch {
	case exponent.MatchString(text):
		if x, err := decimal.NewFromString(strings.TrimPrefix(text, "+")); err == nil && len(x.String()) <= 24 {
			return "不能用科学记数法，请写成 " + x.String()
		}
		return "不能用科学记数法，请把数字完整写出"
	case anyExponent.MatchString(text):
		return "不能用科学记数法，请把数字完整写出"
	case bareFrac.MatchString(text):
		return "请写成 " + strings.Replace(text, ".", "0.", 1)
	case bareDot.MatchString(text):
		return "请写成 " + strings.TrimSuffix(text, ".") + "，去掉末尾的小数点"
	case plusSign.MatchString(text):
		return "请写成 " + text[1:] + "，去掉加号"
	case radix.MatchString(text):
		return "只能用十进制数字"
	case grouped.MatchString(text):
		return "请写成 " + strings.NewReplacer(",", "", "_", "").Replace(text) + "，去掉千位分隔符"
	case special.MatchString(text):
		return "这不是一个数"
	}
	return ""
}
