-- The search index kept in the corpus (issue 11), so that a search need not
-- read and fold every title first: search_index's one row holds the index
-- (data/search_index.go) as it was made at a generation of the corpus. Any
-- change to what the index is made of counts the generation up and drops
-- the index, so an index that is there is never stale; the next writable
-- open that searches makes it again, and Create, Import and UpdateBundled
-- make it at once. The full-text tables change only along with these
-- tables.

CREATE TABLE search_index (
	id         INTEGER PRIMARY KEY CHECK (id = 1),
	generation INTEGER NOT NULL,
	data       BLOB
) STRICT;

INSERT INTO search_index (id, generation, data) VALUES (1, 1, NULL);

CREATE TRIGGER search_index_events_insert AFTER INSERT ON events BEGIN
	UPDATE search_index SET generation = generation + 1, data = NULL;
END;

CREATE TRIGGER search_index_events_update AFTER UPDATE ON events BEGIN
	UPDATE search_index SET generation = generation + 1, data = NULL;
END;

CREATE TRIGGER search_index_events_delete AFTER DELETE ON events BEGIN
	UPDATE search_index SET generation = generation + 1, data = NULL;
END;

CREATE TRIGGER search_index_actors_insert AFTER INSERT ON actors BEGIN
	UPDATE search_index SET generation = generation + 1, data = NULL;
END;

CREATE TRIGGER search_index_actors_update AFTER UPDATE ON actors BEGIN
	UPDATE search_index SET generation = generation + 1, data = NULL;
END;

CREATE TRIGGER search_index_actors_delete AFTER DELETE ON actors BEGIN
	UPDATE search_index SET generation = generation + 1, data = NULL;
END;

CREATE TRIGGER search_index_actor_aliases_insert AFTER INSERT ON actor_aliases BEGIN
	UPDATE search_index SET generation = generation + 1, data = NULL;
END;

CREATE TRIGGER search_index_actor_aliases_update AFTER UPDATE ON actor_aliases BEGIN
	UPDATE search_index SET generation = generation + 1, data = NULL;
END;

CREATE TRIGGER search_index_actor_aliases_delete AFTER DELETE ON actor_aliases BEGIN
	UPDATE search_index SET generation = generation + 1, data = NULL;
END;

CREATE TRIGGER search_index_places_insert AFTER INSERT ON places BEGIN
	UPDATE search_index SET generation = generation + 1, data = NULL;
END;

CREATE TRIGGER search_index_places_update AFTER UPDATE ON places BEGIN
	UPDATE search_index SET generation = generation + 1, data = NULL;
END;

CREATE TRIGGER search_index_places_delete AFTER DELETE ON places BEGIN
	UPDATE search_index SET generation = generation + 1, data = NULL;
END;

CREATE TRIGGER search_index_documents_insert AFTER INSERT ON documents BEGIN
	UPDATE search_index SET generation = generation + 1, data = NULL;
END;

CREATE TRIGGER search_index_documents_update AFTER UPDATE ON documents BEGIN
	UPDATE search_index SET generation = generation + 1, data = NULL;
END;

CREATE TRIGGER search_index_documents_delete AFTER DELETE ON documents BEGIN
	UPDATE search_index SET generation = generation + 1, data = NULL;
END;

CREATE TRIGGER search_index_evidence_insert AFTER INSERT ON evidence BEGIN
	UPDATE search_index SET generation = generation + 1, data = NULL;
END;

CREATE TRIGGER search_index_evidence_update AFTER UPDATE ON evidence BEGIN
	UPDATE search_index SET generation = generation + 1, data = NULL;
END;

CREATE TRIGGER search_index_evidence_delete AFTER DELETE ON evidence BEGIN
	UPDATE search_index SET generation = generation + 1, data = NULL;
END;
