-- Redaction: the one way to remove personal data from what was published.
-- Chosen text is replaced by the mark "[đã che]" in every version, the
-- working copy and the item's audit entries; the original is not kept
-- anywhere. A file is removed by listing it in redacted_files (the version
-- keeps naming it and its hash; the bytes are deleted from disk). Every
-- redaction leaves a public note: who, when, why, and where.

CREATE TABLE redactions (
    id            INTEGER PRIMARY KEY,
    disclosure_id INTEGER NOT NULL REFERENCES disclosures(id),
    at            TEXT NOT NULL,
    user_id       INTEGER REFERENCES users(id),
    -- The administrator as the public note names them, kept as it was then.
    by_name       TEXT NOT NULL,
    by_title      TEXT NOT NULL DEFAULT '',
    reason        TEXT NOT NULL CHECK (reason <> ''),
    -- Where the mark went, never what it replaced: how many places, the
    -- version numbers and the field names, each list space-separated.
    occurrences   INTEGER NOT NULL DEFAULT 0,
    versions      TEXT NOT NULL DEFAULT '',
    fields        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX redactions_disclosure ON redactions(disclosure_id, id);

-- Files whose bytes were deleted. The versions still list them as removed.
CREATE TABLE redacted_files (
    attachment_id INTEGER PRIMARY KEY REFERENCES attachments(id),
    redaction_id  INTEGER NOT NULL REFERENCES redactions(id)
) STRICT;

-- The record of redactions only grows.
CREATE TRIGGER redactions_no_update BEFORE UPDATE ON redactions
BEGIN SELECT RAISE(ABORT, 'redactions is append-only'); END;
CREATE TRIGGER redactions_no_delete BEFORE DELETE ON redactions
BEGIN SELECT RAISE(ABORT, 'redactions is append-only'); END;
CREATE TRIGGER redacted_files_no_update BEFORE UPDATE ON redacted_files
BEGIN SELECT RAISE(ABORT, 'redacted_files is append-only'); END;
CREATE TRIGGER redacted_files_no_delete BEFORE DELETE ON redacted_files
BEGIN SELECT RAISE(ABORT, 'redacted_files is append-only'); END;
-- A removed file is never attached again, neither to a new version nor to
-- a working copy (from which the next version is made).
CREATE TRIGGER version_attachments_not_redacted BEFORE INSERT ON version_attachments
WHEN EXISTS (SELECT 1 FROM redacted_files WHERE attachment_id = NEW.attachment_id)
BEGIN SELECT RAISE(ABORT, 'attachment was redacted'); END;
CREATE TRIGGER disclosure_attachments_not_redacted BEFORE INSERT ON disclosure_attachments
WHEN EXISTS (SELECT 1 FROM redacted_files WHERE attachment_id = NEW.attachment_id)
BEGIN SELECT RAISE(ABORT, 'attachment was redacted'); END;

-- The redaction under way: the store inserts this one row after the
-- redaction's record and deletes it before the transaction commits. While
-- it exists, the triggers below let exactly one change through: in the
-- rows of that disclosure, every occurrence of the text (as typed in plain
-- fields, HTML-escaped in bodies) becomes "[đã che]", and nothing else.
CREATE TABLE redaction_in_progress (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    redaction_id  INTEGER NOT NULL REFERENCES redactions(id),
    disclosure_id INTEGER NOT NULL,
    needle        TEXT NOT NULL CHECK (length(needle) >= 3),
    needle_html   TEXT NOT NULL CHECK (length(needle_html) >= 3)
) STRICT;
CREATE TRIGGER redaction_in_progress_matches BEFORE INSERT ON redaction_in_progress
WHEN NOT EXISTS (SELECT 1 FROM redactions r WHERE r.id = NEW.redaction_id AND r.disclosure_id = NEW.disclosure_id)
BEGIN SELECT RAISE(ABORT, 'redaction_in_progress needs its redaction'); END;
CREATE TRIGGER redaction_in_progress_no_update BEFORE UPDATE ON redaction_in_progress
BEGIN SELECT RAISE(ABORT, 'redaction_in_progress cannot be changed'); END;

DROP TRIGGER disclosure_versions_no_update;
CREATE TRIGGER disclosure_versions_no_update BEFORE UPDATE ON disclosure_versions
WHEN NOT EXISTS (
    SELECT 1 FROM redaction_in_progress m
    WHERE m.disclosure_id = OLD.disclosure_id
      AND NEW.id = OLD.id AND NEW.disclosure_id = OLD.disclosure_id AND NEW.version = OLD.version
      AND NEW.category = OLD.category AND NEW.unit_name = OLD.unit_name
      AND NEW.posting_from = OLD.posting_from AND NEW.posting_until = OLD.posting_until
      AND NEW.published_at = OLD.published_at AND NEW.published_by IS OLD.published_by
      AND NEW.title = replace(OLD.title, m.needle, '[đã che]')
      AND NEW.summary = replace(OLD.summary, m.needle, '[đã che]')
      AND NEW.legal_basis = replace(OLD.legal_basis, m.needle, '[đã che]')
      AND NEW.reason = replace(OLD.reason, m.needle, '[đã che]')
      AND NEW.body = replace(OLD.body, m.needle_html, '[đã che]'))
BEGIN SELECT RAISE(ABORT, 'disclosure_versions is append-only'); END;

DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT EXISTS (
    SELECT 1 FROM redaction_in_progress m
    WHERE OLD.entity = 'disclosure' AND m.disclosure_id = OLD.entity_id
      AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.user_id IS OLD.user_id
      AND NEW.action = OLD.action AND NEW.entity = OLD.entity AND NEW.entity_id = OLD.entity_id
      AND NEW.detail = replace(OLD.detail, m.needle, '[đã che]'))
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- A redaction changes what the public sees: every cached page, feed and
-- export must be made again.
CREATE TRIGGER redactions_public_insert AFTER INSERT ON redactions
BEGIN UPDATE public_changes SET n = n + 1; END;
