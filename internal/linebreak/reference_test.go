package linebreak

import (
	"regexp"
	"testing"
)

// referenceSentences are narrative paragraphs of the published reference
// (fengqiu-2023, 部门预算情况说明), with its spacing around numbers kept.
var referenceSentences = []string{
	"封丘县政务服务和大数据管理局 2023 年收入总计 540.82 万元，支出总计 540.82 万元，与 2022 年预算相比，收、支总计各增加 199.45 万元，增长 58.43%，主要原因：一是正常增人增资、晋级晋档等增加基本支出 57.51 万元；二是根据实际工作需求，工作经费等项目增加 40.47 万元、新增政务服务中心政服务能力提升（硬件、软件）项目 54.27 万元、工装 37.2 万元、疫情防控工作经费 10 万元。",
	"封丘县政务服务和大数据管理局 2023 年支出合计 540.82 万元，其中：基本支出 165.12 万元，占 30.53%；项目支出 375.70 万元，占 69.47%。",
	"封丘县政务服务和大数据管理局 2023 年一般公共预算支出年初预算为 540.82 万元（含部门财政性结转资金 0 万元）。其中：基本支出 165.12 万元，占 30.53%；项目支出 375.70 万元，占 69.47%。主要用于以下方面：一般公共服务（类）支出 502.33 万元，占 92.88%；社会保障和就业（类）支出 19.98 万元，占 3.70%；卫生健康（类）支出 7.27 万元，占 1.34%；住房保障（类）支出 11.24 万元，占 2.08%。",
	"封丘县政务服务和大数据管理局2023年“三公”经费支出预算为0万元。2023年“三公”经费支出预算数与2022年保持一致。",
	"（一）因公出国（境）费0万元，主要用于单位工作人员公务出国（境）的住宿费、旅费、伙食补助费、杂费、培训费等支出。2023年预算数与2022年保持一致。",
	"（三）公务用车购置及运行费0万元，其中，公务用车购置费0万元；公务用车运行维护费0万元，主要用于开展工作所需公务用车的燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出。2023年公务用车购置费预算数和公务用车运行维护费预算数与2022年保持一致。",
}

// numberToken matches a number with its sign, percent and first unit
// character: the runs that must never be split at a line break.
var numberToken = regexp.MustCompile(`[≥≤]?[0-9][0-9,.]*%?( ?\p{Han})?`)

func TestBreakReferenceSentences(t *testing.T) {
	for _, text := range referenceSentences {
		tokens := numberToken.FindAllString(text, -1)
		lines := Break(text, 28*em, 2*em, fixed)
		checkInvariants(t, text, 28*em, 2*em, fixed, lines)
		checkPunctuation(t, lines)
		checkWhole(t, text, lines, tokens)
		if len(lines) < 2 {
			t.Errorf("%q fits on %d line at 28 characters; the test sentence should wrap", text, len(lines))
		}
	}
}

// TestBreakReferenceSentencesAllWidths sets the sentences at every width
// from 6 to 40 characters, which puts the breaks at every possible place.
func TestBreakReferenceSentencesAllWidths(t *testing.T) {
	for _, text := range referenceSentences {
		tokens := numberToken.FindAllString(text, -1)
		for chars := 6; chars <= 40; chars++ {
			width := float64(chars) * em
			lines := Break(text, width, 0, fixed)
			checkInvariants(t, text, width, 0, fixed, lines)
			checkPunctuation(t, lines)
			checkWhole(t, text, lines, tokens)
		}
	}
}

// unitToken matches a number with its unit of several characters: "540.82
// 万元" must never end a line as "540.82 万" / "元".
var unitToken = regexp.MustCompile(`[0-9][0-9,.]* ?万元`)

// TestBreakKeepsUnitsWhole sets the sentences at every width from 8
// characters (where the longest amount and the mark after it still fit a
// line) to 40: no amount is ever split from the rest of its unit.
func TestBreakKeepsUnitsWhole(t *testing.T) {
	for _, text := range referenceSentences {
		tokens := unitToken.FindAllString(text, -1)
		if len(tokens) == 0 {
			continue
		}
		for chars := 8; chars <= 40; chars++ {
			width := float64(chars) * em
			checkWhole(t, text, Break(text, width, 0, fixed), tokens)
		}
	}
}
