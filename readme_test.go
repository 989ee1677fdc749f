package budgetdoc

import (
	"io"
	"os"
	"strings"
	"testing"
)

// TestReadmeExample renders the README's complete small example, so the
// schema documentation cannot drift from what Load accepts.
func TestReadmeExample(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "### A complete small example")
	if !ok {
		t.Fatal("README: no complete small example")
	}
	_, rest, _ = strings.Cut(rest, "```yaml\n")
	example, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatal("README: the example's yaml block is not closed")
	}
	b, err := Parse("README-example.yaml", []byte(example))
	if err != nil {
		t.Fatal(err)
	}
	if ps := Validate(b, nil); len(ps) > 0 {
		t.Fatalf("README example has problems:\n%v", ps)
	}
	if err := writeTo(io.Discard, b, nil, FormatPDF); err != nil {
		t.Fatal(err)
	}
}
