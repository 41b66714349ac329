package index

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/index/query"
)

// spellingFixture adds to the fixture records that spell one syllable
// with i where the fixture spells it with y, and words sharing a start.
func spellingFixture() []*corpus.Procedure {
	procs := fixture()
	add := func(code, name string, papers ...string) {
		p := &corpus.Procedure{Code: code, Name: name, Ministry: "Bộ Quốc phòng", Sector: "Chính sách", Source: corpus.Source{File: "fx/" + code + ".json"}}
		for _, t := range papers {
			p.Papers = append(p.Papers, corpus.Paper{Text: t})
		}
		procs = append(procs, p)
	}
	add("T.6", "Công nhận liệt sĩ", "Giấy báo tử", "Giấy khám sức khỏe của thân nhân")
	add("T.7", "Xét công nhận liệt sỹ và thân nhân liệt sỹ", "Giấy chứng nhận sức khỏe")
	add("T.8", "Quyết định hỗ trợ quỹ tuy dương", "Đơn đề nghị")
	// T.2 spelt with kí.
	add("T.9", "Đăng kí kết hôn", "Tờ khai đăng kí kết hôn", "Giấy xác nhận tình trạng hôn nhân")
	return procs
}

// TestIYSpelling: the i/y spellings of one syllable find each other,
// anywhere a word is matched; other y's stay apart.
func TestIYSpelling(t *testing.T) {
	ix, _ := buildFixture(t, spellingFixture())
	tests := []struct {
		q    string
		want []string
	}{
		{"đăng kí kết hôn", []string{"T.2", "T.9"}},
		{"dang ky ket hon", []string{"T.2", "T.9"}},
		{`name:"đăng kí"`, []string{"T.1", "T.2", "T.9"}},
		{`"phiếu lí lịch"`, []string{"T.5"}},
		{"name:(liệt sĩ)", []string{"T.6", "T.7"}},
		{`name:"liet sy"`, []string{"T.6", "T.7"}},
		{"paper:kí", []string{"T.1", "T.2", "T.9"}},
		// A starred word reaches both the whole syllable and longer words.
		{"name:quy*", []string{"T.8"}},
		{"name:quí*", []string{"T.8"}}, // quỹ
		{"ky*", []string{"T.1", "T.2", "T.9"}},
		{"name:đăng-k*", []string{"T.1", "T.2", "T.9"}},
		{"name:đăng-ky*", []string{"T.1", "T.2", "T.9"}},
		{"đăng-ky*", []string{"T.1", "T.2", "T.9"}},
		{"đăng-kí*", []string{"T.1", "T.2", "T.9"}},
		{"paper:khai-đăng-ky*", []string{"T.1", "T.2", "T.9"}},
		// tuy is not tui, y alone is not i.
		{"tui", []string{}},
		{"name:tuy", []string{"T.8"}},
		{"sector:lí", []string{"T.5"}},
	}
	for _, tt := range tests {
		res, err := ix.Search(context.Background(), Request{Query: tt.q, Size: 50, NoFacets: true, NoSuggestions: true})
		if err != nil {
			t.Errorf("%s: %v", tt.q, err)
			continue
		}
		if got := sorted(codes(res)); !reflect.DeepEqual(got, sorted(tt.want)) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("%s: got %v, want %v", tt.q, got, tt.want)
		}
	}
	// Of two records alike but for the spelling, the one spelling the
	// word as typed ranks first; highlights mark the other spelling where
	// the record has it, on the word as written.
	res, err := ix.Search(context.Background(), Request{Query: "đăng kí kết hôn", NoFacets: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || res.Hits[0].Code != "T.9" {
		t.Fatalf("hits %v, want T.9 (spelt kí) first", codes(res))
	}
	name := res.Hits[1].Snippets[0]
	if name.Field != "name" || len(name.Marks) != 1 || name.Text[name.Marks[0].Start:name.Marks[0].End] != "Đăng ký kết hôn" {
		t.Errorf("name snippet of T.2: %+v", name)
	}
	res, err = ix.Search(context.Background(), Request{Query: "đăng ký kết hôn", NoFacets: true, NoSnippets: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || res.Hits[0].Code != "T.2" {
		t.Errorf("hits %v, want T.2 (spelt ký) first", codes(res))
	}
}

// TestSuggest: a search without hits proposes the nearest words of the
// index for its unknown words, and the query respelt when it finds
// something.
func TestSuggest(t *testing.T) {
	ix, _ := buildFixture(t, spellingFixture())
	res, err := ix.Search(context.Background(), Request{Query: "giấy khai sih", NoFacets: true})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Suggestions
	if res.Total != 0 || s == nil || len(s.Words) != 1 {
		t.Fatalf("total %d, suggestions %+v", res.Total, s)
	}
	w := s.Words[0]
	if w.Word != "sih" || w.Pos != 11 || len(w.Terms) == 0 || w.Terms[0].Text != "sinh" || w.Terms[0].Docs != 3 || w.Terms[0].Edits != 1 {
		t.Errorf("word %+v", w)
	}
	if s.Query != "giấy khai sinh" || s.Total != 3 {
		t.Errorf("respelt %q with %d hits, want giấy khai sinh with 3", s.Query, s.Total)
	}
	// A suggestion is spelled as most records write it; a field word is
	// replaced after its field.
	res, err = ix.Search(context.Background(), Request{Query: "name:ddăng level:xã", NoFacets: true})
	if err != nil {
		t.Fatal(err)
	}
	if s := res.Suggestions; s == nil || s.Words[0].Terms[0].Text != "đăng" || s.Words[0].Pos != 6 || s.Query != "name:đăng level:xã" {
		t.Errorf("suggestions %+v", s)
	}
	// Nothing near, or every word known: no query proposed.
	for _, q := range []string{"xqzwv", "liệt sĩ hộ tịch"} {
		res, err := ix.Search(context.Background(), Request{Query: q, NoFacets: true})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 0 || res.Suggestions != nil && res.Suggestions.Query != "" {
			t.Errorf("%s: %d hits, suggestions %+v", q, res.Total, res.Suggestions)
		}
	}
	// Found something: no suggestions.
	res, err = ix.Search(context.Background(), Request{Query: "khai sinh", NoFacets: true})
	if err != nil || res.Suggestions != nil {
		t.Errorf("a search with hits suggests %+v (%v)", res.Suggestions, err)
	}
}

// TestSynonyms: a run of words naming a paper also finds the paper's other
// names, after the records matching as typed.
func TestSynonyms(t *testing.T) {
	ix, _ := buildFixture(t, spellingFixture())
	syn := query.NewSynonyms([][]string{
		{"Giấy khám sức khỏe, giấy chứng nhận sức khỏe", "giấy khám sức khỏe", "giấy chứng nhận sức khỏe"},
		{"Phiếu lý lịch tư pháp", "phiếu LLTP"},
	})
	tests := []struct {
		q     string
		first string
		want  []string
	}{
		{"giấy khám sức khỏe", "T.6", []string{"T.6", "T.7"}},
		{"giay chung nhan suc khoe", "T.7", []string{"T.6", "T.7"}},
		{`"giấy khám sức khỏe"`, "T.6", []string{"T.6", "T.7"}},
		{"giấy khám sức khỏe liệt sỹ", "", []string{"T.6", "T.7"}},
		{"giấy khám sức khỏe name:thân", "T.7", []string{"T.7"}},
		{"phiếu lltp", "T.5", []string{"T.5"}},
		// Not a whole name: no synonyms.
		{"khám sức khỏe", "T.6", []string{"T.6"}},
	}
	for _, tt := range tests {
		res, err := ix.Search(context.Background(), Request{Query: tt.q, Synonyms: syn, NoFacets: true, NoSnippets: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := sorted(codes(res)); !reflect.DeepEqual(got, tt.want) || tt.first != "" && res.Hits[0].Code != tt.first {
			t.Errorf("%s: %v, want %v with %s first", tt.q, codes(res), tt.want, tt.first)
		}
		// Without synonyms, only the words typed.
		plain, err := ix.Search(context.Background(), Request{Query: tt.q, NoFacets: true, NoSnippets: true, NoSuggestions: true})
		if err != nil {
			t.Fatal(err)
		}
		if plain.Total > res.Total {
			t.Errorf("%s: %d hits without synonyms, %d with", tt.q, plain.Total, res.Total)
		}
	}
	if got := syn.Others([]string{"phieu", "lltp"}); len(got) != 1 || strings.Join(got[0], " ") != "phieu li lich tu phap" {
		t.Errorf("others of phiếu LLTP: %q", got)
	}
}
