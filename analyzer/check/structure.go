package check

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParaKind is the structural role of a paragraph.
type ParaKind int

// Paragraph kinds, from the biggest unit to running text.
const (
	ParaText    ParaKind = iota // running text
	ParaHeading                 // Phần, Chương, Mục, Phụ lục
	ParaArticle                 // Điều N.
	ParaClause                  // khoản: "1." or "1)"
	ParaPoint                   // điểm: "a)"
	ParaBullet                  // "-", "+", "•"
	ParaRow                     // a table row, cells separated by ";"
)

var paraKindNames = [...]string{"text", "heading", "article", "clause", "point", "bullet", "row"}

// String returns the kind's name.
func (k ParaKind) String() string {
	if int(k) < len(paraKindNames) {
		return paraKindNames[k]
	}
	return "unknown"
}

// Paragraph is one line of [Draft.Text] with its structural role.
type Paragraph struct {
	Span
	// Kind is the role the paragraph's opening marker gives it.
	Kind ParaKind
	// Label is the marker's number or letter ("5", "a", "1.3.NĐ.1.2").
	Label string
	// Quoted is true when the paragraph opens with a quotation mark: text an
	// amending draft inserts into another regulation.
	Quoted bool
	// Body is the paragraph without its marker.
	Body Span
	// Header is true for the header row of a table.
	Header bool
}

// Article is one article (Điều) of a draft.
type Article struct {
	// Label is the article's number as written ("5", "12a", "1.3.NĐ.1.2").
	Label string
	// Title is the article's heading after its number.
	Title string
	// Heading is the span of the heading paragraph.
	Heading Span
	// Body runs from the heading to the next article.
	Body Span
	// Quoted is true for an article quoted by an amending draft.
	Quoted bool
}

// Dossier is a dossier list (thành phần hồ sơ) the draft defines.
type Dossier struct {
	// Trigger is the span of the phrase that opens the list ("Hồ sơ gồm").
	Trigger Span
	// Name is what the dossier is for, when the text says ("cấp thẻ nhà báo").
	Name string
	// Article is the index of the article holding it, or -1.
	Article int
	// Items are the papers listed, one span each.
	Items []Span
}

// ProcedureDef is a procedure the draft defines.
type ProcedureDef struct {
	// Name is the procedure's name as far as the text gives it.
	Name string
	// Span is where it is defined (an article heading or a dossier trigger).
	Span Span
	// Article is the index of the article, or -1.
	Article int
	// Dossier is the index of its dossier list in [Draft.Dossiers], or -1.
	Dossier int
}

// Condition is one business condition the draft sets.
type Condition struct {
	Span
	// Article is the index of the article, or -1.
	Article int
}

// analyse finds the structure of d.Text.
func analyse(d *Draft, lx *Lexicon) {
	d.low = lowerSameLen(d.Text)
	d.toks = tokenize(d.low)
	markBare(d.low, d.toks)
	start := 0
	for start < len(d.Text) {
		end := lineEnd(d.Text, start)
		if end > start {
			p := Paragraph{Span: Span{start, end}}
			kind, label, n, quoted := markerOf(d.Text[start:end])
			p.Kind, p.Label, p.Quoted = kind, label, quoted
			p.Body = Span{start + n, end}
			switch {
			case kind == ParaText && d.listItems[start]:
				p.Kind = ParaBullet
			case kind == ParaText && d.headings[start]:
				p.Kind = ParaHeading
			}
			if header, ok := d.rows[start]; ok {
				p.Kind, p.Label, p.Header, p.Body = ParaRow, "", header, Span{start, end}
			}
			d.Paragraphs = append(d.Paragraphs, p)
		}
		start = end + 1
	}
	findArticles(d)
	findSentences(d)
	findAgencyDuties(d, lx)
	findDossiers(d, lx)
	findProcedures(d, lx)
	findConditions(d, lx)
}

