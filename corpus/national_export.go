package corpus

import (
	"encoding/json"
	"fmt"
	"strings"
)

// This file reads the national export shape: the JSON conversion of the
// national procedure database's Excel export (sheets TTHC, Cách thức, Trình
// tự, TPHS, KQTH, CCPL) that ministries and provinces receive, one object
// per procedure, or an array of them.

// nationalRecord is one procedure of the national export.
type nationalRecord struct {
	Code       string `json:"ma_tthc"`
	Name       string `json:"ten_tthc"`
	URL        string `json:"link_truy_cap"`
	Decision   string `json:"so_quyet_dinh"`
	Ministry   string `json:"co_quan_ban_hanh"`
	Sector     string `json:"linh_vuc"`
	Levels     string `json:"cap_thuc_hien"`
	Subjects   string `json:"doi_tuong_thuc_hien"`
	Kind       string `json:"loai_tthc"`
	Agencies   string `json:"co_quan_thuc_hien"`
	Authority  string `json:"co_quan_co_tham_quyen"`
	Conditions string `json:"yeu_cau_dieu_kien"`
	Channels   []struct {
		Mode        string `json:"hinh_thuc_nop"`
		Time        string `json:"thoi_gian"`
		Fees        string `json:"phi_le_phi"`
		Description string `json:"mo_ta"`
	} `json:"cach_thuc_thuc_hien"`
	Steps []struct {
		Case   string `json:"truong_hop_xu_ly"`
		Detail string `json:"mo_ta_chi_tiet"`
	} `json:"trinh_tu_thuc_hien"`
	Papers []struct {
		Code     string `json:"ma_tphs"`
		Name     string `json:"ten_giay_to"`
		Kind     string `json:"loai_giay_to"`
		Original *bool  `json:"ban_chinh"`
		Copy     *bool  `json:"ban_sao"`
		Form     string `json:"bm_dien_tu"`
	} `json:"tphs"`
	Results []struct {
		Name string `json:"ten_ket_qua"`
	} `json:"kqth"`
	Legal []struct {
		Number    string `json:"so_ky_hieu"`
		Summary   string `json:"trich_yeu"`
		Issuer    string `json:"co_quan_ban_hanh"`
		Issued    string `json:"ngay_ban_hanh"`
		Effective string `json:"ngay_hieu_luc"`
	} `json:"ccpl"`
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
		skip:  nationalExportSummary,
		read: jsonExportRead("national-export", func(raw json.RawMessage) (*Procedure, string, error) {
			var r nationalRecord
			if err := json.Unmarshal(raw, &r); err != nil {
				return nil, "", err
			}
			return r.procedure(), strings.TrimSpace(r.URL), nil
		}),
	}
}

func (r *nationalRecord) procedure() *Procedure {
	p := &Procedure{
		Code:       stated(r.Code),
		Name:       stated(r.Name),
		Decision:   decisionNumber(r.Decision),
		Ministry:   stated(r.Ministry),
		Authority:  splitList(r.Authority),
		Agencies:   splitList(r.Agencies),
		Sector:     stated(r.Sector),
		Levels:     splitList(r.Levels),
		Kind:       stated(r.Kind),
		Subjects:   splitList(r.Subjects),
		Conditions: splitLines(r.Conditions),
	}
	for _, s := range r.Steps {
		if c := stated(s.Case); c != "" {
			p.Steps = append(p.Steps, c)
		}
		p.Steps = append(p.Steps, splitLines(s.Detail)...)
	}
	for _, c := range r.Channels {
		if stated(c.Mode) == "" && stated(c.Time) == "" && stated(c.Fees) == "" {
			continue
		}
		ch := newChannel(c.Mode, c.Time, c.Fees, c.Description)
		if ch.Time == nil {
			ch.Time = durationFromDescription(ch.Description)
		}
		p.Channels = append(p.Channels, ch)
	}
	for _, t := range r.Papers {
		text := trimListMarker(t.Name)
		if text == "" {
			continue
		}
		paper := NewPaper(text)
		paper.Text = text
		// The export says only whether an original and a copy are asked
		// for; a "true" is read as one of each, a "false" as none.
		paper.Originals, paper.Copies = boolCount(t.Original), boolCount(t.Copy)
		paper.Quantity = boolQuantity(t.Original, t.Copy)
		if f := stated(t.Form); f != "" && !strings.EqualFold(f, "có") {
			paper.Forms = append(paper.Forms, f)
		}
		p.Papers = append(p.Papers, paper)
	}
	for _, k := range r.Results {
		if n := stated(k.Name); n != "" {
			p.Results = append(p.Results, n)
		}
	}
	for _, l := range r.Legal {
		if ref, ok := newLegalRef(l.Number, l.Summary, l.Issuer, l.Issued, l.Effective); ok {
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

func boolCount(b *bool) *int {
	if b == nil {
		return nil
	}
	n := 0
	if *b {
		n = 1
	}
	return &n
}

// boolQuantity writes the export's two flags as quantity text in the
// words of the national database's pages ("Bản chính: 1 - Bản sao: 0").
func boolQuantity(orig, cop *bool) string {
	var parts []string
	if n := boolCount(orig); n != nil {
		parts = append(parts, fmt.Sprintf("Bản chính: %d", *n))
	}
	if n := boolCount(cop); n != nil {
		parts = append(parts, fmt.Sprintf("Bản sao: %d", *n))
	}
	return strings.Join(parts, " - ")
}
