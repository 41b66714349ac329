package decisions

import (
	"strings"
	"testing"
)

// TestMatch checks the paper-name matcher: whether a dossier text names a
// row's paper, and with which key words.
func TestMatch(t *testing.T) {
	const ddn = "Giấy chứng nhận đăng ký doanh nghiệp"
	const dbDN = "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp"
	tests := []struct {
		name     string
		paper    string // the row's paper
		database string // the row's database
		text     string // the dossier paper
		want     string // key words found; "" for no match
		number   bool
		except   bool
	}{
		{"same name", ddn, dbDN, "Bản sao Giấy chứng nhận đăng ký doanh nghiệp", "dang ky doanh nghiep", false, false},
		{"no diacritics, capitals", ddn, dbDN, "BAN SAO GIAY CHUNG NHAN DANG KY DOANH NGHIEP", "dang ky doanh nghiep", false, false},
		{"abbreviated", ddn, dbDN, "Bản sao GCN ĐKDN", "dang ky doanh nghiep", false, false},
		{"old name", ddn, dbDN, "Giấy chứng nhận đăng ký kinh doanh", "dang ky kinh doanh", false, false},
		{"short head", ddn, dbDN, "Giấy đăng ký kinh doanh của doanh nghiệp", "dang ky kinh doanh", false, false},
		{"procedure name is not the paper", ddn, dbDN, "Hồ sơ thủ tục đăng ký doanh nghiệp do người đại diện nộp", "", false, false},
		{"database name is not the paper", ddn, dbDN, "Cơ quan tra cứu Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp", "", false, false},
		{"another certificate", ddn, dbDN, "Giấy chứng nhận đăng ký đầu tư", "", false, false},
		{"number only", ddn, dbDN, "Số Giấy chứng nhận đăng ký doanh nghiệp", "dang ky doanh nghiep", true, false},
		{"identity card", "Căn cước", "CSDL quốc gia về dân cư", "Bản sao thẻ CCCD của người đại diện", "can cuoc", false, false},
		{"old identity card", "Căn cước", "CSDL quốc gia về dân cư", "Bản sao chứng minh nhân dân", "chung minh nhan dan", false, false},
		{"identity number", "Căn cước", "CSDL quốc gia về dân cư", "Số định danh cá nhân của người nộp", "dinh danh ca nhan", true, false},
		{"identity card excepted", "Bản sao giấy tờ tùy thân của người đề nghị cấp (trong đó có căn cước công dân)", "CSDL quốc gia về dân cư",
			"Bản sao giấy tờ tùy thân của người đề nghị cấp thẻ, trừ căn cước công dân, thẻ căn cước.", "can cuoc cong dan", false, true},
		{"birth certificate", "Giấy khai sinh", "CSDL hộ tịch điện tử", "Bản sao giấy khai sinh của con", "khai sinh", false, false},
		{"birth extract", "Giấy khai sinh", "CSDL hộ tịch điện tử", "Trích lục khai sinh", "khai sinh", false, false},
		{"birth form is not the paper", "Giấy khai sinh", "CSDL hộ tịch điện tử", "Tờ khai đăng ký khai sinh", "", false, false},
		{"death certificate", "Giấy chứng tử", "CSDL hộ tịch điện tử", "Trích lục khai tử của người chết", "khai tu", false, false},
		{"long name written short", "Phiếu lý lịch tư pháp số 1", "CSDL lý lịch tư pháp", "Phiếu lý lịch tư pháp", "phieu ly lich tu phap", false, false},
		{"land certificate", "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "CSDL quốc gia về đất đai",
			"Bản sao Giấy chứng nhận quyền sử dụng đất", "quyen su dung dat", false, false},
		{"paper in brackets, not its class", "Giấy tờ chứng minh có địa điểm hợp pháp để đặt trụ sở (Giấy chứng nhận quyền sử dụng đất)", "CSDL quốc gia về đất đai",
			"Giấy tờ chứng minh có địa điểm hợp pháp để đặt trụ sở", "", false, false},
		{"the paper the database holds, not its alternative", "Quyết định thành lập hoặc Giấy chứng nhận đăng ký kinh doanh (bản sao có chứng thực)", dbDN,
			"Quyết định thành lập tổ chức", "", false, false},
		{"the alternative the database holds", "Quyết định thành lập hoặc Giấy chứng nhận đăng ký kinh doanh (bản sao có chứng thực)", dbDN,
			"Bản sao Giấy chứng nhận đăng ký doanh nghiệp", "dang ky doanh nghiep", false, false},
		{"slash list", "Hộ chiếu/Giấy chứng minh nhân dân/căn cước công dân", "CSDL quốc gia về dân cư", "Hộ chiếu còn thời hạn", "ho chieu", false, false},
		{"comma list, second paper", "Căn cước công dân, Giấy khai sinh", "CSDL quốc gia về dân cư", "Bản sao giấy khai sinh", "khai sinh", false, false},
		{"health certificate", "Giấy khám sức khỏe", "CSDL y tế", "Giấy chứng nhận đủ sức khỏe", "chung nhan du suc khoe", false, false},
		{"class named in full", "Giấy tờ, tài liệu chứng minh việc ly hôn", "CSDL hộ tịch điện tử",
			"Giấy tờ, tài liệu chứng minh việc ly hôn và việc nuôi con", "giay to tai lieu chung minh viec ly hon", false, false},
		{"class not named in full", "Giấy tờ, tài liệu chứng minh việc ly hôn", "CSDL hộ tịch điện tử", "Giấy tờ, tài liệu khác", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ns := names(tt.paper, tt.database)
			if len(ns) == 0 {
				t.Fatalf("names(%q) is empty", tt.paper)
			}
			h, ok := find(ns, tokens(tt.text))
			got := ""
			if ok {
				got = h.key
			}
			if got != tt.want {
				t.Errorf("find(%q) in %q = %q, want %q (names %v)", tt.paper, tt.text, got, tt.want, ns)
			}
			if ok && (h.number != tt.number || h.except != tt.except) {
				t.Errorf("find(%q) in %q: number %v except %v, want %v %v", tt.paper, tt.text, h.number, h.except, tt.number, tt.except)
			}
		})
	}
}

