package index

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	bindex "github.com/blevesearch/bleve_index_api"
	"golang.org/x/text/unicode/norm"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/index/fields"
	"github.com/redtape-vn/redtape/corpus/synth"
)

// TestFieldsAsBleve checks that every field of a built document gives the
// index what bleve's own text field gives with the same value, options and
// the field's analyzer applied to the value alone: the same number of
// tokens, terms, counts and locations. The text fields share one cut of
// the record's text (fields.Cut); this is what keeps the index, its
// scores and its phrase matches as they were when each field was
// analysed on its own.
func TestFieldsAsBleve(t *testing.T) {
	procs := synth.Generate(3, 300)
	procs = append(procs,
		&corpus.Procedure{Name: "  Cấp giấy phép lái xe  ", Code: "1.000178", Papers: []corpus.Paper{{Text: " Đơn đề nghị "}, {Text: ""}, {Text: "-\u2029Sổ hộ khẩu"}}},
		&corpus.Procedure{Name: "\u2029Đăng ký kết hôn", Steps: []string{"Nộp hồ sơ", "   "}},
		&corpus.Procedure{Name: "   ", Papers: []corpus.Paper{{Text: norm.NFD.String("Bản sao giấy khai sinh")}}},
		&corpus.Procedure{Papers: []corpus.Paper{{Text: "Tờ khai " + strings.Repeat("đ", 90) + " ký"}},
			LegalBasis: []corpus.LegalRef{{Text: ""}, {Text: "Nghị định 123/2015/NĐ-CP", Title: "về hộ tịch", Number: "123/2015/NĐ-CP"}}},
		&corpus.Procedure{Name: "ĐƯỜNG bộ", Levels: []string{"Cấp xã", "cấp Xã", "Cấp tỉnh"}, Ministry: "Bộ Công an", Sector: "Hộ tịch"},
		&corpus.Procedure{Name: "Thủ tục", Papers: []corpus.Paper{{Text: "(\u2029Tờ khai"}, {Text: "Ảnh"}}},
		&corpus.Procedure{},
	)
	analyzers := map[string]analysis.Analyzer{
		fields.Name: fields.Folded(), fields.Text: fields.Folded(), fields.Papers: fields.Folded(), fields.BasisText: fields.Folded(),
		fields.TextBigram: fields.Bigrams(), fields.TextExact: fields.Marked(), fields.NameExact: fields.Marked(),
		fields.Code: lowerKeyword{}, fields.Flagged: lowerKeyword{},
	}
	b := newBuilder()
	for i, p := range procs {
		d := b.document(fmt.Sprint(i), p, extra{hash: "h", flagged: []string{"Căn cước", "id-card"}})
		names := map[string]bool{}
		for _, f := range d.Fields {
			names[f.Name()] = true
			if !f.Options().IsIndexed() {
				continue
			}
			want := document.NewTextFieldCustom(f.Name(), f.ArrayPositions(), append([]byte(nil), f.Value()...), f.Options(), analyzers[f.Name()])
			want.Analyze()
			f.Analyze()
			if f.AnalyzedLength() != want.AnalyzedLength() {
				t.Errorf("record %d, %s: %d tokens, bleve %d", i, f.Name(), f.AnalyzedLength(), want.AnalyzedLength())
			}
			if diff := diffFrequencies(f.AnalyzedTokenFrequencies(), want.AnalyzedTokenFrequencies()); diff != "" {
				t.Errorf("record %d, %s: %s", i, f.Name(), diff)
			}
			switch f.Name() {
			case fields.Name, fields.NameExact:
				if string(f.Value()) != p.Name {
					t.Errorf("record %d: %s holds %q, want the name %q", i, f.Name(), f.Value(), p.Name)
				}
			case fields.Papers:
				var papers []string
				for _, pp := range p.Papers {
					if s := strings.TrimSpace(pp.Text); s != "" {
						papers = append(papers, s)
					}
				}
				if string(f.Value()) != fields.Join(papers) {
					t.Errorf("record %d: papers %q, want %q", i, f.Value(), fields.Join(papers))
				}
			}
		}
		for _, name := range []string{fields.Name, fields.Hash, fields.File} {
			if !names[name] {
				t.Errorf("record %d has no %s field", i, name)
			}
		}
		if p.Name != "" && !names[fields.NameExact] || len(p.Papers) > 0 && !names[fields.Papers] || p.Code != "" && !names[fields.Code] {
			t.Errorf("record %d lacks a field: %v", i, names)
		}
	}
}

// diffFrequencies says how two term frequencies differ, "" when they hold
// the same terms, counts and locations.
func diffFrequencies(got, want bindex.TokenFrequencies) string {
	for k, w := range want {
		g, ok := got[k]
		switch {
		case !ok:
			return fmt.Sprintf("term %q missing", k)
		case string(g.Term) != string(w.Term) || g.Frequency() != w.Frequency() || len(g.Locations) != len(w.Locations):
			return fmt.Sprintf("term %q: %q ×%d (%d locations), bleve %q ×%d (%d)", k, g.Term, g.Frequency(), len(g.Locations), w.Term, w.Frequency(), len(w.Locations))
		}
		for i, l := range w.Locations {
			if !reflect.DeepEqual(*g.Locations[i], *l) {
				return fmt.Sprintf("term %q location %d: %+v, bleve %+v", k, i, *g.Locations[i], *l)
			}
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			return fmt.Sprintf("term %q not in bleve's", k)
		}
	}
	return ""
}
