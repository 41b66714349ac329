package fields

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	bindex "github.com/blevesearch/bleve_index_api"
	"golang.org/x/text/unicode/norm"
)

func TestAnalyzers(t *testing.T) {
	tests := []struct {
		in           string
		folded, exac []string
	}{
		{"Giấy khai sinh", []string{"giay", "khai", "sinh"}, []string{"giấy", "khai", "sinh"}},
		{"ĐƯỜNG bộ", []string{"duong", "bo"}, []string{"đường", "bộ"}},
		{norm.NFD.String("Đăng ký thường trú"), []string{"dang", "ki", "thuong", "tru"}, []string{"đăng", "ký", "thường", "trú"}},
		{"Nghị định 104/2022/NĐ-CP", []string{"nghi", "dinh", "104", "2022", "nd", "cp"}, []string{"nghị", "định", "104", "2022", "nđ", "cp"}},
		{"Mã 1.000178, ảnh 4x6", []string{"ma", "1.000178", "anh", "4x6"}, []string{"mã", "1.000178", "ảnh", "4x6"}},
		{"", []string{}, []string{}},
	}
	for _, tt := range tests {
		if got := Folded().Terms(tt.in); !reflect.DeepEqual(got, tt.folded) {
			t.Errorf("Folded(%q) = %q, want %q", tt.in, got, tt.folded)
		}
		if got := Exact().Terms(tt.in); !reflect.DeepEqual(got, tt.exac) {
			t.Errorf("Exact(%q) = %q, want %q", tt.in, got, tt.exac)
		}
	}
}

func TestBigrams(t *testing.T) {
	in := Join([]string{"Giấy khai sinh", "Sổ", "hộ khẩu, bản sao"})
	var got []string
	for _, tok := range Bigrams().Analyze([]byte(in)) {
		got = append(got, fmt.Sprintf("%s@%d %s", tok.Term, tok.Position, in[tok.Start:tok.End]))
	}
	// No pair spans a separator, and the position jumps across one
	// (twice here: "Sổ" pairs with nothing).
	want := []string{
		"giay khai@1 Giấy khai", "khai sinh@2 khai sinh",
		fmt.Sprintf("ho khau@%d hộ khẩu", 3+2*PositionGap), fmt.Sprintf("khau ban@%d khẩu, bản", 4+2*PositionGap),
		fmt.Sprintf("ban sao@%d bản sao", 5+2*PositionGap),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Bigrams = %q, want %q", got, want)
	}
	// A run of combining marks alone is no word; a separator before it
	// or ending it still parts the words around it.
	for _, in := range []string{Join([]string{"a \u0301", "b"}), Join([]string{"a", "\u0301 b"})} {
		toks := Folded().Analyze([]byte(in))
		if len(toks) != 2 || toks[1].Position != 2+PositionGap {
			t.Errorf("Folded(%q): %d tokens, b at position %d, want 2 and %d", in, len(toks), toks[len(toks)-1].Position, 2+PositionGap)
		}
		if got := Bigrams().Terms(in); len(got) != 0 {
			t.Errorf("Bigrams(%q) = %q, want none across the separator", in, got)
		}
	}
	for _, in := range []string{"", "một", Join([]string{"a", "b"})} {
		if got := Bigrams().Terms(in); len(got) != 0 {
			t.Errorf("Bigrams(%q) = %q, want none", in, got)
		}
	}
}

func TestSeparatorGap(t *testing.T) {
	toks := Folded().Analyze([]byte(Join([]string{"giấy tờ", "khai sinh"})))
	if len(toks) != 4 {
		t.Fatalf("got %d tokens", len(toks))
	}
	want := []int{1, 2, 3 + PositionGap, 4 + PositionGap}
	for i, tok := range toks {
		if tok.Position != want[i] {
			t.Errorf("token %q at position %d, want %d", tok.Term, tok.Position, want[i])
		}
	}
	if got := Split(Join([]string{"a", "b"})); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("Split(Join) = %q", got)
	}
}

func TestOffsetsPointIntoOriginal(t *testing.T) {
	in := "Bản sao Giấy chứng nhận đăng ký doanh nghiệp"
	for _, tok := range Folded().Analyze([]byte(in)) {
		word := in[tok.Start:tok.End]
		if FoldTerm(word) != string(tok.Term) {
			t.Errorf("token %q at %d:%d covers %q", tok.Term, tok.Start, tok.End, word)
		}
	}
}

