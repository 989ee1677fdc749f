package main

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/budgetdoc/budgetdoc/fonts"
)

// --font sets one role and leaves the others at the embedded fonts;
// --font fallback=FILE goes last in every role.
func TestFontFlagSetsOneRole(t *testing.T) {
	font := filepath.Join("..", "..", "fonts", "testdata", "tiny.ttf")
	rf := renderFlags{fonts: stringList{"body=" + font}}
	o, _, err := rf.options()
	if err != nil {
		t.Fatal(err)
	}
	def := fonts.Default()
	for _, role := range []fonts.Role{fonts.RoleTitle, fonts.RoleHeading, fonts.RoleKai, fonts.RoleTable} {
		if !slices.Equal(o.Fonts.Chain(role), def.Chain(role)) {
			t.Errorf("--font body=… changed the %s chain", role)
		}
	}
	body := o.Fonts.Chain(fonts.RoleBody)
	if len(body) != len(def.Chain(fonts.RoleBody))+1 || !slices.Equal(body[1:], def.Chain(fonts.RoleBody)) || body[0].Has('国') {
		t.Errorf("--font body=tiny.ttf: body chain has %d faces; want tiny.ttf in front of the embedded ones", len(body))
	}

	rf = renderFlags{fonts: stringList{"fallback=" + font}}
	if o, _, err = rf.options(); err != nil {
		t.Fatal(err)
	}
	for _, role := range []fonts.Role{fonts.RoleBody, fonts.RoleTitle, fonts.RoleHeading, fonts.RoleKai, fonts.RoleTable} {
		chain := o.Fonts.Chain(role)
		if !slices.Equal(chain[:len(chain)-1], def.Chain(role)) || chain[len(chain)-1].Has('国') {
			t.Errorf("--font fallback=…: the %s chain is not the embedded one with tiny.ttf last", role)
		}
	}
}
