package corpus

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// The portal-crawl reader reads one procedure per JSON file as crawled from
// the detail pages of the National Public Service Portal (dichvucong.gov.vn):
// flat string fields whose table cells were run together without
// separators. See shared/corpus/README.md for the shape.

// portalRecord is the portal crawl's JSON record.
type portalRecord struct {
	Code        string `json:"ma_thu_tuc"`
	URL         string `json:"detail_url"`
	Name        string `json:"ten_thu_tuc"`
	Decision    string `json:"so_quyet_dinh"`
	Level       string `json:"cap_thuc_hien"`
	Kind        string `json:"loai_thu_tuc"`
	Sector      string `json:"linh_vuc"`
	Subjects    string `json:"doi_tuong_thuc_hien"`
	Authority   string `json:"co_quan_co_tham_quyen"`
	Steps       string `json:"trinh_tu_thuc_hien"`
	Channels    string `json:"cach_thuc_thuc_hien"`
	Dossier     string `json:"thanh_phan_ho_so"`
	LegalBasis  string `json:"can_cu_phap_ly"`
	Agencies    string `json:"co_quan_thuc_hien"`
	Conditions  string `json:"yeu_cau_dieu_kien"`
	Results     string `json:"ket_qua_xu_ly"`
	RawText     string `json:"raw_text"`
	FormalityID string `json:"formality_id"`
}

//go:embed portal_ministries.json
var portalMinistriesJSON []byte

// portalMinistries maps crawl directories and decision issuer codes to
// ministry names.
type portalMinistries struct {
	Source  string            `json:"source"`
	Dirs    map[string]string `json:"dirs"`
	Issuers map[string]string `json:"issuers"`
	Codes   []string          `json:"codes"`
}

// issuerCodes lists the issuer codes that may end a document number.
func issuerCodes() ([]string, error) {
	m, err := loadMinistries()
	if err != nil {
		return nil, err
	}
	return m.Codes, nil
}

var loadMinistries = sync.OnceValues(func() (*portalMinistries, error) {
	var m portalMinistries
	if err := json.Unmarshal(portalMinistriesJSON, &m); err != nil {
		return nil, fmt.Errorf("portal_ministries.json: %w", err)
	}
	if m.Source == "" || len(m.Dirs) == 0 || len(m.Issuers) == 0 || len(m.Codes) == 0 {
		return nil, errors.New("portal_ministries.json: source, dirs, issuers and codes are required")
	}
	for _, c := range m.Codes {
		if strings.TrimSpace(c) == "" {
			return nil, errors.New("portal_ministries.json: empty issuer code")
		}
	}
	for k, v := range m.Dirs {
		if strings.TrimSpace(k) == "" || strings.TrimSpace(v) == "" {
			return nil, fmt.Errorf("portal_ministries.json: empty directory entry %q", k)
		}
	}
	for k, v := range m.Issuers {
		if strings.TrimSpace(k) == "" || strings.TrimSpace(v) == "" {
			return nil, fmt.Errorf("portal_ministries.json: empty issuer entry %q", k)
		}
	}
	return &m, nil
})

// sniffPortalCrawl reports whether text is a portal-crawl record.
// It looks for the record's keys as text rather than decoding the whole
// record, whose page text is long.
func sniffPortalCrawl(_, text string) bool {
	t := strings.TrimLeft(text, " \t\r\n\uFEFF")
	if !strings.HasPrefix(t, "{") {
		return false
	}
	return hasJSONKey(t, "ma_thu_tuc") && (hasJSONKey(t, "thanh_phan_ho_so") || hasJSONKey(t, "ten_thu_tuc") || hasJSONKey(t, "cach_thuc_thuc_hien"))
}

// hasJSONKey reports whether text has "key" followed by a colon.
func hasJSONKey(text, key string) bool {
	q := `"` + key + `"`
	for from := 0; ; {
		i := strings.Index(text[from:], q)
		if i < 0 {
			return false
		}
		from += i + len(q)
		if strings.HasPrefix(strings.TrimLeft(text[from:], " \t\r\n"), ":") {
			return true
		}
	}
}

