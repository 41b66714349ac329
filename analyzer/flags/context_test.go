package flags

import (
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/corpus"
)

// TestForeignContext: papers of foreigners, people abroad, foreign
// organisations and crews are not covered, whether the text, its opening
// heading or the case heading says so. Texts written for the test.
func TestForeignContext(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		text, caseHeading string
		entry             string // flagged entry, "" for none
	}{
		{"Hộ chiếu thuyền viên, hộ chiếu của hành khách", "", ""},
		{"Bản sao hộ chiếu của các thành viên tổ bay", "", ""},
		{"Bản sao hộ chiếu của người đề nghị", "", "passport"},
		{"Hộ chiếu phổ thông và sổ thuyền viên của người đi biển", "", "passport"},
		{"Đối với người đang định cư ở nước ngoài, hồ sơ gồm: - Tờ khai; - Bản sao hộ chiếu hoặc giấy tờ chứng minh nhân thân", "", ""},
		{"3. Hồ sơ của cổ đông sáng lập là tổ chức tín dụng nước ngoài: a) Điều lệ; b) Quyết định cử người đại diện kèm theo bản sao hộ chiếu của người đại diện", "", ""},
		{"3. Hồ sơ của cổ đông sáng lập là doanh nghiệp trong nước: a) Điều lệ; b) Quyết định cử người đại diện kèm theo bản sao hộ chiếu của người đại diện", "", "passport"},
		{"Giấy đăng ký kinh doanh của doanh nghiệp", "Đối với doanh nghiệp Trung Quốc:", ""},
		{"Bản sao hộ chiếu", "Trường hợp người nước ngoài đề nghị:", ""},
		{"Bản sao hộ chiếu", "Đối với người Việt Nam, người nước ngoài có thẻ thường trú:", "passport"},
		{"Giấy đăng ký kinh doanh của doanh nghiệp", "Đối với doanh nghiệp Việt Nam, Campuchia:", "business-registration"},
	}
	for _, tt := range tests {
		r := m.Paper(corpus.Paper{Text: tt.text, Case: tt.caseHeading})
		got := ""
		if r.Flagged {
			got = r.Entry
		}
		if got != tt.entry {
			t.Errorf("Paper(%q, case %q): %q, want %q (%s: %s)", tt.text, tt.caseHeading, got, tt.entry, r.ReasonCode, r.Reason)
		}
		if tt.entry == "" && r.ReasonCode != ReasonNotCovered {
			t.Errorf("Paper(%q, case %q): reason code %s, want %s", tt.text, tt.caseHeading, r.ReasonCode, ReasonNotCovered)
		}
	}
}

// TestLookupFallback: a paper asked for only when the look-up fails is a
// mention, not a requirement.
func TestLookupFallback(t *testing.T) {
	m := testMatcher(t)
	for _, text := range []string{
		"Giấy xác nhận thông tin về cư trú (trường hợp thông tin chưa cập nhật trên Cơ sở dữ liệu quốc gia về dân cư)",
		"Bản sao giấy khai sinh, nếu dữ liệu hộ tịch chưa được số hóa",
		"Sổ hộ khẩu (trường hợp cơ quan không khai thác được thông tin)",
	} {
		r := m.Paper(corpus.Paper{Text: text})
		if r.Flagged || !r.NotRequired || r.ReasonCode != ReasonMentionOnly {
			t.Errorf("Paper(%q): flagged %v, not required %v, %s; want a mention (%s)", text, r.Flagged, r.NotRequired, r.ReasonCode, r.Reason)
		}
	}
}

// TestProducedByName: a procedure handles a paper itself when its name
// issues, changes or works on it, not when the name only mentions it.
func TestProducedByName(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		name, paper string
		flagged     bool
	}{
		{"Cấp đổi giấy phép lái xe", "Bản sao giấy phép lái xe", false},
		{"Cấp, cấp lại, cấp đổi giấy phép lái xe", "Giấy phép lái xe", false},
		{"Cấp giấy phép lái xe quốc tế", "Bản chính giấy phép lái xe", true},
		{"Cấp lại tem kiểm soát trong trường hợp hộ chiếu bị mất", "Hộ chiếu phổ thông còn thời hạn", true},
		{"Gia hạn thị thực khi hộ chiếu còn hạn", "Bản chính hộ chiếu", true},
		{"Điều chỉnh thông tin trên sổ bảo hiểm xã hội", "Sổ bảo hiểm xã hội", false},
		{"Cấp tài khoản định danh mức độ 2, thẻ căn cước cho công dân", "Xuất trình thẻ căn cước", false},
		{"Thu thập thông tin sinh trắc học vào cơ sở dữ liệu về căn cước", "Xuất trình thẻ căn cước", false},
		{"Đăng ký khai sinh cho trẻ em có cha mẹ đã có giấy chứng nhận kết hôn", "Bản sao giấy chứng nhận kết hôn", true},
	}
	for _, tt := range tests {
		r := m.Procedure(&corpus.Procedure{Name: tt.name, Papers: []corpus.Paper{{Text: tt.paper}}})
		if got := r.Papers[0].Flagged; got != tt.flagged {
			t.Errorf("procedure %q, paper %q: flagged %v, want %v (%s)", tt.name, tt.paper, got, tt.flagged, r.Papers[0].Reason)
		}
	}
}

