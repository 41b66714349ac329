package flags

// The results (PaperResult, ProcedureResult, Mention) and their assembly
// from the requirements found (alternatives.go) and the rules' verdicts
// (rules.go).

import (
	"fmt"
	"slices"
	"strings"

	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/corpus"
)

// Alternative is one paper a person may choose to satisfy a requirement.
type Alternative struct {
	// Text is the alternative as written.
	Text string `json:"text"`
	// Entry is the catalog entry that covers it; empty when none does.
	Entry string `json:"entry,omitempty"`
	// Matched is the catalog name that matched, in folded words.
	Matched string `json:"matched,omitempty"`
	// Covered is true when the catalog entry covers this alternative.
	Covered bool `json:"covered"`
	// Coverage is the entry's coverage, when covered.
	Coverage catalog.Coverage `json:"coverage,omitempty"`
	// Note says why the coverage is weaker than the entry's, when the name
	// matched is a broader one ("giấy tờ chứng minh nhân thân").
	Note string `json:"note,omitempty"`
	// Why says why the alternative is not covered.
	Why string `json:"why,omitempty"`
}

// Component is one paper a requirement row asks for besides the others it
// lists ("Bản sao Giấy khai sinh và Căn cước công dân" asks for two), when
// it names a catalog paper: every component is required, and each is
// covered or not on its own.
type Component struct {
	// Text is the component as written, from its first to its last alternative.
	Text string `json:"text"`
	// Covered is true when the catalog covers every alternative of the component.
	Covered bool `json:"covered"`
	// Entry, Database, Owner (and their Vietnamese names), Basis and
	// Coverage describe the catalog entry of the component's first
	// alternative, when covered; Coverage is the weakest among its
	// alternatives.
	Entry      string           `json:"entry,omitempty"`
	Database   string           `json:"database,omitempty"`
	DatabaseVi string           `json:"database_vi,omitempty"`
	Owner      string           `json:"owner,omitempty"`
	OwnerVi    string           `json:"owner_vi,omitempty"`
	Basis      []catalog.Basis  `json:"basis,omitempty"`
	Coverage   catalog.Coverage `json:"coverage,omitempty"`
	// Note says why the coverage is weaker than the entry's, when a
	// broader name matched ("giấy tờ chứng minh nhân thân").
	Note string `json:"note,omitempty"`
	// Alternatives are the choices of the component, when there are several.
	Alternatives []Alternative `json:"alternatives,omitempty"`
	// Why says why the component is not covered.
	Why string `json:"why,omitempty"`
	// matched is the catalog name its first alternative matched.
	matched string
}

// Reason codes say in one word why a paper is or is not flagged
// ([PaperResult.ReasonCode]).
const (
	// ReasonFlagged: some component the paper asks for is covered.
	ReasonFlagged = "flagged"
	// ReasonForm: a form or declaration the applicant fills in.
	ReasonForm = "form"
	// ReasonOwnDocument: a document the applicant draws up or holds
	// (contract, photo, plan, drawing, report), not a record of the state.
	ReasonOwnDocument = "own-document"
	// ReasonNotInCatalog: the paper names no paper of the catalog.
	ReasonNotInCatalog = "not-in-catalog"
	// ReasonMentionOnly: the paper names a catalog paper without asking
	// for it (need not be submitted, the agency looks it up, part of a
	// condition or of a form's content).
	ReasonMentionOnly = "mention-only"
	// ReasonPartlyCovered: a catalog paper is asked for, and the catalog
	// covers some of the choices a person could make instead but not all
	// ("Hộ chiếu/Thẻ căn cước công dân ... hoặc các giấy tờ khác có dán
	// ảnh").
	ReasonPartlyCovered = "partly-covered"
	// ReasonNotCovered: a catalog paper is asked for, but some choice a
	// person could make instead, or the paper itself here, is not covered
	// (issued abroad, issued by the procedure, "or an equivalent paper").
	ReasonNotCovered = "not-covered"
)

