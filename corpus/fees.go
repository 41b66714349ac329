package corpus

// ParseFees: the fees stated in a fee cell or free text, in đồng, with the
// helpers that read amounts, currencies and notes.

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// Fee kinds.
const (
	FeeKindFee    = "fee"    // phí
	FeeKindCharge = "charge" // lệ phí
)

// portalFeeRe matches the amount column of the portal's fee cell, e.g.
// "4,500,000 Việt Nam Đồng", "135 VNĐ", "10 USD".
var portalFeeRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\d[\d.,]*)\s*(?i:(việt nam đồng|vnđ|vnd|đồng|usd))`)
})

// moneyRe matches an amount in đồng in free text: "50.000 đồng",
// "4.500.000 Đồng", "20 triệu đồng", "200.000đ", "200.000 VNĐ".
var moneyRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(?i:(nghìn|ngàn|triệu|tỷ)\s*)?(?i:(việt nam đồng|vnđ|vnd|đồng|đ))`)
})

// usdRe matches an amount in US dollars.
var usdRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\d[\d.,]*)\s*(?i:usd)`) })

// ParseFees finds the fees stated in text (e.g. "4,500,000 Việt Nam
// Đồng(Lệ phí: 4.500.000 Đồng ...)", "Miễn phí") and returns them with
// amounts in đồng. It returns nil when text states no fee.
//
// Text in the shape of the national portal's fee cell (an amount column,
// then an optional parenthesised note) gives one Fee for the whole cell. The
// portal's amount column is sometimes kept in thousands of đồng ("135 VNĐ"
// beside "135.000 đồng/lần" in the note): an amount below 1,000 đồng is read
// as thousands, since no fee in the national corpus is that small, unless
// the note gives the same figure in US dollars, in which case the fee is in
// dollars, or the note states one smaller amount in đồng, which is taken.
// Fees in dollars keep their text and have no Amount, as no rate of
// exchange is stated. A cell that says there is no fee ("Miễn phí",
// "Không", "Không thu phí", "Phí : Không Đồng"; see [noFee]) is zero,
// unless its note says the level is set elsewhere (by a provincial council)
// or states a positive amount; then the amount is unknown. Placeholders
// ("Không có thông tin", "Không quy định") state nothing and give nil. Other text gives one Fee per amount in đồng found
// ("Lệ phí: 50.000 đồng/hồ sơ", "20 triệu đồng", "Phí : 0 Đồng").
func ParseFees(text string) []Fee {
	text = strings.TrimSpace(text)
	if f, ok := noFee(text); ok {
		return []Fee{f}
	}
	if IsPlaceholder(text) {
		return nil
	}
	if loc := portalFeeRe().FindStringSubmatchIndex(text); loc != nil {
		return []Fee{portalFee(text, loc)}
	}
	folded := vntext.Fold(text)
	var out []Fee
	for _, m := range moneyRe().FindAllStringSubmatchIndex(text, -1) {
		if !moneyEndOK(text, m[1]) {
			continue
		}
		if yearOfDate(text, m[2], m[3]) {
			// "ban hành ngày 11 tháng 11 năm 2016 Đồng": a date's year
			// before the export's currency column, not an amount.
			continue
		}
		amt, ok := parseAmount(text[m[2]:m[3]], submatch(text, m, 2))
		if !ok {
			continue
		}
		start, end := clauseBounds(text, m[0], m[1])
		clause := strings.TrimSpace(text[start:end])
		f := Fee{Text: clause, Amount: int64p(amt), Kind: feeKind(text[start:m[0]])}
		if f.Kind == "" {
			f.Kind = feeKind(clause)
		}
		out = append(out, f)
	}
	if out == nil && strings.Contains(folded, "phi") {
		// A fee is mentioned but no amount is given ("Lệ phí: theo quy định").
		if strings.Contains(folded, "mien phi") || strings.Contains(folded, "khong thu phi") || strings.Contains(folded, "khong thu le phi") {
			return []Fee{{Text: text, Amount: int64p(0), Kind: feeKind(text)}}
		}
		return []Fee{{Text: text, Kind: feeKind(text)}}
	}
	return out
}

// noFeeWords are the folded wordings of a fee cell that says there is no
// fee, whole: after an optional label ("Phí :", "Lệ phí:") and before an
// optional currency word ("Đồng") and note in parentheses. Seen in the
// national portal ("Miễn phí"), the Word export ("Phí : Không Đồng",
// "Phí : 0 Đồng") and ministries' own files ("Không thu phí").
var noFeeWords = map[string]bool{
	"khong": true, "khong co": true, "khong thu": true, "khong mat phi": true,
	"khong thu phi": true, "khong thu le phi": true, "khong thu phi, le phi": true, "khong thu phi va le phi": true,
	"khong phai nop": true, "khong phai nop phi": true, "khong phai nop le phi": true,
	"mien": true, "mien phi": true, "mien le phi": true, "mien phi, le phi": true, "mien phi va le phi": true,
	"0": true,
}

// noFeeLabelRe matches the label a fee cell may start with, folded.
var noFeeLabelRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:phi\s*,\s*le phi|phi\s*/\s*le phi|phi\s*va\s*le phi|le phi|phi)\s*:\s*`)
})

