package decisions

import (
	"fmt"
	"slices"
	"strings"

	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
)

// Outcome says whether a procedure record follows a decision's row.
type Outcome string

// The outcomes of a row judged against a record.
const (
	// Applied: the record names the paper and no longer asks for it: it
	// says the agency looks the data up, that the paper need not be
	// submitted, or asks only for its number. Done already.
	Applied Outcome = "applied"
	// NotApplied: the record still asks for the paper; the ministry must
	// update its published procedure (the verdict cites the row and its
	// provision).
	NotApplied Outcome = "not-applied"
	// PaperNotFound: the dossier names nothing like the paper. The record
	// may have dropped it, or name it in words the matcher does not know;
	// the verdict says so and does not guess.
	PaperNotFound Outcome = "paper-not-found"
)

// Outcomes lists every outcome in the order reports show them.
var Outcomes = []Outcome{NotApplied, Applied, PaperNotFound}

// Verdict is the judgement of one row of a list on one procedure record.
type Verdict struct {
	// Row is the decision's row judged.
	Row *Row `json:"row"`
	// Outcome is applied, not-applied or paper-not-found.
	Outcome Outcome `json:"outcome"`
	// Paper is the index in the dossier of the paper the verdict points
	// at, -1 for paper-not-found; PaperText is its text.
	Paper     int    `json:"paper"`
	PaperText string `json:"paper_text,omitempty"`
	// Status is that paper's status from the flags matcher, when known.
	Status flags.Status `json:"status,omitempty"`
	// Matched is the row's key phrase found in the paper, in folded words.
	Matched string `json:"matched,omitempty"`
	// Reason explains the verdict in one sentence, citing the row.
	Reason string `json:"reason"`
}

// Judge judges every row of the list for the procedure p, given the flags
// matcher's results on it (results.Papers in the order of p.Papers; a
// zero results judges the texts alone). Rows are found by p.Code, else by
// results.ID; the verdicts are in the list's order, nil when the list
// names no row for the procedure.
//
// For each row the dossier papers naming the row's paper are found (see
// the matcher in match.go). A paper the flags matcher calls a form or a
// document the applicant draws up does not count ("Tờ khai đăng ký khai
// sinh" is not the birth certificate). When some paper asks for it, the
// row is not applied, pointing at the first such paper; when the only
// papers naming it say the agency looks it up, that it need not be
// submitted, or ask for its number only, it is applied; when none names
// it, the paper is not found.
func (l *List) Judge(p *corpus.Procedure, results flags.ProcedureResult) []Verdict {
	code := results.ID
	var papers []corpus.Paper
	if p != nil {
		papers = p.Papers
		if p.Code != "" {
			code = p.Code
		}
	}
	rows := l.ByCode(code)
	if len(rows) == 0 {
		return nil
	}
	if len(papers) == 0 {
		for _, r := range results.Papers {
			papers = append(papers, corpus.Paper{Text: r.Text, Case: r.Case})
		}
	}
	texts := make([]paperText, len(papers))
	for i, pa := range papers {
		texts[i] = paperText{text: pa.Text, toks: tokens(pa.Text)}
		if i < len(results.Papers) && results.Papers[i].Text == pa.Text {
			texts[i].status = results.Papers[i].Status
		}
	}
	out := make([]Verdict, 0, len(rows))
	for _, r := range rows {
		out = append(out, judgeRow(r, texts))
	}
	return out
}

// paperText is one dossier paper as the judge reads it.
type paperText struct {
	text   string
	toks   []token
	status flags.Status // "" when unknown
}

