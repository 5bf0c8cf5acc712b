-- Response statistics (issue 8): received, answered, on time, days taken,
-- satisfaction, per month, unit and topic, kept by triggers so that the
-- scorecard and /chi-so/hoi-dap read a few hundred rows, never the million
-- questions. The semantics are those of indicators.QuestionFact.

-- The days the first answer took (qclock.Clock.Taken: working days,
-- calendar days for complaints and denunciations), set once in Go when the
-- first answer is published. SQL cannot count working days: for items
-- answered before this migration, the store fills it in Go once the
-- working-day calendar is known (Store.FillAnswerDays). NULL: no first
-- answer yet, or not filled yet.
ALTER TABLE questions ADD COLUMN first_answer_days INTEGER CHECK (first_answer_days >= 0);

-- What the statistics read of a row, defined once.
-- text_public: anyone may open the item and read it (Question.TextPublic).
ALTER TABLE questions ADD COLUMN text_public INTEGER
    GENERATED ALWAYS AS (state <> 'received' AND protected = 0 AND public_title <> '') VIRTUAL;
-- answered_on: the first answer's date in Vietnam (first_answered_at is
-- UTC); '' while there is none.
ALTER TABLE questions ADD COLUMN answered_on TEXT
    GENERATED ALWAYS AS (CASE WHEN first_answered_at = '' THEN '' ELSE date(first_answered_at, '+7 hours') END) VIRTUAL;
-- awaits_answer: the item's reply clock runs (Question.Clock, StandingOn):
-- open and not paused, and not a complaint or denunciation yet to be
-- accepted, whose clock starts then. Past its due date it is overdue.
ALTER TABLE questions ADD COLUMN awaits_answer INTEGER
    GENERATED ALWAYS AS (state IN ('received', 'accepted', 'assigned')
        AND NOT (state = 'received' AND kind IN ('complaint', 'denunciation'))) VIRTUAL;
-- stats_topic: a protected item's topic is not public (Question.Public
-- clears it), so statistics count it under the topic ''.
ALTER TABLE questions ADD COLUMN stats_topic TEXT
    GENERATED ALWAYS AS (CASE WHEN protected = 1 THEN '' ELSE topic END) VIRTUAL;

-- One row per Vietnamese civil month ('2026-03'), unit (0: none) and topic.
-- The received part counts items by the month received; the answered part
-- counts first answers by the month published. *_hidden counts those of
-- the items counted that are not public (protected, rejected, not
-- accepted): a page gives their number, never a link.
CREATE TABLE question_month_stats (
    month           TEXT NOT NULL,
    unit_id         INTEGER NOT NULL,
    topic           TEXT NOT NULL,
    received        INTEGER NOT NULL DEFAULT 0,
    received_hidden INTEGER NOT NULL DEFAULT 0,
    -- Taken up (accepted, assigned, waiting, answered or closed: not
    -- rejected, forwarded or dismissed) and not protected
    -- (AcceptedPublished), and of those the items published with their
    -- answer. Such an item has its public copy: none is hidden.
    accepted        INTEGER NOT NULL DEFAULT 0,
    published       INTEGER NOT NULL DEFAULT 0,
    answered        INTEGER NOT NULL DEFAULT 0,
    answered_hidden INTEGER NOT NULL DEFAULT 0,
    on_time         INTEGER NOT NULL DEFAULT 0, -- answered_on <= first_due_on
    late            INTEGER NOT NULL DEFAULT 0,
    late_hidden     INTEGER NOT NULL DEFAULT 0,
    late_apology    INTEGER NOT NULL DEFAULT 0,
    rated           INTEGER NOT NULL DEFAULT 0,
    rated_hidden    INTEGER NOT NULL DEFAULT 0,
    rating_sum      INTEGER NOT NULL DEFAULT 0,
    rated_high      INTEGER NOT NULL DEFAULT 0, -- rated 4 or 5
    PRIMARY KEY (month, unit_id, topic)
) STRICT, WITHOUT ROWID;

