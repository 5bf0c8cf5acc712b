-- Questions and feedback (hỏi đáp, phản ánh, kiến nghị), requests for
-- information, complaints and denunciations: what residents send, by any
-- channel, and what the commune does with it.
--
-- A question keeps the asker's original text (officers only) and, once an
-- officer accepts it, the public copy with personal data removed. Every
-- transition is an event; the public history is the events that are not
-- private. Complaints and denunciations are protected: never listed, their
-- text never public; only counts and published outcomes are.

CREATE TABLE questions (
    id            INTEGER PRIMARY KEY,
    -- SHA-256 of the canonical tracking code: a copy of the database does
    -- not open anyone's tracking page.
    code_hash     TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL CHECK (kind IN ('question', 'feedback', 'info_request', 'complaint', 'denunciation')),
    protected     INTEGER NOT NULL DEFAULT 0 CHECK (protected IN (0, 1)),
    state         TEXT NOT NULL CHECK (state IN ('received', 'accepted', 'assigned', 'waiting',
                      'answered', 'closed', 'rejected', 'forwarded', 'dismissed')),
    topic         TEXT NOT NULL CHECK (topic <> ''),
    village_id    INTEGER REFERENCES villages(id),
    channel       TEXT NOT NULL CHECK (channel IN ('web', 'phone', 'letter', 'in_person',
                      'reception_day', 'national_portal')),
    national_ref  TEXT NOT NULL DEFAULT '',
    asker_name    TEXT NOT NULL DEFAULT '',
    name_public   INTEGER NOT NULL DEFAULT 0 CHECK (name_public IN (0, 1)),
    -- Phone or e-mail: officers only, never in a page, feed, export or log.
    contact       TEXT NOT NULL DEFAULT '',
    -- The tracking code itself, kept only when the asker left an e-mail
    -- address, to mail them the link; cleared when the item ends.
    mail_code     TEXT NOT NULL DEFAULT '',
    -- The clock (see portal/qclock): received_on is the civil date of
    -- receipt; due_on the date the current step is due.
    received_on   TEXT NOT NULL CHECK (date(received_on) IS received_on),
    received_at   TEXT NOT NULL,
    triage_days   INTEGER NOT NULL CHECK (triage_days >= 0),
    reply_days    INTEGER NOT NULL CHECK (reply_days > 0),
    extension_days INTEGER NOT NULL DEFAULT 0 CHECK (extension_days >= 0),
    paused_days   INTEGER NOT NULL DEFAULT 0 CHECK (paused_days >= 0),
    paused_since  TEXT NOT NULL DEFAULT '',
    due_on        TEXT NOT NULL DEFAULT '',
    -- The day the running clock started: receipt; acceptance (thụ lý) for
    -- complaints and denunciations; the day an asker reopened the item,
    -- which starts a new cycle (only the first answer judges "on time").
    clock_start   TEXT NOT NULL,
    unit_id       INTEGER REFERENCES units(id),
    assignee_id   INTEGER REFERENCES users(id),
    -- Set once, when the first answer is published: the due date then in
    -- force, and whether the answer was late. Later answers never change it.
    first_answered_at TEXT NOT NULL DEFAULT '',
    first_due_on  TEXT NOT NULL DEFAULT '',
    answered_at   TEXT NOT NULL DEFAULT '',
    answered_by   INTEGER REFERENCES users(id),
    reopen_count  INTEGER NOT NULL DEFAULT 0 CHECK (reopen_count BETWEEN 0 AND 2),
    satisfaction  INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
    confirmed_at  TEXT NOT NULL DEFAULT '',
    duplicate_of  INTEGER REFERENCES questions(id),
    disclosure_id INTEGER REFERENCES disclosures(id),
    redacted      INTEGER NOT NULL DEFAULT 0 CHECK (redacted IN (0, 1)),
    -- Identical resubmissions are recognised by this hash of the text and
    -- contact (never shown).
    dup_key       TEXT NOT NULL DEFAULT '',
    -- The last public change: lists page by (updated_at, id).
    updated_at    TEXT NOT NULL,
    created_by    INTEGER REFERENCES users(id),
    created_at    TEXT NOT NULL,
    listed        INTEGER GENERATED ALWAYS AS (state <> 'received' AND protected = 0) VIRTUAL,
    open          INTEGER GENERATED ALWAYS AS (state IN ('received', 'accepted', 'assigned', 'waiting')) VIRTUAL,
    -- Long text last (see disclosures).
    title         TEXT NOT NULL CHECK (title <> ''),
    public_title  TEXT NOT NULL DEFAULT '',
    reason        TEXT NOT NULL DEFAULT '', -- public: why rejected, forwarded, dismissed; to whom
    apology       TEXT NOT NULL DEFAULT '', -- public: a late answer's apology
    outcome       TEXT NOT NULL DEFAULT '', -- public outcome of a protected item
    answer        TEXT NOT NULL DEFAULT '', -- published answer, sanitised HTML
    answer_draft  TEXT NOT NULL DEFAULT '', -- officers only
    public_body   TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL CHECK (body <> '')
) STRICT;

CREATE INDEX questions_listed ON questions(listed, updated_at);
CREATE INDEX questions_listed_topic ON questions(listed, topic, updated_at);
CREATE INDEX questions_listed_state ON questions(listed, state, updated_at);
CREATE INDEX questions_listed_village ON questions(listed, village_id, updated_at);
CREATE INDEX questions_open_due ON questions(open, due_on);
CREATE INDEX questions_dup ON questions(dup_key) WHERE dup_key <> '';
CREATE INDEX questions_first_answer ON questions(first_answered_at) WHERE first_answered_at <> '';

