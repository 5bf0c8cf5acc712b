-- Structured disclosures (issue 7): the legal clock of every item, the
-- office-only items of the plan's row 2b, and content that is data (budget
-- lines, household rows, reception slots, contacts, procedures' fields).
--
-- kind:       a sub-kind inside the category (budget stage, plan type…);
--             '' is the category's general kind. It chooses the legal rule.
-- decided_on: the civil date of the decision or document disclosed; for an
--             execution report, the last day of the period reported.
-- internal:   1 for items addressed to the commune's officers only.
-- facts:      the kind's one-record fields as a JSON object ('' = none).
-- clock_rule: the legal rule the item was judged by, frozen as JSON when
--             it was first published: a later change of the rules, or of
--             the defaults in a newer binary, never rewrites a past verdict.
ALTER TABLE disclosures ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE disclosures ADD COLUMN decided_on TEXT NOT NULL DEFAULT '';
ALTER TABLE disclosures ADD COLUMN internal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE disclosures ADD COLUMN facts TEXT NOT NULL DEFAULT '';
ALTER TABLE disclosures ADD COLUMN clock_rule TEXT NOT NULL DEFAULT '';
-- rows_hash: SHA-256 of the working rows ('' = no rows), so publishing a
-- version sees whether the rows changed without reading them.
ALTER TABLE disclosures ADD COLUMN rows_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE disclosures ADD COLUMN row_count INTEGER NOT NULL DEFAULT 0;

ALTER TABLE disclosure_versions ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE disclosure_versions ADD COLUMN decided_on TEXT NOT NULL DEFAULT '';
ALTER TABLE disclosure_versions ADD COLUMN internal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE disclosure_versions ADD COLUMN facts TEXT NOT NULL DEFAULT '';
-- rows_of: the version whose version_rows this version carries (itself
-- when its rows changed, an earlier one when they did not; NULL: no rows).
-- An edit of a 50,000-row list's title copies no rows.
ALTER TABLE disclosure_versions ADD COLUMN rows_of INTEGER REFERENCES disclosure_versions(id);
ALTER TABLE disclosure_versions ADD COLUMN rows_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE disclosure_versions ADD COLUMN row_count INTEGER NOT NULL DEFAULT 0;

-- The working rows of an item: one JSON object per row, in order.
CREATE TABLE disclosure_rows (
    disclosure_id INTEGER NOT NULL REFERENCES disclosures(id),
    position      INTEGER NOT NULL,
    data          TEXT NOT NULL,
    PRIMARY KEY (disclosure_id, position)
) STRICT;

-- The rows of published versions. Like the versions, they only grow.
CREATE TABLE version_rows (
    version_id INTEGER NOT NULL REFERENCES disclosure_versions(id),
    position   INTEGER NOT NULL,
    data       TEXT NOT NULL,
    PRIMARY KEY (version_id, position)
) STRICT;
CREATE TRIGGER version_rows_no_update BEFORE UPDATE ON version_rows
BEGIN SELECT RAISE(ABORT, 'version_rows is append-only'); END;
CREATE TRIGGER version_rows_no_delete BEFORE DELETE ON version_rows
BEGIN SELECT RAISE(ABORT, 'version_rows is append-only'); END;

-- Public lists skip office-only items; overviews list a category's items
-- by kind and decision date.
CREATE INDEX disclosures_kind ON disclosures(category, kind, decided_on);

-- An administrator's change of a legal value: a new row that applies to
-- items decided on or after effective_from. Rows are never changed, so
-- the history of the rules is itself public record. A NULL number means
-- "unknown": the law's value is not confirmed yet, and items under it are
-- shown without a verdict.
CREATE TABLE disclosure_rules (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL, -- category/kind, as rules.DisclosureKind.ID
    effective_from TEXT NOT NULL, -- civil date
    due_days       INTEGER,
    due_working    INTEGER NOT NULL DEFAULT 0,
    post_days      INTEGER,
    post_working   INTEGER NOT NULL DEFAULT 0,
    post_whole     INTEGER NOT NULL DEFAULT 0, -- posted for as long as it is in force
    rule           TEXT NOT NULL,
    source         TEXT NOT NULL,
    confidence     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    created_by     INTEGER REFERENCES users(id)
) STRICT;
CREATE INDEX disclosure_rules_kind ON disclosure_rules(kind, effective_from);
CREATE TRIGGER disclosure_rules_no_update BEFORE UPDATE ON disclosure_rules
BEGIN SELECT RAISE(ABORT, 'disclosure_rules is append-only'); END;
CREATE TRIGGER disclosure_rules_no_delete BEFORE DELETE ON disclosure_rules
BEGIN SELECT RAISE(ABORT, 'disclosure_rules is append-only'); END;
-- Verdicts on public pages follow the rules.
CREATE TRIGGER disclosure_rules_public AFTER INSERT ON disclosure_rules
BEGIN UPDATE public_changes SET n = n + 1; END;