-- The days the first answers published in a month took, as histograms per
-- unit and per topic: the median and 90th percentile come out exactly
-- (nearest rank). Not one histogram per unit and topic: pages never ask
-- for both at once, and a year of it at a million items is some 20,000
-- rows to read, against some 2,500 here.
CREATE TABLE question_unit_days (
    month   TEXT NOT NULL,
    unit_id INTEGER NOT NULL,
    days    INTEGER NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (month, unit_id, days)
) STRICT, WITHOUT ROWID;
CREATE TABLE question_topic_days (
    month   TEXT NOT NULL,
    topic   TEXT NOT NULL,
    days    INTEGER NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (month, topic, days)
) STRICT, WITHOUT ROWID;

-- The items awaiting an answer now, per unit and topic. "Overdue now"
-- changes with the date, not only with writes: it is these less the few
-- not yet due (read from questions_open_stats), never a count of every
-- overdue item, which at a million items are some 40,000.
CREATE TABLE question_open_counts (
    unit_id INTEGER NOT NULL,
    topic   TEXT NOT NULL,
    n       INTEGER NOT NULL,
    hidden  INTEGER NOT NULL, -- not public
    PRIMARY KEY (unit_id, topic)
) STRICT, WITHOUT ROWID;

-- Each trigger subtracts the old row's contribution and adds the new
-- one's, so every write path (transitions, bulk loads, redaction, a new
-- unit or topic, a reopened item) keeps the figures right.
CREATE TRIGGER question_stats_insert AFTER INSERT ON questions
BEGIN
    INSERT INTO question_open_counts(unit_id, topic, n, hidden)
    SELECT COALESCE(NEW.unit_id, 0), NEW.stats_topic, 1, NOT NEW.text_public WHERE NEW.awaits_answer
    ON CONFLICT DO UPDATE SET n = n + 1, hidden = hidden + excluded.hidden;
    INSERT INTO question_month_stats(month, unit_id, topic, received, received_hidden, accepted, published)
    VALUES (substr(NEW.received_on, 1, 7), COALESCE(NEW.unit_id, 0), NEW.stats_topic, 1, NOT NEW.text_public,
        NEW.protected = 0 AND NEW.state IN ('accepted', 'assigned', 'waiting', 'answered', 'closed'),
        NEW.text_public AND NEW.state IN ('answered', 'closed'))
    ON CONFLICT DO UPDATE SET received = received + 1, received_hidden = received_hidden + excluded.received_hidden,
        accepted = accepted + excluded.accepted, published = published + excluded.published;
    INSERT INTO question_month_stats(month, unit_id, topic, answered, answered_hidden, on_time, late, late_hidden,
        late_apology, rated, rated_hidden, rating_sum, rated_high)
    SELECT substr(NEW.answered_on, 1, 7), COALESCE(NEW.unit_id, 0), NEW.stats_topic, 1, NOT NEW.text_public,
        NEW.answered_on <= NEW.first_due_on, NEW.answered_on > NEW.first_due_on,
        NEW.answered_on > NEW.first_due_on AND NOT NEW.text_public,
        NEW.answered_on > NEW.first_due_on AND NEW.apology <> '',
        NEW.satisfaction IS NOT NULL, NEW.satisfaction IS NOT NULL AND NOT NEW.text_public,
        COALESCE(NEW.satisfaction, 0), COALESCE(NEW.satisfaction >= 4, 0)
    WHERE NEW.answered_on <> ''
    ON CONFLICT DO UPDATE SET answered = answered + 1, answered_hidden = answered_hidden + excluded.answered_hidden,
        on_time = on_time + excluded.on_time, late = late + excluded.late, late_hidden = late_hidden + excluded.late_hidden,
        late_apology = late_apology + excluded.late_apology, rated = rated + excluded.rated,
        rated_hidden = rated_hidden + excluded.rated_hidden, rating_sum = rating_sum + excluded.rating_sum,
        rated_high = rated_high + excluded.rated_high;
    INSERT INTO question_unit_days(month, unit_id, days, n)
    SELECT substr(NEW.answered_on, 1, 7), COALESCE(NEW.unit_id, 0), NEW.first_answer_days, 1
    WHERE NEW.answered_on <> '' AND NEW.first_answer_days IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO question_topic_days(month, topic, days, n)
    SELECT substr(NEW.answered_on, 1, 7), NEW.stats_topic, NEW.first_answer_days, 1
    WHERE NEW.answered_on <> '' AND NEW.first_answer_days IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER question_stats_delete AFTER DELETE ON questions
