package records

import (
	"testing"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/internal/i18n"
)

func TestShowHelpers(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1.000"}, {4500000, "4.500.000"}, {-25000, "-25.000"}} {
		if got := showGroupDigits(tc.n); got != tc.want {
			t.Errorf("showGroupDigits(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
	en, err := loadTexts(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	vi, err := loadTexts(i18n.Vietnamese)
	if err != nil {
		t.Fatal(err)
	}
	one, two := 1, 2
	for _, tc := range []struct{ got, want string }{
		{en.duration(nil), "not stated"}, {vi.duration(nil), "chưa nêu"},
		{en.duration(&corpus.Duration{Text: "Theo quy định"}), `"Theo quy định" (not parsed)`},
		{vi.duration(&corpus.Duration{Text: "Theo quy định"}), `"Theo quy định" (chưa đọc được)`},
		{en.duration(&corpus.Duration{Text: "1 giờ", Value: 1, Unit: corpus.Hours}), "1 hour"},
		{en.duration(&corpus.Duration{Value: 1.5, Unit: corpus.WorkingDays}), "1.5 working days"},
		{vi.duration(&corpus.Duration{Value: 1.5, Unit: corpus.WorkingDays}), "1,5 ngày làm việc"},
		{en.duration(&corpus.Duration{Value: 2, Unit: "fortnights"}), "2 fortnights"},
		{en.paperCount(&one, "copies"), "1 copy"}, {en.paperCount(&two, "copies"), "2 copies"},
		{en.paperCount(nil, "originals"), "originals not stated"}, {vi.paperCount(&two, "originals"), "2 bản chính"},
		{vi.fees([]corpus.Fee{{Kind: "charge", Amount: new(int64)}, {Text: "theo quy định"}}), `lệ phí 0 đ, phí "theo quy định" (chưa đọc được số tiền)`},
		{en.fees([]corpus.Fee{{Kind: "charge", Amount: new(int64)}, {Kind: "tip", Text: "x"}}), `charge 0 đ, tip "x" (amount not parsed)`},
		{en.legal(corpus.LegalRef{Type: "Luật", Number: "1/2020/QH14", Issued: "2020-06-17"}), "Luật 1/2020/QH14, issued 2020-06-17"},
		{vi.legal(corpus.LegalRef{Type: "Luật", Number: "1/2020/QH14", Issued: "2020-06-17", Effective: "sớm"}), "Luật 1/2020/QH14, ban hành 17/06/2020, có hiệu lực sớm"},
		{vi.channel(corpus.Channel{Mode: corpus.ModeOnline}), "mọi cách thức (trực tuyến)"},
		{en.channel(corpus.Channel{Text: "Nộp qua cổng", Mode: corpus.ModeInPerson}), "Nộp qua cổng (in person)"},
		{en.channel(corpus.Channel{Text: "Trực tuyến", Mode: corpus.ModeOnline}), "Trực tuyến (online)"},
		{vi.channel(corpus.Channel{Text: "Trực tuyến", Mode: corpus.ModeOnline}), "Trực tuyến"},
		{vi.channel(corpus.Channel{Text: "Nộp tại bộ phận một cửa", Mode: corpus.ModeInPerson}), "Nộp tại bộ phận một cửa (trực tiếp)"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if en.labelWidth() != 13 || vi.labelWidth() != len([]rune("Thành phần hồ sơ:"))+1 {
		t.Errorf("label widths %d (en), %d (vi)", en.labelWidth(), vi.labelWidth())
	}
}
