package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// disclosureColumns takes the body column, or an empty string literal for
// lists, as its %s.
const disclosureColumns = `d.id, d.category, d.status, d.title, d.summary, %s, d.legal_basis,
	COALESCE(d.unit_id, 0), COALESCE(u.name, ''), d.posting_from, d.posting_until, d.current_version,
	d.first_published, d.updated_at, d.withdrawn_at, d.withdraw_reason, d.demo, d.created_at`

func scanDisclosure(row interface{ Scan(...any) error }) (Disclosure, error) {
	var d Disclosure
	var from, until, first, updated, withdrawn, created string
	err := row.Scan(&d.ID, &d.Category, &d.Status, &d.Title, &d.Summary, &d.Body, &d.LegalBasis,
		&d.UnitID, &d.UnitName, &from, &until, &d.Version, &first, &updated, &withdrawn,
		&d.WithdrawReason, &d.Demo, &created)
	d.PostingFrom, d.PostingUntil = parseDate(from), parseDate(until)
	d.FirstPublished, d.UpdatedAt = parseTS(first), parseTS(updated)
	d.WithdrawnAt, d.CreatedAt = parseTS(withdrawn), parseTS(created)
	return d, err
}

// Disclosure returns an officer's working copy, drafts included.
func (s *Store) Disclosure(ctx context.Context, id int64) (Disclosure, error) {
	d, err := scanDisclosure(s.r.QueryRowContext(ctx,
		"SELECT "+fmt.Sprintf(disclosureColumns, "d.body")+" FROM disclosures d LEFT JOIN units u ON u.id = d.unit_id WHERE d.id = ?", id))
	if err == sql.ErrNoRows {
		return Disclosure{}, ErrNotFound
	}
	if err != nil {
		return Disclosure{}, fmt.Errorf("store: disclosure %d: %w", id, err)
	}
	rows, err := s.r.QueryContext(ctx, `
		SELECT a.id, a.sha256, a.size, a.mime, a.filename, a.created_at
		FROM disclosure_attachments da JOIN attachments a ON a.id = da.attachment_id
		WHERE da.disclosure_id = ? ORDER BY da.position`, id)
	if err != nil {
		return Disclosure{}, fmt.Errorf("store: disclosure %d attachments: %w", id, err)
	}
	if d.Attachments, err = scanAttachments(rows); err != nil {
		return Disclosure{}, fmt.Errorf("store: disclosure %d attachments: %w", id, err)
	}
	return d, nil
}

// publicColumns read the content of the newest version over the item's state.
const publicColumns = `d.id, v.category, d.status, v.title, v.summary, %s, v.legal_basis,
	COALESCE(d.unit_id, 0), v.unit_name, v.posting_from, v.posting_until, d.current_version,
	d.first_published, d.updated_at, d.withdrawn_at, d.withdraw_reason, d.demo, d.created_at`

// publicJoin reads each item through its newest version.
const publicJoin = ` FROM disclosures d
	JOIN disclosure_versions v ON v.disclosure_id = d.id AND v.version = d.current_version`

// publicFrom selects items that were ever published (current_version > 0:
// published or withdrawn). Said this way, SQLite walks the updated_at index
// newest first and stops at the LIMIT instead of sorting every item.
const publicFrom = publicJoin + ` WHERE d.current_version > 0`

// PublicDisclosure returns what the public sees of an item: the newest
// version with its attachments. Drafts are ErrNotFound.
func (s *Store) PublicDisclosure(ctx context.Context, id int64) (Disclosure, error) {
	d, err := scanDisclosure(s.r.QueryRowContext(ctx,
		"SELECT "+fmt.Sprintf(publicColumns, "v.body")+publicFrom+" AND d.id = ?", id))
	if err == sql.ErrNoRows {
		return Disclosure{}, ErrNotFound
	}
	if err != nil {
		return Disclosure{}, fmt.Errorf("store: public disclosure %d: %w", id, err)
	}
	rows, err := s.r.QueryContext(ctx, `
		SELECT a.id, a.sha256, a.size, a.mime, a.filename, a.created_at
		FROM disclosure_versions v
		JOIN version_attachments va ON va.version_id = v.id
		JOIN attachments a ON a.id = va.attachment_id
		WHERE v.disclosure_id = ? AND v.version = ? ORDER BY va.position`, id, d.Version)
	if err != nil {
		return Disclosure{}, fmt.Errorf("store: public disclosure %d attachments: %w", id, err)
	}
	if d.Attachments, err = scanAttachments(rows); err != nil {
		return Disclosure{}, fmt.Errorf("store: public disclosure %d attachments: %w", id, err)
	}
	return d, nil
}