// PaperResult is the verdict on one required paper.
type PaperResult struct {
	// Text is the paper as published.
	Text string `json:"text"`
	// Case is the case heading the paper belongs to, if any.
	Case string `json:"case,omitempty"`
	// Status is the paper's state: replaceable, partly replaceable, looked
	// up already, required, and the rest (see [Status]).
	Status Status `json:"status"`
	// Flagged is true exactly when Status is StatusReplaceable: every
	// paper the row asks for names data the state already holds, every
	// alternative of it is covered by the catalog, and the paper is not a
	// form, not optional wording about a look-up, not issued abroad and not
	// produced by the procedure. Kept for readers of the JSON contract
	// before statuses.
	Flagged bool `json:"flagged"`
	// Entry is the catalog entry of the flagged requirement's first alternative.
	Entry string `json:"entry,omitempty"`
	// Database is the database that holds the entry's data, and Owner its
	// owner, in English as the catalog names them.
	Database string `json:"database,omitempty"`
	Owner    string `json:"owner,omitempty"`
	// DatabaseVi and OwnerVi are their Vietnamese names; empty when the
	// catalog gives none (a user entry without database_vi / owner_vi).
	DatabaseVi string `json:"database_vi,omitempty"`
	OwnerVi    string `json:"owner_vi,omitempty"`
	// Basis lists the legal bases in force that let the agency look the data up.
	Basis []catalog.Basis `json:"basis,omitempty"`
	// Coverage is the weakest coverage among the requirement's alternatives.
	Coverage catalog.Coverage `json:"coverage,omitempty"`
	// Matched lists the catalog names found in the paper, in folded words.
	Matched []string `json:"matched,omitempty"`
	// Alternatives are the alternatives of the requirement reported on (the
	// flagged one, else the first one found), each with its coverage.
	Alternatives []Alternative `json:"alternatives,omitempty"`
	// Note says why the coverage is weaker than the entry's, when a
	// broader name matched ("giấy tờ chứng minh nhân thân").
	Note string `json:"note,omitempty"`
	// Components are the papers the row asks for that name a catalog
	// paper, each covered or not; a row listing papers with a comma or
	// "và" asks for each of them. The paper is flagged when one is covered.
	Components []Component `json:"components,omitempty"`
	// Optional is true when the paper is asked for only if it exists ("nếu có").
	Optional bool `json:"optional,omitempty"`
	// Conditional is true when the paper is asked for only in some case.
	Conditional bool `json:"conditional,omitempty"`
	// Form is true when the paper is a form or declaration the applicant fills in.
	Form bool `json:"form,omitempty"`
	// NotRequired is true when the paper mentions a catalog paper without
	// asking for it ("không phải nộp", "cơ quan ... khai thác thông tin").
	NotRequired bool `json:"not_required,omitempty"`
	// Reason explains the verdict in one sentence.
	Reason string `json:"reason"`
	// ReasonCode says the same in one word: one of the Reason* constants.
	ReasonCode string `json:"reason_code"`
	// Covered names the parts of the paper the state holds the data of:
	// the covered alternatives of every component, as written. Set on
	// replaceable and partly replaceable papers.
	Covered []string `json:"covered,omitempty"`
	// Left names what is left when the paper is partly replaceable: each
	// alternative or component not covered, with why ("giấy tờ khác có
	// dán ảnh (not in the catalog)"), or the holders a broader name leaves
	// out.
	Left []string `json:"left,omitempty"`
	// lookedUp is true when the paper says the agency looks the data up or
	// that it need not be submitted.
	lookedUp bool
}

// Paper judges one required paper.
func (m *Matcher) Paper(p corpus.Paper) PaperResult {
	sc := m.getScratch()
	defer m.putScratch(sc)
	return m.paper(p, procContext{}, sc)
}