BEGIN
    UPDATE question_open_counts SET n = n - 1, hidden = hidden - NOT OLD.text_public
    WHERE OLD.awaits_answer AND unit_id = COALESCE(OLD.unit_id, 0) AND topic = OLD.stats_topic;
    UPDATE question_month_stats SET received = received - 1, received_hidden = received_hidden - NOT OLD.text_public,
        accepted = accepted - (OLD.protected = 0 AND OLD.state IN ('accepted', 'assigned', 'waiting', 'answered', 'closed')),
        published = published - (OLD.text_public AND OLD.state IN ('answered', 'closed'))
    WHERE month = substr(OLD.received_on, 1, 7) AND unit_id = COALESCE(OLD.unit_id, 0) AND topic = OLD.stats_topic;
    UPDATE question_month_stats SET answered = answered - 1, answered_hidden = answered_hidden - NOT OLD.text_public,
        on_time = on_time - (OLD.answered_on <= OLD.first_due_on), late = late - (OLD.answered_on > OLD.first_due_on),
        late_hidden = late_hidden - (OLD.answered_on > OLD.first_due_on AND NOT OLD.text_public),
        late_apology = late_apology - (OLD.answered_on > OLD.first_due_on AND OLD.apology <> ''),
        rated = rated - (OLD.satisfaction IS NOT NULL),
        rated_hidden = rated_hidden - (OLD.satisfaction IS NOT NULL AND NOT OLD.text_public),
        rating_sum = rating_sum - COALESCE(OLD.satisfaction, 0), rated_high = rated_high - COALESCE(OLD.satisfaction >= 4, 0)
    WHERE OLD.answered_on <> ''
      AND month = substr(OLD.answered_on, 1, 7) AND unit_id = COALESCE(OLD.unit_id, 0) AND topic = OLD.stats_topic;
    UPDATE question_unit_days SET n = n - 1
    WHERE OLD.answered_on <> '' AND OLD.first_answer_days IS NOT NULL
      AND month = substr(OLD.answered_on, 1, 7) AND unit_id = COALESCE(OLD.unit_id, 0) AND days = OLD.first_answer_days;
    UPDATE question_topic_days SET n = n - 1
    WHERE OLD.answered_on <> '' AND OLD.first_answer_days IS NOT NULL
      AND month = substr(OLD.answered_on, 1, 7) AND topic = OLD.stats_topic AND days = OLD.first_answer_days;
END;

-- An update is the old row leaving and the new one arriving. Only the
-- columns the statistics read start it; a saved draft or a sent mail does
-- not.
CREATE TRIGGER question_stats_update AFTER UPDATE OF state, kind, protected, topic, unit_id, received_on, public_title,
    first_answered_at, first_due_on, first_answer_days, apology, satisfaction ON questions
WHEN OLD.state IS NOT NEW.state OR OLD.kind IS NOT NEW.kind OR OLD.protected IS NOT NEW.protected OR OLD.topic IS NOT NEW.topic
  OR OLD.unit_id IS NOT NEW.unit_id OR OLD.received_on IS NOT NEW.received_on
  OR OLD.public_title IS NOT NEW.public_title OR OLD.first_answered_at IS NOT NEW.first_answered_at
  OR OLD.first_due_on IS NOT NEW.first_due_on OR OLD.first_answer_days IS NOT NEW.first_answer_days
  OR OLD.apology IS NOT NEW.apology OR OLD.satisfaction IS NOT NEW.satisfaction
