package decisions

import (
	"strings"

	"github.com/redtape-vn/redtape/analyzer/vntext"
)

// A decision names its paper as the law does ("Giấy chứng nhận đăng ký
// doanh nghiệp"); a dossier names it as the ministry wrote it ("Bản sao
// GCN ĐKDN", "Giấy chứng nhận đăng ký kinh doanh"). The matcher here is
// general, with no rule for any row: a row's paper text is cut into the
// names of the papers it lists, each name is reduced to its key words
// (copy words, the generic head "giấy"/"thẻ"/"trích lục" and trailing
// qualifiers dropped), and a dossier paper names a row's paper when its
// folded words, abbreviations spelled out, hold one of those key phrases
// as consecutive words, or a phrase the alias table gives as the same
// paper under another name.

// name is one paper a row names, as the folded key phrases to look for.
type name struct {
	// text is the name as the row writes it, folded.
	text string
	// keys are the key phrases, each as folded words; the first is the
	// name's own, the others its aliases.
	keys [][]string
}

// token is one word of a dossier text: folded, and as written in lower case.
type token struct {
	fold, low string
}

// tokens splits text into words, folded and lower-cased, spelling out the
// abbreviations dossiers use for paper names ("CCCD", "GCN ĐKDN").
func tokens(text string) []token {
	low := vntext.Words(vntext.Lower(text))
	out := make([]token, 0, len(low)+4)
	for _, w := range low {
		f := vntext.Fold(w)
		if exp, ok := abbreviations[f]; ok {
			for _, e := range strings.Fields(exp) {
				out = append(out, token{fold: e, low: w})
			}
			continue
		}
		out = append(out, token{fold: f, low: w})
	}
	return out
}

// abbreviations spell out, in folded words, the abbreviations of paper
// names seen in dossiers. It is read only.
var abbreviations = map[string]string{
	"cccd":         "can cuoc cong dan",
	"cmnd":         "chung minh nhan dan",
	"cmtnd":        "chung minh nhan dan",
	"gcn":          "giay chung nhan",
	"dkdn":         "dang ky doanh nghiep",
	"dkkd":         "dang ky kinh doanh",
	"gcndkdn":      "giay chung nhan dang ky doanh nghiep",
	"gcndkkd":      "giay chung nhan dang ky kinh doanh",
	"qsdd":         "quyen su dung dat",
	"gcnqsdd":      "giay chung nhan quyen su dung dat",
	"lltp":         "ly lich tu phap",
	"dkhkd":        "dang ky ho kinh doanh",
	"gcndkhkd":     "giay chung nhan dang ky ho kinh doanh",
	"dkhtx":        "dang ky hop tac xa",
	"htx":          "hop tac xa",
	"gpkd":         "giay phep kinh doanh",
	"dinhdanh":     "dinh danh",
	"giaykhaisinh": "giay khai sinh",
}

// aliases are groups of key phrases, in folded words, naming one paper
// under its names old and new; a row naming one matches a dossier naming
// another. Read only.
var aliases = [][]string{
	{"dang ky doanh nghiep", "dang ky kinh doanh"},
	{"can cuoc", "chung minh nhan dan", "dinh danh ca nhan", "dinh danh dien tu"},
	{"khai tu", "chung tu"},
	{"ket hon", "dang ky ket hon"},
	{"kham suc khoe", "chung nhan suc khoe", "chung nhan du suc khoe"},
}

