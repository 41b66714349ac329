package fields

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// numberPattern finds legal document numbers as published: a serial, an
// optional year and a type-and-issuer code ("104/2022/NĐ-CP",
// "02/2011/QH13", "68/2013/TT-BCA", "1034/QĐ-TTg"). Codes are upper case
// except "TTg"; only "QH" codes carry digits (the legislature's term), so a
// number run together with the next one ("NĐ-CP05/2012/NĐ-CP", as
// portal-crawl text reads) still splits. Spaces around the slashes and
// dashes occur in records and are tolerated.
var numberPattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(\d+)\s*/\s*(?:\d{4}\s*/\s*)?(?:TTg|(?:UBTV)?QH\d{2}|[A-ZĐ]+)(?:\s*[-–]\s*(?:TTg|(?:UBTV)?QH\d{2}|[A-ZĐ]+))*`)
})

// NormalizeNumber maps a legal document number to its index form: upper
// case, without diacritics (Đ as D), without spaces, with any dash as "-"
// and without leading zeros in the serial. "104/2022/NĐ-CP",
// "104/2022/nd-cp" and "104 / 2022 / NĐ - CP" all give "104/2022/ND-CP".
func NormalizeNumber(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\u00a0':
			return -1
		case '‐', '‑', '‒', '–', '—', '−':
			return '-'
		}
		return r
	}, s)
	s = strings.ToUpper(vntext.Fold(s))
	// "05/2012/NĐ-CP" and "5/2012/NĐ-CP" are cited for the same decree.
	if i := strings.IndexByte(s, '/'); i > 1 {
		serial := strings.TrimLeft(s[:i], "0")
		if serial == "" {
			serial = "0"
		}
		s = serial + s[i:]
	}
	return s
}

// ExtractNumbers finds the legal document numbers in text and returns them
// normalised, in order, without repeats. Numbers without a year
// ("1034/QĐ-TTg") are kept: decisions are cited that way. A serial glued to
// a preceding year ("năm 201102/2011/QH13", as run-together text reads)
// loses the year.
func ExtractNumbers(text string) []string {
	var out []string
	for _, m := range FindNumbers(text) {
		dup := false
		for _, o := range out {
			if o == m.Number {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, m.Number)
		}
	}
	return out
}

// NumberMatch is a legal document number found in a text: its byte range
// in the text, as written, and its normalised form.
type NumberMatch struct {
	Start, End int
	Number     string
}

// FindNumbers finds every legal document number in text, in order, with
// where it is written: what [ExtractNumbers] lists, repeats included. The
// range covers the number alone when it is run together with the words
// around it ("dịch vụ công104/2022/NĐ-CP").
func FindNumbers(text string) []NumberMatch {
	var out []NumberMatch
	for _, m := range numberPattern().FindAllStringSubmatchIndex(text, -1) {
		end := m[1]
		// "TT-BCALuật", as run-together text reads: the capital that
		// starts the next word is not part of the code.
		if end < len(text) && end-m[0] > 1 && text[end-1] >= 'A' && text[end-1] <= 'Z' {
			if r, _ := utf8.DecodeRuneInString(text[end:]); unicode.IsLower(r) {
				end--
			}
		}
		start := m[2]
		serial := text[m[2]:m[3]]
		if len(serial) > 4 && (strings.HasPrefix(serial, "19") || strings.HasPrefix(serial, "20")) {
			serial, start = serial[4:], start+4
		}
		if len(serial) > 4 {
			start += len(serial) - 4
			serial = serial[len(serial)-4:]
		}
		n := NormalizeNumber(serial + text[m[3]:end])
		if !hasLetterSuffix(n) {
			continue
		}
		out = append(out, NumberMatch{Start: start, End: end, Number: n})
	}
	return out
}

func hasLetterSuffix(n string) bool {
	last := n[strings.LastIndex(n, "/")+1:]
	return last != "" && (last[0] < '0' || last[0] > '9')
}

// LooksLikeNumber reports whether s is a legal document number or the start
// of one ("104/2022/NĐ-CP", "104/2022"), as opposed to words.
func LooksLikeNumber(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	return strings.Contains(s, "/")
}