// paper judges p in the context of its procedure and gives it its status.
func (m *Matcher) paper(p corpus.Paper, ctx procContext, sc *scratch) PaperResult {
	res := m.verdict(p, ctx, sc)
	res.Status = statusOf(&res, res.lookedUp)
	res.Flagged = res.Status == StatusReplaceable
	return res
}

// verdict judges p in the context of its procedure.
func (m *Matcher) verdict(p corpus.Paper, ctx procContext, sc *scratch) PaperResult {
	res := PaperResult{Text: p.Text, Case: p.Case}
	a := m.analyze(p.Text, sc)
	toks := a.toks
	res.Optional = p.Optional || optionals.find(toks, 0, len(toks)) >= 0
	res.Conditional = p.Condition != "" || conditions.find(toks, 0, len(toks)) >= 0
	for _, mm := range a.ments {
		if !slices.Contains(res.Matched, mm.words) {
			res.Matched = append(res.Matched, mm.words)
		}
	}
	head := skipCopy(toks, 0, true, nil)
	if head < len(toks) && !startsMention(a, head) {
		if n := forms.match(toks, head); n > 0 {
			res.Form = true
			res.Reason = fmt.Sprintf("a form or declaration the applicant fills in (%s)", span(p.Text, toks, head, head+n))
			res.ReasonCode = ReasonForm
		} else if n := ownDocs.match(toks, head); n > 0 {
			res.Reason = fmt.Sprintf("a document the applicant draws up or holds (%s), not a record of the state", span(p.Text, toks, head, head+n))
			res.ReasonCode = ReasonOwnDocument
		}
	}
	if len(a.ments) == 0 {
		if res.ReasonCode != ReasonForm {
			if l := lookupAt(toks); l >= 0 && lookedUpPassive(toks, l) && dataChannels.find(toks, 0, len(toks)) >= 0 {
				// "Thông tin ... được khai thác trong Cơ sở dữ liệu quốc gia
				// về đất đai", "Trường hợp ... gửi giấy phép dưới dạng điện
				// tử thông qua Cổng thông tin một cửa quốc gia ..., người
				// khai hải quan không phải nộp": the data is looked up (not
				// "thông tin cần khai thác", what an applicant asks for).
				res.NotRequired, res.lookedUp = true, true
				res.Reason = fmt.Sprintf("the agency looks the data up (%q)", span(p.Text, toks, l, min(l+3, len(toks))))
				res.ReasonCode = ReasonMentionOnly
				return res
			}
		}
		if res.Reason == "" && a.hasExcluded {
			x := a.excluded
			res.Reason = fmt.Sprintf("not covered: %q is another paper than the catalog's (a name the catalog excludes)", span(p.Text, toks, x.i, x.j))
			res.ReasonCode = ReasonNotCovered
		}
		if res.Reason == "" {
			res.Reason = "names no paper of the catalog"
			if head < len(toks) {
				res.Reason += fmt.Sprintf(" (%s)", clipWords(p.Text, toks, head, 6))
			}
			res.ReasonCode = ReasonNotInCatalog
		}
		return res
	}
	// A case heading is over every paper of the case; a paper's condition
	// may be one of its items' only, so it does not count.
	ctx.abroad = aboutAbroad(p.Case)
	m.judge(a, ctx)
	lookup := lookupAt(toks)
	var chosen, first, part *group
	var comps []*group
	for gi := range a.groups {
		g := &a.groups[gi]
		if g.depth > 0 {
			continue
		}
		if first == nil {
			first = g
		}
		if g.negated {
			continue
		}
		if len(comps) > 0 && a.statement(g) {
			continue // "Giấy chứng nhận sức khỏe có giá trị 6 tháng ...": about the paper asked for before
		}
		comps = append(comps, g)
		if chosen == nil && g.covered() {
			chosen = g
		}
		if part == nil && g.someCovered() {
			part = g
		}
	}
	if chosen == nil {
		chosen = part
	}
	if chosen == nil {
		chosen = first
	}
	if chosen == nil {
		res.NotRequired = true
		switch {
		case res.Reason != "":
			res.Reason += fmt.Sprintf("; it names %s without asking for it", quoteList(res.Matched))
		case lookup >= 0:
			// "Thông tin chứng minh về chỗ ở hợp pháp được khai thác trong
			// căn cước điện tử ...", "(trong trường hợp chưa được tích hợp,
			// kết nối ...)": no paper asked for, the data looked up.
			res.lookedUp = true
			res.Reason = fmt.Sprintf("the agency looks the data of %s up (%q)", quoteList(res.Matched), span(p.Text, toks, lookup, min(lookup+3, len(toks))))
			res.ReasonCode = ReasonMentionOnly
		case a.numberOnly() && forms.find(toks, 0, len(toks)) < 0:
			// "tên, số thẻ Căn cước/thẻ Căn cước công dân/số định danh cá
			// nhân": the number, by which the agency looks the data up (not
			// the fields of a form: "văn bản đề nghị ... số định danh cá
			// nhân hoặc số hộ chiếu").
			res.lookedUp = true
			res.Reason = fmt.Sprintf("asks only for the number of %s, by which the agency looks the data up", quoteList(res.Matched))
			res.ReasonCode = ReasonMentionOnly
		default:
			res.Reason = fmt.Sprintf("mentions %s without asking for it", quoteList(res.Matched))
			res.ReasonCode = ReasonMentionOnly
		}
		return res
	}
	res.Alternatives = m.alternatives(a, chosen)
	res.ReasonCode = ReasonNotCovered
	switch {
	case chosen.negated:
		res.NotRequired, res.lookedUp = true, true
		res.Reason = fmt.Sprintf("says %s need not be submitted", quoteList(res.Matched))
		res.ReasonCode = ReasonMentionOnly
	case lookup >= 0:
		res.NotRequired, res.lookedUp = true, true
		res.Reason = fmt.Sprintf("the agency looks the data up (%q)", span(p.Text, toks, lookup, min(lookup+3, len(toks))))
		res.ReasonCode = ReasonMentionOnly
	case chosen.covered():
		res.ReasonCode = ReasonFlagged
	case chosen.someCovered():
		res.ReasonCode = ReasonPartlyCovered
	case chosen.excepts():
		// "giấy tờ tùy thân ..., trừ căn cước công dân, thẻ căn cước": the
		// record already stopped asking for the catalog's papers.
		res.NotRequired, res.lookedUp = true, true
		res.Reason = "asks for " + strings.TrimPrefix(strings.TrimPrefix(uncoveredReason(res.Alternatives), "not covered: "), "not every alternative is covered: ") + "; the catalog's papers are already left out"
		res.ReasonCode = ReasonMentionOnly
	default:
		res.Reason = uncoveredReason(res.Alternatives)
	}
	if res.NotRequired {
		return res
	}
	for _, g := range comps {
		res.Components = append(res.Components, m.component(a, g))
	}
	if res.ReasonCode == ReasonNotCovered {
		return res
	}
	var main *Component
	for i := range res.Components {
		if c := &res.Components[i]; c.Covered || main == nil && c.someCovered() {
			main = c
			if c.Covered {
				break
			}
		}
	}
	if main == nil {
		return res // unreachable: chosen has a covered alternative
	}
	if main.Covered {
		res.Entry, res.Database, res.Owner, res.Basis = main.Entry, main.Database, main.Owner, main.Basis
		res.DatabaseVi, res.OwnerVi = main.DatabaseVi, main.OwnerVi
		res.Coverage, res.Note = main.Coverage, main.Note
	} else {
		res.setEntry(m, main)
	}
	var asks, uncovered []string
	for ci, c := range res.Components {
		// "Giấy tờ tùy thân của người đi đăng ký: Căn cước công dân hoặc
		// Hộ chiếu": a broader name heading the papers that narrow it
		// leaves nothing out itself.
		heading := ci+1 < len(comps) && comps[ci].j < len(toks) && toks[comps[ci].j].brk&brkColon != 0 &&
			res.Components[ci+1].Covered
		alts := c.Alternatives
		if len(alts) == 0 {
			alts = []Alternative{{Text: c.Text, Entry: c.Entry, Matched: c.matched, Covered: c.Covered, Why: c.Why, Note: c.Note}}
		}
		var entries []string
		for _, al := range alts {
			switch {
			case al.Covered:
				res.Covered = append(res.Covered, al.Text)
				entries = append(entries, al.Entry)
				if al.Note != "" && !heading {
					res.Left = append(res.Left, fmt.Sprintf("%s: %s", al.Text, al.Note))
				}
			case c.Covered:
			default:
				res.Left = append(res.Left, fmt.Sprintf("%s (%s)", al.Text, whyOf(al, c)))
			}
		}
		if len(entries) == 0 {
			uncovered = append(uncovered, fmt.Sprintf("%q (%s)", c.Text, c.Why))
			continue
		}
		if !c.Covered && len(entries) == len(alts) {
			res.Left = append(res.Left, "the other choices of the list ("+whyOneOf+")")
		}
		what := fmt.Sprintf("%q: %s held in %s", matchedOfAlts(alts), strings.Join(dedupe(entries), ", "), databaseOf(m, alts))
		switch {
		case c.Covered && len(alts) > 1:
			what += "; every alternative is covered"
		case !c.Covered:
			what += "; not every alternative is covered: " + strings.TrimPrefix(strings.TrimPrefix(c.Why, "not every alternative is covered: "), "not covered: ")
		}
		asks = append(asks, what)
	}
	res.Reason = "asks for " + strings.Join(asks, "; and for ")
	if len(uncovered) > 0 {
		res.Reason += "; not covered: " + strings.Join(uncovered, "; ")
	}
	if res.Note != "" {
		res.Reason += " (" + string(res.Coverage) + ": " + res.Note + ")"
	}
	return res
}

