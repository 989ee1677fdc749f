package xlsx

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
)

// maxSheetName is Excel's limit on a sheet name, in UTF-16 code units.
const maxSheetName = 31

// sheetNames gives every table a valid, unique sheet name derived from its
// Name: Excel refuses names with []:*?/\ , longer than 31 characters, empty,
// starting or ending with an apostrophe, equal to "History", or equal to
// another sheet's name ignoring case.
func sheetNames(sheets []sheetSpec) []string {
	taken := map[string]bool{"history": true}
	names := make([]string, len(sheets))
	for i, s := range sheets {
		base := sanitizeSheetName(s.table.Name)
		if base == "" {
			base = fmt.Sprintf("表%d", i+1)
		}
		name := base
		for n := 2; taken[strings.ToLower(name)]; n++ {
			suffix := fmt.Sprintf("(%d)", n)
			name = trimQuotes(truncateUTF16(base, maxSheetName-len(suffix))) + suffix
		}
		taken[strings.ToLower(name)] = true
		names[i] = name
	}
	return names
}

// sanitizeSheetName replaces the characters Excel forbids with "_", drops
// control characters, and cuts the name to Excel's length.
func sanitizeSheetName(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case strings.ContainsRune(`[]:*?/\`, r):
			b.WriteRune('_')
		case unicode.IsControl(r):
			// invisible and invalid in XML: drop
		default:
			b.WriteRune(r)
		}
	}
	return trimQuotes(truncateUTF16(strings.TrimSpace(b.String()), maxSheetName))
}

// trimQuotes removes apostrophes (and the spaces they leave) at either end,
// which Excel forbids there.
func trimQuotes(s string) string {
	return strings.TrimSpace(strings.Trim(s, "'"))
}

// truncateUTF16 cuts s to at most n UTF-16 code units without splitting a
// character.
func truncateUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		units += utf16.RuneLen(r)
		if units > n {
			return s[:i]
		}
	}
	return s
}
