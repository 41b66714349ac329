package corpus

import (
	"reflect"
	"testing"
)

func amountString(a *int64) string {
	if a == nil {
		return "nil"
	}
	return itoa64(*a)
}

func TestParseFees(t *testing.T) {
	tests := []struct {
		in      string
		amounts []string // one per fee; "nil" for unknown
		kinds   []string
	}{
		{"4,500,000 Việt Nam Đồng(Lệ phí: 4.500.000 Đồng đối với hồ sơ cấp mới)", []string{"4500000"}, []string{FeeKindCharge}},
		// The amount column in thousands, the note with the real figure.
		{"135 VNĐ(Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)", []string{"135000"}, []string{FeeKindCharge}},
		{"25 VNĐ(25.000.000đ/giấy thông hành (áp dụng đến hết ngày 31/12/2026))", []string{"25000"}, []string{""}},
		{"120 VNĐ(20.000 đ/tờ khai)", []string{"20000"}, []string{""}},
		{"120 VNĐ(đối với 1 tờ khai)", []string{"120000"}, []string{""}},
		// VNĐ in the column but dollars in the note.
		{"145 VNĐ(Thẻ tạm trú có thời hạn không quá 02 năm: 145 USD/thẻ.)", []string{"nil"}, []string{""}},
		{"10 USD(10 USD/người)", []string{"nil"}, []string{""}},
		{"120,000 VNĐ(Theo khoản 1 Điều 3 Thông tư số 172/2010/TT-BTC ... sử dụng lệ phí trong lĩnh vực hải quan)", []string{"120000"}, []string{FeeKindCharge}},
		{"20,000 Việt Nam Đồng(Phí thẩm định cấp giấy phép 20.000 đồng/lần.)", []string{"20000"}, []string{FeeKindFee}},
		{"Miễn phí", []string{"0"}, []string{""}},
		{"Miễn phí(Không có)", []string{"0"}, []string{""}},
		{"Miễn phí(- Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định)", []string{"nil"}, []string{FeeKindCharge}},
		{"20 triệu đồng", []string{"20000000"}, []string{""}},
		{"1,5 triệu đồng/lần", []string{"1500000"}, []string{""}},
		{"Phí : 0 Đồng", []string{"0"}, []string{FeeKindFee}},
		{"Lệ phí: 50.000 đồng/hồ sơ", []string{"50000"}, []string{FeeKindCharge}},
		{"Phí thẩm định: 1.500.000 đồng/hồ sơ; Lệ phí cấp giấy phép: 200.000 đồng/giấy", []string{"1500000", "200000"}, []string{FeeKindFee, FeeKindCharge}},
		{"Lệ phí: theo quy định", []string{"nil"}, []string{FeeKindCharge}},
		// Wordings of "no fee": zero, with the kind of the label.
		{"Phí : Không Đồng", []string{"0"}, []string{FeeKindFee}},
		{"Phí : không Đồng", []string{"0"}, []string{FeeKindFee}},
		{"Lệ phí : 0 Đồng", []string{"0"}, []string{FeeKindCharge}},
		{"Phí : o Đồng", []string{"0"}, []string{FeeKindFee}},
		{"Phí: 0 VNĐ", []string{"0"}, []string{FeeKindFee}},
		{"Không thu phí", []string{"0"}, []string{""}},
		{"Không thu lệ phí.", []string{"0"}, []string{""}},
		{"Không", []string{"0"}, []string{""}},
		{"Không có", []string{"0"}, []string{""}},
		{"Phí, lệ phí: Không", []string{"0"}, []string{FeeKindCharge}},
		{"Miễn phí đối với hồ sơ nộp trực tuyến", []string{"0"}, []string{""}},
		{"Miễn phí(Không quy định)", []string{"0"}, []string{""}},
		{"Miễn phí(Lệ phí cấp mới 200 USD/lần; lệ phí cấp lại 100 USD/lần.)", []string{"nil"}, []string{FeeKindCharge}},
		{"Miễn phí(Cho một loại hình sản phẩm hoặc dịch vụ: 8.000.000/lần)", []string{"nil"}, []string{""}},
		{"Miễn phí(Thông tư số 60/2023/TT-BTC ngày 07/9/2023)", []string{"0"}, []string{""}},
		{"Phí : Không Đồng (Mức thu do Hội đồng nhân dân tỉnh quyết định)", []string{"nil"}, []string{FeeKindFee}},
		// "Miễn phí" beside a note saying a fee is charged by a schedule:
		// unknown, not zero.
		{"Miễn phí(- Phí kiểm dịch động vật, sản phẩm động vật: Mục III Biểu phí, lệ phí trong công tác thú y Thông tư số 101/2020/TT-BTC ngày 23/11/2020 của Bộ trưởng Bộ Tài chính quy định mức thu)", []string{"nil"}, []string{FeeKindCharge}},
		{"Miễn phí(Áp dụng mức thu theo mức phí quy định tại Thông tư số 48/2022/TT-BTC)", []string{"nil"}, []string{FeeKindFee}},
		{"Miễn phí(Mức phí bảo lãnh chính phủ được quy định cụ thể tại Khoản 1 Điều 51 Nghị định số 91/2018/NĐ-CP.)", []string{"nil"}, []string{FeeKindFee}},
		{"Miễn phí(không thu phí cấp Giấy chứng nhận kiểm định; phí in và dán tem kiểm định được quy định tại Thông tư số 02/2021/TT-BTC)", []string{"nil"}, []string{FeeKindFee}},
		{"Miễn phí(do Ủy ban nhân dân cấp tỉnh quy định.)", []string{"nil"}, []string{""}},
		// ... but not beside one that exempts, or speaks of other costs.
		{"Miễn phí(- Miễn lệ phí (Thông tư số 47/2019/TT-BTC).)", []string{"0"}, []string{FeeKindCharge}},
		{"Miễn phí(Không được quy định tại Biểu phí, lệ phí đăng ký doanh nghiệp ban hành kèm theo Thông tư số 47/2019/TT-BTC.)", []string{"0"}, []string{FeeKindCharge}},
		{"Miễn phí(- Chi phí khác: Biểu khung giá dịch vụ ban hành kèm theo Thông tư số 283/2016/TT-BTC)", []string{"0"}, []string{""}},
		{"Miễn phí(Theo quy định của Luật phí và lệ phí và các văn bản hướng dẫn.)", []string{"0"}, []string{FeeKindCharge}},
		// A year read as an amount before the export's currency column.
		{"Phí : Mức thu bằng 50% mức thu phí quy định tại Biểu mức thu phí ban hành kèm theo Thông tư số 249/2016/TT-BTC ngày 11 tháng 11 năm 2016 Đồng", []string{"nil"}, []string{FeeKindFee}},
		{"Lệ phí theo Thông tư ban hành ngày 11/11/2016 đồng", []string{"nil"}, []string{FeeKindCharge}},
		{"Lệ phí: 2016 đồng/bản", []string{"2016"}, []string{FeeKindCharge}},
		// Nothing stated: no fee, or a fee of unknown amount.
		{"Không quy định", nil, nil},
		{"Phí :  Đồng", []string{"nil"}, []string{FeeKindFee}},
		{"Không thu phí đối với hồ sơ trực tuyến; 50.000 đồng đối với hồ sơ giấy", []string{"50000"}, []string{""}},
		{"Không có thông tin", nil, nil},
		{"", nil, nil},
		{"Nộp hồ sơ tại bộ phận một cửa", nil, nil},
	}
	for _, tt := range tests {
		fees := ParseFees(tt.in)
		var amounts, kinds []string
		for _, f := range fees {
			amounts = append(amounts, amountString(f.Amount))
			kinds = append(kinds, f.Kind)
			if f.Text == "" {
				t.Errorf("ParseFees(%q): fee without text", tt.in)
			}
		}
		if !reflect.DeepEqual(amounts, tt.amounts) || !reflect.DeepEqual(kinds, tt.kinds) {
			t.Errorf("ParseFees(%q) = amounts %v kinds %v, want %v %v", tt.in, amounts, kinds, tt.amounts, tt.kinds)
		}
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in    string
		nil   bool
		value float64
		unit  TimeUnit
	}{
		{"20 Ngày làm việc", false, 20, WorkingDays},
		{"10 Ngày", false, 10, Days},
		{"1 Giờ", false, 1, Hours},
		{"02 tháng", false, 2, Months},
		{"4 Giờ làm việc", false, 4, WorkingHours},
		{"0,5 ngày làm việc", false, 0.5, WorkingDays},
		{"1 năm", false, 12, Months},
		{"Trong thời hạn 03 ngày làm việc kể từ ngày nhận đủ hồ sơ", false, 3, WorkingDays},
		{"60 phút", false, 1, Hours},
		// Compound times: one value in the smaller unit.
		{"02 tháng và 15 ngày làm việc", false, 59, WorkingDays},
		{"1 tháng 10 ngày", false, 40, Days},
		{"1 giờ 30 phút", false, 1.5, Hours},
		{"2 tuần và 3 ngày làm việc", false, 13, WorkingDays},
		{"02 ngày làm việc và 4 giờ làm việc", false, 20, WorkingHours},
		// Not compound: a smaller unit that is not the next part, or the same unit.
		{"03 ngày làm việc, 05 ngày làm việc đối với hồ sơ giấy", false, 3, WorkingDays},
		{"02 tháng kể từ ngày nhận 15 ngày làm việc", false, 2, Months},
		{"5 ngày 10 ngày", false, 5, Days},
		{"Khác", false, 0, ""},
		{"2", false, 0, ""},
		{"Không có thông tin", true, 0, ""},
		{"", true, 0, ""},
	}
	for _, tt := range tests {
		d := ParseDuration(tt.in)
		if tt.nil {
			if d != nil {
				t.Errorf("ParseDuration(%q) = %+v, want nil", tt.in, d)
			}
			continue
		}
		if d == nil || d.Unit != tt.unit || d.Value != tt.value || d.Text != tt.in {
			t.Errorf("ParseDuration(%q) = %+v, want %v %s", tt.in, d, tt.value, tt.unit)
		}
	}
}

