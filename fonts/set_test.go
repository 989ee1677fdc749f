package fonts

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func names(faces []*Face) []string {
	var n []string
	for _, f := range faces {
		n = append(n, f.Name())
	}
	return n
}

// allFaces is Default().Faces(): the chains' faces in role order, once each.
var allFaces = []string{"NotoSerifSC-Regular", "NotoSerifSC-Regular-Tongyong", "NotoSerifSC-Regular-Rest",
	"NotoSansSC-Regular-Rest", "NotoSerifSC-Bold", "NotoSerifSC-Bold-Tongyong", "NotoSansSC-Regular",
	"NotoSansSC-Regular-Tongyong", "ARPLKaitiMGB", "WenKai-Tongyong"}

func TestDefaultChains(t *testing.T) {
	s := Default()
	want := map[Role][]string{
		RoleBody:    {"NotoSerifSC-Regular", "NotoSerifSC-Regular-Tongyong", "NotoSerifSC-Regular-Rest", "NotoSansSC-Regular-Rest"},
		RoleTitle:   {"NotoSerifSC-Bold", "NotoSerifSC-Bold-Tongyong", "NotoSerifSC-Regular", "NotoSerifSC-Regular-Rest", "NotoSansSC-Regular-Rest"},
		RoleHeading: {"NotoSansSC-Regular", "NotoSansSC-Regular-Tongyong", "NotoSansSC-Regular-Rest", "NotoSerifSC-Regular", "NotoSerifSC-Regular-Rest"},
		RoleKai:     {"ARPLKaitiMGB", "NotoSerifSC-Regular", "WenKai-Tongyong", "NotoSerifSC-Regular-Rest", "NotoSansSC-Regular-Rest"},
		RoleTable:   {"NotoSerifSC-Regular", "NotoSerifSC-Regular-Tongyong", "NotoSerifSC-Regular-Rest", "NotoSansSC-Regular-Rest"},
	}
	for role, w := range want {
		if got := names(s.Chain(role)); !slices.Equal(got, w) {
			t.Errorf("Chain(%s) = %v, want %v", role, got, w)
		}
	}
	if got := names(s.Faces()); !slices.Equal(got, allFaces) {
		t.Errorf("Faces() = %v", got)
	}
	// The Kai chain takes what the Kai font lacks from the serif.
	if f, err := s.Pick(RoleKai, '〇'); err != nil || f != SerifFace() {
		t.Errorf("Pick(Kai, 〇) = %v, %v; want the serif face", f, err)
	}
	if f, err := s.Pick(RoleKai, '中'); err != nil || f != KaiFace() {
		t.Errorf("Pick(Kai, 中) = %v, %v; want the Kai face", f, err)
	}
	// Default hands out a fresh Set each time.
	s.Register(RoleBody, KaiFace())
	if got := names(Default().Chain(RoleBody)); !slices.Equal(got, want[RoleBody]) {
		t.Errorf("Register on one Default() changed another: %v", got)
	}
}

func TestRegisterPutsFaceFirstAndKeepsFallback(t *testing.T) {
	s := Default()
	fang, err := Parse("FangSong", readTiny(t)) // has only "A" and "中"
	if err != nil {
		t.Fatal(err)
	}
	s.Register(RoleBody, fang)
	if got := names(s.Chain(RoleBody)); !slices.Equal(got, []string{"FangSong", "NotoSerifSC-Regular",
		"NotoSerifSC-Regular-Tongyong", "NotoSerifSC-Regular-Rest", "NotoSansSC-Regular-Rest"}) {
		t.Fatalf("Chain(Body) = %v", got)
	}
	for r, want := range map[rune]*Face{'中': fang, 'A': fang, '国': SerifFace(), '，': SerifFace()} {
		if f, err := s.Pick(RoleBody, r); err != nil || f != want {
			t.Errorf("Pick(Body, %q) = %v, %v; want %s", r, f, err, want.Name())
		}
	}
	// Registering again moves the face to the front instead of listing it twice.
	s.Register(RoleBody, SerifFace())
	if got := names(s.Chain(RoleBody)); !slices.Equal(got, []string{"NotoSerifSC-Regular", "FangSong",
		"NotoSerifSC-Regular-Tongyong", "NotoSerifSC-Regular-Rest", "NotoSansSC-Regular-Rest"}) {
		t.Errorf("after re-registering the serif, Chain(Body) = %v", got)
	}
	// A custom role joins Faces after the standard roles.
	s.Register("footnote", fang)
	if got := names(s.Faces()); !slices.Equal(got, slices.Insert(slices.Clone(allFaces), 1, "FangSong")) {
		t.Errorf("Faces() = %v", got)
	}
	var zero Set
	zero.Register(RoleTable, fang)
	if f, err := zero.Pick(RoleTable, 'A'); err != nil || f != fang {
		t.Errorf("zero Set: Pick = %v, %v", f, err)
	}
}

