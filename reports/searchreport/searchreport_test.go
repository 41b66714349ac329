package searchreport

import (
	"fmt"
	"testing"

	"github.com/redtape-vn/redtape/corpus/index"
	"github.com/redtape-vn/redtape/reports/textfmt"
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
