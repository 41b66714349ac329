package flags

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/corpus"
	"golang.org/x/text/unicode/norm"
)

// flaggedEntry judges text as a paper and returns the flagged entry ("" when
// not flagged) with the result.
func flaggedEntry(m *Matcher, text string) (string, PaperResult) {
	r := m.Paper(corpus.Paper{Text: text})
	if !asksCovered(r) {
		return "", r
	}
	return r.Entry, r
}

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
		got, r := flaggedEntry(m, tt.text)
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

// TestComponents: a comma or "và" list asks for every paper it names, each
// reported as a component; "hoặc" and "một trong" lists offer choices.
func TestComponents(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		text    string
		entry   string   // flagged entry, "" for none
		covered []string // entries of the covered components, in order
		alts    int      // alternatives of the flagged requirement
	}{
		{"Giấy khai sinh, Sổ hộ khẩu", "birth-certificate", []string{"birth-certificate", "residence-book"}, 1},
		{"Bản sao Giấy khai sinh và Căn cước công dân", "birth-certificate", []string{"birth-certificate", "id-card"}, 1},
		{"Bản sao Giấy chứng nhận quyền sử dụng đất, văn bản về dự án đầu tư", "land-certificate", []string{"land-certificate"}, 1},
		{"Thẻ căn cước công dân, Chứng minh nhân dân hoặc Hộ chiếu", "id-card", []string{"id-card"}, 3},
		{"Bản sao CCCD, chứng minh nhân dân", "id-card", []string{"id-card"}, 2},
		{"Một trong các giấy tờ sau: Thẻ Căn cước công dân, Chứng minh nhân dân, Giấy xác nhận thông tin về cư trú", "id-card", []string{"id-card"}, 3},
		{"Bản sao CMND hoặc giấy tờ tương đương, Sổ hộ khẩu", "residence-book", []string{"residence-book"}, 1},
		{"Bản sao CMND hoặc giấy tờ tương đương", "", nil, 2},
		{"Bản sao văn bằng, chứng chỉ", "", nil, 2},
	}
	for _, tt := range tests {
		got, r := flaggedEntry(m, tt.text)
		var covered []string
		for _, c := range r.Components {
			if c.Covered {
				if c.Database == "" || len(c.Basis) == 0 || c.Coverage == "" {
					t.Errorf("Paper(%q): covered component without database, basis or coverage: %+v", tt.text, c)
				}
				covered = append(covered, c.Entry)
			}
		}
		if got != tt.entry || fmt.Sprint(covered) != fmt.Sprint(tt.covered) || len(r.Alternatives) != tt.alts {
			t.Errorf("Paper(%q): entry %q, covered %v, %d alternatives; want %q, %v, %d (%s)",
				tt.text, got, covered, len(r.Alternatives), tt.entry, tt.covered, tt.alts, r.Reason)
		}
		if got != "" && (r.ReasonCode != ReasonFlagged || strings.Contains(r.Reason, "; every alternative is covered") != (tt.alts > 1)) {
			t.Errorf("Paper(%q): reason %q (%s)", tt.text, r.Reason, r.ReasonCode)
		}
	}
}

// TestReasons: papers that are not flagged say why in one word and one sentence.
func TestReasons(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		text, code, words string // words: a part of the reason
	}{
		{"Hợp đồng mua bán xe", ReasonOwnDocument, "draws up or holds (Hợp đồng)"},
		{"Ảnh chân dung 4x6", ReasonOwnDocument, "(Ảnh)"},
		{"Bản vẽ thiết kế công trình", ReasonOwnDocument, "(Bản vẽ)"},
		{"Bản sao Quyết định thành lập doanh nghiệp", ReasonNotInCatalog, "names no paper of the catalog (Quyết định thành lập doanh nghiệp)"},
		{"Giấy phép xây dựng", ReasonNotInCatalog, "names no paper of the catalog"},
		{"Tờ khai đăng ký khai sinh theo mẫu", ReasonForm, "a form or declaration the applicant fills in (Tờ khai)"},
		{"Đơn đề nghị cấp giấy phép", ReasonForm, "(Đơn)"},
		{"Bản sao giấy khai sinh (không phải nộp nếu cơ quan khai thác được thông tin)", ReasonMentionOnly, "looks the data up"},
		{"Văn bản đề nghị, ghi rõ họ tên, số CMND của người đứng đầu", ReasonForm, "without asking for it"},
		{"Không phải nộp bản sao CCCD", ReasonMentionOnly, "need not be submitted"},
		{"Phiếu lý lịch tư pháp do cơ quan có thẩm quyền của nước ngoài cấp", ReasonNotCovered, "issued abroad"},
		{"Bản sao CMND hoặc giấy tờ tương đương", ReasonPartlyCovered, "not every alternative is covered"},
		{"Bản sao giấy khai sinh", ReasonFlagged, "asks for"},
	}
	for _, tt := range tests {
		r := m.Paper(corpus.Paper{Text: tt.text})
		if r.ReasonCode != tt.code || !strings.Contains(r.Reason, tt.words) {
			t.Errorf("Paper(%q): %s %q, want %s with %q", tt.text, r.ReasonCode, r.Reason, tt.code, tt.words)
		}
		if r.Form != (tt.code == ReasonForm) {
			t.Errorf("Paper(%q): Form %v", tt.text, r.Form)
		}
	}
}