// setEntry describes the paper by the first covered alternative of a
// component not covered whole.
func (r *PaperResult) setEntry(m *Matcher, c *Component) {
	for _, al := range c.Alternatives {
		if !al.Covered {
			continue
		}
		e := m.entries[m.entryIndex[al.Entry]]
		r.Entry, r.Database, r.Owner, r.Basis = e.ID, e.Database, e.Owner, e.Basis
		r.DatabaseVi, r.OwnerVi = e.DatabaseVi, e.OwnerVi
		r.Coverage, r.Note = al.Coverage, al.Note
		return
	}
}

// whyOf says why an alternative of a component is not covered.
func whyOf(al Alternative, c Component) string {
	if al.Why != "" {
		return al.Why
	}
	return c.Why
}

// matchedOfAlts returns the catalog name matched by the first covered
// alternative.
func matchedOfAlts(alts []Alternative) string {
	for _, al := range alts {
		if al.Covered {
			return al.Matched
		}
	}
	return ""
}

// databaseOf names the database of the first covered alternative.
func databaseOf(m *Matcher, alts []Alternative) string {
	for _, al := range alts {
		if al.Covered {
			return m.entries[m.entryIndex[al.Entry]].Database
		}
	}
	return ""
}

// someCovered reports whether the catalog covers the component or one of
// its alternatives.
func (c *Component) someCovered() bool {
	if c.Covered {
		return true
	}
	for _, al := range c.Alternatives {
		if al.Covered {
			return true
		}
	}
	return false
}

