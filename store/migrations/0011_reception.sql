-- Villages and units can be retired: they leave the forms' choices, but
-- the rows stay, so questions, users and working copies that point at them
-- keep showing their name (published versions carry their own copy of the
-- unit's name). '' = in use; otherwise when it was retired.
ALTER TABLE villages ADD COLUMN retired_at TEXT NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN retired_at TEXT NOT NULL DEFAULT '';

-- A question raised at a citizen reception session points at it:
-- reception_session is "<schedule disclosure id>/<session key>" (the key
-- carries the slot and its date, see portal/reception), and
-- reception_label the session's date, time and place as they were when
-- the question was recorded (no personal data), shown on its pages.
ALTER TABLE questions ADD COLUMN reception_session TEXT NOT NULL DEFAULT '';
ALTER TABLE questions ADD COLUMN reception_label TEXT NOT NULL DEFAULT '';
