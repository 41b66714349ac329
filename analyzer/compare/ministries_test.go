package compare

import (
	"context"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
)

func TestMinistries(t *testing.T) {
	m := DefaultMinistries()
	for _, tc := range []struct{ in, want string }{
		{"Bộ Kế hoạch và Đầu tư", "Bộ Tài chính"},
		{"BỘ KẾ HOẠCH VÀ ĐẦU TƯ", "Bộ Tài chính"},
		{"Bộ Lao động, Thương binh và Xã hội", "Bộ Nội vụ"},
		{"Bộ Tài nguyên và Môi trường", "Bộ Nông nghiệp và Môi trường"},
		{"Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Nông nghiệp và Môi trường"},
		{"Bộ Công an", "Bộ Công an"},
		{"Bộ tài chính", "Bộ Tài chính"},                // spelling, from the table of ministries
		{"Bộ NN và MT", "Bộ Nông nghiệp và Môi trường"}, // alias seen in records
		{"Bộ Giao thông vận tải", "Bộ Xây dựng"},        // merged
		{"Kiểm toán nhà nước", "Kiểm toán nhà nước"},    // unknown: as given
		{"", ""},
	} {
		if got := m.Current(tc.in); got != tc.want {
			t.Errorf("Current(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if m.Source == "" || !m.Unconfirmed {
		t.Error("the built-in renamings must cite their source and say they are unconfirmed")
	}
	for _, tc := range []struct{ name, file, want string }{
		{"schema", "schema: x/v1\nsource: s\n", "schema"},
		{"source", "schema: redtape.ministries/v1\n", "no source"},
		{"twice", "schema: redtape.ministries/v1\nsource: s\nrenamed:\n  - {to: A, from: [B]}\n  - {to: C, from: [b]}\n", "twice"},
		{"itself", "schema: redtape.ministries/v1\nsource: s\nrenamed:\n  - {to: A, from: [a]}\n", "itself"},
		{"unknown key", "schema: redtape.ministries/v1\nsource: s\nrenamd: []\n", "renamd"},
	} {
		if _, err := ParseMinistries([]byte(tc.file)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

// A baseline drawn up before the 2025 reorganisation is tallied under the
// ministries' current names.
func TestCompareRenamedMinistry(t *testing.T) {
	base := []*corpus.Procedure{
		{Code: "A", Name: "A", Ministry: "Bộ Kế hoạch và Đầu tư", Papers: []corpus.Paper{{Text: "Tờ khai"}, {Text: "Bản sao Điều lệ"}}},
		{Code: "B", Name: "B", Ministry: "Bộ Tài chính"},
	}
	cur := []*corpus.Procedure{
		{Code: "A", Name: "A", Ministry: "Bộ Tài chính", Papers: []corpus.Paper{{Text: "Tờ khai"}}},
		{Code: "B", Name: "B", Ministry: "Bộ Tài chính"},
	}
	res, err := Compare(context.Background(), base, cur, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Scenarios[0]
	if len(s.Ministries) != 1 || s.Ministries[0].Name != "Bộ Tài chính" || s.Ministries[0].Procedures.Baseline != 2 {
		t.Errorf("ministries %+v", s.Ministries)
	}
	// Without renamings the former name stays its own group.
	res, _ = Compare(context.Background(), base, cur, nil, Options{Ministries: &Ministries{}})
	if n := len(res.Scenarios[0].Ministries); n != 2 {
		t.Errorf("%d ministries without renamings, want 2", n)
	}
	if got := (&Ministries{}).Current("BỘ TÀI CHÍNH"); got != "Bộ Tài chính" {
		t.Errorf("Current(BỘ TÀI CHÍNH) without renamings = %q, want the table's spelling", got)
	}
	if got := (&Ministries{}).Current("Bộ Giao thông vận tải"); got != "Bộ Giao thông vận tải" {
		t.Errorf("Current(Bộ Giao thông vận tải) without renamings = %q, want it as given", got)
	}
}
