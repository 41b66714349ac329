package corpus

// Legal document numbers (FindLegalNumbers) and the citations around them
// (ParseLegalRefs): suffixes, types and numbers glued to other text.

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// legalNumberRe matches a Vietnamese legal document number: a number, an
// optional year and the type-and-issuer suffix, e.g. "104/2022/NĐ-CP",
// "26/2023/QH15", "66.7/2025/NQ-CP", "2628/QĐ-BTC", "20/2013/TTLT-BYT-BCT",
// "30a/2008/NQ-CP" (a number with a letter). Spaces around the separators
// are tolerated ("08/2022/NĐ -CP").
var legalNumberRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(\d{1,5}(?:\.\d{1,3}|[a-zđ])?)\s?/\s?(?:((?:19|20)\d{2})\s?/\s?)?((?:TTg|QH\d{0,2}|[A-ZĐ]{1,10}QH\d{0,2}|[A-ZĐ]{1,12})(?:\s?[-/]\s?(?:TTg|QH\d{0,2}|[A-ZĐ]{1,10}QH\d{0,2}|[A-ZĐ]{2,12}))*)`)
})

// suffixTypes gives the document type from the first part of its suffix.
var suffixTypes = []struct{ prefix, typ string }{
	{"TTLT", "Thông tư liên tịch"},
	{"NQLT", "Nghị quyết liên tịch"},
	{"NĐ", "Nghị định"},
	{"TT", "Thông tư"},
	{"QĐ", "Quyết định"},
	{"NQ", "Nghị quyết"},
	{"PL", "Pháp lệnh"},
	{"CT", "Chỉ thị"},
	{"QH", "Luật"},
	{"L", "Luật"},
	{"SL", "Sắc lệnh"},
	{"HD", "Hướng dẫn"},
}

// typeWords are the document types named in words, longest first, folded.
var typeWords = []struct{ word, typ string }{
	{"thong tu lien tich", "Thông tư liên tịch"},
	{"nghi quyet lien tich", "Nghị quyết liên tịch"},
	{"nghi dinh", "Nghị định"},
	{"thong tu", "Thông tư"},
	{"quyet dinh", "Quyết định"},
	{"nghi quyet", "Nghị quyết"},
	{"phap lenh", "Pháp lệnh"},
	{"chi thi", "Chỉ thị"},
	{"bo luat", "Bộ luật"},
	{"luat", "Luật"},
	{"van ban hop nhat", "Văn bản hợp nhất"},
	{"cong van", "Công văn"},
}

// LegalNumber is one document number found in text, with its byte span.
type LegalNumber struct {
	Number     string // normalised, e.g. "104/2022/NĐ-CP"
	Type       string // from the suffix, e.g. "Nghị định"; "" when unknown
	Start, End int    // byte offsets of the number in the text
}

// FindLegalNumbers returns every legal document number in text, in order,
// normalised: "ND"/"QD" spelled "NĐ"/"QĐ", spaces removed. A capital glued
// to the end of the suffix that starts the next word ("NĐ-CPNghị") is not
// part of the number.
func FindLegalNumbers(text string) []LegalNumber {
	var out []LegalNumber
	for _, m := range legalNumberRe().FindAllStringSubmatchIndex(text, -1) {
		start, end := m[0], m[1]
		// Text glued to the number: cut the last part of the suffix to the
		// longest issuer code it starts with ("NĐ-CPLUẬT", "NĐ-CPNghị"),
		// or else drop a capital that begins the next word.
		tail := text[m[6]:end]
		lastPart := tail[strings.LastIndexAny(tail, "-/")+1:]
		if cut := knownCodePrefix(lastPart); cut > 0 {
			end -= len(lastPart) - cut
		} else {
			next, _ := utf8.DecodeRuneInString(text[end:])
			last, size := utf8.DecodeLastRuneInString(text[:end])
			if end < len(text) && unicode.IsLower(next) && unicode.IsUpper(last) && end-size > m[6] {
				end -= size
			}
		}
		suffix := strings.TrimRight(text[m[6]:end], "-/ ")
		if suffix == "" {
			continue
		}
		suffix = normaliseSuffix(suffix)
		if !plausibleSuffix(suffix) {
			continue
		}
		num := text[m[2]:m[3]]
		if dot := strings.IndexByte(num, '.'); dot >= 0 && start > 0 && text[start-1] == '/' {
			// The year of a date glued to a number: "15/5/2026.55/2026/TT-BTC".
			num = num[dot+1:]
			start = m[2] + dot + 1
		}
		if start > 0 && text[start-1] >= '0' && text[start-1] <= '9' {
			// Glued to a number before it ("năm 202072/2020/QH14"): after
			// "năm" the digits begin with the year; else prefer a reading
			// found elsewhere in the text not glued to digits; else a year
			// that begins the digits ("sửa đổi 202323/2023/QH15", "giai
			// đoạn 2026 - 2030182/2025/NQ-HĐND", "ngày 12/6/20252418/QĐ-
			// BNNMT") is cut off.
			if n, at := afterGluedYear(text, m[3]); n != "" {
				num, start = n, at
			} else if n, ok := ungluedElsewhere(text, num, text[m[3]:end]); ok {
				num, start = n, m[3]-len(n)
			} else if n, at := leadingYearCut(text, m[3]); n != "" {
				num, start = n, at
			} else if t := strings.TrimLeft(num, "0"); t != "" {
				num, start = t, m[3]-len(t)
			}
		}
		if m[4] >= 0 {
			num += "/" + text[m[4]:m[5]]
		}
		num += "/" + suffix
		out = append(out, LegalNumber{Number: num, Type: suffixType(suffix), Start: start, End: m[6] + len(strings.TrimRight(text[m[6]:end], "-/ "))})
	}
	return out
}

// afterGluedYear reads the digits that end at byte end of text as a year
// after "năm" glued to a document number ("năm 202405/2024/UBTVQH15"): it
// returns the number after the year's four digits and where it starts, or
// "" when the digits are not so.
func afterGluedYear(text string, end int) (string, int) {
	s := end
	for s > 0 && text[s-1] >= '0' && text[s-1] <= '9' {
		s--
	}
	run := text[s:end]
	if len(run) < 5 || !(strings.HasPrefix(run, "19") || strings.HasPrefix(run, "20")) {
		return "", 0
	}
	if f := vntext.Fold(text[max(0, s-6):s]); !strings.HasSuffix(strings.TrimRight(f, " "), "nam") {
		return "", 0
	}
	return run[4:], s + 4
}

// ungluedElsewhere picks, among num and its tails, one that appears with
// the same rest elsewhere in text not glued to a digit.
func ungluedElsewhere(text, num, rest string) (string, bool) {
	for i := 0; i < len(num); i++ {
		cand := num[i:] + rest
		for _, j := range allIndexes(text, cand) {
			if j == 0 || text[j-1] < '0' || text[j-1] > '9' {
				return num[i:], true
			}
		}
	}
	return "", false
}

// leadingYearCut reads the run of digits that ends at byte end of text as a
// year (1900–2099) glued to a document number, as a title ending in a year
// ("Luật Doanh nghiệp 2020", "giai đoạn 2026 - 2030", a date "12/6/2025")
// is glued to the number cell after it: it returns the digits after the
// year and where they start, or "" when the run is not longer than a year
// or does not start with one. A number up to five digits the regular
// expression took whole never gets here: only runs longer than the number
// it matched do.
func leadingYearCut(text string, end int) (string, int) {
	s := end
	for s > 0 && text[s-1] >= '0' && text[s-1] <= '9' {
		s--
	}
	run := text[s:end]
	if len(run) < 5 || !(strings.HasPrefix(run, "19") || strings.HasPrefix(run, "20")) {
		return "", 0
	}
	n := run[4:]
	if strings.Trim(n, "0") == "" {
		return "", 0
	}
	return n, end - len(n)
}

// knownCodePrefix returns the byte length of the longest issuer code that
// part starts with, or 0.
func knownCodePrefix(part string) int {
	codes, err := issuerCodes()
	if err != nil {
		return 0
	}
	best := 0
	for _, c := range codes {
		if len(c) > best && strings.HasPrefix(part, c) {
			best = len(c)
		}
	}
	if best == 0 || part[:best] == part {
		return best
	}
	// Keep a legislature number ("QH15") with its code.
	if strings.HasSuffix(part[:best], "QH") {
		for n := 0; n < 2 && best < len(part) && part[best] >= '0' && part[best] <= '9'; n++ {
			best++
		}
	}
	return best
}

// normaliseSuffix removes spaces and spells the issuer codes with Đ.
func normaliseSuffix(s string) string {
	s = strings.ReplaceAll(s, " ", "")
	s = strings.ReplaceAll(s, "/", "-") // "TTLT/BQP-..." as "TTLT-BQP-..."
	parts := strings.Split(s, "-")
	for i, p := range parts {
		switch p {
		case "ND":
			parts[i] = "NĐ"
		case "QD":
			parts[i] = "QĐ"
		}
	}
	return strings.Join(parts, "-")
}

// plausibleSuffix rejects suffixes that are not document types, such as the
// "/TP" of an address or a lone letter.
func plausibleSuffix(s string) bool {
	first := strings.SplitN(s, "-", 2)[0]
	if strings.HasPrefix(first, "QH") || first == "TTg" || strings.HasPrefix(first, standingCommittee) {
		return true
	}
	for _, st := range suffixTypes {
		if strings.HasPrefix(first, st.prefix) {
			return first == st.prefix || len(first) > len(st.prefix) && st.prefix != "L" && st.prefix != "TT" || strings.Contains(s, "-")
		}
	}
	return strings.Contains(s, "-") && len(first) >= 2
}

// standingCommittee is the code of the National Assembly Standing Committee
// (Ủy ban Thường vụ Quốc hội), followed by the legislature's number.
const standingCommittee = "UBTVQH"

func suffixType(s string) string {
	first := strings.SplitN(s, "-", 2)[0]
	if strings.HasPrefix(first, "QH") {
		return "Luật"
	}
	if strings.HasPrefix(first, standingCommittee) {
		// The Standing Committee's own code with no type before it numbers
		// its ordinances: every such number in the corpus is cited as a
		// Pháp lệnh (02/2020/UBTVQH14, 04/2012/UBTVQH13, 06/2013/UBTVQH13,
		// 05/2024/UBTVQH15). Its resolutions carry NQ- ("1234/2019/NQ-
		// UBTVQH14"). Read from the corpus, not from a rule of law on
		// numbering: a number of another type in this shape would be
		// mistyped, and the words before a number ("Nghị quyết số ...")
		// take precedence.
		return "Pháp lệnh"
	}
	for _, st := range suffixTypes {
		if first == st.prefix {
			return st.typ
		}
	}
	for _, st := range suffixTypes {
		if strings.HasPrefix(first, st.prefix) && len(st.prefix) > 1 {
			return st.typ
		}
	}
	return ""
}

// typeBefore returns the document type named in words just before byte i of
// text ("Nghị định số 104/2022/NĐ-CP"), or "".
func typeBefore(text string, i int) string {
	lo := i - 60
	if lo < 0 {
		lo = 0
	}
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	f := strings.TrimSpace(vntext.Fold(text[lo:i]))
	f = strings.TrimSuffix(f, ":")
	f = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(f), "so"))
	for _, tw := range typeWords {
		if strings.HasSuffix(f, tw.word) {
			return tw.typ
		}
	}
	return ""
}

// ParseLegalRefs finds every legal document number in text (e.g.
// "104/2022/NĐ-CP", "26/2023/QH15") and returns one LegalRef per document,
// keeping the text around each number. The type comes from the words before
// the number ("Nghị quyết số 98/2023/QH15") or else from its suffix
// (NĐ → Nghị định, TT → Thông tư, QH → Luật ...). Repeats of a number are
// dropped.
func ParseLegalRefs(text string) []LegalRef {
	var out []LegalRef
	seen := map[string]bool{}
	for _, n := range FindLegalNumbers(text) {
		if seen[n.Number] {
			continue
		}
		seen[n.Number] = true
		typ := typeBefore(text, n.Start)
		if typ == "" {
			typ = n.Type
		}
		s, e := refClause(text, n.Start, n.End)
		out = append(out, LegalRef{Text: strings.TrimSpace(text[s:e]), Number: n.Number, Type: typ})
	}
	return out
}

// refClause widens a document number to the citation around it: back to the
// previous separator, forward to the next.
func refClause(text string, start, end int) (int, int) {
	s := 0
	for i := start - 1; i >= 0; i-- {
		if c := text[i]; c == '\n' || c == ';' || (c == '.' && i+1 < len(text) && text[i+1] == ' ') {
			s = i + 1
			break
		}
	}
	e := len(text)
	for i := end; i < len(text); i++ {
		if c := text[i]; c == '\n' || c == ';' || (c == '.' && (i+1 == len(text) || text[i+1] == ' ')) {
			e = i
			break
		}
	}
	return s, e
}
