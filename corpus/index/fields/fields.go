// Package fields names the fields of redtape's procedure index and holds the
// Vietnamese analysis of their text, shared by the indexer, the query
// translator and the highlighter so that all three cut and fold words alike.
//
// Text is cut into words by Unicode word segmentation (UAX #29). Two token
// filters then make two views of each word: folded (lower case, diacritics
// removed, đ as d: "Giấy" → "giay") and exact (lower case NFC, diacritics
// kept: "Giấy" → "giấy"). Folding happens in a token filter, after
// tokenisation, so token offsets always point into the original text and
// highlights land on the words as written.
package fields

import (
	"fmt"
	"hash/fnv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// CanonicalLevel is the label a level (cấp) is indexed and shown with:
// NFC, spaces collapsed, lower case but for the first letter. Records
// write "Cấp xã" and "Cấp Xã"; both become "Cấp xã", one facet value.
func CanonicalLevel(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(s)), " "))
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// FlagTerm is the indexed form of a flagged: value (a catalog entry id or
// a database name, in English or Vietnamese): folded, spaces collapsed,
// so the query may be typed with or without diacritics.
func FlagTerm(s string) string {
	return strings.Join(strings.Fields(Fold(s)), " ")
}

// FacetCode is the term of value of the facet field in the Facets field:
// the field's initial and a 48-bit hash of field and value. Short terms
// keep the doc values that facet counting decodes for every hit small; the
// index maps each code back to its field and value.
func FacetCode(field, value string) string {
	h := fnv.New64a()
	h.Write([]byte(field + "\x1f" + value))
	return fmt.Sprintf("%c%012x", field[0], h.Sum64()&(1<<48-1))
}

// Names of the index fields.
const (
	// Text holds every searchable text of a procedure, folded, without
	// positions: single words are matched here.
	Text = "text"
	// TextExact holds the words of the same text written with diacritics,
	// analysed exactly; records with every typed word spelled as typed
	// rank first (query.Exactness), so "dương" finds dương before đường.
	TextExact = "text_exact"
	// TextBigram holds the same text as pairs of adjacent folded words,
	// with positions: phrases are matched here. Values are joined with
	// Separator, so no phrase spans two papers or steps.
	TextBigram = "text_bi"
	// Name holds the procedure name, folded and stored; matches are boosted.
	Name = "name"
	// NameExact holds the words of the name written with diacritics,
	// exactly; a free-text word found here as typed counts as a second
	// name match, so a name saying đường ranks above one saying dưỡng.
	NameExact = "name_exact"
	// Papers holds the required papers, folded and stored, one value each.
	Papers = "papers"
	// Body holds the steps, conditions, results and other long text, stored
	// only, for snippets.
	Body = "body"
	// Code is the procedure code, a lower-case keyword.
	Code = "code"
	// Basis holds the normalised legal-basis numbers (see NormalizeNumber).
	Basis = "basis"
	// BasisText holds the legal-basis citations, folded, for basis: filters
	// that are not numbers ("Luật Đất đai").
	BasisText = "basis_text"
	// Ministry, Sector and Level are keywords with the published values
	// (levels in canonical form), for display and for filters: a filter
	// naming part of a value ("level:xa") becomes terms for the values
	// that contain its words.
	Ministry = "ministry"
	Sector   = "sector"
	Level    = "level"
	// Facets holds the FacetCode of the ministry, the sector and each
	// level, with doc values, for facet counts.
	Facets = "facets"
	// Flagged holds the ids of the catalog entries and the databases that
	// flagged one of the procedure's papers, lower-cased keywords.
	Flagged = "flagged"
	// Hash is the stored content hash of the record (see index.Hash).
	Hash = "_hash"
	// File is the stored source file of the record.
	File = "_file"
	// Record is the stored record number within the source file.
	Record = "_rec"
)
