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
