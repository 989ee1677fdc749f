package fonts

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// roleNames are the roles as a finance clerk knows them from the document.
var roleNames = map[Role]string{
	RoleBody:    "正文",
	RoleTitle:   "标题",
	RoleHeading: "一级标题（黑体）",
	RoleKai:     "二级标题（楷体）",
	RoleTable:   "表格",
}

// describeRole is "正文（body）", or the bare name of a role this package does not define.
func describeRole(r Role) string {
	if n, ok := roleNames[r]; ok {
		return n + "（" + string(r) + "）"
	}
	return string(r)
}

// describeRune is "“埇”（U+57C7）", or just the code for a character that does not print.
func describeRune(r rune) string {
	if unicode.IsPrint(r) && !unicode.Is(unicode.Co, r) {
		return fmt.Sprintf("“%c”（U+%04X）", r, r)
	}
	return fmt.Sprintf("U+%04X", r)
}

// laidOut are characters the writers turn into layout, never draw: no font needs them.
func laidOut(r rune) bool { return r == '\n' || r == '\r' || r == '\t' }

// Covers reports whether some face of role's chain has r, so that the PDF writer can draw r in
// that role. Line breaks and tabs are always covered: the writers lay them out.
func (s *Set) Covers(role Role, r rune) bool {
	return laidOut(r) || chainHas(s.chains[role], r)
}

// roles are the roles a document may set text in: the standard ones, whether or not the set
// has a chain for them (the PDF writer uses them all), then any other role of the set by name.
func (s *Set) roles() []Role {
	roles := slices.Clone(standardRoles)
	var extra []Role
	for r := range s.chains {
		if !slices.Contains(standardRoles, r) {
			extra = append(extra, r)
		}
	}
	slices.Sort(extra)
	return append(roles, extra...)
}

// Lacking returns the roles that cannot draw r, standard roles first; nil if every role can.
func (s *Set) Lacking(r rune) []Role {
	var lack []Role
	for _, role := range s.roles() {
		if !s.Covers(role, r) {
			lack = append(lack, role)
		}
	}
	return lack
}

// Missing returns the characters of text that some role of the set cannot draw, each once, in
// the order they first appear; nil if the PDF writer can set text in any role. A validator calls
// it on each field before rendering: a field may be printed in any role (a unit's name is in the
// title, the headings and the tables), so a character one role lacks is a problem. A character
// the first face of every chain has costs one lookup per role, and the large fallback faces are
// parsed only for a character the faces before them lack.
func (s *Set) Missing(text string) []rune {
	roles := s.roles()
	chains := make([][]*Face, len(roles))
	for i, role := range roles {
		chains[i] = s.chains[role]
	}
	var missing []rune
	for _, r := range text {
		if laidOut(r) || slices.Contains(missing, r) {
			continue
		}
		for _, chain := range chains {
			if !chainHas(chain, r) {
				missing = append(missing, r)
				break
			}
		}
	}
	return missing
}

func chainHas(chain []*Face, r rune) bool {
	for _, f := range chain {
		if f.Has(r) {
			return true
		}
	}
	return false
}

// MissingIn is Missing for the one role text is set in.
func (s *Set) MissingIn(role Role, text string) []rune {
	var missing []rune
	for _, r := range text {
		if !s.Covers(role, r) && !slices.Contains(missing, r) {
			missing = append(missing, r)
		}
	}
	return missing
}

// MissingMessage says in Chinese, for the finance staff who typed the character, that the PDF
// cannot print r and what to do about it; the caller puts the place (file:line:column and
// field) in front. It names the roles that lack r when only some do (after --font gave some
// roles a font of their own); when every role lacks it, the built-in fonts lack it, and one
// --font fallback=FILE mends every role.
func (s *Set) MissingMessage(r rune) string {
	lack := s.Lacking(r)
	if len(lack) == 0 || len(lack) == len(s.roles()) {
		return "内置字体和指定的字体都没有字符" + describeRune(r) + "，PDF 中无法排印。请换用常用的写法，" +
			"或用 --font fallback=字体文件 指定一种含有这个字的 TrueType 字体" + fontFileHint +
			"，由它补上各处缺的字。"
	}
	var flags, names []string
	for _, role := range lack {
		flags = append(flags, "--font "+string(role)+"=字体文件")
		names = append(names, describeRole(role))
	}
	return strings.Join(names, "、") + "所用的字体没有字符" + describeRune(r) + "，PDF 中无法排印。请换用常用的写法，" +
		"或用 " + strings.Join(flags, " ") + "（或用 --font fallback=字体文件 一次补上各处）指定含有这个字的 TrueType 字体" +
		fontFileHint + "。"
}

// fontFileHint says which files --font takes.
const fontFileHint = "（.ttf，或用 .ttc#序号 指定字体集中的一种）"

// MissingGlyphError says that no font of a role's chain has a character. Validation finds such
// characters first (Set.Missing), so this is a last resort: a document built by other means, or
// a character the validator was not shown.
type MissingGlyphError struct {
	Rune  rune
	Role  Role
	Tried []string // names of the faces in the chain, in order; empty if the role has none
}

func (e *MissingGlyphError) Error() string {
	flag := "--font " + string(e.Role) + "=字体文件"
	if len(e.Tried) == 0 {
		return fmt.Sprintf("%s没有指定字体，无法排印字符%s；请用 %s 指定一种 TrueType 字体",
			describeRole(e.Role), describeRune(e.Rune), flag)
	}
	// The faces tried are left out: their names mean nothing to the clerk who reads this.
	return fmt.Sprintf("%s所用的字体都没有字符%s，无法排印；请换用常用的写法，或用 %s（或 --font fallback=字体文件）指定含有这个字的字体",
		describeRole(e.Role), describeRune(e.Rune), flag)
}
