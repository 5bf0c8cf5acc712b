package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"minhbach/portal/rules"
)

// StructuredSchema is the schema version that added structured content,
// the legal clock's columns and office-only items (0010_structured.sql).
const StructuredSchema = 10

// structured reports whether the database has the structured columns. A
// database of an older schema exists only while it is being upgraded (and
// in the tests that build one); writes to it leave structured content out.
func (s *Store) structured() bool { return s.schema.Load() >= StructuredSchema }

// ErrOldSchema is returned when structured content is written to a
// database that has not been upgraded yet.
var ErrOldSchema = errors.New("store: the database schema predates structured disclosures")

// ErrBadRows is returned when rows are not JSON objects with a unique,
// non-empty "key".
var ErrBadRows = errors.New("store: every row must be a JSON object with a unique non-empty key")

// hasStructured reports whether an input carries anything only the
// structured schema can hold.
func (in DisclosureInput) hasStructured() bool {
	return in.Kind != "" || !in.DecidedOn.IsZero() || len(in.Facts) > 0 || in.Rows != nil
}

// Input is the input that reproduces the working copy: an edit of one part
// (the facts, the rows) starts from it. Rows is nil: unchanged.
func (d Disclosure) Input() DisclosureInput {
	in := DisclosureInput{
		Category: d.Category, Title: d.Title, Summary: d.Summary, Body: d.Body,
		LegalBasis: d.LegalBasis, UnitID: d.UnitID, PostingFrom: d.PostingFrom, PostingUntil: d.PostingUntil,
		Demo: d.Demo, Kind: d.Kind, DecidedOn: d.DecidedOn, Facts: d.Facts,
	}
	for _, a := range d.Attachments {
		in.AttachmentIDs = append(in.AttachmentIDs, a.ID)
	}
	return in
}

