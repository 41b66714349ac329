package corpus

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeRecordText decodes one record of the redtape JSON or JSONL format,
// exactly as [decodeRecord] does: the same record, or the same error. The
// text must be valid UTF-8, as every text the readers are given is
// (decodeText makes it so): the scanner does not check it, where
// encoding/json would replace invalid bytes with U+FFFD.
//
// Most records are decoded by a typed scanner (decodeRecordFast) at a
// fraction of the cost of encoding/json's reflection. The scanner takes
// only what it can decode exactly as encoding/json would and gives up on
// anything else (a syntax error, an unknown or repeated member, a key
// spelled in other letter case, a null inside a list, an escaped surrogate,
// a number that does not fit); the record is then decoded
// again, from scratch, by decodeRecord, which gives the result or the
// error users have always seen.
func decodeRecordText(text string) (*Procedure, error) {
	p := new(Procedure)
	if decodeRecordFast(text, p) {
		return p, nil
	}
	p = new(Procedure)
	if err := decodeRecord([]byte(text), p); err != nil {
		return nil, err
	}
	return p, nil
}

// decodeRecordFast decodes text, one JSON object and white space around it,
// into p, which must be zero, and reports whether it could. When it reports
// false p holds part of the record and must be dropped.
//
// What it accepts it decodes as encoding/json with DisallowUnknownFields
// decodes it into a zero Procedure: every member is matched by its exact
// name and met at most once, so a null member leaves the field zero, which
// is what encoding/json does to a zero field; "[]" is an empty non-nil
// slice; every string is a fresh copy, never a piece of text (a record
// kept must not hold its whole file in memory).
func decodeRecordFast(text string, p *Procedure) bool {
	d := fastDecoder{s: text}
	d.space()
	if !d.procedure(p) {
		return false
	}
	d.space()
	return d.i == len(d.s)
}

// fastDecoder scans the JSON text s from byte i. Every method reports false
// when the text is not what it decodes; the caller then gives up.
type fastDecoder struct {
	s string
	i int
}

// space skips JSON white space.
func (d *fastDecoder) space() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\r', '\n':
			d.i++
		default:
			return
		}
	}
}

// consume skips white space and the byte c, reporting whether c was there.
func (d *fastDecoder) consume(c byte) bool {
	d.space()
	if d.i < len(d.s) && d.s[d.i] == c {
		d.i++
		return true
	}
	return false
}

// literal consumes lit (null, true, false) if it is at the position.
func (d *fastDecoder) literal(lit string) bool {
	if strings.HasPrefix(d.s[d.i:], lit) {
		d.i += len(lit)
		return true
	}
	return false
}

// member moves to the n-th member (0-based) of the object being read and
// returns its key, after the colon, or end once the object is closed. Keys
// holding escapes are not read: no member name of the format needs one.
func (d *fastDecoder) member(n int) (key string, end, ok bool) {
	d.space()
	if d.i >= len(d.s) {
		return "", false, false
	}
	switch c := d.s[d.i]; {
	case c == '}':
		d.i++
		return "", true, true
	case n > 0 && c == ',':
		d.i++
		d.space()
	case n > 0:
		return "", false, false
	}
	if d.i >= len(d.s) || d.s[d.i] != '"' {
		return "", false, false
	}
	start := d.i + 1
	j := strings.IndexByte(d.s[start:], '"')
	if j < 0 {
		return "", false, false
	}
	key = d.s[start : start+j]
	if strings.IndexByte(key, '\\') >= 0 {
		return "", false, false
	}
	d.i = start + j + 1
	if !d.consume(':') {
		return "", false, false
	}
	d.space()
	return key, false, true
}

// element moves to the n-th element (0-based) of the array being read, or
// reports end once the array is closed.
func (d *fastDecoder) element(n int) (end, ok bool) {
	d.space()
	if d.i >= len(d.s) {
		return false, false
	}
	switch c := d.s[d.i]; {
	case c == ']':
		d.i++
		return true, true
	case n > 0 && c == ',':
		d.i++
		d.space()
	case n > 0:
		return false, false
	}
	// A null element would be decoded as a zero element; it is left to
	// encoding/json.
	return false, d.i < len(d.s) && d.s[d.i] != 'n'
}

