package index

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/redtape-vn/redtape/corpus/index/fields"
	"github.com/redtape-vn/redtape/corpus/index/query"
)

// Snippet is a piece of a stored field with the words a query matched.
type Snippet struct {
	// Field is "name", "paper" or "detail" (steps, conditions, results,
	// subjects, agencies, legal basis).
	Field string `json:"field"`
	// Text is the piece, as written in the record; "…" marks a cut.
	Text string `json:"text"`
	// Marks are the matched words, as byte offsets into Text, in order.
	Marks []Span `json:"marks,omitempty"`
}

// Span is a half-open byte range.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Snippet limits.
const (
	maxSnippets     = 2   // snippets beside the name
	maxSnippetBytes = 240 // longer values are cut around their first match
)

type highlighter struct {
	patterns []query.Pattern
	folded   *fields.Analyzer
}

func newHighlighter(ps []query.Pattern) *highlighter {
	return &highlighter{patterns: ps, folded: fields.Folded()}
}

// snippets returns the name with its marks when it matched, and the best
// paper and text values.
func (h *highlighter) snippets(name string, papers, body []string) []Snippet {
	if len(h.patterns) == 0 {
		return nil
	}
	// Words typed with diacritics are marked where they are spelled so
	// ("trú" marks trú, not trừ); only a record that spells none of them
	// so anywhere has its folded matches marked.
	if out := h.snippetsWith(name, papers, body, true); len(out) > 0 {
		return out
	}
	return h.snippetsWith(name, papers, body, false)
}

func (h *highlighter) snippetsWith(name string, papers, body []string, strict bool) []Snippet {
	var out []Snippet
	if marks := h.marks("name", name, strict); len(marks) > 0 {
		out = append(out, Snippet{Field: "name", Text: name, Marks: marks})
	}
	type cand struct {
		s     Snippet
		score int
	}
	var cands []cand
	consider := func(field string, values []string) {
		for _, v := range values {
			marks := h.marks(field, v, strict)
			if len(marks) == 0 {
				continue
			}
			// Values with more of the query's words come first, then those
			// with more marks: every word inside a mark counts, so a mark
			// joining "Nghị định" and a number counts all its words, and a
			// long text repeating one word does not outrank it.
			distinct := map[string]bool{}
			for _, m := range marks {
				for _, w := range h.folded.Terms(v[m.Start:m.End]) {
					distinct[w] = true
				}
			}
			cands = append(cands, cand{s: cut(Snippet{Field: field, Text: v, Marks: marks}), score: len(distinct)*1000 + len(marks)})
		}
	}
	consider("paper", papers)
	consider("detail", body)
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	for i := 0; i < len(cands) && i < maxSnippets; i++ {
		out = append(out, cands[i].s)
	}
	return out
}

// marks finds the patterns that apply to field in v. With strict, a word
// typed with diacritics matches only a word spelled with them.
func (h *highlighter) marks(field, v string, strict bool) []Span {
	tokens := h.folded.Analyze([]byte(v))
	if len(tokens) == 0 {
		return nil
	}
	var exact []string // the exact spelling of each token, made when needed
	spelled := func(k int) string {
		if exact == nil {
			exact = make([]string, len(tokens))
		}
		if exact[k] == "" {
			exact[k] = fields.ExactTerm(v[tokens[k].Start:tokens[k].End])
		}
		return exact[k]
	}
	var spans []Span
	var numbers []fields.NumberMatch
	numbersFound := false
	for _, p := range h.patterns {
		if p.Field != "" && p.Field != field && !(p.Field == "basis" && field == "detail") {
			continue
		}
		if p.Number != "" {
			if !numbersFound {
				numbers, numbersFound = fields.FindNumbers(v), true
			}
			for _, m := range numbers {
				if m.Number == p.Number || p.Prefix && strings.HasPrefix(m.Number, p.Number) {
					spans = append(spans, Span{Start: m.Start, End: m.End})
				}
			}
			continue
		}
		n := len(p.Terms)
		if n == 0 {
			continue
		}
		for i := 0; i+n <= len(tokens); i++ {
			ok := true
			for j := 0; j < n; j++ {
				prefix := p.Prefix && j == n-1
				ok = p.Match(j, string(tokens[i+j].Term))
				if ok && strict && j < len(p.Exact) && fields.HasMarks(p.Exact[j]) {
					if prefix {
						ok = strings.HasPrefix(spelled(i+j), p.Exact[j])
					} else {
						ok = fields.ExactIY(spelled(i+j)) == fields.ExactIY(p.Exact[j])
					}
				}
				if !ok {
					break
				}
			}
			if ok {
				spans = append(spans, Span{Start: tokens[i].Start, End: tokens[i+n-1].End})
			}
		}
	}
	return mergeSpans(v, spans)
}

// mergeSpans sorts spans and joins those that overlap or are separated by
// white space only, so "giấy khai sinh" is one mark, not three.
func mergeSpans(v string, spans []Span) []Span {
	if len(spans) < 2 {
		return spans
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.Start <= last.End || strings.TrimSpace(v[last.End:s.Start]) == "" {
			if s.End > last.End {
				last.End = s.End
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// cut shortens a long snippet to a window around its first mark, on word
// boundaries, with "…" where text was cut.
func cut(s Snippet) Snippet {
	if len(s.Text) <= maxSnippetBytes {
		return s
	}
	first := s.Marks[0]
	start := first.Start - maxSnippetBytes/4
	if start < 0 {
		start = 0
	}
	end := start + maxSnippetBytes
	if end < first.End {
		end = first.End
	}
	if end > len(s.Text) {
		end = len(s.Text)
	}
	start, end = wordStart(s.Text, start), wordEnd(s.Text, end)
	text := s.Text[start:end]
	shift := -start
	prefix, suffix := "", ""
	if start > 0 {
		prefix = "…"
		shift += len(prefix)
	}
	if end < len(s.Text) {
		suffix = "…"
	}
	var marks []Span
	for _, m := range s.Marks {
		if m.Start >= start && m.End <= end {
			marks = append(marks, Span{m.Start + shift, m.End + shift})
		}
	}
	return Snippet{Field: s.Field, Text: prefix + text + suffix, Marks: marks}
}

// wordStart moves i back to the start of the word it falls in.
func wordStart(s string, i int) int {
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if r == ' ' || r == '\n' || r == '\t' {
			break
		}
		i -= size
	}
	return i
}

// wordEnd moves i forward to the end of the word it falls in.
func wordEnd(s string, i int) int {
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == ' ' || r == '\n' || r == '\t' {
			break
		}
		i += size
	}
	return i
}
