package decisions

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/redtape-vn/redtape/corpus/vntext"
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
	// keys are the key phrases; the first is the name's own, the others
	// its aliases.
	keys []keyPhrase
}

// keyPhrase is a phrase to look for in a dossier text.
type keyPhrase struct {
	// words are the phrase's folded words.
	words []string
	// headless is true when the name's generic head was dropped ("giấy
	// chứng nhận" of "giấy chứng nhận đăng ký doanh nghiệp"): the phrase
	// then counts only where a paper's head word or "số" comes just
	// before it, not in "thủ tục đăng ký doanh nghiệp".
	headless bool
}

// token is one word of a dossier text: folded, and as written in lower case.
type token struct {
	fold, low string
}

// tokens splits text into words, folded and lower-cased, spelling out the
// abbreviations dossiers use for paper names ("CCCD", "GCN ĐKDN"). It
// reads the text once, into one buffer the tokens' strings share.
func tokens(text string) []token {
	for i := 0; i < len(text); i++ {
		// U+0300–U+036F, the combining marks, start with 0xCC or 0xCD.
		if c := text[i]; c == 0xcc || c == 0xcd {
			text = vntext.NFC(text) // compose decomposed diacritics first
			break
		}
	}
	// buf holds each word lower-cased then folded: "đất" "dat".
	buf := make([]byte, 0, 2*len(text)+8)
	type span struct{ ls, le, fe int }
	spans := make([]span, 0, len(text)/4+1)
	flush := func(start int) {
		le := len(buf)
		for _, r := range string(buf[start:le]) {
			if r < 0x80 {
				buf = append(buf, byte(r))
			} else if f := vntext.FoldRune(r); f >= 0 {
				buf = utf8.AppendRune(buf, f)
			}
		}
		spans = append(spans, span{ls: start, le: le, fe: len(buf)})
	}
	start := -1
	for _, r := range text {
		var word bool
		if r < 0x80 {
			word = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
		} else {
			word = vntext.IsWordRune(r)
		}
		if !word {
			if start >= 0 {
				flush(start)
				start = -1
			}
			continue
		}
		if start < 0 {
			start = len(buf)
		}
		switch {
		case 'A' <= r && r <= 'Z':
			buf = append(buf, byte(r+'a'-'A'))
		case r < 0x80:
			buf = append(buf, byte(r))
		default:
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	if start >= 0 {
		flush(start)
	}
	all := string(buf)
	out := make([]token, 0, len(spans)+4)
	for _, sp := range spans {
		w, f := all[sp.ls:sp.le], all[sp.le:sp.fe]
		if f == "" {
			continue // combining marks alone, which folding drops
		}
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
		{"ban", "sao", "duoc", "chung", "thuc", "tu", "ban", "chinh"}, {"ban", "sao", "duoc", "chung", "thuc", "tu"},
		{"ban", "sao", "duoc", "cap", "tu", "so", "goc"}, {"ban", "sao", "co", "chung", "thuc"},
		{"ban", "sao", "hop", "le"}, {"ban", "sao", "dien", "tu"}, {"ban", "sao"}, {"ban", "chinh"},
		{"ban", "chup"}, {"ban", "scan"}, {"ban", "photocopy"}, {"mot"}, {"bao", "gom"}, {"gom"},
		{"la"}, {"trong", "do", "co"}, {"nhu"}, {"ke", "ca"}, {"vi", "du"}, {"cac", "giay", "to", "sau"},
		{"hoac"}, {"va"}, {"neu", "la"},
	}
	heads = [][]string{
		{"giay", "chung", "nhan"}, {"giay", "xac", "nhan"}, {"giay", "to"}, {"giay"},
		{"the"}, {"trich", "luc"}, {"ban"},
	}
	// paperHeads start a name of a paper: a comma before one of them
	// starts another paper of the list. strongHeads are those that start
	// a paper's name wherever they are.
	paperHeads = [][]string{
		{"giay"}, {"can", "cuoc"}, {"the"}, {"so"}, {"ho", "chieu"}, {"trich", "luc"},
		{"phieu"}, {"quyet", "dinh"}, {"chung", "chi"}, {"van", "bang"}, {"chung", "minh"},
		{"ho", "khau"}, {"hop", "dong"}, {"bang"}, {"chung", "nhan"}, {"dang", "ky"},
	}
	strongHeads = [][]string{
		{"giay", "chung", "nhan"}, {"giay", "dang", "ky"}, {"giay", "khai"}, {"giay", "chung", "tu"},
		{"can", "cuoc"}, {"ho", "chieu"}, {"trich", "luc"}, {"phieu", "ly", "lich"},
		{"chung", "minh", "nhan", "dan"}, {"ho", "khau"},
	}
	// classes name a class of papers rather than a paper ("giấy tờ chứng
	// minh ...", "tài liệu"): when a row also names a paper of the class,
	// only that paper is looked for.
	classes = [][]string{{"giay", "to"}, {"tai", "lieu"}, {"van", "ban"}, {"ho", "so"}, {"cac", "giay", "to"}}
	// qualifiers end a paper's name: what follows says who issues it, for
	// whom, in which case, or how it is replaced. They are compared in
	// lower case with diacritics: "tại" ends a name, "tài liệu" does not.
	qualifiers = [][]string{
		{"do"}, {"của"}, {"đối", "với"}, {"trong", "trường", "hợp"}, {"trường", "hợp"},
		{"nếu"}, {"theo"}, {"được"}, {"có", "chứng", "thực"}, {"có", "đóng", "dấu"}, {"có", "xác", "nhận"},
		{"áp", "dụng"}, {"thay", "thế"}, {"còn"}, {"hoặc"}, {"và"}, {"cho"}, {"tại"}, {"để"},
		{"bản", "sao"}, {"bản", "chính"}, {"đã"}, {"kèm"}, {"trừ"}, {"mới"}, {"trước"}, {"về"}, {"so", "với"},
	}
)

// maxKey is the most words a key phrase keeps: a dossier writes a long
// name short ("Phiếu lý lịch tư pháp" for "Phiếu lý lịch tư pháp số 1").
const maxKey = 5

// names cuts a row's paper text into the names of the papers it lists.
// When some of them share a key phrase with the row's database ("Quyết
// định thành lập hoặc Giấy chứng nhận đăng ký kinh doanh", replaced by the
// database of enterprise registration), only those are kept: the database
// replaces them, not the others the row lists beside them.
func names(paper, database string) []name {
	all := allNames(paper)
	db := tokens(database)
	var kept []name
	for _, n := range all {
		for _, k := range n.keys {
			if len(k.words) >= 2 && indexPhrase(db, k.words) >= 0 {
				kept = append(kept, n)
				break
			}
		}
	}
	if len(kept) > 0 {
		return kept
	}
	return all
}

// allNames cuts a row's paper text into the names of the papers it lists.
// Names that start with a paper's head ("giấy", "căn cước", "trích lục")
// are looked for under their key phrase; when there are none, names of a
// class of papers ("giấy tờ chứng minh ...") are looked for under their
// whole name; when there are none either, the row's text is.
func allNames(paper string) []name {
	var parts []string
	// "(Giấy chứng nhận quyền sử dụng đất)": a paper in brackets is one
	// too; the text around brackets reads as if a comma stood for them. An
	// unclosed bracket ends the text. One pass, whatever the brackets.
	var outside strings.Builder
	for from := 0; ; {
		i := strings.IndexByte(paper[from:], '(')
		if i < 0 {
			outside.WriteString(paper[from:])
			break
		}
		i += from
		outside.WriteString(paper[from:i])
		j := strings.IndexByte(paper[i:], ')')
		if j < 0 {
			break
		}
		parts = append(parts, paper[i+1:i+j])
		outside.WriteString(" , ")
		from = i + j + 1
	}
	main := outside.String()
	// "...: Giấy tờ ..., giấy chứng nhận ...": the list after a colon.
	if i := strings.IndexByte(main, ':'); i >= 0 {
		parts = append(parts, main[i+1:])
		main = main[:i]
	}
	parts = append([]string{main}, parts...)
	var headed, embedded, class, rest []name
	seen := map[string]bool{}
	pieces := func(part string) []string {
		return strings.FieldsFunc(strings.ReplaceAll(part, " - ", ";"), func(r rune) bool { return r == ';' || r == '/' || r == '\n' || r == '*' })
	}
	for _, part := range parts {
		for _, piece := range pieces(part) {
			for _, n := range splitList(piece, true) {
				if prefixAny(n, heads) == len(n) {
					continue
				}
				embedded = append(embedded, name{text: strings.Join(n, " "), keys: expand(n)})
			}
			for _, n := range splitList(piece, false) {
				k := strings.Join(n, " ")
				if seen[k] || prefixAny(n, heads) == len(n) {
					continue // a head alone ("giấy chứng nhận") names no paper
				}
				seen[k] = true
				switch {
				case prefixAny(n, classes) > 0:
					// A class is looked for under its whole name only.
					class = append(class, name{text: k, keys: []keyPhrase{{words: n}}})
				case prefixAny(n, paperHeads) > 0:
					headed = append(headed, name{text: k, keys: expand(n)})
				default:
					rest = append(rest, name{text: k, keys: []keyPhrase{{words: n}}})
				}
			}
		}
	}
	switch {
	case len(headed) > 0:
		return headed
	case len(embedded) > 0:
		return embedded
	case len(class) > 0:
		return class
	}
	return rest
}

// splitList cuts one piece of a row's paper text at commas, "hoặc" and
// "và" that start another paper, and returns each name's folded words,
// list markers and copy words dropped and cut at its first qualifier.
// With embedded true it returns instead the names that start with a
// strong head ("giấy", "căn cước") inside the piece ("Bản sao có xác nhận
// của đơn vị đối với Giấy chứng nhận đăng ký kinh doanh").
func splitList(piece string, embedded bool) [][]string {
	comma := token{fold: ",", low: ","}
	var toks []token
	for _, c := range strings.Split(piece, ",") {
		if len(toks) > 0 {
			toks = append(toks, comma)
		}
		toks = append(toks, tokens(c)...)
	}
	var out [][]string
	if embedded {
		for i := 1; i < len(toks); i++ {
			if startsWithAny(toks[i:], strongHeads, false) {
				if n := trimName(toks[i:]); len(n) > 1 {
					out = append(out, n)
				}
			}
		}
		return out
	}
	start := 0
	emit := func(end int) {
		if n := trimName(toks[start:end]); len(n) > 0 {
			out = append(out, n)
		}
	}
	skip := skipCopyAll(toks)
	for i := 0; i < len(toks); i++ {
		w := toks[i].low
		if (w == "," || w == "hoặc" || w == "và") && i+1 < len(toks) && startsWithAny(toks[skip[i+1]:], paperHeads, false) {
			emit(i)
			start = i + 1
		}
	}
	emit(len(toks))
	return out
}

// trimName drops a name's list markers and copy words and cuts it at its
// first comma, qualifier or the head of another paper ("Giấy chứng nhận
// đăng ký doanh nghiệp Hộ chiếu"); a name of copy words only is none. The
// name of a class of papers ("giấy tờ, tài liệu chứng minh việc ly hôn")
// is not cut: its qualifiers tell it apart.
func trimName(toks []token) []string {
	toks = skipCopyTok(toks)
	if len(toks) > 0 && prefixLen(toks, copyWords) == len(toks) {
		return nil
	}
	if startsWithAny(toks, classes, false) {
		var out []string
		for _, t := range toks {
			if t.fold != "," {
				out = append(out, t.fold)
			}
		}
		return out
	}
	// The words up to the end of the name only: the embedded names of a
	// long text each start a name here, so reading all of toks for each
	// would take time quadratic in the text.
	end := len(toks)
	for i := 1; i < len(toks); i++ {
		if toks[i].low == "," || startsWithAny(toks[i:], qualifiers, true) || i >= 2 && startsWithAny(toks[i:], strongHeads, false) {
			end = i
			break
		}
	}
	return foldsOf(toks[:end])
}

// foldsOf returns the folded words of toks.
func foldsOf(toks []token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.fold
	}
	return out
}

// startsWith reports whether toks start with the words of p, compared
// folded, or with low in lower case with diacritics ("tại", not "tài").
func startsWith(toks []token, p []string, low bool) bool {
	if len(toks) < len(p) {
		return false
	}
	for i, w := range p {
		if low && toks[i].low != w || !low && toks[i].fold != w {
			return false
		}
	}
	return true
}

// startsWithAny reports whether toks start with one of the phrases of list
// (see startsWith).
func startsWithAny(toks []token, list [][]string, low bool) bool {
	for _, p := range list {
		if startsWith(toks, p, low) {
			return true
		}
	}
	return false
}

// skipCopyTok drops the list markers ("a)", "1.") and copy words a name
// starts with.
func skipCopyTok(toks []token) []token {
	for {
		n := skipOne(toks)
		if n == 0 || n == len(toks) {
			return toks
		}
		toks = toks[n:]
	}
}

// skipOne returns the number of words of the first list marker or copy
// phrase toks start with, 0 when none.
func skipOne(toks []token) int {
	n := prefixLen(toks, copyWords)
	if n == 0 && len(toks) > 1 && listMarker(toks[0].fold) {
		n = 1
	}
	return n
}

// skipCopyAll returns, for each i up to len(toks), the index at which
// skipCopyTok(toks[i:]) starts: every suffix in one pass from the end, so
// that a text of many "hoặc bản sao" is not read again from each of them.
func skipCopyAll(toks []token) []int {
	to := make([]int, len(toks)+1)
	to[len(toks)] = len(toks)
	for i := len(toks) - 1; i >= 0; i-- {
		to[i] = i
		if n := skipOne(toks[i:]); n > 0 && i+n < len(toks) {
			to[i] = to[i+n]
		}
	}
	return to
}

// prefixLen returns the length of the first phrase of list whose words
// toks start with, compared folded, or 0: prefixAny on toks' folded words
// without copying them.
func prefixLen(toks []token, list [][]string) int {
	for _, p := range list {
		if startsWith(toks, p, false) {
			return len(p)
		}
	}
	return 0
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// listMarker reports whether w marks an item of a list: one letter, or digits.
func listMarker(w string) bool {
	if len(w) == 1 {
		return true
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// key reduces a name to the words that tell it apart: its generic head
// dropped when two words or more are left, at most maxKey words.
func key(words []string) keyPhrase {
	headless := false
	if n := prefixAny(words, heads); n > 0 && len(words)-n >= 2 {
		words, headless = words[n:], true
	}
	// A key without its head keeps a word less: "đăng ký hộ kinh" is
	// enough to tell the paper apart.
	if n := maxKey - btoi(headless); len(words) > n {
		words = words[:n]
	}
	return keyPhrase{words: words, headless: headless}
}

// expand returns a name's key phrase and the phrases its aliases give.
func expand(words []string) []keyPhrase {
	k := key(words)
	out := []keyPhrase{k}
	phrase := " " + strings.Join(k.words, " ") + " "
	for _, group := range aliases {
		for _, a := range group {
			if !strings.Contains(phrase, " "+a+" ") {
				continue
			}
			for _, b := range group {
				if b != a {
					w := strings.Fields(strings.Replace(phrase, " "+a+" ", " "+b+" ", 1))
					out = append(out, keyPhrase{words: w, headless: k.headless})
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
	// at and end are the indexes of the first word of the key phrase
	// found and of the word after it.
	at, end int
	// key is the key phrase found, in folded words.
	key string
	// number is true when the text asks for the paper's number only
	// ("số căn cước công dân", "số định danh cá nhân").
	number bool
	// except is true when the text names the paper as an exception to
	// what it asks for ("giấy tờ tùy thân, trừ căn cước công dân").
	except bool
}

// find looks for a row's names in the words of a dossier text and returns
// the first place it names one.
func find(ns []name, toks []token) (hit, bool) {
	var out hit
	found := false
	findAll(ns, toks, func(h hit) bool {
		out, found = h, true
		return false
	})
	return out, found
}

// findAll calls yield with every place the words of a dossier text name
// one of a row's names, by name and key phrase, until yield returns false.
func findAll(ns []name, toks []token, yield func(hit) bool) {
	for _, n := range ns {
		for _, k := range n.keys {
			for from := 0; ; {
				at := indexPhrase(toks[from:], k.words)
				if at < 0 {
					break
				}
				at += from
				from = at + 1
				number := numberBefore(toks, at)
				if k.headless && !number && !headBefore(toks, at) {
					continue // "thủ tục đăng ký doanh nghiệp": not the paper
				}
				if !yield(hit{at: at, end: at + len(k.words), key: strings.Join(k.words, " "), number: number, except: exceptBefore(toks, at)}) {
					return
				}
			}
		}
	}
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

// headBefore reports whether one of the two words before toks[at] is a
// word of a paper's head ("giấy", "chứng nhận", "thẻ", "trích lục",
// "bản sao"), so that the words at toks[at] name a paper.
func headBefore(toks []token, at int) bool {
	for i := at - 1; i >= 0 && i >= at-2; i-- {
		switch toks[i].fold {
		case "giay", "nhan", "the", "luc", "ban", "sao", "chinh", "chup", "to":
			return true
		}
	}
	return false
}

// exceptBefore reports whether "trừ" (except) is one of the three words
// before toks[at].
func exceptBefore(toks []token, at int) bool {
	for i := at - 1; i >= 0 && i >= at-3; i-- {
		if toks[i].low == "trừ" {
			return true
		}
	}
	return false
}

// numberBefore reports whether the paper's name at toks[at] is preceded by
// "số" (number, not "sổ", a book), a generic head between ("số giấy
// chứng nhận đăng ký doanh nghiệp", "số thẻ căn cước").
func numberBefore(toks []token, at int) bool {
	for i := at - 1; i >= 0 && i >= at-4; i-- {
		switch toks[i].low {
		case "số":
			return true
		case "giấy", "chứng", "nhận", "thẻ", "hiệu":
			continue
		}
		return false
	}
	return false
}