// noFeeCurrencyRe matches a currency word at the end of folded text.
var noFeeCurrencyRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s*(?:viet nam dong|vnd|dong)$`) })

// noFee reads a fee cell that says there is no fee (see [noFeeWords]):
// "Miễn phí(Không có)", "Không", "Phí : Không Đồng", "Phí : o Đồng" (a
// letter o for the digit). The kind comes from the label, else from the
// note. A note stating a positive amount or a council's decision makes the
// amount unknown rather than zero. Text that begins "Miễn phí", "Không thu"
// or "Không mất phí" and goes on without a note counts too, as the
// portal's column writes it ("Miễn phí đối với ...").
func noFee(text string) (Fee, bool) {
	head, note := text, ""
	if i := strings.IndexByte(text, '('); i >= 0 {
		head, note = text[:i], parenAfter(text, i)
	}
	f := strings.TrimSpace(vntext.Fold(head))
	label := noFeeLabelRe().FindString(f)
	f = strings.TrimSpace(f[len(label):])
	body := noFeeCurrencyRe().ReplaceAllString(f, "")
	currency := body != f
	body = strings.TrimRight(body, " .;:-")
	zero := noFeeWords[body] || body == "o" && currency
	if !zero && label == "" && (strings.HasPrefix(body, "mien phi") || strings.HasPrefix(body, "khong thu ") || strings.HasPrefix(body, "khong mat phi")) && !moneyRe().MatchString(head) {
		zero = true
	}
	if !zero {
		return Fee{}, false
	}
	fee := Fee{Text: text, Kind: feeKind(label)}
	if fee.Kind == "" {
		fee.Kind = feeKind(note)
	}
	if !feeSetElsewhere(note) {
		fee.Amount = int64p(0)
	}
	return fee, true
}

// portalFee reads a portal fee cell whose amount column matched at loc.
func portalFee(text string, loc []int) Fee {
	note := parenAfter(text, loc[1])
	f := Fee{Text: text, Kind: feeKind(note)}
	num := text[loc[2]:loc[3]]
	cur := vntext.Fold(text[loc[4]:loc[5]])
	amt, ok := parseAmount(num, "")
	if !ok {
		return f
	}
	if cur == "usd" {
		return f
	}
	if amt > 0 && amt < 1000 {
		for _, m := range usdRe().FindAllStringSubmatch(note, -1) {
			if v, ok := parseAmount(m[1], ""); ok && v == amt {
				return f // the column says VNĐ but the note says dollars
			}
		}
		amt *= 1000
		// The note quotes the legal text. Where it states one amount in
		// đồng that differs, the smaller reading wins: the differences
		// seen are extra digits ("120 VNĐ(20.000 đ/tờ khai)") or an
		// inflated note ("25 VNĐ(25.000.000đ/giấy ...)").
		if n, ok := singleAmount(note); ok && n >= 1000 && n < amt {
			amt = n
		}
	}
	f.Amount = int64p(amt)
	return f
}

// singleAmount returns the amount in đồng that note states, when it states
// exactly one (possibly repeated).
func singleAmount(note string) (int64, bool) {
	var found int64 = -1
	for _, m := range moneyRe().FindAllStringSubmatchIndex(note, -1) {
		if !moneyEndOK(note, m[1]) {
			continue
		}
		v, ok := parseAmount(note[m[2]:m[3]], submatch(note, m, 2))
		if !ok {
			continue
		}
		if found >= 0 && v != found {
			return 0, false
		}
		found = v
	}
	return found, found >= 0
}

// yearOfDate reports whether text[start:end), a number before a currency
// word, is the year of a date: four digits 1900–2099 after "năm" ("ngày 11
// tháng 11 năm 2016") or after a day and month ("11/11/2016").
func yearOfDate(text string, start, end int) bool {
	num := text[start:end]
	if len(num) != 4 || !(strings.HasPrefix(num, "19") || strings.HasPrefix(num, "20")) {
		return false
	}
	for _, c := range []byte(num) {
		if c < '0' || c > '9' {
			return false
		}
	}
	before := text[max(0, start-8):start]
	if dateBeforeYearRe().MatchString(before) {
		return true
	}
	f := strings.TrimRight(vntext.Fold(text[max(0, start-12):start]), " ")
	return strings.HasSuffix(f, " nam") || f == "nam"
}

// dateBeforeYearRe matches the day and month of a date ending where its
// year starts: "11/11/", "5-6-", "05.02.".
var dateBeforeYearRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\d{1,2}[/.\-]\d{1,2}[/.\-]$`) })

