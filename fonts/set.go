package fonts

import (
	"slices"
	"strconv"
	"strings"
)

// Role is a typographic job in the document; each role has its own chain of fonts.
type Role string

const (
	RoleBody    Role = "body"    // running text (GB/T 9704: 仿宋_GB2312 3号; here 宋 unless a 仿宋 is registered)
	RoleTitle   Role = "title"   // document title (2号小标宋)
	RoleHeading Role = "heading" // first-level headings "一、" (黑体)
	RoleKai     Role = "kai"     // second-level headings "（一）" (楷体)
	RoleTable   Role = "table"   // table cells
)

// standardRoles is the order Faces walks roles in, before any other roles sorted by name.
var standardRoles = []Role{RoleBody, RoleTitle, RoleHeading, RoleKai, RoleTable}

// Set maps roles to fallback chains of faces. The zero Set is empty and usable; Default gives the
// embedded fonts. A Set is not safe for concurrent Register; reading from many goroutines is fine.
type Set struct {
	chains map[Role][]*Face
}

// Default returns a new Set with the embedded faces. Each role starts with its own GB2312 face,
// goes on to the same family's 《通用规范汉字表》 face, and ends in the faces that hold every
// other character Noto Serif SC and Noto Sans SC have (see README.md for what each face holds):
//
//	Body    [serif, serif-tongyong, serif-rest, sans-rest]
//	Title   [serif-bold, serif-bold-tongyong, serif, serif-rest, sans-rest]
//	Heading [sans, sans-tongyong, sans-rest, serif, serif-rest]
//	Kai     [kai, serif, kai-tongyong, serif-rest, sans-rest]
//	Table   [serif, serif-tongyong, serif-rest, sans-rest]
//
// So every character of 《通用规范汉字表》 is drawn in its role's own style: the Kai chain takes
// what AR PL KaitiM GB lacks from LXGW WenKai (kai-tongyong), after the serif, which gives it
// "•" and "〇" as before. Rarer characters are drawn in serif in every role. The faces after the
// first of each chain are parsed only when a character needs them.
func Default() *Set { return defaultSet(builtin) }

func defaultSet(e *embeddedFaces) *Set {
	return &Set{chains: map[Role][]*Face{
		RoleBody:    {e.serif, e.serifTongyong, e.serifRest, e.sansRest},
		RoleTitle:   {e.serifBold, e.serifBoldTongyong, e.serif, e.serifRest, e.sansRest},
		RoleHeading: {e.sans, e.sansTongyong, e.sansRest, e.serif, e.serifRest},
		RoleKai:     {e.kai, e.serif, e.kaiTongyong, e.serifRest, e.sansRest},
		RoleTable:   {e.serif, e.serifTongyong, e.serifRest, e.sansRest},
	}}
}

// Register puts f first in role's chain; the faces already there stay behind it as fallback, so
// a licensed 仿宋_GB2312 registered for Body draws what it has and the embedded serif the rest.
// Registering a face that is already in the chain moves it to the front. If another face in the
// set already uses f's name, f is registered under the name with "-2", "-3", … appended, so every
// face the PDF writer registers has its own name.
func (s *Set) Register(role Role, f *Face) {
	if f == nil {
		return
	}
	if s.chains == nil {
		s.chains = make(map[Role][]*Face)
	}
	f = s.uniquelyNamed(f)
	chain := slices.DeleteFunc(slices.Clone(s.chains[role]), func(g *Face) bool { return g == f })
	s.chains[role] = append([]*Face{f}, chain...)
}

// RegisterFallback puts f last in every role's chain, the standard roles' included: it draws
// only what no other face of a role has, such as a rare character in a name, so one font file
// mends every role and leaves the rest of the document as it was.
func (s *Set) RegisterFallback(f *Face) {
	if f == nil {
		return
	}
	if s.chains == nil {
		s.chains = make(map[Role][]*Face)
	}
	f = s.uniquelyNamed(f)
	for _, role := range s.roles() {
		chain := slices.DeleteFunc(slices.Clone(s.chains[role]), func(g *Face) bool { return g == f })
		s.chains[role] = append(chain, f)
	}
}

// uniquelyNamed returns f itself if it is already in the set or no other face has its name, and
// otherwise a renamed face sharing f's data (the same one for every call with that f).
func (s *Set) uniquelyNamed(f *Face) *Face {
	taken := make(map[string]bool)
	for _, g := range s.Faces() {
		if g == f {
			return f
		}
		if g.source == f.source && strings.HasPrefix(g.name, f.name) {
			return g // f renamed by an earlier Register
		}
		taken[g.name] = true
	}
	if !taken[f.name] {
		return f
	}
	for i := 2; ; i++ {
		if name := f.name + "-" + strconv.Itoa(i); !taken[name] {
			return f.withName(name)
		}
	}
}

// Chain returns role's faces, most preferred first. The slice is a copy.
func (s *Set) Chain(role Role) []*Face {
	return slices.Clone(s.chains[role])
}

// Faces returns every distinct face of all chains, once each, in a stable order: the standard
// roles (Body, Title, Heading, Kai, Table) first, then other roles by name, each chain front to
// back. The PDF writer registers each of these fonts once.
func (s *Set) Faces() []*Face {
	var faces []*Face
	for _, r := range s.roles() {
		for _, f := range s.chains[r] {
			if !slices.Contains(faces, f) {
				faces = append(faces, f)
			}
		}
	}
	return faces
}

// Pick returns the first face in role's chain that has r, or a *MissingGlyphError.
func (s *Set) Pick(role Role, r rune) (*Face, error) {
	chain := s.chains[role]
	for _, f := range chain {
		if f.Has(r) {
			return f, nil
		}
	}
	tried := make([]string, len(chain))
	for i, f := range chain {
		tried[i] = f.Name()
	}
	return nil, &MissingGlyphError{Rune: r, Role: role, Tried: tried}
}