-- A protected item never leaves the protected class.
CREATE TRIGGER questions_stay_protected BEFORE UPDATE OF protected ON questions
WHEN OLD.protected = 1 AND NEW.protected = 0
BEGIN SELECT RAISE(ABORT, 'a protected item stays protected'); END;
CREATE TRIGGER questions_code_fixed BEFORE UPDATE OF code_hash, received_at ON questions
BEGIN SELECT RAISE(ABORT, 'a question''s code and receipt are fixed'); END;
CREATE TRIGGER questions_no_delete BEFORE DELETE ON questions
BEGIN SELECT RAISE(ABORT, 'questions are never deleted'); END;

-- Public lists and the protected counts change with a question's public
-- columns; officers' drafts and notes do not move the mark.
CREATE TRIGGER questions_public_insert AFTER INSERT ON questions
WHEN NEW.state <> 'received' OR NEW.protected = 1
BEGIN UPDATE public_changes SET n = n + 1; END;
CREATE TRIGGER questions_public_update AFTER UPDATE OF state, protected, updated_at, due_on ON questions
WHEN OLD.listed OR NEW.listed OR NEW.protected = 1
BEGIN UPDATE public_changes SET n = n + 1; END;

-- Kept counts, as for disclosures: pages and the inbox read these.
CREATE TABLE question_counts (
    kind      TEXT NOT NULL,
    state     TEXT NOT NULL,
    topic     TEXT NOT NULL,
    village_id INTEGER NOT NULL, -- 0: none
    protected INTEGER NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (kind, state, topic, village_id, protected)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER question_counts_insert AFTER INSERT ON questions
BEGIN
    INSERT INTO question_counts(kind, state, topic, village_id, protected, n)
    VALUES (NEW.kind, NEW.state, NEW.topic, COALESCE(NEW.village_id, 0), NEW.protected, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER question_counts_update AFTER UPDATE OF kind, state, topic, village_id, protected ON questions
WHEN NEW.kind IS NOT OLD.kind OR NEW.state IS NOT OLD.state OR NEW.topic IS NOT OLD.topic
  OR NEW.village_id IS NOT OLD.village_id OR NEW.protected IS NOT OLD.protected
BEGIN
    UPDATE question_counts SET n = n - 1
    WHERE kind = OLD.kind AND state = OLD.state AND topic = OLD.topic
      AND village_id = COALESCE(OLD.village_id, 0) AND protected = OLD.protected;
    INSERT INTO question_counts(kind, state, topic, village_id, protected, n)
    VALUES (NEW.kind, NEW.state, NEW.topic, COALESCE(NEW.village_id, 0), NEW.protected, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Every transition, with who, when and why. Append-only. Private events
-- (officers' notes, a resident's clarification) are never public.
CREATE TABLE question_events (
    id          INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL REFERENCES questions(id),
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL CHECK (actor IN ('officer', 'resident', 'system')),
    user_id     INTEGER REFERENCES users(id),
    action      TEXT NOT NULL CHECK (action <> ''),
    state       TEXT NOT NULL, -- the state after the event
    private     INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    days        INTEGER NOT NULL DEFAULT 0, -- working days (extension, pause)
    ref_id      INTEGER, -- the original of a duplicate, a linked disclosure
    unit_name   TEXT NOT NULL DEFAULT '', -- the officer's unit and title then
    user_title  TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX question_events_question ON question_events(question_id, id);
CREATE TRIGGER question_events_no_update BEFORE UPDATE ON question_events
BEGIN SELECT RAISE(ABORT, 'question events are append-only'); END;
CREATE TRIGGER question_events_no_delete BEFORE DELETE ON question_events
BEGIN SELECT RAISE(ABORT, 'question events are append-only'); END;

-- Files sent with a question or its answer. Private unless an officer
-- publishes one with the answer.
CREATE TABLE question_files (
    question_id   INTEGER NOT NULL REFERENCES questions(id),
    attachment_id INTEGER NOT NULL REFERENCES attachments(id),
    from_asker    INTEGER NOT NULL CHECK (from_asker IN (0, 1)),
    public        INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1)),
    -- What was removed from a photo before it was stored (for the asker).
    stripped      TEXT NOT NULL DEFAULT '',
    position      INTEGER NOT NULL,
    PRIMARY KEY (question_id, attachment_id)
) STRICT;
CREATE INDEX question_files_attachment ON question_files(attachment_id);

-- The identity the Law on Access to Information (Art. 24) asks of a
-- requester: officers only, erased a named period after the request ends.
CREATE TABLE question_identities (
    question_id INTEGER PRIMARY KEY REFERENCES questions(id),
    full_name   TEXT NOT NULL,
    address     TEXT NOT NULL,
    id_number   TEXT NOT NULL,
    erase_after TEXT NOT NULL DEFAULT '' -- civil date; '' while the request is open
) STRICT;

-- Reply templates per topic, edited by officers.
CREATE TABLE reply_templates (
    id         INTEGER PRIMARY KEY,
    topic      TEXT NOT NULL,
    title      TEXT NOT NULL CHECK (title <> ''),
    body       TEXT NOT NULL,
    updated_by INTEGER REFERENCES users(id),
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX reply_templates_topic ON reply_templates(topic);

-- Administrators' changes to the clock's named values, per kind and topic
-- (topic '' applies to every topic of the kind). Without a row the legal
-- default in portal/rules applies.
CREATE TABLE question_limits (
    kind       TEXT NOT NULL,
    topic      TEXT NOT NULL DEFAULT '',
    name       TEXT NOT NULL,
    days       INTEGER NOT NULL CHECK (days >= 0 AND days <= 365),
    source     TEXT NOT NULL DEFAULT '',
    updated_by INTEGER REFERENCES users(id),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (kind, topic, name)
) STRICT;
