// Package markup turns the plain-text output of the narrative templates into
// document blocks. Templates write words, not layout: a few line prefixes
// say what is a heading, and blank lines separate paragraphs.
//
//	# 第一部分                               part title, a line per "#" line; in the
//	# 封丘县政务服务和大数据管理局概况          TOC as the lines joined, the first (the
//	                                          label) by a space, the others by nothing;
//	                                          "[目录：entry]" on its last line sets
//	                                          the entry instead
//	! 附件                                    the annex label: top left, 黑体
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
	"unicode/utf8"

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
				// Another line of the same part title: "第二部分 封丘县…局2023年…".
				body, entry, err := tocTag(body)
				if err != nil {
					return nil, fmt.Errorf("第 %d 行：%v", n+1, err)
				}
				sep := ""
				if !strings.Contains(part.Text, "\n") && !strings.ContainsAny(lastRune(part.Text), "：:") {
					sep = " "
				}
				part.Text += "\n" + body
				part.TOCText += sep + body
				if entry != "" {
					part.TOCText = entry
				}
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
		case strings.HasPrefix(line, "! "):
			flush()
			blocks = append(blocks, &doc.Heading{Level: 1, Style: doc.HeadingAnnexLabel, Text: strings.TrimSpace(line[2:])})
		case strings.HasPrefix(line, "--"):
			flush()
			style = doc.ParagraphPlain
			para.WriteString(strings.TrimSpace(line[2:]))
		default:
			if para.Len() == 0 {
				style = doc.ParagraphBody
			}
			part = nil
			para.WriteString(line)
		}
	}
	flush()
	return blocks, nil
}

func heading(level int, body string) (*doc.Heading, error) {
	text, entry, err := tocTag(body)
	if err != nil {
		return nil, err
	}
	h := &doc.Heading{Level: level, Text: text, TOCText: entry}
	switch level {
	case 1:
		h.Style, h.InTOC = doc.HeadingPart, true
		if h.TOCText == "" {
			h.TOCText = text
		}
		return h, nil
	case 2:
		h.Style = doc.HeadingSection
	default:
		h.Style = doc.HeadingSubsection
	}
	h.InTOC = text != body
	return h, nil
}

// tocTag cuts a "[目录]" or "[目录：entry]" tag off the end of a heading line
// and returns the text before it and the entry ("" for a bare [目录] or no
// tag; text == body when there is no tag).
func tocTag(body string) (text, entry string, err error) {
	i := strings.LastIndex(body, "[目录")
	if i < 0 {
		return body, "", nil
	}
	tag := body[i:]
	if !strings.HasSuffix(tag, "]") {
		return "", "", fmt.Errorf("目录标记 %q 没有闭合：请写成 [目录] 或 [目录：目录中的文字]", tag)
	}
	text = strings.TrimSpace(body[:i])
	entry = strings.TrimSuffix(strings.TrimPrefix(tag, "[目录"), "]")
	if entry != "" {
		e, ok := strings.CutPrefix(entry, "：")
		if !ok || strings.TrimSpace(e) == "" {
			return "", "", fmt.Errorf("目录标记 %q 写法有误：请写成 [目录] 或 [目录：目录中的文字]", tag)
		}
		entry = strings.TrimSpace(e)
	}
	return text, entry, nil
}

// lastRune is the last character of s, as a string.
func lastRune(s string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	return string(r)
}