func portalCrawlReader() reader {
	return reader{
		name:  "portal-crawl",
		exts:  []string{".json"},
		sniff: sniffPortalCrawl,
		read: func(ctx context.Context, path, text string, emit func(*Procedure) error, fail func(*ReadError)) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			var rec portalRecord
			if err := json.Unmarshal([]byte(text), &rec); err != nil {
				fail(&ReadError{Line: jsonErrorLine(text, err), Err: fmt.Errorf("invalid portal record: %w", err)})
				return nil
			}
			p, err := convertPortal(path, &rec)
			if err != nil {
				fail(&ReadError{Err: err})
				return nil
			}
			return emit(p)
		},
	}
}

// convertPortal turns a crawled record into a Procedure.
func convertPortal(path string, rec *portalRecord) (*Procedure, error) {
	// The file text is NFC already and emitted records are normalised
	// again (JSON escapes may undo it), so fields are only trimmed here;
	// the dossier is normalised because spans count its runes.
	nfc := strings.TrimSpace
	p := &Procedure{
		Code:     nfc(rec.Code),
		Name:     collapse(nfc(rec.Name)),
		Decision: known(nfc(rec.Decision)),
		Sector:   known(nfc(rec.Sector)),
		Kind:     known(nfc(rec.Kind)),
		Source:   Source{File: path, Format: "portal-crawl", URL: strings.TrimSpace(rec.URL)},
	}
	if p.Code == "" && p.Name == "" {
		return nil, errors.New("record has neither ma_thu_tuc nor ten_thu_tuc")
	}
	// The ministry is attributed when the record is emitted (AttributeMinistry).
	p.Authority = portalList(nfc(rec.Authority))
	p.Agencies = portalList(nfc(rec.Agencies))
	p.Levels = portalList(nfc(rec.Level))
	p.Subjects = portalList(nfc(rec.Subjects))

	steps := nfc(rec.Steps)
	dossier, dossierField := norm.NFC.String(rec.Dossier), "thanh_phan_ho_so"
	if !strings.Contains(dossier, DossierHeader) {
		// Some pages were cut at a mention of "Thành phần hồ sơ" inside the
		// steps: the steps run on into the dossier field and the real
		// dossier is only in the page text.
		if raw := norm.NFC.String(rec.RawText); raw != "" {
			if s, e, ok := rawSection(raw); ok {
				if fixed, ok := rawSteps(raw); ok {
					steps = fixed
				}
				dossier, dossierField = raw[:e], "raw_text"
				p.Papers = SplitDossier(dossier[s:], dossierField)
				shiftSpans(p.Papers, utf8.RuneCountInString(raw[:s]))
				dossier = ""
			}
		}
	}
	if dossier != "" {
		p.Papers = SplitDossier(dossier, dossierField)
	}
	p.Steps = portalSteps(steps)
	p.Channels = parsePortalChannels(nfc(rec.Channels))
	p.LegalBasis = parsePortalLegal(nfc(rec.LegalBasis))
	p.Conditions = splitConditions(cutChrome(nfc(rec.Conditions)))
	p.Results = splitResults(nfc(rec.Results))
	return p, nil
}

// shiftSpans moves the spans of papers by off runes.
func shiftSpans(papers []Paper, off int) {
	for i := range papers {
		if papers[i].Span != nil {
			papers[i].Span.Start += off
			papers[i].Span.End += off
		}
	}
}

// rawSection returns the byte span of the dossier section in a page's text:
// from after the "Thành phần hồ sơ" heading before the first table header
// to the legal-basis heading.
func rawSection(raw string) (int, int, bool) {
	h := strings.Index(raw, DossierHeader)
	if h < 0 {
		return 0, 0, false
	}
	const label = "Thành phần hồ sơ"
	s := strings.LastIndex(raw[:h], label)
	if s < 0 {
		return 0, 0, false
	}
	s += len(label)
	e := len(raw)
	if i := strings.Index(raw[h:], "Căn cứ pháp lý"); i >= 0 {
		e = h + i
	}
	return s, e, true
}

// rawSteps returns the steps section of a page's text.
func rawSteps(raw string) (string, bool) {
	s := strings.Index(raw, "Trình Tự Thực Hiện")
	e := strings.Index(raw, "Cách Thức Thực Hiện")
	if s < 0 || e < s {
		return "", false
	}
	return strings.TrimSpace(raw[s+len("Trình Tự Thực Hiện") : e]), true
}

