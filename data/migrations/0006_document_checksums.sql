-- A checksum of each document's cleaned text and of its original (issue
-- 13): SHA-256, in lower-case hex, of the text as stored (UTF-8). SQLite
-- checks the structure of its pages but not what a page of text holds: a
-- page lost inside a document's text (read back as zeros) or a row changed
-- behind the app's back passes its integrity check. Check, and Open where
-- the file is small, compare each document with its checksums
-- (data/checksum.go). '' is a row written without one.

ALTER TABLE documents ADD COLUMN text_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN original_sha256 TEXT NOT NULL DEFAULT '';

-- Filling them in changes nothing the search index is made of: keep the
-- index its update trigger would drop.
CREATE TEMP TABLE kept_search_index AS SELECT generation, data FROM search_index;

UPDATE documents SET text_sha256 = chronoscope_sha256(text), original_sha256 = chronoscope_sha256(original);

UPDATE search_index SET generation = (SELECT generation FROM kept_search_index),
	data = (SELECT data FROM kept_search_index);

DROP TABLE kept_search_index;
