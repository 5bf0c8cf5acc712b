package store

import (
	"context"
	"database/sql"
	"html"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Working out a text redaction: where the text is, what every field becomes,
// and whether it can be replaced without breaking markup or leaving it
// readable. Nothing here writes until apply, which the triggers allow only
// while the redaction is marked in progress.

// redactionPlan is a redaction worked out before anything is written.
type redactionPlan struct {
	needle, needleHTML string
	hits               []RedactionHit
	versions           []textRow
	working            textRow
	audit              []textRow
}

// textRow is a row's text fields by Field… name, before and after.
type textRow struct {
	id      int64
	version int
	old     map[string]string
	new     map[string]string
}

func (r textRow) changed() bool {
	for k, v := range r.old {
		if r.new[k] != v {
			return true
		}
	}
	return false
}

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// planRedaction reads every text of the item and works out the replaced
// texts, refusing a text that cannot be replaced cleanly.
func planRedaction(ctx context.Context, q queryer, id int64, text string) (redactionPlan, error) {
	if utf8.RuneCountInString(text) < MinRedactionLength || strings.TrimSpace(text) == "" {
		return redactionPlan{}, ErrRedactionShort
	}
	if strings.ContainsAny(text, "<>") || !utf8.ValidString(text) {
		return redactionPlan{}, ErrRedactionMarkup
	}
	p := redactionPlan{needle: text, needleHTML: html.EscapeString(text)}

	rows, err := q.QueryContext(ctx, `
		SELECT id, version, title, summary, legal_basis, reason, body
		FROM disclosure_versions WHERE disclosure_id = ? ORDER BY version`, id)
	if err != nil {
		return redactionPlan{}, err
	}
	for rows.Next() {
		r := textRow{old: map[string]string{}}
		var title, summary, legal, reason, body string
		if err := rows.Scan(&r.id, &r.version, &title, &summary, &legal, &reason, &body); err != nil {
			rows.Close()
			return redactionPlan{}, err
		}
		r.old[FieldTitle], r.old[FieldSummary], r.old[FieldLegalBasis] = title, summary, legal
		r.old[FieldReason], r.old[FieldBody] = reason, body
		p.versions = append(p.versions, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return redactionPlan{}, err
	}

	w := textRow{id: id, old: map[string]string{}}
	var title, summary, legal, withdraw, body string
	err = q.QueryRowContext(ctx, "SELECT title, summary, legal_basis, withdraw_reason, body FROM disclosures WHERE id = ?", id).
		Scan(&title, &summary, &legal, &withdraw, &body)
	if err == sql.ErrNoRows {
		return redactionPlan{}, ErrNotFound
	}
	if err != nil {
		return redactionPlan{}, err
	}
	w.old[FieldTitle], w.old[FieldSummary], w.old[FieldLegalBasis] = title, summary, legal
	w.old[FieldWithdrawReason], w.old[FieldBody] = withdraw, body
	p.working = w

	rows, err = q.QueryContext(ctx, "SELECT id, detail FROM audit_log WHERE entity = 'disclosure' AND entity_id = ? ORDER BY id", id)
	if err != nil {
		return redactionPlan{}, err
	}
	for rows.Next() {
		r := textRow{old: map[string]string{}}
		var detail string
		if err := rows.Scan(&r.id, &detail); err != nil {
			rows.Close()
			return redactionPlan{}, err
		}
		r.old["detail"] = detail
		p.audit = append(p.audit, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return redactionPlan{}, err
	}

	fieldOrder := []string{FieldTitle, FieldSummary, FieldLegalBasis, FieldBody, FieldReason}
	for i := range p.versions {
		if err := p.replace(&p.versions[i]); err != nil {
			return redactionPlan{}, err
		}
		for _, f := range fieldOrder {
			if n := p.count(f, p.versions[i].old[f]); n > 0 {
				p.hits = append(p.hits, RedactionHit{Version: p.versions[i].version, Field: f, Count: n})
			}
		}
	}
	if err := p.replace(&p.working); err != nil {
		return redactionPlan{}, err
	}
	if n := p.count(FieldWithdrawReason, withdraw); n > 0 {
		p.hits = append(p.hits, RedactionHit{Field: FieldWithdrawReason, Count: n})
	}
	for i := range p.audit {
		if err := p.replace(&p.audit[i]); err != nil {
			return redactionPlan{}, err
		}
	}
	return p, nil
}

// count is how many times the text appears in a field as stored.
func (p redactionPlan) count(field, value string) int {
	if field == FieldBody {
		return strings.Count(value, p.needleHTML)
	}
	return strings.Count(value, p.needle)
}

// replace fills r.new, refusing a body where the text would be replaced in
// a tag (outside an attribute value) or where it stays readable after the
// replacement (split by formatting, or written with other escapes).
func (p redactionPlan) replace(r *textRow) error {
	r.new = map[string]string{}
	for f, v := range r.old {
		if f != FieldBody {
			r.new[f] = strings.ReplaceAll(v, p.needle, RedactionMark)
			if strings.Contains(r.new[f], p.needle) {
				return ErrRedactionMarkup
			}
			continue
		}
		if !outsideTags(v, p.needleHTML) {
			return ErrRedactionMarkup
		}
		r.new[f] = strings.ReplaceAll(v, p.needleHTML, RedactionMark)
		if strings.Contains(visibleText(r.new[f]), p.needle) {
			return ErrRedactionMarkup
		}
	}
	return nil
}

// outsideTags reports whether every occurrence of needle in sanitised HTML
// lies in text or inside a quoted attribute value, never in a tag or
// attribute name.
func outsideTags(body, needle string) bool {
	for i := 0; ; {
		j := strings.Index(body[i:], needle)
		if j < 0 {
			return true
		}
		at := i + j
		open := strings.LastIndexByte(body[:at], '<')
		if open > strings.LastIndexByte(body[:at], '>') {
			// Inside a tag: an odd number of quotes before means inside a
			// value (the escaped needle holds no quote, so it ends there too).
			if strings.Count(body[open:at], `"`)%2 == 0 {
				return false
			}
		}
		i = at + len(needle)
	}
}

var tagPattern = regexp.MustCompile(`<[^>]*>`)

// visibleText is HTML as a reader sees it, tags dropped, so that a text
// split by inline formatting (<b>09</b>12…) is found too.
func visibleText(body string) string {
	return html.UnescapeString(tagPattern.ReplaceAllString(body, ""))
}

// places lists the version numbers and fields where the text was found.
func (p redactionPlan) places() ([]int, []string) {
	var vs []int
	var fs []string
	for _, h := range p.hits {
		if h.Version > 0 && !slices.Contains(vs, h.Version) {
			vs = append(vs, h.Version)
		}
		if !slices.Contains(fs, h.Field) {
			fs = append(fs, h.Field)
		}
	}
	return vs, fs
}

// apply writes the replaced texts while the redaction is marked in
// progress, which is the one state in which the triggers allow it.
func (p redactionPlan) apply(ctx context.Context, tx *sql.Tx, redactionID, id int64) error {
	if _, err := tx.ExecContext(ctx,
		"INSERT INTO redaction_in_progress(id, redaction_id, disclosure_id, needle, needle_html) VALUES (1, ?, ?, ?, ?)",
		redactionID, id, p.needle, p.needleHTML); err != nil {
		return err
	}
	for _, v := range p.versions {
		if !v.changed() {
			continue
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE disclosure_versions SET title = ?, summary = ?, legal_basis = ?, reason = ?, body = ? WHERE id = ?`,
			v.new[FieldTitle], v.new[FieldSummary], v.new[FieldLegalBasis], v.new[FieldReason], v.new[FieldBody], v.id); err != nil {
			return err
		}
	}
	if w := p.working; w.changed() {
		if _, err := tx.ExecContext(ctx, `
			UPDATE disclosures SET title = ?, summary = ?, legal_basis = ?, withdraw_reason = ?, body = ? WHERE id = ?`,
			w.new[FieldTitle], w.new[FieldSummary], w.new[FieldLegalBasis], w.new[FieldWithdrawReason], w.new[FieldBody], id); err != nil {
			return err
		}
	}
	for _, a := range p.audit {
		if !a.changed() {
			continue
		}
		if _, err := tx.ExecContext(ctx, "UPDATE audit_log SET detail = ? WHERE id = ?", a.new["detail"], a.id); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, "DELETE FROM redaction_in_progress")
	return err
}