func TestRegisterKeepsNamesUnique(t *testing.T) {
	s := Default()
	clash, err := Parse("NotoSerifSC-Regular", readTiny(t))
	if err != nil {
		t.Fatal(err)
	}
	s.Register(RoleBody, clash)
	s.Register(RoleTitle, clash)
	got := names(s.Faces())
	if !slices.Equal(got, slices.Insert(slices.Clone(allFaces), 0, "NotoSerifSC-Regular-2")) {
		t.Errorf("Faces() = %v; want the clashing face renamed once", got)
	}
	if b, ti := s.Chain(RoleBody)[0], s.Chain(RoleTitle)[0]; b != ti || !b.Has('A') || b.Has('国') {
		t.Errorf("the renamed face differs between roles or lost its data")
	}
	if clash.Name() != "NotoSerifSC-Regular" {
		t.Errorf("Register renamed the caller's Face to %q; Faces are immutable", clash.Name())
	}
}

func TestMissingGlyphError(t *testing.T) {
	s := Default()
	_, err := s.Pick(RoleHeading, '\U00020000') // CJK Ext. B's first: no embedded face has it
	var mg *MissingGlyphError
	if !errors.As(err, &mg) || mg.Rune != 0x20000 || mg.Role != RoleHeading {
		t.Fatalf("Pick(Heading, U+20000) error = %#v", err)
	}
	msg := err.Error()
	if len(mg.Tried) != 5 || mg.Tried[0] != "NotoSansSC-Regular" {
		t.Errorf("Tried = %v; want the heading chain's five faces", mg.Tried)
	}
	for _, want := range []string{"“𠀀”（U+20000）", "一级标题（黑体）（heading）", "--font heading=字体文件", "--font fallback=字体文件"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not contain %q", msg, want)
		}
	}
	for _, english := range []string{"Register", "font for role", "paragraph"} {
		if strings.Contains(msg, english) {
			t.Errorf("error %q speaks English to a finance clerk (%q)", msg, english)
		}
	}

	_, err = s.Pick(RoleBody, '\u0007')
	if err == nil || !strings.Contains(err.Error(), "U+0007") || strings.Contains(err.Error(), "\a") {
		t.Errorf("control character error = %q; want the U+ code and no raw control byte", err)
	}
	_, err = s.Pick("footnote", 'A')
	if !errors.As(err, &mg) || !strings.Contains(err.Error(), "footnote没有指定字体") {
		t.Errorf("unknown role error = %v", err)
	}
}

func BenchmarkHas(b *testing.B) {
	f := SerifFace()
	text := []rune("中华人民共和国财政部2023年部门预算，收入预算：12,345.67万元。")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		_ = f.Has(text[i%len(text)])
	}
}

func BenchmarkAdvance(b *testing.B) {
	f := KaiFace()
	text := []rune("中华人民共和国财政部2023年部门预算，收入预算：12,345.67万元。")
	for i := 0; b.Loop(); i++ {
		_ = f.Advance(text[i%len(text)])
	}
}

func BenchmarkPick(b *testing.B) {
	s := Default()
	text := []rune("（一）部门职责〇•")
	for i := 0; b.Loop(); i++ {
		_, _ = s.Pick(RoleKai, text[i%len(text)])
	}
}

// The cost the first Default() in a process pays; later calls reuse the parsed faces.
func BenchmarkParseEmbedded(b *testing.B) {
	for b.Loop() {
		for _, d := range [][]byte{serifRegularTTF, serifBoldTTF, sansRegularTTF, kaiRegularTTF} {
			if _, err := Parse("bench", d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		_ = Default()
	}
}
