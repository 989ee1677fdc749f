package workbook

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// Cells as clerks type them: what is taken to mean what. The decoder gets
// the value as it would from YAML, so that the checks and messages are the
// same; only what Excel or an input method does to a value is undone here.

// cellType is what a cell holds, as the file stores it.
type cellType int

const (
	emptyCell  cellType = iota
	textCell            // a string
	numberCell          // a number (a date is a number too)
	boolCell            // TRUE or FALSE
	errorCell           // #N/A, #DIV/0! …
	dateCell            // an ISO 8601 date, which few programs write
)

// rawCell is a cell as read from the file.
type rawCell struct {
	typ   cellType
	value string // a string's text; a number as stored ("85.2"); "1" or "0" for a boolean
	// shown is the value as Excel shows it (with its number format
	// applied): a percentage stored as 1 shows as "100%".
	shown string
}

// trim removes the spaces around a value: ASCII, the full-width space an
// input method types and the no-break space a copy from the web brings.
func trim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' })
}

// halfWidth turns the full-width digits, point, minus, plus and comma of a
// Chinese input method into ASCII; changed says whether there were any.
func halfWidth(s string) (out string, changed bool) {
	if !strings.ContainsFunc(s, isFullWidthNumeral) {
		return s, false
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		case r == '－':
			return '-'
		case r == '＋':
			return '+'
		case r == '，':
			return ','
		}
		return r
	}, s), true
}

func isFullWidthNumeral(r rune) bool { return r >= '０' && r <= '９' || r == '．' || r == '－' }

var (
	plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)
	groupedNum  = regexp.MustCompile(`^-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$`)
	digitsOnly  = regexp.MustCompile(`^[0-9]+$`)
)

// significant counts the significant digits of a plain number.
func significant(s string) int {
	s = strings.TrimLeft(strings.Replace(strings.TrimPrefix(s, "-"), ".", "", 1), "0")
	return len(s)
}

// storedNumber is the text of an amount stored as a number. What budgetdoc
// wrote ("85.20") stays as it is; a value with more digits than Excel keeps
// (15), as a formula's result 0.30000000000000004, is rounded to what Excel
// shows; an exponent (1E-3) is written out.
func storedNumber(raw string) (string, bool) {
	if plainNumber.MatchString(raw) && significant(raw) <= 15 {
		return raw, true
	}
	f, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return "", false
	}
	d, err := decimal.NewFromString(strconv.FormatFloat(f, 'g', 15, 64))
	if err != nil {
		return "", false
	}
	return d.String(), true
}

// typedNumber reads an amount typed as text: spaces around it, full-width
// digits and thousands separators are accepted. ok is false for text that is
// not a number written so; the decoder then says what is wrong with it.
func typedNumber(s string) (out string, fullWidth, ok bool) {
	s, fullWidth = halfWidth(trim(s))
	if groupedNum.MatchString(s) {
		s = strings.ReplaceAll(s, ",", "")
	}
	return s, fullWidth, plainNumber.MatchString(s)
}
