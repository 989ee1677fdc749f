package decode

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// yaml.v3 names the line where it noticed a mistake, not where the mistake
// is: a tab or a mis-indented line is reported at the start of its block,
// sometimes lines early, with no column. firstLayoutProblem reads the lines
// itself, as a person looks at them, to find the mistakes of layout that
// finance staff make (a tab, an indent that aligns with nothing, full-width
// spaces and colons, a missing colon, a quote or bracket left open), at its
// line and column, and named.

// layoutProblem is one mistake of layout.
type layoutProblem struct {
	Position
	message string
}

// level is an open block: a mapping's keys or a sequence's "- " stand at
// indent.
type level struct {
	indent int
	seq    bool
	// plain is where the first line of the level stands when that line is
	// a plain text, not a key: more text may follow it, but no key.
	plain *layoutProblem
	// first is where the level's first line starts, and lines counts its
	// lines so far: when the second line disagrees with the first, the
	// lines after tell which one is out of line.
	first Position
	lines int
}

var (
	// fullWidthKey is an ASCII key followed by a full-width colon, and
	// fullWidthValue any text followed by one and a number (一般公共预算
	// 财政拨款：492.82); the submatch is the colon.
	fullWidthKey   = regexp.MustCompile(`^["']?[A-Za-z_][A-Za-z0-9_]*["']?\s*(：)`)
	fullWidthValue = regexp.MustCompile(`^[^：]+?(：)\s*[-+]?[0-9０-９.．,，]*$`)
)

