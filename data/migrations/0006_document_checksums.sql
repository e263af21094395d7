-- A checksum of each document's cleaned text and of its original (issue
-- 13): SHA-256, in lower-case hex, of the text as stored (UTF-8). SQLite
-- checks the structure of its pages but not what a page of text holds: a
-- page lost inside a document's text or original (read back as zeros), or
-- a row changed behind the app's back, passes its integrity check. Check,
-- and Open where the file is small, compare each document with its
-- checksums (data/checksum.go); a document without a row here was written
-- by something other than Chronoscope.
--
-- A table of their own, not columns of documents: a document's row ends
-- with its text and original, spilling over pages, and a column added
-- would come last, on the very page whose loss it must reveal. These rows
-- are small and sit on b-tree pages, whose loss SQLite itself finds.

CREATE TABLE document_checksums (
	document_id     TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
	text_sha256     TEXT NOT NULL,
	original_sha256 TEXT NOT NULL
) STRICT;

INSERT INTO document_checksums (document_id, text_sha256, original_sha256)
	SELECT id, chronoscope_sha256(text), chronoscope_sha256(original) FROM documents;