// scheduleNoteRe matches, folded, a clause of a note that says a fee is
// charged at a level set elsewhere: by a schedule or a collection level
// ("mức thu", "Biểu phí", "Biểu mức thu", "mức phí"), a named fee of
// assessment, quarantine, inspection, data use or supply ("phí thẩm
// định", "phí kiểm dịch" ...), or a provincial People's Committee. A bare
// citation of a circular ("Thông tư số 60/2023/TT-BTC") does not count: it
// may be the one that exempts.
var scheduleNoteRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`muc thu|bieu phi|bieu muc|muc phi|phi (tham dinh|kiem dich|kiem tra|khai thac|cung cap|in )|\b(do|theo quy dinh cua) (uy ban nhan dan|ubnd)`)
})

// scheduleNegatedRe matches, folded, a clause that says the fee is not
// charged or not in the schedule ("Miễn lệ phí (Thông tư số 47/2019/TT-
// BTC)", "Không được quy định tại Biểu phí"), or speaks of other costs
// ("Chi phí khác: Biểu khung giá dịch vụ ..."), which are not fees.
var scheduleNegatedRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\bmien\b|\bkhong (thu|phai nop|duoc quy dinh|quy dinh|co)\b|\bchua quy dinh\b|\bchi phi\b`)
})

// chargedBySchedule reports whether a note beside "Miễn phí" has a clause
// that says a fee is charged by a schedule set elsewhere (see
// [scheduleNoteRe]) and does not negate it.
func chargedBySchedule(note string) bool {
	f := vntext.Fold(note)
	for _, clause := range noteClauseRe().Split(f, -1) {
		if scheduleNoteRe().MatchString(clause) && !scheduleNegatedRe().MatchString(clause) {
			return true
		}
	}
	return false
}

// noteClauseRe splits a folded note into clauses: at semicolons, sentence
// ends, line breaks and list dashes or pluses.
var noteClauseRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`;|\.\s|\n|(?:^|\s)[-+]\s`) })

// perUnitAmountRe matches an amount with no currency but a unit after it,
// "8.000.000/lần": thousands in groups, so not a date or a document number.
var perUnitAmountRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:^|[^\d.,])[1-9]\d{0,2}(?:[.,]\d{3})+\s*/\s*\pL`) })

