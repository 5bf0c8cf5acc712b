package portal

import (
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"

	"minhbach/store"
)

// How redactions show to the public: the mark where text was removed, a
// note of who removed what, when and why, and removed files listed as such.

// redactedMarkHTML is the visible form of store.RedactionMark.
const redactedMarkHTML = `<mark class="redacted">` + store.RedactionMark + `</mark>`

var escapedMark = template.HTMLEscapeString(store.RedactionMark)

// markRedacted escapes plain text and shows its redaction marks.
func markRedacted(s string) template.HTML {
	return template.HTML(strings.ReplaceAll(template.HTMLEscapeString(s), escapedMark, redactedMarkHTML)) // #nosec G203 -- escaped just now
}

// markRedactedHTML shows the marks in sanitised HTML, in text only: a mark
// inside an attribute value (a redacted link) stays plain text there.
func markRedactedHTML(h template.HTML) template.HTML {
	s := string(h)
	if !strings.Contains(s, escapedMark) {
		return h
	}
	var b strings.Builder
	last := 0
	for _, tag := range anyTag.FindAllStringIndex(s, -1) {
		b.WriteString(strings.ReplaceAll(s[last:tag[0]], escapedMark, redactedMarkHTML))
		b.WriteString(s[tag[0]:tag[1]])
		last = tag[1]
	}
	b.WriteString(strings.ReplaceAll(s[last:], escapedMark, redactedMarkHTML))
	return template.HTML(b.String()) // #nosec G203 -- sanitised HTML with a fixed element added in text
}

// redactionFieldLabels name the fields a redaction reports.
var redactionFieldLabels = map[string]string{
	store.FieldTitle:          "tiêu đề",
	store.FieldSummary:        "tóm tắt",
	store.FieldLegalBasis:     "căn cứ pháp lý",
	store.FieldBody:           "nội dung",
	store.FieldReason:         "lý do thay đổi",
	store.FieldWithdrawReason: "lý do rút tin",
}

// redactionNote is the public note of one redaction.
type redactionNote struct {
	At          time.Time
	By          string // name, with the title in brackets
	Reason      string
	Occurrences int
	Versions    string // "1, 2"
	Fields      string // "tóm tắt, nội dung"
	Files       []store.Attachment
	versions    []int
}

func redactionNotes(rs []store.Redaction) []redactionNote {
	out := make([]redactionNote, 0, len(rs))
	for _, r := range rs {
		n := redactionNote{At: r.At, By: r.ByName, Reason: r.Reason, Occurrences: r.Occurrences, Files: r.Files, versions: r.Versions}
		if n.By == "" {
			n.By = "Quản trị hệ thống"
		}
		if r.ByTitle != "" {
			n.By += " (" + r.ByTitle + ")"
		}
		vs := make([]string, len(r.Versions))
		for i, v := range r.Versions {
			vs[i] = strconv.Itoa(v)
		}
		n.Versions = strings.Join(vs, ", ")
		fs := make([]string, len(r.Fields))
		for i, f := range r.Fields {
			fs[i] = redactionFieldLabels[f]
		}
		n.Fields = strings.Join(fs, ", ")
		out = append(out, n)
	}
	return out
}

// notesFor keeps the notes that touched one version.
func notesFor(notes []redactionNote, v store.Version) []redactionNote {
	var out []redactionNote
	for _, n := range notes {
		touched := slices.Contains(n.versions, v.Number)
		for _, f := range n.Files {
			touched = touched || slices.ContainsFunc(v.Attachments, func(a store.Attachment) bool { return a.ID == f.ID })
		}
		if touched {
			out = append(out, n)
		}
	}
	return out
}

// markRemovedFiles flags the files of versions that a redaction removed.
func markRemovedFiles(rs []store.Redaction, versions ...*store.Version) {
	removed := map[int64]bool{}
	for _, r := range rs {
		for _, f := range r.Files {
			removed[f.ID] = true
		}
	}
	for _, v := range versions {
		for i := range v.Attachments {
			v.Attachments[i].Removed = removed[v.Attachments[i].ID]
		}
	}
}