// str reads a string member into dst; null leaves it as it is.
func (d *fastDecoder) str(dst *string) bool {
	if d.literal("null") {
		return true
	}
	v, ok := d.stringValue()
	*dst = v
	return ok
}

// stringValue reads a JSON string and returns a copy of its value.
func (d *fastDecoder) stringValue() (string, bool) {
	if d.i >= len(d.s) || d.s[d.i] != '"' {
		return "", false
	}
	start := d.i + 1
	for j := start; j < len(d.s); j++ {
		switch c := d.s[j]; {
		case c == '"':
			d.i = j + 1
			return strings.Clone(d.s[start:j]), true
		case c == '\\':
			return d.escapedString(start, j)
		case c < 0x20:
			return "", false
		}
	}
	return "", false
}

// escapedString reads the rest of a string that starts at start and has
// its first backslash at j.
func (d *fastDecoder) escapedString(start, j int) (string, bool) {
	buf := make([]byte, 0, j-start+16)
	buf = append(buf, d.s[start:j]...)
	for j < len(d.s) {
		c := d.s[j]
		switch {
		case c == '"':
			d.i = j + 1
			return string(buf), true
		case c < 0x20:
			return "", false
		case c != '\\':
			buf = append(buf, c)
			j++
			continue
		}
		if j+1 >= len(d.s) {
			return "", false
		}
		switch e := d.s[j+1]; e {
		case '"', '\\', '/':
			buf = append(buf, e)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, ok := hex4(d.s[j+2:])
			if !ok || utf16.IsSurrogate(r) {
				return "", false // surrogates are left to encoding/json
			}
			buf = utf8.AppendRune(buf, r)
			j += 4
		default:
			return "", false
		}
		j += 2
	}
	return "", false
}

// hex4 decodes the four hexadecimal digits at the start of s.
func hex4(s string) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[:4]) {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r*16 + rune(c)
	}
	return r, true
}

// number reads a number as JSON writes it and returns its text.
func (d *fastDecoder) number() (string, bool) {
	start := d.i
	if d.i < len(d.s) && d.s[d.i] == '-' {
		d.i++
	}
	switch {
	case d.i < len(d.s) && d.s[d.i] == '0':
		d.i++
	case d.digits() == 0:
		return "", false
	}
	if d.i < len(d.s) && d.s[d.i] == '.' {
		d.i++
		if d.digits() == 0 {
			return "", false
		}
	}
	if d.i < len(d.s) && (d.s[d.i] == 'e' || d.s[d.i] == 'E') {
		d.i++
		if d.i < len(d.s) && (d.s[d.i] == '+' || d.s[d.i] == '-') {
			d.i++
		}
		if d.digits() == 0 {
			return "", false
		}
	}
	return d.s[start:d.i], true
}

// digits skips decimal digits and returns how many there were.
func (d *fastDecoder) digits() int {
	start := d.i
	for d.i < len(d.s) && '0' <= d.s[d.i] && d.s[d.i] <= '9' {
		d.i++
	}
	return d.i - start
}

// integer reads an integer member into dst; null leaves it as it is. A
// number with a fraction or exponent, or one out of range, is not read
// (encoding/json refuses it with its own message).
func (d *fastDecoder) integer(dst *int) bool {
	if d.literal("null") {
		return true
	}
	lit, ok := d.number()
	if !ok {
		return false
	}
	n, err := strconv.ParseInt(lit, 10, strconv.IntSize)
	*dst = int(n)
	return err == nil
}

// intPtr reads an integer member into a new int; null leaves dst nil.
func (d *fastDecoder) intPtr(dst **int) bool {
	if d.literal("null") {
		return true
	}
	*dst = new(int)
	return d.integer(*dst)
}

// int64Ptr reads an integer member into a new int64; null leaves dst nil.
func (d *fastDecoder) int64Ptr(dst **int64) bool {
	if d.literal("null") {
		return true
	}
	lit, ok := d.number()
	if !ok {
		return false
	}
	n, err := strconv.ParseInt(lit, 10, 64)
	*dst = &n
	return err == nil
}

