package load

import (
	"fmt"
	"regexp"
	"strings"
)

// markdownDoc is what a Markdown file yields.
type markdownDoc struct {
	text     string
	meta     Meta
	url      string
	warnings []string
}

var (
	mdATXHeading = regexp.MustCompile(`^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	mdSetextLine = regexp.MustCompile(`^(=+|-+)[ \t]*$`)
	mdRule       = regexp.MustCompile(`^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	mdListItem   = regexp.MustCompile(`^(?:[-*+]|\d{1,9}[.)])[ \t]+`)
	mdRefDef     = regexp.MustCompile(`^\[[^\]]+\]:[ \t]*\S+`)
	mdFence      = regexp.MustCompile("^(```+|~~~+)")

	mdEscape    = regexp.MustCompile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>~|])")
	mdImage     = regexp.MustCompile(`!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])`)
	mdLink      = regexp.MustCompile(`\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])`)
	mdAutolink  = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	mdCode      = regexp.MustCompile("`+([^`]+?)`+")
	mdStrong    = regexp.MustCompile(`\*\*(\S(?:.*?\S)?)\*\*`)
	mdStrongU   = regexp.MustCompile(`(^|\W)__(\S(?:.*?\S)?)__(\W|$)`)
	mdEm        = regexp.MustCompile(`\*(\S(?:.*?\S)?)\*`)
	mdEmU       = regexp.MustCompile(`(^|\W)_(\S(?:.*?\S)?)_(\W|$)`)
	mdStrike    = regexp.MustCompile(`~~(\S(?:.*?\S)?)~~`)
	mdLineBreak = regexp.MustCompile(`(?i)<br\s*/?>`)
	mdInlineTag = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|<!--.*?-->`)
)

// parseMarkdown strips Markdown syntax lightly: the result reads as the
// rendered page would, with one paragraph per block. It is no full
// CommonMark renderer: articles use a small subset, and a stray marker
// left in the text does less harm than text lost to a mis-parse.
func parseMarkdown(src string) markdownDoc {
	src = strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(src, "\n")
	var md markdownDoc
	lines = md.frontMatter(lines)

	var paras []string
	var cur []string
	var fence string
	seenBlock := false
	flush := func() {
		if len(cur) == 0 {
			return
		}
		p := strings.TrimSpace(mdInline(strings.Join(cur, " ")))
		if p != "" {
			paras = append(paras, p)
		}
		cur = cur[:0]
		seenBlock = true
	}
	var code []string
	for _, line := range lines {
		trimmed := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				if c := strings.TrimSpace(strings.Join(code, "\n")); c != "" {
					paras = append(paras, c)
				}
				code, fence = nil, ""
				continue
			}
			code = append(code, strings.TrimRight(line, " \t"))
			continue
		}
		for strings.HasPrefix(trimmed, ">") {
			trimmed = strings.TrimSpace(trimmed[1:])
		}
		switch {
		case trimmed == "":
			flush()
		case mdFence.MatchString(trimmed):
			flush()
			fence = mdFence.FindString(trimmed)
			seenBlock = true
		case len(cur) > 0 && mdSetextLine.MatchString(trimmed):
			flush()
		case mdRule.MatchString(trimmed):
			flush()
		case mdRefDef.MatchString(trimmed):
			flush()
		case mdATXHeading.MatchString(trimmed):
			flush()
			m := mdATXHeading.FindStringSubmatch(trimmed)
			heading := strings.TrimSpace(mdInline(m[2]))
			if !seenBlock && len(m[1]) == 1 && heading != "" {
				// The document's leading "# Title" is its title, not body
				// text; keep it only when front matter named another title.
				if md.meta.Title == "" {
					md.meta.Title = heading
					seenBlock = true
					continue
				}
				if md.meta.Title == heading {
					seenBlock = true
					continue
				}
			}
			if heading != "" {
				paras = append(paras, heading)
			}
			seenBlock = true
		case mdListItem.MatchString(trimmed):
			flush()
			cur = append(cur, mdListItem.ReplaceAllString(trimmed, ""))
		default:
			cur = append(cur, trimmed)
		}
	}
	flush()
	if c := strings.TrimSpace(strings.Join(code, "\n")); c != "" {
		paras = append(paras, c)
	}
	md.text = plainText(strings.Join(paras, "\n\n"))
	return md
}

// frontMatter reads a leading YAML block ("---" … "---" or "...") and
// returns the lines after it. Only flat "key: value" pairs and simple
// lists are understood, which is all article front matter uses.
func (md *markdownDoc) frontMatter(lines []string) []string {
	if len(lines) == 0 || strings.TrimSpace(strings.TrimPrefix(lines[0], "\uFEFF")) != "---" {
		return lines
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if t := strings.TrimSpace(lines[i]); t == "---" || t == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		return lines
	}
	fields := map[string][]string{}
	var last string
	for _, line := range lines[1:end] {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if strings.HasPrefix(t, "- ") && last != "" && line != t {
			fields[last] = append(fields[last], yamlScalar(t[2:]))
			continue
		}
		key, val, ok := strings.Cut(t, ":")
		if !ok || line != strings.TrimLeft(line, " \t") {
			continue
		}
		last = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch {
		case val == "":
			fields[last] = nil
		case strings.HasPrefix(val, "[") && strings.HasSuffix(val, "]"):
			for part := range strings.SplitSeq(val[1:len(val)-1], ",") {
				if s := yamlScalar(part); s != "" {
					fields[last] = append(fields[last], s)
				}
			}
		default:
			fields[last] = []string{yamlScalar(val)}
		}
	}
	first := func(keys ...string) string {
		for _, k := range keys {
			if v := fields[k]; len(v) > 0 && v[0] != "" {
				return v[0]
			}
		}
		return ""
	}
	md.meta.Title = first("title", "headline")
	md.meta.Outlet = first("outlet", "source", "publisher", "site")
	md.meta.Description = first("description", "summary")
	md.meta.Language = first("language", "lang")
	md.url = first("url", "link", "canonical")
	for _, k := range []string{"author", "authors", "byline"} {
		if v := fields[k]; len(v) > 0 {
			md.meta.Author = strings.Join(v, ", ")
			break
		}
	}
	if d := first("date", "published", "pubdate", "published_at"); d != "" {
		if t, ok := parseDate(d); ok {
			md.meta.Published = t
		} else {
			md.warnings = append(md.warnings, fmt.Sprintf("front matter date %q not understood", d))
		}
	}
	return lines[end+1:]
}

func yamlScalar(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return strings.ReplaceAll(s[1:len(s)-1], `\"`, `"`)
	}
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'")
	}
	if i := strings.Index(s, " #"); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	return s
}

// mdInline removes inline markup. Escaped characters are parked in the
// private-use area first so that "\*" survives the emphasis rules.
func mdInline(s string) string {
	s = mdEscape.ReplaceAllStringFunc(s, func(m string) string {
		return string(rune(0xE000) + rune(m[1]))
	})
	s = mdImage.ReplaceAllString(s, "")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdAutolink.ReplaceAllString(s, "$1")
	s = mdCode.ReplaceAllString(s, "$1")
	s = mdLineBreak.ReplaceAllString(s, " ")
	s = mdInlineTag.ReplaceAllString(s, "")
	s = mdStrong.ReplaceAllString(s, "$1")
	s = mdEm.ReplaceAllString(s, "$1")
	// The underscore rules consume the boundary character, so adjacent
	// "_a_ _b_" needs a second pass.
	for range 2 {
		s = mdStrongU.ReplaceAllString(s, "$1$2$3")
		s = mdEmU.ReplaceAllString(s, "$1$2$3")
	}
	s = mdStrike.ReplaceAllString(s, "$1")
	s = strings.Map(func(r rune) rune {
		if r >= 0xE000 && r < 0xE080 {
			return r - 0xE000
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
