package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
)

func TestGroupMentions(t *testing.T) {
	tests := []struct {
		text string
		want string // groups separated by " | ", mentions by ","
	}{
		{"Bản sao CCCD, CMND hoặc hộ chiếu", "CCCD,CMND,hộ chiếu"},
		{"Sơ yếu lý lịch, giấy khai sinh, sổ hộ khẩu", "giấy khai sinh | sổ hộ khẩu"},
		{"giấy khai sinh; sổ hộ khẩu hoặc CCCD", "giấy khai sinh | sổ hộ khẩu,CCCD"},
		{"giấy khai sinh/trích lục khai sinh", "giấy khai sinh,trích lục khai sinh"},
		{"giấy khai sinh của người đề nghị và của những người thân khác hoặc CCCD", "giấy khai sinh | CCCD"},
	}
	names := []string{"CCCD", "CMND", "hộ chiếu", "giấy khai sinh", "trích lục khai sinh", "sổ hộ khẩu"}
	for _, tt := range tests {
		d, err := Parse("t.txt", []byte(tt.text), FormatText)
		if err != nil {
			t.Fatal(err)
		}
		var ms []PaperMention
		for i := 0; i < len(d.Text); {
			found := false
			for _, n := range names {
				if strings.HasPrefix(d.Text[i:], n) {
					ms = append(ms, PaperMention{Start: i, End: i + len(n)})
					i += len(n)
					found = true
					break
				}
			}
			if !found {
				i++
			}
		}
		var groups []string
		for _, g := range groupMentions(d, ms) {
			var parts []string
			for _, m := range g {
				parts = append(parts, d.Text[m.Start:m.End])
			}
			groups = append(groups, strings.Join(parts, ","))
		}
		if got := strings.Join(groups, " | "); got != tt.want {
			t.Errorf("%q: groups %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestCountRequirementWords(t *testing.T) {
	lx, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want string
	}{
		{"Tổ chức phải nộp hồ sơ.", "phải"},
		{"Tổ chức không phải nộp hồ sơ.", ""},
		{"Không phải là cơ quan nhà nước.", ""},
		{"Không được phép kinh doanh; nghiêm cấm quảng cáo.", "không được phép nghiêm cấm"},
		{"Cá nhân chỉ được sử dụng một tài khoản và có trách nhiệm bảo mật.", "chỉ được có trách nhiệm"},
		{"Biển đặt bên phải cổng; việc treo biển không bắt buộc.", ""},
		{"Việc đăng ký là bắt buộc. Các mặt hàng bị cấm và cấm nhập khẩu.", "bắt buộc bị cấm cấm"},
		{"Chủ đầu tư không cần phải xin phép; người lao động chưa phải đóng.", ""},
		{"Phải có giấy phép.", "phải"},
		{"Người bán không phải chịu trách nhiệm; người mua phải chịu trách nhiệm.", "phải chịu trách nhiệm"},
		{"Doanh nghiệp không còn phải nộp báo cáo; hộ kinh doanh không bị bắt buộc đăng ký.", ""},
		{"Cá nhân không còn bị cấm xuất cảnh; tổ chức chưa cần phải đăng ký.", ""},
		{"Hàng hóa bị cấm nhập khẩu; tổ chức không bị phạt phải nộp lại.", "phải bị cấm"},
	}
	for _, tt := range tests {
		d, err := ParseWith("t.txt", []byte(tt.text), FormatText, lx)
		if err != nil {
			t.Fatal(err)
		}
		counts := countRequirementWords(d, lx, Span{0, len(d.Text)})
		var got []string
		for _, w := range []string{"phải", "chịu trách nhiệm", "không được phép", "nghiêm cấm", "chỉ được", "có trách nhiệm", "bắt buộc", "bị cấm", "cấm"} {
			for i := 0; i < counts[w]; i++ {
				got = append(got, w)
			}
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%q: %v, want %q", tt.text, counts, tt.want)
		}
	}
}

func TestCorpusIndexMatch(t *testing.T) {
	procs := []*corpus.Procedure{
		{Code: "1.000005", Name: "Cấp giấy phép hoạt động dịch vụ thử nghiệm"},
		{Code: "1.000006", Name: "Cấp lại giấy phép hoạt động dịch vụ thử nghiệm"},
		{Code: "2.000001", Name: "Đăng ký"},
	}
	ix := newCorpusIndex(procs)
	tests := []struct {
		src, want string
	}{
		{"Điều 1. Hồ sơ\n\nHồ sơ đề nghị cấp giấy phép hoạt động dịch vụ thử nghiệm gồm: đơn; bản sao.\n", "1.000005"},
		{"Điều 1. Sửa đổi thủ tục mã số 1.000006\n\nHồ sơ gồm: đơn; bản sao.\n", "1.000006"},
		{"Điều 1. Hồ sơ cấp lại giấy phép hoạt động dịch vụ thử nghiệm\n\nHồ sơ gồm: đơn; bản sao.\n", "1.000006"},
		{"Điều 1. Hồ sơ đăng ký\n\nHồ sơ đăng ký gồm: đơn; bản sao.\n", "2.000001"},
		{"Điều 1. Hồ sơ\n\nHồ sơ đề nghị cấp giấy phép kinh doanh gồm: đơn; bản sao.\n", ""},
		{"Điều 1. Hồ sơ\n\nHồ sơ gồm: đơn; bản sao 11.0000051.\n", ""},
	}
	for _, tt := range tests {
		d, err := Parse("d.md", []byte(tt.src), "")
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Procedures) != 1 {
			t.Fatalf("%q: %d procedures", tt.src, len(d.Procedures))
		}
		got := ""
		if p := ix.match(d, d.Procedures[0]); p != nil {
			got = p.Code
		}
		if got != tt.want {
			t.Errorf("%q: matched %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestDataValidation(t *testing.T) {
	if _, err := DefaultLexicon(); err != nil {
		t.Fatalf("embedded lexicon: %v", err)
	}
	rules, err := Rules()
	if err != nil || len(rules) != 14 {
		t.Fatalf("embedded rules: %d, %v", len(rules), err)
	}
	for i, r := range rules {
		if want := fmt.Sprintf("RT%03d", i+1); r.ID != want || r.Run == nil || r.DocPath() != "docs/rules/"+want+".md" {
			t.Errorf("rule %d = %s %s", i, r.ID, r.DocPath())
		}
	}
	lexBad := []struct{ name, yaml, err string }{
		{"version", "version: 2\n", "unsupported version"},
		{"unknown key", "version: 1\nwords: []\n", "field words not found"},
		{"bad kind", "version: 1\nrequirement_words: [{phrase: phải, kind: duty}]\n", `unknown kind "duty"`},
		{"empty phrase", "version: 1\nrequirement_words: [{phrase: '  ', kind: obligation}]\n", "empty phrase"},
		{"missing lists", "version: 1\nrequirement_words: [{phrase: phải, kind: obligation}]\n", "submission_cues: empty"},
	}
	for _, tt := range lexBad {
		if _, err := ParseLexicon([]byte(tt.yaml)); err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("lexicon %s: error %v, want %q", tt.name, err, tt.err)
		}
	}
	ruleBad := []struct{ name, yaml, err string }{
		{"bad id", "version: 1\nrules: [{id: R1, name: x, severity: error, summary: s, doc: d, sources: [s]}]\n", "id must look like"},
		{"no code", "version: 1\nrules: [{id: RT099, name: x, severity: error, summary: s, doc: d, sources: [s]}]\n", "RT099: no code"},
		{"missing entry", "version: 1\nrules: []\n", "code without an entry"},
		{"bad severity", "version: 1\nrules: [{id: RT001, name: x, severity: off, summary: s, doc: d, sources: [s]}]\n", "bad default severity"},
		{"no sources", "version: 1\nrules: [{id: RT001, name: x, severity: error, summary: s, doc: d}]\n", "sources are required"},
	}
	for _, tt := range ruleBad {
		if _, err := parseRules([]byte(tt.yaml)); err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("rules %s: error %v, want %q", tt.name, err, tt.err)
		}
	}
}

// TestRuleDocs checks that every rule has its documentation page and that
// docs/check.md lists it.
func TestRuleDocs(t *testing.T) {
	rules, err := Rules()
	if err != nil {
		t.Fatal(err)
	}
	index, err := os.ReadFile(filepath.Join("..", "..", "docs", "check.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules {
		page, err := os.ReadFile(filepath.Join("..", "..", r.DocPath()))
		if err != nil {
			t.Errorf("%s: %v", r.ID, err)
			continue
		}
		if !strings.HasPrefix(string(page), "# "+r.ID+" "+r.Name+"\n") || !strings.Contains(string(page), "**Default severity:** "+r.Severity.String()) {
			t.Errorf("%s: page does not start with its id, name and default severity", r.ID)
		}
		if !strings.Contains(string(index), "| ["+r.ID+"](rules/"+r.ID+".md) | "+r.Name+" | "+r.Severity.String()+" |") {
			t.Errorf("%s: not in the rule table of docs/check.md", r.ID)
		}
	}
}
