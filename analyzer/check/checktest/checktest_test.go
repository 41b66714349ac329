package checktest

import (
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/check"
)

func TestParseCompare(t *testing.T) {
	src := "a\nb) Giấy khai sinh; <!-- want RT001 `requires \"Giấy khai sinh\"` RT006 `a dossier paper` -->\n"
	wants, err := Parse([]byte(src))
	if err != nil || len(wants) != 2 || wants[0] != (Want{2, "RT001", `requires "Giấy khai sinh"`}) || wants[1].Rule != "RT006" {
		t.Fatalf("Parse = %v, %v", wants, err)
	}
	for _, bad := range []string{`<!-- want "RT001" -->`, "<!-- want RT001 -->", "<!-- want RT001 `` -->"} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("Parse(%q): no error", bad)
		}
	}
	found := []check.Finding{
		{Line: 2, Rule: "RT001", Message: `requires "Giấy khai sinh", which the state already holds as data`},
		{Line: 2, Rule: "RT006", Message: `requires another paper`},
		{Line: 3, Rule: "RT007", Severity: check.SeverityMetric, Message: "metric"},
	}
	got := strings.Join(Compare(wants, found), "\n")
	want := "2:0: unexpected RT006 `requires another paper`\n2: missing RT006 `a dossier paper`"
	if got != want {
		t.Errorf("Compare:\n%s\nwant\n%s", got, want)
	}
}

// TestCompareOptIn checks that RT010 findings count only in fixtures that
// expect one.
func TestCompareOptIn(t *testing.T) {
	f := []check.Finding{{Line: 2, Rule: "RT010", Severity: check.SeverityInfo, Message: "states no fee"}}
	if got := Compare(nil, f); len(got) != 0 {
		t.Errorf("fixture without RT010 wants: %v", got)
	}
	wants := []Want{{Line: 5, Rule: "RT010", Message: "states no fee"}}
	got := Compare(wants, f)
	if len(got) != 2 || !strings.Contains(got[0], "unexpected RT010") || !strings.Contains(got[1], "missing RT010") {
		t.Errorf("fixture with an RT010 want elsewhere: %v", got)
	}
}
