package searchreport

import (
	"fmt"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/corpus/index"
	"github.com/redtape-vn/redtape/internal/textfmt"
)

// TestFacetRest: the table's "… N more" line counts the values and
// procedures past the shown ones, including those JSON folds into other.
func TestFacetRest(t *testing.T) {
	f := index.Facet{Field: "sector", Other: 40, OtherValues: 30}
	for i := 0; i < 12; i++ {
		f.Terms = append(f.Terms, index.FacetCount{Value: fmt.Sprint(i), Count: 20 - i})
	}
	values, count := facetRest(f, 8)
	if values != 4+30 || count != (12+11+10+9)+40 {
		t.Errorf("facetRest = %d values, %d procedures; want 34, 82", values, count)
	}
	if v, c := facetRest(index.Facet{Terms: f.Terms[:3]}, 8); v != 0 || c != 0 {
		t.Errorf("short facet: %d, %d", v, c)
	}
}

func TestTerminalAndMarkdown(t *testing.T) {
	for in, want := range map[string]string{
		"Giấy khai sinh":          "Giấy khai sinh",
		"a\nb\r\nc\td":            "a b  c d",
		"\x1b[31mred\x1b[0m":      `\x1b[31mred\x1b[0m`,
		"x\u202eevil\u202c":       `x\u202eevil\u202c`,
		"bell\a del\x7f c1\u0085": `bell\x07 del\x7f c1 `,
		"bad \xff byte":           `bad \xff byte`,
		"para\u2029sep":           "para sep",
	} {
		if got := textfmt.Terminal(in); got != want {
			t.Errorf("textfmt.Terminal(%q) = %q, want %q", in, got, want)
		}
	}
	if got := textfmt.Markdown("[x](javascript:alert(1)) ![](http://e/p.png) <b>|** WWW.x"); got != `\[x\](javascript:alert(1)) \!\[\](http\://e/p.png) \<b\>\|\*\* WWW\.x` {
		t.Errorf("Markdown: %s", got)
	}
}

// TestSuggestionsEscaped: the suggestions of a search without hits are
// printed in table and Markdown with the words from the query and the
// index neutralised.
func TestSuggestionsEscaped(t *testing.T) {
	res := &index.Result{Query: "giấy \x1b[31mkhai", Hits: []index.Hit{}, Suggestions: &index.Suggestions{
		Query: "giấy khai *sinh*", Total: 1,
		Words: []index.WordSuggestion{
			{Word: "s\x1bih", Pos: 11, Terms: []index.TermSuggestion{{Text: "sinh", Docs: 3, Edits: 1}, {Text: "<b>", Docs: 1, Edits: 2}}},
			{Word: "xqz", Pos: 20, Terms: []index.TermSuggestion{}},
		},
	}}
	var table strings.Builder
	if err := WriteTable(&table, res, false); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"did you mean: giấy khai *sinh*? (1 procedure)", `s\x1bih: no record has it; near: sinh (3), <b> (1)`, "xqz: no word of the index is near it"} {
		if !strings.Contains(table.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, table.String())
		}
	}
	if strings.ContainsRune(table.String(), '\x1b') {
		t.Errorf("an escape reached the terminal:\n%q", table.String())
	}
	var md strings.Builder
	if err := WriteMarkdown(&md, res); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), `giấy khai \*sinh\*`) || !strings.Contains(md.String(), `\<b\>`) {
		t.Errorf("markdown not escaped:\n%s", md.String())
	}
	// Nothing to suggest: the line saying so alone.
	res.Suggestions = nil
	table.Reset()
	if err := WriteTable(&table, res, false); err != nil || strings.Count(table.String(), "\n") != 1 {
		t.Errorf("no suggestions: %q (%v)", table.String(), err)
	}
}
