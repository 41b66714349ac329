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

// basesMatcher finds two papers whose legal bases overlap, the way catalog
// entries of one database share a resolution.
type basesMatcher struct{}

func (basesMatcher) Mentions(text string) []PaperMention {
	var out []PaperMention
	low := lowerSameLen(text)
	for _, p := range []struct{ name, basis string }{
		{"giấy phép lái xe quốc tế", "Decree 1/2026 Art. 2; Law 3/2025 Art. 4"},
		{"giấy phép lái xe", "Decree 1/2026 Art. 2"},
	} {
		for from := 0; ; {
			i := strings.Index(low[from:], p.name)
			if i < 0 {
				break
			}
			i += from
			from = i + len(p.name)
			taken := false
			for _, o := range out {
				taken = taken || i >= o.Start && i < o.End
			}
			if !taken {
				out = append(out, PaperMention{Start: i, End: i + len(p.name), Entry: p.name, Paper: p.name, Database: "Driving-licence database", Basis: p.basis})
			}
		}
	}
	return out
}

// TestDigitisedPaperFix checks that a grouped RT001 finding names each
// paper and each legal basis once.
func TestDigitisedPaperFix(t *testing.T) {
	c, err := New(Options{Matcher: basesMatcher{}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := c.Parse("t.md", []byte("Người đề nghị xuất trình Giấy phép lái xe hoặc giấy phép lái xe hoặc giấy phép lái xe quốc tế."))
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Check(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	var got []Finding
	for _, f := range res.Findings {
		if f.Rule == "RT001" {
			got = append(got, f)
		}
	}
	if len(got) != 1 {
		t.Fatalf("%d RT001 findings, want 1 for the group: %+v", len(got), got)
	}
	f := got[0]
	if n := strings.Count(strings.ToLower(f.Message), `"giấy phép lái xe"`); n != 1 {
		t.Errorf("message names the licence %d times: %s", n, f.Message)
	}
	if n := strings.Count(f.Fix, "Decree 1/2026 Art. 2"); n != 1 || !strings.Contains(f.Fix, "Law 3/2025 Art. 4") {
		t.Errorf("fix cites the shared basis %d times: %s", n, f.Fix)
	}
}

// TestUnaccentedText checks that a paragraph typed without diacritics
// matches the lexicon on folded words, and that a lone unaccented word in
// text with diacritics does not ("cam" is an orange, not "cấm").
func TestUnaccentedText(t *testing.T) {
	tests := []struct {
		text, rule string
		want       int
	}{
		{"### Dieu 1. Ho so\n\nHo so gom: don de nghi; ban sao co chung thuc hop dong.", "RT006", 2},
		{"### Dieu 1. Ho so\n\nHo so gom: don de nghi; ban sao co chung thuc hop dong.", "RT003", 1},
		{"### Dieu 1. Ho so\n\nHo so gom: don de nghi; cac tai lieu khac theo yeu cau.", "RT002", 1},
		{"### Dieu 1. Ho so\n\nCo quan khong duoc yeu cau nop cac giay to khac co lien quan.", "RT002", 0},
		{"### Điều 1. Hồ sơ\n\nCán bộ lưu hồ sơ gom đơn đề nghị; bản sao hợp đồng của hộ trồng cam.", "RT006", 0},
	}
	for _, tt := range tests {
		if got := findingsOf(t, tt.text, tt.rule); len(got) != tt.want {
			t.Errorf("%q: %s = %q, want %d", tt.text, tt.rule, got, tt.want)
		}
	}
	d, err := Parse("t.md", []byte("### Điều 1. Vườn cam\n\nCơ sở trồng cam phải đăng ký.\n\n### Dieu 2. Cam\n\nNghiem cam thu tien sai quy dinh."), "")
	if err != nil {
		t.Fatal(err)
	}
	lx, err := defaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if got := countRequirementWords(d, lx, d.Articles[0].Body); got["cấm"] != 0 || got["phải"] != 1 {
		t.Errorf("accented article: %v", got)
	}
	if got := countRequirementWords(d, lx, d.Articles[1].Body); got["nghiêm cấm"] != 1 {
		t.Errorf("unaccented article: %v", got)
	}
}
