-- Dates that tell a span from an uncertain moment (issue 8). An event is a
-- moment, which happened once on a day somewhere in its from_ days, or a
-- span, which lasted from its from_ days to its to_ days; an undated event
-- has no shape. Each end is a When: earliest and latest day, and a
-- precision that names the calendar unit those days are ('day', 'week',
-- 'month', 'year'), '' for another range of days, or 'open' for an open end
-- (which has no days). A moment's to_ columns repeat its from_ ones.
--
-- start_date, end_date and precision stay as the envelope: the earliest day
-- the event may have begun to the latest it may have ended (an open end
-- taking the other end's days), which orders events and which older readers
-- understand.

ALTER TABLE events ADD COLUMN shape TEXT CHECK (shape IS NULL OR shape IN ('moment', 'span'));
ALTER TABLE events ADD COLUMN from_earliest TEXT CHECK (from_earliest IS NULL OR date(from_earliest) = from_earliest);
ALTER TABLE events ADD COLUMN from_latest TEXT CHECK (from_latest IS NULL OR date(from_latest) = from_latest);
ALTER TABLE events ADD COLUMN from_precision TEXT NOT NULL DEFAULT ''
	CHECK (from_precision IN ('', 'day', 'week', 'month', 'year', 'open'));
ALTER TABLE events ADD COLUMN to_earliest TEXT CHECK (to_earliest IS NULL OR date(to_earliest) = to_earliest);
ALTER TABLE events ADD COLUMN to_latest TEXT CHECK (to_latest IS NULL OR date(to_latest) = to_latest);
ALTER TABLE events ADD COLUMN to_precision TEXT NOT NULL DEFAULT ''
	CHECK (to_precision IN ('', 'day', 'week', 'month', 'year', 'open'));

-- The old meaning kept: a dated event was one range of days with a
-- precision, which said when something happened, not how long it lasted;
-- so each becomes an uncertain moment in those days. Its precision stays
-- where the range is exactly that calendar unit (a one-day date stays a
-- day); any other range has none.
UPDATE events SET shape = 'moment', from_earliest = start_date, from_latest = end_date,
	from_precision = CASE
		WHEN start_date = end_date THEN 'day'
		WHEN strftime('%w', start_date) = '1' AND end_date = date(start_date, '+6 days') THEN 'week'
		WHEN strftime('%d', start_date) = '01' AND end_date = date(start_date, '+1 month', '-1 day') THEN 'month'
		WHEN strftime('%m-%d', start_date) = '01-01' AND end_date = date(start_date, '+1 year', '-1 day') THEN 'year'
		ELSE '' END
	WHERE start_date IS NOT NULL;
UPDATE events SET to_earliest = from_earliest, to_latest = from_latest, to_precision = from_precision
	WHERE shape = 'moment';

-- The envelope's precision, as the program now derives it
-- (data.Envelope): the calendar unit where there is one, else the shortest
-- unit as long as the range. An old "month" on a 15-day range becomes
-- "month" still, but a "month" on 8 days a "week".
UPDATE events SET precision = CASE
		WHEN from_precision <> '' THEN from_precision
		WHEN julianday(end_date) - julianday(start_date) < 14 THEN 'week'
		WHEN julianday(end_date) - julianday(start_date) < 62 THEN 'month'
		WHEN julianday(end_date) - julianday(start_date) < 366 THEN 'year'
		ELSE 'unknown' END
	WHERE shape = 'moment';

-- The bundled rows are written again on the next writable open, with the
-- shapes their sources now give.
DELETE FROM meta WHERE key = 'source_digest';
