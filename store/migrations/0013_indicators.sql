-- The plan's indicators (issue 8). The plan itself is a disclosure (kind
-- ke-hoach-papi) whose rows are its sub-components with their indicators;
-- these tables hold what officers add to it.

-- Figures officers enter for a period, with the file that proves them.
-- Append-only: a correction is a new row for the same period naming the
-- row it replaces; the newest row of a period is the value in force, and
-- every earlier one stays as the public record of what was said when.
CREATE TABLE indicator_values (
    id            INTEGER PRIMARY KEY,
    plan_id       INTEGER NOT NULL REFERENCES disclosures(id),
    indicator     TEXT NOT NULL CHECK (indicator LIKE '%_/_%'), -- plan.IndicatorKey: "6c/ho-so-dung-han"
    period_kind   TEXT NOT NULL CHECK (period_kind IN ('month', 'quarter', 'year')),
    period_start  TEXT NOT NULL CHECK (date(period_start) IS period_start),
    value         REAL NOT NULL,
    attachment_id INTEGER REFERENCES attachments(id),
    note          TEXT NOT NULL DEFAULT '',
    replaces      INTEGER REFERENCES indicator_values(id),
    entered_by    INTEGER REFERENCES users(id),
    entered_at    TEXT NOT NULL
) STRICT;
CREATE INDEX indicator_values_key ON indicator_values(plan_id, indicator, period_kind, period_start, id);
-- A value is corrected once; a second correction corrects the correction.
CREATE UNIQUE INDEX indicator_values_replaces ON indicator_values(replaces) WHERE replaces IS NOT NULL;
CREATE INDEX indicator_values_file ON indicator_values(attachment_id) WHERE attachment_id IS NOT NULL;
CREATE TRIGGER indicator_values_no_update BEFORE UPDATE ON indicator_values
BEGIN SELECT RAISE(ABORT, 'indicator_values is append-only'); END;
CREATE TRIGGER indicator_values_no_delete BEFORE DELETE ON indicator_values
BEGIN SELECT RAISE(ABORT, 'indicator_values is append-only'); END;
CREATE TRIGGER indicator_values_public AFTER INSERT ON indicator_values
BEGIN UPDATE public_changes SET n = n + 1; END;

-- Disclosures an officer links to an indicator as proof that a task was
-- done. A link is removed by stamping it, never deleted.
CREATE TABLE indicator_links (
    id            INTEGER PRIMARY KEY,
    plan_id       INTEGER NOT NULL REFERENCES disclosures(id),
    indicator     TEXT NOT NULL CHECK (indicator LIKE '%_/_%'),
    disclosure_id INTEGER NOT NULL REFERENCES disclosures(id),
    added_by      INTEGER REFERENCES users(id),
    added_at      TEXT NOT NULL,
    removed_by    INTEGER REFERENCES users(id),
    removed_at    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE UNIQUE INDEX indicator_links_live ON indicator_links(plan_id, indicator, disclosure_id) WHERE removed_at = '';
CREATE INDEX indicator_links_disclosure ON indicator_links(disclosure_id);
CREATE TRIGGER indicator_links_only_removed BEFORE UPDATE ON indicator_links
WHEN OLD.removed_at <> '' OR NEW.removed_at = ''
  OR NEW.plan_id IS NOT OLD.plan_id OR NEW.indicator IS NOT OLD.indicator
  OR NEW.disclosure_id IS NOT OLD.disclosure_id OR NEW.added_by IS NOT OLD.added_by
  OR NEW.added_at IS NOT OLD.added_at
BEGIN SELECT RAISE(ABORT, 'indicator_links: a link is only ever removed'); END;
CREATE TRIGGER indicator_links_no_delete BEFORE DELETE ON indicator_links
BEGIN SELECT RAISE(ABORT, 'indicator_links is append-only'); END;
CREATE TRIGGER indicator_links_public AFTER INSERT ON indicator_links
BEGIN UPDATE public_changes SET n = n + 1; END;
CREATE TRIGGER indicator_links_public_removed AFTER UPDATE ON indicator_links
BEGIN UPDATE public_changes SET n = n + 1; END;
