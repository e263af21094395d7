package data

import (
	"context"
	"database/sql"
	"database/sql/driver"

	"modernc.org/sqlite"
)

// textVocab is the temporary table, on each connection searches read
// through, that lists every instance of every word of text_index by row
// (FTS5's fts5vocab, "instance"): a word's rows and how often each holds
// it, read at once, which is what bm25 needs of a word (rankDocs).
const textVocab = "temp.text_vocab"

// openSearchDB opens the pool of connections searches read through
// (Store.rdb). Each connection is given textVocab as it opens, and only
// then refuses writes (query_only), since making a temporary table is a
// write; a corpus opened read-only refuses them already.
func openSearchDB(path string, readOnly bool) *sql.DB {
	return sql.OpenDB(searchConnector{dsn(path, readOnly)})
}

// searchDriver is the driver of searches' connections: the one this
// package's import of modernc.org/sqlite registers has no hook, and a hook
// there would run on every connection of the process.
var searchDriver = func() *sqlite.Driver {
	d := &sqlite.Driver{}
	d.RegisterConnectionHook(func(conn sqlite.ExecQuerierContext, _ string) error {
		ctx := context.Background()
		if _, err := conn.ExecContext(ctx, `CREATE VIRTUAL TABLE `+textVocab+` USING fts5vocab(main, 'text_index', 'instance')`, nil); err != nil {
			return err
		}
		_, err := conn.ExecContext(ctx, `PRAGMA query_only(1)`, nil)
		return err
	})
	return d
}()

// searchConnector opens connections through searchDriver.
type searchConnector struct{ dsn string }

func (c searchConnector) Connect(ctx context.Context) (driver.Conn, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return searchDriver.Open(c.dsn)
}

func (c searchConnector) Driver() driver.Driver { return searchDriver }
