package catalog

import "strconv"

var digitsZh = []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// ChineseNumeral writes n (1 to 99) as the tables number their rows: 八, 十, 十九, 二十一.
// Other numbers come back in Arabic digits.
func ChineseNumeral(n int) string {
	switch {
	case n < 1 || n > 99:
		return strconv.Itoa(n)
	case n < 10:
		return digitsZh[n]
	}
	tens, ones := n/10, n%10
	s := "十"
	if tens > 1 {
		s = digitsZh[tens] + s
	}
	if ones > 0 {
		s += digitsZh[ones]
	}
	return s
}
