package fonts

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// tongyong reads the 8105 characters of 《通用规范汉字表》 (testdata/tongyong.txt, made by
// build.sh from Unihan's kTGH).
func tongyong(t testing.TB) []rune {
	data, err := os.ReadFile("testdata/tongyong.txt")
	if err != nil {
		t.Fatal(err)
	}
	var rs []rune
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		r, n := utf8.DecodeRuneInString(line)
		if n != len(line) {
			t.Fatalf("testdata/tongyong.txt: line %q is not one character", line)
		}
		rs = append(rs, r)
	}
	if len(rs) != 8105 || rs[6947] != '埇' {
		t.Fatalf("testdata/tongyong.txt has %d characters (want 8105, with 埇 at 6948)", len(rs))
	}
	return rs
}

// Every character of 《通用规范汉字表》 is drawn in every role, in the role's own style: 宋 for
// body and table, bold 宋 for titles, 黑 for headings, 楷 (AR PL KaitiM GB, then LXGW WenKai).
func TestEveryTongyongCharacterInEveryRole(t *testing.T) {
	e := builtin
	s := Default()
	family := map[Role][]*Face{
		RoleBody:    {e.serif, e.serifTongyong},
		RoleTable:   {e.serif, e.serifTongyong},
		RoleTitle:   {e.serifBold, e.serifBoldTongyong},
		RoleHeading: {e.sans, e.sansTongyong},
		RoleKai:     {e.kai, e.kaiTongyong},
	}
	bad := 0
	for _, r := range tongyong(t) {
		for role, want := range family {
			f, err := s.Pick(role, r)
			if err != nil || !slices.Contains(want, f) {
				if bad++; bad <= 10 {
					t.Errorf("Pick(%s, %q U+%04X) = %v, %v; want one of the role's family", role, r, r, f, err)
				}
			}
		}
	}
	if got := s.Missing(string(tongyong(t))); got != nil {
		t.Errorf("Missing(通用规范汉字表) = %q", got)
	}
}

// Every hanzi any embedded face has is drawn in every role: the serif Rest face and the sans Rest
// face close every chain.
func TestEveryEmbeddedHanziInEveryRole(t *testing.T) {
	s := Default()
	faces := s.Faces()
	bad := 0
	for r := rune(0x3400); r <= 0x3FFFF; r++ {
		if !isHan(r) {
			continue
		}
		has := false
		for _, f := range faces {
			if f.Has(r) {
				has = true
				break
			}
		}
		if !has {
			continue
		}
		if lack := s.Lacking(r); lack != nil {
			if bad++; bad <= 10 {
				t.Errorf("%q U+%04X: roles %v cannot draw it, though an embedded face has it", r, r, lack)
			}
		}
	}
}

func isHan(r rune) bool {
	return r >= 0x3400 && r <= 0x4DBF || r >= 0x4E00 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF ||
		r >= 0x20000 && r <= 0x3FFFF
}

func TestMissing(t *testing.T) {
	s := Default()
	// U+E000 is private use; U+20000 (𠀀, CJK Ext. B) is in no embedded face.
	text := "宿州市埇桥区\ue000财政局\U00020000\ue000\n\t第一"
	if got := s.Missing(text); !slices.Equal(got, []rune{'\ue000', 0x20000}) {
		t.Errorf("Missing(%q) = %q; want U+E000 and U+20000 once each, in order", text, got)
	}
	if got := s.MissingIn(RoleKai, text); !slices.Equal(got, []rune{'\ue000', 0x20000}) {
		t.Errorf("MissingIn(Kai) = %q", got)
	}
	if got := s.Missing("宿州市埇桥区财政局2025年部门预算，合计1,234.56万元。"); got != nil {
		t.Errorf("Missing(GB2312 and 埇) = %q; want none", got)
	}
	for _, role := range standardRoles {
		if !s.Covers(role, '埇') || s.Covers(role, 0x20000) || !s.Covers(role, '\n') {
			t.Errorf("Covers(%s): 埇 %v, U+20000 %v, newline %v", role, s.Covers(role, '埇'), s.Covers(role, 0x20000), s.Covers(role, '\n'))
		}
	}

	// A role with a font of its own that has the character: only the other roles lack it.
	own, err := Parse("Own", readTiny(t)) // "A" and "中"
	if err != nil {
		t.Fatal(err)
	}
	var partial Set
	for _, role := range standardRoles {
		partial.Register(role, SerifFace())
	}
	partial.Register(RoleBody, own)
	if got := partial.Lacking('埇'); !slices.Equal(got, []Role{RoleBody, RoleTitle, RoleHeading, RoleKai, RoleTable}) {
		t.Errorf("Lacking(埇) = %v", got)
	}
	if got := partial.Missing("中A"); got != nil {
		t.Errorf("Missing(中A) = %q", got)
	}
	// The zero Set has no chain for any role: everything is missing, and the PDF writer would fail.
	var zero Set
	if got := zero.Missing("中"); !slices.Equal(got, []rune{'中'}) {
		t.Errorf("zero Set: Missing(中) = %q", got)
	}
}

