package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// disclosureColumns takes the body column, or an empty string literal for
// lists, as its %s.
const disclosureColumns = `d.id, d.category, d.status, d.title, d.summary, %s, d.legal_basis,
	COALESCE(d.unit_id, 0), COALESCE(u.name, ''), d.posting_from, d.posting_until, d.current_version,
	d.first_published, d.updated_at, d.withdrawn_at, d.withdraw_reason, d.demo, d.created_at`

// structuredWorking and structuredPublic are the structured columns of a
// working copy and of a public copy (read through its newest version);
// legacyStructured stands in for them on a database of an older schema.
const (
	structuredWorking = `, d.kind, d.decided_on, d.internal, d.facts, 0, d.row_count, d.clock_rule`
	structuredPublic  = `, v.kind, v.decided_on, v.internal, v.facts, COALESCE(v.rows_of, 0), v.row_count, d.clock_rule`
	legacyStructured  = `, '', '', 0, '', 0, 0, ''`
)

// workingCols are the columns of a working copy, with body as the body.
func (s *Store) workingCols(body string) string {
	if s.structured() {
		return fmt.Sprintf(disclosureColumns, body) + structuredWorking
	}
	return fmt.Sprintf(disclosureColumns, body) + legacyStructured
}

// publicCols are the columns of a public copy, with body as the body.
func (s *Store) publicCols(body string) string {
	if s.structured() {
		return fmt.Sprintf(publicColumns, body) + structuredPublic
	}
	return fmt.Sprintf(publicColumns, body) + legacyStructured
}

// publicOnly is the condition that leaves out office-only items.
func (s *Store) publicOnly() string {
	if s.structured() {
		return " AND d.internal = 0"
	}
	return ""
}

func scanDisclosure(row interface{ Scan(...any) error }) (Disclosure, error) {
	var d Disclosure
	var from, until, first, updated, withdrawn, created, decided, facts, rule string
	err := row.Scan(&d.ID, &d.Category, &d.Status, &d.Title, &d.Summary, &d.Body, &d.LegalBasis,
		&d.UnitID, &d.UnitName, &from, &until, &d.Version, &first, &updated, &withdrawn,
		&d.WithdrawReason, &d.Demo, &created,
		&d.Kind, &decided, &d.Internal, &facts, &d.RowsVersion, &d.RowCount, &rule)
	d.PostingFrom, d.PostingUntil = parseDate(from), parseDate(until)
	d.FirstPublished, d.UpdatedAt = parseTS(first), parseTS(updated)
	d.WithdrawnAt, d.CreatedAt = parseTS(withdrawn), parseTS(created)
	d.DecidedOn = parseDate(decided)
	if facts != "" {
		d.Facts = json.RawMessage(facts)
	}
	if rule != "" {
		d.ClockRule = json.RawMessage(rule)
	}
	return d, err
}

