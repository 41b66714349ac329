package corpus

import (
	"context"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"
	"sync"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// This file reads procedure pages of the national procedure database in
// its two known HTML layouts (see docs/record-format.md):
//
//   - the older citizen page: title in h1.main-title, sections under
//     h2.main-title-sub, channels in table.table-result-tthc, the dossier in
//     div.list-expand > div.item (a div.title case and a table.table-result);
//   - the database page: a #popupChitietTTHC of .info-row elements, each a
//     label div and a value div, with channels and dossier (table.tphs) as
//     tables inside the values or directly in the popup.
//
// One page holds one procedure. Labels and column headers are matched on
// folded text (no diacritics, any case), so spelling variants still read.

func htmlReader() reader {
	return reader{
		name: "html",
		exts: []string{".html", ".htm", ".xhtml"},
		read: func(ctx context.Context, path, text string, emit func(*Procedure) error, fail func(*ReadError)) error {
			doc, err := goquery.NewDocumentFromReader(strings.NewReader(text))
			if err != nil {
				fail(&ReadError{Err: fmt.Errorf("parse html: %w", err)})
				return nil
			}
			p := readHTMLPage(doc)
			if err := validateRecord(p); err != nil {
				fail(&ReadError{Err: fmt.Errorf("no procedure found in the page (%w)", err)})
				return nil
			}
			p.Source.File, p.Source.Format = path, "html"
			return emit(p)
		},
	}
}

// readHTMLPage reads the procedure of one page in either layout.
func readHTMLPage(doc *goquery.Document) *Procedure {
	p := &Procedure{}
	var extra sectionExtras
	if popup := doc.Find("#popupChitietTTHC"); popup.Length() > 0 {
		popup.Find(".info-row").Each(func(_ int, row *goquery.Selection) {
			cols := row.ChildrenFiltered("div")
			if cols.Length() < 2 {
				return
			}
			readHTMLSection(p, &extra, blockText(cols.First()), cols.Eq(1))
		})
		readLooseTables(p, popup)
	}
	if p.Name == "" {
		p.Name = oneLine(blockText(doc.Find("h1.main-title").First()))
	}
	doc.Find("h2.main-title-sub").Each(func(_ int, h *goquery.Selection) {
		body := h.NextUntil("h2.main-title-sub")
		if body.Length() == 0 {
			body = h.Parent().NextUntil(":has(h2.main-title-sub)")
		}
		readHTMLSection(p, &extra, blockText(h), body)
	})
	pageURL := firstAttr(doc, `link[rel="canonical"]`, "href", `meta[property="og:url"]`, "content")
	if pageURL != "" {
		p.Source.URL = pageURL
		if p.Code == "" {
			if u, err := url.Parse(pageURL); err == nil {
				p.Code = strings.TrimSpace(u.Query().Get("ma_thu_tuc"))
			}
		}
	}
	extra.apply(p)
	return p
}

// readLooseTables reads the tables of a database page that sit in the
// popup outside any labelled .info-row (and outside another table): a
// table.tphs or one headed "Tên giấy tờ" is the dossier, one headed "Hình
// thức nộp" the channels, one headed "Số ký hiệu" or "Trích yếu" the legal
// basis. Other tables are left alone.
func readLooseTables(p *Procedure, popup *goquery.Selection) {
	popup.Find("table").Each(func(_ int, t *goquery.Selection) {
		if t.Closest(".info-row").Length() > 0 || t.ParentsFiltered("table").Length() > 0 {
			return
		}
		switch tableField(t) {
		case fieldPapers:
			p.Papers = append(p.Papers, htmlPapers(t, "")...)
		case fieldChannels:
			p.Channels = append(p.Channels, htmlChannels(t)...)
		case fieldLegal:
			p.LegalBasis = append(p.LegalBasis, htmlLegalRefs(t)...)
		}
	})
}

// tableField tells what a table holds from its class and column headers:
// fieldPapers, fieldChannels, fieldLegal or fieldNone.
func tableField(t *goquery.Selection) field {
	if t.HasClass("tphs") {
		return fieldPapers
	}
	var headers []string
	t.Find("th").Each(func(_ int, th *goquery.Selection) {
		if th.Closest("table").Get(0) == t.Get(0) {
			headers = append(headers, labelKey(blockText(th)))
		}
	})
	has := func(prefixes ...string) bool {
		for _, h := range headers {
			for _, pre := range prefixes {
				if h == pre || strings.HasPrefix(h, pre+" ") {
					return true
				}
			}
		}
		return false
	}
	switch {
	case has("ten giay to", "ten ho so", "ten thanh phan", "thanh phan ho so"):
		return fieldPapers
	case has("hinh thuc nop", "hinh thuc"):
		return fieldChannels
	case has("so ky hieu", "trich yeu", "so hieu", "ma van ban"):
		return fieldLegal
	}
	return fieldNone
}

func firstAttr(doc *goquery.Document, pairs ...string) string {
	for i := 0; i+1 < len(pairs); i += 2 {
		if v, ok := doc.Find(pairs[i]).First().Attr(pairs[i+1]); ok && strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// readHTMLSection reads one labelled section (an .info-row or the content
// under an h2) into p: tables by their headers, anything else as text.
func readHTMLSection(p *Procedure, extra *sectionExtras, label string, body *goquery.Selection) {
	key := labelKey(label)
	switch fieldOf(key) {
	case fieldChannels:
		if t := body.Find("table").AddBackFiltered("table").First(); t.Length() > 0 {
			p.Channels = append(p.Channels, htmlChannels(t)...)
			return
		}
	case fieldPapers:
		if items := body.Find("div.list-expand > div.item").AddBackFiltered("div.list-expand > div.item"); items.Length() > 0 {
			items.Each(func(_ int, it *goquery.Selection) {
				cas := oneLine(blockText(it.ChildrenFiltered("div.title")))
				p.Papers = append(p.Papers, htmlPapers(it.Find("table").First(), cas)...)
			})
			return
		}
		if t := body.Find("table").AddBackFiltered("table"); t.Length() > 0 {
			t.Each(func(_ int, t *goquery.Selection) { p.Papers = append(p.Papers, htmlPapers(t, "")...) })
			return
		}
	case fieldLegal:
		if t := body.Find("table").AddBackFiltered("table").First(); t.Length() > 0 {
			p.LegalBasis = append(p.LegalBasis, htmlLegalRefs(t)...)
			return
		}
	}
	var lines []string
	body.Each(func(_ int, s *goquery.Selection) { lines = append(lines, textLines(blockText(s))...) })
	if fieldOf(key) == fieldNone {
		// A section of "Label: value" lines (a general-information block).
		for _, l := range lines {
			if k, v, ok := strings.Cut(l, ":"); ok {
				applyField(p, extra, labelKey(k), textLines(v))
			}
		}
		return
	}
	applyField(p, extra, key, lines)
}

// htmlChannels reads a channels table: one row per channel with columns
// "Hình thức nộp", "Thời hạn giải quyết", "Phí, lệ phí", "Mô tả".
func htmlChannels(t *goquery.Selection) []Channel {
	var out []Channel
	eachTableRow(t, func(cells map[string]*goquery.Selection, _ bool) {
		mode := cellText(cells, "hinh thuc")
		tm := cellText(cells, "thoi han", "thoi gian")
		fee := cellText(cells, "phi", "le phi")
		if stated(mode) == "" && stated(tm) == "" && stated(fee) == "" {
			return
		}
		out = append(out, newChannel(mode, tm, fee, cellText(cells, "mo ta")))
	})
	return out
}

// htmlPapers reads a dossier table: a name column, a forms column (links),
// and either one quantity column ("Bản chính: 1 - Bản sao: 0") or one
// column each for originals and copies. A row with a single cell is a case
// heading for the rows after it.
func htmlPapers(t *goquery.Selection, cas string) []Paper {
	var papers paperList
	papers.cas = cas
	eachTableRow(t, func(cells map[string]*goquery.Selection, span bool) {
		name := cellText(cells, "ten giay to", "ten ho so", "thanh phan", "giay to", "ten")
		if span || name == "" && len(cells) == 1 {
			for _, c := range cells {
				if h := oneLine(blockText(c)); h != "" {
					papers.flushCaseForms()
					papers.cas, papers.caseStart = strings.TrimRight(h, " :,;"), len(papers.papers)
				}
			}
			return
		}
		qty := columnQuantity(cellText(cells, "so luong"),
			cellText(cells, "ban chinh", "so luong ban chinh"), cellText(cells, "ban sao", "so luong ban sao"))
		var forms []string
		if c := findCell(cells, "mau don", "to khai", "bieu mau", "mau"); c != nil {
			forms = formNames(c)
		}
		papers.add(name, qty, strings.Join(forms, "\n"))
	})
	papers.flushCaseForms()
	return papers.papers
}

// columnQuantity returns the quantity of a dossier row from its columns:
// one column each for originals and copies (also headed "Số lượng bản
// chính"), written as "Bản chính: N - Bản sao: M" in the words of the
// database's pages, or else the one quantity column.
func columnQuantity(qty, originals, copies string) string {
	var parts []string
	if originals != "" {
		parts = append(parts, "Bản chính: "+originals)
	}
	if copies != "" {
		parts = append(parts, "Bản sao: "+copies)
	}
	if len(parts) > 0 {
		return strings.Join(parts, " - ")
	}
	return qty
}

// formNames returns the form files of a cell: the text of each link (or the
// file name of its target when the text is empty), else the cell's lines.
func formNames(c *goquery.Selection) []string {
	var out []string
	c.Find("a").Each(func(_ int, a *goquery.Selection) {
		name := oneLine(blockText(a))
		if href, ok := a.Attr("href"); ok && name == "" {
			if u, err := url.Parse(href); err == nil {
				name = path.Base(u.Path)
			}
		}
		if name != "" && name != "." && name != "/" {
			out = append(out, name)
		}
	})
	if len(out) == 0 {
		for _, l := range textLines(blockText(c)) {
			if stated(l) != "" {
				out = append(out, l)
			}
		}
	}
	return out
}

// htmlLegalRefs reads a legal-basis table (number, summary, dates, issuer).
func htmlLegalRefs(t *goquery.Selection) []LegalRef {
	var out []LegalRef
	eachTableRow(t, func(cells map[string]*goquery.Selection, _ bool) {
		ref, ok := newLegalRef(
			cellText(cells, "so ky hieu", "so hieu", "ma van ban", "so van ban"),
			cellText(cells, "trich yeu", "ten van ban", "noi dung"),
			cellText(cells, "co quan ban hanh"),
			cellText(cells, "ngay ban hanh"),
			cellText(cells, "ngay hieu luc", "hieu luc"))
		if ok {
			out = append(out, ref)
		}
	})
	return out
}

// eachTableRow calls fn for each data row of table t with its cells keyed
// by their folded column header (a cell's data-title wins over the header
// row). span is true for a row of one cell across several columns: a
// heading inside the table.
func eachTableRow(t *goquery.Selection, fn func(cells map[string]*goquery.Selection, span bool)) {
	var headers []string
	t.Find("tr").Each(func(_ int, tr *goquery.Selection) {
		if tr.Closest("table").Get(0) != t.Get(0) {
			return // a row of a nested table
		}
		ths := tr.ChildrenFiltered("th")
		tds := tr.ChildrenFiltered("td")
		if ths.Length() > 0 && tds.Length() == 0 {
			headers = nil
			ths.Each(func(_ int, th *goquery.Selection) { headers = append(headers, labelKey(blockText(th))) })
			return
		}
		if tds.Length() == 0 {
			return
		}
		cells := map[string]*goquery.Selection{}
		tds.Each(func(i int, td *goquery.Selection) {
			key := ""
			if dt, ok := td.Attr("data-title"); ok {
				key = labelKey(dt)
			} else if i < len(headers) {
				key = headers[i]
			}
			if key == "" {
				key = fmt.Sprintf("#%d", i)
			}
			cells[key] = td
		})
		colspan, _ := tds.First().Attr("colspan")
		fn(cells, tds.Length() == 1 && (len(headers) > 1 || atoi(colspan) > 1))
	})
}

// findCell returns the cell whose header starts with one of the folded
// prefixes, trying prefixes in order.
func findCell(cells map[string]*goquery.Selection, prefixes ...string) *goquery.Selection {
	for _, pre := range prefixes {
		for k, c := range cells {
			if k == pre || strings.HasPrefix(k, pre+" ") {
				return c
			}
		}
	}
	return nil
}

// cellText returns the text of the cell found by [findCell], lines joined
// by line breaks, or "".
func cellText(cells map[string]*goquery.Selection, prefixes ...string) string {
	if c := findCell(cells, prefixes...); c != nil {
		return strings.Join(textLines(blockText(c)), "\n")
	}
	return ""
}

// blockElements are the elements after which text starts a new line.
var blockElements = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "br": true, "dd": true,
	"div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "header": true, "hr": true, "li": true, "main": true, "nav": true, "ol": true,
	"p": true, "pre": true, "section": true, "table": true, "tbody": true, "td": true, "tfoot": true,
	"th": true, "thead": true, "tr": true, "ul": true,
}

// blockText returns the text of s with a line break after each block
// element, <br>, list item and table cell, so blocks are never glued
// together. Scripts and styles are skipped.
func blockText(s *goquery.Selection) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template":
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockElements[n.Data] {
			b.WriteByte('\n')
		}
	}
	for _, n := range s.Nodes {
		walk(n)
	}
	return b.String()
}

