package corpus

// This file holds the parsers of published text that every reader shares:
// fees, processing times, legal-basis numbers, paper wording and quantities,
// channels. Each keeps the original text and leaves unknown values unset.

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/redtape-vn/redtape/analyzer/vntext"
)

// Placeholders the national portal prints where a field has no content.
// Compared after folding (lower case, no diacritics) and trimming.
var placeholderTexts = map[string]bool{
	"khong co thong tin": true,
	"khong quy dinh":     true,
	"khong co":           true,
	"khong":              true,
	"khong ap dung":      true,
	"--":                 true,
	"-":                  true,
}

// IsPlaceholder reports whether text is one of the portal's placeholders for
// "nothing stated" ("Không có thông tin", "Không quy định", "Không", "--").
// A placeholder means unknown, never a value.
func IsPlaceholder(text string) bool {
	if len(text) > 64 && len(strings.TrimSpace(text)) > 64 {
		return false // placeholders are short
	}
	t := strings.TrimSpace(text)
	t = strings.TrimRight(t, ".;: ")
	return t == "" || placeholderTexts[vntext.Fold(t)]
}

// Fee kinds.
const (
	FeeKindFee    = "fee"    // phí
	FeeKindCharge = "charge" // lệ phí
)

// portalFeeRe matches the amount column of the portal's fee cell, e.g.
// "4,500,000 Việt Nam Đồng", "135 VNĐ", "10 USD".
var portalFeeRe = regexp.MustCompile(`^(\d[\d.,]*)\s*(?i:(việt nam đồng|vnđ|vnd|đồng|usd))`)

// moneyRe matches an amount in đồng in free text: "50.000 đồng",
// "4.500.000 Đồng", "20 triệu đồng", "200.000đ", "200.000 VNĐ".
var moneyRe = regexp.MustCompile(`(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(?i:(nghìn|ngàn|triệu|tỷ)\s*)?(?i:(việt nam đồng|vnđ|vnd|đồng|đ))`)

