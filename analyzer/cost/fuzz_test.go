package cost

import (
	"bytes"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
)

// sample is a procedure touching every component of the model.
func sample() *corpus.Procedure {
	one := 1
	fee := int64(150000)
	return &corpus.Procedure{
		Code: "X.1", Name: "Cấp phép",
		Channels: []corpus.Channel{
			{Mode: corpus.ModeInPerson, Time: &corpus.Duration{Text: "3 ngày", Value: 3, Unit: corpus.Days}, Fees: []corpus.Fee{{Text: "150.000 đồng", Amount: &fee}}},
			{Mode: corpus.ModeOnline},
		},
		Papers: []corpus.Paper{
			{Text: "Tờ khai", Forms: []string{"a.docx"}},
			{Text: "Bản sao có chứng thực giấy phép", Copies: &one, CertifiedCopy: true},
			{Text: "Phiếu lý lịch tư pháp", Case: "Trường hợp 1"},
			{Text: "Ảnh thẻ 4x6", Case: "Trường hợp 2", Optional: true},
		},
	}
}

// FuzzLoadParams feeds arbitrary parameter files: a file either fails with
// an error or gives a model whose figures are never negative.
func FuzzLoadParams(f *testing.F) {
	f.Add(defaultParams)
	f.Add([]byte("online_share: 0.3\n"))
	f.Add([]byte("{\"time_value\": {\"monthly_income\": 7600000}}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := LoadParams(bytes.NewReader(data), "fuzz.yaml")
		if err != nil {
			return
		}
		if p.HourlyValue().Sign() < 0 {
			t.Fatalf("negative hourly value %s", p.HourlyValue())
		}
		pc := New(p).Procedure(sample())
		if pc.Unit.Sign() < 0 || pc.Annual.Sign() < 0 || pc.AnnualAssumed.Cmp(pc.Annual) > 0 {
			t.Fatalf("unit %s annual %s assumed %s", pc.Unit, pc.Annual, pc.AnnualAssumed)
		}
	})
}

// FuzzParseAmount checks that what parses prints and reads back to the
// same value at full precision where the value is a whole number.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"0", "5400000", "0.25", "5/7", "-3", "1e3", "393.4e9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 40 || strings.ContainsAny(s, "eE") {
			return // big exponents make huge numbers; not what a parameter file holds
		}
		a, err := ParseAmount(s)
		if err != nil {
			return
		}
		r := a.Round(0)
		back, err := ParseAmount(r.Decimal(0))
		if err != nil || back.Cmp(r) != 0 {
			t.Fatalf("%q: %s read back as %v (%v)", s, r.Decimal(0), back, err)
		}
		if d := a.Sub(r); d.Cmp(Frac(1, 2)) > 0 || d.Cmp(Frac(-1, 2)) < 0 {
			t.Fatalf("%q rounds to %s, off by %s", s, r.Decimal(0), d.Decimal(4))
		}
	})
}