// Disclosure returns an officer's working copy, drafts included.
func (s *Store) Disclosure(ctx context.Context, id int64) (Disclosure, error) {
	d, err := scanDisclosure(s.r.QueryRowContext(ctx,
		"SELECT "+s.workingCols("d.body")+" FROM disclosures d LEFT JOIN units u ON u.id = d.unit_id WHERE d.id = ?", id))
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
// version with its attachments. Drafts and office-only items are
// ErrNotFound.
func (s *Store) PublicDisclosure(ctx context.Context, id int64) (Disclosure, error) {
	return s.publishedDisclosure(ctx, id, s.publicOnly())
}

// OfficeDisclosure is PublicDisclosure for a logged-in officer: items
// addressed to the commune's officers (row 2b) are included.
func (s *Store) OfficeDisclosure(ctx context.Context, id int64) (Disclosure, error) {
	return s.publishedDisclosure(ctx, id, "")
}

func (s *Store) publishedDisclosure(ctx context.Context, id int64, cond string) (Disclosure, error) {
	d, err := scanDisclosure(s.r.QueryRowContext(ctx,
		"SELECT "+s.publicCols("v.body")+publicFrom+cond+" AND d.id = ?", id))
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

// DisclosureFilter selects disclosures for a list, newest change first.
// Lists page by key: Older (or Newer) is the sort key of the last (or
// first) row of the page before, so a page costs the same at any depth.
type DisclosureFilter struct {
	Category string
	Kind     string // with Category: one kind only
	Public   bool   // only published and withdrawn items, as the public sees them, office-only items left out
	Status   string // officers: one status only
	WithBody bool   // feeds need the body; lists do not
	Limit    int
	Older    Cursor // rows after this one in the list (older changes)
	Newer    Cursor // rows before this one (newer changes); read backwards
}

// Cursor is a row's place in a list sorted by last change, newest first:
// its sort key. The zero Cursor is the start of the list.
type Cursor struct {
	Updated time.Time
	ID      int64
}

// CursorOf is the place of d in a list.
func CursorOf(d Disclosure) Cursor { return Cursor{d.UpdatedAt, d.ID} }

// IsZero reports whether c is the start of the list.
func (c Cursor) IsZero() bool { return c.ID == 0 }

// String is the cursor as a URL parameter: microseconds since 1970, a dot,
// the id. ParseCursor(c.String()) == c.
func (c Cursor) String() string {
	if c.IsZero() {
		return ""
	}
	return strconv.FormatInt(c.Updated.UnixMicro(), 10) + "." + strconv.FormatInt(c.ID, 10)
}

// ParseCursor reads a cursor written by String. Anything else, including
// other spellings of the same numbers, is refused, so one place in a list
// has one address.
func ParseCursor(s string) (Cursor, bool) {
	a, b, ok := strings.Cut(s, ".")
	if !ok {
		return Cursor{}, false
	}
	us, err1 := strconv.ParseInt(a, 10, 64)
	id, err2 := strconv.ParseInt(b, 10, 64)
	if err1 != nil || err2 != nil || us < 0 || id <= 0 {
		return Cursor{}, false
	}
	c := Cursor{time.UnixMicro(us).UTC(), id}
	if c.String() != s {
		return Cursor{}, false
	}
	return c, true
}

// where is the condition a filter puts on disclosures d.
func (f DisclosureFilter) where(structured bool) (string, []any) {
	var conds []string
	var args []any
	if f.Public {
		conds = append(conds, "d.current_version > 0")
		if structured {
			conds = append(conds, "d.internal = 0")
		}
	}
	if f.Category != "" {
		// For a public item the working copy is its newest version (edits of
		// public items always publish), so d.category and its index serve.
		conds = append(conds, "d.category = ?")
		args = append(args, f.Category)
		if f.Kind != "" && structured {
			conds = append(conds, "d.kind = ?")
			args = append(args, f.Kind)
		}
	}
	if f.Status != "" {
		conds = append(conds, "d.status = ?")
		args = append(args, f.Status)
	}
	// Row values walk the (…, updated_at, rowid) indexes as a range.
	if !f.Older.IsZero() {
		conds = append(conds, "(d.updated_at, d.id) < (?, ?)")
		args = append(args, ts(f.Older.Updated), f.Older.ID)
	} else if !f.Newer.IsZero() {
		conds = append(conds, "(d.updated_at, d.id) > (?, ?)")
		args = append(args, ts(f.Newer.Updated), f.Newer.ID)
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
		query = "SELECT " + s.publicCols(body) + publicJoin
	} else {
		if f.WithBody {
			body = "d.body"
		}
		query = "SELECT " + s.workingCols(body) + " FROM disclosures d LEFT JOIN units u ON u.id = d.unit_id"
	}
	cond, args := f.where(s.structured())
	limit := f.Limit
	if limit <= 0 {
		limit = 20
	}
	order := " ORDER BY d.updated_at DESC, d.id DESC LIMIT ?"
	backwards := f.Older.IsZero() && !f.Newer.IsZero()
	if backwards {
		order = " ORDER BY d.updated_at, d.id LIMIT ?"
	}
	rows, err := s.r.QueryContext(ctx, query+cond+order, append(args, limit)...)
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
	if backwards {
		slices.Reverse(out)
	}
	return out, rows.Err()
}

// CountDisclosures counts what the filter selects, ignoring its cursors,
// limit and kind. It reads the counts that triggers keep, not the items.
func (s *Store) CountDisclosures(ctx context.Context, f DisclosureFilter) (int, error) {
	q := "SELECT COALESCE(SUM(n), 0) FROM disclosure_counts WHERE 1"
	var args []any
	if f.Public {
		q += " AND status IN ('" + StatusPublished + "', '" + StatusWithdrawn + "')"
		for _, c := range InternalCategories() {
			q += " AND category <> ?"
			args = append(args, c.Slug)
		}
	}
	if f.Category != "" {
		q += " AND category = ?"
		args = append(args, f.Category)
	}
	if f.Status != "" {
		q += " AND status = ?"
		args = append(args, f.Status)
	}
	var n int
	if err := s.r.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count disclosures: %w", err)
	}
	return n, nil
}

// HasDisclosures reports whether the database holds any disclosure,
// drafts included.
func (s *Store) HasDisclosures(ctx context.Context) (bool, error) {
	var found bool
	if err := s.r.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM disclosures)").Scan(&found); err != nil {
		return false, fmt.Errorf("store: has disclosures: %w", err)
	}
	return found, nil
}