func TestMissingMessage(t *testing.T) {
	msg := Default().MissingMessage(0x20000)
	for _, want := range []string{"内置字体和指定的字体都没有字符“𠀀”（U+20000）", "PDF 中无法排印",
		"--font fallback=字体文件", ".ttc#序号"} {
		if !strings.Contains(msg, want) {
			t.Errorf("MissingMessage(U+20000) = %q, lacks %q", msg, want)
		}
	}
	if got := Default().MissingMessage('\ue000'); !strings.Contains(got, "U+E000") || strings.Contains(got, "“\ue000”") {
		t.Errorf("MissingMessage(U+E000) = %q; want the code, not the invisible character", got)
	}

	// When some roles have the character, the message names only the others.
	tiny, err := Parse("Tiny", readTiny(t)) // "A" and "中"
	if err != nil {
		t.Fatal(err)
	}
	full := []*Face{SerifFace(), builtin.serifTongyong}
	only := &Set{chains: map[Role][]*Face{RoleHeading: {tiny}, RoleBody: full, RoleTitle: full, RoleKai: full, RoleTable: full}}
	msg = only.MissingMessage('埇')
	if !strings.Contains(msg, "一级标题（黑体）（heading）所用的字体没有字符“埇”") || !strings.Contains(msg, "--font heading=字体文件") ||
		!strings.Contains(msg, "--font fallback=字体文件") || strings.Contains(msg, "--font body") {
		t.Errorf("only Heading lacks 埇, but the message is %q", msg)
	}
}

// RegisterFallback mends every role with one font: last in each chain, so it draws only what the
// role's own faces lack.
func TestRegisterFallback(t *testing.T) {
	s := Default()
	own, err := Parse("Own", readTiny(t)) // "A" and "中"
	if err != nil {
		t.Fatal(err)
	}
	s.RegisterFallback(own)
	s.RegisterFallback(own) // once is enough: not listed twice
	for _, role := range standardRoles {
		chain := s.Chain(role)
		if chain[len(chain)-1] != own || slices.Index(chain, own) != len(chain)-1 {
			t.Errorf("Chain(%s) = %v; want Own last, once", role, names(chain))
		}
		if f, _ := s.Pick(role, '中'); f == own {
			t.Errorf("Pick(%s, 中) = Own; the embedded faces come first", role)
		}
	}
	var zero Set
	zero.RegisterFallback(own)
	if got := zero.Missing("中A"); got != nil {
		t.Errorf("zero Set with a fallback: Missing(中A) = %q", got)
	}
}

// The fallback faces are parsed only when a character needs them: a document in GB2312 and the
// report's punctuation never loads them, 埇 loads the 《通用规范汉字表》 face of its role only,
// and only a rarer character loads the large Rest face.
func TestFallbackFacesLoadLazily(t *testing.T) {
	e := newEmbeddedFaces() // fresh faces: the shared ones may have been loaded by other tests
	s := defaultSet(e)
	text := gb2312(t) + "，。、；：？！“”‘’（）《》【】—…·％‰①②③ⅠⅡ〇•≤≥×÷±℃№　1234567890.,%ABCxyz"
	for _, role := range standardRoles {
		if got := s.MissingIn(role, text); got != nil {
			t.Fatalf("MissingIn(%s) = %q", role, got)
		}
	}
	for _, f := range []*Face{e.serifTongyong, e.serifBoldTongyong, e.sansTongyong, e.kaiTongyong, e.serifRest, e.sansRest} {
		if f.loaded() {
			t.Errorf("%s was parsed for GB2312 text", f.Name())
		}
	}
	if f, err := s.Pick(RoleBody, '埇'); err != nil || f != e.serifTongyong {
		t.Fatalf("Pick(Body, 埇) = %v, %v", f, err)
	}
	if !e.serifTongyong.loaded() || e.serifRest.loaded() || e.sansTongyong.loaded() {
		t.Errorf("after 埇 in Body: serif Tongyong loaded %v, serif Rest %v, sans Tongyong %v; want true, false, false",
			e.serifTongyong.loaded(), e.serifRest.loaded(), e.sansTongyong.loaded())
	}
	if f, err := s.Pick(RoleBody, '㐀'); err != nil || f != e.serifRest {
		t.Errorf("Pick(Body, 㐀) = %v, %v; want the serif Rest face", f, err)
	}
}

// gb2312 returns the 6763 GB2312 hanzi as one string.
func gb2312(t *testing.T) string {
	dec := simplifiedchinese.GBK.NewDecoder()
	var b strings.Builder
	for hi := 0xB0; hi <= 0xF7; hi++ {
		for lo := 0xA1; lo <= 0xFE; lo++ {
			if hi == 0xD7 && lo > 0xF9 {
				continue
			}
			s, err := dec.Bytes([]byte{byte(hi), byte(lo)})
			if err != nil {
				t.Fatal(err)
			}
			b.Write(s)
		}
	}
	return b.String()
}

// The validator's check of a GB2312 field: one lookup per role, no fallback face touched.
func BenchmarkMissingGB2312(b *testing.B) {
	s := Default()
	text := "封丘县政务服务和大数据管理局2023年部门预算，一般公共预算支出合计1,234.56万元。"
	for b.Loop() {
		if s.Missing(text) != nil {
			b.Fatal("missing")
		}
	}
}
