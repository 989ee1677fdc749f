// Package zh writes numbers and dates the way Chinese official text does:
// serial numbers and counts (一, 十二, 两), and a publication month as a
// cover prints it (二〇二三年四月).
package zh

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

var digits = []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// Numeral writes n (1 to 99) as running text and tables number things: 八,
// 十, 十九, 二十一. Other numbers come back in Arabic digits.
func Numeral(n int) string {
	switch {
	case n < 1 || n > 99:
		return strconv.Itoa(n)
	case n < 10:
		return digits[n]
	}
	tens, ones := n/10, n%10
	s := "十"
	if tens > 1 {
		s = digits[tens] + s
	}
	if ones > 0 {
		s += digits[ones]
	}
	return s
}

// Count writes a count before a measure word: 两个, 三个, 十二个.
func Count(n int) string {
	if n == 2 {
		return "两"
	}
	return Numeral(n)
}

// Month writes a publication month "2023-04" as the cover prints it:
// 二〇二三年四月 (the year digit by digit, the month as a number).
func Month(published string) (string, error) {
	t, err := time.Parse("2006-01", published)
	if err != nil {
		return "", fmt.Errorf("公开月份“%s”格式不对：应写成 YYYY-MM", published)
	}
	var b strings.Builder
	for _, c := range strconv.Itoa(t.Year()) {
		b.WriteString(digits[c-'0'])
	}
	b.WriteString("年")
	b.WriteString(Numeral(int(t.Month())))
	b.WriteString("月")
	return b.String(), nil
}
