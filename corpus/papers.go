package corpus

// NewPaper: what a paper's wording says (certified copy, optional,
// condition, alternatives).

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// conditionPhrases open a condition in folded paper text, longest first.
var conditionPhrases = []string{"doi voi truong hop", "trong truong hop", "truong hop", "doi voi"}

// findCondition returns the byte span of the first condition phrase in
// folded text f (followed by white space), or nil. It prefers the longest
// phrase at the earliest position.
func findCondition(f string) []int {
	var best []int
	for _, ph := range conditionPhrases {
		for from := 0; from < len(f); {
			i := strings.Index(f[from:], ph)
			if i < 0 {
				break
			}
			at := from + i
			end := at + len(ph)
			from = end
			if end < len(f) && (f[end] == ' ' || f[end] == '\n' || f[end] == '\t') {
				if best == nil || at < best[0] {
					best = []int{at, end + 1}
				}
				break
			}
		}
	}
	return best
}

// alternativesIntroRe finds "one of the following papers" in folded text.
var alternativesIntroRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`mot trong (cac|nhung|so cac) (giay to|tai lieu|loai giay to|van ban)[^:]*:`)
})

// NewPaper builds a Paper from its published text, filling what the wording
// says: certified copy, optional ("nếu có"), condition ("đối với trường
// hợp ..."), alternatives ("... hoặc ..."). Quantities, forms and case are
// left for the caller.
func NewPaper(text string) Paper {
	text = strings.TrimSpace(text)
	p := Paper{Text: text}
	f := vntext.Fold(text)
	// Folding maps each rune to one rune here (NFC Vietnamese letters), so
	// byte offsets in f map to text by counting runes; work with runes.
	fr := []rune(f)
	tr := []rune(text)
	if len(fr) != len(tr) {
		// Marks dropped by folding: fall back to a rune-aligned fold.
		fr = make([]rune, len(tr))
		for i, r := range tr {
			if x := vntext.FoldRune(r); x >= 0 {
				fr[i] = x
			} else {
				fr[i] = ' '
			}
		}
		f = string(fr)
	}
	p.CertifiedCopy = (strings.Contains(f, "chung thuc") || strings.Contains(f, "sao y")) && certifiedCopyRe().MatchString(f)
	p.Optional = optionalPaper(f)
	if strings.Contains(f, "doi voi") || strings.Contains(f, "truong hop") {
		p.Condition = paperCondition(text, f)
	}
	p.Alternatives = paperAlternatives(text, f)
	return p
}

// certifiedCopyRe matches a request for a certified copy, folded.
var certifiedCopyRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`ban sao (co |da |duoc )?chung thuc|ban sao[^.;]{0,80}(duoc|da duoc|co) chung thuc|sao y ban chinh`)
})

// optionalPaper reports whether the paper as a whole is asked for only if
// it exists: "(nếu có)" in its first clause or at its end.
func optionalPaper(f string) bool {
	i := strings.Index(f, "neu co")
	if i < 0 {
		return false
	}
	rest := strings.Trim(f[i+len("neu co"):], " .;:)(")
	if rest == "" {
		return true
	}
	head := f[:i]
	return !strings.ContainsAny(head, ";:") && !strings.Contains(head, ". ") && !strings.Contains(head, " - ") && len([]rune(head)) < 120
}

// paperCondition returns the condition under which the paper is asked for.
func paperCondition(text, f string) string {
	loc := findCondition(f)
	if loc == nil {
		return ""
	}
	// Byte offsets in f equal byte offsets in a string of the same runes
	// only when widths match; map via runes.
	rs := []rune(text)
	start := utf8.RuneCountInString(f[:loc[0]])
	fr := []rune(f)
	// Inside parentheses the condition ends at the closing one.
	depth := 0
	for _, r := range fr[:start] {
		switch r {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		}
	}
	end := len(fr)
	d := depth
	for i := start; i < len(fr); i++ {
		r := fr[i]
		if r == '(' {
			d++
			continue
		}
		if r == ')' {
			if d == depth && depth > 0 {
				end = i
				break
			}
			d--
			continue
		}
		if d > depth {
			continue
		}
		if r == ';' || r == '\n' || r == ':' || r == '.' && (i+1 == len(fr) || fr[i+1] == ' ') {
			end = i
			break
		}
		if i+5 <= len(rs) && string(rs[i:i+5]) == " thì " {
			end = i
			break
		}
	}
	return strings.TrimSpace(strings.TrimRight(string(rs[start:end]), " ,"))
}

// itemLetterBeforeRe matches, folded, a lettered list marker ("b) ") that
// starts the item ending at the end of the text.
var itemLetterBeforeRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:^|[;\n]|\.\s)\s*([a-z])\)\s*$`) })

// nextSiblingItem returns the byte offset in f (folded) where the list item
// after the one holding f[introStart:introEnd) starts, when that item is
// lettered ("b) Một trong các giấy tờ sau: ...; c) ..."), or -1.
func nextSiblingItem(f string, introStart, introEnd int) int {
	m := itemLetterBeforeRe().FindStringSubmatch(f[:introStart])
	if m == nil || m[1] == "z" {
		return -1
	}
	next := m[1][0] + 1
	for _, loc := range itemLetterRe().FindAllStringSubmatchIndex(f[introEnd:], -1) {
		if f[introEnd+loc[2]] == next {
			return introEnd + loc[0]
		}
	}
	return -1
}

// itemLetterRe matches, folded, a lettered list marker after a separator:
// "; c) ".
var itemLetterRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:[;\n]|\.\s)\s*([a-z])\)\s`) })