func TestParseLegalRefs(t *testing.T) {
	tests := []struct {
		in      string
		numbers []string
		types   []string
	}{
		{"Nghị định số 104/2022/NĐ-CP ngày 21/12/2022 của Chính phủ", []string{"104/2022/NĐ-CP"}, []string{"Nghị định"}},
		{"Luật Căn cước số 26/2023/QH15", []string{"26/2023/QH15"}, []string{"Luật"}},
		{"Nghị quyết số 98/2023/QH15 về thí điểm", []string{"98/2023/QH15"}, []string{"Nghị quyết"}},
		{"Nghị quyết 66.7/2025/NQ-CP; Thông tư 19/2018/TT-BGDĐT", []string{"66.7/2025/NQ-CP", "19/2018/TT-BGDĐT"}, []string{"Nghị quyết", "Thông tư"}},
		{"Quyết định 2628/QĐ-BTC", []string{"2628/QĐ-BTC"}, []string{"Quyết định"}},
		{"Nghị định số 27/2019/NĐ -CP và 27/2019/ND-CP", []string{"27/2019/NĐ-CP"}, []string{"Nghị định"}},
		{"Thông tư liên tịch 20/2013/TTLT-BYT-BCT-BNNPTNT", []string{"20/2013/TTLT-BYT-BCT-BNNPTNT"}, []string{"Thông tư liên tịch"}},
		{"theo 40/2024/NĐ-CPNghị định khác", []string{"40/2024/NĐ-CP"}, []string{"Nghị định"}},
		{"Quyết định 16/2025/QĐ-TTg", []string{"16/2025/QĐ-TTg"}, []string{"Quyết định"}},
		{"ngày 01/01/2026 tại số 5/TP", nil, nil},
		{"Pháp lệnh 26/2005/PL-UBTVQH11 - Ưu đãi", []string{"26/2005/PL-UBTVQH11"}, []string{"Pháp lệnh"}},
		{"Thông tư số 53/2025/TT-BCAngày 01/7/2025", []string{"53/2025/TT-BCA"}, []string{"Thông tư"}},
		{"191/2005/TTLT/BQP-BLĐTBXH-BTC", []string{"191/2005/TTLT-BQP-BLĐTBXH-BTC"}, []string{"Thông tư liên tịch"}},
		{"Nghị định 166/2016/NĐ-CPLUẬT Bảo hiểm", []string{"166/2016/NĐ-CP"}, []string{"Nghị định"}},
		{"Luật Hải quan năm 201454/2014/QH13 và 54/2014/QH13", []string{"54/2014/QH13"}, []string{"Luật"}},
		{"ngày 15/5/2026.55/2026/TT-BTC", []string{"55/2026/TT-BTC"}, []string{"Thông tư"}},
		// Numbers of the Standing Committee, joint circulars, provinces.
		{"02/2020/UBTVQH14", []string{"02/2020/UBTVQH14"}, []string{"Pháp lệnh"}},
		{"Pháp lệnh 04/2012/UBTVQH13; Nghị quyết 1234/2019/NQ-UBTVQH14 ngày", []string{"04/2012/UBTVQH13", "1234/2019/NQ-UBTVQH14"}, []string{"Pháp lệnh", "Nghị quyết"}},
		{"1234/2019/NQ-UBTVQH14", []string{"1234/2019/NQ-UBTVQH14"}, []string{"Nghị quyết"}},
		{"Thông tư liên tịch số 01/2021/TTLT-BTP-BCA", []string{"01/2021/TTLT-BTP-BCA"}, []string{"Thông tư liên tịch"}},
		{"15/2023/QĐ-UBND", []string{"15/2023/QĐ-UBND"}, []string{"Quyết định"}},
		{"Pháp lệnh Chi phí tố tụng năm 202405/2024/UBTVQH15Nghị định", []string{"05/2024/UBTVQH15"}, []string{"Pháp lệnh"}},
		// The name column glued to the number column: one document, not "8/2017/QH14" besides.
		{"Luật 08/2017/QH1408/2017/QH14", []string{"08/2017/QH14"}, []string{"Luật"}},
		// A title ending in a year glued to the number cell.
		{"Luật Xuất cảnh sửa đổi 202323/2023/QH15Luật 51/2019/QH14", []string{"23/2023/QH15", "51/2019/QH14"}, []string{"Luật", "Luật"}},
		{"Luật Doanh nghiệp 202076/2025/QH15", []string{"76/2025/QH15"}, []string{"Luật"}},
		{"Luật Địa chất và khoáng sản sửa đổi 2025147/2025/QH15", []string{"147/2025/QH15"}, []string{"Luật"}},
		{"tỉnh Hà Tĩnh giai đoạn 2026 - 2030182/2025/NQ-HĐND Quy định", []string{"182/2025/NQ-HĐND"}, []string{"Nghị quyết"}},
		{"giai đoạn 2026-203016/2026/QĐ-UBND", []string{"16/2026/QĐ-UBND"}, []string{"Quyết định"}},
		{"Đính chính Nghị định số 151/2025/NĐ-CP ngày 12/6/20252418/QĐ-BNNMT", []string{"151/2025/NĐ-CP", "2418/QĐ-BNNMT"}, []string{"Nghị định", "Quyết định"}},
		{"Pháp lệnh sửa đổi 202305/2023/UBTVQH15", []string{"05/2023/UBTVQH15"}, []string{"Pháp lệnh"}},
		// The year of a date glued to the number, read elsewhere unglued.
		{"Luật số 43/2024/QH15 ngày 29/6/202443/2024/QH15", []string{"43/2024/QH15"}, []string{"Luật"}},
		// Five digits not glued to anything are a number, not a year and more.
		{"Công văn số 20123/BTC-TCT", []string{"20123/BTC-TCT"}, []string{"Công văn"}},
		// A number with a letter.
		{"Nghị quyết số 30a/2008/NQ-CP ngày 27/12/2008", []string{"30a/2008/NQ-CP"}, []string{"Nghị quyết"}},
		{"huyện nghèoNghị quyết số 30a/2008/NQ-CPCơ quan", []string{"30a/2008/NQ-CP"}, []string{"Nghị quyết"}},
		{"Pháp lệnh 06/2013/UBTVQH1306/2013/UBTVQH13Thông tư 24/2022/TT-NHNN", []string{"06/2013/UBTVQH13", "24/2022/TT-NHNN"}, []string{"Pháp lệnh", "Thông tư"}},
	}
	for _, tt := range tests {
		var numbers, types []string
		for _, r := range ParseLegalRefs(tt.in) {
			numbers = append(numbers, r.Number)
			types = append(types, r.Type)
			if r.Text == "" {
				t.Errorf("ParseLegalRefs(%q): ref without text", tt.in)
			}
		}
		if !reflect.DeepEqual(numbers, tt.numbers) || !reflect.DeepEqual(types, tt.types) {
			t.Errorf("ParseLegalRefs(%q) = %v %v, want %v %v", tt.in, numbers, types, tt.numbers, tt.types)
		}
	}
}

