package flags

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/demo"
	"golang.org/x/text/unicode/norm"
)

func testMatcher(t testing.TB) *Matcher {
	t.Helper()
	c, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	return NewMatcher(c)
}

// TestPaper covers the shapes real dossier lists take. Texts are written
// for the test, in the wording of real procedures.
func TestPaper(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		text        string
		entry       string // "" for not flagged
		notRequired bool
	}{
		{"Bản sao có chứng thực Giấy khai sinh", "birth-certificate", false},
		{"01 bản chính hoặc bản sao Sổ hộ khẩu", "residence-book", false},
		{"giay khai sinh (ban sao)", "birth-certificate", false},
		{"Giấy chứng nhận ĐKKD", "business-registration", false},
		{"GCNĐKDN", "business-registration", false},
		{"Bản sao CMND hoặc CCCD hoặc hộ chiếu còn hiệu lực", "id-card", false},
		{"Bản sao CMND hoặc giấy tờ tương đương", "", false},
		{"Bản sao Giấy chứng tử hoặc Giấy báo tử", "", false},
		{"Bản sao văn bằng, chứng chỉ", "", false},
		{"Giấy khám sức khỏe (nếu có)", "health-certificate", false},
		{"Tờ khai đăng ký khai sinh theo mẫu", "", false},
		{"Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp, Mẫu số 01/2025/LLTP", "", false},
		{"Văn bản đề nghị, ghi rõ họ tên, số CMND của người đứng đầu", "", true},
		{"Bản sao giấy khai sinh (không phải nộp nếu cơ quan khai thác được thông tin)", "", true},
		{"Phiếu lý lịch tư pháp do cơ quan có thẩm quyền của nước ngoài cấp", "", false},
		{"Giấy phép lái xe quân sự do Bộ Quốc phòng cấp", "", false},
		{"Danh sách nhân sự, bản thông tin cá nhân, Phiếu lý lịch tư pháp của giám đốc", "criminal-record", false},
		{"Đơn đề nghị; bản sao giấy chứng nhận đăng ký doanh nghiệp", "business-registration", false},
		{"Đơn đề nghị kèm theo bản sao thẻ căn cước công dân", "id-card", false},
		{"Số BHXH", "", false},
		{"Sổ BHXH", "social-insurance-book", false},
		{"Đơn đề nghịBản sao Giấy khai sinh", "birth-certificate", false},
		{"Một trong các giấy tờ sau: Thẻ Căn cước công dân, Chứng minh nhân dân, Giấy xác nhận thông tin về cư trú", "id-card", false},
		{"Giấy chứng nhận đăng ký kinh doanh (hoặc Giấy chứng nhận đầu tư)", "", false},
		{"Bản sao giấy tờ tùy thân, trừ căn cước công dân", "", false},
		// Names that fold alike are told apart by their tones where the
		// text has them; text without diacritics still matches.
		{"Giấy chứng từ", "", false},
		{"Giấy chứng tử", "death-extract", false},
		{"giay chung tu", "death-extract", false},
		{"Giấy khám sức khoẻ", "health-certificate", false},
		{"SỔ BHXH", "social-insurance-book", false},
		{"Bằng thạc sỹ", "diploma", false},
		{"Bản sao hộ chiếu của người nước ngoài", "", false},
		{"Trường hợp người dự thi nộp bằng thạc sỹ thì nộp kèm bảng điểm", "", true},
		{"Đối với người không có quốc tịch Việt Nam: bản sao hộ chiếu", "", false},
		{"Bản sao bằng tốt nghiệp đại học, trừ trường hợp có bằng tốt nghiệp chuyên ngành giá hoặc thẩm định giá", "diploma", false},
		{"Giấy tờ chứng minh, gồm: các loại giấy tờ sau: lý lịch cán bộ; sổ bảo hiểm xã hội", "", false},
		{norm.NFD.String("Bản sao có chứng thực Giấy khai sinh"), "birth-certificate", false},
		{norm.NFD.String("Số BHXH của người lao động"), "", false},
		{"Bản sao giấy CMND và sổ hộ khẩu", "id-card", false},
		{"CMND/CCCD", "id-card", false},
		{"Sổ hộ khẩu (bản photo)", "residence-book", false},
		{"Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất", "land-certificate", false},
		{"Bản sao trích lục khai tử của người chết", "death-extract", false},
		{"Giấy xác nhận tình trạng hôn nhân do cơ quan đại diện Việt Nam ở nước ngoài cấp", "", false},
	}
	for _, tt := range tests {
		r := m.Paper(corpus.Paper{Text: tt.text})
		got := ""
		if r.Flagged {
			got = r.Entry
		}
		if got != tt.entry {
			t.Errorf("Paper(%q): flagged entry %q, want %q (%s)", tt.text, got, tt.entry, r.Reason)
		}
		if tt.notRequired && !r.NotRequired {
			t.Errorf("Paper(%q): NotRequired false, want true (%s)", tt.text, r.Reason)
		}
		if r.Flagged && (r.Database == "" || len(r.Basis) == 0 || r.Coverage == "") {
			t.Errorf("Paper(%q): flagged without database, basis or coverage: %+v", tt.text, r)
		}
	}
}

