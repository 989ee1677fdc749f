package decode

import (
	"fmt"
	"strings"
)

// unknownKey says key is not one of fs, suggesting the closest allowed key
// when it is a likely typo, and listing them all.
func unknownKey(key string, fs []field) string {
	var b strings.Builder
	fmt.Fprintf(&b, "无法识别的键%s", Quote(key))
	if s := closest(key, fs); s != "" {
		fmt.Fprintf(&b, "，是不是%s？", Quote(s))
	}
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	fmt.Fprintf(&b, "（这里可用的键：%s）", strings.Join(names, "、"))
	return b.String()
}

// closest returns the allowed key nearest to key in edit distance, ignoring
// case, if it is near enough to be a typo: at most one edit per three
// characters, and at most three.
func closest(key string, fs []field) string {
	k := []rune(strings.ToLower(key))
	limit := min(max(1, len(k)/3), 3)
	best, bestDist := "", limit+1
	for _, f := range fs {
		if dist := distance(k, []rune(strings.ToLower(f.name))); dist < bestDist {
			best, bestDist = f.name, dist
		}
	}
	return best
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
