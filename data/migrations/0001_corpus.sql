-- The corpus: documents, events, actors, places and the evidence that ties
-- them together. Rows with origin 'bundled' come from the sources shipped in
-- the app and are replaced whole when those sources change; user data lives
-- in the user_* tables, which have no foreign keys into the corpus so that a
-- corpus update can never cascade into a researcher's work.

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

CREATE TABLE documents (
	id                  TEXT PRIMARY KEY,
	origin              TEXT NOT NULL DEFAULT 'bundled' CHECK (origin IN ('bundled', 'user')),
	title               TEXT NOT NULL,
	publisher           TEXT NOT NULL DEFAULT '',
	author              TEXT NOT NULL DEFAULT '',
	url                 TEXT NOT NULL DEFAULT '',
	language            TEXT NOT NULL DEFAULT '',
	published_start     TEXT CHECK (published_start IS NULL OR date(published_start) = published_start),
	published_end       TEXT CHECK (published_end IS NULL OR date(published_end) = published_end),
	published_precision TEXT NOT NULL CHECK (published_precision IN ('day', 'week', 'month', 'year', 'unknown')),
	published_basis     TEXT NOT NULL CHECK (published_basis IN ('stated', 'relative', 'inferred', 'unknown')),
	published_note      TEXT NOT NULL DEFAULT '',
	note                TEXT NOT NULL DEFAULT '',
	source_name         TEXT NOT NULL DEFAULT '',
	text                TEXT NOT NULL,
	original            TEXT NOT NULL
) STRICT;

CREATE TABLE actors (
	id          TEXT PRIMARY KEY,
	origin      TEXT NOT NULL DEFAULT 'bundled' CHECK (origin IN ('bundled', 'user')),
	name        TEXT NOT NULL,
	kind        TEXT NOT NULL CHECK (kind IN ('person', 'state', 'organisation')),
	grp         TEXT NOT NULL CHECK (grp IN ('mexico', 'peru', 'united-states', 'regional', 'other')),
	description TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE actor_aliases (
	actor_id TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
	alias    TEXT NOT NULL,
	PRIMARY KEY (actor_id, alias)
) STRICT;

CREATE TABLE places (
	id      TEXT PRIMARY KEY,
	origin  TEXT NOT NULL DEFAULT 'bundled' CHECK (origin IN ('bundled', 'user')),
	name    TEXT NOT NULL,
	country TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE events (
	id          TEXT PRIMARY KEY,
	origin      TEXT NOT NULL DEFAULT 'bundled' CHECK (origin IN ('bundled', 'user')),
	title       TEXT NOT NULL,
	summary     TEXT NOT NULL DEFAULT '',
	category    TEXT NOT NULL,
	start_date  TEXT CHECK (start_date IS NULL OR date(start_date) = start_date),
	end_date    TEXT CHECK (end_date IS NULL OR date(end_date) = end_date),
	precision   TEXT NOT NULL CHECK (precision IN ('day', 'week', 'month', 'year', 'unknown')),
	date_basis  TEXT NOT NULL CHECK (date_basis IN ('stated', 'relative', 'inferred', 'unknown')),
	date_phrase TEXT NOT NULL DEFAULT '',
	date_anchor TEXT REFERENCES documents (id) ON DELETE SET NULL,
	date_note   TEXT NOT NULL DEFAULT '',
	CHECK ((start_date IS NULL) = (end_date IS NULL)),
	CHECK (start_date IS NULL OR start_date <= end_date)
) STRICT;

CREATE INDEX events_by_start ON events (start_date);

CREATE TABLE event_actors (
	event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	actor_id TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
	role     TEXT NOT NULL DEFAULT '',
	position INTEGER NOT NULL,
	PRIMARY KEY (event_id, actor_id)
) STRICT;

CREATE INDEX event_actors_by_actor ON event_actors (actor_id);

CREATE TABLE event_places (
	event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	place_id TEXT NOT NULL REFERENCES places (id) ON DELETE CASCADE,
	PRIMARY KEY (event_id, place_id)
) STRICT;

-- Evidence: a passage quoted exactly from a document's cleaned text, with
-- its offsets counted in characters (Unicode code points), end exclusive.
CREATE TABLE evidence (
	id          INTEGER PRIMARY KEY,
	event_id    TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	quote       TEXT NOT NULL CHECK (quote <> ''),
	start_char  INTEGER NOT NULL CHECK (start_char >= 0),
	end_char    INTEGER NOT NULL CHECK (end_char > start_char),
	side        TEXT NOT NULL DEFAULT '',
	position    INTEGER NOT NULL
) STRICT;

CREATE INDEX evidence_by_event ON evidence (event_id);
CREATE INDEX evidence_by_document ON evidence (document_id);

-- Where sources disagree about an event; sides name evidence.side values,
-- separated by newlines.
CREATE TABLE disagreements (
	id       INTEGER PRIMARY KEY,
	event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	topic    TEXT NOT NULL,
	summary  TEXT NOT NULL DEFAULT '',
	sides    TEXT NOT NULL
) STRICT;

CREATE VIRTUAL TABLE text_index USING fts5 (
	kind UNINDEXED,
	ref UNINDEXED,
	title,
	body,
	tokenize = 'unicode61 remove_diacritics 2'
);

-- User data: never written by a corpus build or update.
CREATE TABLE user_reviews (
	event_id   TEXT PRIMARY KEY,
	status     TEXT NOT NULL CHECK (status IN ('unreviewed', 'verified', 'disputed')),
	updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE user_notes (
	id          INTEGER PRIMARY KEY,
	target_kind TEXT NOT NULL CHECK (target_kind IN ('event', 'document', 'actor')),
	target_id   TEXT NOT NULL,
	body        TEXT NOT NULL,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX user_notes_by_target ON user_notes (target_kind, target_id);

CREATE TABLE user_tags (
	target_kind TEXT NOT NULL CHECK (target_kind IN ('event', 'document', 'actor')),
	target_id   TEXT NOT NULL,
	tag         TEXT NOT NULL,
	PRIMARY KEY (target_kind, target_id, tag)
) STRICT;