// matchedOf returns the catalog name matched by the first alternative of c.
func matchedOf(c Component) string {
	if len(c.Alternatives) > 0 {
		return c.Alternatives[0].Matched
	}
	return c.matched
}

// uncoveredReason says which alternatives of a requirement are not covered.
func uncoveredReason(alts []Alternative) string {
	var out []string
	for _, al := range alts {
		if !al.Covered {
			out = append(out, fmt.Sprintf("%q %s", al.Text, al.Why))
		}
	}
	if len(alts) == 1 {
		return "not covered: " + strings.Join(out, "; ")
	}
	return "not every alternative is covered: " + strings.Join(out, "; ")
}

// component describes requirement g as a component of its paper.
func (m *Matcher) component(a *analysis, g *group) Component {
	alts := m.alternatives(a, g)
	c := Component{Covered: g.covered(), Text: a.groupText(g)}
	if len(alts) > 1 {
		c.Alternatives = alts
	}
	if !c.Covered {
		c.Why = uncoveredReason(alts)
		if g.someCovered() && !slices.ContainsFunc(alts, func(al Alternative) bool { return !al.Covered }) {
			c.Why = "not every alternative is covered: " + whyOneOf
		}
		return c
	}
	e := m.entries[a.ments[g.alts[0].mention].entry]
	c.Entry, c.Database, c.Owner, c.Basis = e.ID, e.Database, e.Owner, e.Basis
	c.DatabaseVi, c.OwnerVi = e.DatabaseVi, e.OwnerVi
	c.Coverage = e.Coverage
	c.matched = alts[0].Matched
	for _, al := range alts {
		if al.Coverage.Rank() < c.Coverage.Rank() {
			c.Coverage = al.Coverage
		}
		if al.Note != "" && c.Note == "" {
			c.Note = al.Note
		}
	}
	return c
}

