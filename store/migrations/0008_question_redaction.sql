-- Redaction of a published question: the one way to remove text (a phone
-- number an officer missed, a name) from what the public sees of an item
-- once it is public, as 0003 does for disclosures. The item's public
-- fields are plain columns; its public history is append-only, so the
-- triggers let exactly one change through while a redaction is under way:
-- every occurrence of the text in an event's note becomes "[đã che]".

CREATE TABLE question_redactions (
    id          INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL REFERENCES questions(id),
    at          TEXT NOT NULL,
    user_id     INTEGER REFERENCES users(id),
    reason      TEXT NOT NULL CHECK (reason <> ''),
    places      INTEGER NOT NULL CHECK (places > 0) -- occurrences replaced
) STRICT;
CREATE INDEX question_redactions_question ON question_redactions(question_id, id);
CREATE TRIGGER question_redactions_no_update BEFORE UPDATE ON question_redactions
BEGIN SELECT RAISE(ABORT, 'question_redactions is append-only'); END;
CREATE TRIGGER question_redactions_no_delete BEFORE DELETE ON question_redactions
BEGIN SELECT RAISE(ABORT, 'question_redactions is append-only'); END;
CREATE TRIGGER question_redactions_public_insert AFTER INSERT ON question_redactions
BEGIN UPDATE public_changes SET n = n + 1; END;

CREATE TABLE question_redaction_in_progress (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    redaction_id INTEGER NOT NULL REFERENCES question_redactions(id),
    question_id  INTEGER NOT NULL,
    needle       TEXT NOT NULL CHECK (length(needle) >= 3)
) STRICT;
CREATE TRIGGER question_redaction_in_progress_matches BEFORE INSERT ON question_redaction_in_progress
WHEN NOT EXISTS (SELECT 1 FROM question_redactions r WHERE r.id = NEW.redaction_id AND r.question_id = NEW.question_id)
BEGIN SELECT RAISE(ABORT, 'question_redaction_in_progress needs its redaction'); END;

DROP TRIGGER question_events_no_update;
CREATE TRIGGER question_events_no_update BEFORE UPDATE ON question_events
WHEN NOT EXISTS (
    SELECT 1 FROM question_redaction_in_progress m
    WHERE m.question_id = OLD.question_id
      AND NEW.id = OLD.id AND NEW.question_id = OLD.question_id AND NEW.at = OLD.at
      AND NEW.actor = OLD.actor AND NEW.user_id IS OLD.user_id AND NEW.action = OLD.action
      AND NEW.state = OLD.state AND NEW.private = OLD.private AND NEW.days = OLD.days
      AND NEW.ref_id IS OLD.ref_id AND NEW.unit_name = OLD.unit_name AND NEW.user_title = OLD.user_title
      AND NEW.note = replace(OLD.note, m.needle, '[đã che]'))
BEGIN SELECT RAISE(ABORT, 'question events are append-only'); END;