// feeSetElsewhere reports whether a note beside "Miễn phí" says a positive
// fee exists (its level set by a council or a schedule, see
// [chargedBySchedule], or an amount in đồng or dollars, or one per unit
// with no currency).
func feeSetElsewhere(note string) bool {
	f := vntext.Fold(note)
	if strings.Contains(f, "hoi dong nhan dan") || strings.Contains(f, "hdnd") {
		return true
	}
	if chargedBySchedule(note) {
		return true
	}
	for _, m := range usdRe().FindAllStringSubmatch(note, -1) {
		if v, ok := parseAmount(m[1], ""); ok && v > 0 {
			return true // "Miễn phí(Lệ phí cấp mới 200 USD/lần ...)"
		}
	}
	if perUnitAmountRe().MatchString(note) {
		return true // "Miễn phí(Cho một loại hình sản phẩm: 8.000.000/lần ...)"
	}
	for _, m := range moneyRe().FindAllStringSubmatchIndex(note, -1) {
		if !moneyEndOK(note, m[1]) {
			continue
		}
		if v, ok := parseAmount(note[m[2]:m[3]], submatch(note, m, 2)); ok && v > 0 {
			return true
		}
	}
	return false
}

// feeKind tells a charge (lệ phí) from a fee (phí) by the last of the two
// words in text; "miễn phí" and "chi phí" do not count.
func feeKind(text string) string {
	f := vntext.Fold(text)
	best, kind := -1, ""
	for i := 0; ; {
		j := strings.Index(f[i:], "phi")
		if j < 0 {
			break
		}
		at := i + j
		i = at + 3
		if i < len(f) && isASCIILetter(f[i]) || at > 0 && isASCIILetter(f[at-1]) {
			continue
		}
		before := strings.TrimRight(f[:at], " ")
		switch {
		case strings.HasSuffix(before, "le"):
			best, kind = at, FeeKindCharge
		case strings.HasSuffix(before, "mien"), strings.HasSuffix(before, "chi"), strings.HasSuffix(before, "cuoc"):
			// not a fee word
		default:
			if at > best {
				best, kind = at, FeeKindFee
			}
		}
	}
	return kind
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// moneyEndOK reports whether a money match ending at end is not the start of
// a longer word ("đ" of "đơn").
func moneyEndOK(text string, end int) bool {
	r, _ := utf8.DecodeRuneInString(text[end:])
	return end >= len(text) || !unicode.IsLetter(r)
}

func submatch(s string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}

// parseAmount reads a number as published ("4,500,000", "4.500.000",
// "1,5" with a multiplier) times the multiplier word ("triệu").
func parseAmount(num, mult string) (int64, bool) {
	num = strings.TrimRight(num, ".,")
	var value float64
	groups := strings.FieldsFunc(num, func(r rune) bool { return r == '.' || r == ',' })
	thousands := len(groups) > 1
	for _, g := range groups[1:] {
		if len(g) != 3 {
			thousands = false
		}
	}
	switch {
	case len(groups) == 0:
		return 0, false
	case len(groups) == 1 || thousands:
		v, err := strconv.ParseInt(strings.Join(groups, ""), 10, 64)
		if err != nil {
			return 0, false
		}
		value = float64(v)
	case len(groups) == 2:
		v, err := strconv.ParseFloat(groups[0]+"."+groups[1], 64)
		if err != nil {
			return 0, false
		}
		value = v
	default:
		return 0, false
	}
	switch vntext.Fold(strings.TrimSpace(mult)) {
	case "nghin", "ngan":
		value *= 1e3
	case "trieu":
		value *= 1e6
	case "ty":
		value *= 1e9
	}
	if value < 0 || value > 1e15 || math.IsNaN(value) {
		return 0, false
	}
	return int64(math.Round(value)), true
}

// clauseBounds widens the match [start,end) of text to its clause: back to
// the previous line break, semicolon or sentence end, forward to the next.
func clauseBounds(text string, start, end int) (int, int) {
	s := 0
	for i := start - 1; i >= 0; i-- {
		c := text[i]
		if c == '\n' || c == ';' || c == '(' || c == ')' || (c == '.' && i+1 < len(text) && text[i+1] == ' ') || (c == '-' && i+1 < len(text) && text[i+1] == ' ' && (i == 0 || text[i-1] == ' ' || text[i-1] == '\n')) {
			s = i + 1
			break
		}
	}
	e := len(text)
	for i := end; i < len(text); i++ {
		c := text[i]
		if c == '\n' || c == ';' || c == ',' || c == '(' || c == ')' || (c == '.' && (i+1 == len(text) || text[i+1] == ' ')) {
			e = i
			break
		}
	}
	return s, e
}
