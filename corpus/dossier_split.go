package corpus

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// This file splits a dossier (thành phần hồ sơ) whose table cells were run
// together, as the national portal's page text gives it:
//
//	<case heading>Tên giấy tờMẫu đơn, tờ khaiSố lượng<paper><form>.docx1 bản chính<paper>0 bản chính,1 bản sao...
//
// The seams are the table header, the quantity cell that ends every row and
// the form file names before it.

// DossierHeader is the run-together header of the portal's dossier table.
const DossierHeader = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"

// qtyCellRe matches a quantity cell. The portal's counts are single digits
// (0–3 in the whole crawl), and the cell is glued to the paper text before
// it, which may end in a digit ("ngày 01/01/20261 bản chính"), so only the
// last digit is the count.
var qtyCellRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:(\d) bản chính,\s?(\d) bản sao|(\d) bản chính|(\d) bản sao)`)
})

// formExtRe matches a form file extension.
var formExtRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\.(docx|doc|xlsx|xls|pdf|rar|zip|odt|rtf|jpeg|jpg|png)`)
})

// formKeywordRe matches, folded, the start of a form file name after an
// optional numbering prefix ("31-Mẫu số 1a", "Mau16", "Phụ lục VI"), with
// "Mẫu" as the portal mangles it in file names ("Mu05", "Mus132", "MuCT01").
var formKeywordRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[\d\-_. ]{0,4}(mau|mu[a-z]{0,3}\d|phu ?luc|phl|pl ?\d|bieu mau|bm ?[\d.\-]|tthc|~\$)`)
})

// dossierCountRe matches, folded, a row that only states the number of
// dossier sets to file.
var dossierCountRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\d+[./)]\s*)?(so luong ho so|so bo ho so)\s*:?\s*(\d+|mot)?\s*(\((bo|mot)\))?\s*(\(?(bo|mot)\)?)?\s*[.;]?$`)
})

// SplitDossier splits run-together dossier text into papers. field names the
// source field for each paper's Span; offsets count runes of text, which
// should be NFC. Each paper gets its text as published (trimmed), the case
// heading it sits under, its quantity, counts and form files.
func SplitDossier(text, field string) []Paper {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	rs := newRuneText(text)
	var out []Paper
	caseText := ""
	prevEnd := 0 // byte offset where the next case heading or row starts
	headers := allIndexes(text, DossierHeader)
	if len(headers) == 0 {
		return splitRows(rs, 0, len(text), "", field, nil)
	}
	for i, h := range headers {
		caseText = cleanCase(text[prevEnd:h])
		bodyStart := h + len(DossierHeader)
		bodyEnd := len(text)
		if i+1 < len(headers) {
			bodyEnd = headers[i+1]
		}
		seams := findQtyCells(text, bodyStart, bodyEnd)
		rowsEnd := bodyEnd
		if i+1 < len(headers) {
			// Text after the last quantity is the next case heading.
			if len(seams) > 0 {
				rowsEnd = seams[len(seams)-1][1]
			} else {
				rowsEnd = bodyStart
			}
			prevEnd = rowsEnd
		}
		out = append(out, splitRows(rs, bodyStart, rowsEnd, caseText, field, seams)...)
	}
	return out
}

// cleanCase turns the text before a table header into a case heading.
func cleanCase(s string) string {
	s = strings.TrimSpace(s)
	if strings.Trim(s, "-– ") == "" {
		return ""
	}
	return s
}

// splitRows splits text[start:end) into rows at quantity cells (seams, or
// found afresh when nil) and makes a Paper of each.
func splitRows(rs *runeText, start, end int, caseText, field string, seams [][2]int) []Paper {
	text := rs.s
	if seams == nil {
		seams = findQtyCells(text, start, end)
	}
	var out []Paper
	rowStart := start
	for _, sm := range seams {
		if p, ok := makePaper(rs, rowStart, sm[0], caseText, field); ok {
			q := text[sm[0]:sm[1]]
			p.Quantity = q
			p.Originals, p.Copies = ParseQuantity(q)
			out = append(out, p)
		}
		rowStart = sm[1]
	}
	if rowStart < end {
		if p, ok := makePaper(rs, rowStart, end, caseText, field); ok {
			out = append(out, p)
		}
	}
	return out
}

// makePaper builds the paper of row text[start:end), taking off the form
// file names at its end.
func makePaper(rs *runeText, start, end int, caseText, field string) (Paper, bool) {
	text := rs.s
	formStart, forms := splitForms(text, start, end)
	s, e := trimSpan(text, start, formStart)
	if s >= e || IsPlaceholder(text[s:e]) {
		if len(forms) == 0 {
			return Paper{}, false
		}
		// A row that is only a form: the form names the paper.
		s, e = trimSpan(text, start, end)
	}
	if dossierCountRe().MatchString(vntext.Fold(text[s:e])) {
		// "Số lượng hồ sơ: 01 (bộ)" states how many sets to file, not a paper.
		return Paper{}, false
	}
	p := NewPaper(text[s:e])
	p.Case = caseText
	p.Forms = forms
	p.Span = &Span{Field: field, Start: rs.runeAt(s), End: rs.runeAt(e)}
	return p, true
}

