-- Drafts open for comment (lấy ý kiến Nhân dân về dự thảo, the plan's row
-- 9c): a disclosure of the drafts-for-comment category opens a window of
-- civil dates; residents comment without an account; officers accept or
-- reject each comment; after the window closes the commune publishes the
-- synthesis (bảng tổng hợp tiếp thu, giải trình), which is then fixed.

CREATE TABLE comment_windows (
    disclosure_id INTEGER PRIMARY KEY REFERENCES disclosures(id),
    opens_on      TEXT NOT NULL CHECK (date(opens_on) IS opens_on),
    closes_on     TEXT NOT NULL CHECK (date(closes_on) IS closes_on AND closes_on >= opens_on),
    updated_at    TEXT NOT NULL,
    updated_by    INTEGER REFERENCES users(id),
    -- Set once: from then on the window, the comments and the synthesis
    -- are fixed.
    synthesis_published_at TEXT NOT NULL DEFAULT '',
    synthesis_published_by INTEGER REFERENCES users(id)
) STRICT;

CREATE TABLE comments (
    id            INTEGER PRIMARY KEY,
    -- A comment exists only under a window.
    disclosure_id INTEGER NOT NULL REFERENCES comment_windows(disclosure_id),
    state         TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected')),
    author_name   TEXT NOT NULL DEFAULT '',
    name_public   INTEGER NOT NULL DEFAULT 0 CHECK (name_public IN (0, 1)),
    -- Phone or e-mail: officers only, never in a page, feed, export or log.
    contact       TEXT NOT NULL DEFAULT '',
    received_at   TEXT NOT NULL,
    -- Identical resubmissions are recognised by this hash of the text,
    -- name and contact (see portal/abuse.DupKey); never shown.
    dup_key       TEXT NOT NULL CHECK (dup_key <> ''),
    moderated_at  TEXT NOT NULL DEFAULT '',
    moderated_by  INTEGER REFERENCES users(id),
    reason        TEXT NOT NULL DEFAULT '', -- officers only: why rejected
    -- The synthesis: what the drafting body did with an accepted comment
    -- (taken: tiếp thu; partly: tiếp thu một phần; not_taken: không tiếp
    -- thu) and why (giải trình). Public once the synthesis is published.
    decision      TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', 'taken', 'partly', 'not_taken')),
    explanation   TEXT NOT NULL DEFAULT '',
    decided_at    TEXT NOT NULL DEFAULT '',
    decided_by    INTEGER REFERENCES users(id),
    body          TEXT NOT NULL CHECK (body <> '') -- long text last
) STRICT;

-- Public list (accepted, by id) and officers' queue (pending, by id) page
-- by key on this index.
CREATE INDEX comments_by_state ON comments(disclosure_id, state, id);
CREATE UNIQUE INDEX comments_dup ON comments(disclosure_id, dup_key);

-- What the database itself refuses.
CREATE TRIGGER comments_no_delete BEFORE DELETE ON comments
BEGIN SELECT RAISE(ABORT, 'comments are never deleted'); END;
CREATE TRIGGER comments_received_fixed BEFORE UPDATE OF disclosure_id, body, author_name, name_public,
    contact, received_at, dup_key ON comments
BEGIN SELECT RAISE(ABORT, 'a comment is kept as received'); END;
CREATE TRIGGER comments_moderated_once BEFORE UPDATE OF state ON comments
WHEN OLD.state <> 'pending' AND NEW.state IS NOT OLD.state
BEGIN SELECT RAISE(ABORT, 'a moderated comment keeps its state'); END;
CREATE TRIGGER comments_fixed_after_synthesis BEFORE UPDATE ON comments
WHEN (SELECT synthesis_published_at FROM comment_windows WHERE disclosure_id = OLD.disclosure_id) <> ''
BEGIN SELECT RAISE(ABORT, 'the synthesis is published: its comments are fixed'); END;
CREATE TRIGGER comments_insert_before_synthesis BEFORE INSERT ON comments
WHEN (SELECT synthesis_published_at FROM comment_windows WHERE disclosure_id = NEW.disclosure_id) <> ''
BEGIN SELECT RAISE(ABORT, 'the synthesis is published: no more comments'); END;
CREATE TRIGGER comment_windows_fixed BEFORE UPDATE ON comment_windows
WHEN OLD.synthesis_published_at <> ''
BEGIN SELECT RAISE(ABORT, 'the synthesis is published: the window is fixed'); END;
CREATE TRIGGER comment_windows_no_delete BEFORE DELETE ON comment_windows
BEGIN SELECT RAISE(ABORT, 'comment windows are never deleted'); END;

-- The window, accepted comments and the published synthesis are public;
-- a pending or rejected comment, or a decision not yet published, is not
-- and does not move the mark.
CREATE TRIGGER comment_windows_public_insert AFTER INSERT ON comment_windows
BEGIN UPDATE public_changes SET n = n + 1; END;
CREATE TRIGGER comment_windows_public_update AFTER UPDATE ON comment_windows
WHEN NEW.opens_on IS NOT OLD.opens_on OR NEW.closes_on IS NOT OLD.closes_on
    OR NEW.synthesis_published_at IS NOT OLD.synthesis_published_at
BEGIN UPDATE public_changes SET n = n + 1; END;
CREATE TRIGGER comments_public_insert AFTER INSERT ON comments
WHEN NEW.state = 'accepted'
BEGIN UPDATE public_changes SET n = n + 1; END;
CREATE TRIGGER comments_public_update AFTER UPDATE OF state ON comments
WHEN NEW.state IS NOT OLD.state AND (NEW.state = 'accepted' OR OLD.state = 'accepted')
BEGIN UPDATE public_changes SET n = n + 1; END;

-- Kept counts per item and state: the public page shows the accepted
-- count, officers the pending one, without counting rows.
CREATE TABLE comment_counts (
    disclosure_id INTEGER NOT NULL,
    state         TEXT NOT NULL,
    n             INTEGER NOT NULL,
    PRIMARY KEY (disclosure_id, state)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER comment_counts_insert AFTER INSERT ON comments
BEGIN
    INSERT INTO comment_counts(disclosure_id, state, n) VALUES (NEW.disclosure_id, NEW.state, 1)
    ON CONFLICT (disclosure_id, state) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER comment_counts_update AFTER UPDATE OF state ON comments
WHEN NEW.state IS NOT OLD.state
BEGIN
    UPDATE comment_counts SET n = n - 1 WHERE disclosure_id = OLD.disclosure_id AND state = OLD.state;
    INSERT INTO comment_counts(disclosure_id, state, n) VALUES (NEW.disclosure_id, NEW.state, 1)
    ON CONFLICT (disclosure_id, state) DO UPDATE SET n = n + 1;
END;