// checkRows checks the store's side of the rows' contract and hashes them.
// Each kind validates its own fields before it gets here.
func checkRows(rows []json.RawMessage) (string, error) {
	if len(rows) == 0 {
		return "", nil
	}
	h := sha256.New()
	seen := make(map[string]bool, len(rows))
	for i, r := range rows {
		var head struct {
			Key *string `json:"key"`
		}
		if err := json.Unmarshal(r, &head); err != nil || head.Key == nil || *head.Key == "" || seen[*head.Key] {
			return "", fmt.Errorf("%w (row %d)", ErrBadRows, i+1)
		}
		seen[*head.Key] = true
		fmt.Fprintf(h, "%d\n", len(r))
		h.Write(r)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// writeStructured saves the structured part of an input on the working
// copy: kind, decision date, facts, the office-only flag (from the
// category) and, when in.Rows is not nil, the rows.
func (s *Store) writeStructured(ctx context.Context, tx *sql.Tx, id int64, in DisclosureInput) error {
	if !s.structured() {
		if in.hasStructured() {
			return ErrOldSchema
		}
		return nil
	}
	if len(in.Facts) > 0 && !json.Valid(in.Facts) {
		return fmt.Errorf("store: facts are not JSON")
	}
	if _, err := tx.ExecContext(ctx,
		"UPDATE disclosures SET kind = ?, decided_on = ?, internal = ?, facts = ? WHERE id = ?",
		in.Kind, fmtDate(in.DecidedOn), IsInternal(in.Category), string(in.Facts), id); err != nil {
		return err
	}
	if in.Rows == nil {
		return nil
	}
	hash, err := checkRows(in.Rows)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM disclosure_rows WHERE disclosure_id = ?", id); err != nil {
		return err
	}
	ins, err := tx.PrepareContext(ctx, "INSERT INTO disclosure_rows(disclosure_id, position, data) VALUES (?, ?, ?)")
	if err != nil {
		return err
	}
	defer ins.Close()
	for i, r := range in.Rows {
		if _, err := ins.ExecContext(ctx, id, i, string(r)); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, "UPDATE disclosures SET rows_hash = ?, row_count = ? WHERE id = ?", hash, len(in.Rows), id)
	return err
}

// insertVersion writes version n of item id from its working copy. Rows are
// copied only when they differ from the previous version's: otherwise the
// new version points at the version that holds them.
func (s *Store) insertVersion(ctx context.Context, tx *sql.Tx, id int64, reason, now string, userID int64) (int64, error) {
	if !s.structured() {
		res, err := tx.ExecContext(ctx, `
			INSERT INTO disclosure_versions(disclosure_id, version, category, title, summary, body, legal_basis,
				unit_name, posting_from, posting_until, reason, published_at, published_by)
			SELECT d.id, d.current_version + 1, d.category, d.title, d.summary, d.body, d.legal_basis,
				COALESCE(u.name, ''), d.posting_from, d.posting_until, ?, ?, ?
			FROM disclosures d LEFT JOIN units u ON u.id = d.unit_id WHERE d.id = ?`,
			reason, now, nullID(userID), id)
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	}
	var hash string
	var prevRowsOf sql.NullInt64
	var prevHash sql.NullString
	err := tx.QueryRowContext(ctx, `
		SELECT d.rows_hash, v.rows_of, v.rows_hash FROM disclosures d
		LEFT JOIN disclosure_versions v ON v.disclosure_id = d.id AND v.version = d.current_version
		WHERE d.id = ?`, id).Scan(&hash, &prevRowsOf, &prevHash)
	if err != nil {
		return 0, err
	}
	// Ids are taken here, inside the write transaction, so that a version
	// holding its own rows can name itself.
	var vid int64
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) + 1 FROM disclosure_versions").Scan(&vid); err != nil {
		return 0, err
	}
	var rowsOf any // NULL: no rows
	copyRows := false
	switch {
	case hash == "":
	case prevHash.Valid && prevHash.String == hash && prevRowsOf.Valid:
		rowsOf = prevRowsOf.Int64
	default:
		rowsOf, copyRows = vid, true
	}
	_, err = tx.ExecContext(ctx, `
		INSERT INTO disclosure_versions(id, disclosure_id, version, category, title, summary, body, legal_basis,
			unit_name, posting_from, posting_until, reason, published_at, published_by,
			kind, decided_on, internal, facts, rows_of, rows_hash, row_count)
		SELECT ?, d.id, d.current_version + 1, d.category, d.title, d.summary, d.body, d.legal_basis,
			COALESCE(u.name, ''), d.posting_from, d.posting_until, ?, ?, ?,
			d.kind, d.decided_on, d.internal, d.facts, ?, d.rows_hash, d.row_count
		FROM disclosures d LEFT JOIN units u ON u.id = d.unit_id WHERE d.id = ?`,
		vid, reason, now, nullID(userID), rowsOf, id)
	if err != nil {
		return 0, err
	}
	if copyRows {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO version_rows(version_id, position, data)
			SELECT ?, position, data FROM disclosure_rows WHERE disclosure_id = ? ORDER BY position`, vid, id); err != nil {
			return 0, err
		}
	}
	return vid, nil
}

// Rows returns the working rows of an item, in order.
func (s *Store) Rows(ctx context.Context, disclosureID int64) ([]json.RawMessage, error) {
	return s.collectRows(ctx, "SELECT data FROM disclosure_rows WHERE disclosure_id = ? ORDER BY position", disclosureID)
}

// VersionRows returns the rows of the version row versionID (a
// RowsVersion), in order; nil for 0.
func (s *Store) VersionRows(ctx context.Context, versionID int64) ([]json.RawMessage, error) {
	if versionID == 0 {
		return nil, nil
	}
	return s.collectRows(ctx, "SELECT data FROM version_rows WHERE version_id = ? ORDER BY position", versionID)
}

func (s *Store) collectRows(ctx context.Context, query string, id int64) ([]json.RawMessage, error) {
	var out []json.RawMessage
	err := s.eachRow(ctx, query, id, func(r []byte) error {
		out = append(out, json.RawMessage(append([]byte(nil), r...)))
		return nil
	})
	return out, err
}

// EachVersionRow calls fn with each row of the version row versionID, in
// order, without holding them all: exports stream through it. The slice is
// only valid during the call.
func (s *Store) EachVersionRow(ctx context.Context, versionID int64, fn func(row []byte) error) error {
	if versionID == 0 {
		return nil
	}
	return s.eachRow(ctx, "SELECT data FROM version_rows WHERE version_id = ? ORDER BY position", versionID, fn)
}

func (s *Store) eachRow(ctx context.Context, query string, id int64, fn func([]byte) error) error {
	if !s.structured() {
		return nil
	}
	rows, err := s.r.QueryContext(ctx, query, id)
	if err != nil {
		return fmt.Errorf("store: rows of %d: %w", id, err)
	}
	defer rows.Close()
	var data sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&data); err != nil {
			return fmt.Errorf("store: rows of %d: %w", id, err)
		}
		if err := fn(data); err != nil {
			return err
		}
	}
	return rows.Err()
}

// KindID is the legal clock's kind of an item: office-only items share
// one; the others are their category and kind.
func KindID(category, kind string) string {
	if IsInternal(category) {
		return rules.InternalKind
	}
	return rules.KindID(category, kind)
}

// DisclosureRules lists the rules in force and past: the binary's defaults
// followed by the administrators' rows, oldest first.
func (s *Store) DisclosureRules(ctx context.Context) ([]rules.DisclosureRule, error) {
	if !s.structured() {
		return rules.DefaultDisclosureRules(), nil
	}
	all, err := loadRules(ctx, s.r)
	if err != nil {
		return nil, fmt.Errorf("store: disclosure rules: %w", err)
	}
	return all, nil
}

// loadRules reads the defaults and the administrators' rows.
func loadRules(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) ([]rules.DisclosureRule, error) {
	out := rules.DefaultDisclosureRules()
	rows, err := q.QueryContext(ctx, `
		SELECT id, kind, effective_from, due_days, due_working, post_days, post_working, post_whole,
			rule, source, confidence
		FROM disclosure_rules ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r rules.DisclosureRule
		var from string
		var due, post sql.NullInt64
		if err := rows.Scan(&r.ID, &r.Kind, &from, &due, &r.DueWorking, &post, &r.PostWorking, &r.PostWhole,
			&r.Rule, &r.Source, &r.Confidence); err != nil {
			return nil, err
		}
		r.EffectiveFrom = parseDate(from)
		r.DueDays, r.DueUnknown = int(due.Int64), !due.Valid
		r.PostDays, r.PostUnknown = int(post.Int64), !post.Valid && !r.PostWhole
		out = append(out, r)
	}
	return out, rows.Err()
}

