package data

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fuzzyPattern is a pattern of fuzzyScore: its runes, and for each, the
// bytes where the scoring must stop to look (skipASCII): bit 1 of
// stops[i][b] says byte b may be rune i, bit 2 that it may be rune i+1.
type fuzzyPattern struct {
	runes []rune
	stops [][256]uint8
}

func newFuzzyPattern(runes []rune) *fuzzyPattern {
	p := &fuzzyPattern{runes: runes, stops: make([][256]uint8, len(runes))}
	for i, r := range runes {
		var next rune
		if i < len(runes)-1 {
			next = runes[i+1]
		}
		t := &p.stops[i]
		if r >= utf8.RuneSelf || next >= utf8.RuneSelf {
			// The scoring looks at every rune.
			for b := range t {
				t[b] = 3
			}
			continue
		}
		for b := utf8.RuneSelf; b < len(t); b++ {
			t[b] = 3 // not ASCII
		}
		t[byte(r)] |= 1
		t[otherCase(byte(r))] |= 1
		t[byte(next)] |= 2
		t[otherCase(byte(next))] |= 2
	}
	return p
}

// fuzzyScore is the score github.com/sahilm/fuzzy gives pattern in s, and
// whether it matches at all: fuzzy.FindFromNoSort's Match.Score, worked
// out the same way step by step, for one string and without allocating.
// A keystroke scores every title that passes classify, some ten thousand
// at 100,000 events, and the library's way (an iterator, a slice of
// matched indexes, a look-up of each separator) took half the title
// search. TestFuzzyScore_AsSahilm checks that the two agree on every title
// of a corpus for every prefix of a set of queries.
func fuzzyScore(pattern *fuzzyPattern, s string) (int, bool) {
	runes := pattern.runes
	if len(runes) == 0 {
		return 0, false
	}
	if i := strings.IndexByte(s, 0); i >= 0 {
		s = s[:i] // the library stops at the first NUL too
	}
	var (
		total, matched    int
		lastMatch         = -1
		patternIndex      int
		bestScore         = -1
		matchedIndex      = -1
		currAdjacentBonus int
		last              rune
		lastIndex         int
	)
	nextc, nextSize := utf8.DecodeRuneInString(s)
	var candidate rune
	var candidateSize int
	for j := 0; j < len(s) && patternIndex < len(runes); j += candidateSize {
		if k := skipASCII(s, j, &pattern.stops[patternIndex]); k > j {
			j, last, lastIndex = k, rune(s[k-1]), k-1
			nextc, nextSize = utf8.DecodeRuneInString(s[k:])
		}
		candidate, candidateSize = nextc, nextSize
		if sameFold(candidate, runes[patternIndex]) {
			score := 0
			if j == 0 {
				score += fuzzyFirstCharBonus
			}
			if isLower(last) && isUpper(candidate) {
				score += fuzzyCamelCaseBonus
			}
			if j != 0 && isFuzzySeparator(last) {
				score += fuzzySeparatorBonus
			}
			if matched > 0 && lastIndex == lastMatch {
				bonus := currAdjacentBonus*2 + fuzzyAdjacentBonus
				score += bonus
				currAdjacentBonus += bonus
			}
			if score > bestScore {
				bestScore, matchedIndex = score, j
			}
		}
		var nextp rune
		if patternIndex < len(runes)-1 {
			nextp = runes[patternIndex+1]
		}
		switch k := j + candidateSize; {
		case k >= len(s):
			nextc, nextSize = 0, 0
		case s[k] < utf8.RuneSelf:
			nextc, nextSize = rune(s[k]), 1
		default:
			nextc, nextSize = utf8.DecodeRuneInString(s[k:])
		}
		if (sameFold(nextp, nextc) || nextc == 0) && matchedIndex > -1 {
			if matched == 0 {
				bestScore += max(matchedIndex*fuzzyLeadingPenalty, fuzzyMaxLeadingPenalty)
			}
			total += bestScore
			matched++
			lastMatch = matchedIndex
			bestScore, matchedIndex = -1, -1
			patternIndex++
		}
		lastIndex, last = j, candidate
	}
	total += matched - len(s)
	return total, matched == len(runes)
}

// skipASCII is where, from j on, s may next hold the pattern's rune i, or
// the next one after it: the first byte that is one of them (in either
// case) or is not ASCII, or whose next byte is, by the pattern's stops of
// rune i. The bytes before it neither match nor end a match, so the
// scoring need not look at them one rune at a time. It is j when either
// rune is not ASCII.
func skipASCII(s string, j int, stops *[256]uint8) int {
	k := j
	for ; k+1 < len(s); k++ {
		if stops[s[k]]&1|stops[s[k+1]]&2 != 0 {
			break
		}
	}
	return k
}

// otherCase is an ASCII letter in the other case; any other byte as it is.
func otherCase(b byte) byte {
	if lower := b | 0x20; 'a' <= lower && lower <= 'z' {
		return b ^ 0x20
	}
	return b
}

// The scores of sahilm/fuzzy.
const (
	fuzzyFirstCharBonus    = 10
	fuzzySeparatorBonus    = 20
	fuzzyCamelCaseBonus    = 20
	fuzzyAdjacentBonus     = 5
	fuzzyLeadingPenalty    = -5
	fuzzyMaxLeadingPenalty = -15
)

func isFuzzySeparator(r rune) bool {
	switch r {
	case '/', '-', '_', ' ', '.', '\\':
		return true
	}
	return false
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

// sameFold is foldEqual, with ASCII told apart at once: the runes of a
// query and of folded titles mostly are.
func sameFold(a, b rune) bool {
	if a == b {
		return true
	}
	if a|b < utf8.RuneSelf {
		lower := a | 0x20
		return a^b == 0x20 && 'a' <= lower && lower <= 'z'
	}
	return foldEqual(a, b)
}

// foldEqual is sahilm/fuzzy's equalFold: whether tr and sr are one rune
// under Unicode case folding.
func foldEqual(tr, sr rune) bool {
	if tr == sr {
		return true
	}
	if tr < sr {
		tr, sr = sr, tr
	}
	if tr < utf8.RuneSelf {
		return 'A' <= sr && sr <= 'Z' && tr == sr+'a'-'A'
	}
	r := unicode.SimpleFold(sr)
	for r != sr && r < tr {
		r = unicode.SimpleFold(r)
	}
	return r == tr
}
