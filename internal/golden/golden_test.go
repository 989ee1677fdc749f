package golden

import (
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	got := Diff("a\nb\nc\nd\ne\nf\ng", "a\nb\nc\nX\ne\nf\ng")
	want := "  b\n  c\n- d\n+ X\n  e\n  f"
	if got != want {
		t.Errorf("Diff:\n%s\nwant:\n%s", got, want)
	}
	if d := Diff("same", "same"); strings.ContainsAny(d, "+-") {
		t.Errorf("Diff of equal texts shows changes: %q", d)
	}
}