// textLines splits text into lines with runs of white space collapsed,
// dropping empty lines.
func textLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = vntext.CollapseSpace(strings.ReplaceAll(l, "\u00a0", " ")); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// oneLine returns text as one line.
func oneLine(text string) string { return strings.Join(textLines(text), " ") }

// labelKey folds a label or column header to its key: words without
// diacritics, lower case, single spaces ("Phí, lệ phí:" → "phi le phi").
func labelKey(label string) string { return strings.Join(vntext.FoldedWords(label), " ") }

// field is a part of a procedure that a labelled section fills.
type field int

const (
	fieldNone field = iota
	fieldCode
	fieldName
	fieldDecision
	fieldMinistry
	fieldAuthority
	fieldAgencies
	fieldSector
	fieldLevels
	fieldKind
	fieldSubjects
	fieldSteps
	fieldChannels
	fieldPapers
	fieldLegal
	fieldConditions
	fieldResults
	fieldFees
	fieldTime
	fieldVolume
)

// fieldLabels maps folded label prefixes to fields, longer prefixes first
// where two share a start.
var fieldLabels = []struct {
	prefix string
	field  field
}{
	{"ma thu tuc", fieldCode},
	{"ma tthc", fieldCode},
	{"ten thu tuc", fieldName},
	{"ten tthc", fieldName},
	{"so quyet dinh", fieldDecision},
	{"quyet dinh cong bo", fieldDecision},
	{"co quan ban hanh", fieldMinistry},
	{"bo nganh", fieldMinistry},
	{"bo chu quan", fieldMinistry},
	{"co quan co tham quyen", fieldAuthority},
	{"co quan thuc hien", fieldAgencies},
	{"linh vuc", fieldSector},
	{"cap thuc hien", fieldLevels},
	{"loai thu tuc", fieldKind},
	{"loai tthc", fieldKind},
	{"doi tuong thuc hien", fieldSubjects},
	{"trinh tu thuc hien", fieldSteps},
	{"cach thuc thuc hien", fieldChannels},
	{"thanh phan ho so", fieldPapers},
	{"ho so", fieldPapers},
	{"can cu phap ly", fieldLegal},
	{"yeu cau dieu kien", fieldConditions},
	{"yeu cau", fieldConditions},
	{"dieu kien", fieldConditions},
	{"ket qua thuc hien", fieldResults},
	{"ket qua", fieldResults},
	{"phi le phi", fieldFees},
	{"le phi", fieldFees},
	{"phi", fieldFees},
	{"thoi han giai quyet", fieldTime},
	{"thoi gian giai quyet", fieldTime},
	{"so ho so moi nam", fieldVolume},
	{"so luong ho so", fieldVolume},
}

