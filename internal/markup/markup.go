// Package markup turns the plain-text output of the narrative templates into
// document blocks. Templates write words, not layout: a few line prefixes
// say what is a heading, and blank lines separate paragraphs.
//
//	# 第一部分                               part title, a line per "#" line;
//	# 封丘县政务服务和大数据管理局概况          in the TOC as the lines joined by a space
//	## 一、…主要职责 [目录：一、主要职责]       section title; "[目录]" or "[目录：entry]"
//	                                          puts it in the TOC (with its own entry text)
//	### （一）机构设置情况                     subsection title
//	-- 具体支出情况如下：                      a paragraph without first-line indent
//	any other text                            body paragraph; its lines are joined
//	                                          without a separator (Chinese has no
//	                                          spaces between words)
//	===                                       page break (portrait)
//
// Lines are trimmed of surrounding white space, so templates may indent their
// actions freely.
package markup

import (
	"fmt"
	"strings"

	"github.com/budgetdoc/budgetdoc/doc"
)

// Parse converts markup text into blocks. It reports the first line it cannot
// read, by number, so a template author can find it.
func Parse(text string) ([]doc.Block, error) {
	var (
		blocks []doc.Block
		para   strings.Builder
		style  doc.ParagraphStyle
		part   *doc.Heading
	)
	flush := func() {
		if para.Len() > 0 {
			blocks = append(blocks, &doc.Paragraph{Style: style, Text: para.String()})
			para.Reset()
		}
		part = nil
	}
	for n, raw := range strings.Split(text, "\n") {
		line := strings.TrimSpace(raw)
		switch {
		case line == "":
			flush()
		case line == "===":
			flush()
			blocks = append(blocks, &doc.PageBreak{})
		case strings.HasPrefix(line, "#"):
			level := len(line) - len(strings.TrimLeft(line, "#"))
			body := strings.TrimSpace(line[level:])
			if level > 3 || body == "" || line[level] != ' ' {
				return nil, fmt.Errorf("第 %d 行：标题应以“# ”“## ”或“### ”开头，后接标题文字：%q", n+1, line)
			}
			if level == 1 && part != nil {
				// Another line of the same part title.
				part.Text += "\n" + body
				part.TOCText += " " + body
				continue
			}
			flush()
			h, err := heading(level, body)
			if err != nil {
				return nil, fmt.Errorf("第 %d 行：%v", n+1, err)
			}
			blocks = append(blocks, h)
			if level == 1 {
				part = h
			}
		case strings.HasPrefix(line, "--"):
			flush()
			style = doc.Plain
			para.WriteString(strings.TrimSpace(line[2:]))
		default:
			if para.Len() == 0 {
				style = doc.Body
			}
			part = nil
			para.WriteString(line)
		}
	}
	flush()
	return blocks, nil
}

func heading(level int, body string) (*doc.Heading, error) {
	h := &doc.Heading{Level: level, Text: body}
	switch level {
	case 1:
		h.Style, h.InTOC, h.TOCText = doc.PartTitle, true, body
		return h, nil
	case 2:
		h.Style = doc.SectionTitle
	default:
		h.Style = doc.SubsectionTitle
	}
	i := strings.LastIndex(body, "[目录")
	if i < 0 {
		return h, nil
	}
	tag := body[i:]
	if !strings.HasSuffix(tag, "]") {
		return nil, fmt.Errorf("目录标记 %q 没有闭合：请写成 [目录] 或 [目录：目录中的文字]", tag)
	}
	h.Text = strings.TrimSpace(body[:i])
	h.InTOC = true
	entry := strings.TrimSuffix(strings.TrimPrefix(tag, "[目录"), "]")
	if entry != "" {
		entry, ok := strings.CutPrefix(entry, "：")
		if !ok || strings.TrimSpace(entry) == "" {
			return nil, fmt.Errorf("目录标记 %q 写法有误：请写成 [目录] 或 [目录：目录中的文字]", tag)
		}
		h.TOCText = strings.TrimSpace(entry)
	}
	return h, nil
}