func TestPaperAlternatives(t *testing.T) {
	m := testMatcher(t)
	r := m.Paper(corpus.Paper{Text: "Bản sao CMND hoặc hộ chiếu hoặc giấy tờ có giá trị đi lại quốc tế"})
	if r.Flagged {
		t.Fatalf("flagged although one alternative is not covered: %s", r.Reason)
	}
	want := []bool{true, true, false}
	if len(r.Alternatives) != len(want) {
		t.Fatalf("alternatives %+v, want %d", r.Alternatives, len(want))
	}
	for i, al := range r.Alternatives {
		if al.Covered != want[i] {
			t.Errorf("alternative %d %q covered %v, want %v", i, al.Text, al.Covered, want[i])
		}
	}
}

func TestProcedureIssuesItsOwnPaper(t *testing.T) {
	m := testMatcher(t)
	p := &corpus.Procedure{Code: "X.1", Name: "Cấp đổi giấy phép lái xe", Papers: []corpus.Paper{
		{Text: "Bản sao giấy phép lái xe"}, {Text: "Giấy khám sức khỏe của người lái xe"},
	}}
	r := m.Procedure(p)
	if r.Papers[0].Flagged || !r.Papers[1].Flagged || r.Flagged != 1 {
		t.Errorf("got %v/%v (%d flagged), want the licence kept and the health certificate flagged", r.Papers[0].Flagged, r.Papers[1].Flagged, r.Flagged)
	}
	foreign := m.Procedure(&corpus.Procedure{Name: "Cấp thẻ tạm trú cho người nước ngoài", Papers: []corpus.Paper{{Text: "Bản sao hộ chiếu"}}})
	if foreign.Papers[0].Flagged {
		t.Errorf("passport of a foreigner flagged: %s", foreign.Papers[0].Reason)
	}
}

func TestMentions(t *testing.T) {
	m := testMatcher(t)
	text := "Hồ sơ gồm: a) Tờ khai theo mẫu; b) Bản sao Giấy khai sinh; c) Người đề nghị nộp bản sao sổ hộ khẩu. Không phải nộp bản sao CCCD. Tờ khai ghi số CMND."
	got := m.Mentions(text)
	want := []string{"birth-certificate", "residence-book"}
	if len(got) != len(want) {
		t.Fatalf("Mentions = %+v, want %v", got, want)
	}
	for i, mm := range got {
		if mm.Entry != want[i] || text[mm.Start:mm.End] != mm.Text || !mm.AllCovered {
			t.Errorf("mention %d = %+v, want entry %s with its offsets", i, mm, want[i])
		}
	}
}