// usdRe matches an amount in US dollars.
var usdRe = regexp.MustCompile(`(\d[\d.,]*)\s*(?i:usd)`)

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
	if loc := portalFeeRe.FindStringSubmatchIndex(text); loc != nil {
		return []Fee{portalFee(text, loc)}
	}
	folded := vntext.Fold(text)
	var out []Fee
	for _, m := range moneyRe.FindAllStringSubmatchIndex(text, -1) {
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
var noFeeLabelRe = regexp.MustCompile(`^(?:phi\s*,\s*le phi|phi\s*/\s*le phi|phi\s*va\s*le phi|le phi|phi)\s*:\s*`)

// noFeeCurrencyRe matches a currency word at the end of folded text.
var noFeeCurrencyRe = regexp.MustCompile(`\s*(?:viet nam dong|vnd|dong)$`)

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
	label := noFeeLabelRe.FindString(f)
	f = strings.TrimSpace(f[len(label):])
	body := noFeeCurrencyRe.ReplaceAllString(f, "")
	currency := body != f
	body = strings.TrimRight(body, " .;:-")
	zero := noFeeWords[body] || body == "o" && currency
	if !zero && label == "" && (strings.HasPrefix(body, "mien phi") || strings.HasPrefix(body, "khong thu ") || strings.HasPrefix(body, "khong mat phi")) && !moneyRe.MatchString(head) {
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
		for _, m := range usdRe.FindAllStringSubmatch(note, -1) {
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
	for _, m := range moneyRe.FindAllStringSubmatchIndex(note, -1) {
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
	if dateBeforeYearRe.MatchString(before) {
		return true
	}
	f := strings.TrimRight(vntext.Fold(text[max(0, start-12):start]), " ")
	return strings.HasSuffix(f, " nam") || f == "nam"
}

// dateBeforeYearRe matches the day and month of a date ending where its
// year starts: "11/11/", "5-6-", "05.02.".
var dateBeforeYearRe = regexp.MustCompile(`\d{1,2}[/.\-]\d{1,2}[/.\-]$`)

// scheduleNoteRe matches, folded, a clause of a note that says a fee is
// charged at a level set elsewhere: by a schedule or a collection level
// ("mức thu", "Biểu phí", "Biểu mức thu", "mức phí"), a named fee of
// assessment, quarantine, inspection, data use or supply ("phí thẩm
// định", "phí kiểm dịch" ...), or a provincial People's Committee. A bare
// citation of a circular ("Thông tư số 60/2023/TT-BTC") does not count: it
// may be the one that exempts.
var scheduleNoteRe = regexp.MustCompile(`muc thu|bieu phi|bieu muc|muc phi|phi (tham dinh|kiem dich|kiem tra|khai thac|cung cap|in )|\b(do|theo quy dinh cua) (uy ban nhan dan|ubnd)`)

// scheduleNegatedRe matches, folded, a clause that says the fee is not
// charged or not in the schedule ("Miễn lệ phí (Thông tư số 47/2019/TT-
// BTC)", "Không được quy định tại Biểu phí"), or speaks of other costs
// ("Chi phí khác: Biểu khung giá dịch vụ ..."), which are not fees.
var scheduleNegatedRe = regexp.MustCompile(`\bmien\b|\bkhong (thu|phai nop|duoc quy dinh|quy dinh|co)\b|\bchua quy dinh\b|\bchi phi\b`)

// chargedBySchedule reports whether a note beside "Miễn phí" has a clause
// that says a fee is charged by a schedule set elsewhere (see
// [scheduleNoteRe]) and does not negate it.
func chargedBySchedule(note string) bool {
	f := vntext.Fold(note)
	for _, clause := range noteClauseRe.Split(f, -1) {
		if scheduleNoteRe.MatchString(clause) && !scheduleNegatedRe.MatchString(clause) {
			return true
		}
	}
	return false
}

// noteClauseRe splits a folded note into clauses: at semicolons, sentence
// ends, line breaks and list dashes or pluses.
var noteClauseRe = regexp.MustCompile(`;|\.\s|\n|(?:^|\s)[-+]\s`)

// perUnitAmountRe matches an amount with no currency but a unit after it,
// "8.000.000/lần": thousands in groups, so not a date or a document number.
var perUnitAmountRe = regexp.MustCompile(`(?:^|[^\d.,])[1-9]\d{0,2}(?:[.,]\d{3})+\s*/\s*\pL`)

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
	for _, m := range usdRe.FindAllStringSubmatch(note, -1) {
		if v, ok := parseAmount(m[1], ""); ok && v > 0 {
			return true // "Miễn phí(Lệ phí cấp mới 200 USD/lần ...)"
		}
	}
	if perUnitAmountRe.MatchString(note) {
		return true // "Miễn phí(Cho một loại hình sản phẩm: 8.000.000/lần ...)"
	}
	for _, m := range moneyRe.FindAllStringSubmatchIndex(note, -1) {
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

// parenAfter returns the balanced parenthesised text starting at byte i of
// text (after optional spaces), without the outer parentheses, or "".
func parenAfter(text string, i int) string {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if i >= len(text) || text[i] != '(' {
		return ""
	}
	end := matchParen(text, i)
	if end < 0 {
		return text[i+1:]
	}
	return text[i+1 : end]
}

// matchParen returns the byte index of the parenthesis closing the one at
// open, or -1 when it is never closed.
func matchParen(text string, open int) int {
	depth := 0
	for i := open; i < len(text); i++ {
		switch text[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
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

func int64p(v int64) *int64 { return &v }
func intp(v int) *int       { return &v }

// durationRe matches a number and a time unit, folded.
var durationRe = regexp.MustCompile(`(\d+(?:[.,]\d+)?)\s*(ngay lam viec|ngay|gio lam viec|gio|thang|nam|tuan|phut)\b`)

// durationNextRe matches, folded, a second part of a compound time right
// after the first: "02 tháng và 15 ngày làm việc", "1 giờ 30 phút".
var durationNextRe = regexp.MustCompile(`^\s*(?:va\s+)?(\d+(?:[.,]\d+)?)\s*(ngay lam viec|ngay|gio lam viec|gio|phut)\b`)

// durationInto converts one of a unit (folded, as durationRe names it) into
// a smaller one, for compound times; 0 when the pair is not converted.
// Months count 22 working days (the cost model's default
// time_value.working_days_per_month) or 30 days, weeks 5 working days or 7
// days, days 24 hours, working days 8 working hours, hours 60 minutes.
func durationInto(big, small string) float64 {
	switch big + ">" + small {
	case "nam>ngay lam viec":
		return 12 * 22
	case "nam>ngay":
		return 12 * 30
	case "thang>ngay lam viec":
		return 22
	case "thang>ngay":
		return 30
	case "tuan>ngay lam viec":
		return 5
	case "tuan>ngay":
		return 7
	case "ngay>gio":
		return 24
	case "ngay>phut":
		return 24 * 60
	case "ngay lam viec>gio lam viec":
		return 8
	case "gio>phut", "gio lam viec>phut":
		return 60
	}
	return 0
}

// ParseDuration parses a processing time such as "20 Ngày làm việc" or
// "1 Giờ". It returns nil for empty text and a Duration with no Unit for
// text it cannot parse. Placeholders ("Không có thông tin") are nil, since
// they state nothing. In free text the first number with a unit is taken
// ("Trong thời hạn 03 ngày làm việc ..."). Weeks become days, years
// months and minutes hours. A compound time, a larger unit followed by a
// smaller one ("02 tháng và 15 ngày làm việc", "1 giờ 30 phút"), is one
// value in the smaller unit (minutes as hours), the larger part converted
// by [durationInto]: 2 × 22 + 15 = 59 working days; Text keeps the time as
// published.
func ParseDuration(text string) *Duration {
	text = strings.TrimSpace(text)
	if text == "" || IsPlaceholder(text) {
		return nil
	}
	d := &Duration{Text: text}
	folded := vntext.Fold(text)
	loc := durationRe.FindStringSubmatchIndex(folded)
	if loc == nil {
		return d
	}
	m := []string{folded[loc[0]:loc[1]], folded[loc[2]:loc[3]], folded[loc[4]:loc[5]]}
	v, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", "."), 64)
	if err != nil || v < 0 || math.IsInf(v, 0) {
		return d
	}
	if n := durationNextRe.FindStringSubmatch(folded[loc[1]:]); n != nil {
		if k := durationInto(m[2], n[2]); k > 0 {
			if w, err := strconv.ParseFloat(strings.ReplaceAll(n[1], ",", "."), 64); err == nil && w >= 0 && !math.IsInf(w, 0) {
				v, m[2] = v*k+w, n[2]
			}
		}
	}
	switch m[2] {
	case "ngay lam viec":
		d.Value, d.Unit = v, WorkingDays
	case "ngay":
		d.Value, d.Unit = v, Days
	case "gio lam viec":
		d.Value, d.Unit = v, WorkingHours
	case "gio":
		d.Value, d.Unit = v, Hours
	case "thang":
		d.Value, d.Unit = v, Months
	case "nam":
		d.Value, d.Unit = v*12, Months
	case "tuan":
		d.Value, d.Unit = v*7, Days
	case "phut":
		d.Value, d.Unit = v/60, Hours
	}
	return d
}

// legalNumberRe matches a Vietnamese legal document number: a number, an
// optional year and the type-and-issuer suffix, e.g. "104/2022/NĐ-CP",
// "26/2023/QH15", "66.7/2025/NQ-CP", "2628/QĐ-BTC", "20/2013/TTLT-BYT-BCT",
// "30a/2008/NQ-CP" (a number with a letter). Spaces around the separators
// are tolerated ("08/2022/NĐ -CP").
var legalNumberRe = regexp.MustCompile(`(\d{1,5}(?:\.\d{1,3}|[a-zđ])?)\s?/\s?(?:((?:19|20)\d{2})\s?/\s?)?((?:TTg|QH\d{0,2}|[A-ZĐ]{1,10}QH\d{0,2}|[A-ZĐ]{1,12})(?:\s?[-/]\s?(?:TTg|QH\d{0,2}|[A-ZĐ]{1,10}QH\d{0,2}|[A-ZĐ]{2,12}))*)`)

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
	for _, m := range legalNumberRe.FindAllStringSubmatchIndex(text, -1) {
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
var alternativesIntroRe = regexp.MustCompile(`mot trong (cac|nhung|so cac) (giay to|tai lieu|loai giay to|van ban)[^:]*:`)

// listItemRe finds list markers "a)", "b)", "-", "+" at the start of items.
var listItemRe = regexp.MustCompile(`(?:^|[;\n]|\.\s)\s*(?:[a-zđ]\)|[-+•]|\d{1,2}[.)])\s*`)

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
	p.CertifiedCopy = (strings.Contains(f, "chung thuc") || strings.Contains(f, "sao y")) && certifiedCopyRe.MatchString(f)
	p.Optional = optionalPaper(f)
	if strings.Contains(f, "doi voi") || strings.Contains(f, "truong hop") {
		p.Condition = paperCondition(text, f)
	}
	p.Alternatives = paperAlternatives(text, f)
	return p
}

// certifiedCopyRe matches a request for a certified copy, folded.
var certifiedCopyRe = regexp.MustCompile(`ban sao (co |da |duoc )?chung thuc|ban sao[^.;]{0,80}(duoc|da duoc|co) chung thuc|sao y ban chinh`)

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
var itemLetterBeforeRe = regexp.MustCompile(`(?:^|[;\n]|\.\s)\s*([a-z])\)\s*$`)

// nextSiblingItem returns the byte offset in f (folded) where the list item
// after the one holding f[introStart:introEnd) starts, when that item is
// lettered ("b) Một trong các giấy tờ sau: ...; c) ..."), or -1.
func nextSiblingItem(f string, introStart, introEnd int) int {
	m := itemLetterBeforeRe.FindStringSubmatch(f[:introStart])
	if m == nil || m[1] == "z" {
		return -1
	}
	next := m[1][0] + 1
	for _, loc := range itemLetterRe.FindAllStringSubmatchIndex(f[introEnd:], -1) {
		if f[introEnd+loc[2]] == next {
			return introEnd + loc[0]
		}
	}
	return -1
}

// itemLetterRe matches, folded, a lettered list marker after a separator:
// "; c) ".
var itemLetterRe = regexp.MustCompile(`(?:[;\n]|\.\s)\s*([a-z])\)\s`)

// paperAlternatives lists the papers of which any one will do: the items
// after "Một trong các giấy tờ sau:", or the parts of a first clause joined
// by "hoặc".
func paperAlternatives(text, f string) []string {
	rs := []rune(text)
	fr := []rune(f)
	if !strings.Contains(f, "mot trong") && !strings.Contains(f, " hoac ") {
		return nil
	}
	if loc := alternativesIntroRe.FindStringIndex(f); loc != nil {
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

// listMarkerFoldRe matches a list marker at the start of folded text.
var listMarkerFoldRe = regexp.MustCompile(`^(?:[-+*•]+|\(?[a-z]{1,4}\)|\d{1,2}[.)/]|[a-z]\.)\s*`)

// trimFoldedMarker removes a list marker from the start of folded text.
func trimFoldedMarker(f string) string {
	return strings.TrimSpace(listMarkerFoldRe.ReplaceAllString(f, ""))
}

// splitOutsideParens splits s at sep where sep is not inside parentheses.
func splitOutsideParens(s, sep string) []string {
	var out []string
	depth, last := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 { // "a)" closes nothing
				depth--
			}
		}
		if depth == 0 && strings.HasPrefix(s[i:], sep) {
			out = append(out, s[last:i])
			last = i + len(sep)
			i += len(sep) - 1
		}
	}
	return append(out, s[last:])
}

// splitListItems splits text at list markers ("a)", "-", "+", "1.").
func splitListItems(text string) []string {
	locs := listItemRe.FindAllStringIndex(text, -1)
	if len(locs) < 2 {
		return nil
	}
	var out []string
	for i, l := range locs {
		end := len(text)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		if item := strings.Trim(text[l[1]:end], " ;.\n"); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// qtyLabelRe finds the labels "bản chính" and "bản sao" in folded text.
var qtyLabelRe = regexp.MustCompile(`ban (chinh|sao)`)

// ParseQuantity parses a quantity such as "0 bản chính,1 bản sao" or
// "Bản chính: 1 - Bản sao: 0" into counts of originals and copies; a count
// the text does not state stays nil.
//
// Each number counts for one label only. A label followed by a colon takes
// the number after it ("Bản chính: 1 Bản sao: 0", whatever separates the two
// parts: a line break, " - ", a space); else a label takes the number just
// before it that no label has taken ("1 bản chính, 1 bản sao"), else the
// number after it ("Bản chính 1 Bản sao 0"). The first statement of each
// count wins.
func ParseQuantity(text string) (originals, copies *int) {
	f := vntext.Fold(text)
	claimed := -1 // end of the last number taken by a label
	for _, m := range qtyLabelRe.FindAllStringSubmatchIndex(f, -1) {
		n, used := -1, -1
		after := strings.TrimLeft(f[m[1]:], " \t\r\n")
		colon := strings.HasPrefix(after, ":")
		if !colon {
			if s, e := numberBefore(f, m[0]); e > claimed && s >= 0 {
				n, used = atoiQty(f[s:e]), e
			}
		}
		if used < 0 {
			if s, e := numberAfter(f, m[1]); s >= 0 {
				n, used = atoiQty(f[s:e]), e
			}
		}
		if used < 0 {
			continue
		}
		claimed = used
		if n < 0 {
			continue
		}
		if f[m[2]:m[3]] == "chinh" {
			if originals == nil {
				originals = intp(n)
			}
		} else if copies == nil {
			copies = intp(n)
		}
	}
	return originals, copies
}

// numberBefore returns the span of the digits that end at byte i of f, after
// at most one space, or -1, -1.
func numberBefore(f string, i int) (int, int) {
	if i > 0 && f[i-1] == ' ' {
		i--
	}
	s := i
	for s > 0 && f[s-1] >= '0' && f[s-1] <= '9' {
		s--
	}
	if s == i {
		return -1, -1
	}
	return s, i
}

// numberAfter returns the span of the digits after byte i of f, past white
// space and one colon, or -1, -1.
func numberAfter(f string, i int) (int, int) {
	for i < len(f) && (f[i] == ' ' || f[i] == '\t' || f[i] == '\r' || f[i] == '\n') {
		i++
	}
	if i < len(f) && f[i] == ':' {
		i++
	}
	for i < len(f) && (f[i] == ' ' || f[i] == '\t') {
		i++
	}
	e := i
	for e < len(f) && f[e] >= '0' && f[e] <= '9' {
		e++
	}
	if e == i {
		return -1, -1
	}
	return i, e
}

// atoiQty reads a count, or -1 when it is not a plausible one.
func atoiQty(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n > 1000 {
		return -1
	}
	return n
}

// ParseChannelMode recognises a submission channel ("Trực tiếp",
// "Trực tuyến", "Dịch vụ bưu chính").
func ParseChannelMode(text string) ChannelMode {
	f := strings.TrimSpace(vntext.Fold(text))
	switch {
	case strings.HasPrefix(f, "truc tuyen"), strings.HasPrefix(f, "qua mang"), strings.HasPrefix(f, "dich vu cong truc tuyen"), strings.HasPrefix(f, "online"):
		return ModeOnline
	case strings.HasPrefix(f, "dich vu buu chinh"), strings.HasPrefix(f, "buu chinh"), strings.HasPrefix(f, "qua buu chinh"), strings.HasPrefix(f, "qua duong buu dien"), strings.HasPrefix(f, "buu dien"):
		return ModePost
	case strings.HasPrefix(f, "truc tiep"), strings.HasPrefix(f, "nop truc tiep"):
		return ModeInPerson
	case strings.Contains(f, "truc tuyen"):
		return ModeOnline
	case strings.Contains(f, "buu chinh"):
		return ModePost
	case strings.Contains(f, "truc tiep"):
		return ModeInPerson
	}
	return ModeOther
}
