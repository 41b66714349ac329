package decisions_test

import (
	"fmt"

	"github.com/redtape-vn/redtape/analyzer/decisions"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
)

// A command judges each procedure with the flags matcher's results on it:
// here a user list of one row, and a record that still asks for the paper.
func ExampleList_Judge() {
	list, err := decisions.Parse("my-decisions.csv", []byte(`# schema: redtape.decisions/v1
# title: Nghị quyết 66.7/2025/NQ-CP, Phụ lục I
# source: example
code,paper,database,owner,document,provision,ref
2.002093,Giấy chứng nhận đăng ký doanh nghiệp,Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp,Bộ Tài chính,Nghị định số 113/2017/NĐ-CP,Điểm b khoản 1 Điều 10,1
`), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	proc := &corpus.Procedure{Code: "2.002093", Papers: []corpus.Paper{
		{Text: "Đơn đề nghị cấp Giấy phép theo Mẫu số 01"},
		{Text: "Bản sao Giấy chứng nhận đăng ký doanh nghiệp"},
	}}
	// In a command: results := matcher.Procedure(proc).
	results := flags.ProcedureResult{ID: proc.Code, Papers: []flags.PaperResult{
		{Text: proc.Papers[0].Text, Status: flags.StatusForm},
		{Text: proc.Papers[1].Text, Status: flags.StatusReplaceable},
	}}
	for _, v := range list.Judge(proc, results) {
		fmt.Println(v.Outcome, v.Paper, v.Matched)
		fmt.Println(v.Reason)
	}
	// Output:
	// not-applied 1 dang ky doanh nghiep
	// the record still asks for "Giấy chứng nhận đăng ký doanh nghiệp" (paper 2: "Bản sao Giấy chứng nhận đăng ký doanh nghiệp"), which Nghị quyết 66.7/2025/NQ-CP, Phụ lục I, row 1: Điểm b khoản 1 Điều 10, Nghị định số 113/2017/NĐ-CP replaces by Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp (Bộ Tài chính): the ministry must update its published procedure
}

// A draft checker asks which rows a draft of the procedure still asks for.
func ExampleList_StillAsked() {
	list, err := decisions.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	draft := []string{
		"Đơn đề nghị theo Mẫu số 01",
		"Bản sao Giấy chứng nhận đăng ký doanh nghiệp",
	}
	for _, a := range list.StillAsked("2.002093", draft) {
		fmt.Printf("paper %d asks for %q: %s\n", a.Paper+1, a.Row.Paper, a.Row.Cite())
	}
	// Output:
	// paper 2 asks for "Giấy chứng nhận đăng ký doanh nghiệp": Nghị quyết 66.7/2025/NQ-CP, Phụ lục I, row 1: Điểm b khoản 1 Điều 10, Nghị định số 113/2017/NĐ-CP
}
