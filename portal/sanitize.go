package portal

import (
	"html"
	"html/template"
	"regexp"
	"strings"
	"unicode"

	"github.com/microcosm-cc/bluemonday"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
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

func (h *handler) sanitize(s string) string { return h.policy.Sanitize(divsToParagraphs(s)) }

// richHTML is the template's view of stored rich text: sanitised again at
// render time, so data written around the forms (imports, old rows) cannot
// carry script either.
func (h *handler) richHTML(s string) template.HTML {
	return template.HTML(h.sanitize(s)) // #nosec G203 -- sanitised just now
}

// hasDiv spots the <div>s that Chromium's editor makes on Enter and that
// pasted web pages are full of.
var hasDiv = regexp.MustCompile(`(?i)<div[\s>/]`)

// divsToParagraphs turns block <div>s, which the policy drops, into
// paragraphs so that lines typed or pasted as divs stay apart instead of
// running together: a div holding only text and inline markup becomes a
// <p>, a div around other blocks is unwrapped. Text left between blocks at
// the top level gets a paragraph of its own too.
func divsToParagraphs(s string) string {
	if !hasDiv.MatchString(s) {
		return s
	}
	body := &xhtml.Node{Type: xhtml.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := xhtml.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		return s // the policy still sanitises it; lines may merge, nothing worse
	}
	for _, n := range nodes {
		body.AppendChild(n)
	}
	fixDivs(body)
	wrapInline(body)
	var b strings.Builder
	for n := body.FirstChild; n != nil; n = n.NextSibling {
		if err := xhtml.Render(&b, n); err != nil {
			return s
		}
	}
	return b.String()
}

// blockAtoms are the elements that start a block of their own.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Table: true,
	atom.Blockquote: true, atom.Hr: true, atom.Pre: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Tr: true, atom.Td: true, atom.Th: true,
}

func isBlock(n *xhtml.Node) bool { return n.Type == xhtml.ElementNode && blockAtoms[n.DataAtom] }

// fixDivs renames or unwraps every div below n, innermost first.
func fixDivs(n *xhtml.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		fixDivs(c)
		if c.Type == xhtml.ElementNode && c.DataAtom == atom.Div {
			hasBlock := false
			for g := c.FirstChild; g != nil; g = g.NextSibling {
				hasBlock = hasBlock || isBlock(g)
			}
			if hasBlock {
				wrapInline(c)
				for g := c.FirstChild; g != nil; g = c.FirstChild {
					c.RemoveChild(g)
					n.InsertBefore(g, c)
				}
				n.RemoveChild(c)
			} else {
				c.Data, c.DataAtom, c.Attr = "p", atom.P, nil
			}
		}
		c = next
	}
}

// wrapInline puts each run of text and inline elements that sits between
// blocks of n into a paragraph, when n has any block at all.
func wrapInline(n *xhtml.Node) {
	hasBlock := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		hasBlock = hasBlock || isBlock(c)
	}
	if !hasBlock {
		return
	}
	var run *xhtml.Node
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case isBlock(c):
			run = nil
		case run == nil && c.Type == xhtml.TextNode && strings.TrimSpace(c.Data) == "":
			// white space between blocks stays as it is
		case c.Type == xhtml.ElementNode && c.DataAtom == atom.Br && run == nil:
			n.RemoveChild(c) // a break right after a block adds nothing
		default:
			if run == nil {
				run = &xhtml.Node{Type: xhtml.ElementNode, Data: "p", DataAtom: atom.P}
				n.InsertBefore(run, c)
			}
			n.RemoveChild(c)
			run.AppendChild(c)
		}
		c = next
	}
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
