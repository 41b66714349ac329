// Package vntext normalises and folds Vietnamese text for matching.
//
// Folding lower-cases text and strips diacritics, with đ folded to d, so
// "Giấy khai sinh", "GIẤY KHAI SINH" and "giay khai sinh" compare equal. NFC
// and NFD input fold the same way.
package vntext

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldTable (fold_table.go, static data written by TestFoldTable -update
// from the Unicode tables, so that no program pays for building it at
// start) maps each precomposed Latin
// letter of the Latin-1 Supplement and Latin Extended blocks and the
// Vietnamese letters of Latin Extended Additional (U+00C0–U+1EFF) to its
// folded base letter, and each combining mark in that range to -1. It is
// never written.

const (
	tableLo = 0x00C0
	tableHi = 0x1EFF
)

// FoldRune returns r lower-cased with its diacritics removed, or -1 when r
// is a combining mark that folding drops. It is idempotent: FoldRune of a
// folded rune is that rune.
func FoldRune(r rune) rune {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r >= tableLo && r <= tableHi:
		return foldTable[r-tableLo]
	case unicode.Is(unicode.Mn, r):
		return -1
	}
	// A rune outside the table may lower-case into it (U+212B ANGSTROM
	// SIGN to å): fold that too, so folding twice changes nothing.
	if l := unicode.ToLower(r); l != r {
		return FoldRune(l)
	}
	return r
}

// Fold returns s lower-cased, without diacritics, with đ as d.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f := FoldRune(r); f >= 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// NFC returns s in Unicode normalisation form C.
func NFC(s string) string { return norm.NFC.String(s) }

// Lower returns s in NFC and lower case, keeping diacritics.
func Lower(s string) string { return strings.ToLower(norm.NFC.String(s)) }

// IsWordRune reports whether r belongs inside a word: a letter, digit or
// combining mark. Go's regexp \w is ASCII-only; use this instead.
func IsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Words splits s into words of letters, digits and marks.
func Words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !IsWordRune(r) })
}

// FoldedWords returns the folded words of s.
func FoldedWords(s string) []string { return Words(Fold(s)) }

// CollapseSpace trims s and replaces every run of white space with one space.
func CollapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
