package check

import (
	"path/filepath"
	"strings"
	"unicode"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// fixtureDir holds the draft fixtures with inline expectations.
var fixtureDir = filepath.Join("..", "..", "testdata", "check")

// stubMatcher stands in for the flag catalog: it finds a few paper names
// and, like the catalog's matcher, leaves out names in a sentence that says
// the paper need not be submitted or that the agency looks the data up,
// names typed without diacritics match (the catalog matches folded words),
// and a paper offered with an alternative the stub does not know ("Giấy
// khai sinh hoặc giấy tờ khác …") is not reported, as the command reports
// only requirements whose every alternative the catalog covers.
type stubMatcher struct{}

var stubPapers = []string{"giấy chứng nhận đăng ký doanh nghiệp", "phiếu lý lịch tư pháp", "giấy khai sinh",
	"trích lục khai sinh", "sổ hộ khẩu", "giấy tờ chứng minh nơi cư trú", "thẻ căn cước công dân", "căn cước công dân", "chứng minh nhân dân",
	"giấy phép lái xe", "giấy chứng nhận đăng ký xe", "thẻ bảo hiểm y tế", "giấy khám sức khỏe", "giấy chứng nhận quyền sử dụng đất",
	"giấy chứng nhận đăng ký hộ kinh doanh", "cmnd/cccd", "cmnd", "cccd"}

// foldOffsets returns text lower-cased and folded (no diacritics, đ as d)
// rune by rune, with the byte offset in text of each byte of the result and
// one past the end.
func foldOffsets(text string) (string, []int) {
	var b strings.Builder
	var offs []int
	for i, r := range text {
		fr := vntext.FoldRune(unicode.ToLower(r))
		if fr < 0 {
			continue // a combining mark
		}
		f := string(fr)
		b.WriteString(f)
		for range len(f) {
			offs = append(offs, i)
		}
	}
	return b.String(), append(offs, len(text))
}

func (stubMatcher) Mentions(text string) []PaperMention {
	low := lowerSameLen(text)
	if strings.Contains(low, "không phải nộp") || strings.Contains(low, "khai thác thông tin") {
		return nil
	}
	folded, offs := foldOffsets(text)
	var out []PaperMention
	taken := make([]bool, len(folded))
	known := func(rest string) bool {
		for _, p := range stubPapers {
			if strings.HasPrefix(rest, vntext.Fold(p)) {
				return true
			}
		}
		return false
	}
	for _, p := range stubPapers {
		fp := vntext.Fold(p)
		from := 0
		for {
			i := strings.Index(folded[from:], fp)
			if i < 0 {
				break
			}
			i += from
			from = i + len(fp)
			start, end := offs[i], offs[i+len(fp)]
			// Typed with diacritics, the tones must be the paper's.
			if orig := low[start:end]; vntext.Fold(orig) != orig && orig != p {
				continue
			}
			if taken[i] {
				continue
			}
			for k := i; k < i+len(fp); k++ {
				taken[k] = true
			}
			if rest, ok := strings.CutPrefix(strings.TrimLeft(folded[i+len(fp):], " ,"), "hoac "); ok && !known(rest) {
				continue
			}
			out = append(out, PaperMention{Start: start, End: end, Entry: "stub", Paper: p,
				Database: "Stub Database", Basis: "Stub Resolution, Art. 1"})
		}
	}
	return out
}
