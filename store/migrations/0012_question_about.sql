-- A question can be about one disclosure: a resident asks about a
-- compensation, support and resettlement plan from the plan's page ("Hỏi
-- về phương án này"), and the plan's page lists the published questions
-- about it. Not questions.disclosure_id (0005), which is the disclosure an
-- officer's answer points to. Set once, when the question is received.
ALTER TABLE questions ADD COLUMN about_disclosure_id INTEGER REFERENCES disclosures(id);

-- The plan's page lists its questions newest change first, paged by
-- (updated_at, id) like every question list.
CREATE INDEX questions_about ON questions(about_disclosure_id, updated_at, id)
WHERE about_disclosure_id IS NOT NULL;

CREATE TRIGGER questions_about_fixed BEFORE UPDATE OF about_disclosure_id ON questions
WHEN OLD.about_disclosure_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'what a question is about is fixed'); END;