// TestBroaderNames: a generic identity paper is the ID card's with
// conditional coverage and a note, partly replaceable (a passport or a
// foreign paper satisfies it too); the card itself keeps full coverage and
// is replaceable.
func TestBroaderNames(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		text     string
		coverage catalog.Coverage
		note     bool
	}{
		{"Giấy tờ chứng minh nhân thân", catalog.Conditional, true},
		{"Bản sao giấy tờ tùy thân của người đề nghị", catalog.Conditional, true},
		{"Bản sao giấy tờ tuỳ thân", catalog.Conditional, true},
		{"Bản sao thẻ căn cước công dân", catalog.Full, false},
		{"CMND hoặc giấy tờ tùy thân", catalog.Conditional, true},
	}
	for _, tt := range tests {
		r := m.Paper(corpus.Paper{Text: tt.text})
		want := StatusReplaceable
		if tt.note {
			want = StatusPartlyReplaceable
		}
		if r.Status != want || r.Entry != "id-card" || r.Coverage != tt.coverage || (r.Note != "") != tt.note {
			t.Errorf("Paper(%q): %s %q coverage %q note %q; want %s id-card %q note %v", tt.text, r.Status, r.Entry, r.Coverage, r.Note, want, tt.coverage, tt.note)
		}
	}
}

// TestAbbreviations: catalog names match with their phrases abbreviated as
// the catalog's abbreviation table says, in any spacing.
func TestAbbreviations(t *testing.T) {
	m := testMatcher(t)
	tests := []struct{ text, entry string }{
		{"GCN đăng ký DN", "business-registration"},
		{"GCNĐKDN", "business-registration"},
		{"Bản sao giấy CNĐKDN", "business-registration"},
		{"Bản sao GCN ĐKKD", "business-registration"},
		{"Bản sao giấy chứng nhận ĐKDN", "business-registration"},
		{"Bản sao Giấy chứng nhận đăng ký HTX", "cooperative-registration"},
		{"Bản sao GCN QSDĐ", "land-certificate"},
		{"Bản sao giấy CN quyền sử dụng đất", "land-certificate"},
		{"Phiếu LLTP số 1", "criminal-record"},
		{"Bản sao thẻ BHYT", "health-insurance-card"},
		{"GCN an toàn thực phẩm", ""},
		{"Cơ quan ĐKKD cấp tỉnh xác nhận", ""},
	}
	for _, tt := range tests {
		got, r := flaggedEntry(m, tt.text)
		if got != tt.entry {
			t.Errorf("Paper(%q): %q, want %q (%s)", tt.text, got, tt.entry, r.Reason)
		}
	}
}

// TestSummarizeComponents: a paper asking for papers of two databases
// counts once in each database group, and once in the totals.
func TestSummarizeComponents(t *testing.T) {
	m := testMatcher(t)
	r := m.Procedure(&corpus.Procedure{Code: "A", Papers: []corpus.Paper{{Text: "Bản sao Giấy khai sinh và Căn cước công dân"}, {Text: "Sổ hộ khẩu"}}})
	s := Summarize([]ProcedureResult{r})
	if s.PapersFlagged != 2 || len(s.ByDatabase) != 3 {
		t.Fatalf("totals %d flagged, databases %+v; want 2 and 3 groups", s.PapersFlagged, s.ByDatabase)
	}
	for _, g := range s.ByDatabase {
		if g.PapersFlagged != 1 || g.Affected != 1 {
			t.Errorf("database group %+v: want 1 paper, 1 procedure", g)
		}
	}
}

