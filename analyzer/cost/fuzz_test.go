package cost

import (
	"bytes"
	"math"
	"math/big"
	"reflect"
	"strings"
	"sync"
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

// maxParamsInput bounds the files FuzzLoadParams reads: the largest
// section of the built-in file, paper_kinds, fits. A mutated copy of the
// whole 22 KB file took 4-6 ms a run; the whole file is read by
// TestDefaultParamsCiteSources and every test that costs.
const maxParamsInput = 10 << 10

// sections cuts a YAML file into its top-level keys, each with what it
// holds: the seeds of FuzzLoadParams, small files of real figures and
// sources that together cover the whole format.
func sections(data []byte) [][]byte {
	var out [][]byte
	start := -1
	for at := 0; at < len(data); {
		end := bytes.IndexByte(data[at:], '\n') + at + 1
		if end == at {
			end = len(data)
		}
		if c := data[at]; c >= 'a' && c <= 'z' {
			if start >= 0 {
				out = append(out, data[start:at])
			}
			start = at
		}
		at = end
	}
	if start >= 0 {
		out = append(out, data[start:])
	}
	return out
}

// FuzzLoadParams feeds arbitrary parameter files: a file either fails with
// an error or gives a model whose figures are never negative, and the
// parameters it was read over are left as they were. The defaults are
// parsed once for the whole run (parsing them takes 30 times longer than
// reading a small file over them); LoadParams is LoadParamsOver the
// defaults, which TestLoadParamsOver checks.
func FuzzLoadParams(f *testing.F) {
	secs := sections(defaultParams)
	if len(secs) < 10 {
		f.Fatalf("the built-in parameters cut into %d sections", len(secs))
	}
	for _, sec := range secs {
		if len(sec) > maxParamsInput {
			f.Fatalf("section %.20q... of the built-in parameters is over %d bytes", sec, maxParamsInput)
		}
		if _, err := LoadParams(bytes.NewReader(sec), "section.yaml"); err != nil {
			f.Fatalf("section %.20q... of the built-in parameters: %v", sec, err)
		}
		f.Add(sec)
	}
	f.Add([]byte("online_share: 0.3\n"))
	f.Add([]byte("{\"time_value\": {\"monthly_income\": 7600000}}"))
	var (
		once           sync.Once
		base, pristine *Params
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxParamsInput {
			return
		}
		once.Do(func() { base, pristine = Default(), Default() })
		p, err := LoadParamsOver(bytes.NewReader(data), "fuzz.yaml", base)
		if !reflect.DeepEqual(base, pristine) {
			t.Fatal("reading a file changed the parameters it was read over")
		}
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
	for _, s := range []string{"0", "5400000", "0.25", "5/7", "-3", "1e3", "393.4e9", "4p7040000", "1e1000000", "1e59", "-9e-60"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseAmount(s) // bounded: no input makes a number of more than ~120 digits
		if err != nil {
			return
		}
		r := a.Round(0)
		if len(strings.TrimPrefix(r.Decimal(0), "-")) > MaxWholeDigits {
			return // 60 nines and a half round up past the limit
		}
		back, err := ParseAmount(r.Decimal(0))
		if err != nil || back.Cmp(r) != 0 {
			t.Fatalf("%q: %s read back as %v (%v)", s, r.Decimal(0), back, err)
		}
		if d := a.Sub(r); d.Cmp(Frac(1, 2)) > 0 || d.Cmp(Frac(-1, 2)) < 0 {
			t.Fatalf("%q rounds to %s, off by %s", s, r.Decimal(0), d.Decimal(4))
		}
	})
}

// FuzzAmountArithmetic checks the int64 fast paths of Amount against
// math/big on the same operands, overflow included.
func FuzzAmountArithmetic(f *testing.F) {
	f.Add(int64(5400000), int64(176), int64(15), int64(28))
	f.Add(int64(math.MaxInt64), int64(1), int64(math.MaxInt64), int64(3))
	f.Add(int64(math.MinInt64), int64(7), int64(-1), int64(math.MaxInt64))
	f.Add(int64(0), int64(5), int64(-3), int64(-9))
	f.Fuzz(func(t *testing.T, an, ad, bn, bd int64) {
		if ad == 0 || bd == 0 {
			return
		}
		a, b := Frac(an, ad), Frac(bn, bd)
		ra, rb := new(big.Rat).SetFrac64(an, ad), new(big.Rat).SetFrac64(bn, bd)
		check := func(op string, got Amount, want *big.Rat) {
			if got.Rat().Cmp(want) != 0 {
				t.Fatalf("%s/%d %s %d/%d = %s, want %s", big.NewInt(an), ad, op, bn, bd, got.Rat().RatString(), want.RatString())
			}
		}
		check("+", a.Add(b), new(big.Rat).Add(ra, rb))
		check("-", a.Sub(b), new(big.Rat).Sub(ra, rb))
		check("×", a.Mul(b), new(big.Rat).Mul(ra, rb))
		if rb.Sign() != 0 {
			check("÷", a.Div(b), new(big.Rat).Quo(ra, rb))
		}
		if back, err := ParseAmount(a.Exact()); err != nil || back.Cmp(a) != 0 {
			t.Fatalf("Exact %q reads back as %v (%v)", a.Exact(), back.Rat(), err)
		}
		if got, want := a.Cmp(b), ra.Cmp(rb); got != want {
			t.Fatalf("Cmp = %d, want %d", got, want)
		}
		if a.Sign() != ra.Sign() {
			t.Fatalf("Sign = %d, want %d", a.Sign(), ra.Sign())
		}
		// A chain that leaves int64 and comes back.
		if rb.Sign() == 0 {
			return
		}
		check("× ÷", a.Mul(b).Mul(b).Div(b), new(big.Rat).Quo(new(big.Rat).Mul(new(big.Rat).Mul(ra, rb), rb), rb))
	})
}

// FuzzFeeLimit reads fee texts as published: a limit is only found where
// the text names one, and a limit never takes a channel's fee outside the
// range of the amounts stated.
func FuzzFeeLimit(f *testing.F) {
	f.Add("Phí: 2.500 đồng/trang, tối đa 200.000 đồng", int64(200000), int64(2500))
	f.Add("145 USD(Thẻ tạm trú có thời hạn không quá 02 năm: 145 USD/thẻ.)", int64(145), int64(100))
	f.Add("tối thiểu 9223372036854775807 tỷ", int64(math.MaxInt64), int64(0))
	f.Fuzz(func(t *testing.T, text string, amount, other int64) {
		if amount < 0 || other < 0 {
			return
		}
		fee := corpus.Fee{Text: text, Amount: &amount, Kind: "fee"}
		l := limitOf(fee)
		if l != tariff {
			words := " " + strings.Join(feeWords(text), " ") + " "
			named := false
			for _, lw := range limitWords {
				named = named || strings.Contains(words, " "+lw.words+" ")
			}
			if !named {
				t.Fatalf("%q read as limit %d without naming one", text, l)
			}
		}
		got := channelFee([]corpus.Fee{{Text: "Phí", Amount: &other, Kind: "fee"}, fee}).fee
		lo, hi := Int(min(amount, other)), Int(max(amount, other))
		if got.Cmp(lo) < 0 || got.Cmp(hi) > 0 {
			t.Fatalf("%q (%d) beside %d: fee %s outside [%s, %s]", text, amount, other, got.Exact(), lo.Exact(), hi.Exact())
		}
	})
}

// FuzzReadVolumes: a volumes file is read or refused with an error naming
// the file; what is read is within range and cites its source.
func FuzzReadVolumes(f *testing.F) {
	f.Add([]byte("\ufeffcode,dossiers_per_year,period,source\r\n1.001,12000,2024,portal\r\n"))
	f.Add([]byte("code;volume;period;source\n1;1e1000000;2024;x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := ReadVolumes(bytes.NewReader(data), "f.csv")
		if err != nil {
			if !strings.Contains(err.Error(), "volumes f.csv") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		for _, c := range v.Codes() {
			vol, _ := v.Lookup(c)
			if vol.PerYear < 0 || vol.PerYear > MaxVolume || vol.Source == "" || vol.Period == "" || vol.Line < 2 {
				t.Fatalf("%+v", vol)
			}
		}
	})
}

// FuzzReadSheets: a cost-sheet file is read or refused with an error
// naming the file; what is read has fees within cost.
func FuzzReadSheets(f *testing.F) {
	f.Add([]byte("code,cost_before,cost_after,fees_before,source\n1.001,500000,300000,100000,x\n"))
	f.Add([]byte("code,cost_before,source\n1,4p7040000,x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ReadSheets(bytes.NewReader(data), "f.csv")
		if err != nil {
			if !strings.Contains(err.Error(), "cost sheets f.csv") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		for _, c := range s.Codes() {
			sh := s.Lookup(c)
			if sh.Before.Cost.Sign() < 0 || (sh.Before.Fees != nil && sh.Before.Fees.Cmp(sh.Before.Cost) > 0) || sh.Source == "" {
				t.Fatalf("%+v", sh)
			}
		}
	})
}
