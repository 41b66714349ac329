package fields

import "testing"

// The i/y rule as a table: which syllables the folded field makes one,
// and which it keeps apart because y there is not the syllable's only
// vowel or the onset never takes y.
func TestSameIY(t *testing.T) {
	cases := []struct {
		word, want string
		why        string
	}{
		{"ký", "ki", "k: kí/ký"},
		{"kí", "ki", "k: kí/ký"},
		{"Kỳ", "ki", "k, capital: kì/kỳ"},
		{"lý", "li", "l: lí/lý"},
		{"mỹ", "mi", "m: mĩ/mỹ"},
		{"hy", "hi", "h: hi/hy (hy sinh)"},
		{"sỹ", "si", "s: sĩ/sỹ"},
		{"tỷ", "ti", "t: tỉ/tỷ"},
		{"quý", "qui", "qu: the u belongs to the onset"},
		{"quí", "qui", "qu: quí/quý"},
		{"Quy", "qui", "qu: quy/qui (quy định)"},
		{"vy", "vi", "v"},
		{"đy", "di", "đ folds to d"},
		{"xy", "xi", "x: xi lanh/xy lanh"},
		{"y", "y", "no onset: ý stays"},
		{"yêu", "yeu", "y starts iê/yê"},
		{"tuy", "tuy", "u is a vowel: tuy is not túi"},
		{"thuy", "thuy", "u is a vowel"},
		{"huy", "huy", "u is a vowel: huy is not hụi"},
		{"tay", "tay", "ay is another rhyme"},
		{"cây", "cay", "ây is another rhyme"},
		{"quyết", "quyet", "y before another letter"},
		{"khuyên", "khuyen", "uyê"},
		{"thy", "thy", "th: only i is written (thi)"},
		{"chi", "chi", "ch"},
		{"gì", "gi", "gi is an onset of its own"},
		{"nghỉ", "nghi", "ngh"},
		{"ty", "ti", "t: công ty/công ti"},
		{"by", "bi", "b"},
		{"my", "mi", "m, also when typed without marks"},
		{"ky", "ki", "typed without marks"},
		{"kyoto", "kyoto", "y not last"},
		{"2y", "2y", "a digit is no onset"},
	}
	for _, c := range cases {
		if got := FoldTerm(c.word); got != c.want {
			t.Errorf("FoldTerm(%q) = %q, want %q (%s)", c.word, got, c.want, c.why)
		}
		if got := SameIY(Fold(c.word)); got != c.want {
			t.Errorf("SameIY(Fold(%q)) = %q, want %q (%s)", c.word, got, c.want, c.why)
		}
		// The analyzer's folded terms are what FoldTerm gives.
		if got := Folded().Terms(c.word); len(got) != 1 || got[0] != c.want {
			t.Errorf("Folded().Terms(%q) = %q, want [%q]", c.word, got, c.want)
		}
	}
}

func TestIYKeepsOffsetsAndExactField(t *testing.T) {
	in := "Đăng ký kết hôn; đăng kí lại"
	toks := Folded().Analyze([]byte(in))
	var terms []string
	for _, tk := range toks {
		terms = append(terms, string(tk.Term))
	}
	if len(toks) != 7 || terms[1] != "ki" || terms[5] != "ki" {
		t.Fatalf("terms %q", terms)
	}
	if w := in[toks[1].Start:toks[1].End]; w != "ký" {
		t.Errorf("offsets of ký point at %q", w)
	}
	if w := in[toks[5].Start:toks[5].End]; w != "kí" {
		t.Errorf("offsets of kí point at %q", w)
	}
	// The exact field tells the spellings apart.
	if e := Exact().Terms(in); e[1] != "ký" || e[5] != "kí" {
		t.Errorf("exact terms %q", e)
	}
	bi := Bigrams().Terms("đăng kí kết hôn")
	if len(bi) != 3 || bi[0] != "dang ki" || bi[1] != "ki ket" {
		t.Errorf("bigrams %q", bi)
	}
}

func TestPrefixWhole(t *testing.T) {
	for prefix, want := range map[string]string{"quy": "qui", "ky": "ki", "ly": "li", "qui": "", "thuy": "", "kyo": "", "y": ""} {
		got, ok := PrefixWhole(prefix)
		if got != want || ok != (want != "") {
			t.Errorf("PrefixWhole(%q) = %q, %v; want %q", prefix, got, ok, want)
		}
	}
}

func TestExactIY(t *testing.T) {
	for in, want := range map[string]string{"ký": "kí", "kí": "kí", "kỳ": "kì", "quỹ": "quĩ", "mỵ": "mị", "tuý": "tuý", "yêu": "yêu", "hy": "hi"} {
		if got := ExactIY(in); got != want {
			t.Errorf("ExactIY(%q) = %q, want %q", in, got, want)
		}
	}
	if !HasMarks("ký") || HasMarks("ky") || HasMarks("2024") {
		t.Error("HasMarks")
	}
}