BEGIN
    UPDATE question_open_counts SET n = n - 1, hidden = hidden - NOT OLD.text_public
    WHERE OLD.awaits_answer AND unit_id = COALESCE(OLD.unit_id, 0) AND topic = OLD.stats_topic;
    UPDATE question_month_stats SET received = received - 1, received_hidden = received_hidden - NOT OLD.text_public,
        accepted = accepted - (OLD.protected = 0 AND OLD.state IN ('accepted', 'assigned', 'waiting', 'answered', 'closed')),
        published = published - (OLD.text_public AND OLD.state IN ('answered', 'closed'))
    WHERE month = substr(OLD.received_on, 1, 7) AND unit_id = COALESCE(OLD.unit_id, 0) AND topic = OLD.stats_topic;
    UPDATE question_month_stats SET answered = answered - 1, answered_hidden = answered_hidden - NOT OLD.text_public,
        on_time = on_time - (OLD.answered_on <= OLD.first_due_on), late = late - (OLD.answered_on > OLD.first_due_on),
        late_hidden = late_hidden - (OLD.answered_on > OLD.first_due_on AND NOT OLD.text_public),
        late_apology = late_apology - (OLD.answered_on > OLD.first_due_on AND OLD.apology <> ''),
        rated = rated - (OLD.satisfaction IS NOT NULL),
        rated_hidden = rated_hidden - (OLD.satisfaction IS NOT NULL AND NOT OLD.text_public),
        rating_sum = rating_sum - COALESCE(OLD.satisfaction, 0), rated_high = rated_high - COALESCE(OLD.satisfaction >= 4, 0)
    WHERE OLD.answered_on <> ''
      AND month = substr(OLD.answered_on, 1, 7) AND unit_id = COALESCE(OLD.unit_id, 0) AND topic = OLD.stats_topic;
    UPDATE question_unit_days SET n = n - 1
    WHERE OLD.answered_on <> '' AND OLD.first_answer_days IS NOT NULL
      AND month = substr(OLD.answered_on, 1, 7) AND unit_id = COALESCE(OLD.unit_id, 0) AND days = OLD.first_answer_days;
    UPDATE question_topic_days SET n = n - 1
    WHERE OLD.answered_on <> '' AND OLD.first_answer_days IS NOT NULL
      AND month = substr(OLD.answered_on, 1, 7) AND topic = OLD.stats_topic AND days = OLD.first_answer_days;

    INSERT INTO question_open_counts(unit_id, topic, n, hidden)
    SELECT COALESCE(NEW.unit_id, 0), NEW.stats_topic, 1, NOT NEW.text_public WHERE NEW.awaits_answer
    ON CONFLICT DO UPDATE SET n = n + 1, hidden = hidden + excluded.hidden;
    INSERT INTO question_month_stats(month, unit_id, topic, received, received_hidden, accepted, published)
    VALUES (substr(NEW.received_on, 1, 7), COALESCE(NEW.unit_id, 0), NEW.stats_topic, 1, NOT NEW.text_public,
        NEW.protected = 0 AND NEW.state IN ('accepted', 'assigned', 'waiting', 'answered', 'closed'),
        NEW.text_public AND NEW.state IN ('answered', 'closed'))
    ON CONFLICT DO UPDATE SET received = received + 1, received_hidden = received_hidden + excluded.received_hidden,
        accepted = accepted + excluded.accepted, published = published + excluded.published;
    INSERT INTO question_month_stats(month, unit_id, topic, answered, answered_hidden, on_time, late, late_hidden,
        late_apology, rated, rated_hidden, rating_sum, rated_high)
    SELECT substr(NEW.answered_on, 1, 7), COALESCE(NEW.unit_id, 0), NEW.stats_topic, 1, NOT NEW.text_public,
        NEW.answered_on <= NEW.first_due_on, NEW.answered_on > NEW.first_due_on,
        NEW.answered_on > NEW.first_due_on AND NOT NEW.text_public,
        NEW.answered_on > NEW.first_due_on AND NEW.apology <> '',
        NEW.satisfaction IS NOT NULL, NEW.satisfaction IS NOT NULL AND NOT NEW.text_public,
        COALESCE(NEW.satisfaction, 0), COALESCE(NEW.satisfaction >= 4, 0)
    WHERE NEW.answered_on <> ''
    ON CONFLICT DO UPDATE SET answered = answered + 1, answered_hidden = answered_hidden + excluded.answered_hidden,
        on_time = on_time + excluded.on_time, late = late + excluded.late, late_hidden = late_hidden + excluded.late_hidden,
        late_apology = late_apology + excluded.late_apology, rated = rated + excluded.rated,
        rated_hidden = rated_hidden + excluded.rated_hidden, rating_sum = rating_sum + excluded.rating_sum,
        rated_high = rated_high + excluded.rated_high;
    INSERT INTO question_unit_days(month, unit_id, days, n)
    SELECT substr(NEW.answered_on, 1, 7), COALESCE(NEW.unit_id, 0), NEW.first_answer_days, 1
    WHERE NEW.answered_on <> '' AND NEW.first_answer_days IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO question_topic_days(month, topic, days, n)
    SELECT substr(NEW.answered_on, 1, 7), NEW.stats_topic, NEW.first_answer_days, 1
    WHERE NEW.answered_on <> '' AND NEW.first_answer_days IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- The figures of the questions already there. The days histograms fill as
