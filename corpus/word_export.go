package corpus

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// This file reads the Word-export JSON: records parsed by a third party
// from the official Word export of the national procedure database
// (ChiTietTTHC_<code>.doc), with metadata, content and tables. It also holds
// the helpers that the export readers share.

// wordExportMinistry is the ministry of every record of the Word export
// known so far: the export the project holds is the Ministry of Defence's
// (see ../shared/corpus/README.md). The records themselves do not name it.
const wordExportMinistry = "Bộ Quốc phòng"

// wordExportRecord is one record of the Word export.
type wordExportRecord struct {
	ID       flexText            `json:"thu_tuc_id"`
	File     flexText            `json:"source_file"`
	Metadata map[string]flexText `json:"metadata"`
	Content  map[string]flexText `json:"content"`
	Tables   struct {
		Channels []struct {
			Mode        flexText `json:"hinh_thuc"`
			Time        flexText `json:"thoi_han_giai_quyet"`
			Fees        flexText `json:"phi_le_phi"`
			Description flexText `json:"mo_ta"`
		} `json:"hinh_thuc_nop"`
		Papers []struct {
			Name flexText `json:"ten_giay_to"`
			// Quantity and Note are swapped in the published parse:
			// so_luong holds the form file and ghi_chu the quantities.
			// paperColumns sorts them out by content.
			Quantity flexText `json:"so_luong"`
			Note     flexText `json:"ghi_chu"`
		} `json:"thanh_phan_ho_so"`
		Legal []struct {
			Number  flexText `json:"so_ky_hieu"`
			Summary flexText `json:"trich_yeu"`
			Issued  flexText `json:"ngay_ban_hanh"`
			Issuer  flexText `json:"co_quan_ban_hanh"`
		} `json:"can_cu_phap_ly"`
	} `json:"tables"`
}

// sniffWordExport reports whether text holds Word-export records.
func sniffWordExport(_, text string) bool {
	keys := topLevelKeys(text)
	return keys["metadata"] && keys["tables"] && (keys["thu_tuc_id"] || keys["content"])
}

func wordExportReader() reader {
	return reader{
		name:  "word-export",
		exts:  []string{".json"},
		sniff: sniffWordExport,
		read: jsonExportRead("word-export", func(raw json.RawMessage) (*Procedure, string, error) {
			var r wordExportRecord
			if err := json.Unmarshal(raw, &r); err != nil {
				return nil, "", err
			}
			return r.procedure(), "", nil
		}),
	}
}

// jsonExportRead returns the read function of a reader of JSON exports:
// each record of the file (one object or an array) goes through decode,
// which returns the procedure and the URL it was published at, if known.
func jsonExportRead(format string, decode func(json.RawMessage) (*Procedure, string, error)) func(context.Context, string, string, func(*Procedure) error, func(*ReadError)) error {
	return func(ctx context.Context, path, text string, emit func(*Procedure) error, fail func(*ReadError)) error {
		return eachJSONRecord(ctx, text, fail, func(raw json.RawMessage, rec, line int) error {
			p, url, err := decode(raw)
			if err != nil {
				fail(&ReadError{Line: line, Record: rec, Err: fmt.Errorf("invalid %s record: %w", format, err)})
				return nil
			}
			if err := validateRecord(p); err != nil {
				fail(&ReadError{Line: line, Record: rec, Err: err})
				return nil
			}
			p.Source = Source{File: path, Format: format, Record: rec, Line: line, URL: url}
			return emit(p)
		})
	}
}