// copyWords are the words before a paper's name that say which copy is
// asked for; heads are the generic words a name starts with that do not
// tell papers apart. Both are dropped from key phrases. Read only.
var (
	copyWords = [][]string{
		{"ban", "sao", "co", "chung", "thuc"}, {"ban", "sao", "hop", "le"},
		{"ban", "sao", "dien", "tu"}, {"ban", "sao"}, {"ban", "chinh"}, {"ban", "chup"},
		{"ban", "scan"}, {"01"}, {"1"}, {"mot"}, {"bao", "gom"}, {"gom"}, {"la"},
	}
	heads = [][]string{
		{"giay", "chung", "nhan"}, {"giay", "xac", "nhan"}, {"giay", "to"}, {"giay"},
		{"the"}, {"trich", "luc"}, {"ban"},
	}
	// paperHeads start a name of a paper: a comma before one of them
	// starts another paper of the list.
	paperHeads = [][]string{
		{"giay"}, {"can", "cuoc"}, {"the"}, {"so"}, {"ho", "chieu"}, {"trich", "luc"},
		{"phieu"}, {"ban", "sao"}, {"ban", "chinh"}, {"quyet", "dinh"}, {"chung", "chi"},
		{"van", "bang"}, {"chung", "minh"}, {"ho", "khau"}, {"hop", "dong"}, {"bang"},
		{"chung", "nhan"}, {"dang", "ky"},
	}
	// classes name a class of papers rather than a paper ("giấy tờ chứng
	// minh ...", "tài liệu"): when a row also names a paper of the class,
	// only that paper is looked for.
	classes = [][]string{{"giay", "to"}, {"tai", "lieu"}, {"van", "ban"}, {"ho", "so"}}
	// qualifiers end a paper's name: what follows says who issues it, for
	// whom, in which case, or how it is replaced.
	qualifiers = [][]string{
		{"do"}, {"cua"}, {"doi", "voi"}, {"trong", "truong", "hop"}, {"truong", "hop"},
		{"neu"}, {"theo"}, {"duoc"}, {"co", "chung", "thuc"}, {"co", "dong", "dau"},
		{"ap", "dung"}, {"thay", "the"}, {"con", "hieu", "luc"}, {"con", "thoi", "han"},
		{"hoac"}, {"va"}, {"cho"}, {"tai"}, {"de"}, {"ban", "sao"}, {"ban", "chinh"},
	}
)

// maxKey is the most words a key phrase keeps: a dossier writes a long
// name short ("Phiếu lý lịch tư pháp" for "Phiếu lý lịch tư pháp số 1").
const maxKey = 4

// names cuts a row's paper text into the names of the papers it lists.
func names(paper string) []name {
	var parts []string
	main := paper
	// "(Giấy chứng nhận quyền sử dụng đất)": a paper in brackets is one too.
	for {
		i := strings.IndexByte(main, '(')
		if i < 0 {
			break
		}
		j := strings.IndexByte(main[i:], ')')
		if j < 0 {
			main = main[:i]
			break
		}
		parts = append(parts, main[i+1:i+j])
		main = main[:i] + " , " + main[i+j+1:]
	}
	// "...: Giấy tờ ..., giấy chứng nhận ...": the list after a colon.
	if i := strings.IndexByte(main, ':'); i >= 0 {
		parts = append(parts, main[i+1:])
		main = main[:i]
	}
	parts = append([]string{main}, parts...)
	var out []name
	var class []name
	seen := map[string]bool{}
	for pi, part := range parts {
		for _, piece := range strings.FieldsFunc(part, func(r rune) bool { return r == ';' || r == '/' || r == '\n' }) {
			for _, n := range splitList(vntext.FoldedWords(piece), pi == 0) {
				k := strings.Join(n, " ")
				if seen[k] {
					continue
				}
				seen[k] = true
				nm := name{text: k, keys: expand(n)}
				if prefixAny(n, classes) > 0 {
					class = append(class, nm)
				} else {
					out = append(out, nm)
				}
			}
		}
	}
	if len(out) == 0 {
		return class
	}
	return out
}