-- FillAnswerDays sets each answered item's days (the update trigger adds
-- them).
INSERT INTO question_month_stats(month, unit_id, topic, received, received_hidden, accepted, published,
    answered, answered_hidden, on_time, late, late_hidden, late_apology, rated, rated_hidden, rating_sum, rated_high)
SELECT month, unit_id, topic, SUM(received), SUM(received_hidden), SUM(accepted), SUM(published),
    SUM(answered), SUM(answered_hidden), SUM(on_time), SUM(late), SUM(late_hidden), SUM(late_apology),
    SUM(rated), SUM(rated_hidden), SUM(rating_sum), SUM(rated_high)
FROM (
    SELECT substr(received_on, 1, 7) AS month, COALESCE(unit_id, 0) AS unit_id, stats_topic AS topic,
        1 AS received, NOT text_public AS received_hidden,
        protected = 0 AND state IN ('accepted', 'assigned', 'waiting', 'answered', 'closed') AS accepted,
        text_public AND state IN ('answered', 'closed') AS published,
        0 AS answered, 0 AS answered_hidden, 0 AS on_time, 0 AS late, 0 AS late_hidden, 0 AS late_apology,
        0 AS rated, 0 AS rated_hidden, 0 AS rating_sum, 0 AS rated_high
    FROM questions
    UNION ALL
    SELECT substr(answered_on, 1, 7), COALESCE(unit_id, 0), stats_topic, 0, 0, 0, 0,
        1, NOT text_public, answered_on <= first_due_on, answered_on > first_due_on,
        answered_on > first_due_on AND NOT text_public, answered_on > first_due_on AND apology <> '',
        satisfaction IS NOT NULL, satisfaction IS NOT NULL AND NOT text_public,
        COALESCE(satisfaction, 0), COALESCE(satisfaction >= 4, 0)
    FROM questions WHERE answered_on <> ''
)
GROUP BY month, unit_id, topic;

INSERT INTO question_open_counts(unit_id, topic, n, hidden)
SELECT COALESCE(unit_id, 0), stats_topic, COUNT(*), SUM(NOT text_public) FROM questions WHERE awaits_answer
GROUP BY 1, 2;

-- FillAnswerDays finds the items it has to fill without a scan.
CREATE INDEX questions_answer_days_missing ON questions(id)
WHERE first_answered_at <> '' AND first_answer_days IS NULL;

-- The items awaiting an answer that are not due yet, per unit and topic,
-- from this index alone.
CREATE INDEX questions_open_stats ON questions(due_on, state, kind, protected, unit_id, topic, public_title)
WHERE state IN ('received', 'accepted', 'assigned');

-- The public items behind a figure, listed by the date counted, newest
-- first, and paged by it: a year ten years back is a range of these, not
-- a walk through every item changed since.
CREATE INDEX questions_public_received ON questions(received_on, id)
WHERE state <> 'received' AND protected = 0 AND public_title <> '';
CREATE INDEX questions_public_answered ON questions(answered_on, id)
WHERE state <> 'received' AND protected = 0 AND public_title <> '' AND first_answered_at <> '';