// float reads a number member into dst; null leaves it as it is.
func (d *fastDecoder) float(dst *float64) bool {
	if d.literal("null") {
		return true
	}
	lit, ok := d.number()
	if !ok {
		return false
	}
	f, err := strconv.ParseFloat(lit, 64)
	*dst = f
	return err == nil
}

// boolean reads true or false into dst; null leaves it as it is.
func (d *fastDecoder) boolean(dst *bool) bool {
	switch {
	case d.literal("null"):
	case d.literal("true"):
		*dst = true
	case d.literal("false"):
		*dst = false
	default:
		return false
	}
	return true
}

// fastList reads an array member into dst with elem reading each element;
// null leaves dst nil and "[]" makes it empty but not nil.
func fastList[T any](d *fastDecoder, dst *[]T, elem func(*fastDecoder, *T) bool) bool {
	if d.literal("null") {
		return true
	}
	if d.i >= len(d.s) || d.s[d.i] != '[' {
		return false
	}
	d.i++
	var list []T
	for n := 0; ; n++ {
		end, ok := d.element(n)
		if !ok {
			return false
		}
		if end {
			if list == nil {
				list = make([]T, 0) // not nil, as encoding/json leaves "[]"
			}
			*dst = list
			return true
		}
		if list == nil {
			list = make([]T, 0, 4) // most lists are short: grow once, not thrice
		}
		var zero T
		list = append(list, zero)
		if !elem(d, &list[n]) {
			return false
		}
	}
}

// strs reads an array of strings.
func (d *fastDecoder) strs(dst *[]string) bool {
	return fastList(d, dst, (*fastDecoder).str)
}

// object reads an object member by member: field reads the member named
// key and returns its bit (each member's own, below 32) and whether it was
// read, or -1 for a name the model does not have. A name met twice, a
// member not read or an unknown name leaves the whole record to
// encoding/json.
func (d *fastDecoder) object(field func(key string) (bit int, ok bool)) bool {
	if !d.consume('{') {
		return false
	}
	var mask uint32
	for n := 0; ; n++ {
		key, end, ok := d.member(n)
		if !ok || end {
			return ok
		}
		bit, ok := field(key)
		if bit < 0 || !ok || !seen(&mask, bit) {
			return false
		}
	}
}

// seen records a member as read and reports whether it was new.
func seen(mask *uint32, bit int) bool {
	if *mask&(1<<bit) != 0 {
		return false
	}
	*mask |= 1 << bit
	return true
}

// procedure reads a Procedure object.
func (d *fastDecoder) procedure(p *Procedure) bool {
	return d.object(func(key string) (bit int, ok bool) {
		switch key {
		case "code":
			return 0, d.str(&p.Code)
		case "name":
			return 1, d.str(&p.Name)
		case "decision":
			return 2, d.str(&p.Decision)
		case "ministry":
			return 3, d.str(&p.Ministry)
		case "authority":
			return 4, d.strs(&p.Authority)
		case "agencies":
			return 5, d.strs(&p.Agencies)
		case "sector":
			return 6, d.str(&p.Sector)
		case "levels":
			return 7, d.strs(&p.Levels)
		case "kind":
			return 8, d.str(&p.Kind)
		case "subjects":
			return 9, d.strs(&p.Subjects)
		case "steps":
			return 10, d.strs(&p.Steps)
		case "channels":
			return 11, fastList(d, &p.Channels, (*fastDecoder).channel)
		case "papers":
			return 12, fastList(d, &p.Papers, (*fastDecoder).paper)
		case "legal_basis":
			return 13, fastList(d, &p.LegalBasis, (*fastDecoder).legalRef)
		case "conditions":
			return 14, d.strs(&p.Conditions)
		case "results":
			return 15, d.strs(&p.Results)
		case "annual_volume":
			return 16, d.int64Ptr(&p.AnnualVolume)
		case "source":
			return 17, d.source(&p.Source)
		}
		return -1, false
	})
}

