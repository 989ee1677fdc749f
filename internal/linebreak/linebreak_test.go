package linebreak

import (
	"slices"
	"testing"
)

func TestBreakRules(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		width  float64
		indent float64
		want   []string
	}{
		{"between any two Han", "一二三四五六七", 3 * em, 0, []string{"一二三", "四五六", "七"}},
		{"first-line indent", "一二三四五六七八", 4 * em, 2 * em, []string{"一二", "三四五六", "七八"}},
		{"closing mark pulls the previous character down", "一二三，四五", 3 * em, 0, []string{"一二", "三，四", "五"}},
		{"two closing marks", "一二三。」四", 3 * em, 0, []string{"一二", "三。」", "四"}},
		{"opening mark goes down with the next", "一二（三四）", 3 * em, 0, []string{"一二", "（三", "四）"}},
		{"opening quote", "一二“三”", 3 * em, 0, []string{"一二", "“三”"}},
		{"dash pair", "一二——三", 3 * em, 0, []string{"一", "二——", "三"}},
		{"ellipsis pair", "一二……三", 3 * em, 0, []string{"一", "二……", "三"}},
		{"interpunct", "阿卜杜·买提", 3 * em, 0, []string{"阿卜", "杜·买", "提"}},
		{"percent after Han", "一二三%", 3 * em, 0, []string{"一二", "三%"}},
		{"ASCII closing", "一二三)四", 3 * em, 0, []string{"一二", "三)四"}},
		{"ASCII opening", "一二(三", 3 * em, 0, []string{"一二", "(三"}},
		{"number keeps its unit", "收入540.82万元", 6 * em, 0, []string{"收入", "540.82万元"}},
		{"unit of three characters", "面积5670平方米的", 6.5 * em, 0, []string{"面积", "5670平方米的"}},
		{"a word after the unit is not part of it", "共10万元的支出", 4 * em, 0, []string{"共10万元", "的支出"}},
		{"unit split only when the number is alone", "收入540.82万元", 4.5 * em, 0, []string{"收入", "540.82万", "元"}},
		{"number goes down whole", "收入540.82万元", 5 * em, 0, []string{"收入", "540.82万元"}},
		{"number with a space before the unit", "收入540.82 万元", 5.5 * em, 0, []string{"收入", "540.82 万元"}},
		{"percentage and comma", "增长58.43%，主要", 5.5 * em, 0, []string{"增长", "58.43%，主", "要"}},
		{"thousands", "合计12,345.67元", 6 * em, 0, []string{"合计", "12,345.67元"}},
		{"year", "局2023年收入", 3.5 * em, 0, []string{"局", "2023年", "收入"}},
		{"number whole before the unit", "收入540.82万元", 3.5 * em, 0, []string{"收入", "540.82", "万元"}},
		{"greater or equal", "目标≥95%", 3.5 * em, 0, []string{"目标", "≥95%"}},
		{"less or equal", "控制在≤246.75万元", 6 * em, 0, []string{"控制在", "≤246.75万元"}},
		{"fullwidth number", "收入５４０．８２万元", 8 * em, 0, []string{"收入", "５４０．８２万元"}},
		{"hyphenated word", "发送E-mail至", 4 * em, 0, []string{"发送", "E-mail至"}},
		{"Latin word", "导出PDF文件", 3 * em, 0, []string{"导出", "PDF文", "件"}},
		{"word longer than the line", "ABCDEFGHIJ", 4 * 8, 0, []string{"ABCD", "EFGH", "IJ"}},
		{"number longer than the line", "共1234567890元", 4 * 8, 0, []string{"共", "1234", "5678", "90元"}},
		{"punctuation longer than the line", "，，，，，", 2 * em, 0, []string{"，，", "，，", "，"}},
		{"rune wider than the line", "中文", 10, 0, []string{"中", "文"}},
		{"indent wider than the line", "中文", 2 * em, 3 * em, []string{"中", "文"}},
		{"space at the break is dropped", "abc def", 5 * 8, 0, []string{"abc", "def"}},
		{"spaces hang past the edge", "abc      def", 3 * 8, 0, []string{"abc", "def"}},
		{"newlines force breaks", "一二\n三\r\n\n四", 10 * em, 0, []string{"一二", "三", "", "四"}},
		{"trailing newline adds no line", "一\n", 10 * em, 0, []string{"一"}},
		{"leading spaces kept", "　　一二", 10 * em, 0, []string{"　　一二"}},
		{"empty", "", 10 * em, 0, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := Break(tt.text, tt.width, tt.indent, fixed)
			if got := texts(lines); !slices.Equal(got, tt.want) {
				t.Errorf("Break(%q, %v, %v) = %q, want %q", tt.text, tt.width, tt.indent, got, tt.want)
			}
			checkInvariants(t, tt.text, tt.width, tt.indent, fixed, lines)
		})
	}
}

func TestBreakWidthsAndLast(t *testing.T) {
	lines := Break("abc def\n中文", 5*8, 0, fixed)
	want := []Line{{"abc", 24, false}, {"def", 24, true}, {"中文", 32, true}}
	if !slices.Equal(lines, want) {
		t.Errorf("got %+v, want %+v", lines, want)
	}
}

func TestAppendBreakReusesSlice(t *testing.T) {
	buf := make([]Line, 0, 8)
	buf = AppendBreak(buf, "一二三四", 2*em, 0, fixed)
	buf = AppendBreak(buf, "五", 2*em, 0, fixed)
	if got, want := texts(buf), []string{"一二", "三四", "五"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if raceEnabled {
		return
	}
	if allocs := testing.AllocsPerRun(100, func() {
		buf = AppendBreak(buf[:0], "封丘县政务服务和大数据管理局 2023 年收入总计 540.82 万元。", 10*em, 2*em, fixed)
	}); allocs != 0 {
		t.Errorf("AppendBreak into a large enough slice allocates %v times, want 0", allocs)
	}
}
