package app

import (
	"context"
	"io"

	"chronoscope/data"
)

// storeExporter adapts a corpus that exports (*data.Store) to the
// window's exporter, or is nil for one that does not.
//
// It builds only with -tags exportapi until data.ExportFormat is merged;
// the merge removes the tag and export_store_stub.go.
func storeExporter(c Corpus) exporter {
	s, ok := c.(interface {
		Export(ctx context.Context, w io.Writer, format data.ExportFormat, f data.Filter) error
	})
	if !ok {
		return nil
	}
	return storeExport{s}
}

type storeExport struct {
	s interface {
		Export(ctx context.Context, w io.Writer, format data.ExportFormat, f data.Filter) error
	}
}

func (e storeExport) exportAs(ctx context.Context, w io.Writer, format string, f data.Filter) error {
	return e.s.Export(ctx, w, data.ExportFormat(format), f)
}
