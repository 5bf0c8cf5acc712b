// Package views holds the HTML templates, embedded in the binary.
package views

import "embed"

// FS holds layouts/, partials/ and pages/.
//
//go:embed layouts/*.html partials/*.html pages/*.html
var FS embed.FS
