package corpus

// ParseQuantity: counts of originals and copies.

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// qtyLabelRe finds the labels "bản chính" and "bản sao" in folded text.
var qtyLabelRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`ban (chinh|sao)`) })

// ParseQuantity parses a quantity such as "0 bản chính,1 bản sao" or
// "Bản chính: 1 - Bản sao: 0" into counts of originals and copies; a count
// the text does not state stays nil.
//
// Each number counts for one label only. A label followed by a colon takes
// the number after it ("Bản chính: 1 Bản sao: 0", whatever separates the two
// parts: a line break, " - ", a space); else a label takes the number just
// before it that no label has taken ("1 bản chính, 1 bản sao"), else the
// number after it ("Bản chính 1 Bản sao 0"). The first statement of each
// count wins.
func ParseQuantity(text string) (originals, copies *int) {
	f := vntext.Fold(text)
	claimed := -1 // end of the last number taken by a label
	for _, m := range qtyLabelRe().FindAllStringSubmatchIndex(f, -1) {
		n, used := -1, -1
		after := strings.TrimLeft(f[m[1]:], " \t\r\n")
		colon := strings.HasPrefix(after, ":")
		if !colon {
			if s, e := numberBefore(f, m[0]); e > claimed && s >= 0 {
				n, used = atoiQty(f[s:e]), e
			}
		}
		if used < 0 {
			if s, e := numberAfter(f, m[1]); s >= 0 {
				n, used = atoiQty(f[s:e]), e
			}
		}
		if used < 0 {
			continue
		}
		claimed = used
		if n < 0 {
			continue
		}
		if f[m[2]:m[3]] == "chinh" {
			if originals == nil {
				originals = intp(n)
			}
		} else if copies == nil {
			copies = intp(n)
		}
	}
	return originals, copies
}

// numberBefore returns the span of the digits that end at byte i of f, after
// at most one space, or -1, -1.
func numberBefore(f string, i int) (int, int) {
	if i > 0 && f[i-1] == ' ' {
		i--
	}
	s := i
	for s > 0 && f[s-1] >= '0' && f[s-1] <= '9' {
		s--
	}
	if s == i {
		return -1, -1
	}
	return s, i
}

// numberAfter returns the span of the digits after byte i of f, past white
// space and one colon, or -1, -1.
func numberAfter(f string, i int) (int, int) {
	for i < len(f) && (f[i] == ' ' || f[i] == '\t' || f[i] == '\r' || f[i] == '\n') {
		i++
	}
	if i < len(f) && f[i] == ':' {
		i++
	}
	for i < len(f) && (f[i] == ' ' || f[i] == '\t') {
		i++
	}
	e := i
	for e < len(f) && f[e] >= '0' && f[e] <= '9' {
		e++
	}
	if e == i {
		return -1, -1
	}
	return i, e
}

// atoiQty reads a count, or -1 when it is not a plausible one.
func atoiQty(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n > 1000 {
		return -1
	}
	return n
}
