package budget

import (
	"testing"

	"github.com/budgetdoc/budgetdoc/internal/synth"
)

// BenchmarkLoadCheck reads and checks a department of 100 000 spending
// lines, 5 000 units and 5 000 projects: the memory it allocates per line
// (B/op ÷ 100 000) is what bounds the input size a machine can take.
//
//	go test ./budget -run '^$' -bench LoadCheck -benchmem -benchtime 3x
func BenchmarkLoadCheck(b *testing.B) {
	data, err := synth.YAML(synth.Size{Lines: 100000, Units: 5000, Projects: 5000, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		bud, err := Parse("synth.yaml", data)
		if err != nil {
			b.Fatal(err)
		}
		if ps := bud.Check(nil); ps.Err() != nil {
			b.Fatal(ps[0])
		}
	}
}
