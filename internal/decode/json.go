package decode

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// SyntaxError is input that is not well-formed YAML or JSON. Line or Column
// is zero when the parser did not say.
type SyntaxError struct {
	Position
	Message string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Message)
}

// JSON parses data as JSON into a node tree that Node can decode, with the
// line and column of every value. encoding/json does the parsing, so JSON
// is exactly what encoding/json accepts (\/ and \u escapes, surrogate pairs,
// keys of any length), which yaml.v3 fed JSON is not. Duplicate keys are
// kept, for Node to report.
func JSON(data []byte) (*yaml.Node, error) {
	if err := json.Unmarshal(data, new(json.RawMessage)); err != nil {
		var syn *json.SyntaxError
		if !errors.As(err, &syn) {
			return nil, &SyntaxError{Message: original(explainJSON(err.Error()), err.Error())}
		}
		return nil, &SyntaxError{Position: jsonErrorPosition(data, syn), Message: original(explainJSON(syn.Error()), syn.Error())}
	}
	p := &jsonParser{data: data, dec: json.NewDecoder(bytes.NewReader(data)), cur: newCursor(data)}
	p.dec.UseNumber()
	n, err := p.value()
	if err != nil { // the input was checked above; this is a safety net
		return nil, &SyntaxError{Message: original(explainJSON(err.Error()), err.Error())}
	}
	return n, nil
}

// jsonErrorPosition points at the byte a json.SyntaxError complains about:
// the one before Offset, or for input that ends too soon, the end of the
// last thing written.
func jsonErrorPosition(data []byte, syn *json.SyntaxError) Position {
	off := int(syn.Offset) - 1
	if strings.Contains(syn.Error(), "unexpected end") {
		off = len(bytes.TrimRight(data, " \t\r\n"))
	}
	return PositionOf(data, max(off, 0))
}

type jsonParser struct {
	data []byte
	dec  *json.Decoder
	cur  *cursor
}

// start returns the position of the next token: the decoder's offset is
// the end of the last token, before any separator and white space.
func (p *jsonParser) start() Position {
	off := int(p.dec.InputOffset())
	for off < len(p.data) && strings.IndexByte(" \t\r\n,:", p.data[off]) >= 0 {
		off++
	}
	return p.cur.at(off)
}

func (p *jsonParser) value() (*yaml.Node, error) {
	pos := p.start()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, err
	}
	n := &yaml.Node{Line: pos.Line, Column: pos.Column}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.Kind, n.Tag, n.Style = yaml.MappingNode, "!!map", yaml.FlowStyle
			for p.dec.More() {
				k, err := p.value()
				if err != nil {
					return nil, err
				}
				v, err := p.value()
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, k, v)
			}
		case '[':
			n.Kind, n.Tag, n.Style = yaml.SequenceNode, "!!seq", yaml.FlowStyle
			for p.dec.More() {
				v, err := p.value()
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, v)
			}
		default:
			return nil, fmt.Errorf("unexpected %v", t)
		}
		if _, err := p.dec.Token(); err != nil { // the closing delimiter
			return nil, err
		}
	case string:
		n.Kind, n.Tag, n.Value, n.Style = yaml.ScalarNode, "!!str", t, yaml.DoubleQuotedStyle
	case json.Number:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!int", t.String()
		if strings.ContainsAny(n.Value, ".eE") {
			n.Tag = "!!float"
		}
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", fmt.Sprint(t)
	case nil:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
	}
	return n, nil
}

// jsonMistake matches encoding/json's "invalid character 'X' <context>".
var jsonMistake = regexp.MustCompile(`^invalid character '(.+)' (.*)$`)

// explainJSON says in the reader's words what an encoding/json syntax error
// means and what usually causes it.
func explainJSON(parserText string) string {
	if strings.HasPrefix(parserText, "unexpected end of JSON input") {
		return "文件意外结束：缺少右括号“}”或“]”，或有引号没有闭合"
	}
	m := jsonMistake.FindStringSubmatch(parserText)
	if m == nil {
		return "请检查这里的写法"
	}
	char, context := m[1], m[2]
	switch {
	case context == "looking for beginning of object key string" && char == "}":
		return "最后一项后面多了逗号：JSON 中“}”前不能有逗号"
	case context == "looking for beginning of object key string":
		return "这里应是用双引号括起的键名，却是“" + char + "”"
	case context == "looking for beginning of value" && char == "]":
		return "最后一项后面多了逗号：JSON 中“]”前不能有逗号"
	case context == "looking for beginning of value":
		return "这里应是一个值，却是“" + char + "”：文字要用双引号括起"
	case context == "after object key:value pair":
		return "上一项后面缺少逗号“,”，或缺少“}”"
	case context == "after array element":
		return "列表的上一项后面缺少逗号“,”，或缺少“]”"
	case context == "after object key":
		return "键名后面缺少冒号“:”"
	case context == "after top-level value":
		return "整个内容结束后还有多余的字符"
	case strings.HasPrefix(context, "in string literal"):
		return "文字中有不允许的字符（如换行或制表符）：请在文字里写成 \\n 或 \\t"
	case strings.HasPrefix(context, "in string escape code"):
		return "文字中有无法识别的转义符“\\”：反斜杠请写成“\\\\”"
	}
	return "这里有不该出现的字符“" + char + "”"
}

// Tree parses data as JSON when isJSON, else as YAML (see JSON and YAML).
// A syntax error comes back as a *SyntaxError whose Message names the
// syntax, "YAML 语法错误：…", as a message to the reader begins.
func Tree(data []byte, isJSON bool) (*yaml.Node, *SyntaxError) {
	parse, kind := YAML, "YAML"
	if isJSON {
		parse, kind = JSON, "JSON"
	}
	root, err := parse(data)
	if err == nil {
		return root, nil
	}
	syn := &SyntaxError{Message: err.Error()}
	errors.As(err, &syn)
	return nil, &SyntaxError{Position: syn.Position, Message: kind + " 语法错误：" + syn.Message}
}