// splitList cuts the folded words of one piece of a row's paper at "hoặc",
// "và" and commas that start another paper, and returns each name's
// words, copy words dropped and cut at its first qualifier. A piece from
// brackets or after a colon (first false) gives names only where it starts
// with a paper's head, and not "bản sao có chứng thực".
func splitList(words []string, first bool) [][]string {
	var out [][]string
	start := 0
	emit := func(end int) {
		n := trimName(words[start:end])
		if len(n) > 0 && (first || len(out) > 0 || prefixAny(n, paperHeads) > 0) {
			out = append(out, n)
		}
	}
	for i := 0; i < len(words); i++ {
		w := words[i]
		if (w == "hoac" || w == "va") && i+1 < len(words) && prefixAny(skipCopy(words[i+1:]), paperHeads) > 0 {
			emit(i)
			start = i + 1
		}
	}
	emit(len(words))
	return out
}

// trimName drops a name's copy words and cuts it at its first qualifier.
func trimName(words []string) []string {
	words = skipCopy(words)
	for i := 1; i < len(words); i++ {
		if prefixAny(words[i:], qualifiers) > 0 {
			return words[:i]
		}
	}
	return words
}

// skipCopy drops the copy words a name starts with.
func skipCopy(words []string) []string {
	for {
		n := prefixAny(words, copyWords)
		if n == 0 || n == len(words) {
			return words
		}
		words = words[n:]
	}
}

// key reduces a name to the words that tell it apart: its generic head
// dropped when two words or more are left, at most maxKey words.
func key(words []string) []string {
	if n := prefixAny(words, heads); n > 0 && len(words)-n >= 2 {
		words = words[n:]
	}
	if len(words) > maxKey {
		words = words[:maxKey]
	}
	return words
}

// expand returns a name's key phrase and the phrases its aliases give.
func expand(words []string) [][]string {
	k := key(words)
	out := [][]string{k}
	phrase := " " + strings.Join(k, " ") + " "
	for _, group := range aliases {
		for _, a := range group {
			if !strings.Contains(phrase, " "+a+" ") {
				continue
			}
			for _, b := range group {
				if b != a {
					out = append(out, strings.Fields(strings.TrimSpace(strings.Replace(phrase, " "+a+" ", " "+b+" ", 1))))
				}
			}
			break
		}
	}
	return out
}

// prefixAny returns the length of the first phrase of list that words
// start with, or 0.
func prefixAny(words []string, list [][]string) int {
	for _, p := range list {
		if hasPrefix(words, p) {
			return len(p)
		}
	}
	return 0
}

func hasPrefix(words, p []string) bool {
	if len(words) < len(p) {
		return false
	}
	for i := range p {
		if words[i] != p[i] {
			return false
		}
	}
	return true
}

// hit is where a dossier text names a row's paper.
type hit struct {
	// at is the index of the first word of the key phrase found.
	at int
	// key is the key phrase found, in folded words.
	key string
	// number is true when the text asks for the paper's number only
	// ("số căn cước công dân", "số định danh cá nhân").
	number bool
}

// find looks for a row's names in the words of a dossier text.
func find(ns []name, toks []token) (hit, bool) {
	for _, n := range ns {
		for _, k := range n.keys {
			if at := indexPhrase(toks, k); at >= 0 {
				return hit{at: at, key: strings.Join(k, " "), number: numberBefore(toks, at)}, true
			}
		}
	}
	return hit{}, false
}

// indexPhrase returns the index where the words of k start in toks as
// consecutive words, or -1.
func indexPhrase(toks []token, k []string) int {
	if len(k) == 0 {
		return -1
	}
outer:
	for i := 0; i+len(k) <= len(toks); i++ {
		for j, w := range k {
			if toks[i+j].fold != w {
				continue outer
			}
		}
		return i
	}
	return -1
}

// numberBefore reports whether the paper's name at toks[at] is preceded by
// "số" (number, not "sổ", a book) or "mã số", a generic head between.
func numberBefore(toks []token, at int) bool {
	for i := at - 1; i >= 0 && i >= at-4; i-- {
		switch toks[i].low {
		case "số":
			return true
		case "giấy", "chứng", "nhận", "thẻ", "định", "danh", "cá", "nhân", "trên", "ghi", "của", "hoặc", "/":
			continue
		}
		return false
	}
	return false
}