// TestRunOnCopyWording: copy wording run into the paper's name, without a
// space or a capital seam, is still copy wording.
func TestRunOnCopyWording(t *testing.T) {
	m := testMatcher(t)
	tests := []struct{ text, entry string }{
		{"Bảnsao giấy khai sinh", "birth-certificate"},
		{"bansao giaykhaisinh", "birth-certificate"},
		{"Bản sao có chứng thựcgiấy khai sinh", "birth-certificate"},
		{"Bản saogiấy khai sinh", "birth-certificate"},
		{"Bảnsao Giấychứng nhận đăng ký xe", "vehicle-registration"},
		{"01 bảnchính sổ hộ khẩu", "residence-book"},
		{"Bảnsao giấy phép xây dựng", ""},
		{"Bản đồ hiện trạng khu đất", ""},
	}
	for _, tt := range tests {
		got, r := flaggedEntry(m, tt.text)
		if got != tt.entry {
			t.Errorf("Paper(%q): %q, want %q (%s: %s)", tt.text, got, tt.entry, r.ReasonCode, r.Reason)
		}
		if got != "" && !strings.Contains(tt.text, r.Components[0].Text) {
			t.Errorf("Paper(%q): component text %q not in the text", tt.text, r.Components[0].Text)
		}
	}
	// The split words keep their place in the text.
	for _, text := range []string{"Bảnsao giấy khai sinh", "chứng thựcgiấy khai sinh"} {
		for _, mm := range m.Mentions("Hồ sơ gồm: " + text) {
			if mm.Text != "giấy khai sinh" {
				t.Errorf("Mentions(%q): %q at %d-%d", text, mm.Text, mm.Start, mm.End)
			}
		}
	}
}

// TestReasonCodesNotCovered: a paper the catalog names but does not cover
// here says not-covered, whether the catalog excludes its name, its entry
// has no basis in force, or it is one choice among uncovered ones; a later
// sentence about the paper is not another component.
func TestReasonCodesNotCovered(t *testing.T) {
	m := testMatcher(t)
	tests := []struct{ text, code, words string }{
		{"Giấy phép lái xe quân sự còn hiệu lực", ReasonNotCovered, "excludes"},
		{"Bản sao hộ chiếu nước ngoài", ReasonNotCovered, "excludes"},
		{"Người cha nộp hồ sơ là bản sao giấy khai sinh hoặc bản sao giấy báo sinh của con", ReasonPartlyCovered, "not every alternative"},
		{"Bản sao Giấy phép xây dựng", ReasonNotInCatalog, "names no paper"},
	}
	for _, tt := range tests {
		r := m.Paper(corpus.Paper{Text: tt.text})
		if r.Flagged || r.ReasonCode != tt.code || !strings.Contains(r.Reason, tt.words) {
			t.Errorf("Paper(%q): %s %q, want %s with %q", tt.text, r.ReasonCode, r.Reason, tt.code, tt.words)
		}
	}
	r := m.Paper(corpus.Paper{Text: "Giấy khám sức khỏe do bệnh viện cấp huyện, tỉnh trở lên cấp. Giấy khám sức khỏe có giá trị 6 tháng kể từ ngày ký."})
	if !r.Flagged || len(r.Components) != 1 || !strings.Contains(r.Components[0].Text, "tỉnh trở lên cấp") {
		t.Errorf("health certificate with a statement after it: flagged %v, components %+v", r.Flagged, r.Components)
	}
	c, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	day, _ := catalog.ParseDate("2000-01-01")
	old := NewMatcher(c.InForce(day))
	if r := old.Paper(corpus.Paper{Text: "Bản sao giấy khai sinh"}); r.Flagged || r.ReasonCode != ReasonNotCovered || !strings.Contains(r.Reason, "in force") {
		t.Errorf("entry not in force: %s %q, want not-covered saying so", r.ReasonCode, r.Reason)
	}
}
