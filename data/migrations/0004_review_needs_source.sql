-- Researchers' review (issue 9): an event may also be marked as needing a
-- source. SQLite cannot change a CHECK in place, so user_reviews is rebuilt
-- with its rows, in this migration's one transaction.

CREATE TABLE user_reviews_new (
	event_id   TEXT PRIMARY KEY,
	status     TEXT NOT NULL CHECK (status IN ('unreviewed', 'verified', 'disputed', 'needs-source')),
	updated_at TEXT NOT NULL
) STRICT;

INSERT INTO user_reviews_new (event_id, status, updated_at)
	SELECT event_id, status, updated_at FROM user_reviews;

DROP TABLE user_reviews;

ALTER TABLE user_reviews_new RENAME TO user_reviews;

-- Tags are listed for completion across every event.
CREATE INDEX IF NOT EXISTS user_tags_by_tag ON user_tags (tag);