// known returns s, or "" when s is a placeholder.
func known(s string) string {
	if IsPlaceholder(s) {
		return ""
	}
	return s
}

func collapse(s string) string { return vntext.CollapseSpace(s) }

// portalList splits a published list ("Cấp tỉnh, Cấp xã"; "Tổ chức (không
// bao gồm doanh nghiệp, HTX), Doanh nghiệp") at commas outside parentheses.
// A part that starts in lower case continues the one before ("Thuế tỉnh,
// thành phố"). Placeholders give nil.
func portalList(s string) []string {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	if IsPlaceholder(s) {
		return nil
	}
	var out []string
	for _, part := range splitOutsideParens(s, ",") {
		part = collapse(strings.Trim(part, " .;\n\t"))
		if part == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(part)
		if len(out) > 0 && unicode.IsLower(r) {
			out[len(out)-1] += ", " + part
			continue
		}
		out = append(out, part)
	}
	return out
}

// stepRe finds the start of a step: "Bước 1", "- Bước 2:", "+ Bước 3."
// at the start of a line or after a sentence.
var stepRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)(?:^|[.;:]\s+|\s{2,})(?:[a-zđ]\)\s*)?[-+*]?\s*Bước\s*\d+`)
})

// findSteps returns the spans of the step markers of s, found from the
// literal "Bước" so that long text is not scanned by the expression.
func findSteps(s string) [][]int {
	var out [][]int
	from := 0
	for {
		i := strings.Index(s[from:], "Bước")
		if i < 0 {
			return out
		}
		at := from + i
		from = at + len("Bước")
		lo := at - 12
		if lo < 0 {
			lo = 0
		}
		for lo > 0 && !utf8.RuneStart(s[lo]) {
			lo++
		}
		if lo > 0 && len(out) > 0 && lo < out[len(out)-1][1] {
			lo = out[len(out)-1][1]
		}
		seg := s[lo:]
		for _, m := range stepRe().FindAllStringIndex(seg[:min(len(seg), at-lo+len("Bước")+6)], -1) {
			if lo+m[1] > at {
				out = append(out, []int{lo + m[0], lo + m[1]})
				break
			}
		}
	}
}

// portalSteps splits the steps text at "Bước N"; with no such markers, each
// non-empty line is a step.
func portalSteps(s string) []string {
	if IsPlaceholder(s) {
		return nil
	}
	locs := findSteps(s)
	var out []string
	add := func(t string) {
		if t = strings.TrimSpace(t); t != "" && !IsPlaceholder(t) {
			out = append(out, t)
		}
	}
	if len(locs) < 2 {
		if len(locs) == 1 {
			add(s)
			return out
		}
		for _, line := range strings.Split(s, "\n") {
			add(line)
		}
		return out
	}
	// Cut where the marker starts, after any sentence punctuation.
	starts := make([]int, len(locs))
	for i, l := range locs {
		st := l[0]
		for st < l[1] && strings.ContainsRune(".;: \t\n", rune(s[st])) {
			st++
		}
		starts[i] = st
	}
	if starts[0] > 0 {
		add(s[:starts[0]])
	}
	for i, st := range starts {
		end := len(s)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		add(s[st:end])
	}
	return out
}

// channelHeader is the run-together header of the portal's channel table.
const channelHeader = "Hình thức nộpThời gianPhí, lệ phíMô tả"

var (
	channelNameRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`Trực tuyến|Trực tiếp|Dịch vụ bưu chính`)
	})
	timeUnitRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\d+(?:[.,]\d+)?\s?(?:Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Tuần|Phút|ngày làm việc|ngày|giờ|tháng)`)
	})
	timeWordRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:Không có thông tin|Không quy định|Khác|Không)`)
	})
	timeBareRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d+(?:[.,]\d+)?`) })
	feeStartRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:Miễn phí|Không có thông tin|\d[\d.,]*\s?(?:VNĐ|Việt Nam Đồng|Đồng|USD))`)
	})
	feeWordRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:Miễn phí|Không có thông tin)`) })
)

