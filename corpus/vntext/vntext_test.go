package vntext

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Giấy khai sinh", "giay khai sinh"},
		{"GIẤY KHAI SINH", "giay khai sinh"},
		{"Đường", "duong"},
		{"đơn đề nghị", "don de nghi"},
		{"Sổ hộ khẩu", "so ho khau"},
		{"Căn cước công dân", "can cuoc cong dan"},
		{"plain ascii", "plain ascii"},
		{"ỨNG DỤNG", "ung dung"},
		{"104/2022/NĐ-CP", "104/2022/nd-cp"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Fold(norm.NFD.String(tt.in)); got != tt.want {
			t.Errorf("Fold(NFD %q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWords(t *testing.T) {
	got := Words("Bản sao (có chứng thực) Giấy khai sinh;CCCD")
	want := []string{"Bản", "sao", "có", "chứng", "thực", "Giấy", "khai", "sinh", "CCCD"}
	if len(got) != len(want) {
		t.Fatalf("Words = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Words = %q, want %q", got, want)
		}
	}
}

func FuzzFold(f *testing.F) {
	f.Add("Giấy khai sinh")
	f.Add("Đ\u0301")
	f.Fuzz(func(t *testing.T, s string) {
		a := Fold(s)
		if Fold(a) != a {
			t.Fatalf("Fold not idempotent on %q", s)
		}
	})
}
