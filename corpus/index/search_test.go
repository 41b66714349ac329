package index

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/index/query"
)

// fixture returns a few hand-written procedures that exercise the analysis.
func fixture() []*corpus.Procedure {
	mk := func(code, name, ministry, sector string, levels []string, papers []string, basis []string, steps ...string) *corpus.Procedure {
		p := &corpus.Procedure{Code: code, Name: name, Ministry: ministry, Sector: sector, Levels: levels, Steps: steps,
			Source: corpus.Source{File: "fx/" + code + ".json"}}
		for _, t := range papers {
			p.Papers = append(p.Papers, corpus.Paper{Text: t})
		}
		for _, b := range basis {
			p.LegalBasis = append(p.LegalBasis, corpus.LegalRef{Text: b})
		}
		return p
	}
	return []*corpus.Procedure{
		mk("T.1", "Đăng ký khai sinh", "Bộ Tư pháp", "Hộ tịch", []string{"Cấp xã"},
			[]string{"Tờ khai đăng ký khai sinh", "Giấy chứng sinh", "Bản sao Sổ hộ khẩu"}, []string{"Nghị định 123/2015/NĐ-CP"}),
		mk("T.2", "Đăng ký kết hôn", "Bộ Tư pháp", "Hộ tịch", []string{"Cấp xã"},
			[]string{"Tờ khai đăng ký kết hôn", "Giấy xác nhận tình trạng hôn nhân"}, []string{"Nghị định 123/2015/NĐ-CP", "Luật Hộ tịch 60/2014/QH13"}),
		mk("T.3", "Cấp giấy phép sử dụng tuyến đường bộ", "Bộ Xây dựng", "Đường bộ", []string{"Cấp tỉnh"},
			[]string{"Đơn đề nghị", "Bản sao giấy khai sinh của người đại diện"}, []string{"Thông tư 104/2022/TT-BGTVT"}),
		mk("T.4", "Thủ tục hỗ trợ đồng bào vùng Thái Bình Dương", "Bộ Nội vụ", "Chính sách", []string{"Cấp tỉnh", "Cấp xã"},
			[]string{"Đơn đề nghị hỗ trợ"}, []string{"Nghị định 104/2022/NĐ-CP"}, "Bước 1: nộp hồ sơ tại Ủy ban nhân dân cấp xã"),
		mk("T.5", "Cấp lại Phiếu lý lịch tư pháp", "Bộ Tư pháp", "Lý lịch tư pháp", []string{"Cấp tỉnh"},
			[]string{"Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "Sổ hộ khẩu hoặc giấy khai sinh"}, []string{"Luật Lý lịch tư pháp 28/2009/QH12", "Nghị định 05/2012/NĐ-CP"}),
	}
}

func buildFixture(t *testing.T, procs []*corpus.Procedure) (*Index, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "idx")
	if _, err := Update(context.Background(), path, sliceSource(nil, procs), UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix, path
}

func codes(r *Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.Code)
	}
	return out
}

func sorted(s []string) []string {
	s = append([]string(nil), s...)
	sort.Strings(s)
	return s
}

