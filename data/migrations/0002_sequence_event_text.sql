-- Same-day order, the missing index on disagreements, and the events' own
-- text searchable apart from the documents'.

-- The order the sources narrate events that begin on the same day, 1
-- first; NULL when no source says. Only dated events have one.
ALTER TABLE events ADD COLUMN sequence INTEGER
	CHECK (sequence IS NULL OR (sequence > 0 AND start_date IS NOT NULL));

CREATE INDEX disagreements_by_event ON disagreements (event_id);

-- An event's title, summary and evidence passages (in their order, with
-- " … " between them), so a search finds an event by a word of its evidence and lists
-- every event it matches without reading the documents' rows. text_index
-- keeps the documents.
CREATE VIRTUAL TABLE event_text USING fts5 (
	ref UNINDEXED,
	title,
	summary,
	evidence,
	tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO event_text (ref, title, summary, evidence)
	SELECT e.id, e.title, e.summary,
		COALESCE((SELECT group_concat(quote, ' … ') FROM
			(SELECT v.quote FROM evidence v WHERE v.event_id = e.id ORDER BY v.position, v.id)), '')
	FROM events e;

DELETE FROM text_index WHERE kind = 'event';

-- The bundled rows are written again on the next writable open, with their
-- sequences and their full text as this version writes them.
DELETE FROM meta WHERE key = 'source_digest';
