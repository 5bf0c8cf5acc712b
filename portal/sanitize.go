package portal

import (
	"html"
	"html/template"
	"regexp"
	"strings"
	"unicode"

	"github.com/microcosm-cc/bluemonday"
	xhtml "golang.org/x/net/html"
)

// newPolicy is the one policy for HTML that officers write. Built once:
// building a policy is not goroutine-safe, sanitising is.
func newPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	// Structure: paragraphs, line breaks, headings (h1 is the page title,
	// so bodies start at h2), quotes and rules.
	p.AllowElements("p", "br", "h2", "h3", "h4", "blockquote", "hr")
	// Emphasis that survives pasting from Word.
	p.AllowElements("strong", "b", "em", "i", "u", "sub", "sup")
	// Lists.
	p.AllowElements("ul", "ol", "li")
	// Tables, which budgets and schedules need; merged cells only.
	p.AllowElements("table", "thead", "tbody", "tfoot", "tr", "caption")
	p.AllowElements("th", "td")
	p.AllowAttrs("colspan", "rowspan").Matching(regexp.MustCompile(`^[1-9][0-9]?$`)).OnElements("th", "td")
	p.AllowAttrs("scope").Matching(regexp.MustCompile(`^(row|col)$`)).OnElements("th")
	// Links: http(s), mailto and tel only; outside links open without
	// handing over the referrer or window.opener.
	p.AllowAttrs("href").OnElements("a")
	p.AllowURLSchemes("http", "https", "mailto", "tel")
	p.AllowRelativeURLs(true)
	p.RequireNoFollowOnLinks(true)
	p.RequireNoReferrerOnLinks(true)
	p.AddTargetBlankToFullyQualifiedLinks(true)
	// Nothing else: no style, class, id, images, scripts, frames or forms.
	return p
}

func (h *handler) sanitize(s string) string { return h.policy.Sanitize(s) }

// richHTML is the template's view of stored rich text: sanitised again at
// render time, so data written around the forms (imports, old rows) cannot
// carry script either.
func (h *handler) richHTML(s string) template.HTML {
	return template.HTML(h.policy.Sanitize(s)) // #nosec G203 -- sanitised just now
}

// dangerous spots markup that the policy would drop silently and that the
// officer should hear about: scripts, frames, embedded styles, handlers.
var dangerous = regexp.MustCompile(`(?i)<\s*(script|iframe|object|embed|style|form|input|svg|math)\b|\bon[a-z]+\s*=|javascript\s*:`)

// urlAttrs are the attributes whose value a browser follows or loads.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true,
	"data": true, "poster": true, "background": true, "cite": true,
}

// unsafeLink reports whether HTML links to or loads a javascript:,
// vbscript: or data: address, however it is spelled: the tokenizer decodes
// entities as a browser does (&#106; &#x6A &colon; …), and case, white
// space and invisible characters are ignored. Stricter than a browser, which
// treats "java script:" as a relative address: refusing that costs nothing.
func unsafeLink(s string) bool {
	z := xhtml.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return false
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				if urlAttrs[string(k)] && unsafeScheme(string(v)) {
					return true
				}
			}
		}
	}
}

func unsafeScheme(v string) bool {
	var b strings.Builder
	for _, r := range v {
		if r <= ' ' || unicode.In(r, unicode.Cc, unicode.Cf, unicode.Z) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	scheme, _, found := strings.Cut(b.String(), ":")
	if !found {
		return false
	}
	switch scheme {
	case "javascript", "vbscript", "data":
		return true
	}
	return false
}

// markup spots any HTML tag in a field meant to be plain text.
var markup = regexp.MustCompile(`<\s*/?\s*[a-zA-Z!][^>]*>`)

// textToHTML turns plain text, typed without the editor's toolbar (no
// JavaScript), into paragraphs and lists.
func textToHTML(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, block := range strings.Split(s, "\n\n") {
		block = strings.TrimSpace(block)
		if block == "" {
			continue
		}
		lines := strings.Split(block, "\n")
		isList := true
		for _, l := range lines {
			l = strings.TrimSpace(l)
			if !strings.HasPrefix(l, "- ") && !strings.HasPrefix(l, "* ") && !strings.HasPrefix(l, "+ ") {
				isList = false
				break
			}
		}
		if isList {
			b.WriteString("<ul>")
			for _, l := range lines {
				b.WriteString("<li>" + html.EscapeString(strings.TrimSpace(strings.TrimSpace(l)[2:])) + "</li>")
			}
			b.WriteString("</ul>\n")
			continue
		}
		for i, l := range lines {
			lines[i] = html.EscapeString(strings.TrimSpace(l))
		}
		b.WriteString("<p>" + strings.Join(lines, "<br>") + "</p>\n")
	}
	return b.String()
}

var (
	blockEnd = regexp.MustCompile(`(?i)</(p|h[1-6]|li|tr|blockquote|table|ul|ol)>|<br\s*/?>`)
	cellEnd  = regexp.MustCompile(`(?i)</t[dh]>`)
	anyTag   = regexp.MustCompile(`<[^>]*>`)
)

// htmlToText renders sanitised HTML as plain text for diffs and feeds.
func htmlToText(s string) string {
	s = blockEnd.ReplaceAllString(s, "\n")
	s = cellEnd.ReplaceAllString(s, " | ")
	s = anyTag.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

func escapeText(s string) string { return html.EscapeString(s) }