func TestSearch(t *testing.T) {
	ix, _ := buildFixture(t, fixture())
	tests := []struct {
		q       string
		want    []string
		ordered bool
	}{
		{"giay khai sinh", []string{"T.1", "T.3", "T.5"}, false},
		{norm.NFD.String("giấy khai sinh"), []string{"T.1", "T.3", "T.5"}, false},
		{`"so ho khau"`, []string{"T.1", "T.5"}, false},
		{"đăng ký", []string{"T.1", "T.2"}, false},
		{"khai sinh OR kết hôn", []string{"T.1", "T.2", "T.3", "T.5"}, false},
		{"giay khai sinh -sector:\"hộ tịch\"", []string{"T.3", "T.5"}, false},
		{"basis:123/2015/ND-CP", []string{"T.1", "T.2"}, false},
		{"basis:123/2015/nđ-cp", []string{"T.1", "T.2"}, false},
		{"basis:104/2022", []string{"T.3", "T.4"}, false},
		{"basis:104/2022/NĐ-CP", []string{"T.4"}, false},
		{"basis:5/2012/NĐ-CP", []string{"T.5"}, false},
		{"basis:\"luật hộ tịch\"", []string{"T.2"}, false},
		{"level:xa", []string{"T.1", "T.2", "T.4"}, false},
		{"level:\"cấp tỉnh\" ministry:\"tư pháp\"", []string{"T.5"}, false},
		{"code:t.1", []string{"T.1"}, false},
		{"code:T*", []string{"T.1", "T.2", "T.3", "T.4", "T.5"}, false},
		{"paper:\"hộ khẩu\"", []string{"T.1", "T.5"}, false},
		{"name:\"lý lịch\"", []string{"T.5"}, false},
		{"-ministry:\"tư pháp\"", []string{"T.3", "T.4"}, false},
		{"khai*", []string{"T.1", "T.2", "T.3", "T.5"}, false},
		// Joined words with a star: the last is a prefix, the words in order.
		{"cấp-gi*", []string{"T.3"}, false},
		{"cap-l*", []string{"T.5"}, false},
		{"to-khai-dang-k*", []string{"T.1", "T.2"}, false},
		{"sinh-dang*", nil, false}, // both words, never in this order
		{"name:cấp-gi*", []string{"T.3"}, false},
		{"paper:bản-sa*", []string{"T.1", "T.3"}, false},
		{"name:cap-x*", nil, false},
		// Exact diacritics rank first: đường (T.3) above Dương (T.4).
		{"đường", []string{"T.3", "T.4"}, true},
		{"dương", []string{"T.4", "T.3"}, true},
		// Name matches rank above paper matches.
		{"khai sinh", []string{"T.1", "T.3", "T.5"}, false},
		{"nothinglikethis", nil, false},
		// Phrases of four and five words go through sparse bigrams.
		{`"tờ khai đăng ký kết hôn"`, []string{"T.2"}, false},
		{`"khai dang ky khai sinh"`, []string{"T.1"}, false},
		{`"đăng ký khai hôn"`, nil, false},
		{`"sao sổ hộ khẩu"`, []string{"T.1"}, false},
	}
	for _, tt := range tests {
		r, err := ix.Search(context.Background(), Request{Query: tt.q, Size: 20})
		if err != nil {
			t.Errorf("Search(%q): %v", tt.q, err)
			continue
		}
		got := codes(r)
		if !tt.ordered {
			got = sorted(got)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %v (query %s)", tt.q, got, tt.want, r.Query)
		}
		if r.Total != len(tt.want) {
			t.Errorf("Search(%q) total %d, want %d", tt.q, r.Total, len(tt.want))
		}
	}
}

