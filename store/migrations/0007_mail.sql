-- The mail outbox: messages to residents (the tracking link when their
-- question is answered, forwarded or rejected), written in the same
-- transaction as the change that causes them and sent later by the portal's
-- sender, with retries. A request never waits for a mail server.
--
-- Addresses and text do not pile up: once a message is sent or given up,
-- its recipient, subject and body are cleared (the body holds a tracking
-- link, which opens the asker's private page). What stays is what it was
-- about (kind, ref), when, and how many tries it took.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind <> ''),  -- "question.answered" …
    ref             INTEGER NOT NULL DEFAULT 0,        -- what it is about (a question's id)
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TEXT NOT NULL,
    -- Why the last try failed, without any address.
    last_error      TEXT NOT NULL DEFAULT '',
    sent_at         TEXT NOT NULL DEFAULT '',
    gave_up_at      TEXT NOT NULL DEFAULT '',
    CHECK (sent_at = '' OR gave_up_at = ''),
    -- A message still to send has somewhere to go; a finished one keeps
    -- no address or text.
    CHECK (CASE WHEN sent_at = '' AND gave_up_at = ''
                THEN recipient <> '' AND subject <> '' AND body <> ''
                ELSE recipient = '' AND subject = '' AND body = '' END)
) STRICT;

-- The sender's queue: messages still to send, by when they are due.
CREATE INDEX mail_outbox_due ON mail_outbox(next_attempt_at, id)
    WHERE sent_at = '' AND gave_up_at = '';