// judgeRow judges one row on the papers of a dossier.
func judgeRow(r *Row, papers []paperText) Verdict {
	// found is a paper naming the row's paper, and why it no longer
	// asks for it ("" when it does).
	type found struct {
		i   int
		h   hit
		why string
	}
	var asked, done []found
	for i, pa := range papers {
		st := pa.status
		if st == "" && isForm(pa.toks) {
			st = flags.StatusForm
		}
		if st == flags.StatusForm || st == flags.StatusOwnDocument {
			// A form or the applicant's own document naming the paper
			// ("Tờ khai đăng ký khai sinh") is not the paper.
			continue
		}
		// The paper asks for the row's paper when one place naming it
		// does ("Số thẻ căn cước ...; bản sao thẻ căn cước" asks for it).
		// A name right after a number or an exception is one too ("số
		// thẻ Căn cước/thẻ Căn cước công dân", "trừ căn cước công dân,
		// thẻ căn cước").
		var hits []hit
		findAll(r.names, pa.toks, func(h hit) bool {
			hits = append(hits, h)
			return true
		})
		slices.SortStableFunc(hits, func(a, b hit) int { return a.at - b.at })
		var first, ask *found
		for j := range hits {
			h := &hits[j]
			if j > 0 && sameList(pa.toks, hits[j-1].end, h.at) {
				h.number = h.number || hits[j-1].number
				h.except = h.except || hits[j-1].except
			}
			f := found{i: i, h: *h, why: notAsked(*h, st, pa.toks)}
			if first == nil {
				first = &f
			}
			if f.why == "" {
				ask = &f
				break
			}
		}
		switch {
		case ask != nil:
			asked = append(asked, *ask)
		case first != nil:
			done = append(done, *first)
		}
	}
	v := Verdict{Row: r, Paper: -1}
	switch {
	case len(asked) > 0:
		f := asked[0]
		v.Outcome, v.Paper, v.Matched = NotApplied, f.i, f.h.key
		v.Reason = fmt.Sprintf("the record still asks for %q (paper %d: %q), which %s replaces by %s: the ministry must update its published procedure",
			r.Paper, f.i+1, clip(papers[f.i].text, 120), r.Cite(), database(r))
	case len(done) > 0:
		f := done[0]
		v.Outcome, v.Paper, v.Matched = Applied, f.i, f.h.key
		v.Reason = fmt.Sprintf("the record names %q and %s (paper %d), as %s decides", r.Paper, f.why, f.i+1, r.Cite())
	default:
		v.Outcome = PaperNotFound
		v.Reason = fmt.Sprintf("the dossier names nothing like %q (%s): the record may have dropped it or name it in other words; check by hand", r.Paper, r.Cite())
		return v
	}
	v.PaperText = papers[v.Paper].text
	v.Status = papers[v.Paper].status
	return v
}

// sameList reports whether the words between the end of one place naming
// a paper and the start of the next leave them in one list: at most four
// words (the rest of a name, "hoặc"), none of copy or submission ("bản
// sao", "kèm", "nộp") that would start another paper.
func sameList(toks []token, end, at int) bool {
	if at-end > 4 {
		return false
	}
	for i := max(end, 0); i < at && i < len(toks); i++ {
		switch toks[i].fold {
		case "ban", "kem", "nop", "xuat":
			return false
		}
	}
	return true
}

// notAsked says why the place h of a paper of status st names the row's
// paper without asking for it, or returns "" when it asks for it.
func notAsked(h hit, st flags.Status, toks []token) string {
	switch {
	case h.except:
		return "names it as an exception to what it asks for"
	case h.number:
		return "asks only for its number"
	case st == flags.StatusLookedUp:
		return "says the agency looks the data up or that it need not be submitted"
	case lookupNear(toks, h.at, h.end):
		return "says the agency looks the data up, or asks for the paper only when the look-up fails or not at all"
	}
	return ""
}

// Asked is a row a draft still asks for.
type Asked struct {
	// Row is the decision's row.
	Row *Row `json:"row"`
	// Paper is the index of the draft's paper text that asks for it, and
	// Text that text.
	Paper int    `json:"paper"`
	Text  string `json:"text"`
	// Matched is the row's key phrase found, in folded words.
	Matched string `json:"matched"`
}

// StillAsked returns the rows of the procedure with code that a draft's
// paper texts still ask for, in the list's order: for each row, the first
// text naming its paper that is not a form, does not say the agency looks
// it up or that it need not be submitted, and does not ask for its number
// only. A draft checker reports each as a paper the Government has already
// replaced in the procedure the draft amends.
func (l *List) StillAsked(code string, papers []string) []Asked {
	rows := l.ByCode(code)
	if len(rows) == 0 {
		return nil
	}
	texts := make([]paperText, len(papers))
	for i, t := range papers {
		texts[i] = paperText{text: t, toks: tokens(t)}
	}
	var out []Asked
	for _, r := range rows {
		v := judgeRow(r, texts)
		if v.Outcome == NotApplied {
			out = append(out, Asked{Row: r, Paper: v.Paper, Text: v.PaperText, Matched: v.Matched})
		}
	}
	return out
}