func TestSearchRankingNameFirst(t *testing.T) {
	ix, _ := buildFixture(t, fixture())
	r, err := ix.Search(context.Background(), Request{Query: "khai sinh"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) == 0 || r.Hits[0].Code != "T.1" {
		t.Errorf("first hit %v, want T.1 whose name says khai sinh", codes(r))
	}
}

func TestSearchFacetsAndPaging(t *testing.T) {
	ix, _ := buildFixture(t, fixture())
	r, err := ix.Search(context.Background(), Request{Query: "-code:none", Page: 2, Size: 2})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 5 || len(r.Hits) != 2 {
		t.Fatalf("total %d, %d hits on page 2", r.Total, len(r.Hits))
	}
	want := map[string][]FacetCount{
		"ministry": {{"Bộ Tư pháp", 3}, {"Bộ Nội vụ", 1}, {"Bộ Xây dựng", 1}},
		"level":    {{"Cấp xã", 3}, {"Cấp tỉnh", 3}},
	}
	for _, f := range r.Facets {
		if w, ok := want[f.Field]; ok {
			if f.Field == "level" {
				sort.Slice(f.Terms, func(i, j int) bool { return f.Terms[i].Value > f.Terms[j].Value })
			}
			if !reflect.DeepEqual(f.Terms, w) {
				t.Errorf("facet %s = %v, want %v", f.Field, f.Terms, w)
			}
		}
	}
}

func TestSearchSnippets(t *testing.T) {
	ix, _ := buildFixture(t, fixture())
	r, err := ix.Search(context.Background(), Request{Query: `"so ho khau"`})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range r.Hits {
		found := false
		for _, s := range h.Snippets {
			for _, m := range s.Marks {
				if got := s.Text[m.Start:m.End]; got == "Sổ hộ khẩu" {
					found = true
				} else {
					t.Errorf("%s: mark covers %q", h.Code, got)
				}
			}
		}
		if !found {
			t.Errorf("%s: no snippet marks Sổ hộ khẩu: %+v", h.Code, h.Snippets)
		}
	}
}

// TestSearchSnippetsSpelling checks that a word typed with diacritics is
// marked where it is spelled so, not where another word folds to it, that
// a word typed without them marks every spelling, and that a record
// spelling the word only otherwise still has its folded matches marked.
func TestSearchSnippetsSpelling(t *testing.T) {
	mk := func(code, name, step string) *corpus.Procedure {
		return &corpus.Procedure{Code: code, Name: name, Steps: []string{step}, Source: corpus.Source{File: "fx/" + code + ".json"}}
	}
	ix, _ := buildFixture(t, []*corpus.Procedure{
		mk("S.1", "Đăng ký thường trú", "Nộp hồ sơ, trừ ngày nghỉ; căn cứ luật cư trú"),
		mk("S.2", "Thủ tục khác", "Làm việc cả tuần, trừ ngày lễ"),
	})
	tests := []struct {
		query string
		want  map[string][]string // code → the marked text, in order
	}{
		{"trú", map[string][]string{"S.1": {"trú", "trú"}, "S.2": {"trừ"}}},
		{"tru", map[string][]string{"S.1": {"trú", "trừ", "trú"}, "S.2": {"trừ"}}},
		{"cư trú", map[string][]string{"S.1": {"trú", "cư trú"}}},
	}
	for _, tt := range tests {
		r, err := ix.Search(context.Background(), Request{Query: tt.query})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string][]string{}
		for _, h := range r.Hits {
			got[h.Code] = []string{}
			for _, s := range h.Snippets {
				for _, m := range s.Marks {
					got[h.Code] = append(got[h.Code], s.Text[m.Start:m.End])
				}
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: marks %q, want %q", tt.query, got, tt.want)
		}
	}
}

// TestSearchSnippetsMostWordsFirst checks that the passage holding more of
// the query's words is shown before one that repeats a single word often.
func TestSearchSnippetsMostWordsFirst(t *testing.T) {
	p := &corpus.Procedure{Code: "W.1", Name: "Thủ tục thử", Source: corpus.Source{File: "fx/W.1.json"},
		Papers:     []corpus.Paper{{Text: strings.Repeat("Nghị quyết, quy định và hướng dẫn; ", 12)}},
		LegalBasis: []corpus.LegalRef{{Text: "Nghị định số 123/2015/NĐ-CP của Chính phủ"}}}
	ix, _ := buildFixture(t, []*corpus.Procedure{p})
	r, err := ix.Search(context.Background(), Request{Query: "Nghị định 123/2015/NĐ-CP"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 1 || len(r.Hits[0].Snippets) == 0 {
		t.Fatalf("hits %+v", r.Hits)
	}
	if s := r.Hits[0].Snippets[0]; s.Field != "detail" || !strings.HasPrefix(s.Text, "Nghị định số 123") {
		t.Errorf("first snippet %+v, want the legal basis", s)
	}
}

// TestSearchPrefixRunNameFirst checks that a starred run of words found in
// the name ranks above one found elsewhere only, as a single starred
// word does.
func TestSearchPrefixRunNameFirst(t *testing.T) {
	mk := func(code, name, paper string) *corpus.Procedure {
		return &corpus.Procedure{Code: code, Name: name, Papers: []corpus.Paper{{Text: paper}}, Source: corpus.Source{File: "fx/" + code + ".json"}}
	}
	ix, _ := buildFixture(t, []*corpus.Procedure{
		mk("P.1", "Thủ tục", "cấp giấy, cấp giấy, cấp giấy"),
		mk("P.2", "Cấp giấy phép hoạt động", "Đơn đề nghị kèm theo bản sao các văn bản, tài liệu, hồ sơ và báo cáo tình hình thực hiện trong năm trước của tổ chức"),
	})
	for _, q := range []string{"cấp-gi*", "cap-gia*"} {
		r, err := ix.Search(context.Background(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if got := codes(r); len(got) != 2 || got[0] != "P.2" {
			t.Errorf("%s: order %v, want P.2 (in the name) first", q, got)
		}
	}
}

// TestSearchSnippetsRunTogetherNumber checks that a legal number run
// together with the word before it, as portal pages read, is marked in
// the snippet, by free text and by basis:, a number without its type
// included.
func TestSearchSnippetsRunTogetherNumber(t *testing.T) {
	p := &corpus.Procedure{Code: "R.1", Name: "Thủ tục thử", Source: corpus.Source{File: "fx/R.1.json"},
		LegalBasis: []corpus.LegalRef{{Text: "Nghị định về sử dụng dữ liệu dân cư, cung cấp dịch vụ công104/2022/NĐ-CP", Number: "104/2022/NĐ-CP"}}}
	ix, _ := buildFixture(t, []*corpus.Procedure{p})
	for _, q := range []string{"104/2022/NĐ-CP", "basis:104/2022/nd-cp", "basis:104/2022", "basis:104/20*"} {
		r, err := ix.Search(context.Background(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != 1 {
			t.Fatalf("%s: %d hits", q, r.Total)
		}
		var marked []string
		for _, s := range r.Hits[0].Snippets {
			for _, m := range s.Marks {
				marked = append(marked, s.Text[m.Start:m.End])
			}
		}
		if len(marked) != 1 || marked[0] != "104/2022/NĐ-CP" {
			t.Errorf("%s: marks %q, want the number alone", q, marked)
		}
	}
	// A number written only in the steps, asked with a star, is found
	// through the text (the legal basis does not cite it).
	q := &corpus.Procedure{Code: "R.2", Name: "Thủ tục khác", Source: corpus.Source{File: "fx/R.2.json"},
		Steps: []string{"Bước 1: nộp hồ sơ theo Nghị định 104/2022/NĐ-CP"}}
	ix2, _ := buildFixture(t, []*corpus.Procedure{q})
	for _, query := range []string{"104/2022/NĐ-CP*", "104/2022/NĐ-CP", "2022/NĐ-C*"} {
		r, err := ix2.Search(context.Background(), Request{Query: query})
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != 1 {
			t.Errorf("%s: %d hits of the steps' number, want 1", query, r.Total)
		}
	}
	// Another number is not marked.
	r, err := ix.Search(context.Background(), Request{Query: "dịch vụ basis:105/2022"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 0 {
		t.Errorf("basis:105/2022 found %d", r.Total)
	}
}

func TestSearchErrors(t *testing.T) {
	ix, _ := buildFixture(t, fixture())
	_, err := ix.Search(context.Background(), Request{Query: "giay (khai"})
	var qe *query.Error
	if !errors.As(err, &qe) || qe.Pos != 6 {
		t.Errorf("got %v, want a query error at column 6", err)
	}
	_, err = ix.Search(context.Background(), Request{Query: "/ ,"})
	if !errors.As(err, &qe) || !strings.Contains(qe.Msg, "no searchable words") {
		t.Errorf("got %v, want no searchable words", err)
	}
}
