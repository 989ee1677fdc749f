package decode

import (
	"strconv"
	"unicode"
)

// Messages are in Chinese, for the finance staff who fix the file; keys,
// values and the parsers' own wording are quoted as the input has them.

// Quote puts s in Chinese quotation marks, “s”, escaping it as Go would when
// it holds characters that cannot be seen, so that the reader sees what is
// there.
func Quote(s string) string {
	for _, r := range s {
		if !unicode.IsPrint(r) {
			q := strconv.Quote(s)
			return "“" + q[1:len(q)-1] + "”"
		}
	}
	return "“" + s + "”"
}

// original adds the parser's own words after a Chinese explanation, for the
// developer or search engine that knows them.
func original(explanation, parserText string) string {
	return explanation + "（原文：" + parserText + "）"
}