// TestStatusOfRows: a paper is replaceable only when every catalog paper
// it asks for is covered, with every alternative; a row with a covered
// paper beside an uncovered one, a covered alternative beside an
// uncovered one, or a broader name covered for some holders only, is
// partly replaceable; papers from abroad and of crews are required; a
// record that looks the data up, asks for it only when the look-up fails,
// asks only for its number or already leaves the catalog's papers out has
// it looked up.
func TestStatusOfRows(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		text string
		want Status
	}{
		{"Bản sao Giấy khai sinh và Căn cước công dân", StatusReplaceable},
		{"Sổ hộ khẩu", StatusReplaceable},
		{"Bản sao CMND hoặc giấy tờ tương đương, Sổ hộ khẩu", StatusPartlyReplaceable},
		{"Bản sao CMND hoặc giấy tờ tương đương", StatusPartlyReplaceable},
		{"Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước hoặc các giấy tờ khác có dán ảnh", StatusPartlyReplaceable},
		{"Bản sao Quyết định thành lập hoặc Giấy chứng nhận đăng ký doanh nghiệp", StatusPartlyReplaceable},
		{"Giấy thông hành biên giới hoặc thẻ căn cước công dân", StatusPartlyReplaceable},
		{"Thẻ căn cước công dân (đối với công dân Việt Nam) hoặc hộ chiếu (đối với người nước ngoài)", StatusPartlyReplaceable},
		{"Bản sao giấy tờ tùy thân", StatusPartlyReplaceable},
		{"Giấy tờ tùy thân của người đi đăng ký: Căn cước công dân hoặc Hộ chiếu", StatusReplaceable},
		{"Đối với công dân Việt Nam: bản sao thẻ căn cước công dân; đối với người nước ngoài: bản sao hộ chiếu", StatusPartlyReplaceable},
		{"Bản sao Giấy chứng nhận quyền sử dụng đất (đối với đất ở) hoặc giấy tờ về quyền sử dụng đất khác", StatusPartlyReplaceable},
		{"Bản sao văn bằng do cơ sở giáo dục nước ngoài cấp", StatusRequired},
		{"Bằng tốt nghiệp đã được hợp pháp hóa lãnh sự", StatusRequired},
		{"Hộ chiếu của thuyền viên", StatusRequired},
		{"Đối với hành khách (nếu có): Hộ chiếu hoặc giấy tờ có giá trị đi lại quốc tế", StatusRequired},
		{"Hộ chiếu hoặc giấy tờ có giá trị đi lại quốc tế của thuyền viên và hành khách", StatusRequired},
		{"Bản sao hộ chiếu hoặc giấy tờ có giá trị thay thế hộ chiếu của nhà đầu tư nước ngoài", StatusRequired},
		{"Tài liệu về doanh nghiệp tái bảo hiểm nước ngoài: Bản sao giấy chứng nhận đăng ký kinh doanh", StatusRequired},
		{"Giấy phép lái tàu bay", StatusRequired},
		{"Giấy tờ phải xuất trình: Một trong các loại giấy tờ sau: Hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu; Thẻ quân nhân của các thành viên trên tàu", StatusRequired},
		{"Bản sao bằng lái tàu biển", StatusRequired},
		{"Bằng lái phương tiện thủy nội địa", StatusRequired},
		{"Bản sao giấy phép lái xe", StatusReplaceable},
		{"Giấy xác nhận thời gian thực hành theo Mẫu số 03 đối với trường hợp sử dụng chứng chỉ hoặc văn bằng đào tạo chuyên khoa", StatusMention},
		{"b) Đối với người nước ngoài phải có Bản khai nhân sự kèm theo bản sao hợp lệ Hộ chiếu, Thẻ tạm trú hoặc Thị thực còn thời hạn", StatusRequired},
		{"Văn bản đề nghị, trong đó ghi rõ họ tên, số định danh cá nhân hoặc số hộ chiếu của người đại diện", StatusForm},
		{"Giấy phép đã điều chỉnh: 01 bản chính. Trường hợp cơ quan quản lý nhà nước chuyên ngành gửi giấy phép dưới dạng điện tử thông qua Cổng thông tin một cửa quốc gia thì người khai hải quan không phải nộp chứng từ này", StatusLookedUp},
		{"Trong đó nêu rõ phạm vi thông tin cần khai thác trong Cơ sở dữ liệu quốc gia về dân cư", StatusNotInCatalog},
		{"Giấy phép khai thác khoáng sản", StatusNotInCatalog},
		{"Bản sao giấy tờ tùy thân của người đề nghị cấp thẻ, trừ căn cước công dân, thẻ căn cước", StatusLookedUp},
		{"Bản sao quyết định thành lập hoặc bản sao giấy chứng nhận đăng ký doanh nghiệp (trong trường hợp chưa được tích hợp, kết nối và chia sẻ dữ liệu quốc gia)", StatusLookedUp},
		{"Thông tin chứng minh về chỗ ở hợp pháp được khai thác trong căn cước điện tử", StatusLookedUp},
		{"Tên, địa chỉ; số thẻ Căn cước/thẻ Căn cước công dân/số định danh cá nhân đối với cá nhân", StatusLookedUp},
		{"Giấy phép khai thác khoáng sản; bản sao giấy chứng nhận đăng ký doanh nghiệp", StatusReplaceable},
		{"Tờ khai đăng ký khai sinh", StatusForm},
		{"Giấy khai sinh (cơ quan giải quyết tự khai thác thông tin)", StatusLookedUp},
		{"Giấy phép xây dựng", StatusNotInCatalog},
	}
	for _, tt := range tests {
		r := m.Paper(corpus.Paper{Text: tt.text})
		if r.Status != tt.want {
			t.Errorf("Paper(%q).Status = %q, want %q (reason %s)", tt.text, r.Status, tt.want, r.Reason)
		}
		if r.Flagged != (r.Status == StatusReplaceable) {
			t.Errorf("Paper(%q).Flagged = %v with status %q", tt.text, r.Flagged, r.Status)
		}
		if r.Status == StatusPartlyReplaceable && (len(r.Covered) == 0 || len(r.Left) == 0 || r.Entry == "") {
			t.Errorf("Paper(%q): partly replaceable with covered %q, left %q, entry %q", tt.text, r.Covered, r.Left, r.Entry)
		}
	}
}

