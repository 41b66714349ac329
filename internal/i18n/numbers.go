package i18n

import (
	"strconv"
	"strings"
	"time"
)

// GroupDigits writes n with sep between groups of three digits
// ("1.234.567" with "."), a "-" before a negative number.
func GroupDigits(n int64, sep string) string {
	s := strconv.FormatInt(n, 10)
	digits := strings.TrimPrefix(s, "-")
	var b strings.Builder
	if len(digits) < len(s) {
		b.WriteByte('-')
	}
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// FormatCount writes a count in language l: as Go prints it in English
// ("11088"), with a dot between groups of three digits and a minus sign
// "−" in Vietnamese ("11.088", "−1.200"), as the reports write numbers.
func FormatCount(l Lang, n int64) string {
	if l == English {
		return strconv.FormatInt(n, 10)
	}
	s := GroupDigits(n, ".")
	if n < 0 {
		s = "−" + s[1:]
	}
	return s
}

// FormatDay writes a day given as 2006-01-02 in language l: "23/11/2026"
// in Vietnamese; in English, and for a text that is no such day, as it is.
func FormatDay(l Lang, s string) string {
	d, err := time.Parse("2006-01-02", s)
	if l == English || err != nil {
		return s
	}
	return d.Format("02/01/2006")
}