// channel reads a Channel object.
func (d *fastDecoder) channel(c *Channel) bool {
	return d.object(func(key string) (bit int, ok bool) {
		switch key {
		case "mode":
			return 0, d.str((*string)(&c.Mode))
		case "text":
			return 1, d.str(&c.Text)
		case "time":
			return 2, d.duration(&c.Time)
		case "fees":
			return 3, fastList(d, &c.Fees, (*fastDecoder).fee)
		case "description":
			return 4, d.str(&c.Description)
		}
		return -1, false
	})
}

// duration reads a Duration object into a new Duration; null leaves dst nil.
func (d *fastDecoder) duration(dst **Duration) bool {
	if d.literal("null") {
		return true
	}
	t := new(Duration)
	*dst = t
	return d.object(func(key string) (bit int, ok bool) {
		switch key {
		case "text":
			return 0, d.str(&t.Text)
		case "value":
			return 1, d.float(&t.Value)
		case "unit":
			return 2, d.str((*string)(&t.Unit))
		}
		return -1, false
	})
}

// fee reads a Fee object.
func (d *fastDecoder) fee(f *Fee) bool {
	return d.object(func(key string) (bit int, ok bool) {
		switch key {
		case "text":
			return 0, d.str(&f.Text)
		case "amount":
			return 1, d.int64Ptr(&f.Amount)
		case "kind":
			return 2, d.str(&f.Kind)
		}
		return -1, false
	})
}

// paper reads a Paper object.
func (d *fastDecoder) paper(p *Paper) bool {
	return d.object(func(key string) (bit int, ok bool) {
		switch key {
		case "text":
			return 0, d.str(&p.Text)
		case "case":
			return 1, d.str(&p.Case)
		case "originals":
			return 2, d.intPtr(&p.Originals)
		case "copies":
			return 3, d.intPtr(&p.Copies)
		case "quantity":
			return 4, d.str(&p.Quantity)
		case "certified_copy":
			return 5, d.boolean(&p.CertifiedCopy)
		case "forms":
			return 6, d.strs(&p.Forms)
		case "optional":
			return 7, d.boolean(&p.Optional)
		case "condition":
			return 8, d.str(&p.Condition)
		case "alternatives":
			return 9, d.strs(&p.Alternatives)
		case "span":
			return 10, d.span(&p.Span)
		}
		return -1, false
	})
}

// span reads a Span object into a new Span; null leaves dst nil.
func (d *fastDecoder) span(dst **Span) bool {
	if d.literal("null") {
		return true
	}
	s := new(Span)
	*dst = s
	return d.object(func(key string) (bit int, ok bool) {
		switch key {
		case "field":
			return 0, d.str(&s.Field)
		case "start":
			return 1, d.integer(&s.Start)
		case "end":
			return 2, d.integer(&s.End)
		}
		return -1, false
	})
}

// legalRef reads a LegalRef object.
func (d *fastDecoder) legalRef(r *LegalRef) bool {
	return d.object(func(key string) (bit int, ok bool) {
		switch key {
		case "text":
			return 0, d.str(&r.Text)
		case "number":
			return 1, d.str(&r.Number)
		case "type":
			return 2, d.str(&r.Type)
		case "title":
			return 3, d.str(&r.Title)
		case "issuer":
			return 4, d.str(&r.Issuer)
		case "issued":
			return 5, d.str(&r.Issued)
		case "effective":
			return 6, d.str(&r.Effective)
		}
		return -1, false
	})
}

// source reads a Source object; null leaves it as it is.
func (d *fastDecoder) source(s *Source) bool {
	if d.literal("null") {
		return true
	}
	return d.object(func(key string) (bit int, ok bool) {
		switch key {
		case "file":
			return 0, d.str(&s.File)
		case "format":
			return 1, d.str(&s.Format)
		case "record":
			return 2, d.integer(&s.Record)
		case "line":
			return 3, d.integer(&s.Line)
		case "url":
			return 4, d.str(&s.URL)
		}
		return -1, false
	})
}
