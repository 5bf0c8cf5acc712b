-- Foundation schema: settings, places, people, disclosures with an append-only
-- version history, content-addressed attachments and the audit log.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE villages (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE units (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    login         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name          TEXT NOT NULL,
    title         TEXT NOT NULL DEFAULT '',
    unit_id       INTEGER REFERENCES units(id),
    role          TEXT NOT NULL CHECK (role IN ('admin', 'officer')),
    password_hash TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL
) STRICT;

-- Only the SHA-256 of a session token is stored: a copy of the database
-- does not let anyone log in.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    seen_at    TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_failures (
    id    INTEGER PRIMARY KEY,
    login TEXT NOT NULL COLLATE NOCASE,
    at    TEXT NOT NULL
) STRICT;
CREATE INDEX login_failures_login ON login_failures(login, at);

-- A disclosure holds the officers' working copy. What the public sees is the
-- newest row of disclosure_versions; a draft has no version at all.
CREATE TABLE disclosures (
    id              INTEGER PRIMARY KEY,
    category        TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('draft', 'published', 'withdrawn')),
    title           TEXT NOT NULL,
    summary         TEXT NOT NULL DEFAULT '',
    legal_basis     TEXT NOT NULL DEFAULT '',
    unit_id         INTEGER REFERENCES units(id),
    posting_from    TEXT NOT NULL DEFAULT '',
    posting_until   TEXT NOT NULL DEFAULT '',
    current_version INTEGER NOT NULL DEFAULT 0,
    first_published TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL,
    withdrawn_at    TEXT NOT NULL DEFAULT '',
    withdraw_reason TEXT NOT NULL DEFAULT '',
    demo            INTEGER NOT NULL DEFAULT 0,
    created_by      INTEGER REFERENCES users(id),
    created_at      TEXT NOT NULL,
    -- Long text last: SQLite walks a row's overflow pages to reach the
    -- columns after a long value, so lists that skip the body stay fast.
    body            TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX disclosures_category ON disclosures(category, updated_at);
CREATE INDEX disclosures_updated ON disclosures(updated_at);

CREATE TABLE attachments (
    id         INTEGER PRIMARY KEY,
    sha256     TEXT NOT NULL,
    size       INTEGER NOT NULL,
    mime       TEXT NOT NULL,
    filename   TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX attachments_sha ON attachments(sha256);

-- The working set of attachments of a disclosure (what the next version will carry).
CREATE TABLE disclosure_attachments (
    disclosure_id INTEGER NOT NULL REFERENCES disclosures(id),
    attachment_id INTEGER NOT NULL REFERENCES attachments(id),
    position      INTEGER NOT NULL,
    PRIMARY KEY (disclosure_id, attachment_id)
) STRICT;

CREATE TABLE disclosure_versions (
    id            INTEGER PRIMARY KEY,
    disclosure_id INTEGER NOT NULL REFERENCES disclosures(id),
    version       INTEGER NOT NULL,
    category      TEXT NOT NULL,
    title         TEXT NOT NULL,
    summary       TEXT NOT NULL,
    legal_basis   TEXT NOT NULL,
    unit_name     TEXT NOT NULL,
    posting_from  TEXT NOT NULL,
    posting_until TEXT NOT NULL,
    reason        TEXT NOT NULL,
    published_at  TEXT NOT NULL,
    published_by  INTEGER REFERENCES users(id),
    body          TEXT NOT NULL, -- last, as in disclosures
    UNIQUE (disclosure_id, version)
) STRICT;

CREATE TABLE version_attachments (
    version_id    INTEGER NOT NULL REFERENCES disclosure_versions(id),
    attachment_id INTEGER NOT NULL REFERENCES attachments(id),
    position      INTEGER NOT NULL,
    PRIMARY KEY (version_id, attachment_id)
) STRICT;
CREATE INDEX version_attachments_attachment ON version_attachments(attachment_id);

-- Published history can only grow.
CREATE TRIGGER disclosure_versions_no_update BEFORE UPDATE ON disclosure_versions
BEGIN SELECT RAISE(ABORT, 'disclosure_versions is append-only'); END;
CREATE TRIGGER disclosure_versions_no_delete BEFORE DELETE ON disclosure_versions
BEGIN SELECT RAISE(ABORT, 'disclosure_versions is append-only'); END;
CREATE TRIGGER version_attachments_no_update BEFORE UPDATE ON version_attachments
BEGIN SELECT RAISE(ABORT, 'version_attachments is append-only'); END;
CREATE TRIGGER version_attachments_no_delete BEFORE DELETE ON version_attachments
BEGIN SELECT RAISE(ABORT, 'version_attachments is append-only'); END;
-- A disclosure that was ever published is never deleted.
CREATE TRIGGER disclosures_no_delete_published BEFORE DELETE ON disclosures
WHEN OLD.current_version > 0
BEGIN SELECT RAISE(ABORT, 'a published disclosure cannot be deleted'); END;

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    user_id   INTEGER REFERENCES users(id),
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL DEFAULT '',
    entity_id INTEGER NOT NULL DEFAULT 0,
    detail    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- One counter that moves with every change the public can see, bumped by
-- triggers so that any writer (server, command line) moves it. Caches of
-- public pages and feeds compare it in one row lookup.
CREATE TABLE public_changes (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
) STRICT;
INSERT INTO public_changes(id, n) VALUES (1, 0);
CREATE TRIGGER disclosures_public_insert AFTER INSERT ON disclosures
WHEN NEW.current_version > 0
BEGIN UPDATE public_changes SET n = n + 1; END;
CREATE TRIGGER disclosures_public_update AFTER UPDATE ON disclosures
WHEN NEW.current_version > 0 OR OLD.current_version > 0
BEGIN UPDATE public_changes SET n = n + 1; END;
-- The commune's details appear on every public page and feed.
CREATE TRIGGER settings_public_insert AFTER INSERT ON settings
BEGIN UPDATE public_changes SET n = n + 1; END;
CREATE TRIGGER settings_public_update AFTER UPDATE ON settings
WHEN NEW.value IS NOT OLD.value
BEGIN UPDATE public_changes SET n = n + 1; END;
