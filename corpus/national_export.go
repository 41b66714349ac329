package corpus

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// This file reads the national export shape: the JSON conversion of the
// national procedure database's Excel export (sheets TTHC, Cách thức, Trình
// tự, TPHS, KQTH, CCPL) that ministries and provinces receive, one object
// per procedure, or an array of them.

// nationalRecord is one procedure of the national export. Conversions of
// the export differ in small ways (a flag as "x" instead of true, a sheet
// as one text cell instead of rows), so the fields accept those variants.
type nationalRecord struct {
	Code       flexText `json:"ma_tthc"`
	Name       flexText `json:"ten_tthc"`
	URL        flexText `json:"link_truy_cap"`
	Decision   flexText `json:"so_quyet_dinh"`
	Ministry   flexText `json:"co_quan_ban_hanh"`
	Sector     flexText `json:"linh_vuc"`
	Levels     flexText `json:"cap_thuc_hien"`
	Subjects   flexText `json:"doi_tuong_thuc_hien"`
	Kind       flexText `json:"loai_tthc"`
	Agencies   flexText `json:"co_quan_thuc_hien"`
	Authority  flexText `json:"co_quan_co_tham_quyen"`
	Conditions flexText `json:"yeu_cau_dieu_kien"`
	Channels   flexList[struct {
		Mode        flexText `json:"hinh_thuc_nop"`
		Time        flexText `json:"thoi_gian"`
		Fees        flexText `json:"phi_le_phi"`
		Description flexText `json:"mo_ta"`
	}] `json:"cach_thuc_thuc_hien"`
	Steps flexList[struct {
		Case   flexText `json:"truong_hop_xu_ly"`
		Detail flexText `json:"mo_ta_chi_tiet"`
	}] `json:"trinh_tu_thuc_hien"`
	Papers flexList[struct {
		Code     flexText  `json:"ma_tphs"`
		Name     flexText  `json:"ten_giay_to"`
		Kind     flexText  `json:"loai_giay_to"`
		Original flexCount `json:"ban_chinh"`
		Copy     flexCount `json:"ban_sao"`
		Form     flexText  `json:"bm_dien_tu"`
	}] `json:"tphs"`
	Results flexList[struct {
		Name flexText `json:"ten_ket_qua"`
	}] `json:"kqth"`
	Legal flexList[struct {
		Number    flexText `json:"so_ky_hieu"`
		Summary   flexText `json:"trich_yeu"`
		Issuer    flexText `json:"co_quan_ban_hanh"`
		Issued    flexText `json:"ngay_ban_hanh"`
		Effective flexText `json:"ngay_hieu_luc"`
	}] `json:"ccpl"`
}

// flexText is a text cell that may come as a JSON string, number or
// boolean, as an array of strings (one per line) or as null (empty).
type flexText string

// UnmarshalJSON accepts any scalar or an array of scalars.
func (t *flexText) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	s, err := scalarText(v)
	if err != nil {
		return err
	}
	*t = flexText(s)
	return nil
}

func scalarText(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case float64:
		return strconvFloat(v), nil
	case bool:
		if v {
			return "true", nil
		}
		return "false", nil
	case []any:
		var lines []string
		for _, x := range v {
			s, err := scalarText(x)
			if err != nil {
				return "", err
			}
			lines = append(lines, s)
		}
		return strings.Join(lines, "\n"), nil
	}
	return "", fmt.Errorf("want text, got a JSON object")
}

// flexCount is a count of originals or copies given as a flag (true,
// "x", "có") or a number. A flag reads as one; unset stays unknown.
type flexCount struct{ n *int }

// UnmarshalJSON accepts a boolean, a number or a string.
func (c *flexCount) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	set := func(n int) { c.n = &n }
	switch v := v.(type) {
	case nil:
	case bool:
		if v {
			set(1)
		} else {
			set(0)
		}
	case float64:
		if v < 0 || v > 1000 || v != float64(int(v)) {
			return fmt.Errorf("count %v out of range", v)
		}
		set(int(v))
	case string:
		switch t := strings.ToLower(strings.TrimSpace(v)); t {
		case "":
		case "x", "có", "co", "true", "yes":
			set(1)
		case "không", "khong", "false", "no", "-":
			set(0)
		default:
			n, err := strconv.Atoi(t)
			if err != nil || n < 0 || n > 1000 {
				return fmt.Errorf("count %q not understood", v)
			}
			set(n)
		}
	default:
		return fmt.Errorf("want a count, got %s", b)
	}
	return nil
}

// flexList is a sheet of rows: a JSON array of objects, one object, or a
// text cell in place of the rows (kept in Text).
type flexList[T any] struct {
	Rows []T
	Text string
}

// UnmarshalJSON accepts an array, an object or a scalar.
func (l *flexList[T]) UnmarshalJSON(b []byte) error {
	t := strings.TrimSpace(string(b))
	switch {
	case strings.HasPrefix(t, "["):
		return json.Unmarshal(b, &l.Rows)
	case strings.HasPrefix(t, "{"):
		var one T
		if err := json.Unmarshal(b, &one); err != nil {
			return err
		}
		l.Rows = []T{one}
		return nil
	}
	var s flexText
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	l.Text = string(s)
	return nil
}

// sniffNationalExport reports whether text holds national-export records,
// or is the summary file that comes with such an export (see
// [nationalExportSummary]).
func sniffNationalExport(path, text string) bool {
	keys := topLevelKeys(text)
	if keys["ma_tthc"] && (keys["ten_tthc"] || keys["tphs"] || keys["ccpl"]) {
		return true
	}
	return nationalExportSummary(path, text) != ""
}

