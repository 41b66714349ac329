package vntext

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

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

// TestFoldRuneIdempotent folds every rune twice: a rune that folds to
// another must fold to itself the second time (issue 15: Balinese U+1B3D
// folded to the mark U+1B3C, which the next fold dropped; U+212B folded to
// å, not a).
func TestFoldRuneIdempotent(t *testing.T) {
	bad := 0
	for r := rune(0); r <= utf8.MaxRune; r++ {
		f := FoldRune(r)
		if f < 0 {
			continue
		}
		if g := FoldRune(f); g != f {
			if bad++; bad <= 10 {
				t.Errorf("FoldRune(%U) = %U, FoldRune(%U) = %U", r, f, f, g)
			}
		}
	}
	for _, s := range []string{"0\u1b3d", "\u212b", "\u0cc0x"} {
		if a := Fold(s); Fold(a) != a {
			t.Errorf("Fold(Fold(%+q)) = %+q, Fold = %+q", s, Fold(a), a)
		}
	}
}

// addSeeds adds the files of testdata/fuzz/<target>/ at the repository root.
func addSeeds(f *testing.F, target string) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "fuzz", target, "*"))
	if len(seeds) == 0 {
		f.Fatalf("no seeds in testdata/fuzz/%s", target)
	}
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
}

func FuzzFold(f *testing.F) {
	f.Add("Giấy khai sinh")
	f.Add("Đ\u0301")
	addSeeds(f, "FuzzFold")
	f.Fuzz(func(t *testing.T, s string) {
		a := Fold(s)
		if Fold(a) != a {
			t.Fatalf("Fold not idempotent on %q", s)
		}
	})
}