// lowerSameLen lower-cases s rune by rune, keeping a rune as is when its
// lower case has a different UTF-8 length, so byte offsets stay valid.
func lowerSameLen(s string) string {
	b := []byte(s)
	for i := 0; i < len(b); {
		r, w := utf8.DecodeRune(b[i:])
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				b[i] += 'a' - 'A'
			}
			i++
			continue
		}
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == w {
			utf8.EncodeRune(b[i:], l)
		}
		i += w
	}
	return string(b)
}

// markerOf reads the structural marker that opens a paragraph or a source
// line: it returns the kind, the label, the length of the marker (with the
// white space after it) and whether the text opens with a quotation mark.
// Emphasis marks around the marker ("**1.**") are skipped.
func markerOf(s string) (kind ParaKind, label string, n int, quoted bool) {
	i := skipDecor(s, 0)
	for n := quoteLen(s[i:]); n > 0; n = quoteLen(s[i:]) {
		quoted = true
		i = skipDecor(s, i+n)
	}
	rest := s[i:]
	switch {
	case hasWordPrefix(rest, "Điều") || hasWordPrefix(rest, "ĐIỀU") || hasWordPrefix(rest, "Dieu") || hasWordPrefix(rest, "DIEU"):
		// "Dieu 5.": a draft typed without diacritics.
		j := len("Điều")
		if rest[0] == 'D' {
			j = len("Dieu")
		}
		j = skipSpace(rest, j)
		lab, k := articleLabel(rest[j:])
		if lab == "" {
			break
		}
		j += k
		tail := rest[j:]
		t := strings.TrimLeft(tail, "*_")
		if strings.HasPrefix(t, ".") || strings.HasPrefix(t, ":") {
			j += len(tail) - len(t) + 1
			j = skipDecor(rest, j)
			return ParaArticle, lab, i + j, quoted
		}
		if t == "" || startsUpper(strings.TrimLeft(t, " ")) && len(s) < 200 {
			j = skipDecor(rest, j)
			return ParaArticle, lab, i + j, quoted
		}
	case hasWordPrefix(rest, "Chương") || hasWordPrefix(rest, "CHƯƠNG") || hasWordPrefix(rest, "Chuong") && startsDigitOrRoman(rest[len("Chuong"):]) || hasWordPrefix(rest, "Mục") && startsDigitOrRoman(rest[len("Mục"):]) ||
		hasWordPrefix(rest, "MỤC") || hasWordPrefix(rest, "Phần") && startsDigitOrRoman(rest[len("Phần"):]) || hasWordPrefix(rest, "PHẦN") ||
		hasWordPrefix(rest, "Phụ lục") || hasWordPrefix(rest, "PHỤ LỤC"):
		return ParaHeading, "", i, quoted
	}
	if lab, k, ok := clauseLabel(rest); ok {
		return ParaClause, lab, i + skipDecor(rest, k), quoted
	}
	if lab, k, ok := pointLabel(rest); ok {
		return ParaPoint, lab, i + skipDecor(rest, k), quoted
	}
	if strings.HasPrefix(rest, "- ") || strings.HasPrefix(rest, "+ ") || strings.HasPrefix(rest, "– ") || strings.HasPrefix(rest, "• ") {
		_, w := utf8.DecodeRuneInString(rest)
		return ParaBullet, "", i + skipDecor(rest, w), quoted
	}
	return ParaText, "", i, quoted
}

// quoteLen returns the length of the quotation mark s opens with, or 0.
func quoteLen(s string) int {
	switch {
	case strings.HasPrefix(s, "“"), strings.HasPrefix(s, "”"):
		return len("“")
	case s != "" && (s[0] == '"' || s[0] == '\''):
		return 1
	}
	return 0
}

// startsUnit reports whether a source line (after its block markup) opens a
// new structural unit, so it must not be joined to the line before.
func startsUnit(line string) bool {
	k, _, _, _ := markerOf(line)
	return k != ParaText
}