func (r *wordExportRecord) procedure() *Procedure {
	m := func(k string) string { return string(r.Metadata[k]) }
	c := func(k string) string { return string(r.Content[k]) }
	p := &Procedure{
		Code:       firstStated(m("mã_thủ_tục"), string(r.ID)),
		Name:       stated(m("tên_thủ_tục")),
		Decision:   decisionNumber(m("số_quyết_định")),
		Ministry:   wordExportMinistry,
		Authority:  splitList(c("cơ_quan_có_thẩm_quyền")),
		Agencies:   splitList(c("cơ_quan_thực_hiện")),
		Sector:     stated(m("lĩnh_vực")),
		Levels:     splitList(m("cấp_thực_hiện")),
		Kind:       stated(m("loại_thủ_tục")),
		Subjects:   splitList(c("đối_tượng_thực_hiện")),
		Steps:      splitSteps(c("trình_tự_thực_hiện")),
		Conditions: splitLines(c("yêu_cầu_điều_kiện_thực_hiện")),
		Results:    splitLines(c("kết_quả_thực_hiện")),
	}
	for _, ch := range r.Tables.Channels {
		if stated(string(ch.Mode)) == "" && stated(string(ch.Time)) == "" && stated(string(ch.Fees)) == "" {
			continue
		}
		p.Channels = append(p.Channels, newChannel(string(ch.Mode), string(ch.Time), string(ch.Fees), string(ch.Description)))
	}
	var papers paperList
	for _, row := range r.Tables.Papers {
		form, qty := paperColumns(string(row.Quantity), string(row.Note))
		papers.add(string(row.Name), qty, form)
	}
	papers.flushCaseForms()
	p.Papers = papers.papers
	for _, l := range r.Tables.Legal {
		if ref, ok := newLegalRef(string(l.Number), string(l.Summary), string(l.Issuer), string(l.Issued), ""); ok {
			p.LegalBasis = append(p.LegalBasis, ref)
		}
	}
	return p
}

// paperColumns returns the form file and the quantity text of a dossier
// row from two cells whose roles the source may have swapped: the cell that
// reads as a quantity ("Bản chính: 1 ...") is the quantity.
func paperColumns(a, b string) (form, qty string) {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if looksLikeQuantity(a) && !looksLikeQuantity(b) {
		return b, a
	}
	if looksLikeQuantity(b) || a != "" {
		return a, b
	}
	return "", b
}

var quantityRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)bản\s*(chính|sao)`) })

func looksLikeQuantity(s string) bool { return quantityRE().MatchString(s) }

// paperList collects the papers of a dossier table. A row that asks for
// no original and no copy and reads as a heading ("Trường hợp 1: ...",
// "Hồ sơ đề nghị ...") is the case of the rows after it, not a paper; the
// form files listed on such a row go to the first paper of the case that
// names a form ("theo Mẫu số ...") and has none of its own, else to the
// first paper of the case.
type paperList struct {
	papers    []Paper
	cas       string
	caseForms []string
	caseStart int
}

var caseHeadingRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^(trường hợp|hồ sơ)\s`) })

// add appends one dossier row.
func (l *paperList) add(text, qty, form string) {
	text = trimListMarker(text)
	forms := splitLines(form)
	if text == "" {
		return
	}
	orig, cop := ParseQuantity(qty)
	if caseHeadingRE().MatchString(text) && isZero(orig) && isZero(cop) {
		l.flushCaseForms()
		l.cas, l.caseForms, l.caseStart = strings.TrimRight(text, " :,;"), forms, len(l.papers)
		return
	}
	p := NewPaper(text)
	p.Text = text
	p.Quantity = strings.TrimSpace(qty)
	p.Originals, p.Copies = orig, cop
	p.Forms = append(p.Forms, forms...)
	if p.Case == "" {
		p.Case = l.cas
	}
	l.papers = append(l.papers, p)
	if len(l.caseForms) > 0 && len(forms) == 0 && formMentionRE().MatchString(text) {
		l.papers[len(l.papers)-1].Forms = l.caseForms
		l.caseForms = nil
	}
}

var formMentionRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\bmẫu`) })

// flushCaseForms gives the forms of the last heading, if no paper of its
// case took them, to the first paper of the case. Call it at the end.
func (l *paperList) flushCaseForms() {
	if len(l.caseForms) > 0 {
		if l.caseStart < len(l.papers) {
			first := &l.papers[l.caseStart]
			first.Forms = append(first.Forms, l.caseForms...)
		} else {
			// A heading with no papers after it is kept as a paper.
			p := NewPaper(l.cas)
			p.Text, p.Forms = l.cas, l.caseForms
			l.papers = append(l.papers, p)
		}
	}
	l.caseForms = nil
}

func isZero(n *int) bool { return n != nil && *n == 0 }

// newChannel builds a Channel from its published cells. Placeholders ("Không
// quy định", "Khác", "Không có thông tin") leave the time unknown.
func newChannel(mode, time, fees, desc string) Channel {
	mode = stated(mode)
	ch := Channel{Mode: ParseChannelMode(mode), Text: mode, Description: stated(desc)}
	if t := stated(time); t != "" {
		ch.Time = ParseDuration(t)
	}
	if f := strings.TrimSpace(fees); f != "" {
		ch.Fees = ParseFees(f)
	}
	return ch
}

// newLegalRef builds a LegalRef from a legal-basis table row: the document
// number or symbol cell, its summary, issuer and dates. The number is the
// one the number cell gives, else the one in the summary that begins with
// the number cell (the Word export sometimes keeps only "12" of
// "12/2021/QĐ-TTg"). It reports false for an empty row.
func newLegalRef(number, summary, issuer, issued, effective string) (LegalRef, bool) {
	number, summary = strings.TrimSpace(number), strings.TrimSpace(summary)
	if number == "" && summary == "" {
		return LegalRef{}, false
	}
	ref := LegalRef{
		Text:      firstStated(number, summary),
		Issuer:    stated(issuer),
		Issued:    isoDate(issued),
		Effective: isoDate(effective),
	}
	if summary != ref.Text {
		ref.Title = summary
	}
	if found := ParseLegalRefs(number); len(found) > 0 && found[0].Number != "" {
		ref.Number, ref.Type = found[0].Number, found[0].Type
	} else if m := symbolRE().FindString(number); m != "" && m == strings.TrimSpace(number) {
		// The cell is a whole document symbol the parser does not know
		// ("02/2020/UBTVQH14"): a number cell holds the number.
		ref.Number = strings.Join(strings.Fields(m), "")
	}
	if ref.Number == "" || ref.Type == "" {
		for _, f := range ParseLegalRefs(summary) {
			if f.Number == "" {
				continue
			}
			if ref.Number == "" && (number == "" || !strings.Contains(number, "/") && strings.HasPrefix(f.Number, number+"/")) {
				ref.Number = f.Number
			}
			if f.Number == ref.Number {
				if ref.Type == "" {
					ref.Type = f.Type
				}
				break
			}
		}
	}
	return ref, true
}

// symbolRE matches a whole document symbol: number/year/issuer code.
var symbolRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\d+\s*/\s*\d{4}\s*/\s*[\p{Lu}Đ\d]+(?:-[\p{Lu}Đ\d]+)*$`)
})

// eachJSONRecord calls fn with each record of a JSON file holding one
// object or an array of objects, with its 1-based record number (zero for a
// lone object) and the line it starts on. Syntax errors are reported
// through fail; records before them are still read.
func eachJSONRecord(ctx context.Context, text string, fail func(*ReadError), fn func(raw json.RawMessage, rec, line int) error) error {
	trimmed := strings.TrimLeft(text, " \t\r\n\uFEFF")
	offset := len(text) - len(trimmed)
	if !strings.HasPrefix(trimmed, "[") {
		var raw json.RawMessage
		if err := json.Unmarshal([]byte(trimmed), &raw); err != nil {
			fail(&ReadError{Line: jsonErrorLine(text, shiftJSONError(err, offset)), Err: fmt.Errorf("invalid JSON: %w", err)})
			return nil
		}
		return fn(raw, 0, lineOfOffset(text, int64(offset)))
	}
	dec := json.NewDecoder(strings.NewReader(text))
	if _, err := dec.Token(); err != nil {
		fail(&ReadError{Line: jsonErrorLine(text, err), Err: fmt.Errorf("invalid JSON: %w", err)})
		return nil
	}
	for rec := 1; dec.More(); rec++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			fail(&ReadError{Line: jsonErrorLine(text, err), Record: rec, Err: fmt.Errorf("invalid JSON: %w", err)})
			return nil
		}
		line := lineOfOffset(text, start+int64(len(text[start:])-len(strings.TrimLeft(text[start:], " \t\r\n,"))))
		if err := fn(raw, rec, line); err != nil {
			return err
		}
	}
	return nil
}

// shiftJSONError moves the offset of a JSON error found in a trimmed text
// back to the full text.
func shiftJSONError(err error, by int) error {
	if se, ok := err.(*json.SyntaxError); ok {
		c := *se
		c.Offset += int64(by)
		return &c
	}
	return err
}

// placeholders are the cell values exports use for "nothing stated".
var placeholders = map[string]bool{
	"không có thông tin": true,
	"không":              true,
	"không quy định":     true,
	"khác":               true,
	"không có":           true,
	"null":               true,
	"n/a":                true,
	"-":                  true,
}