// DisclosureFilter selects disclosures for a list.
type DisclosureFilter struct {
	Category string
	Public   bool   // only published and withdrawn items, as the public sees them
	Status   string // officers: one status only
	WithBody bool   // feeds need the body; lists do not
	Limit    int
	Offset   int
}

// where is the condition a filter puts on disclosures d.
func (f DisclosureFilter) where() (string, []any) {
	var conds []string
	var args []any
	if f.Public {
		conds = append(conds, "d.current_version > 0")
	}
	if f.Category != "" {
		// For a public item the working copy is its newest version (edits of
		// public items always publish), so d.category and its index serve.
		conds = append(conds, "d.category = ?")
		args = append(args, f.Category)
	}
	if f.Status != "" {
		conds = append(conds, "d.status = ?")
		args = append(args, f.Status)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// Disclosures lists disclosures, newest change first. Public lists show
// each item as its newest version reads.
func (s *Store) Disclosures(ctx context.Context, f DisclosureFilter) ([]Disclosure, error) {
	body := "''"
	var query string
	if f.Public {
		if f.WithBody {
			body = "v.body"
		}
		query = "SELECT " + fmt.Sprintf(publicColumns, body) + publicJoin
	} else {
		if f.WithBody {
			body = "d.body"
		}
		query = "SELECT " + fmt.Sprintf(disclosureColumns, body) + " FROM disclosures d LEFT JOIN units u ON u.id = d.unit_id"
	}
	cond, args := f.where()
	limit := f.Limit
	if limit <= 0 {
		limit = 20
	}
	rows, err := s.r.QueryContext(ctx, query+cond+" ORDER BY d.updated_at DESC, d.id DESC LIMIT ? OFFSET ?",
		append(args, limit, f.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("store: disclosures: %w", err)
	}
	defer rows.Close()
	var out []Disclosure
	for rows.Next() {
		d, err := scanDisclosure(rows)
		if err != nil {
			return nil, fmt.Errorf("store: disclosures: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// CountDisclosures counts what the filter selects, ignoring Limit and
// Offset; lists with pages call it, others need not.
func (s *Store) CountDisclosures(ctx context.Context, f DisclosureFilter) (int, error) {
	cond, args := f.where()
	var n int
	if err := s.r.QueryRowContext(ctx, "SELECT COUNT(*) FROM disclosures d"+cond, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count disclosures: %w", err)
	}
	return n, nil
}

// CategoryCounts counts public items per category slug.
func (s *Store) CategoryCounts(ctx context.Context) (map[string]int, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT d.category, COUNT(*) FROM disclosures d WHERE d.current_version > 0 GROUP BY d.category")
	if err != nil {
		return nil, fmt.Errorf("store: category counts: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var c string
		var n int
		if err := rows.Scan(&c, &n); err != nil {
			return nil, fmt.Errorf("store: category counts: %w", err)
		}
		out[c] = n
	}
	return out, rows.Err()
}

// Versions lists every published version of an item, oldest first.
func (s *Store) Versions(ctx context.Context, id int64) ([]Version, error) {
	rows, err := s.r.QueryContext(ctx, `
		SELECT id, disclosure_id, version, category, title, summary, body, legal_basis, unit_name,
			posting_from, posting_until, reason, published_at
		FROM disclosure_versions WHERE disclosure_id = ? ORDER BY version`, id)
	if err != nil {
		return nil, fmt.Errorf("store: versions of %d: %w", id, err)
	}
	var out []Version
	byID := map[int64]int{}
	for rows.Next() {
		var v Version
		var from, until, at string
		if err := rows.Scan(&v.ID, &v.DisclosureID, &v.Number, &v.Category, &v.Title, &v.Summary, &v.Body,
			&v.LegalBasis, &v.UnitName, &from, &until, &v.Reason, &at); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: versions of %d: %w", id, err)
		}
		v.PostingFrom, v.PostingUntil, v.PublishedAt = parseDate(from), parseDate(until), parseTS(at)
		byID[v.ID] = len(out)
		out = append(out, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: versions of %d: %w", id, err)
	}
	rows, err = s.r.QueryContext(ctx, `
		SELECT va.version_id, a.id, a.sha256, a.size, a.mime, a.filename, a.created_at
		FROM disclosure_versions v
		JOIN version_attachments va ON va.version_id = v.id
		JOIN attachments a ON a.id = va.attachment_id
		WHERE v.disclosure_id = ? ORDER BY va.version_id, va.position`, id)
	if err != nil {
		return nil, fmt.Errorf("store: version attachments of %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var vid int64
		var a Attachment
		var created string
		if err := rows.Scan(&vid, &a.ID, &a.SHA256, &a.Size, &a.MIME, &a.Filename, &created); err != nil {
			return nil, fmt.Errorf("store: version attachments of %d: %w", id, err)
		}
		a.CreatedAt = parseTS(created)
		i := byID[vid]
		out[i].Attachments = append(out[i].Attachments, a)
	}
	return out, rows.Err()
}

// PublicChangeMark changes whenever anything public changes: a
// publication, an edit, a withdrawal. Caches of public renderings key on it.
func (s *Store) PublicChangeMark(ctx context.Context) (int64, error) {
	var n int64
	if err := s.r.QueryRowContext(ctx, "SELECT n FROM public_changes").Scan(&n); err != nil {
		return 0, fmt.Errorf("store: public change mark: %w", err)
	}
	return n, nil
}

// VersionLog lists an item's published versions, oldest first, with their
// number, title, date and reason only: what the item page shows.
func (s *Store) VersionLog(ctx context.Context, id int64) ([]Version, error) {
	rows, err := s.r.QueryContext(ctx,
		"SELECT id, version, title, reason, published_at FROM disclosure_versions WHERE disclosure_id = ? ORDER BY version", id)
	if err != nil {
		return nil, fmt.Errorf("store: version log of %d: %w", id, err)
	}
	defer rows.Close()
	var out []Version
	for rows.Next() {
		v := Version{DisclosureID: id}
		var at string
		if err := rows.Scan(&v.ID, &v.Number, &v.Title, &v.Reason, &at); err != nil {
			return nil, fmt.Errorf("store: version log of %d: %w", id, err)
		}
		v.PublishedAt = parseTS(at)
		out = append(out, v)
	}
	return out, rows.Err()
}

// DisclosureVersion returns one published version of an item in full.
func (s *Store) DisclosureVersion(ctx context.Context, id int64, n int) (Version, error) {
	v := Version{DisclosureID: id}
	var from, until, at string
	err := s.r.QueryRowContext(ctx, `
		SELECT id, version, category, title, summary, body, legal_basis, unit_name,
			posting_from, posting_until, reason, published_at
		FROM disclosure_versions WHERE disclosure_id = ? AND version = ?`, id, n).
		Scan(&v.ID, &v.Number, &v.Category, &v.Title, &v.Summary, &v.Body, &v.LegalBasis, &v.UnitName,
			&from, &until, &v.Reason, &at)
	if err == sql.ErrNoRows {
		return Version{}, ErrNotFound
	}
	if err != nil {
		return Version{}, fmt.Errorf("store: version %d of %d: %w", n, id, err)
	}
	v.PostingFrom, v.PostingUntil, v.PublishedAt = parseDate(from), parseDate(until), parseTS(at)
	rows, err := s.r.QueryContext(ctx, `
		SELECT a.id, a.sha256, a.size, a.mime, a.filename, a.created_at
		FROM version_attachments va JOIN attachments a ON a.id = va.attachment_id
		WHERE va.version_id = ? ORDER BY va.position`, v.ID)
	if err != nil {
		return Version{}, fmt.Errorf("store: version %d of %d: %w", n, id, err)
	}
	if v.Attachments, err = scanAttachments(rows); err != nil {
		return Version{}, fmt.Errorf("store: version %d of %d: %w", n, id, err)
	}
	return v, nil
}

// PublicAttachments returns the files of the newest version of every public
// item (in one category, or all for ""), by item id, in their order.
func (s *Store) PublicAttachments(ctx context.Context, category string) (map[int64][]Attachment, error) {
	q := `SELECT d.id, a.id, a.sha256, a.size, a.mime, a.filename, a.created_at
		FROM disclosures d
		JOIN disclosure_versions v ON v.disclosure_id = d.id AND v.version = d.current_version
		JOIN version_attachments va ON va.version_id = v.id
		JOIN attachments a ON a.id = va.attachment_id
		WHERE d.current_version > 0`
	var args []any
	if category != "" {
		q += " AND d.category = ?"
		args = append(args, category)
	}
	rows, err := s.r.QueryContext(ctx, q+" ORDER BY d.id, va.position", args...)
	if err != nil {
		return nil, fmt.Errorf("store: public attachments: %w", err)
	}
	defer rows.Close()
	out := map[int64][]Attachment{}
	for rows.Next() {
		var id int64
		var a Attachment
		var created string
		if err := rows.Scan(&id, &a.ID, &a.SHA256, &a.Size, &a.MIME, &a.Filename, &created); err != nil {
			return nil, fmt.Errorf("store: public attachments: %w", err)
		}
		a.CreatedAt = parseTS(created)
		out[id] = append(out[id], a)
	}
	return out, rows.Err()
}
