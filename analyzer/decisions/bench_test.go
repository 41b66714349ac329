package decisions

import (
	"fmt"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
)

// synthetic returns n procedures with six papers each, and their flags
// results; every listed-th procedure has a code of the built-in list (the
// others have codes it does not name), cycling through its codes.
func synthetic(l *List, n, listed int) ([]*corpus.Procedure, []flags.ProcedureResult) {
	var codes []string
	for _, r := range l.Rows {
		if len(codes) == 0 || codes[len(codes)-1] != r.Code {
			codes = append(codes, r.Code)
		}
	}
	texts := []paper{
		{"Đơn đề nghị cấp giấy phép theo Mẫu số 01", flags.StatusForm},
		{"Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc Quyết định thành lập", flags.StatusPartlyReplaceable},
		{"Bản sao thẻ Căn cước công dân của người đại diện theo pháp luật", flags.StatusReplaceable},
		{"Giấy khai sinh (cơ quan khai thác thông tin trong Cơ sở dữ liệu hộ tịch điện tử)", flags.StatusLookedUp},
		{"Bản thuyết minh điều kiện cơ sở vật chất, trang thiết bị", flags.StatusOwnDocument},
		{"Phiếu lý lịch tư pháp số 1 của người đứng đầu", flags.StatusRequired},
	}
	// The procedures share their papers, so that the live heap is the
	// list's and not 600,000 copies of six papers to scan at every GC.
	shared, res := procedure("", texts...)
	procs := make([]*corpus.Procedure, n)
	results := make([]flags.ProcedureResult, n)
	for i := range n {
		code := fmt.Sprintf("9.%06d", i%1000000)
		if listed > 0 && i%listed == 0 {
			code = codes[(i/listed)%len(codes)]
		}
		procs[i] = &corpus.Procedure{Code: code, Papers: shared.Papers}
		results[i] = flags.ProcedureResult{ID: code, Papers: res.Papers}
	}
	return procs, results
}

// BenchmarkJudge100k judges 100,000 synthetic procedures with the built-in
// list: one in ten of them listed (about the share of the real corpus, 110
// of 2,055), and all of them listed (the worst case).
func BenchmarkJudge100k(b *testing.B) {
	l, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, listed := range []int{10, 1} {
		procs, results := synthetic(l, 100000, listed)
		b.Run(fmt.Sprintf("one-in-%d-listed", listed), func(b *testing.B) {
			verdicts := 0
			for b.Loop() {
				verdicts = 0
				for i, p := range procs {
					verdicts += len(l.Judge(p, results[i]))
				}
			}
			b.ReportMetric(float64(verdicts), "verdicts/op")
		})
	}
}
