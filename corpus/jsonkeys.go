package corpus

import (
	"encoding/json"
	"strings"
)

// topLevelKeys returns the keys of the top-level object of text, or of the
// first element when text is an array. It returns nil for anything else,
// and the keys before the first syntax error it meets.
//
// Format detection calls it on every .json file, so it scans rather than
// decodes: values are skipped over, strings by a byte search for the next
// quote, so a record's long page text (the portal crawl's raw_text) costs
// little. It checks only the structure it walks; the reader chosen reports
// any other syntax error with its line.
func topLevelKeys(text string) map[string]bool {
	s := jsonScanner{text: text}
	s.space()
	if s.peek() == '[' {
		s.i++
		s.space()
	}
	if s.peek() != '{' {
		return nil
	}
	s.i++
	keys := map[string]bool{}
	for {
		s.space()
		if s.peek() != '"' {
			return keys // the closing brace, or a syntax error
		}
		start := s.i
		if !s.skipString() {
			return keys
		}
		key := text[start:s.i]
		s.space()
		if s.peek() != ':' {
			return keys
		}
		s.i++
		keys[jsonKey(key)] = true
		s.space()
		if !s.skipValue() {
			return keys
		}
		s.space()
		if s.peek() != ',' {
			return keys
		}
		s.i++
	}
}

// jsonKey returns the value of a JSON string literal (with its quotes),
// decoding escapes only when there are some.
func jsonKey(lit string) string {
	if !strings.Contains(lit, `\`) {
		return lit[1 : len(lit)-1]
	}
	var k string
	if err := json.Unmarshal([]byte(lit), &k); err != nil {
		return lit[1 : len(lit)-1]
	}
	return k
}

// jsonScanner walks JSON text without decoding it.
type jsonScanner struct {
	text string
	i    int // byte position
}

// peek returns the byte at the position, or 0 at the end.
func (s *jsonScanner) peek() byte {
	if s.i < len(s.text) {
		return s.text[s.i]
	}
	return 0
}

// space skips JSON white space.
func (s *jsonScanner) space() {
	for s.i < len(s.text) {
		switch s.text[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		default:
			return
		}
	}
}

// skipString skips the string that starts at the position (a quote),
// reporting false when it is not closed. It looks for the next quote with
// a byte search, then counts the backslashes before it: an odd number
// escapes it.
func (s *jsonScanner) skipString() bool {
	i := s.i + 1
	for {
		j := strings.IndexByte(s.text[i:], '"')
		if j < 0 {
			return false
		}
		i += j
		k := i
		for k > s.i+1 && s.text[k-1] == '\\' {
			k--
		}
		i++
		if (i-1-k)%2 == 0 {
			s.i = i
			return true
		}
	}
}

// skipValue skips the value at the position: a string, an object or array
// (to its matching close, strings inside skipped whole), or a literal.
func (s *jsonScanner) skipValue() bool {
	switch s.peek() {
	case 0:
		return false
	case '"':
		return s.skipString()
	case '{', '[':
		depth := 0
		for s.i < len(s.text) {
			switch s.text[s.i] {
			case '"':
				if !s.skipString() {
					return false
				}
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					s.i++
					return true
				}
			}
			s.i++
		}
		return false
	default:
		start := s.i
		for s.i < len(s.text) && !strings.ContainsRune(",}] \t\r\n", rune(s.text[s.i])) {
			s.i++
		}
		return s.i > start
	}
}

// elements returns the values of the array that starts at the position (a
// bracket), as pieces of the text, and moves past it.
func (s *jsonScanner) elements() ([]string, bool) {
	s.i++
	var out []string
	for n := 0; ; n++ {
		s.space()
		if s.peek() == ']' {
			s.i++
			return out, true
		}
		if n > 0 {
			if s.peek() != ',' {
				return nil, false
			}
			s.i++
			s.space()
		}
		start := s.i
		if !s.skipValue() {
			return nil, false
		}
		out = append(out, s.text[start:s.i])
	}
}
