package decisions

import (
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
)

const judgeFile = `# schema: redtape.decisions/v1
# title: Nghị quyết 66.7/2025/NQ-CP, Phụ lục I
# source: test rows
code,paper,database,owner,document,provision,ref
1.000001,Giấy chứng nhận đăng ký doanh nghiệp,Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp,Bộ Tài chính,Nghị định số 1/2020/NĐ-CP,Điểm b khoản 1 Điều 10,1
1.000001,Căn cước,CSDL quốc gia về dân cư,Bộ Công an,Nghị định số 1/2020/NĐ-CP,Điều 11,2
`

func testList(t testing.TB) *List {
	t.Helper()
	l, err := Parse("judge.csv", []byte(judgeFile), nil)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// paper is a dossier paper and the status the flags matcher gave it.
type paper struct {
	text   string
	status flags.Status
}

func procedure(code string, papers ...paper) (*corpus.Procedure, flags.ProcedureResult) {
	p := &corpus.Procedure{Code: code}
	res := flags.ProcedureResult{ID: code}
	for _, pa := range papers {
		p.Papers = append(p.Papers, corpus.Paper{Text: pa.text})
		res.Papers = append(res.Papers, flags.PaperResult{Text: pa.text, Status: pa.status})
	}
	return p, res
}

// TestJudge checks the outcome of a row on dossiers, one table row each.
func TestJudge(t *testing.T) {
	l := testList(t)
	tests := []struct {
		name      string
		papers    []paper
		want      Outcome // of row 1, the enterprise registration
		wantPaper int
	}{
		{"still asked", []paper{{"Đơn đề nghị", flags.StatusForm}, {"Bản sao Giấy chứng nhận đăng ký doanh nghiệp", flags.StatusReplaceable}}, NotApplied, 1},
		{"asked beside another paper", []paper{{"Bản sao Quyết định thành lập hoặc Giấy chứng nhận đăng ký doanh nghiệp", flags.StatusMention}}, NotApplied, 0},
		{"asked under its old name", []paper{{"Giấy chứng nhận đăng ký kinh doanh", flags.StatusRequired}}, NotApplied, 0},
		{"looked up", []paper{{"Giấy chứng nhận đăng ký doanh nghiệp (cơ quan khai thác thông tin trong Cơ sở dữ liệu quốc gia)", flags.StatusLookedUp}}, Applied, 0},
		{"only when the look-up fails", []paper{{"Bản sao giấy chứng nhận đăng ký doanh nghiệp (trong trường hợp chưa được tích hợp, kết nối và chia sẻ dữ liệu quốc gia)", flags.StatusMention}}, Applied, 0},
		{"not mandatory", []paper{{"Bản sao Giấy chứng nhận đăng ký doanh nghiệp (không bắt buộc doanh nghiệp phải cung cấp)", flags.StatusRequired}}, Applied, 0},
		{"number only", []paper{{"Tờ khai", flags.StatusForm}, {"Mã số thuế, số giấy chứng nhận đăng ký doanh nghiệp", flags.StatusNotInCatalog}}, Applied, 1},
		{"asked once and looked up once", []paper{{"Giấy chứng nhận đăng ký doanh nghiệp (cơ quan tra cứu)", flags.StatusLookedUp}, {"Giấy chứng nhận đăng ký doanh nghiệp", flags.StatusReplaceable}}, NotApplied, 1},
		{"only a form names it", []paper{{"Tờ khai đề nghị ghi rõ giấy chứng nhận đăng ký doanh nghiệp", flags.StatusForm}}, PaperNotFound, -1},
		{"not named", []paper{{"Bản sao hợp đồng thuê nhà", flags.StatusOwnDocument}}, PaperNotFound, -1},
		{"no papers", nil, PaperNotFound, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, res := procedure("1.000001", tt.papers...)
			vs := l.Judge(p, res)
			if len(vs) != 2 {
				t.Fatalf("%d verdicts, want one per row (2)", len(vs))
			}
			v := vs[0]
			if v.Outcome != tt.want || v.Paper != tt.wantPaper {
				t.Errorf("outcome %s on paper %d, want %s on paper %d (%s)", v.Outcome, v.Paper, tt.want, tt.wantPaper, v.Reason)
			}
			if !strings.Contains(v.Reason, "row 1: Điểm b khoản 1 Điều 10, Nghị định số 1/2020/NĐ-CP") {
				t.Errorf("reason does not cite the row and provision: %s", v.Reason)
			}
			if v.Row != l.Rows[0] {
				t.Errorf("verdict on row %+v", v.Row)
			}
		})
	}
}