// stated returns s trimmed, or "" when it is a placeholder for nothing stated.
func stated(s string) string {
	s = strings.TrimSpace(s)
	if placeholders[strings.ToLower(strings.TrimRight(s, ". "))] {
		return ""
	}
	return s
}

// firstStated returns the first of values that states something.
func firstStated(values ...string) string {
	for _, v := range values {
		if s := stated(v); s != "" {
			return s
		}
	}
	return ""
}

// splitList splits a list cell ("Cấp tỉnh, Cấp xã", "A; B") at commas and
// semicolons outside parentheses, so "Tổ chức (không bao gồm doanh nghiệp,
// HTX)" stays one item. Placeholders give nil.
func splitList(s string) []string {
	s = stated(s)
	if s == "" {
		return nil
	}
	var out []string
	depth, start := 0, 0
	flush := func(end int) {
		if item := strings.TrimSpace(s[start:end]); item != "" {
			out = append(out, item)
		}
	}
	for i, r := range s {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case ',', ';', '\n':
			if depth == 0 {
				flush(i)
				start = i + 1
			}
		}
	}
	flush(len(s))
	return out
}

// splitLines splits a multi-line cell into its non-empty trimmed lines;
// placeholders give nil.
func splitLines(s string) []string {
	if stated(s) == "" {
		return nil
	}
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" && stated(line) != "" {
			out = append(out, line)
		}
	}
	return out
}

var stepMarkerRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)(^|\s)(bước\s+\d+\s*[:.\-–])`) })

// splitSteps splits the steps text at "Bước N:" markers when it has at
// least two of them, and at line breaks otherwise.
func splitSteps(s string) []string {
	if stated(s) == "" {
		return nil
	}
	locs := stepMarkerRE().FindAllStringSubmatchIndex(s, -1)
	if len(locs) < 2 {
		return splitLines(s)
	}
	var out []string
	if head := strings.TrimSpace(s[:locs[0][4]]); head != "" {
		out = append(out, head)
	}
	for i, loc := range locs {
		end := len(s)
		if i+1 < len(locs) {
			end = locs[i+1][4]
		}
		if step := strings.Join(strings.Fields(s[loc[4]:end]), " "); step != "" {
			out = append(out, step)
		}
	}
	return out
}

var listMarkerRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*(?:[-–•+*]|\d+(?:\.\d+)*[.)]|[a-zđ][.)])\s+`)
})

// trimListMarker removes a leading list marker ("1.", "a)", "-") and
// surrounding space from a table cell.
func trimListMarker(s string) string {
	s = strings.TrimSpace(s)
	return strings.TrimSpace(listMarkerRE().ReplaceAllString(s, ""))
}

var decisionRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\d+)\s*/\s*([\p{L}\d]+(?:\s*-\s*[\p{L}\d]+)*)`) })

// decisionNumber extracts the number of a publishing decision
// ("Quyết định số 6225/QĐ-BQP" → "6225/QĐ-BQP"). Text without a numbered
// symbol is kept trimmed, without a leading "Quyết định số".
func decisionNumber(s string) string {
	s = stated(s)
	if m := decisionRE().FindStringSubmatch(s); m != nil {
		return m[1] + "/" + strings.Join(strings.Fields(strings.ReplaceAll(m[2], " ", "")), "")
	}
	for _, prefix := range []string{"Quyết định số", "Quyết định"} {
		if strings.HasPrefix(s, prefix) {
			return strings.TrimSpace(s[len(prefix):])
		}
	}
	return s
}

var dateRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$|^(\d{4})-(\d{1,2})-(\d{1,2})$`)
})

// isoDate turns a published date ("24-03-2021", "22/08/2018", "2021-03-24")
// into YYYY-MM-DD. A date it cannot read gives "".
func isoDate(s string) string {
	m := dateRE().FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return ""
	}
	d, mo, y := m[1], m[2], m[3]
	if m[4] != "" {
		y, mo, d = m[4], m[5], m[6]
	}
	day, month := atoi(d), atoi(mo)
	if day < 1 || day > 31 || month < 1 || month > 12 {
		return ""
	}
	return fmt.Sprintf("%s-%02d-%02d", y, month, day)
}

// atoi returns the number s spells in decimal digits, or 0.
func atoi(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0
	}
	return n
}