func TestNormalizeNumber(t *testing.T) {
	tests := map[string]string{
		"104/2022/NĐ-CP":        "104/2022/ND-CP",
		"104/2022/nd-cp":        "104/2022/ND-CP",
		"104 / 2022 / NĐ – CP":  "104/2022/ND-CP",
		"02/2011/QH13":          "2/2011/QH13",
		"0/2011/QH13":           "0/2011/QH13",
		"1034/QĐ-TTg":           "1034/QD-TTG",
		norm.NFD.String("Đ/ĐĐ"): "D/DD",
	}
	for in, want := range tests {
		if got := NormalizeNumber(in); got != want {
			t.Errorf("NormalizeNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExtractNumbers(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Nghị định 05/2012/NĐ-CP05/2012/NĐ-CP", []string{"5/2012/ND-CP"}},
		{"Luật Khiếu nại  năm 201102/2011/QH13Quy định", []string{"2/2011/QH13"}},
		{"Thông tư số 68/2013/TT-BCA ngày 26/12/2013 của Bộ Công an", []string{"68/2013/TT-BCA"}},
		{"theo Quyết định 1034/QĐ-TTg và Nghị định số 123/2015/NĐ-CP.", []string{"1034/QD-TTG", "123/2015/ND-CP"}},
		{"ngày 26/12/2013", nil},
		{"công an nhân dân68/2013/TT-BCALuật Khiếu nại", []string{"68/2013/TT-BCA"}},
		{"Quyết định 1034/QĐ-TTg; Nghị quyết 01/2021/UBTVQH15", []string{"1034/QD-TTG", "1/2021/UBTVQH15"}},
		{"Thông tư 80/2021/TT-BTC82/2025/TT-BTC", []string{"80/2021/TT-BTC", "82/2025/TT-BTC"}},
		{"không có", nil},
	}
	for _, tt := range tests {
		if got := ExtractNumbers(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ExtractNumbers(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFindNumbers(t *testing.T) {
	tests := []struct {
		in   string
		want []string // the numbers as written, then normalised: "written=normalised"
	}{
		{"dịch vụ công104/2022/NĐ-CP", []string{"104/2022/NĐ-CP=104/2022/ND-CP"}},
		{"năm 201102/2011/QH13Quy định", []string{"02/2011/QH13=2/2011/QH13"}},
		{"nhân dân68/2013/TT-BCALuật", []string{"68/2013/TT-BCA=68/2013/TT-BCA"}},
		{"Nghị định số 104/2022/NĐ- CP ngày 21/12/2022", []string{"104/2022/NĐ- CP=104/2022/ND-CP"}},
		{"05/2012/NĐ-CP05/2012/NĐ-CP", []string{"05/2012/NĐ-CP=5/2012/ND-CP", "05/2012/NĐ-CP=5/2012/ND-CP"}},
		{"ngày 26/12/2013", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range FindNumbers(tt.in) {
			got = append(got, tt.in[m.Start:m.End]+"="+m.Number)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("FindNumbers(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLooksLikeNumber(t *testing.T) {
	for in, want := range map[string]bool{"104/2022/NĐ-CP": true, "104/2022": true, "Luật Đất đai": false, "": false, "2022": false} {
		if got := LooksLikeNumber(in); got != want {
			t.Errorf("LooksLikeNumber(%q) = %v", in, got)
		}
	}
	if !strings.Contains(NormalizeNumber("a-b"), "-") {
		t.Error("dash lost")
	}
}

func TestCanonicalLevel(t *testing.T) {
	tests := map[string]string{
		"Cấp xã":                          "Cấp xã",
		"Cấp Xã":                          "Cấp xã",
		"CẤP  TỈNH ":                      "Cấp tỉnh",
		norm.NFD.String("cấp Bộ"):         "Cấp bộ",
		"":                                "",
		"Cấp huyện\u00a0(cũ)":             "Cấp huyện (cũ)",
		norm.NFD.String("Cấp Trung ương"): "Cấp trung ương",
	}
	for in, want := range tests {
		if got := CanonicalLevel(in); got != want {
			t.Errorf("CanonicalLevel(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFlagTerm(t *testing.T) {
	tests := map[string]string{
		"id-card": "id-card",
		"Cơ sở dữ liệu quốc gia về dân cư":                   "co so du lieu quoc gia ve dan cu",
		norm.NFD.String("CƠ SỞ  dữ liệu quốc gia về dân cư"): "co so du lieu quoc gia ve dan cu",
		"National Population Database":                       "national population database",
	}
	for in, want := range tests {
		if got := FlagTerm(in); got != want {
			t.Errorf("FlagTerm(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCutAsAnalyzers checks that the views of a Cut of parts of a text
// between separators give the tokens the analyzers give for each part
// analysed alone (the analyzers are the views of a whole cut, so this
// holds the moving of offsets and positions to a part), and that
// Frequencies counts them as bleve does.
func TestCutAsAnalyzers(t *testing.T) {
	values := []string{
		"Giấy khai sinh bản sao", "Sổ hộ khẩu", "-\u2029Đơn đề nghị", "  ", "1.000.000 đồng, 4.500 ký",
		norm.NFD.String("Chứng minh nhân dân"), "ĐƯỜNG bộ đường BỘ đường", strings.Repeat("đ", 100) + "x tờ khai",
		"\u0301 quý kỳ", "a", "NĐ-CP 05/2012/NĐ-CP", "b \u0301",
	}
	tokens := func(ts []analysis.Token) []string {
		var out []string
		for _, t := range ts {
			out = append(out, fmt.Sprintf("%s@%d:%d-%d/%d", t.Term, t.Position, t.Start, t.End, t.Type))
		}
		return out
	}
	stream := func(ts analysis.TokenStream) []string {
		var out []string
		for _, t := range ts {
			out = append(out, fmt.Sprintf("%s@%d:%d-%d/%d", t.Term, t.Position, t.Start, t.End, t.Type))
		}
		return out
	}
	for start := 0; start < len(values); start++ {
		for end := start + 1; end <= len(values); end++ {
			in := Join(values)
			from := len(Join(values[:start]))
			if start > 0 {
				from += len(Separator)
			}
			to := len(Join(values[:end]))
			part := []byte(in[from:to])
			c := NewCut([]byte(in))
			if got, want := tokens(c.Folded(from, to)), stream(Folded().Analyze(part)); !reflect.DeepEqual(got, want) {
				t.Errorf("values %d:%d folded %q, want %q", start, end, got, want)
			}
			if got, want := tokens(c.Marked(from, to)), stream(Marked().Analyze(part)); !reflect.DeepEqual(got, want) {
				t.Errorf("values %d:%d marked %q, want %q", start, end, got, want)
			}
			if got, want := tokens(c.Exact(from, to)), stream(Exact().Analyze(part)); !reflect.DeepEqual(got, want) {
				t.Errorf("values %d:%d exact %q, want %q", start, end, got, want)
			}
			whole := NewCut(part)
			for _, vectors := range []bool{false, true} {
				opts := bindex.IndexField
				if vectors {
					opts |= bindex.IncludeTermVectors
				}
				pos := []uint64{3}
				got := (&Counter{}).Frequencies(whole.Bigrams(), pos, vectors)
				want := analysis.TokenFrequency(Bigrams().Analyze(part), pos, opts)
				if !sameFrequencies(got, want) {
					t.Errorf("values %d:%d vectors %v: frequencies differ from bleve's", start, end, vectors)
				}
			}
		}
	}
}

// sameFrequencies reports whether two term frequencies hold the same
// terms, counts and locations.
func sameFrequencies(a, b bindex.TokenFrequencies) bool {
	if len(a) != len(b) {
		return false
	}
	for k, x := range a {
		y, ok := b[k]
		if !ok || string(x.Term) != string(y.Term) || x.Frequency() != y.Frequency() || len(x.Locations) != len(y.Locations) {
			return false
		}
		for i, l := range x.Locations {
			if !reflect.DeepEqual(*l, *y.Locations[i]) {
				return false
			}
		}
	}
	return true
}

func TestMarked(t *testing.T) {
	got := Marked().Analyze([]byte("Giấy khai sinh ĐƯỜNG bộ 1.000178 dương"))
	var terms []string
	for _, tok := range got {
		terms = append(terms, string(tok.Term))
	}
	if want := []string{"giấy", "đường", "bộ", "dương"}; !reflect.DeepEqual(terms, want) {
		t.Errorf("Marked terms %q, want %q", terms, want)
	}
	if got[1].Position != 4 {
		t.Errorf("đường at position %d, want 4", got[1].Position)
	}
}

func TestMaxWordBytes(t *testing.T) {
	long := strings.Repeat("đ", 100) + "x" // 201 bytes
	in := []byte("giấy " + long + " tờ")
	for _, a := range []*Analyzer{Folded(), Exact(), Marked()} {
		toks := a.Analyze(in)
		var got *analysis.Token
		for _, tok := range toks {
			if tok.Start == len("giấy ") {
				got = tok
			}
		}
		if got == nil {
			t.Fatalf("no token for the long word in %v", toks)
		}
		if len(got.Term) > MaxWordBytes || got.End != len("giấy ")+len(long) || !utf8.Valid(got.Term) {
			t.Errorf("term %d bytes (max %d), end %d, valid %v", len(got.Term), MaxWordBytes, got.End, utf8.Valid(got.Term))
		}
	}
}
