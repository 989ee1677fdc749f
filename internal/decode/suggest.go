package decode

import (
	"fmt"
	"strings"
	"unicode"
)

// unknownKey says key is not one of fs, suggesting the closest allowed key
// when it is a likely typo, and listing them all. meant is the field the key
// was most likely meant for, "" when none stands out: the allowed key near
// enough to be a typo, else the one field of fs the mapping lacks (absent
// lists those). That field's value is then unknown rather than missing.
func unknownKey(key string, fs, absent []field) (msg, meant string) {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	var b strings.Builder
	if before, after, ok := strings.Cut(key, "："); ok && before != "" {
		// reception：1.20 is one plain scalar: the full-width colon
		// is no YAML colon.
		fmt.Fprintf(&b, "键%s里用了全角冒号“：”：YAML 只认半角冒号，请写成%s", Quote(key), Quote(before+": "+strings.TrimSpace(after)))
		if name := strings.TrimSpace(before); contains(names, name) {
			return b.String(), name
		}
		return b.String(), ""
	}
	if trimmed := strings.TrimLeft(key, "\u3000"); trimmed != key && trimmed != "" {
		// 　　code: a full-width space is no indentation to YAML, and
		// part of the key.
		fmt.Fprintf(&b, "键%s前面有全角空格“　”：YAML 只认半角空格，请把全角空格换成半角空格，与同一层的键对齐", Quote(key))
		if contains(names, trimmed) {
			return b.String(), trimmed
		}
		return b.String(), ""
	}
	fmt.Fprintf(&b, "无法识别的键%s", Quote(key))
	if s := Suggest(key, names); s != "" {
		fmt.Fprintf(&b, "，是不是%s？", Quote(s))
		meant = s
	} else if len(absent) == 1 {
		meant = absent[0].name
	}
	fmt.Fprintf(&b, "（这里可用的键：%s）", strings.Join(names, "、"))
	return b.String(), meant
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Suggest returns the candidate s was most likely meant to be, or "" when
// none is near enough or two are equally near: a candidate equal to s but
// for case, width (full-width ２ for 2), separators (P2023-002 for
// P2023002) or white space; else one that contains s or is contained in it
// (财政拨款 for 一般公共预算财政拨款), when that is one candidate only; else
// the nearest in edit distance, if it is at most one edit per three
// characters and at most three.
func Suggest(s string, candidates []string) string {
	if s == "" {
		return ""
	}
	norm := normalize(s)
	if m := only(candidates, func(c string) bool { return c != s && normalize(c) == norm }); m != "" {
		return m
	}
	if len([]rune(norm)) >= 2 {
		if m := only(candidates, func(c string) bool {
			nc := normalize(c)
			return nc != norm && (strings.Contains(nc, norm) || strings.Contains(norm, nc) && len([]rune(nc)) >= 2)
		}); m != "" {
			return m
		}
	}
	k := []rune(norm)
	limit := min(max(1, len(k)/3), 3)
	best, bestDist, ties := "", limit+1, 0
	for _, c := range candidates {
		if c == s {
			continue
		}
		switch dist := distance(k, []rune(normalize(c))); {
		case dist < bestDist:
			best, bestDist, ties = c, dist, 0
		case dist == bestDist:
			ties++
		}
	}
	if ties > 0 {
		return ""
	}
	return best
}

// only returns the one candidate that match accepts, or "" when none or
// several do.
func only(candidates []string, match func(string) bool) string {
	found := ""
	for _, c := range candidates {
		if match(c) {
			if found != "" && found != c {
				return ""
			}
			found = c
		}
	}
	return found
}

// normalize folds what a typist does not see as a difference: case, full
// width forms, white space and the separators - _ . / in codes.
func normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		r = narrow(r)
		switch {
		case unicode.IsSpace(r), r == '-', r == '_', r == '/':
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// narrow maps a full-width ASCII form (Ｐ２０２３) to its ASCII character.
func narrow(r rune) rune {
	switch {
	case r >= '！' && r <= '～':
		return r - '！' + '!'
	case r == '　':
		return ' '
	}
	return r
}

// distance is the edit distance between a and b, counting a swap of two
// neighbouring characters (itmes for items) as one edit.
func distance(a, b []rune) int {
	if len(a) > 64 || len(b) > 64 { // no typo is that long; keep it cheap
		return max(len(a), len(b))
	}
	// d[i][j] is the distance between a[:i] and b[:j].
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