func skipDecor(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '*' || s[i] == '_' || s[i] == '>') {
		i++
	}
	return i
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// hasWordPrefix reports whether s starts with the word w followed by a
// non-letter.
func hasWordPrefix(s, w string) bool {
	if !strings.HasPrefix(s, w) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[len(w):])
	return len(s) == len(w) || !isWordRune(r)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func startsDigitOrRoman(s string) bool {
	s = strings.TrimLeft(s, " ")
	return s != "" && (s[0] >= '0' && s[0] <= '9' || strings.IndexByte("IVXLC", s[0]) >= 0)
}

// articleLabel reads an article number: digits with an optional letter,
// optionally followed by dotted parts as in codified texts ("1.3.NĐ.1.2").
func articleLabel(s string) (string, int) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return "", 0
	}
	if i < len(s) && s[i] >= 'a' && s[i] <= 'z' && (i+1 == len(s) || !isWordByte(s[i+1])) {
		i++
	}
	for i+1 < len(s) && s[i] == '.' {
		j := i + 1
		k := j
		for k < len(s) && (s[k] >= '0' && s[k] <= '9') {
			k++
		}
		// "Điều 36.5.NĐ.1.25a.": a numbered part may end in a letter.
		if k > j && k+1 < len(s) && s[k] >= 'a' && s[k] <= 'z' && (s[k+1] == '.' || s[k+1] == ' ') {
			k++
		}
		if k == j {
			for k < len(s) && (s[k] >= 'A' && s[k] <= 'Z' || strings.HasPrefix(s[k:], "Đ")) {
				if strings.HasPrefix(s[k:], "Đ") {
					k += len("Đ")
				} else {
					k++
				}
			}
			if k == j || k-j > 6 {
				break
			}
		}
		if k < len(s) && s[k] != '.' && s[k] != ' ' && s[k] != '*' {
			break
		}
		i = k
	}
	return s[:i], i
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// clauseLabel reads "1.", "1)", "1.2." or "IV." followed by a space.
func clauseLabel(s string) (string, int, bool) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 3 {
		return romanLabel(s)
	}
	for i+1 < len(s) && s[i] == '.' && s[i+1] >= '0' && s[i+1] <= '9' {
		j := i + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		i = j
	}
	if i < len(s) && (s[i] == '.' || s[i] == ')') {
		lab := s[:i]
		i++
		i = skipDecorNoSpace(s, i)
		if i == len(s) || s[i] == ' ' || s[i] == '\t' {
			return lab, i, true
		}
	}
	return "", 0, false
}

func skipDecorNoSpace(s string, i int) int {
	for i < len(s) && (s[i] == '*' || s[i] == '_') {
		i++
	}
	return i
}

func romanLabel(s string) (string, int, bool) {
	i := 0
	for i < len(s) && strings.IndexByte("IVX", s[i]) >= 0 {
		i++
	}
	if i == 0 || i > 4 || i >= len(s) || s[i] != '.' {
		return "", 0, false
	}
	j := skipDecorNoSpace(s, i+1)
	if j < len(s) && s[j] != ' ' {
		return "", 0, false
	}
	return s[:i], j, true
}

// pointLabel reads "a)", "đ)" or "a." followed by a space.
func pointLabel(s string) (string, int, bool) {
	if strings.HasPrefix(s, "dd)") && (len(s) == 3 || s[3] == ' ' || s[3] == '\t') {
		// "dd)" is "đ)" typed without diacritics (Telex).
		return "đ", 3 + skipDecorNoSpace(s[3:], 0), true
	}
	// "ii)", "iv)": points numbered in lower-case roman numerals ("i)"
	// and "v)" read as letters below).
	if k := strings.IndexFunc(s, func(r rune) bool { return r != 'i' && r != 'v' && r != 'x' }); k >= 2 && k <= 4 && s[k] == ')' {
		if i := skipDecorNoSpace(s, k+1); i == len(s) || s[i] == ' ' || s[i] == '\t' {
			return s[:k], i, true
		}
	}
	r, w := utf8.DecodeRuneInString(s)
	if !(r >= 'a' && r <= 'z' || r == 'đ') {
		return "", 0, false
	}
	if w >= len(s) || s[w] != ')' && s[w] != '.' {
		return "", 0, false
	}
	i := skipDecorNoSpace(s, w+1)
	if i == len(s) || s[i] == ' ' || s[i] == '\t' {
		return s[:w], i, true
	}
	return "", 0, false
}

