package check

import (
	"strings"
	"testing"
)

// TestDossierOpeners checks which list openers define a dossier and which
// name papers not to ask for (Draft.Exempt), and the names dossiers get.
func TestDossierOpeners(t *testing.T) {
	tests := []struct {
		text    string
		dossier bool   // a dossier list is defined
		name    string // its procedure's name, when one is
		exempt  bool   // the list is one of papers not to ask for
	}{
		{"### Điều 1. Cấp phép\n\nHồ sơ đề nghị cấp phép gồm: đơn đề nghị; bản sao giấy phép.", true, "cấp phép", false},
		{"### Điều 1. Giấy tờ\n\nCơ quan không được yêu cầu người dân nộp các giấy tờ sau:\n\na) Sổ hộ khẩu;\n\nb) Giấy khai sinh.", false, "", true},
		{"### Điều 1. Giấy tờ\n\nNgười nộp hồ sơ không phải nộp các giấy tờ sau:\n\na) Sổ hộ khẩu;\n\nb) Giấy khai sinh.", false, "", true},
		{"### Điều 1. Giấy tờ\n\nNgười nộp hồ sơ không cần nộp các giấy tờ sau:\n\na) Sổ hộ khẩu;\n\nb) Giấy khai sinh.", false, "", true},
		{"### Điều 1. Giấy tờ\n\nNgười nộp hồ sơ nộp các giấy tờ sau:\n\na) Sổ hộ khẩu;\n\nb) Giấy khai sinh.", true, "Giấy tờ", false},
		{"### Điều 1. Giấy tờ\n\nNgười nộp hồ sơ được miễn nộp các giấy tờ sau:\n\na) Sổ hộ khẩu;\n\nb) Giấy khai sinh.", false, "", true},
		{"### Điều 1. Gia hạn\n\nHồ sơ không bao gồm phiếu lý lịch tư pháp; sổ hộ khẩu.", false, "", true},
		{"### Điều 1. Gia hạn\n\nHồ sơ không cần bao gồm: phiếu lý lịch tư pháp; sổ hộ khẩu.", false, "", true},
		{"### Điều 1. Gia hạn\n\nHồ sơ không phải bao gồm: phiếu lý lịch tư pháp; sổ hộ khẩu.", false, "", true},
		// Words that qualify the verb or open a parenthesis name nothing:
		// the article title names the procedure.
		{"### Điều 1. Thủ tục gia hạn\n\nHồ sơ còn bao gồm tài liệu giải trình; bản thuyết minh.", true, "gia hạn", false},
		{"### Điều 1. Thủ tục gia hạn\n\nHồ sơ mới gồm tờ khai; bản thuyết minh.", true, "gia hạn", false},
		{"### Điều 1. Thủ tục gia hạn\n\nToàn bộ hồ sơ (gồm có tờ khai, bản thuyết minh) gửi cơ quan tài chính.", true, "gia hạn", false},
		{"### Điều 1. Trình tự, thủ tục gia hạn\n\nHồ sơ (bản chính) gồm: tờ khai; bản thuyết minh.", true, "gia hạn", false},
		{"### Điều 1. Con dấu\n\nHồ sơ đăng ký mẫu con dấu mới gồm: tờ khai; giấy phép.", true, "đăng ký mẫu con dấu mới", false},
		// "Hồ sơ <name>:" with no verb opens a list, inline or below; a
		// sentence about the dossier or a form's field does not.
		{"### Điều 5. Công bố\n\n1. Hồ sơ đăng ký bản công bố hợp quy:\n\na) Bản công bố;\n\nb) Giấy ủy quyền.", true, "đăng ký bản công bố hợp quy", false},
		{"### Điều 24. Thử nghiệm\n\n2. Hồ sơ: đơn đề nghị; đề án thử nghiệm.", true, "Thử nghiệm", false},
		{"### Điều 2. Hỗ trợ\n\n2. Hồ sơ đề nghị hỗ trợ:\n\nTổ chức gửi 01 bộ hồ sơ gồm các tài liệu sau đây:\n\na) Văn bản đề nghị;\n\nb) Kế hoạch trả nợ.", true, "hỗ trợ", false},
		{"### Điều 3. Kiến trúc\n\n2. Hồ sơ thiết kế kiến trúc phải đảm bảo các yêu cầu sau:\n\na) Đúng quy chuẩn;\n\nb) Đủ bản vẽ.", false, "", false},
		{"### Điều 3. Mẫu đơn\n\nHồ sơ kèm theo:\n\n- Liệt kê rõ tài liệu kèm theo.", false, "", false},
		{"### Điều 3. Điều động\n\n4. Hồ sơ, trình tự, thủ tục điều động:\n\na) Cơ quan đề nghị;\n\nb) Cơ quan quyết định.", false, "", false},
		{"### Điều 3. Lưu trữ\n\n1. Hồ sơ lưu trữ tại cơ quan:\n\na) Bản chính;\n\nb) Bản sao.", false, "", false},
	}
	for _, tt := range tests {
		d, err := Parse("t.md", []byte(tt.text), FormatMarkdown)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(d.Dossiers) > 0; got != tt.dossier {
			t.Errorf("%q: dossier = %v, want %v", tt.text, got, tt.dossier)
		}
		if got := len(d.Exempt) > 0; got != tt.exempt {
			t.Errorf("%q: exempt = %v, want %v", tt.text, got, tt.exempt)
		}
		if tt.name != "" && (len(d.Procedures) == 0 || d.Procedures[0].Name != tt.name) {
			var names []string
			for _, p := range d.Procedures {
				names = append(names, p.Name)
			}
			t.Errorf("%q: procedures %q, want %q", tt.text, strings.Join(names, "|"), tt.name)
		}
	}
}

// TestEmptySubItems checks blockItems on sub-items that name nothing ("- ."):
// they neither replace the item introducing them nor add an item, and a
// real sub-item after them still replaces it. Every item holds text.
func TestEmptySubItems(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Điều 1. Thủ tục\n1. Hồ sơ gồm:\na) Tờ khai gồm các văn bản sau:\n- .\n", []string{"Tờ khai gồm các văn bản sau"}},
		{"Điều 1. Thủ tục\n1. Hồ sơ gồm:\na) Tờ khai gồm các văn bản sau:\n- .\n- Bản sao hợp đồng;\n- Bản kê khai.\n", []string{"Bản sao hợp đồng", "Bản kê khai"}},
		{"Điều 1. Thủ tục\n1. Hồ sơ gồm:\na) Đơn đề nghị;\n- ;\nb) Bản kê khai.\n", []string{"Đơn đề nghị", "Bản kê khai"}},
	}
	for _, tt := range tests {
		d, err := Parse("t.txt", []byte(tt.text), FormatText)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, ds := range d.Dossiers {
			for _, it := range ds.Items {
				if it.Start >= it.End {
					t.Errorf("%q: empty item %v", tt.text, it)
				}
				got = append(got, d.TextOf(it))
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: items %q, want %q", tt.text, got, tt.want)
		}
	}
}