// asksCovered reports whether a paper asks for a catalog paper of which
// every alternative is covered: replaceable, or partly replaceable because
// another paper the row lists, or a holder of a broader name, is not. It
// is what the labels of testdata/flags/labels.tsv and heldout/ mark with
// an entry; a paper with a covered alternative beside an uncovered one is
// labelled "none" there and scored by the state labels of states.tsv.
func asksCovered(r PaperResult) bool {
	return r.ReasonCode == ReasonFlagged
}

// TestSummarizeStatuses: the summary counts every status by papers and by
// procedures, in total and per ministry.
func TestSummarizeStatuses(t *testing.T) {
	m := testMatcher(t)
	rs := []ProcedureResult{
		m.Procedure(&corpus.Procedure{Code: "A", Ministry: "M1", Papers: []corpus.Paper{
			{Text: "Sổ hộ khẩu"}, {Text: "Bản sao giấy khai sinh"}, {Text: "Hộ chiếu hoặc giấy tờ khác có dán ảnh"}}}),
		m.Procedure(&corpus.Procedure{Code: "B", Ministry: "M2", Papers: []corpus.Paper{
			{Text: "Giấy khai sinh (cơ quan giải quyết tự khai thác thông tin)"}, {Text: "Tờ khai"}}}),
	}
	s := Summarize(rs)
	tests := []struct {
		status             Status
		papers, procedures int
	}{
		{StatusReplaceable, 2, 1},
		{StatusPartlyReplaceable, 1, 1},
		{StatusLookedUp, 1, 1},
		{StatusForm, 1, 1},
	}
	for _, tt := range tests {
		if got := s.ByStatus[tt.status]; got.Papers != tt.papers || got.Procedures != tt.procedures {
			t.Errorf("ByStatus[%s] = %+v, want %d papers, %d procedures", tt.status, got, tt.papers, tt.procedures)
		}
	}
	for _, g := range s.ByMinistry {
		n := 0
		for _, c := range g.ByStatus {
			n += c.Papers
		}
		if n != g.Papers {
			t.Errorf("ministry %s: statuses count %d papers of %d", g.Key, n, g.Papers)
		}
	}
}
