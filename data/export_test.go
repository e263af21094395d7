package data

import "database/sql"

// Hooks for the tests of this package; production code never calls them.

// DB is the store's database, for tests that tamper with a corpus.
func (s *Store) DB() *sql.DB { return s.db }