// nationalExportSummary recognises the summary file (meta.json) that comes
// with a national export: an object counting the procedures and sectors
// exported ("tong_so_tthc", "tong_so_linh_vuc", "ngay_xuat"), with no
// procedure in it. It returns the reason the file is skipped, or "" when
// text is not such a summary.
func nationalExportSummary(_, text string) string {
	keys := topLevelKeys(text)
	if !keys["tong_so_tthc"] || keys["ma_tthc"] {
		return ""
	}
	var meta struct {
		Count json.Number `json:"tong_so_tthc"`
		Date  string      `json:"ngay_xuat"`
	}
	if err := json.Unmarshal([]byte(text), &meta); err != nil {
		return ""
	}
	reason := "summary of a national export"
	if meta.Count != "" {
		reason += fmt.Sprintf(" (%s procedures", meta.Count)
		if d := isoDate(meta.Date); d != "" {
			reason += ", exported " + d
		}
		reason += ")"
	}
	return reason + ", not a procedure record"
}

func nationalExportReader() reader {
	return reader{
		name:  "national-export",
		exts:  []string{".json"},
		sniff: sniffNationalExport,
		skip:  func(path, text string, _ bool) string { return nationalExportSummary(path, text) },
		read: jsonExportRead("national-export", func(raw json.RawMessage) (*Procedure, string, error) {
			var r nationalRecord
			if err := json.Unmarshal(raw, &r); err != nil {
				return nil, "", err
			}
			return r.procedure(), strings.TrimSpace(string(r.URL)), nil
		}),
	}
}

func (r *nationalRecord) procedure() *Procedure {
	p := &Procedure{
		Code:       stated(string(r.Code)),
		Name:       stated(string(r.Name)),
		Decision:   decisionNumber(string(r.Decision)),
		Ministry:   stated(string(r.Ministry)),
		Authority:  splitList(string(r.Authority)),
		Agencies:   splitList(string(r.Agencies)),
		Sector:     stated(string(r.Sector)),
		Levels:     splitList(string(r.Levels)),
		Kind:       stated(string(r.Kind)),
		Subjects:   splitList(string(r.Subjects)),
		Conditions: splitLines(string(r.Conditions)),
		Steps:      splitSteps(r.Steps.Text),
		Results:    splitLines(r.Results.Text),
	}
	for _, s := range r.Steps.Rows {
		if c := stated(string(s.Case)); c != "" {
			p.Steps = append(p.Steps, c)
		}
		p.Steps = append(p.Steps, splitLines(string(s.Detail))...)
	}
	for _, l := range splitLines(r.Channels.Text) {
		p.Channels = append(p.Channels, Channel{Mode: ParseChannelMode(l), Text: l})
	}
	for _, c := range r.Channels.Rows {
		if stated(string(c.Mode)) == "" && stated(string(c.Time)) == "" && stated(string(c.Fees)) == "" {
			continue
		}
		ch := newChannel(string(c.Mode), string(c.Time), string(c.Fees), string(c.Description))
		if ch.Time == nil {
			ch.Time = durationFromDescription(ch.Description)
		}
		p.Channels = append(p.Channels, ch)
	}
	var papers paperList
	for _, l := range splitLines(r.Papers.Text) {
		papers.add(l, "", "")
	}
	p.Papers = papers.papers
	for _, t := range r.Papers.Rows {
		text := trimListMarker(string(t.Name))
		if text == "" {
			continue
		}
		paper := NewPaper(text)
		paper.Text = text
		// The export says whether an original and a copy are asked for;
		// a flag reads as one of each, a number as itself.
		paper.Originals, paper.Copies = t.Original.n, t.Copy.n
		paper.Quantity = countQuantity(t.Original.n, t.Copy.n)
		if f := stated(string(t.Form)); f != "" && !strings.EqualFold(f, "có") && f != "true" && f != "false" {
			paper.Forms = append(paper.Forms, f)
		}
		p.Papers = append(p.Papers, paper)
	}
	for _, k := range r.Results.Rows {
		if n := stated(string(k.Name)); n != "" {
			p.Results = append(p.Results, n)
		}
	}
	p.LegalBasis = legalRefsOfLines(splitLines(r.Legal.Text))
	for _, l := range r.Legal.Rows {
		if ref, ok := newLegalRef(string(l.Number), string(l.Summary), string(l.Issuer), string(l.Issued), string(l.Effective)); ok {
			p.LegalBasis = append(p.LegalBasis, ref)
		}
	}
	return p
}

// durationFromDescription reads a processing time from the first clause of
// a channel description ("02 tháng và 15 ngày làm việc, trong đó: ..."),
// which the export uses when the time column says "Khác". It returns nil
// unless the clause parses.
func durationFromDescription(desc string) *Duration {
	clause, _, _ := strings.Cut(desc, "\n")
	if i := strings.IndexAny(clause, ",:;("); i >= 0 {
		clause = clause[:i]
	}
	clause = strings.TrimSpace(clause)
	if clause == "" || len([]rune(clause)) > 60 {
		return nil
	}
	if d := ParseDuration(clause); d != nil && d.Unit != "" {
		return d
	}
	return nil
}

// countQuantity writes the export's counts as quantity text in the words
// of the national database's pages ("Bản chính: 1 - Bản sao: 0").
func countQuantity(orig, cop *int) string {
	var parts []string
	if orig != nil {
		parts = append(parts, fmt.Sprintf("Bản chính: %d", *orig))
	}
	if cop != nil {
		parts = append(parts, fmt.Sprintf("Bản sao: %d", *cop))
	}
	return strings.Join(parts, " - ")
}

// strconvFloat writes a JSON number as text, without a fraction when it
// is whole.
func strconvFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
