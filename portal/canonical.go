package portal

import (
	"strings"
	"unicode/utf8"

	"minhbach/store"
)

// canonical is the one address of a public page: its path without a
// trailing slash or query string (a paged list adds its page number), made
// absolute only with the portal's address from the settings. It is never
// built from the Host header, which any client can choose.
func canonical(st store.Settings, path string) string {
	if len(path) > 1 {
		path = strings.TrimRight(path, "/")
	}
	if path == "" {
		path = "/"
	}
	return strings.TrimRight(st.PortalURL, "/") + path
}

// maxDescription is about what search results and link previews show.
const maxDescription = 160

// describe makes a page's meta description from plain text: white space
// folded, cut at a word near maxDescription characters.
func describe(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= maxDescription {
		return text
	}
	cut := string([]rune(text)[:maxDescription])
	if i := strings.LastIndex(cut, " "); i > maxDescription/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:–-") + "…"
}