// RuleChange is an administrator's new value of a legal rule.
type RuleChange struct {
	Kind          string // rules.DisclosureKind.ID, rules.GeneralKind or rules.InternalKind
	EffectiveFrom time.Time
	DueDays       *int // nil: unknown
	DueWorking    bool
	PostDays      *int // nil: unknown (unless PostWhole)
	PostWorking   bool
	PostWhole     bool
	Rule          string
	Source        string
	Confidence    string
}

// AddDisclosureRule records an administrator's change of a legal rule. It
// applies to items decided on or after its date that are published from
// now on; items already published keep the rule they were judged by.
func (s *Store) AddDisclosureRule(ctx context.Context, c RuleChange, userID int64) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var due, post any
		if c.DueDays != nil {
			due = *c.DueDays
		}
		if c.PostDays != nil && !c.PostWhole {
			post = *c.PostDays
		}
		res, err := tx.ExecContext(ctx, `
			INSERT INTO disclosure_rules(kind, effective_from, due_days, due_working, post_days, post_working,
				post_whole, rule, source, confidence, created_at, created_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.Kind, fmtDate(c.EffectiveFrom), due, c.DueWorking, post, c.PostWorking, c.PostWhole,
			c.Rule, c.Source, c.Confidence, ts(s.now()), nullID(userID))
		if err != nil {
			return err
		}
		id, _ = res.LastInsertId()
		return s.audit(ctx, tx, userID, "disclosure_rule.add", "disclosure_rule", id,
			c.Kind+" từ "+fmtDate(c.EffectiveFrom))
	})
	if err != nil {
		return 0, fmt.Errorf("store: add disclosure rule: %w", err)
	}
	return id, nil
}

// freezeRule records, when an item is first published (or first
// republished after the upgrade that brought the rules), the rule it is
// judged by: the rule in force for its kind on its decision date (today's,
// when it has none). Later changes of the rules, or of this binary's
// defaults, never change it.
func (s *Store) freezeRule(ctx context.Context, tx *sql.Tx, id int64) error {
	if !s.structured() {
		return nil
	}
	all, err := loadRules(ctx, tx)
	if err != nil {
		return err
	}
	return freezeRule(ctx, tx, id, all, civilToday(s.now()))
}

func freezeRule(ctx context.Context, tx *sql.Tx, id int64, all []rules.DisclosureRule, today time.Time) error {
	var category, kind, decided, frozen string
	if err := tx.QueryRowContext(ctx, "SELECT category, kind, decided_on, clock_rule FROM disclosures WHERE id = ?", id).
		Scan(&category, &kind, &decided, &frozen); err != nil {
		return err
	}
	if frozen != "" {
		return nil
	}
	day := parseDate(decided)
	if day.IsZero() {
		day = today
	}
	r, ok := rules.RuleFor(all, KindID(category, kind), day)
	if !ok {
		return nil
	}
	js, err := json.Marshal(r)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE disclosures SET clock_rule = ? WHERE id = ?", string(js), id)
	return err
}

// ClockRuleValue decodes the rule an item was judged by; ok is false for
// drafts.
func (d Disclosure) ClockRuleValue() (rules.DisclosureRule, bool) {
	if len(d.ClockRule) == 0 {
		return rules.DisclosureRule{}, false
	}
	var r rules.DisclosureRule
	if err := json.Unmarshal(d.ClockRule, &r); err != nil {
		return rules.DisclosureRule{}, false
	}
	return r, true
}
