package data

import (
	"context"
	"crypto/sha256"
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"strings"

	"modernc.org/sqlite"
)

// checksum is what document_checksums.text_sha256 and original_sha256
// hold of a text: its SHA-256 in lower-case hex. SHA-256 rather than a cheaper CRC:
// it hashes the 42 MB of text of a 100,000-event corpus in about 25 ms
// here, and a researcher can compare it with a copy's by any tool.
func checksum(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// The migration that adds the checksums fills them in for the rows
// already there with chronoscope_sha256(text), which is checksum.
func init() {
	sqlite.MustRegisterDeterministicScalarFunction("chronoscope_sha256", 1,
		func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			switch v := args[0].(type) {
			case string:
				return checksum(v), nil
			case []byte:
				return checksum(string(v)), nil
			}
			return nil, fmt.Errorf("chronoscope_sha256 of %T", args[0])
		})
}

// writeChecksums records the checksums of a document's text and original
// as it is written, through exec.
func writeChecksums(ctx context.Context, exec func(context.Context, string, ...any) error, id, text, original string) error {
	return exec(ctx, `INSERT INTO document_checksums (document_id, text_sha256, original_sha256) VALUES (?, ?, ?)
		ON CONFLICT (document_id) DO UPDATE SET text_sha256 = excluded.text_sha256, original_sha256 = excluded.original_sha256`,
		id, checksum(text), checksum(original))
}

// DocumentPart is the part of a document a checksum covers.
type DocumentPart string

// A document's parts.
const (
	TextPart     DocumentPart = "text"
	OriginalPart DocumentPart = "original"
	// ChecksumPart is a document's checksums, when they are what is
	// damaged, so that its text and original cannot be verified.
	ChecksumPart DocumentPart = "checksum"
)

// changedDoc is a document whose text or original no longer matches its
// checksum, or that was written without one.
type changedDoc struct {
	id        string
	part      DocumentPart
	noSum     bool // written without a checksum (by hand, behind the app's back)
	lostSum   bool // the checksum itself is damaged: not one checksum writes
	nulsAfter int  // the character the first NUL is at, or -1
}

// changedDocuments compares every document in q with its checksums and
// lists those that differ, in the order of their ids.
func changedDocuments(ctx context.Context, q querier) ([]changedDoc, error) {
	var out []changedDoc
	err := eachRow(ctx, q, `SELECT d.id, d.text, COALESCE(c.text_sha256, ''), d.original, COALESCE(c.original_sha256, '')
		FROM documents d LEFT JOIN document_checksums c ON c.document_id = d.id ORDER BY d.id`,
		func(sc scanner) error {
			var id, text, textSum, orig, origSum string
			if err := sc.Scan(&id, &text, &textSum, &orig, &origSum); err != nil {
				return err
			}
			if textSum == "" && origSum == "" {
				out = append(out, changedDoc{id: id, noSum: true, nulsAfter: -1})
				return nil
			}
			for _, p := range []struct {
				part      DocumentPart
				body, sum string
			}{{TextPart, text, textSum}, {OriginalPart, orig, origSum}} {
				if p.sum == "" || checksum(p.body) != p.sum {
					out = append(out, changedDoc{id: id, part: p.part, noSum: p.sum == "", lostSum: !isChecksum(p.sum),
						nulsAfter: firstNUL(p.body)})
				}
			}
			return nil
		})
	return out, err
}

// isChecksum reports whether s is a checksum as checksum writes one.
func isChecksum(s string) bool {
	if len(s) != 2*sha256.Size {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil && strings.ToLower(s) == s
}

// changed reports whether the document's part is known to differ from
// what was written: its checksum is sound and does not match.
func (c changedDoc) changed() bool { return !c.noSum && !c.lostSum }

// firstChanged is the document and part to name of a damaged file: the
// first of docs known to have changed, else the first whose checksum is
// itself damaged (part ChecksumPart). A document written without
// checksums is not damage, and is left to Check.
func firstChanged(docs []changedDoc) (id string, part DocumentPart, ok bool) {
	for _, d := range docs {
		if d.changed() {
			return d.id, d.part, true
		}
	}
	for _, d := range docs {
		if d.lostSum {
			return d.id, ChecksumPart, true
		}
	}
	return "", "", false
}

// firstNUL is the character (code point) the first NUL of s is at, or -1:
// a page of text lost and read back as zeros reads as NULs.
func firstNUL(s string) int {
	n := 0
	for _, r := range s {
		if r == 0 {
			return n
		}
		n++
	}
	return -1
}

// what says what is wrong with the document, for check.
func (c changedDoc) what() string {
	switch {
	case c.noSum && c.part == "":
		return "it has no checksums: it was written behind Chronoscope's back"
	case c.noSum:
		return fmt.Sprintf("its %s has no checksum: it was written behind Chronoscope's back", c.part)
	case c.lostSum:
		return fmt.Sprintf("the checksum of its %s is itself damaged, so its %s cannot be verified", c.part, c.part)
	}
	s := fmt.Sprintf("its %s has changed since it was written (checksum mismatch)", c.part)
	if c.nulsAfter >= 0 {
		s += fmt.Sprintf("; from character %d on it reads as zero bytes, as a lost page of the file does", c.nulsAfter)
	}
	return s
}