// channelHead parses what follows a channel name: the time cell and the
// start of the fee cell. It returns the time text, the byte length of the
// time and fee cells (the fee cell with its parenthesised note) and the fee
// text, or ok false when rest does not start a channel row.
func channelHead(rest string) (timeText, feeText string, n int, ok bool) {
	try := func(tlen int) bool {
		after := rest[tlen:]
		loc := feeStartRe().FindStringIndex(after)
		if loc == nil {
			return false
		}
		if tlen > 0 && timeBareRe().MatchString(rest[:tlen]) && !timeUnitRe().MatchString(rest[:tlen]) && !feeWordRe().MatchString(after) {
			return false // a bare number is a time only before a worded fee
		}
		feeEnd := loc[1]
		if note := parenAfter(after, feeEnd); note != "" || strings.HasPrefix(after[feeEnd:], "(") {
			close := matchParen(after, feeEnd)
			if close < 0 {
				feeEnd = len(after)
			} else {
				feeEnd = close + 1
			}
		}
		timeText, feeText, n = rest[:tlen], after[:feeEnd], tlen+feeEnd
		return true
	}
	for _, re := range []*regexp.Regexp{timeUnitRe(), timeWordRe(), timeBareRe()} {
		if loc := re.FindStringIndex(rest); loc != nil && try(loc[1]) {
			return timeText, feeText, n, true
		}
	}
	if try(0) {
		return timeText, feeText, n, true
	}
	return "", "", 0, false
}

// parsePortalChannels splits the run-together channel table into channels,
// each with its time, fee and description.
func parsePortalChannels(s string) []Channel {
	s = strings.TrimSpace(strings.TrimPrefix(s, channelHeader))
	if IsPlaceholder(s) {
		return nil
	}
	type row struct {
		name, time, fee string
		start, end      int // of the description
		at              int // of the channel name
	}
	var rows []row
	for _, loc := range channelNameRe().FindAllStringIndex(s, -1) {
		if len(rows) > 0 && loc[0] < rows[len(rows)-1].start {
			continue // inside the previous row's fee note
		}
		t, f, n, ok := channelHead(s[loc[1]:])
		if !ok {
			continue
		}
		if len(rows) > 0 {
			rows[len(rows)-1].end = loc[0]
		}
		rows = append(rows, row{name: s[loc[0]:loc[1]], time: t, fee: f, at: loc[0], start: loc[1] + n, end: len(s)})
	}
	var out []Channel
	for _, r := range rows {
		c := Channel{Mode: ParseChannelMode(r.name), Text: r.name}
		if t := strings.TrimSpace(r.time); t != "" {
			c.Time = ParseDuration(t)
		}
		c.Fees = ParseFees(strings.TrimSpace(r.fee))
		c.Description = known(strings.TrimSpace(s[r.start:r.end]))
		out = append(out, c)
	}
	if out == nil {
		// Not in the table's shape: keep the text as one channel.
		return []Channel{{Mode: ParseChannelMode(s), Text: s}}
	}
	return out
}

// legalHeader is the run-together header of the portal's legal-basis table.
const legalHeader = "Tên văn bản pháp lýMã văn bản"

// parsePortalLegal reads the legal-basis table, whose rows run together as
// name then code ("Luật 54/2014/QH1354/2014/QH13Thông tư ..."). Each row
// gives one LegalRef: its code as Number, its name as Title and Text.
func parsePortalLegal(s string) []LegalRef {
	s = cutChrome(strings.TrimSpace(strings.TrimPrefix(s, legalHeader)))
	if IsPlaceholder(s) {
		return nil
	}
	nums := FindLegalNumbers(s)
	if len(nums) == 0 {
		return []LegalRef{{Text: s, Title: s}}
	}
	var out []LegalRef
	seen := map[string]int{}
	rowStart := 0
	inRow := map[string]bool{}
	for i, n := range nums {
		// A number met a second time in a row is the row's code column.
		repeated := inRow[n.Number]
		inRow[n.Number] = true
		if !repeated && !rowEnd(s, nums, i) {
			continue
		}
		clear(inRow)
		name := strings.TrimSpace(s[rowStart:n.Start])
		code := s[n.Start:n.End]
		rowText := strings.TrimSpace(s[rowStart:n.End])
		rowStart = n.End
		name = strings.TrimSpace(strings.TrimRight(name, ";,"))
		title := name
		if title == "" {
			title = code
		}
		typ := typeBefore(s, n.Start)
		if typ == "" {
			typ = typeOfTitle(title)
		}
		if typ == "" {
			typ = n.Type
		}
		ref := LegalRef{Text: rowText, Number: n.Number, Type: typ, Title: title}
		if j, ok := seen[n.Number]; ok {
			if len(out[j].Title) < len(ref.Title) {
				out[j].Title = ref.Title
			}
			continue
		}
		seen[n.Number] = len(out)
		out = append(out, ref)
	}
	if rest := strings.TrimSpace(s[rowStart:]); rest != "" && !IsPlaceholder(rest) {
		// A last row whose code column is missing or malformed: cite the
		// numbers its name gives, else keep its text.
		refs := ParseLegalRefs(rest)
		added := false
		for _, r := range refs {
			if _, ok := seen[r.Number]; !ok {
				seen[r.Number] = len(out)
				r.Title = rest
				out = append(out, r)
				added = true
			}
		}
		if !added && len(refs) == 0 {
			out = append(out, LegalRef{Text: rest, Title: rest, Type: typeOfTitle(rest)})
		}
	}
	return out
}