// TestJudgeWithoutResults checks that a record the flags matcher has not
// judged is judged on its texts, and that rows come in list order.
func TestJudgeWithoutResults(t *testing.T) {
	l := testList(t)
	p := &corpus.Procedure{Code: "1.000001", Papers: []corpus.Paper{
		{Text: "Tờ khai đăng ký doanh nghiệp theo mẫu"},
		{Text: "Bản sao thẻ CCCD của người đại diện"},
		{Text: "Giấy chứng nhận đăng ký doanh nghiệp: cơ quan tra cứu, không phải nộp"},
	}}
	vs := l.Judge(p, flags.ProcedureResult{})
	if len(vs) != 2 {
		t.Fatalf("%d verdicts", len(vs))
	}
	if vs[0].Outcome != Applied || vs[0].Paper != 2 {
		t.Errorf("row 1: %s on %d (%s)", vs[0].Outcome, vs[0].Paper, vs[0].Reason)
	}
	if vs[1].Outcome != NotApplied || vs[1].Paper != 1 || vs[1].Matched != "can cuoc" {
		t.Errorf("row 2: %s on %d matched %q (%s)", vs[1].Outcome, vs[1].Paper, vs[1].Matched, vs[1].Reason)
	}
	// By results.ID when the procedure is not given.
	_, res := procedure("1.000001", paper{"Bản sao CMND", flags.StatusReplaceable})
	if vs := l.Judge(nil, res); len(vs) != 2 || vs[1].Outcome != NotApplied {
		t.Errorf("judged from results alone: %+v", vs)
	}
	if vs := l.Judge(&corpus.Procedure{Code: "2.000002"}, flags.ProcedureResult{}); vs != nil {
		t.Errorf("a procedure the list does not name has verdicts: %+v", vs)
	}
	var none *List
	if vs := none.Judge(p, flags.ProcedureResult{}); vs != nil {
		t.Errorf("a nil list gives verdicts")
	}
}

// TestStillAsked checks the draft checker's question.
func TestStillAsked(t *testing.T) {
	l := testList(t)
	draft := []string{
		"Đơn đề nghị theo Mẫu số 01",
		"Bản sao Giấy chứng nhận đăng ký doanh nghiệp",
		"Số định danh cá nhân của người đại diện",
	}
	got := l.StillAsked("1.000001", draft)
	if len(got) != 1 || got[0].Row != l.Rows[0] || got[0].Paper != 1 || got[0].Matched != "dang ky doanh nghiep" {
		t.Fatalf("StillAsked = %+v, want row 1 on paper 1", got)
	}
	if got := l.StillAsked("1.000001", []string{"Cơ quan khai thác Giấy chứng nhận đăng ký doanh nghiệp trong Cơ sở dữ liệu quốc gia"}); len(got) != 0 {
		t.Errorf("a draft saying the agency looks it up still asks: %+v", got)
	}
	if got := l.StillAsked("9.999999", draft); got != nil {
		t.Errorf("a procedure the list does not name: %+v", got)
	}
}

// TestLookupNear checks which words near a paper's name say the agency
// looks the data up.
func TestLookupNear(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Giấy chứng nhận đăng ký doanh nghiệp (trường hợp khai thác được thông tin thì không phải nộp)", true},
		{"Ngân hàng Nhà nước khai thác, sử dụng thông tin đã có trong cơ sở dữ liệu; Giấy chứng nhận đăng ký doanh nghiệp", true},
		{"Giấy chứng nhận đăng ký doanh nghiệp, cơ quan tra cứu trên hệ thống", true},
		{"Giấy chứng nhận đăng ký doanh nghiệp (trong trường hợp chưa được tích hợp, kết nối và chia sẻ dữ liệu quốc gia)", true},
		{"Giấy chứng nhận đăng ký doanh nghiệp (không bắt buộc doanh nghiệp phải cung cấp)", true},
		{"Giấy chứng nhận đăng ký doanh nghiệp của tổ chức được cấp giấy phép khai thác khoáng sản", false},
		{"Giấy chứng nhận đăng ký doanh nghiệp phục vụ vận hành, khai thác sử dụng công trình ngầm", false},
		{"Giấy chứng nhận đăng ký doanh nghiệp của tổ chức khai thác tận thu khoáng sản", false},
		{"Bản sao Giấy chứng nhận đăng ký doanh nghiệp", false},
	}
	ns := names("Giấy chứng nhận đăng ký doanh nghiệp", "")
	for _, tt := range tests {
		toks := tokens(tt.text)
		h, ok := find(ns, toks)
		if !ok {
			t.Fatalf("%q: the paper is not found", tt.text)
		}
		if got := lookupNear(toks, h.at, h.end); got != tt.want {
			t.Errorf("lookupNear(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestJudgeEveryPlace checks that a paper asks for the row's paper when
// any place naming it does, and that a list after "số" or "trừ" is all
// numbers or exceptions.
func TestJudgeEveryPlace(t *testing.T) {
	l := testList(t)
	tests := []struct {
		text string
		want Outcome // of row 2, the identity card
	}{
		{"Tờ trình ghi số thẻ căn cước; kèm bản sao thẻ căn cước của người đại diện", NotApplied},
		{"Thông tin gồm: tên, số thẻ Căn cước/thẻ Căn cước công dân/số định danh cá nhân", Applied},
		{"Bản sao giấy tờ tùy thân, trừ căn cước công dân, thẻ căn cước", Applied},
		{"Bản sao thẻ căn cước hoặc hộ chiếu", NotApplied},
	}
	for _, tt := range tests {
		p, res := procedure("1.000001", paper{tt.text, flags.StatusNotInCatalog})
		if v := l.Judge(p, res)[1]; v.Outcome != tt.want {
			t.Errorf("%q: %s, want %s (%s)", tt.text, v.Outcome, tt.want, v.Reason)
		}
	}
}