// groupText returns the words of g from its first alternative to its last.
func (a *analysis) groupText(g *group) string {
	i, j := g.alts[0].i, g.alts[0].j
	for _, al := range g.alts {
		j = max(j, al.j)
	}
	if i >= j || j > len(a.toks) {
		return ""
	}
	return span(a.text, a.toks, i, j)
}

// clipWords returns up to n words of text from toks[i].
func clipWords(text string, toks []token, i, n int) string {
	j := i + n
	for k := i + 1; k < len(toks) && k < j; k++ {
		if toks[k].brk&(brkClause|brkOpen) != 0 {
			j = k
		}
	}
	return span(text, toks, i, min(j, len(toks)))
}

// alternatives reports the alternatives of g.
func (m *Matcher) alternatives(a *analysis, g *group) []Alternative {
	out := make([]Alternative, 0, len(g.alts))
	for gi := range g.alts {
		al := &g.alts[gi]
		x := Alternative{Text: a.altText(*al), Why: al.why}
		if al.mention >= 0 {
			mm := a.ments[al.mention]
			e := m.entries[mm.entry]
			x.Entry, x.Matched = e.ID, mm.words
			if al.why == "" || al.why == whyOneOf {
				// A choice in "một trong các giấy tờ sau" is covered
				// itself; its component is not, the other choices being
				// left (Component.Why).
				x.Covered, x.Coverage, x.Why = true, e.Coverage, ""
				if mm.broader && e.BroaderCoverage.Rank() < x.Coverage.Rank() {
					x.Coverage, x.Note = e.BroaderCoverage, e.BroaderNote
				}
			}
		}
		out = append(out, x)
	}
	return out
}

func quoteList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = fmt.Sprintf("%q", w)
	}
	return strings.Join(q, ", ")
}

