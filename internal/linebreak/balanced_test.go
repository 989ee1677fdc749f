package linebreak

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestBalanced(t *testing.T) {
	for _, c := range []struct {
		text  string
		width float64 // in ems of fixed
		want  []string
	}{
		{"单位代码", 3, []string{"单位", "代码"}},
		{"商品和服务支出", 6, []string{"商品和服", "务支出"}},
		{"驻村人员满意度", 3, []string{"驻村", "人员满", "意度"}},
		{"合计", 5, []string{"合计"}},
		{"工资福利支出3717632.50", 6, []string{"工资福利支出", "3717632.50"}}, // never inside a number
	} {
		var got []string
		for _, ln := range Balanced(c.text, c.width*em, fixed) {
			got = append(got, ln.Text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Balanced(%q, %v em) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

// balancedByBreak is Balanced as it was written first, from whole Breaks:
// Balanced analyses the text once and must set the same lines.
func balancedByBreak(text string, width float64, measure Measure) []Line {
	lines := Break(text, width, 0, measure)
	if len(lines) < 2 {
		return lines
	}
	lo, hi := Widest(text, measure)-0.01, width
	for range 16 {
		mid := (lo + hi) / 2
		if len(Break(text, mid, 0, measure)) == len(lines) {
			hi = mid
		} else {
			lo = mid
		}
		if hi-lo < 0.25 {
			break
		}
	}
	lines = Break(text, hi, 0, measure)
	if n := len(lines); utf8.RuneCountInString(lines[n-1].Text) == 1 {
		for k := 1; k <= 3; k++ {
			try := Break(text, hi, float64(k)*measure('中'), measure)
			if len(try) == n && utf8.RuneCountInString(try[n-1].Text) > 1 {
				return try
			}
		}
	}
	return lines
}

func TestBalancedAsByBreak(t *testing.T) {
	texts := append([]string{"单位代码", "驻村人员满意度", "工资福利支出3717632.50", "", "合计",
		"政务服务中心政服务能力提升（硬件、软件）项目", "a\nb c（ 2023 年）"}, referenceSentences...)
	for _, text := range texts {
		for w := 0.5; w <= 30; w += 0.75 {
			got, want := Balanced(text, w*em, fixed), balancedByBreak(text, w*em, fixed)
			if !slices.Equal(got, want) {
				t.Fatalf("Balanced(%q, %v em) = %+v, want %+v", text, w, got, want)
			}
		}
	}
}

// TestRankCache breaks short texts with the kept ranks and without: the
// lines must be the same, and a full cache is emptied, not grown.
func TestRankCache(t *testing.T) {
	var texts []string
	for _, s := range referenceSentences {
		rs := []rune(s)
		for i := 0; i+12 <= len(rs); i += 5 {
			texts = append(texts, string(rs[i:i+12]))
		}
	}
	for _, text := range texts {
		rankCache.Lock()
		clear(rankCache.m)
		rankCache.Unlock()
		fresh := Break(text, 5*em, 0, fixed)
		if _, ok := cachedRanks(text); !ok {
			t.Fatalf("%q: ranks not kept", text)
		}
		if kept := Break(text, 5*em, 0, fixed); !slices.Equal(kept, fresh) {
			t.Fatalf("%q: with kept ranks %+v, fresh %+v", text, kept, fresh)
		}
	}
	for i := range maxCached + 10 {
		Break(string(rune(0x4e00+i)), em, 0, fixed)
	}
	rankCache.Lock()
	n := len(rankCache.m)
	rankCache.Unlock()
	if n > maxCached {
		t.Errorf("the cache holds %d texts, more than %d", n, maxCached)
	}
}
