-- The holidays table the working-day clock uses: dates that are not
-- working days (Tết and the rest) and weekend days worked in exchange for
-- a weekday off. The portal fills it from the Labour Code the first time
-- it starts on a database without it (holiday_years empty); from then on
-- only administrators change it. Years whose schedule the government has
-- not announced yet are provisional: an administrator confirms them.

-- The years the table covers, and whether each year's schedule was
-- announced and confirmed by an administrator.
CREATE TABLE holiday_years (
    year         INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    announced    INTEGER NOT NULL DEFAULT 0 CHECK (announced IN (0, 1)),
    confirmed_by INTEGER REFERENCES users(id),
    confirmed_at TEXT
) STRICT;

-- Days off: the Labour Code's holidays (fixed: a Gregorian date; lunar:
-- Tết, Hùng Kings' day), days in lieu, and weekdays swapped for a
-- weekend day in working_days.
CREATE TABLE holidays (
    date        TEXT PRIMARY KEY CHECK (date(date) IS date),
    name        TEXT NOT NULL CHECK (name <> ''),
    kind        TEXT NOT NULL CHECK (kind IN ('fixed', 'lunar', 'in-lieu', 'swap')),
    provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
    source      TEXT NOT NULL DEFAULT ''
) STRICT;

-- Weekend days worked in exchange (làm bù).
CREATE TABLE working_days (
    date        TEXT PRIMARY KEY CHECK (date(date) IS date AND strftime('%w', date) IN ('0', '6')),
    name        TEXT NOT NULL CHECK (name <> ''),
    provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
    source      TEXT NOT NULL DEFAULT ''
) STRICT;

-- A day is either off or worked, and lies in a year the table covers.
CREATE TRIGGER holidays_not_worked BEFORE INSERT ON holidays
WHEN EXISTS (SELECT 1 FROM working_days WHERE date = NEW.date)
BEGIN SELECT RAISE(ABORT, 'date is a working day'); END;
CREATE TRIGGER working_days_not_off BEFORE INSERT ON working_days
WHEN EXISTS (SELECT 1 FROM holidays WHERE date = NEW.date)
BEGIN SELECT RAISE(ABORT, 'date is a holiday'); END;
CREATE TRIGGER holidays_covered BEFORE INSERT ON holidays
WHEN NOT EXISTS (SELECT 1 FROM holiday_years WHERE year = CAST(substr(NEW.date, 1, 4) AS INTEGER))
BEGIN SELECT RAISE(ABORT, 'year not in holiday_years'); END;
CREATE TRIGGER working_days_covered BEFORE INSERT ON working_days
WHEN NOT EXISTS (SELECT 1 FROM holiday_years WHERE year = CAST(substr(NEW.date, 1, 4) AS INTEGER))
BEGIN SELECT RAISE(ABORT, 'year not in holiday_years'); END;
CREATE TRIGGER holidays_date_fixed BEFORE UPDATE OF date ON holidays
WHEN NEW.date IS NOT OLD.date
BEGIN SELECT RAISE(ABORT, 'delete and add to move a holiday'); END;
CREATE TRIGGER working_days_date_fixed BEFORE UPDATE OF date ON working_days
WHEN NEW.date IS NOT OLD.date
BEGIN SELECT RAISE(ABORT, 'delete and add to move a working day'); END;
