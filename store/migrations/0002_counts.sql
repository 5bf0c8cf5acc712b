-- Counts that pages show are kept, not scanned: one row per category and
-- status, moved by triggers whoever writes (like public_changes), so a list
-- of 100,000 items counts in one small read.
CREATE TABLE disclosure_counts (
    category TEXT NOT NULL,
    status   TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (category, status)
) STRICT, WITHOUT ROWID;

INSERT INTO disclosure_counts(category, status, n)
SELECT category, status, COUNT(*) FROM disclosures GROUP BY category, status;

CREATE TRIGGER disclosure_counts_insert AFTER INSERT ON disclosures
BEGIN
    INSERT INTO disclosure_counts(category, status, n) VALUES (NEW.category, NEW.status, 1)
    ON CONFLICT (category, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER disclosure_counts_delete AFTER DELETE ON disclosures
BEGIN
    UPDATE disclosure_counts SET n = n - 1 WHERE category = OLD.category AND status = OLD.status;
END;

CREATE TRIGGER disclosure_counts_update AFTER UPDATE OF category, status ON disclosures
WHEN NEW.category IS NOT OLD.category OR NEW.status IS NOT OLD.status
BEGIN
    UPDATE disclosure_counts SET n = n - 1 WHERE category = OLD.category AND status = OLD.status;
    INSERT INTO disclosure_counts(category, status, n) VALUES (NEW.category, NEW.status, 1)
    ON CONFLICT (category, status) DO UPDATE SET n = n + 1;
END;

-- Officers' lists by status (drafts among 100,000 published items) page by
-- key on this index instead of walking every row.
CREATE INDEX disclosures_status ON disclosures(status, updated_at);