func TestNewPaper(t *testing.T) {
	tests := []struct {
		in           string
		certified    bool
		optional     bool
		condition    string
		alternatives []string
	}{
		{in: "Bản sao có chứng thực Giấy chứng nhận đăng ký doanh nghiệp", certified: true},
		{in: "Bản sao chứng thực hộ chiếu", certified: true},
		{in: "Bản sao giấy phép được chứng thực từ bản chính", certified: true},
		{in: "Bản sao Điều lệ công ty"},
		{in: "Hợp đồng sử dụng dịch vụ bảo vệ dữ liệu cá nhân (nếu có) - 01 (một) bản sao", optional: true},
		{in: "Các giấy tờ khác (nếu có).", optional: true},
		{in: "Đề xuất dự án gồm: thông tin về sử dụng khu vực biển (nếu có), nhu cầu lao động"},
		{in: "Hợp đồng mua hàng hóa nhập khẩu (đối với hàng hóa kinh doanh tạm nhập tái xuất): 01 bản chụp;", condition: "đối với hàng hóa kinh doanh tạm nhập tái xuất"},
		{in: "Trường hợp dự án không đề nghị giao đất thì nộp bản sao giấy tờ về quyền sử dụng đất", condition: "Trường hợp dự án không đề nghị giao đất"},
		{in: "CMND hoặc CCCD hoặc Hộ chiếu", alternatives: []string{"CMND", "CCCD", "Hộ chiếu"}},
		{in: "Một trong các giấy tờ sau: a) Giấy khai sinh; b) Hộ chiếu; c) Thẻ căn cước", alternatives: []string{"Giấy khai sinh", "Hộ chiếu", "Thẻ căn cước"}},
		// The choice is one lettered item's: it ends where the next item starts.
		{in: "a) Đơn đề nghị; b) Một trong các giấy tờ sau: Văn bằng chuyên khoa, văn bằng thạc sỹ, văn bằng tiến sỹ; c) Giấy xác nhận thời gian thực hành",
			alternatives: []string{"Văn bằng chuyên khoa", "văn bằng thạc sỹ", "văn bằng tiến sỹ"}},
		{in: "a) Tờ khai; b) Một trong các giấy tờ sau: Hộ chiếu; Thẻ căn cước", alternatives: []string{"Hộ chiếu", "Thẻ căn cước"}},
		{in: "a) Đơn; b) Một trong các giấy tờ sau: Văn bản xác nhận kết quả kiểm tra năng lực khám bệnh, chữa bệnh hoặc giấy phép do cơ quan, tổ chức nước ngoài cấp; c) Sơ yếu lý lịch; d) Hai ảnh",
			alternatives: []string{"Văn bản xác nhận kết quả kiểm tra năng lực khám bệnh, chữa bệnh", "giấy phép do cơ quan, tổ chức nước ngoài cấp"}},
		{in: "Vận tải đơn hoặc chứng từ vận tải khác có giá trị tương đương đối với trường hợp hàng hóa vận chuyển bằng đường biển",
			condition:    "đối với trường hợp hàng hóa vận chuyển bằng đường biển",
			alternatives: []string{"Vận tải đơn", "chứng từ vận tải khác có giá trị tương đương"}},
		{in: "Đơn đề nghị (theo mẫu A hoặc mẫu B)"},
		{in: "Bản sao hộ chiếu và thị thực đối với những nước yêu cầu phải có thị thực nhập cảnh.", condition: "đối với những nước yêu cầu phải có thị thực nhập cảnh"},
		{in: "Văn bản đề nghị thay đổi vốn điều lệ hoặc vốn được cấp theo mẫu"},
		{in: "Bản chính hoặc bản sao chứng thực hợp đồng chuyển nhượng", certified: true},
		{in: "a) Kế hoạch phát hành (bản chính hoặc bản sao có chứng thực);", certified: true},
		{in: "- Bản sao Quyết định thôi việc hoặc Quyết định chấm dứt hợp đồng lao động", alternatives: []string{"- Bản sao Quyết định thôi việc", "Quyết định chấm dứt hợp đồng lao động"}},
	}
	for _, tt := range tests {
		p := NewPaper(tt.in)
		if p.Text != tt.in || p.CertifiedCopy != tt.certified || p.Optional != tt.optional || p.Condition != tt.condition || !reflect.DeepEqual(p.Alternatives, tt.alternatives) {
			t.Errorf("NewPaper(%q) = certified %v optional %v condition %q alternatives %q; want %v %v %q %q",
				tt.in, p.CertifiedCopy, p.Optional, p.Condition, p.Alternatives, tt.certified, tt.optional, tt.condition, tt.alternatives)
		}
	}
}