// trimSpan trims white space off text[start:end).
func trimSpan(text string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

// findQtyCells returns the byte spans of the quantity cells in
// text[start:end): quantity phrases glued to what follows (the next paper or
// the end), not ones in mid-sentence ("nộp 02 bản chính tờ khai") or in
// parentheses.
func findQtyCells(text string, start, end int) [][2]int {
	var out [][2]int
	for _, m := range findQtyPhrases(text[start:end]) {
		s, e := start+m[0], start+m[1]
		if !qtyCellEndOK(text[e:end]) {
			continue
		}
		if s > start {
			if r, _ := utf8.DecodeLastRuneInString(text[start:s]); r == '(' {
				continue
			}
		}
		out = append(out, [2]int{s, e})
	}
	return out
}

// findQtyPhrases returns the byte spans of the matches of qtyCellRe in s,
// found from the literal " bản " so that long text is not scanned by the
// regular expression.
func findQtyPhrases(s string) [][]int {
	var out [][]int
	from := 0
	for {
		i := strings.Index(s[from:], " bản ")
		if i < 0 {
			return out
		}
		at := from + i
		from = at + len(" bản ")
		if at == 0 || s[at-1] < '0' || s[at-1] > '9' {
			continue
		}
		if len(out) > 0 && at-1 < out[len(out)-1][1] {
			continue // inside the previous match ("1 bản chính,1 bản sao")
		}
		if loc := qtyCellRe().FindStringIndex(s[at-1:]); loc != nil && loc[0] == 0 {
			out = append(out, []int{at - 1, at - 1 + loc[1]})
			from = at - 1 + loc[1]
		}
	}
}

// listMarkerRe matches a list marker that may start a paper right after a
// quantity cell: "a) ", "ii) ", "đ. ".
var listMarkerRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-zđ]{1,4}[).]`) })

// qtyCellEndOK reports whether rest, the text after a quantity phrase, may
// follow a quantity cell.
//
// A phrase followed straight by a whole quantity cell is the paper's own
// text with a padded count, not a cell: in "Tờ khai hải quan: 02 bản
// chính0 bản chính" the cell is "0 bản chính" and "02 bản chính" belongs to
// the paper. A paper that starts with a count ("1 bản chính01 bản sao giấy
// khai sinh") does not make its phrase a cell, since a space and lower-case
// text follow it.
func qtyCellEndOK(rest string) bool {
	if !qtyCellEndShapeOK(rest) {
		return false
	}
	if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		if loc := qtyCellRe().FindStringIndex(rest); loc != nil && qtyCellEndShapeOK(rest[loc[1]:]) {
			return false
		}
	}
	return true
}

// qtyCellEndShapeOK reports whether the first characters of rest may follow
// a quantity cell, looking no further.
func qtyCellEndShapeOK(rest string) bool {
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	switch {
	case r == '\t':
		return true // a tab left between two cells
	case unicode.IsSpace(r):
		// Rows do not start with a space, but a trailing space may end
		// the field.
		return strings.TrimSpace(rest) == ""
	case r == ')' || r == '”':
		return false // "(01 bản chính)"
	case strings.ContainsRune(",;:.", r):
		// "01 bản chính; Giấy ..." is mid-sentence, but a stray mark
		// may start the next paper: "1 bản chính.Bản chính Giấy ...".
		next, _ := utf8.DecodeRuneInString(rest[1:])
		return unicode.IsUpper(next)
	}
	return true
}

// splitForms finds the form file names at the end of text[start:end) and
// returns where they start and the names. A row's form column holds one or
// more file names ("Mẫu số 09.docxPhụ lục số 05.docx") glued to the paper.
func splitForms(text string, start, end int) (int, []string) {
	row := text[start:end]
	trimmed := strings.TrimRightFunc(row, unicode.IsSpace)
	exts := formExtRe().FindAllStringIndex(trimmed, -1)
	if len(exts) == 0 || exts[len(exts)-1][1] != len(trimmed) {
		return end, nil
	}
	// The chain of glued file names ending the row.
	last := exts[len(exts)-1]
	chain := [][2]int{{last[0], last[1]}}
	for i := len(exts) - 2; i >= 0; i-- {
		next := chain[0]
		gap := trimmed[exts[i][1]:next[0]]
		// A glued extension (no space after it) within reach of the next
		// one starts another file name.
		if exts[i][1] < len(trimmed) && !unicode.IsSpace(rune(trimmed[exts[i][1]])) && len(gap) < 200 && !strings.ContainsAny(gap, ";") {
			if r, _ := utf8.DecodeRuneInString(trimmed[exts[i][1]:]); unicode.IsLetter(r) && unicode.IsLower(r) {
				break // ".doc" inside a word
			}
			chain = append([][2]int{{exts[i][0], exts[i][1]}}, chain...)
			continue
		}
		break
	}
	first := formNameStart(trimmed, chain[0][0])
	if first < 0 {
		return end, nil
	}
	var forms []string
	from := first
	for _, x := range chain {
		if name := strings.TrimSpace(trimmed[from:x[1]]); name != "" {
			forms = append(forms, name)
		}
		from = x[1]
	}
	return start + first, forms
}

// formNameStart returns where the first form file name starts in row, whose
// extension begins at ext; -1 when the name cannot be told from the paper.
// File names are glued to the paper text without a space, so the start is a
// seam: a punctuation mark followed by no space, a lower-case letter
// followed by a capital, a capital followed by a capitalised word, or a
// form word ("Mẫu", "Phụ lục") glued to what is before it. A seam followed
// by a form word wins; otherwise the last seam.
func formNameStart(row string, ext int) int {
	lo := ext - 300
	if lo < 0 {
		lo = 0
	}
	for lo > 0 && !utf8.RuneStart(row[lo]) {
		lo++
	}
	keyword, last := -1, -1
	numEnds := map[int]bool{}
	if strings.Contains(row[lo:ext], "/") {
		for _, n := range FindLegalNumbers(row[lo:ext]) {
			numEnds[lo+n.End] = true
		}
	}
	var prev, prev2 rune = -1, -1
	for i, r := range row[lo:ext] {
		p := lo + i
		if p == 0 {
			prev = r
			last = 0
			continue
		}
		seam := isSeam(prev2, prev, r, row[p:ext])
		if !seam && numEnds[p] && !unicode.IsSpace(r) && !strings.ContainsRune(".,;:)", r) {
			seam = true // "80/2021/TT-BTC01-LP.docx"
		}
		if !seam && unicode.IsLetter(prev) && gluedFormWord(row[p:ext]) {
			seam = true // "kinh doanhmẫu số 1.docx"
		}
		if seam {
			if keyword < 0 && formKeywordRe().MatchString(vntext.Fold(row[p:min(ext, p+40)])) {
				keyword = p
			}
			last = p
		}
		prev2, prev = prev, r
	}
	switch {
	case keyword >= 0:
		return keyword
	case last >= 0:
		return last
	}
	return -1
}

// gluedFormWord reports whether s starts with a form word that, glued to a
// letter before it, can only start a new run of text.
func gluedFormWord(s string) bool {
	l := strings.ToLower(s[:min(len(s), 12)])
	return strings.HasPrefix(l, "mẫu") || strings.HasPrefix(l, "phụ lục")
}

// isSeam reports whether a new run of text starts at r, after prev2 prev.
func isSeam(prev2, prev, r rune, rest string) bool {
	if unicode.IsSpace(r) || unicode.IsSpace(prev) {
		return false
	}
	switch {
	case strings.ContainsRune(";:)]”\"", prev):
		return !strings.ContainsRune(".,;:)", r)
	case prev == ',':
		return !unicode.IsDigit(prev2) && !strings.ContainsRune(".,;:)", r)
	case prev == '.':
		// "87.2025", "v.v": digits or lower case around a dot are not seams.
		if unicode.IsDigit(r) && unicode.IsDigit(prev2) {
			return false
		}
		return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '~'
	case unicode.IsLower(prev) && unicode.IsUpper(r):
		return true
	case unicode.IsDigit(prev) && unicode.IsUpper(r):
		return true
	case unicode.IsLower(prev) && unicode.IsDigit(r):
		// "trực tiếp18-Mẫu TK8.doc"
		return true
	case unicode.IsUpper(prev) && unicode.IsUpper(r):
		next, _ := utf8.DecodeRuneInString(rest[utf8.RuneLen(r):])
		if unicode.IsLower(next) {
			return true
		}
		// "TT-BTCMẪU Phụ lục": an upper-case form word glued to a code.
		f := vntext.Fold(rest[:min(len(rest), 20)])
		return strings.HasPrefix(f, "mau") || strings.HasPrefix(f, "phu luc")
	case r == '~':
		return true
	}
	return false
}

// allIndexes returns the byte offsets of every occurrence of sub in s.
func allIndexes(s, sub string) []int {
	var out []int
	for i := 0; ; {
		j := strings.Index(s[i:], sub)
		if j < 0 {
			return out
		}
		out = append(out, i+j)
		i += j + len(sub)
	}
}

// runeText maps byte offsets of s to rune offsets.
type runeText struct {
	s     string
	index []int32 // rune offset of each byte offset, len(s)+1 entries
}

func newRuneText(s string) *runeText {
	idx := make([]int32, len(s)+1)
	n := int32(0)
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		for k := 0; k < size; k++ {
			idx[i+k] = n
		}
		i += size
		n++
	}
	idx[len(s)] = n
	return &runeText{s: s, index: idx}
}

func (t *runeText) runeAt(b int) int { return int(t.index[b]) }
