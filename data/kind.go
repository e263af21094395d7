package data

import "slices"

// Kind names a kind of thing in the corpus, as search hits and links carry
// it. Its values are also what the command line's JSON prints.
type Kind string

// The kinds of things search finds, in the order search lists them.
const (
	KindEvent    Kind = "event"
	KindActor    Kind = "actor"
	KindPlace    Kind = "place"
	KindDocument Kind = "document"
)

// The kinds of full-text hits: a match in a document's body or in an
// event's summary.
const (
	KindDocumentText Kind = "document-text"
	KindEventText    Kind = "event-text"
)

// searchOrder is the order fuzzy hits of equal score are listed in.
var searchOrder = []Kind{KindEvent, KindActor, KindPlace, KindDocument}

// InText is the kind of a full-text hit on a thing of kind k:
// KindDocumentText for a document, KindEventText for an event, and k itself
// for kinds full-text search does not cover.
func (k Kind) InText() Kind {
	switch k {
	case KindDocument:
		return KindDocumentText
	case KindEvent:
		return KindEventText
	}
	return k
}

// order is k's place in searchOrder; kinds not in it come last.
func (k Kind) order() int {
	if i := slices.Index(searchOrder, k); i >= 0 {
		return i
	}
	return len(searchOrder)
}
