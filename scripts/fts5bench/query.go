package main

import (
	"fmt"
	"strings"

	"github.com/redtape-vn/redtape/corpus/index/fields"
)

// ftsQuery is a redtape query as SQLite can run it: an FTS5 MATCH
// expression over the table fts, and conditions on the table docs.
type ftsQuery struct {
	// Match is the FTS5 expression; empty when the query has no words
	// (a code: filter alone).
	Match string
	// Where are SQL conditions on docs (alias d), joined with AND, with
	// their arguments in Args.
	Where []string
	Args  []any
}

// term is one part of a redtape query: an optional exclusion, an optional
// field and a word or a quoted phrase.
type term struct {
	neg    bool
	field  string
	value  string
	phrase bool
}

// ftsColumns maps redtape's field filters to the FTS5 columns holding the
// same text. Free text searches the name and all text (the name is part of
// the text, as in redtape's text field), so that bm25 can weigh the name.
var ftsColumns = map[string]string{
	"":         "{name text}",
	"name":     "name",
	"paper":    "papers",
	"ministry": "ministry",
	"sector":   "sector",
	"level":    "levels",
	"basis":    "basis",
}

// translate turns a query of the subset of redtape's language that the
// benchmark uses (words, quoted phrases, prefix words, field filters,
// exclusions with "-", implicit AND) into FTS5. OR, parentheses and
// flagged: are refused: the benchmark does not use them, and a refusal
// is better than a query meaning something else.
func translate(q string) (ftsQuery, error) {
	terms, err := splitTerms(q)
	if err != nil {
		return ftsQuery{}, err
	}
	var pos, neg []string
	var out ftsQuery
	for _, t := range terms {
		if t.field == "code" {
			if t.neg || t.phrase {
				return ftsQuery{}, fmt.Errorf("query %q: only a plain code: filter is translated", q)
			}
			if strings.HasSuffix(t.value, "*") {
				out.Where = append(out.Where, "d.code GLOB ?")
				out.Args = append(out.Args, globEscape(strings.TrimSuffix(t.value, "*"))+"*")
			} else {
				out.Where = append(out.Where, "d.code = ?")
				out.Args = append(out.Args, t.value)
			}
			continue
		}
		col, ok := ftsColumns[t.field]
		if !ok {
			return ftsQuery{}, fmt.Errorf("query %q: field %s: is not translated", q, t.field)
		}
		value := t.value
		if t.field == "basis" && !t.phrase {
			// A legal number is compared as redtape normalises it; FTS5
			// then reads it as the phrase of its parts.
			value = fields.NormalizeNumber(value)
		}
		e := col + " : " + ftsPhrase(value)
		if t.neg {
			neg = append(neg, e)
		} else {
			pos = append(pos, e)
		}
	}
	if len(pos) == 0 && len(neg) > 0 {
		return ftsQuery{}, fmt.Errorf("query %q: an exclusion alone is not translated", q)
	}
	out.Match = strings.Join(pos, " AND ")
	for _, e := range neg {
		out.Match += " NOT " + e
	}
	if out.Match == "" && len(out.Where) == 0 {
		return ftsQuery{}, fmt.Errorf("query %q: no terms", q)
	}
	return out, nil
}

// splitTerms cuts a query into its terms.
func splitTerms(q string) ([]term, error) {
	var terms []term
	rs := []rune(q)
	for i := 0; i < len(rs); {
		if rs[i] == ' ' {
			i++
			continue
		}
		var t term
		if rs[i] == '-' {
			t.neg = true
			i++
		}
		// A field name runs up to a colon, before any space or quote.
		if j := fieldEnd(rs, i); j > i {
			t.field = strings.ToLower(string(rs[i:j]))
			i = j + 1
		}
		if i < len(rs) && rs[i] == '"' {
			end := strings.IndexRune(string(rs[i+1:]), '"')
			if end < 0 {
				return nil, fmt.Errorf("query %q: unclosed quote", q)
			}
			n := len([]rune(string(rs[i+1:])[:end]))
			t.value, t.phrase = string(rs[i+1:i+1+n]), true
			i += n + 2
		} else {
			j := i
			for j < len(rs) && rs[j] != ' ' {
				j++
			}
			t.value = string(rs[i:j])
			i = j
		}
		if t.value == "" {
			return nil, fmt.Errorf("query %q: empty term", q)
		}
		if t.value == "OR" || t.value == "AND" || t.value == "NOT" || strings.ContainsAny(t.value, "()") {
			return nil, fmt.Errorf("query %q: operators and groups are not translated", q)
		}
		terms = append(terms, t)
	}
	return terms, nil
}

// fieldEnd returns the index of the colon ending a field name that starts
// at i, or i when there is none.
func fieldEnd(rs []rune, i int) int {
	for j := i; j < len(rs); j++ {
		switch r := rs[j]; {
		case r == ':':
			if j > i {
				return j
			}
			return i
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		default:
			return i
		}
	}
	return i
}

// ftsPhrase writes a word or phrase as an FTS5 string, with đ folded to d
// (unicode61 folds every other Vietnamese diacritic but not đ, so the
// loaded text is folded the same way). A trailing star makes the last
// word a prefix.
func ftsPhrase(s string) string {
	prefix := strings.HasSuffix(s, "*")
	s = foldD(strings.TrimSuffix(s, "*"))
	out := `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	if prefix {
		out += " *"
	}
	return out
}

// foldD replaces đ and Đ with d and D.
func foldD(s string) string {
	return strings.NewReplacer("đ", "d", "Đ", "D").Replace(s)
}

// globEscape escapes the characters GLOB reads as patterns.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '*', '?', '[':
			b.WriteString("[" + string(r) + "]")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
