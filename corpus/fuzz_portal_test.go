package corpus

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// addSeeds adds the files of testdata/fuzz/<target>/ at the repository root
// as string seeds.
func addSeeds(f *testing.F, target string, extra ...string) {
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "fuzz", target, "*"))
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range extra {
		f.Add(s)
	}
}

// checkPaperSpans fails when a paper's span does not locate its text in
// the NFC text of its field.
func checkPaperSpans(t *testing.T, papers []Paper, fields map[string]string) {
	t.Helper()
	for _, p := range papers {
		if p.Span == nil {
			t.Fatalf("paper without span: %q", p.Text)
		}
		field, ok := fields[p.Span.Field]
		if !ok {
			t.Fatalf("span into unknown field %q", p.Span.Field)
		}
		rs := []rune(norm.NFC.String(field))
		if p.Span.Start < 0 || p.Span.End > len(rs) || p.Span.Start >= p.Span.End {
			t.Fatalf("span %+v outside field of %d runes", p.Span, len(rs))
		}
		if got := string(rs[p.Span.Start:p.Span.End]); got != p.Text {
			t.Fatalf("span %+v locates %q, paper text %q", p.Span, got, p.Text)
		}
		if strings.TrimSpace(p.Text) != p.Text || p.Text == "" {
			t.Fatalf("paper text not trimmed: %q", p.Text)
		}
		if p.Originals != nil && *p.Originals < 0 || p.Copies != nil && *p.Copies < 0 {
			t.Fatalf("negative count in %+v", p)
		}
	}
}

func checkFees(t *testing.T, fees []Fee) {
	t.Helper()
	for _, f := range fees {
		if f.Amount != nil && *f.Amount < 0 {
			t.Fatalf("negative amount %d in %q", *f.Amount, f.Text)
		}
		if f.Text == "" {
			t.Fatalf("fee without text")
		}
		if f.Kind != "" && f.Kind != FeeKindFee && f.Kind != FeeKindCharge {
			t.Fatalf("unknown kind %q", f.Kind)
		}
	}
}

func FuzzPortalCrawl(f *testing.F) {
	addSeeds(f, "FuzzPortalCrawl",
		`{"ma_thu_tuc":"1.1","ten_thu_tuc":"A","thanh_phan_ho_so":"--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn1 bản chính"}`,
		`{"ma_thu_tuc":"1.1","thanh_phan_ho_so":"x","raw_text":"Thành phần hồ sơTên giấy tờMẫu đơn, tờ khaiSố lượngA.docx0 bản chính,1 bản saoCăn cứ pháp lý"}`)
	f.Fuzz(func(t *testing.T, data string) {
		// The fields as the reader sees them (encoding/json matches keys
		// without regard to case).
		var rec portalRecord
		_ = json.Unmarshal([]byte(data), &rec)
		strs := map[string]string{"thanh_phan_ho_so": rec.Dossier, "raw_text": rec.RawText}
		var n int
		sum, err := ReadData(context.Background(), "bo-tai-chinh/fuzz.json", []byte(data), Options{Format: "portal-crawl"}, func(p *Procedure) error {
			n++
			if p.Code == "" && p.Name == "" {
				t.Fatalf("record without code or name")
			}
			if utf8.ValidString(data) {
				checkPaperSpans(t, p.Papers, strs)
			}
			for _, c := range p.Channels {
				checkFees(t, c.Fees)
				if c.Time != nil && c.Time.Value < 0 {
					t.Fatalf("negative time %+v", c.Time)
				}
			}
			for _, r := range p.LegalBasis {
				if r.Text == "" && r.Number == "" {
					t.Fatalf("empty legal ref")
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("ReadData: %v", err)
		}
		if n+len(sum.Errors) != 1 {
			t.Fatalf("one file gave %d records and %d errors", n, len(sum.Errors))
		}
	})
}

func FuzzParseFees(f *testing.F) {
	addSeeds(f, "FuzzParseFees", "Miễn phí", "135 VNĐ(135.000 đồng/lần)", "Phí : 0 Đồng", "20 triệu đồng",
		"Phí : Không Đồng", "Không", "Miễn phí(Lệ phí cấp mới 200 USD/lần)")
	f.Fuzz(func(t *testing.T, s string) {
		fees := ParseFees(s)
		checkFees(t, fees)
		// A placeholder states nothing, except "Không" for a fee: none due.
		if _, none := noFee(strings.TrimSpace(s)); IsPlaceholder(s) && fees != nil && !none {
			t.Fatalf("placeholder %q gave fees %+v", s, fees)
		}
	})
}

func FuzzParseDuration(f *testing.F) {
	addSeeds(f, "FuzzParseDuration", "20 Ngày làm việc", "Khác", "0,5 giờ")
	f.Fuzz(func(t *testing.T, s string) {
		d := ParseDuration(s)
		if d == nil {
			if strings.TrimSpace(s) != "" && !IsPlaceholder(s) {
				t.Fatalf("nil duration for %q", s)
			}
			return
		}
		if d.Value < 0 || d.Unit == "" && d.Value != 0 {
			t.Fatalf("bad duration %+v", d)
		}
		if d.Hours() < 0 {
			t.Fatalf("negative hours %+v", d)
		}
	})
}

func FuzzParseLegalRefs(f *testing.F) {
	addSeeds(f, "FuzzParseLegalRefs", "Nghị định số 104/2022/NĐ-CP", "Luật 54/2014/QH1354/2014/QH13")
	f.Fuzz(func(t *testing.T, s string) {
		seen := map[string]bool{}
		for _, r := range ParseLegalRefs(s) {
			if r.Number == "" || !strings.Contains(r.Number, "/") {
				t.Fatalf("bad number %q from %q", r.Number, s)
			}
			if seen[r.Number] {
				t.Fatalf("number %q repeated", r.Number)
			}
			seen[r.Number] = true
			if utf8.ValidString(s) && !strings.Contains(s, r.Text) {
				t.Fatalf("ref text %q not in input", r.Text)
			}
		}
	})
}

func FuzzSplitPapers(f *testing.F) {
	addSeeds(f, "FuzzSplitPapers", "--"+DossierHeader+"Đơn đề nghịMẫu 01.docx1 bản chínhBản sao0 bản chính,1 bản sao")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		s = norm.NFC.String(s)
		papers := SplitDossier(s, "f")
		checkPaperSpans(t, papers, map[string]string{"f": s})
		last := -1
		for _, p := range papers {
			if p.Span.Start < last {
				t.Fatalf("papers overlap or go backwards: %+v", papers)
			}
			last = p.Span.End
		}
	})
}

func FuzzParseQuantity(f *testing.F) {
	addSeeds(f, "FuzzParseQuantity", "0 bản chính,1 bản sao", "Bản chính: 1\nBản sao: 0", "Bản chính 1 Bản sao 0", "Bản chính:")
	f.Fuzz(func(t *testing.T, s string) {
		o, c := ParseQuantity(s)
		for _, n := range []*int{o, c} {
			if n != nil && (*n < 0 || *n > 1000) {
				t.Fatalf("count %d from %q", *n, s)
			}
		}
		if (o != nil || c != nil) && !strings.ContainsAny(s, "0123456789") {
			t.Fatalf("counts without digits in %q", s)
		}
	})
}
