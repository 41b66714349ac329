package check

import (
	"context"
	"strings"
	"testing"
)

// findingsOf checks text (Markdown) with the stub matcher and returns the
// snippets of the findings of rule, in order.
func findingsOf(t *testing.T, text, rule string) []string {
	t.Helper()
	c, err := New(Options{Matcher: stubMatcher{}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := c.Parse("t.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Check(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range res.Findings {
		if f.Rule == rule {
			out = append(out, f.Snippet)
		}
	}
	return out
}

// TestCertifiedCopyRule checks RT003: every certified copy a requirement
// asks for, none under a ban or waiver.
func TestCertifiedCopyRule(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"Người đề nghị nộp bản sao có chứng thực giấy A.", 1},
		{"Người đề nghị nộp bản sao có chứng thực giấy A và bản sao có chứng thực giấy B.", 2},
		{"Hồ sơ gồm: bản sao có chứng thực giấy A, bản sao công chứng giấy B; bản sao chứng thực giấy C.", 3},
		{"Người đề nghị nộp bản sao có chứng thực hoặc bản sao điện tử giấy A.", 0},
		{"Hồ sơ gồm: bản sao có chứng thực giấy A hoặc tệp tin bản sao điện tử được chứng thực giấy A.", 0},
		{"Hồ sơ không cần phải có bản sao có chứng thực.", 0},
		{"Người đề nghị không cần nộp bản sao có chứng thực giấy A.", 0},
		{"Người đề nghị không bắt buộc nộp bản sao có chứng thực giấy A.", 0},
		{"Người đề nghị được miễn nộp bản sao có chứng thực giấy A.", 0},
		{"Người đề nghị miễn xuất trình bản sao có chứng thực giấy A.", 0},
		{"Cơ quan không được yêu cầu nộp bản sao có chứng thực giấy A.", 0},
	}
	for _, tt := range tests {
		if got := findingsOf(t, tt.text, "RT003"); len(got) != tt.want {
			t.Errorf("%q: %d RT003 findings %q, want %d", tt.text, len(got), strings.Join(got, " | "), tt.want)
		}
	}
}