func TestParseQuantity(t *testing.T) {
	tests := []struct {
		in   string
		o, c string
	}{
		{"0 bản chính,1 bản sao", "0", "1"},
		{"1 bản chính", "1", "nil"},
		{"1 bản sao", "nil", "1"},
		{"Bản chính: 1 - Bản sao: 0", "1", "0"},
		{"Bản chính: 2\nBản sao: 1", "2", "1"},
		// Each number counts once, whatever separates the parts.
		{"Bản chính: 1\nBản sao: 0", "1", "0"},
		{"Bản chính: 1 Bản sao: 0", "1", "0"},
		{"Bản chính: 0 Bản sao: 1", "0", "1"},
		{"Bản chính: 1\r\nBản sao: 0", "1", "0"},
		{"Bản chính:1\tBản sao:3", "1", "3"},
		{"Bản chính 1 Bản sao 0", "1", "0"},
		{"Bản chính: 3 - Bản sao: 0", "3", "0"},
		{"1 bản chính 1 bản sao", "1", "1"},
		{"02 bản chính và 01 bản sao", "2", "1"},
		{"0 bản chính,1 bản sao có chứng thực", "0", "1"},
		{"Bản sao: 2", "nil", "2"},
		{"01 (một) bản chính", "nil", "nil"},
		{"Bản chính: ", "nil", "nil"},
		{"01 bản", "nil", "nil"},
		{"", "nil", "nil"},
	}
	str := func(p *int) string {
		if p == nil {
			return "nil"
		}
		return itoa64(int64(*p))
	}
	for _, tt := range tests {
		o, c := ParseQuantity(tt.in)
		if str(o) != tt.o || str(c) != tt.c {
			t.Errorf("ParseQuantity(%q) = %s, %s; want %s, %s", tt.in, str(o), str(c), tt.o, tt.c)
		}
	}
}

func TestParseChannelMode(t *testing.T) {
	tests := map[string]ChannelMode{
		"Trực tiếp":                  ModeInPerson,
		"Trực tuyến":                 ModeOnline,
		"Dịch vụ bưu chính":          ModePost,
		"Qua đường bưu điện":         ModePost,
		"TRỰC TUYẾN":                 ModeOnline,
		"Nộp hồ sơ trực tiếp tại Sở": ModeInPerson,
		"Fax": ModeOther,
	}
	for in, want := range tests {
		if got := ParseChannelMode(in); got != want {
			t.Errorf("ParseChannelMode(%q) = %s, want %s", in, got, want)
		}
	}
}