// CategoryCounts counts public items per category slug, from the kept
// counts. Office-only categories are left out.
func (s *Store) CategoryCounts(ctx context.Context) (map[string]int, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT category, SUM(n) FROM disclosure_counts
		WHERE status IN ('`+StatusPublished+`', '`+StatusWithdrawn+`') GROUP BY category HAVING SUM(n) > 0`)
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
		if !IsInternal(c) {
			out[c] = n
		}
	}
	return out, rows.Err()
}

// Versions lists every published version of an item, oldest first.
func (s *Store) Versions(ctx context.Context, id int64) ([]Version, error) {
	rows, err := s.r.QueryContext(ctx, `
		SELECT id, disclosure_id, version, category, title, summary, body, legal_basis, unit_name,
			posting_from, posting_until, reason, published_at`+s.versionStructured()+`
		FROM disclosure_versions WHERE disclosure_id = ? ORDER BY version`, id)
	if err != nil {
		return nil, fmt.Errorf("store: versions of %d: %w", id, err)
	}
	var out []Version
	byID := map[int64]int{}
	for rows.Next() {
		var v Version
		var from, until, at string
		var st versionStructured
		if err := rows.Scan(append([]any{&v.ID, &v.DisclosureID, &v.Number, &v.Category, &v.Title, &v.Summary, &v.Body,
			&v.LegalBasis, &v.UnitName, &from, &until, &v.Reason, &at}, st.dest(&v)...)...); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: versions of %d: %w", id, err)
		}
		v.PostingFrom, v.PostingUntil, v.PublishedAt = parseDate(from), parseDate(until), parseTS(at)
		st.fill(&v)
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
	var st versionStructured
	err := s.r.QueryRowContext(ctx, `
		SELECT id, version, category, title, summary, body, legal_basis, unit_name,
			posting_from, posting_until, reason, published_at`+s.versionStructured()+`
		FROM disclosure_versions WHERE disclosure_id = ? AND version = ?`, id, n).
		Scan(append([]any{&v.ID, &v.Number, &v.Category, &v.Title, &v.Summary, &v.Body, &v.LegalBasis, &v.UnitName,
			&from, &until, &v.Reason, &at}, st.dest(&v)...)...)
	if err == sql.ErrNoRows {
		return Version{}, ErrNotFound
	}
	if err != nil {
		return Version{}, fmt.Errorf("store: version %d of %d: %w", n, id, err)
	}
	v.PostingFrom, v.PostingUntil, v.PublishedAt = parseDate(from), parseDate(until), parseTS(at)
	st.fill(&v)
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

// PublicDisclosuresAfter returns up to limit public items (of one category,
// or all for "") with ids above afterID, in id order, each as its newest
// version reads and with that version's files. Exports walk the whole list
// with it a chunk at a time: memory stays flat, no read is held open while
// a slow client downloads, and an item edited meanwhile keeps its place.
func (s *Store) PublicDisclosuresAfter(ctx context.Context, category string, afterID int64, limit int) ([]Disclosure, error) {
	// One category's items are spread over the whole id range: its files
	// are read with the same condition, not for every item in the range.
	var catCond string
	var catArgs []any
	if category != "" {
		catCond, catArgs = " AND d.category = ?", []any{category}
	}
	cond, args := s.publicOnly()+" AND d.id > ?"+catCond, append([]any{afterID}, catArgs...)
	rows, err := s.r.QueryContext(ctx, "SELECT "+s.publicCols("''")+publicFrom+cond+" ORDER BY d.id LIMIT ?",
		append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("store: public disclosures after %d: %w", afterID, err)
	}
	var out []Disclosure
	for rows.Next() {
		d, err := scanDisclosure(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: public disclosures after %d: %w", afterID, err)
		}
		out = append(out, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	byID := make(map[int64]int, len(out))
	for i, d := range out {
		byID[d.ID] = i
	}
	rows, err = s.r.QueryContext(ctx, `
		SELECT d.id, a.id, a.sha256, a.size, a.mime, a.filename, a.created_at
		FROM disclosures d
		JOIN disclosure_versions v ON v.disclosure_id = d.id AND v.version = d.current_version
		JOIN version_attachments va ON va.version_id = v.id
		JOIN attachments a ON a.id = va.attachment_id
		WHERE d.id BETWEEN ? AND ? AND d.current_version > 0`+catCond+`
		ORDER BY d.id, va.position`, append([]any{out[0].ID, out[len(out)-1].ID}, catArgs...)...)
	if err != nil {
		return nil, fmt.Errorf("store: public disclosures after %d: attachments: %w", afterID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var a Attachment
		var created string
		if err := rows.Scan(&id, &a.ID, &a.SHA256, &a.Size, &a.MIME, &a.Filename, &created); err != nil {
			return nil, fmt.Errorf("store: public disclosures after %d: attachments: %w", afterID, err)
		}
		if i, ok := byID[id]; ok {
			a.CreatedAt = parseTS(created)
			out[i].Attachments = append(out[i].Attachments, a)
		}
	}
	return out, rows.Err()
}

// versionStructured returns the structured columns of a version row.
func (s *Store) versionStructured() string {
	if s.structured() {
		return ", kind, decided_on, internal, facts, COALESCE(rows_of, 0), row_count"
	}
	return legacyStructured[:len(legacyStructured)-len(", ''")]
}

// versionStructured holds a version's structured columns while they scan.
type versionStructured struct{ decided, facts string }

func (st *versionStructured) dest(v *Version) []any {
	return []any{&v.Kind, &st.decided, &v.Internal, &st.facts, &v.RowsVersion, &v.RowCount}
}

func (st *versionStructured) fill(v *Version) {
	v.DecidedOn = parseDate(st.decided)
	if st.facts != "" {
		v.Facts = json.RawMessage(st.facts)
	}
}
