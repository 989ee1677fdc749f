package decode

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// YAML parses data as one YAML document into a node tree. It returns nil
// and no error for input with no document (empty, or only comments). More
// than one document is an error: a budget is one mapping.
func YAML(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, yamlSyntaxError(data, err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		pos := Position{next.Line, next.Column}
		if len(next.Content) > 0 {
			pos = Position{next.Content[0].Line, next.Content[0].Column}
		}
		return nil, &SyntaxError{Position: pos, Message: "这里（--- 之后）开始了第二个 YAML 文档：一个文件只能有一个文档"}
	case !errors.Is(err, io.EOF):
		return nil, yamlSyntaxError(data, err)
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

var (
	yamlLine      = regexp.MustCompile(`^yaml: line ([0-9]+): (.*)$`)
	unknownAnchor = regexp.MustCompile(`^yaml: unknown anchor '(.*)' referenced$`)
)

// parserProblems are the messages of yaml.v3's parser (as opposed to its
// scanner). yaml.v3 reports the line of a parser problem counting from 0,
// and of a scanner problem counting from 1.
var parserProblems = []string{
	"did not find expected <stream-start>",
	"did not find expected <document start>",
	"found undefined tag handle",
	"did not find expected node content",
	"did not find expected '-' indicator",
	"did not find expected key",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"found duplicate %YAML directive",
	"found incompatible YAML document",
	"found duplicate %TAG directive",
}

// yamlSyntaxError turns a yaml.v3 error, which gives at most a line, into
// a SyntaxError with the line and, where it can be found, the column.
func yamlSyntaxError(data []byte, err error) *SyntaxError {
	text := err.Error()
	if m := unknownAnchor.FindStringSubmatch(text); m != nil {
		e := &SyntaxError{Message: "别名 *" + m[1] + " 没有对应的锚点 &" + m[1]}
		if i := bytes.Index(data, []byte("*"+m[1])); i >= 0 {
			e.Position = PositionOf(data, i)
		}
		return e
	}
	parserText := strings.TrimPrefix(text, "yaml: ")
	e := &SyntaxError{}
	if m := yamlLine.FindStringSubmatch(text); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		parserText = m[2]
		for _, p := range parserProblems {
			if parserText == p {
				e.Line++
			}
		}
	} else if isParseProblem(parserText) {
		// yaml.v3 leaves out the line when it is the first.
		e.Line = 1
	}
	explanation := explainYAML(parserText)
	// The mistake is where yaml.v3 noticed it or before; for a block it
	// names the block's first line, and the mistake is inside; a tab it
	// may name lines early. A layout mistake found there is the cause, at
	// its place.
	if p, ok := firstLayoutProblem(data); ok && (e.Line == 0 || p.Line <= e.Line+1 || reportsBlockStart(parserText) && p.Line >= e.Line ||
		strings.Contains(parserText, "tab character") && strings.Contains(p.message, "制表符")) {
		e.Position, explanation = p.Position, p.message
	}
	e.Message = original(explanation, parserText)
	return e
}

// isParseProblem tells a scanner or parser message, which yaml.v3 prints
// without a line when the problem is on the first line, from the other
// errors it returns (which have no line at all).
func isParseProblem(msg string) bool {
	for _, p := range parserProblems {
		if msg == p {
			return true
		}
	}
	for _, prefix := range []string{"found ", "did not find ", "could not find ", "mapping ", "block sequence ", "control characters "} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}

// reportsBlockStart tells the yaml.v3 messages given at the first line of
// the block that holds the mistake, not at the mistake.
func reportsBlockStart(parserText string) bool {
	return parserText == "did not find expected key" || parserText == "did not find expected '-' indicator"
}

// yamlExplanations says in the reader's words what yaml.v3's messages mean
// and what usually causes them, by the start of the message.
var yamlExplanations = []struct{ prefix, explanation string }{
	{"did not find expected key", "这里应当是“键: 值”：多半是缩进没有对齐，或上一行少了冒号"},
	{"mapping values are not allowed in this context", "这里不能再写“键: 值”：一行只能有一个“键: ”，值里含有“: ”时请给整个值加上引号"},
	{"block sequence entries are not allowed in this context", "这里不能开始“- ”列表：列表应另起一行，并比上一级多缩进"},
	{"did not find expected '-' indicator", "列表项没有对齐：每一项都应以同样缩进的“- ”开头"},
	{"did not find expected ',' or ']'", "方括号 [ ] 没有正确结束：缺少逗号或“]”"},
	{"did not find expected ',' or '}'", "花括号 { } 没有正确结束：缺少逗号或“}”"},
	{"did not find expected node content", "这里缺少值"},
	{"could not find expected ':'", "缺少冒号：每个键后面应写“: ”再写值"},
	{"found unknown escape character", "双引号里有无法识别的转义符“\\”：请改用单引号，或把“\\”写成“\\\\”"},
	{"found unexpected end of stream", "文件意外结束：有引号或括号没有闭合"},
	{"found character that cannot start any token", "这里有 YAML 不允许用在开头的字符：含有 @、` 等符号的值请加上引号"},
	{"found a tab character", "这里有制表符（Tab）：YAML 只能用空格缩进，请把 Tab 换成空格"},
	{"control characters are not allowed", "文件里有不允许的控制字符：请删去"},
	{"found undefined tag handle", "这里有未定义的标记（以 ! 开头）：值以 ! 开头时请加上引号"},
	{"did not find expected alphabetic or numeric character", "锚点（&）或别名（*）的名称不对：值以 & 或 * 开头时请加上引号"},
	{"found unexpected ':'", "这里多了一个冒号：值里含有冒号时请给整个值加上引号"},
}

// explainYAML words a yaml.v3 message for the reader; a message it does not
// know is named as a YAML syntax error only, the parser's words following.
func explainYAML(parserText string) string {
	for _, e := range yamlExplanations {
		if strings.HasPrefix(parserText, e.prefix) {
			return e.explanation
		}
	}
	return "请检查这里的写法"
}