// TestMentionsStatements keeps statements, headings and form fields about a
// paper apart from requirements for it.
func TestMentionsStatements(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		text string
		want int
	}{
		{"b) Bản sao Giấy khai sinh;", 1},
		{"người đến liên hệ phải xuất trình Giấy chứng minh nhân dân.", 1},
		{"e) Sơ yếu lý lịch và phiếu lý lịch tư pháp của người đứng đầu", 1},
		{"a) Chứng minh nhân dân hết thời hạn sử dụng;", 0},
		{"CMND có giá trị sử dụng 15 năm.", 0},
		{"Điều 3. Chứng minh nhân dân", 0},
		{"# Hộ chiếu", 0},
		{"15. Hộ chiếu phổ thông cấp lần gần nhất (nếu có): Số ……………", 0},
		{"Văn bằng cấp cho người học:", 0},
		{"tags: giay-phep-lai-xe", 0},
		{"Cơ quan đăng ký kinh doanh cấp tỉnh cập nhật thông tin.", 0},
		{"2. Đăng ký kinh doanh và có giấy phép kinh doanh", 0},
		{"nếu là cá nhân nước ngoài phải có hộ chiếu", 0},
		{"Lý lịch cán bộ, hoặc lý lịch quân nhân, hoặc sổ bảo hiểm xã hội;", 0},
	}
	for _, tt := range tests {
		n := 0
		for _, mm := range m.Mentions(tt.text) {
			if mm.AllCovered {
				n++
			}
		}
		if n != tt.want {
			t.Errorf("Mentions(%q): %d covered requirements, want %d", tt.text, n, tt.want)
		}
	}
}

func TestInForce(t *testing.T) {
	c, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	day, _ := catalog.ParseDate("2025-01-01")
	m := NewMatcher(c.InForce(day))
	if r := m.Paper(corpus.Paper{Text: "Phiếu lý lịch tư pháp"}); r.Flagged {
		t.Errorf("criminal record flagged before Resolution 66.7 applies: %s", r.Reason)
	}
	if r := m.Paper(corpus.Paper{Text: "Sổ hộ khẩu"}); !r.Flagged {
		t.Errorf("residence book not flagged in 2025 (Decree 104/2022): %s", r.Reason)
	}
}

func TestSummarize(t *testing.T) {
	m := testMatcher(t)
	rs := []ProcedureResult{
		m.Procedure(&corpus.Procedure{Code: "A", Ministry: "M1", Sector: "S", Papers: []corpus.Paper{{Text: "Sổ hộ khẩu"}, {Text: "Tờ khai"}}}),
		m.Procedure(&corpus.Procedure{Code: "B", Ministry: "M2", Sector: "S", Papers: []corpus.Paper{{Text: "Đơn"}}}),
	}
	s := Summarize(rs)
	if s.Procedures != 2 || s.Affected != 1 || s.Papers != 3 || s.PapersFlagged != 1 {
		t.Errorf("totals %+v", s)
	}
	if len(s.ByMinistry) != 2 || s.ByMinistry[0].Key != "M1" || s.ByMinistry[0].PapersFlagged != 1 {
		t.Errorf("by ministry %+v", s.ByMinistry)
	}
	if len(s.ByDatabase) != 1 || s.ByDatabase[0].Affected != 1 {
		t.Errorf("by database %+v", s.ByDatabase)
	}
	// The flagged paper and its database group carry the Vietnamese names
	// next to the English ones.
	p := rs[0].Papers[0]
	if p.DatabaseVi != "Cơ sở dữ liệu quốc gia về dân cư và Cơ sở dữ liệu về cư trú" || p.OwnerVi != "Bộ Công an" || p.Owner != "Ministry of Public Security" {
		t.Errorf("paper names: %q (%q), %q", p.DatabaseVi, p.OwnerVi, p.Owner)
	}
	if g := s.ByDatabase[0]; g.Key != p.Database || g.KeyVi != p.DatabaseVi || s.ByMinistry[0].KeyVi != "" {
		t.Errorf("database group %+v", g)
	}
}

