-- The counts every officer page shows (new, due this week, overdue) read
-- each open item's state and due date. Through questions_open_due they
-- looked up every open item's row: 0.4 s with 46,000 open items among a
-- million. This index holds both columns, so the counts read the index
-- alone (an index over the virtual column "open" cannot cover a query);
-- the inbox's own order (due date, id) keeps questions_open_due.
CREATE INDEX questions_state_due ON questions(state, due_on);