// paperAlternatives lists the papers of which any one will do: the items
// after "Một trong các giấy tờ sau:", or the parts of a first clause joined
// by "hoặc".
func paperAlternatives(text, f string) []string {
	rs := []rune(text)
	fr := []rune(f)
	if !strings.Contains(f, "mot trong") && !strings.Contains(f, " hoac ") {
		return nil
	}
	if loc := alternativesIntroRe().FindStringIndex(f); loc != nil {
		from := utf8.RuneCountInString(f[:loc[1]])
		to := len(rs)
		if n := nextSiblingItem(f, loc[0], loc[1]); n >= 0 {
			// "a) Đơn; b) Một trong các giấy tờ sau: ...; c) Giấy xác
			// nhận": the choice is item b)'s, and ends where c) starts.
			to = utf8.RuneCountInString(f[:n])
		}
		body := string(rs[from:to])
		items := splitListItems(body)
		if len(items) >= 2 {
			return items
		}
		parts := strings.Split(body, ";")
		if len(parts) < 2 && to < len(rs) {
			// Inside a lettered item, "A, B hoặc C, D" is a choice at
			// "hoặc", with commas inside its two documents' names.
			parts = splitOutsideParens(body, " hoặc ")
		}
		if len(parts) < 2 {
			parts = strings.Split(body, ",")
		}
		var out []string
		for _, p := range parts {
			if p = strings.Trim(p, " .\n"); p != "" {
				out = append(out, p)
			}
		}
		if len(out) >= 2 {
			return out
		}
		return nil
	}
	// First clause, outside parentheses.
	end := len(fr)
	depth := 0
	for i, r := range fr {
		switch {
		case r == '(':
			depth++
		case r == ')':
			if depth > 0 { // "a)" closes nothing
				depth--
			}
		case depth == 0 && (r == ';' || r == ':' || r == '\n' || r == '.' && i+1 < len(fr) && fr[i+1] == ' '):
			end = i
		}
		if end != len(fr) {
			break
		}
	}
	clause := string(fr[:end])
	if !strings.Contains(clause, " hoac ") {
		return nil
	}
	// Cut the condition off the clause.
	if loc := findCondition(clause); loc != nil {
		end = utf8.RuneCountInString(clause[:loc[0]])
		clause = clause[:loc[0]]
	}
	var out []string
	pos := 0
	parts := splitOutsideParens(clause, " hoac ")
	for i, part := range parts {
		n := utf8.RuneCountInString(part)
		orig := strings.Trim(string(rs[pos:pos+n]), " ,.;(")
		pos += n + len([]rune(" hoac "))
		// Each alternative names a document ("Giấy ...", "Hộ chiếu");
		// "hoặc" between other words joins modifiers ("vốn điều lệ hoặc
		// vốn được cấp"), and "bản chính hoặc bản sao" is a choice of copy.
		head := trimFoldedMarker(strings.TrimSpace(part))
		if i > 0 && !startsWithDocNoun(head) || i == 0 && isCopyKind(head) {
			return nil
		}
		if orig != "" {
			out = append(out, orig)
		}
	}
	if len(out) < 2 || len([]rune(out[0])) > 150 {
		return nil
	}
	return out
}

// docNouns are the folded words that start the name of a document.
var docNouns = []string{
	"giay", "ban ", "van ban", "van bang", "quyet dinh", "hop dong", "ho chieu", "the ", "cmnd", "cccd",
	"chung minh", "can cuoc", "chung tu", "tai lieu", "bao cao", "so ", "hoa don", "to khai", "don ",
	"phieu", "bien ban", "chung chi", "chung thu", "chung nhan", "nghi quyet", "thong bao", "xac nhan",
	"danh sach", "ke hoach", "phuong an", "de an", "du an", "bang ", "cong van", "thu ", "ho so", "anh ",
	"trich luc", "trich sao", "le phi", "hoc ba", "ban sao", "ban chup", "ban goc", "ban chinh", "cac giay",
	"cac tai lieu", "cac van ban", "mot trong", "dieu le", "quy che", "bo ", "tem ",
}

// startsWithDocNoun reports whether folded text starts with a document noun.
func startsWithDocNoun(f string) bool {
	f += " "
	for _, n := range docNouns {
		if strings.HasPrefix(f, n) {
			return true
		}
	}
	return false
}

// isCopyKind reports whether folded text only names a kind of copy.
func isCopyKind(f string) bool {
	switch strings.TrimSpace(f) {
	case "ban chinh", "ban goc", "ban sao", "ban chup":
		return true
	}
	return false
}
