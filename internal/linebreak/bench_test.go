package linebreak

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// BenchmarkBreak sets the reference's narrative as one long paragraph at the
// body width of an A4 page, reusing the line slice as the PDF writer does.
func BenchmarkBreak(b *testing.B) {
	text := strings.Join(referenceSentences, "")
	runes := utf8.RuneCountInString(text)
	var lines []Line
	b.ReportAllocs()
	for b.Loop() {
		lines = AppendBreak(lines[:0], text, 28*em, 2*em, fixed)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*runes), "ns/rune")
}

// BenchmarkBreakCells sets short table cells, where the fixed cost per call
// (pool, segmenter setup) dominates.
func BenchmarkBreakCells(b *testing.B) {
	cells := []string{"一般公共服务支出", "540.82", "政务服务中心政服务能力提升（硬件、软件）项目", "合计", "69.47%"}
	var lines []Line
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range cells {
			lines = AppendBreak(lines[:0], c, 6*em, 0, fixed)
		}
	}
}
