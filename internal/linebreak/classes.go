package linebreak

import (
	"slices"
	"unicode"
)

// isClosing reports whether r must not begin a line (行首禁则, GB/T 15834):
// closing brackets and quotes, the sentence and clause marks, the ellipsis
// and dash (so "……" and "——" never split and never start a line), the
// interpunct, and the percent and per-mille signs that end a number. UAX #14
// already forbids most of these after Latin text but allows them after a Han
// character (e.g. "中" ÷ "%", "中" ÷ "—", "中" ÷ "·"); this list closes that gap.
func isClosing(r rune) bool {
	switch r {
	case '，', '。', '、', '；', '：', '？', '！', '．', '｡', '､', '﹐', '﹑', '﹒', '﹔', '﹕', '﹖', '﹗', '︰',
		'）', '》', '」', '』', '】', '〕', '〉', '〗', '〙', '〛', '］', '｝', '﹚', '﹜', '﹞', '〞', '〟',
		'”', '’', '％', '‰', '‱', '…', '‥', '—', '―', '·', '・', '°', '′', '″', '℃', '℉',
		'!', ')', ']', '}', ',', '.', ';', ':', '?', '%':
		return true
	}
	return false
}

// isOpening reports whether r must not end a line (行尾禁则): opening brackets
// and quotes.
func isOpening(r rune) bool {
	switch r {
	case '（', '《', '「', '『', '【', '〔', '〈', '〖', '〘', '〚', '［', '｛', '﹙', '﹛', '﹝', '〝',
		'“', '‘', '(', '[', '{':
		return true
	}
	return false
}

// isDigit reports ASCII and fullwidth decimal digits: the digits that write
// amounts, years and percentages in a budget document.
func isDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= '０' && r <= '９'
}

// isDigitSeparator reports the marks that group digits or separate decimals
// inside one number ("12,345.67", "５４０．８２", "10:30"). Not the fullwidth
// comma: between Chinese numbers it separates list items.
func isDigitSeparator(r rune) bool {
	switch r {
	case ',', '.', ':', '．':
		return true
	}
	return false
}

// isNumberPrefix reports the signs that are written straight before a number
// and must stay with it ("≥95%", "≤246.75万元").
func isNumberPrefix(r rune) bool {
	switch r {
	case '≥', '≤', '＞', '＜', '>', '<', '±', '≈', '～', '~', '¥', '￥', '$', '＄', '€', '£', '+', '＋', '-', '－', '−':
		return true
	}
	return false
}

// isIdeographic reports the characters that serve as a unit or measure word
// after a number: Han ideographs, kana, and the CJK compatibility squared
// units (㎡, ㎏).
func isIdeographic(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	return r >= 0x3040 && r <= 0x30FF || r >= 0x3300 && r <= 0x33FF || unicode.Is(unicode.Han, r)
}

// isLatinAlnum reports the letters and digits of a Latin word ("E-mail",
// "PDF"), excluding ideographs, which UAX #14 also calls letters.
func isLatinAlnum(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// hangs reports runes that do not count towards a line's width when they end
// it, and are dropped from Line.Text there: spaces, and the line separators
// themselves.
func hangs(r rune) bool {
	switch r {
	case ' ', '\t', '\u3000':
		return true
	}
	return isNewline(r)
}

// isNewline reports the UAX #14 mandatory break characters (classes BK, CR,
// LF, NL). They take no width.
func isNewline(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// units are the measures of several characters written after a number in a
// budget document. A line never breaks inside one ("540.82万" / "元"): the
// number, its first unit character and the rest of the unit stay together.
var units = func() [][]rune {
	words := []string{
		"万元", "亿元", "千元", "百万元", "千万元", "万亿元", "美元", "万美元",
		"万人", "人次", "万人次", "个月", "小时", "分钟",
		"平方米", "平方公里", "平方千米", "万平方米", "立方米", "万立方米",
		"千米", "公里", "公斤", "千克", "公顷", "万亩", "千瓦", "千瓦时", "万千瓦时",
		"周岁", "个百分点",
	}
	out := make([][]rune, len(words))
	for i, w := range words {
		out[i] = []rune(w)
	}
	return out
}()

// isUnitPrefix reports whether s (at least two characters, following a
// number) begins one of the units.
func isUnitPrefix(s []rune) bool {
	for _, u := range units {
		if len(s) <= len(u) && slices.Equal(s, u[:len(s)]) {
			return true
		}
	}
	return false
}