func FuzzMatch(f *testing.F) {
	for _, s := range []string{"Bản sao có chứng thực Giấy khai sinh", "CMND hoặc (hoặc CCCD", "số CMND, CCCD/hộ chiếu;", "đề nghịBản sao", "\xff\xfe(((", ""} {
		f.Add(s)
	}
	// Seed inputs kept at the repository root, one file each.
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "fuzz", "FuzzMatch", "*"))
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(string(b))
		}
	}
	m := testMatcher(f)
	f.Fuzz(func(t *testing.T, text string) {
		r := m.Paper(corpus.Paper{Text: text})
		if r.Flagged && (r.Entry == "" || m.Catalog().Entry(r.Entry) == nil || r.NotRequired) {
			t.Fatalf("flagged without a catalog entry or though not required: %q -> %+v", text, r)
		}
		for _, al := range r.Alternatives {
			if r.Flagged && !al.Covered {
				t.Fatalf("flagged with an uncovered alternative %+v: %q", al, text)
			}
		}
		p := m.Procedure(&corpus.Procedure{Name: text, Papers: []corpus.Paper{{Text: text}, {Text: ""}}})
		if len(p.Papers) != 2 || p.Papers[1].Flagged {
			t.Fatalf("Procedure on %q: %+v", text, p)
		}
		for _, mm := range m.Mentions(text) {
			if mm.Start < 0 || mm.End > len(text) || mm.Start >= mm.End || text[mm.Start:mm.End] != mm.Text {
				t.Fatalf("bad offsets %+v in %q", mm, text)
			}
		}
	})
}

// BenchmarkProcedures flags the demo corpus replicated to 100,000
// procedures; the target is under 10 s per run.
func BenchmarkProcedures(b *testing.B) {
	m := testMatcher(b)
	procs, err := demo.Load(context.Background())
	if err != nil || len(procs) == 0 {
		b.Fatalf("demo corpus: %v", err)
	}
	// Add real-looking papers so each procedure carries a typical dossier.
	base := *procs[0]
	base.Papers = append(append([]corpus.Paper{}, base.Papers...),
		corpus.Paper{Text: "Bản sao có chứng thực chứng minh nhân dân hoặc căn cước công dân hoặc hộ chiếu"},
		corpus.Paper{Text: "Văn bản đề nghị, trong đó ghi rõ tên, địa chỉ, số định danh cá nhân của người đại diện theo pháp luật"},
		corpus.Paper{Text: "Danh sách nhân sự, bản thông tin cá nhân, Phiếu lý lịch tư pháp được cấp không quá 06 tháng"})
	const n = 100000
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		flagged := 0
		for j := 0; j < n; j++ {
			flagged += m.Procedure(&base).Flagged
		}
		if flagged == 0 {
			b.Fatal("nothing flagged")
		}
	}
}

func ExampleMatcher_Paper() {
	c, _ := catalog.Default()
	m := NewMatcher(c)
	r := m.Paper(corpus.Paper{Text: "Bản sao có chứng thực Giấy khai sinh"})
	fmt.Println(r.Flagged, r.Entry, r.Coverage)
	// Output: true birth-certificate partial
}

func ExampleMatcher_Mentions() {
	c, _ := catalog.Default()
	m := NewMatcher(c)
	text := "Hồ sơ gồm: a) Tờ khai; b) Bản sao Giấy khai sinh; c) Bản sao CMND hoặc hộ chiếu. Không phải nộp sổ hộ khẩu."
	for _, mm := range m.Mentions(text) {
		fmt.Println(mm.Entry, mm.Start, mm.End, mm.Text, mm.AllCovered)
	}
	// Output:
	// birth-certificate 43 59 Giấy khai sinh true
	// id-card 74 78 CMND true
	// passport 86 98 hộ chiếu true
}