// firstLayoutProblem returns the first layout mistake of YAML text data; ok
// is false when it finds none. It is a reader's check, not a parser: it is
// only consulted once yaml.v3 has failed, to say where and why.
func firstLayoutProblem(data []byte) (found layoutProblem, ok bool) {
	var stack []level
	// open is the indent of the line that opened a block whose first line
	// comes next, or -1; openedByKey tells "key:" from "-".
	open, openedByKey, openedByProperty := -1, false, false
	// blockScalar is the indent of a "key: |" line while its text lasts,
	// or -1; sc follows quotes and brackets.
	blockScalar := -1
	var sc scanner
	lastPlain := false // the previous line ended in a plain value, which may go on
	all := bytes.Split(data, []byte("\n"))
	var prevText *layoutProblem // the line before was text that may lack a colon
	for no, raw := range all {
		line := strings.TrimRight(string(raw), "\r")
		lineNo := no + 1
		problem := func(col int, format string, args ...any) (layoutProblem, bool) {
			return layoutProblem{Position{lineNo, col}, fmt.Sprintf(format, args...)}, true
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		rest := line[indent:]
		if blockScalar >= 0 {
			if strings.TrimSpace(line) == "" || indent > blockScalar {
				continue
			}
			blockScalar = -1
		}
		if sc.open() {
			if _, isKey := splitKey(strings.TrimPrefix(rest, "- ")); sc.quote == 0 && !sc.goesOn && indent <= sc.flowIndent && (isKey || strings.HasPrefix(rest, "- ")) {
				// The next entry of the block: the bracket was meant to
				// be closed on its own line.
				if sc.bracket == '[' {
					return layoutProblem{sc.flowAt, "这里的方括号“[”到行末都没有对应的“]”：请在这一行末尾补上“]”"}, true
				}
				return layoutProblem{sc.flowAt, "这里的花括号“{”到行末都没有对应的“}”：请在这一行末尾补上“}”"}, true
			}
			sc.scan(rest, line, lineNo)
			if sc.mistake != nil {
				return *sc.mistake, true
			}
			continue
		}
		// White space YAML does not take for indentation (yaml.v3
		// refuses a tab even on a line with nothing else).
		if lead := leadingSpace(line); strings.ContainsAny(lead, "\t\u3000") {
			col := 1 + utf8.RuneCountInString(lead[:strings.IndexAny(lead, "\t\u3000")])
			if strings.ContainsRune(lead, '\t') && (!strings.ContainsRune(lead, '\u3000') || strings.IndexRune(lead, '\t') < strings.IndexRune(lead, '\u3000')) {
				return problem(col, "这一行用制表符（Tab）缩进：YAML 只能用空格缩进，请把 Tab 换成空格")
			}
			return problem(col, "这一行用全角空格“　”缩进：YAML 只认半角空格，请把全角空格换成半角空格")
		}
		if rest == "" || rest[0] == '#' || strings.HasPrefix(rest, "---") || strings.HasPrefix(rest, "...") || rest[0] == '%' {
			continue
		}
		// The "- " that start the line.
		col := indent
		var dashes []int
		for strings.HasPrefix(rest, "- ") || rest == "-" {
			dashes = append(dashes, col)
			trimmed := strings.TrimLeft(strings.TrimPrefix(rest, "-"), " ")
			col += len(rest) - len(trimmed)
			rest = trimmed
		}
		if strings.HasPrefix(rest, "? ") || strings.HasPrefix(rest, ": ") || rest == "?" || rest == ":" {
			// An explicit key: beyond this reader, which then says
			// nothing rather than something wrong.
			return layoutProblem{}, false
		}
		value, isKey := splitKey(rest)
		if rest != "" && isNodeProperty(rest) {
			isKey = false // "&a:" is an anchor named "a:"; what it marks follows
		}
		text := !isKey && rest != "" && strings.IndexByte("\"'[{|>&*!", rest[0]) < 0
		plainText := text && len(dashes) == 0
		m := fullWidthKey.FindStringSubmatchIndex(rest)
		if m == nil && plainText { // "- 完成率：100" may be a list item
			m = fullWidthValue.FindStringSubmatchIndex(rest)
		}
		if m != nil {
			return problem(col+1+utf8.RuneCountInString(rest[:m[2]]), "这里用了全角冒号“：”：YAML 只认半角冒号，请把“：”改成“: ”（半角冒号加一个空格）")
		}
		var plain *layoutProblem
		if plainText {
			plain = &layoutProblem{Position{lineNo, col + 1}, missingColon(rest)}
		}

		here := Position{lineNo, indent + 1}
		aboveText := prevText
		prevText = nil
		if text && keyThenText.MatchString(rest) {
			prevText = &layoutProblem{Position{lineNo, col + 1}, missingColon(rest)}
		}
		// outOfLine blames the first line of level l, which has no other
		// line yet, or this line, whichever the next line disagrees with.
		outOfLine := func(l level, format string, args ...any) (layoutProblem, bool) {
			if l.lines == 1 && nextIndent(all, no+1) == indent {
				return layoutProblem{l.first, fmt.Sprintf("这一行缩进 %d 格，而同一层后面的行缩进 %d 格：同一层的各行应对齐", l.first.Column-1, indent)}, true
			}
			return problem(indent+1, format, args...)
		}

		switch {
		case open >= 0 && (indent > open || indent == open && (openedByKey && len(dashes) > 0 || openedByProperty)):
			stack = append(stack, level{indent, len(dashes) > 0, plain, here, 1})
		default:
			popped, before, deepest := false, alignments(stack), level{}
			for len(stack) > 0 && stack[len(stack)-1].indent > indent {
				if !popped {
					deepest = stack[len(stack)-1]
				}
				stack = stack[:len(stack)-1]
				popped = true
			}
			// "key:" and the "- " under it may share an indent.
			for len(stack) > 1 && stack[len(stack)-1].indent == indent && stack[len(stack)-1].seq && len(dashes) == 0 && stack[len(stack)-2].indent == indent {
				stack = stack[:len(stack)-1]
			}
			switch top := len(stack) - 1; {
			case len(stack) == 0:
				stack = append(stack, level{indent, len(dashes) > 0, plain, here, 1})
			case stack[top].indent == indent && stack[top].plain != nil:
				if !plainText {
					// The text above was meant as a key.
					return *stack[top].plain, true
				}
			case stack[top].indent == indent && !stack[top].seq && plainText:
				return *plain, true
			case stack[top].indent == indent && stack[top].seq && len(dashes) == 0:
				return problem(indent+1, "这一行与上面的列表项对齐，却没有以“- ”开头：如是列表的新一项，请写成“- ……”；如属于上一项，请与上一项的键对齐%s", keyIndent(popped, deepest.indent))
			case stack[top].indent == indent && !stack[top].seq && len(dashes) > 0:
				return problem(indent+1, "这一行以“- ”开头，却与上面的“键: 值”对齐：列表应写在它所属的键下面，并比那个键多缩进")
			case stack[top].indent == indent:
				stack[top].lines++
			case popped:
				return outOfLine(deepest, "缩进没有对齐：这一行缩进 %d 格，与上面任何一层都对不齐（上面各层缩进 %s 格）", indent, before)
			case (isKey || len(dashes) > 0) && aboveText != nil:
				return *aboveText, true // "code 123" above, then its deeper lines
			case !lastPlain || isKey || len(dashes) > 0:
				return outOfLine(stack[top], "这一行比上一行多缩进了 %d 格：同一层的各行应对齐（缩进 %d 格）", indent-stack[top].indent, stack[top].indent)
			default:
				continue // the previous line's plain value goes on here
			}
		}
		open, openedByProperty = -1, false
		if len(dashes) == 0 && rest != "" && isNodeProperty(rest) {
			// "!tag" alone: what it marks follows, at this indent or deeper.
			open, openedByKey, openedByProperty = indent, true, true
		}
		if len(dashes) > 0 {
			for _, d := range dashes[1:] {
				stack = append(stack, level{indent: d, seq: true, first: Position{lineNo, d + 1}, lines: 1})
			}
			if rest == "" || isNodeProperty(rest) { // "- &anchor": the item follows
				open, openedByKey = dashes[len(dashes)-1], false
			} else if isKey {
				stack = append(stack, level{indent: col, first: Position{lineNo, col + 1}, lines: 1}) // the item's keys align here
			}
		}
		lastPlain = false
		if !isKey {
			if r := withoutProperties(rest); r != "" && (r[0] == '|' || r[0] == '>') {
				blockScalar = indent - 1 // "!tag |" alone: its text may stand at its indent
				continue
			}
			lastPlain = sc.scan(rest, line, lineNo)
			if sc.mistake != nil {
				return *sc.mistake, true
			}
			continue
		}
		v := withoutProperties(strings.TrimLeft(value, " ")) // a suffix of line, for columns
		switch {
		case strings.TrimSpace(v) == "" || v[0] == '#':
			open, openedByKey = col, true
		case v[0] == '|' || v[0] == '>':
			blockScalar = col // its text is indented deeper than its key
		default:
			lastPlain = sc.scan(v, line, lineNo)
			if sc.mistake != nil {
				return *sc.mistake, true
			}
		}
	}
	switch {
	case sc.quote != 0:
		return layoutProblem{sc.quoteAt, fmt.Sprintf("这里的引号 %c 直到文件末尾都没有闭合：请在文字末尾补上 %c", sc.quote, sc.quote)}, true
	case sc.flow > 0:
		if sc.bracket == '[' {
			return layoutProblem{sc.flowAt, "这里的方括号“[”直到文件末尾都没有对应的“]”：请在列表末尾补上“]”"}, true
		}
		return layoutProblem{sc.flowAt, "这里的花括号“{”直到文件末尾都没有对应的“}”：请在末尾补上“}”"}, true
	}
	return layoutProblem{}, false
}

var keyThenText = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_]*)(:|\s+)(\S.*)$`)

// missingColon words the problem of a line of text that stands where a key
// is wanted: "name 封丘" or "name:封丘" for "name: 封丘".
func missingColon(text string) string {
	if m := keyThenText.FindStringSubmatch(text); m != nil {
		if m[2] == ":" {
			return fmt.Sprintf("冒号后面少了空格：YAML 要求“键: 值”的冒号后有一个空格，请写成%s", Quote(m[1]+": "+m[3]))
		}
		return fmt.Sprintf("这一行缺少冒号：键和值之间要写半角冒号加一个空格，请写成%s", Quote(m[1]+": "+m[3]))
	}
	return "这一行缺少冒号：这里应当是“键: 值”，键和值之间要写半角冒号加一个空格"
}

// nextIndent returns the indent of the first line of lines from index from
// on that holds more than white space or a comment; -1 when there is none.
func nextIndent(lines [][]byte, from int) int {
	for _, raw := range lines[min(from, len(lines)):] {
		line := strings.TrimRight(string(raw), "\r")
		rest := strings.TrimLeft(line, " ")
		if rest != "" && rest[0] != '#' {
			return len(line) - len(rest)
		}
	}
	return -1
}

// keyIndent words where the keys of the list item above stand, when a
// deeper level was closed: "（缩进 4 格）".
func keyIndent(popped bool, indent int) string {
	if !popped {
		return ""
	}
	return fmt.Sprintf("（缩进 %d 格）", indent)
}

// leadingSpace returns the white space a line starts with, full-width
// spaces and tabs included.
func leadingSpace(line string) string {
	end := len(line) - len(strings.TrimLeft(line, " \t\u3000"))
	return line[:end]
}

// alignments lists the indents of the open levels, for a message: "0、2
// 或 4".
func alignments(stack []level) string {
	var out []string
	for _, l := range stack {
		if s := fmt.Sprint(l.indent); len(out) == 0 || out[len(out)-1] != s {
			out = append(out, s)
		}
	}
	if len(out) < 2 {
		return strings.Join(out, "")
	}
	return strings.Join(out[:len(out)-1], "、") + " 或 " + out[len(out)-1]
}

// withoutProperties returns v without the anchors and tags it starts with:
// "!string |-" is "|-".
func withoutProperties(v string) string {
	for v != "" && (v[0] == '&' || v[0] == '!') {
		end := strings.IndexByte(v, ' ')
		if end < 0 {
			return ""
		}
		v = strings.TrimLeft(v[end:], " ")
	}
	return v
}

// isNodeProperty reports whether v is only anchors and tags (and perhaps a
// comment), so that the value follows on the next lines.
func isNodeProperty(v string) bool {
	for i, f := range strings.Fields(v) {
		switch {
		case f[0] == '#' && i > 0:
			return true
		case f[0] != '&' && f[0] != '!':
			return false
		}
	}
	return v != ""
}

// splitKey returns the value of "key: value" (or "key:"), cut at the colon
// that ends the key, outside quotes; isKey is false for a line that is no
// key.
func splitKey(s string) (value string, isKey bool) {
	if s == "" || s[0] == '[' || s[0] == '{' || s[0] == '|' || s[0] == '>' {
		return "", false
	}
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case (c == '"' || c == '\'') && i == 0:
			quote = c
		case c == '#' && i > 0 && s[i-1] == ' ', (c == '{' || c == '[') && i > 0 && s[i-1] == ' ':
			return "", false // a comment, or a flow collection where the value should be
		case c == ':' && (i+1 == len(s) || s[i+1] == ' '):
			return s[i+1:], true
		}
	}
	return "", false
}

// scanner follows quotes and brackets from line to line: a quoted text or
// a flow collection may span lines, and its lines are not laid out as
// blocks are.
type scanner struct {
	quote byte // the quote a text is still in, or 0
	flow  int  // how many brackets are open
	// bracket is the outermost open bracket, [ or {, and flowIndent the
	// indent of its line.
	bracket    byte
	flowIndent int
	// mistake is a missing comma found between the items of a flow
	// collection, if any.
	mistake *layoutProblem
	// goesOn is set when the last line ended where more items must
	// follow: after a comma or an opening bracket.
	goesOn bool
	// quoteAt and flowAt are where the open quote and the outermost open
	// bracket stand.
	quoteAt, flowAt Position
}

// open reports whether a quote or bracket is open at the end of the line.
func (sc *scanner) open() bool { return sc.quote != 0 || sc.flow > 0 }

// scan follows s, the end of line number lineNo; plain is set when the
// line ends in a plain text, which the next, deeper line may continue.
func (sc *scanner) scan(s, line string, lineNo int) (plain bool) {
	start := !sc.open()
	at := func(i int) Position {
		return Position{lineNo, 1 + utf8.RuneCountInString(line[:len(line)-len(s)+i])}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case sc.quote == '"' && c == '\\':
			i++
		case sc.quote != 0:
			if c == sc.quote {
				sc.quote = 0
				sc.afterQuote(s, i, at)
			}
		case sc.flow == 0 && i > 0:
			// Outside braces, a quote or a bracket only starts the
			// value: in a plain text (${{ x == 'a' }}) it is a character.
			if c == '#' && s[i-1] == ' ' {
				return false
			}
		case c == '"' || c == '\'':
			if i == 0 || strings.IndexByte(" [{,:", s[i-1]) >= 0 {
				sc.quote, sc.quoteAt = c, at(i)
			}
		case c == '#' && (i == 0 || s[i-1] == ' '):
			return false
		case c == '[' || c == '{':
			if sc.flow == 0 {
				sc.flowAt, sc.bracket = at(i), c
				sc.flowIndent = len(line) - len(strings.TrimLeft(line, " "))
			}
			sc.flow++
		case c == ']' || c == '}':
			sc.flow = max(sc.flow-1, 0)
		}
	}
	if t := strings.TrimRight(s, " "); t != "" {
		sc.goesOn = strings.IndexByte(",[{", t[len(t)-1]) >= 0
	}
	return start && !sc.open() && s != "" && strings.IndexByte("\"'[{", s[0]) < 0
}

// afterQuote looks at what follows a quoted text that ends at s[i] inside
// braces or brackets: another item with no comma between ({unit: "019001"
// function: …}) is a missing comma.
func (sc *scanner) afterQuote(s string, i int, at func(int) Position) {
	if sc.flow == 0 || sc.mistake != nil {
		return
	}
	j := i + 1
	for j < len(s) && s[j] == ' ' {
		j++
	}
	if j < len(s) && j > i+1 && strings.IndexByte(",]}:#", s[j]) < 0 {
		sc.mistake = &layoutProblem{at(j), "前面少了逗号：花括号 { } 或方括号 [ ] 里的各项之间要用逗号“,”隔开"}
	}
}