// fieldOf returns the field a folded label names.
func fieldOf(key string) field {
	if key == "bo" { // "Bộ:", but not "Bộ phận tiếp nhận"
		return fieldMinistry
	}
	for _, l := range fieldLabels {
		if key == l.prefix || strings.HasPrefix(key, l.prefix+" ") {
			return l.field
		}
	}
	return fieldNone
}

// sectionExtras holds what a page or document states for the whole
// procedure rather than per channel: a fee section and a processing-time
// section. They are applied to the channels once all sections are read.
type sectionExtras struct {
	fees     []Fee
	feeText  bool
	time     *Duration
	timeText bool
}

// apply gives the procedure-wide fees and time to every channel that
// states none; with no channel at all it adds one channel of mode "other"
// to carry them, so [Procedure.Fees] and [Procedure.ProcessingTime] see them.
func (x *sectionExtras) apply(p *Procedure) {
	if !x.feeText && !x.timeText {
		return
	}
	if len(p.Channels) == 0 {
		p.Channels = []Channel{{Mode: ModeOther}}
	}
	for i := range p.Channels {
		c := &p.Channels[i]
		if c.Time == nil && x.time != nil {
			t := *x.time
			c.Time = &t
		}
		if len(c.Fees) == 0 && len(x.fees) > 0 {
			c.Fees = append([]Fee(nil), x.fees...)
		}
	}
}

var volumeRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\d[\d.,\s]*`) })

// applyField fills the field a folded label names from the lines of its
// section. It reports whether the label was known.
func applyField(p *Procedure, extra *sectionExtras, key string, lines []string) bool {
	joined := strings.Join(lines, "\n")
	one := strings.Join(lines, " ")
	switch fieldOf(key) {
	case fieldCode:
		p.Code = stated(one)
	case fieldName:
		p.Name = stated(one)
	case fieldDecision:
		p.Decision = decisionNumber(one)
	case fieldMinistry:
		p.Ministry = stated(one)
	case fieldAuthority:
		p.Authority = append(p.Authority, splitList(joined)...)
	case fieldAgencies:
		p.Agencies = append(p.Agencies, splitList(joined)...)
	case fieldSector:
		p.Sector = stated(one)
	case fieldLevels:
		p.Levels = append(p.Levels, splitList(joined)...)
	case fieldKind:
		p.Kind = stated(one)
	case fieldSubjects:
		p.Subjects = append(p.Subjects, splitList(joined)...)
	case fieldSteps:
		p.Steps = append(p.Steps, splitSteps(joined)...)
	case fieldChannels:
		for _, l := range lines {
			if stated(l) != "" {
				p.Channels = append(p.Channels, Channel{Mode: ParseChannelMode(l), Text: l})
			}
		}
	case fieldPapers:
		var papers paperList
		for _, l := range lines {
			papers.add(l, "", "")
		}
		papers.flushCaseForms()
		p.Papers = append(p.Papers, papers.papers...)
	case fieldLegal:
		p.LegalBasis = append(p.LegalBasis, legalRefsOfLines(lines)...)
	case fieldConditions:
		p.Conditions = append(p.Conditions, splitLines(joined)...)
	case fieldResults:
		p.Results = append(p.Results, splitLines(joined)...)
	case fieldFees:
		// "Không" is a placeholder elsewhere but here says no fee is due.
		if fees := ParseFees(joined); len(fees) > 0 || stated(one) != "" {
			extra.feeText = true
			extra.fees = append(extra.fees, fees...)
		}
	case fieldTime:
		if t := stated(one); t != "" {
			extra.timeText = true
			extra.time = ParseDuration(t)
		}
	case fieldVolume:
		if m := volumeRE().FindString(one); m != "" {
			digits := strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, m)
			if len(digits) > 0 && len(digits) < 16 {
				n := int64(0)
				for _, r := range digits {
					n = n*10 + int64(r-'0')
				}
				p.AnnualVolume = &n
			}
		}
	default:
		return false
	}
	return true
}

// legalRefsOfLines reads a legal basis given as text, one citation a line:
// each line yields the documents numbered in it, or itself when it names
// none.
func legalRefsOfLines(lines []string) []LegalRef {
	var out []LegalRef
	for _, l := range lines {
		l = trimListMarker(l)
		if stated(l) == "" {
			continue
		}
		refs := ParseLegalRefs(l)
		if len(refs) == 0 {
			out = append(out, LegalRef{Text: l})
			continue
		}
		if len(refs) == 1 {
			refs[0].Text = l
		}
		out = append(out, refs...)
	}
	return out
}
