package corpus

// The parsers of published text that every reader shares each keep the
// original text and leave unknown values unset. They live one idea to a
// file: fees.go (ParseFees), durations.go (ParseDuration), legalrefs.go
// (FindLegalNumbers, ParseLegalRefs), papers.go (NewPaper: copies,
// conditions, alternatives), lists.go (splitting list items outside
// parentheses), quantities.go (ParseQuantity). This file holds what they
// share: the portal's placeholders, parentheses and pointers, and the
// channel parser.

import (
	"strings"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// Placeholders the national portal prints where a field has no content.
// Compared after folding (lower case, no diacritics) and trimming.
var placeholderTexts = map[string]bool{
	"khong co thong tin": true,
	"khong quy dinh":     true,
	"khong co":           true,
	"khong":              true,
	"khong ap dung":      true,
	"--":                 true,
	"-":                  true,
}

// IsPlaceholder reports whether text is one of the portal's placeholders for
// "nothing stated" ("Không có thông tin", "Không quy định", "Không", "--").
// A placeholder means unknown, never a value.
func IsPlaceholder(text string) bool {
	if len(text) > 64 && len(strings.TrimSpace(text)) > 64 {
		return false // placeholders are short
	}
	t := strings.TrimSpace(text)
	t = strings.TrimRight(t, ".;: ")
	return t == "" || placeholderTexts[vntext.Fold(t)]
}

// parenAfter returns the balanced parenthesised text starting at byte i of
// text (after optional spaces), without the outer parentheses, or "".
func parenAfter(text string, i int) string {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if i >= len(text) || text[i] != '(' {
		return ""
	}
	end := matchParen(text, i)
	if end < 0 {
		return text[i+1:]
	}
	return text[i+1 : end]
}

// matchParen returns the byte index of the parenthesis closing the one at
// open, or -1 when it is never closed.
func matchParen(text string, open int) int {
	depth := 0
	for i := open; i < len(text); i++ {
		switch text[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func int64p(v int64) *int64 { return &v }
func intp(v int) *int       { return &v }

// ParseChannelMode recognises a submission channel ("Trực tiếp",
// "Trực tuyến", "Dịch vụ bưu chính").
func ParseChannelMode(text string) ChannelMode {
	f := strings.TrimSpace(vntext.Fold(text))
	switch {
	case strings.HasPrefix(f, "truc tuyen"), strings.HasPrefix(f, "qua mang"), strings.HasPrefix(f, "dich vu cong truc tuyen"), strings.HasPrefix(f, "online"):
		return ModeOnline
	case strings.HasPrefix(f, "dich vu buu chinh"), strings.HasPrefix(f, "buu chinh"), strings.HasPrefix(f, "qua buu chinh"), strings.HasPrefix(f, "qua duong buu dien"), strings.HasPrefix(f, "buu dien"):
		return ModePost
	case strings.HasPrefix(f, "truc tiep"), strings.HasPrefix(f, "nop truc tiep"):
		return ModeInPerson
	case strings.Contains(f, "truc tuyen"):
		return ModeOnline
	case strings.Contains(f, "buu chinh"):
		return ModePost
	case strings.Contains(f, "truc tiep"):
		return ModeInPerson
	}
	return ModeOther
}
