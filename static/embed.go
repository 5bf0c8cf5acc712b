// Package static holds the CSS, icons and the little JavaScript there is.
package static

import "embed"

// FS holds every static file.
//
//go:embed *.css *.js *.svg *.ico
var FS embed.FS