// isForm reports whether a paper text starts as a form's name ("Tờ
// khai", "Đơn đề nghị"), copy words skipped.
func isForm(toks []token) bool {
	return startsWithAny(skipCopyTok(toks), forms, false)
}

// lookupNear reports whether the words around toks[at:end] say the agency
// looks the data up, or that the paper need not be submitted or is asked
// for only when the look-up fails ("trong trường hợp chưa được tích hợp,
// kết nối và chia sẻ dữ liệu").
func lookupNear(toks []token, at, end int) bool {
	for i := max(at-lookupBefore, 0); i < min(end+lookupAfter, len(toks)); i++ {
		if toks[i].low == "khai" && i+1 < len(toks) && toks[i+1].low == "thác" && exploitsData(toks[i+2:]) {
			return true // "khai thác thông tin", not "khai thác khoáng sản"
		}
		for _, p := range lookups {
			if startsWith(toks[i:], p, false) {
				return true
			}
		}
	}
	return false
}

// exploitsData reports whether the words after "khai thác" (to exploit)
// make it looking data up: "khai thác được", a paper ("khai thác Giấy
// chứng nhận ..."), or data named within the next ten words ("khai thác,
// sử dụng thông tin", "khai thác trong Cơ sở dữ liệu"); not "khai thác
// khoáng sản" or "khai thác sử dụng công trình".
func exploitsData(after []token) bool {
	if len(after) > 0 && (after[0].low == "được" || after[0].fold == "giay") {
		return true
	}
	for i := 0; i < len(after) && i < 10; i++ {
		switch after[i].fold {
		case "csdl", "thong", "du", "he":
			if after[i].fold == "csdl" || i+1 < len(after) && (after[i].fold == "thong" && after[i+1].fold == "tin" ||
				after[i].fold == "du" && after[i+1].fold == "lieu" || after[i].fold == "he" && after[i+1].fold == "thong") {
				return true
			}
		}
	}
	return false
}

// The window of words around a paper's name where lookupNear looks.
const (
	lookupBefore = 25
	lookupAfter  = 40
)

// lookups are phrases saying the agency looks the data up, or that the
// paper need not be submitted; forms start a form's name. Read only.
var (
	lookups = [][]string{
		{"tra", "cuu"}, {"khong", "phai", "nop"}, {"khong", "phai", "xuat", "trinh"},
		{"khong", "yeu", "cau", "nop"}, {"khong", "phai", "cung", "cap"}, {"chi", "can", "cung", "cap"},
		{"khong", "bat", "buoc"}, {"chua", "duoc", "tich", "hop"}, {"ket", "noi", "va", "chia", "se"},
		{"ket", "noi", "chia", "se"}, {"ket", "noi", "su", "dung"}, {"su", "dung", "duoc", "du", "lieu"},
	}
	forms = [][]string{{"to", "khai"}, {"don"}, {"mau"}, {"phieu", "de", "nghi"}, {"phieu", "dang", "ky"}, {"van", "ban", "de", "nghi"}}
)

// database names the row's database and owner for a reason.
func database(r *Row) string {
	switch {
	case r.Database != "" && r.Owner != "":
		return fmt.Sprintf("%s (%s)", r.Database, r.Owner)
	case r.Database != "":
		return r.Database
	}
	return "data the state holds"
}

// clip shortens s to n runes.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// Counts counts verdicts by outcome, for a summary by ministry or sector.
type Counts struct {
	Applied       int `json:"applied"`
	NotApplied    int `json:"not_applied"`
	PaperNotFound int `json:"paper_not_found"`
}

// Add counts v.
func (c *Counts) Add(v Verdict) {
	switch v.Outcome {
	case Applied:
		c.Applied++
	case NotApplied:
		c.NotApplied++
	case PaperNotFound:
		c.PaperNotFound++
	}
}

// Total returns the number of verdicts counted.
func (c Counts) Total() int { return c.Applied + c.NotApplied + c.PaperNotFound }