// rowEnd reports whether nums[i] is the code that ends a legal-basis row: it
// is the last number, or the next row starts right after it (glued, or a
// capitalised word).
func rowEnd(s string, nums []LegalNumber, i int) bool {
	n := nums[i]
	rest := s[n.End:]
	if strings.TrimSpace(rest) == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if i+1 < len(nums) && nums[i+1].Start == n.End {
		// "QH1354/2014/QH13": the code repeats the name's number; a
		// different number glued on starts the next row.
		return nums[i+1].Number != n.Number
	}
	switch {
	case unicode.IsUpper(r) || unicode.IsDigit(r):
		return true
	case r == ' ' || r == ';' || r == '.':
		t := strings.TrimLeft(rest, " ;.")
		r2, _ := utf8.DecodeRuneInString(t)
		// A code glued to its name, then a new capitalised row.
		glued := n.Start > 0 && !unicode.IsSpace(rune(s[n.Start-1]))
		return glued && unicode.IsUpper(r2)
	}
	return false
}

// typeOfTitle returns the document type a title starts with ("Luật Căn
// cước" → Luật), or "".
func typeOfTitle(title string) string {
	f := vntext.Fold(title)
	for _, tw := range typeWords {
		if strings.HasPrefix(f, tw.word+" ") || f == tw.word {
			return tw.typ
		}
	}
	return ""
}

// chromeMarkers start the page furniture that follows the last section of a
// crawled page.
var chromeMarkers = []string{"Từ khóa", "Chọn cơ quan thực hiện", "Cơ quan thực hiện", "Yêu cầu, điều kiện thực hiện", "Kết quả xử lý"}

// cutChrome removes page furniture that the crawl left after a field.
func cutChrome(s string) string {
	for _, m := range chromeMarkers {
		if i := strings.Index(s, m); i >= 0 {
			s = s[:i]
		}
	}
	return strings.TrimSpace(s)
}

// resultCodeRe matches the result code the portal prints after each result.
var resultCodeRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`Mã:\s*KQ\.[A-Z]*\d+(?:\.\d+)*`) })

// splitResults reads the results field: results each followed by their
// code ("...Mã: KQ.G12.000327"), then page furniture.
func splitResults(s string) []string {
	s = cutChrome(s)
	if IsPlaceholder(s) {
		return nil
	}
	var out []string
	add := func(t string) {
		t = strings.Trim(t, " .\n\t")
		if t != "" && !IsPlaceholder(t) {
			out = append(out, t)
		}
	}
	last := 0
	for _, loc := range resultCodeRe().FindAllStringIndex(s, -1) {
		add(s[last:loc[0]])
		last = loc[1]
	}
	add(s[last:])
	return out
}

// conditionItemRe starts a condition item on a new line.
var conditionItemRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\n+`) })

// splitConditions splits the conditions field into items, one per line.
func splitConditions(s string) []string {
	if IsPlaceholder(s) {
		return nil
	}
	var out []string
	for _, line := range conditionItemRe().Split(s, -1) {
		if line = strings.TrimSpace(line); line != "" && !IsPlaceholder(line) {
			out = append(out, line)
		}
	}
	return out
}