// TestNames checks how a row's paper text is cut into the names looked for.
func TestNames(t *testing.T) {
	tests := []struct {
		paper, database string
		want            []string // each name's own key phrase
	}{
		{"Giấy chứng nhận đăng ký doanh nghiệp", "", []string{"dang ky doanh nghiep"}},
		{"Giấy chứng nhận đăng ký doanh nghiệp; Căn cước công dân", "", []string{"dang ky doanh nghiep", "can cuoc cong dan"}},
		{"Giấy chứng nhận đăng ký doanh nghiệp/Giấy đăng ký kinh doanh", "", []string{"dang ky doanh nghiep", "dang ky kinh doanh"}},
		{"Giấy chứng nhận đăng ký doanh nghiệp, Giấy chứng nhận đăng ký hợp tác xã", "", []string{"dang ky doanh nghiep", "dang ky hop tac"}},
		{"Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "", []string{"quyen su dung dat"}},
		{"Căn cước (thay thế 1 phần)", "", []string{"can cuoc"}},
		{"Bản chính Giấy khám sức khoẻ do cơ quan y tế có thẩm quyền cấp", "", []string{"kham suc khoe"}},
		{"Bản sao được chứng thực từ căn cước công dân", "", []string{"can cuoc cong dan"}},
		{"c) Bản sao Giấy chứng nhận đăng ký doanh nghiệp của doanh nghiệp nhận góp vốn", "", []string{"dang ky doanh nghiep"}},
		{"Bản sao có xác nhận của đơn vị đối với Giấy chứng nhận đăng ký kinh doanh", "", []string{"dang ky kinh doanh"}},
		{"Giấy tờ chứng minh quan hệ với thân nhân ở nước ngoài bị mất hộ chiếu như: Giấy khai sinh; Giấy đăng ký kết hôn", "",
			[]string{"khai sinh", "dang ky ket hon"}},
		{"Quyết định thành lập hoặc Giấy chứng nhận đăng ký kinh doanh", "CSDL quốc gia về đăng ký doanh nghiệp", []string{"dang ky kinh doanh"}},
		{"Quyết định thành lập hoặc Giấy chứng nhận đăng ký kinh doanh", "", []string{"quyet dinh thanh lap", "dang ky kinh doanh"}},
	}
	for _, tt := range tests {
		var got []string
		for _, n := range names(tt.paper, tt.database) {
			got = append(got, strings.Join(n.keys[0].words, " "))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("names(%q) = %q, want %q", tt.paper, got, tt.want)
		}
	}
}