func findArticles(d *Draft) {
	for _, p := range d.Paragraphs {
		if p.Kind != ParaArticle {
			continue
		}
		if n := len(d.Articles); n > 0 {
			d.Articles[n-1].Body.End = p.Start
		}
		title := articleTitle(d.Text[p.Body.Start:p.Body.End])
		d.Articles = append(d.Articles, Article{
			Label: p.Label, Title: title, Heading: p.Span,
			Body: Span{p.Start, len(d.Text)}, Quoted: p.Quoted,
		})
	}
}

// findSentences splits every paragraph into sentences: at ".", "!" or "?"
// followed by a space and a capital letter, digit or quotation mark, and at
// ";" or ":" followed by an inline clause or point marker ("; b) ...").
func findSentences(d *Draft) {
	for _, p := range d.Paragraphs {
		t := d.Text[p.Start:p.End]
		from := 0
		for i := 0; i < len(t); i++ {
			c := t[i]
			if c != '.' && c != '!' && c != '?' && c != ';' && c != ':' {
				continue
			}
			if i+2 >= len(t) || t[i+1] != ' ' {
				continue
			}
			next := t[i+2:]
			split := false
			switch c {
			case ';', ':':
				_, _, ok := pointLabel(next)
				if !ok {
					_, _, ok = clauseLabel(next)
				}
				split = ok
			default:
				split = (startsUpper(next) || next[0] >= '0' && next[0] <= '9' || strings.HasPrefix(next, "“")) && !abbrevBefore(t[:i])
			}
			if split {
				addSentence(d, p.Start+from, p.Start+i+1)
				from = i + 2
			}
		}
		addSentence(d, p.Start+from, p.End)
	}
}

func addSentence(d *Draft, start, end int) {
	for start < end && d.Text[start] == ' ' {
		start++
	}
	if end > start {
		d.Sentences = append(d.Sentences, Span{start, end})
	}
}

// abbrevBefore reports whether the text before a full stop ends in a short
// abbreviation such as "TP" or "Tp" that does not end a sentence.
func abbrevBefore(s string) bool {
	j := strings.LastIndexAny(s, " (")
	w := s[j+1:]
	return len(w) > 0 && len(w) <= 2 && startsUpper(w)
}

// SentenceAt returns the sentence holding byte off of [Draft.Text], or the
// zero span.
func (d *Draft) SentenceAt(off int) Span {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Sentences[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Sentences) && d.Sentences[lo].Start <= off {
		return d.Sentences[lo]
	}
	return Span{}
}

// articleTitle returns the title of an article heading. Codified texts run
// the title and the first clause together ("Phạm vi điều chỉnh 1. Thông tư
// này ..."): the title stops at an inline clause number or a full stop.
func articleTitle(s string) string {
	t := strings.TrimSpace(strings.Trim(s, "*_ ”\""))
	for i := 0; i+2 < len(t); i++ {
		if t[i] != ' ' {
			continue
		}
		if _, _, ok := clauseLabel(t[i+1:]); ok && i > 0 {
			return strings.TrimRight(t[:i], " .:")
		}
		if t[i-1] == '.' && i > 1 {
			return strings.TrimRight(t[:i-1], " ")
		}
	}
	return strings.TrimRight(t, " .")
}
