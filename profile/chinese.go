package profile

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/budgetdoc/budgetdoc/catalog"
)

// chineseNumber writes n (1 to 99) the way counts and serial numbers are
// written in running Chinese text: 一, 十, 十二, 二十, 三十四. The catalogue
// numbers its class rows the same way.
func chineseNumber(n int) string { return catalog.ChineseNumeral(n) }

// chineseCount writes a count before a measure word: 两个, 三个, 十二个.
func chineseCount(n int) string {
	if n == 2 {
		return "两"
	}
	return chineseNumber(n)
}

// chineseMonth writes a publication month "2023-04" as the cover prints it:
// 二〇二三年四月 (year digit by digit, month as a number).
func chineseMonth(published string) (string, error) {
	t, err := time.Parse("2006-01", published)
	if err != nil {
		return "", fmt.Errorf("公开月份“%s”格式不对：应写成 YYYY-MM", published)
	}
	digits := []rune("〇一二三四五六七八九")
	var b strings.Builder
	for _, c := range strconv.Itoa(t.Year()) {
		b.WriteRune(digits[c-'0'])
	}
	b.WriteString("年")
	b.WriteString(chineseNumber(int(t.Month())))
	b.WriteString("月")
	return b.String(), nil
}
