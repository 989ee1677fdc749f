package markup

import (
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/doc"
)

func TestParse(t *testing.T) {
	src := `
# 第一部分
# 封丘县概况
## 一、封丘县主要职责 [目录：一、主要职责]
### （一）机构设置情况
  封丘县政务服务和大数据管理局内设
  办公室4个科室。

-- 具体支出情况如下：
## 二、收入 [目录]
## 三、支出
===
正文。
! 附件
# 封丘县
# 2023年部门预算表 [目录：附件：封丘县2023年部门预算表]

# 第二部分
# 封丘县
# 2023年说明`
	blocks, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range blocks {
		switch b := b.(type) {
		case *doc.Heading:
			if b.Style == doc.HeadingAnnexLabel {
				got = append(got, "L "+b.Text)
				continue
			}
			got = append(got, "H"+string(rune('0'+b.Level))+" "+strings.ReplaceAll(b.Text, "\n", "/")+" toc="+map[bool]string{true: b.Entry(), false: "-"}[b.InTOC])
		case *doc.Paragraph:
			got = append(got, map[doc.ParagraphStyle]string{doc.ParagraphBody: "P ", doc.ParagraphPlain: "Q "}[b.Style]+b.Text)
		case *doc.PageBreak:
			got = append(got, "BREAK")
		}
	}
	want := []string{
		"H1 第一部分/封丘县概况 toc=第一部分 封丘县概况",
		"H2 一、封丘县主要职责 toc=一、主要职责",
		"H3 （一）机构设置情况 toc=-",
		"P 封丘县政务服务和大数据管理局内设办公室4个科室。",
		"Q 具体支出情况如下：",
		"H2 二、收入 toc=二、收入",
		"H2 三、支出 toc=-",
		"BREAK",
		"P 正文。",
		"L 附件",
		"H1 封丘县/2023年部门预算表 toc=附件：封丘县2023年部门预算表",
		"H1 第二部分/封丘县/2023年说明 toc=第二部分 封丘县2023年说明",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestParseErrors(t *testing.T) {
	for _, src := range []string{"#### 四级", "#无空格", "## 标题 [目录：", "## 标题 [目录x]", "## 标题 [目录：]"} {
		if _, err := Parse("正文\n" + src); err == nil || !strings.Contains(err.Error(), "第 2 行") {
			t.Errorf("Parse(%q) = %v, want an error naming 第 2 行", src, err)
		}
	}
}