func dedupe(s []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range s {
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// ProcedureResult is the verdict on every paper of one procedure.
type ProcedureResult struct {
	// ID is the procedure code.
	ID string `json:"id"`
	// Name is the procedure's title.
	Name string `json:"name"`
	// Ministry and Sector place the procedure for the summary.
	Ministry string `json:"ministry,omitempty"`
	Sector   string `json:"sector,omitempty"`
	// Source is the file the procedure was read from.
	Source string `json:"source,omitempty"`
	// Papers are the verdicts in dossier order.
	Papers []PaperResult `json:"papers"`
	// Flagged counts the flagged papers.
	Flagged int `json:"flagged"`
}

// Procedure judges every paper of p. A paper naming what the procedure
// itself issues ("Cấp đổi giấy phép lái xe" asking for the old licence) is
// not flagged.
func (m *Matcher) Procedure(p *corpus.Procedure) ProcedureResult {
	sc := m.getScratch()
	defer m.putScratch(sc)
	return m.procedure(p, sc)
}

// procedure is Procedure reusing the buffers of sc.
func (m *Matcher) procedure(p *corpus.Procedure, sc *scratch) ProcedureResult {
	res := ProcedureResult{ID: p.Code, Name: p.Name, Ministry: p.Ministry, Sector: p.Sector, Source: p.Source.File}
	if res.ID == "" {
		res.ID = p.ID()
	}
	var ctx procContext
	sc.name = tokenizeInto(sc.name, p.Name)
	name := sc.name
	var scan issueScan
	for _, mm := range m.findMentions(name) {
		if mm.entry < 0 {
			continue
		}
		if scan.name == nil {
			scan = newIssueScan(name, sc.issued)
			sc.issued = scan.after
		}
		if !scan.issuedBy(mm.i) {
			continue
		}
		// "Cấp giấy phép lái xe quốc tế" issues another paper than the
		// national licence it asks for.
		if mm.j+1 < len(name) && name[mm.j].fold == "quoc" && name[mm.j+1].fold == "te" {
			continue
		}
		if ctx.produced == nil {
			ctx.produced = map[int]bool{}
		}
		ctx.produced[mm.entry] = true
	}
	ctx.foreigner = foreigners.find(name, 0, len(name)) >= 0 && citizens.find(name, 0, len(name)) < 0
	res.Papers = make([]PaperResult, 0, len(p.Papers))
	for _, paper := range p.Papers {
		r := m.paper(paper, ctx, sc)
		if r.Flagged {
			res.Flagged++
		}
		res.Papers = append(res.Papers, r)
	}
	return res
}

// Mention is a catalog paper a free text asks for.
type Mention struct {
	// Entry is the catalog entry id.
	Entry string `json:"entry"`
	// Start and End are byte offsets of the paper's name in the text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Text is the name as written.
	Text string `json:"text"`
	// Matched is the catalog name that matched, in folded words.
	Matched string `json:"matched"`
	// AllCovered is true when every alternative of the requirement the name
	// belongs to is covered by the catalog (e.g. "CMND hoặc CCCD"), false
	// when a person could choose a paper the catalog does not cover.
	AllCovered bool `json:"all_covered"`
}

// Mentions finds the catalog papers that text requires, as a sentence of a
// draft regulation states them ("Hồ sơ gồm: ... b) Bản sao Giấy khai
// sinh"). Names mentioned without being asked for ("không phải nộp ...",
// "số CMND", a sentence where the agency looks the data up) are left out,
// as are papers issued abroad and "other" papers.
func (m *Matcher) Mentions(text string) []Mention {
	sc := m.getScratch()
	defer m.putScratch(sc)
	a := m.analyze(text, sc)
	if len(a.groups) == 0 {
		return nil
	}
	m.judge(a, procContext{})
	var out []Mention
	for gi := range a.groups {
		g := &a.groups[gi]
		if g.negated || a.sentenceHas(lookups, g.i) || a.notAsked(g) {
			continue
		}
		all := g.covered()
		for _, al := range g.alts {
			if !al.covered() {
				continue
			}
			mm := a.ments[al.mention]
			s, e := int(a.toks[mm.i].start), int(a.toks[mm.j-1].end)
			out = append(out, Mention{Entry: m.entries[mm.entry].ID, Start: s, End: e, Text: text[s:e], Matched: mm.words, AllCovered: all})
		}
	}
	return out
}
