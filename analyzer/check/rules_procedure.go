package check

import (
	"sort"
	"strings"
)

// This file holds the rules that read a procedure as a whole: RT010 (what
// it leaves unsaid), RT012 (left to another body to define) and RT014
// (papers the same text issues, asked for as papers).

// procedureScope returns the text in which a procedure defined at
// dossier ds states its steps: its article and up to two articles on each
// side that hold no other dossier and lie in the same chapter or section
// ("Điều 5. Hồ sơ …" / "Điều 6. Trình tự, thủ tục …"). A dossier outside
// any article is read with the paragraphs up to the dossiers next to it.
func procedureScope(d *Draft, ds int) Span {
	art := d.Dossiers[ds].Article
	holds := map[int]bool{}
	for i, o := range d.Dossiers {
		if i != ds && o.Article >= 0 {
			holds[o.Article] = true
		}
	}
	if art < 0 {
		s := Span{0, len(d.Text)}
		for i, o := range d.Dossiers {
			switch {
			case i < ds:
				s.Start = o.Trigger.End
			case i > ds:
				s.End = o.Trigger.Start
				return s
			}
		}
		return s
	}
	sec := sectionOf(d, d.Articles[art].Heading.Start)
	lo, hi := art, art
	for lo > 0 && art-lo < 2 && !holds[lo-1] && sec.Contains(d.Articles[lo-1].Heading) {
		lo--
	}
	for hi+1 < len(d.Articles) && hi-art < 2 && !holds[hi+1] && sec.Contains(d.Articles[hi+1].Heading) {
		hi++
	}
	return Span{d.Articles[lo].Heading.Start, d.Articles[hi].Body.End}
}

// sectionOf returns the span between the headings (Phần, Chương, Mục)
// around offset off.
func sectionOf(d *Draft, off int) Span {
	s := Span{0, len(d.Text)}
	for _, p := range d.Paragraphs {
		if p.Kind != ParaHeading {
			continue
		}
		if p.Start <= off {
			s.Start = p.Start
		} else {
			s.End = p.Start
			break
		}
	}
	return s
}

func runProcedureElements(p *Pass) {
	d, lx := p.Draft, p.Lexicon
	k, _ := lx.peFeeProvisions.find(d.toks, 0, len(d.toks))
	feeProvision := k >= 0
	for _, pr := range d.Procedures {
		if pr.Dossier < 0 || d.quoted(pr.Span.Start) || notApplication(lx, pr.Name) {
			continue
		}
		scope := procedureScope(d, pr.Dossier)
		i, j := d.tokenRange(scope)
		steps := stepsArticles(d, lx, pr.Name)
		var missing []any
		if !feeless(lx, pr.Name) && !feeProvision {
			if k, _ := lx.peFees.find(d.toks, i, j); k < 0 {
				missing = append(missing, NewMessage("rt010_fee"))
			}
		}
		if k, _ := lx.peTimes.find(d.toks, i, j); k < 0 && !sectionStates(d, lx.peTimes, pr.Dossier) && !spansHold(d, lx.peTimes, steps) {
			missing = append(missing, NewMessage("rt010_time"))
		}
		if !namesReceiver(d, lx, scope, d.Dossiers[pr.Dossier].Trigger) && !receiverIn(d, lx, steps) {
			missing = append(missing, NewMessage("rt010_agency"))
		}
		if len(missing) == 0 {
			continue
		}
		p.Report(d.Dossiers[pr.Dossier].Trigger, NewMessage("rt010", snippet(pr.Name), orList(missing)),
			NewMessage("rt010_fix", list{items: missing, sep: ", ", key: "list_and"}))
	}
}

// notApplication reports whether a dossier's name makes it no application:
// a technical file ("thiết kế kiến trúc") or a file another body forwards
// ("do cơ sở y tế đã lấy mô chuyển đến").
func notApplication(lx *Lexicon, name string) bool {
	toks := tokenize(lowerSameLen(name))
	if len(toks) == 0 {
		return false
	}
	if _, n := lx.dgTech.matchAt(toks, 0); n > 0 {
		return true
	}
	return toks[0].is("do")
}

// stepsArticles returns the bodies of the articles elsewhere in the draft
// that set the steps of the procedure named name: their titles open with a
// procedure word ("Trình tự", "Thủ tục") and name the paper it issues
// ("Điều 30. Trình tự cấp, thu hồi chứng chỉ hành nghề" for "cấp lại chứng
// chỉ hành nghề …").
func stepsArticles(d *Draft, lx *Lexicon, name string) []Span {
	_, paper := paperIssued(lx, name)
	if paper == "" {
		return nil
	}
	want := strings.Fields(paper)
	var out []Span
	for _, a := range d.Articles {
		toks := tokenize(lowerSameLen(a.Title))
		if len(toks) == 0 {
			continue
		}
		if _, n := lx.procTitles.matchAt(toks, 0); n == 0 || toks[0].is("hồ") {
			continue
		}
		for k := 0; k+len(want) <= len(toks); k++ {
			ok := true
			for x, w := range want {
				if !toks[k+x].is(w) {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, a.Body)
				break
			}
		}
	}
	return out
}

// spansHold reports whether a phrase of set stands in one of spans.
func spansHold(d *Draft, set *phraseSet, spans []Span) bool {
	for _, s := range spans {
		i, j := d.tokenRange(s)
		if k, _ := set.find(d.toks, i, j); k >= 0 {
			return true
		}
	}
	return false
}

// receiverIn reports whether one of spans names a receiving agency.
func receiverIn(d *Draft, lx *Lexicon, spans []Span) bool {
	for _, s := range spans {
		if namesReceiver(d, lx, s, Span{s.Start, s.Start}) {
			return true
		}
	}
	return false
}

// sectionStates reports whether the title of an article in the chapter or
// section of dossier ds holds a phrase of set: an article common to its
// procedures ("Điều 46. Thời hạn và lệ phí cấp, điều chỉnh Giấy phép …").
func sectionStates(d *Draft, set *phraseSet, ds int) bool {
	art := d.Dossiers[ds].Article
	if art < 0 {
		return false
	}
	sec := sectionOf(d, d.Articles[art].Heading.Start)
	for _, a := range d.Articles {
		if !sec.Contains(a.Heading) {
			continue
		}
		i, j := d.tokenRange(a.Heading)
		if k, _ := set.find(d.toks, i, j); k >= 0 {
			return true
		}
	}
	return false
}

// feeless reports whether a procedure's name opens with a word of a
// procedure that bears no fee ("thu hồi", "thông báo", "hỗ trợ" …).
func feeless(lx *Lexicon, name string) bool {
	toks := tokenize(lowerSameLen(name))
	_, n := lx.peFeeless.matchAt(toks, 0)
	return n > 0
}

// quoted reports whether the paragraph holding offset off, or its article,
// is quoted: text an amending draft inserts into another regulation, whose
// other parts stand in the amended text.
func (d *Draft) quoted(off int) bool {
	if pi := d.ParagraphAt(off); pi >= 0 && d.Paragraphs[pi].Quoted {
		return true
	}
	a := d.ArticleAt(off)
	return a >= 0 && d.Articles[a].Quoted
}

// namesReceiver reports whether a sentence of scope, or the paragraph of
// the dossier's opener, both submits and names a state body.
func namesReceiver(d *Draft, lx *Lexicon, scope, trigger Span) bool {
	sents := []Span{d.Paragraphs[max(d.ParagraphAt(trigger.Start), 0)].Span}
	for _, s := range d.Sentences {
		if s.Start >= scope.Start && s.End <= scope.End {
			sents = append(sents, s)
		}
	}
	for _, s := range sents {
		i, j := d.tokenRange(s)
		submits := false
		for k := i; k < j && !submits; k++ {
			// "cấp tỉnh", "cấp xã" name a level of government, not
			// an agency issuing.
			_, n := lx.peSubmit.matchAt(d.toks, k)
			submits = n > 0 && !(d.toks[k].is("cấp") && k+1 < j && levels[d.toks[k+1].word])
		}
		if !submits {
			continue
		}
		if k, _ := lx.peAgencies.find(d.toks, i, j); k >= 0 {
			return true
		}
	}
	return false
}

// levels are the words after "cấp" that name a level of government.
var levels = map[string]bool{"tỉnh": true, "huyện": true, "xã": true, "trung": true, "bộ": true, "cơ": true}

// statements returns the sentences a rule reads outside requirement
// contexts: not in titles or headings, not a legal basis ("Căn cứ …"),
// not in lists of papers not to ask for or dossiers agencies exchange,
// and not ordering requirements reviewed or cut.
func statements(p *Pass) []Span {
	d, lx := p.Draft, p.Lexicon
	var out []Span
	for _, s := range d.Sentences {
		pi := d.ParagraphAt(s.Start)
		if pi >= 0 && (d.Paragraphs[pi].Kind == ParaArticle || d.Paragraphs[pi].Kind == ParaHeading) || d.exempt(s) {
			continue
		}
		i, j := d.tokenRange(s)
		if i >= j || d.toks[i].is("căn") && i+1 < j && d.toks[i+1].is("cứ") {
			continue
		}
		if k, _ := lx.reviews.find(d.toks, i, j); k >= 0 {
			continue
		}
		out = append(out, s)
	}
	return out
}

func runDelegatedProcedure(p *Pass) {
	d, lx := p.Draft, p.Lexicon
	toks := d.toks
	for _, s := range statements(p) {
		i, j := d.tokenRange(s)
		for k := i; k < j; k++ {
			_, nb := lx.dgBodies.matchAt(toks, k)
			if nb == 0 || citedBefore(lx, toks, i, k) {
				continue
			}
			obj := -1
			// "giao Ủy ban nhân dân cấp tỉnh quy định trình tự …": the
			// body, a verb within the clause, the object right after; a
			// document name in between makes it the body's own text
			// ("Bộ trưởng … ban hành Thông tư quy định về trình tự").
			verb := -1
			for v := k + nb; v < j && v < k+nb+12 && !toks[v].hard; v++ {
				if _, nc := lx.dgCites.matchAt(toks, v); nc > 0 {
					break
				}
				if _, nv := lx.dgVerbs.matchAt(toks, v); nv > 0 {
					verb = v
					obj = objectAfter(lx, toks, v+nv, j)
					break
				}
			}
			// "Trình tự, thủ tục … do Bộ trưởng … quy định", "… theo
			// hướng dẫn của Bộ …": the object before, a connector right
			// before the body.
			if obj < 0 {
				obj = objectBefore(lx, toks, i, k, verb >= 0)
			}
			if obj < 0 {
				k += nb - 1
				continue
			}
			a, b := min(obj, k), max(obj, k)
			sp := Span{toks[a].start, toks[b+nb-1].end}
			if obj > k {
				_, no := lx.dgObjects.matchAt(toks, obj)
				sp.End = toks[obj+no-1].end
			}
			p.Report(sp, NewMessage("rt012", snippet(d.TextOf(sp))), NewMessage("rt012_fix"))
			break
		}
	}
}

// citedBefore reports whether a document name ("Thông tư", "Nghị định" …)
// comes within twenty words of its clause before token k in [i, k): the
// body is the issuer of a text cited ("Thông tư số 02/2022/TT-BGDĐT ngày
// 18 tháng 01 năm 2022 của Bộ trưởng …"), not a delegate.
func citedBefore(lx *Lexicon, toks []token, i, k int) bool {
	from := k
	for from > i && k-from < 20 && !toks[from].hard {
		from--
	}
	c, _ := lx.dgCites.find(toks, from, k)
	return c >= 0
}

// objectAfter returns the token of a delegated object within four words
// from token v ("quy định cụ thể về trình tự"), or -1.
func objectAfter(lx *Lexicon, toks []token, v, j int) int {
	for o := v; o < j && o < v+4 && !toks[o].hard; o++ {
		if _, n := lx.dgObjects.matchAt(toks, o); n > 0 {
			if delegable(lx, toks, o, n, j) {
				return o
			}
			return -1
		}
		if !objectFillers[toks[o].word] {
			// "Bộ Công an quy định và giao hồ sơ …": the verb has
			// another object.
			return -1
		}
	}
	return -1
}

// objectFillers may stand between a delegating verb and its object
// ("quy định cụ thể về trình tự", "hướng dẫn chi tiết việc …").
var objectFillers = map[string]bool{"cụ": true, "thể": true, "chi": true, "tiết": true, "chỉ": true, "về": true, "việc": true, "rõ": true, "các": true}

// delegable reports whether the object at tokens [o, o+n) is a procedure
// or its dossier, not forms ("biểu mẫu hồ sơ") or a technical file ("hồ sơ
// thiết kế").
func delegable(lx *Lexicon, toks []token, o, n, j int) bool {
	if o > 0 && !toks[o].hard {
		if _, ok := lx.dgObjBlockers.endsAt(toks, o-1); ok {
			return false
		}
	}
	if o+n < j && !toks[o+n].hard {
		if _, m := lx.dgTech.matchAt(toks, o+n); m > 0 {
			return false
		}
	}
	return true
}

// objectBefore returns the token of a delegated object in the clause
// before a connector ending right before body token k, or -1. After "do"
// the body must define it (hasVerb: "do Bộ trưởng quy định"), not manage or
// forward it ("hồ sơ do Ủy ban nhân dân cấp xã chuyển đến").
func objectBefore(lx *Lexicon, toks []token, i, k int, hasVerb bool) int {
	idx := -1
	if k > i && !toks[k].hard {
		n, ok := lx.dgLinks.endsAt(toks, k-1)
		if !ok {
			return -1
		}
		idx, _ = lx.dgLinks.matchAt(toks, k-n)
	}
	if idx < 0 || len(lx.dgLinks.phrases[idx]) == 1 && !hasVerb {
		return -1
	}
	for o := k - 1; o >= i && o > k-20; o-- {
		if _, n := lx.dgObjects.matchAt(toks, o); n > 0 {
			if delegable(lx, toks, o, n, k) {
				return o
			}
			return -1
		}
		if toks[o].hard {
			break
		}
	}
	return -1
}

// issuedPapers returns the papers the draft's procedures issue, computed
// once per check.
func (p *Pass) issuedPapers() []issuedPaper {
	if p.shared != nil && p.shared.issuedOK {
		return p.shared.issued
	}
	out := issuedPapers(p.Draft, p.Lexicon)
	if p.shared != nil {
		p.shared.issued, p.shared.issuedOK = out, true
	}
	return out
}

// issuedPaper is a paper a procedure of the draft issues.
type issuedPaper struct {
	name    string // as written in the procedure's name
	words   string // its words, lower-case, space-separated
	dossier int    // the issuing procedure's dossier, or -1
}

// issuedPapers returns the papers the draft's procedures issue: in each
// procedure name, an issuing verb ("cấp", "cấp lại", "gia hạn" …) followed
// by a paper ("Giấy chứng nhận đủ điều kiện kinh doanh"), the name running
// to the first word that closes it (see paperNameEnd). Names of fewer than
// two words after their head ("giấy chứng nhận", "giấy phép môi trường"
// are kept, "giấy phép hoạt động" too; "giấy chứng nhận" alone is not) are
// too vague to match and are left out.
func issuedPapers(d *Draft, lx *Lexicon) []issuedPaper {
	var out []issuedPaper
	seen := map[string]bool{}
	for _, pr := range d.Procedures {
		if pr.Span.Start < 0 || pr.Span.End > len(d.Text) {
			continue
		}
		name, w := paperIssued(lx, pr.Name)
		if w != "" && !seen[w] {
			seen[w] = true
			out = append(out, issuedPaper{name: name, words: w, dossier: pr.Dossier})
		}
	}
	sort.Slice(out, func(a, b int) bool { return len(out[a].words) > len(out[b].words) })
	return out
}

// paperIssued returns the paper a procedure's name issues, as written and
// as lower-case words, or "": an issuing verb ("cấp", "cấp lại", "gia hạn"
// …), a paper head and at least two words after it (see issuedPapers).
func paperIssued(lx *Lexicon, procedure string) (string, string) {
	toks := tokenize(lowerSameLen(procedure))
	for k := 0; k < len(toks); k++ {
		_, n := lx.dpIssued.matchAt(toks, k)
		if n == 0 {
			continue
		}
		h := k + n
		_, nh := lx.issuedHeads.matchAt(toks, h)
		if nh == 0 {
			continue
		}
		e := paperNameEnd(toks, h+nh)
		if e-h-nh < 2 {
			return "", ""
		}
		words := make([]string, 0, e-h)
		for _, t := range toks[h:e] {
			words = append(words, t.word)
		}
		return procedure[toks[h].start:toks[e-1].end], strings.Join(words, " ")
	}
	return "", ""
}

// paperEnders close a paper's name in a procedure name.
var paperEnders = map[string]bool{
	"cho": true, "của": true, "đối": true, "tại": true, "theo": true, "khi": true, "trong": true,
	"và": true, "hoặc": true, "do": true, "trường": true, "thuộc": true, "đã": true, "được": true,
	"trên": true, "từ": true, "với": true, "bị": true,
}

// paperNameEnd returns the token after a paper's name starting before k:
// at punctuation or a closing word, at most six words after its head.
func paperNameEnd(toks []token, k int) int {
	e := k
	for e < len(toks) && e < k+6 && !toks[e].hard && !paperEnders[toks[e].word] {
		e++
	}
	return e
}

func runIssuedHere(p *Pass) {
	d, lx := p.Draft, p.Lexicon
	papers := p.issuedPapers()
	if len(papers) == 0 {
		return
	}
	list := make([]string, len(papers))
	for i, ip := range papers {
		list[i] = ip.words
	}
	set, err := newPhraseSet(list)
	if err != nil {
		return
	}
	owner := map[int]int{} // item start → dossier index
	for di, ds := range d.Dossiers {
		for _, it := range ds.Items {
			owner[it.Start] = di
		}
	}
	toks := d.toks
	seen := dedup{}
	for _, u := range requirementUnits(p) {
		i, j := d.tokenRange(u)
		di, isItem := owner[u.Start]
		for k := i; k < j; k++ {
			idx, n := set.matchAt(toks, k)
			if n == 0 || k+n > j {
				continue
			}
			ip := papers[idx]
			if isItem && di == ip.dossier || !handedOver(d, lx, u, isItem, k) || !isItem && agencyActs(d, lx, i, k) || banned(p, i, k) || notAskedFor(d, lx, i, j, k, k+n) || surrendered(toks, i, k, k+n, j) {
				k += n - 1
				continue
			}
			s := Span{toks[k].start, toks[k+n-1].end}
			if seen.first(s.Start) {
				p.Report(s, NewMessage("rt014", d.TextOf(s)), NewMessage("rt014_fix"))
			}
			k += n - 1
		}
	}
}

// surrendered reports whether the paper at tokens [k, ke) of unit [i, j)
// is an original handed back ("nộp lại bản chính", "bản gốc", "giao nộp",
// "thu hồi"):
// an old paper returned to be cancelled, not a copy of data.
func surrendered(toks []token, i, k, ke, j int) bool {
	for m := max(i, k-6); m < min(j, ke+6); m++ {
		switch {
		case toks[m].is("bản") && m+1 < j && (toks[m+1].is("chính") || toks[m+1].is("gốc")):
			return true
		case toks[m].is("nộp") && m+1 < j && toks[m+1].is("lại"), toks[m].is("trả") && m+1 < j && toks[m+1].is("lại"),
			toks[m].is("giao") && m+1 < j && toks[m+1].is("nộp"), toks[m].is("thu") && m+1 < j && toks[m+1].is("hồi"):
			// "Giao nộp con dấu và giấy chứng nhận … bị thu hồi".
			return true
		case m >= ke && toks[m].is("cũ"):
			// "Thẻ … cũ (trong trường hợp Thẻ bị hư hỏng)": the old
			// paper handed back.
			return true
		}
	}
	return false
}

// handedOver reports whether the paper at token k of unit u is handed
// over: a dossier item that opens with it (after a count or a copy word:
// "b) 01 bản sao Giấy …"), or, in a sentence, a paper after a word of
// handing over ("nộp", "xuất trình", "bản sao" …) in its clause and twelve
// words. A paper a sentence describes ("Giấy phép … có thời hạn"), issues
// or names in passing is not.
func handedOver(d *Draft, lx *Lexicon, u Span, isItem bool, k int) bool {
	toks := d.toks
	i, _ := d.tokenRange(u)
	if isItem {
		m := i
		for m < k && m < i+6 && (isCount(toks[m].word) || toks[m].is("bản") || toks[m].is("sao") || toks[m].is("chính") ||
			toks[m].is("chụp") || toks[m].is("có") || toks[m].is("chứng") || toks[m].is("thực") || toks[m].is("hoặc") || toks[m].is("các")) {
			m++
		}
		if m == k {
			return true
		}
	}
	// A paper right after a word of handing over, or listed after one in
	// its clause ("phải cung cấp văn bản ủy quyền, văn bản xác nhận …").
	for m := k - 1; m >= i && m >= k-12; m-- {
		if n, ok := lx.handedOver.endsAt(toks, m); ok {
			// "người học không cần cung cấp giấy xác nhận": not handed.
			s := m - n + 1
			return s == 0 || toks[s].hard || !negated(lx, toks, s)
		}
		if toks[m+1].hard {
			return false
		}
	}
	return false
}

// isCount reports whether w is a number ("01", "02").
func isCount(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return w != ""
}

// agencyActs reports whether a state body acts in the clause before token
// k of a unit starting at token i: the clause opens with one, or one stands
// before k not as a recipient or owner (after "đến", "cho", "tại", "của"
// …): "cơ quan có thẩm quyền cấp giấy phép sát hạch gửi Cục Cảnh sát giao
// thông bản sao giấy phép" sends between agencies; no applicant hands it in.
func agencyActs(d *Draft, lx *Lexicon, i, k int) bool {
	toks := d.toks
	from := min(k, len(toks)-1)
	for from > i && k-from < 30 && !toks[from].hard {
		from--
	}
	for m := max(from, 0); m < k; m++ {
		if _, n := lx.peAgencies.matchAt(toks, m); n > 0 {
			if m == from || !toks[m].hard && !recipientMarks[toks[m-1].word] {
				return true
			}
			m += n - 1
		}
	}
	return false
}

// recipientMarks before a state body make it a recipient, place or owner.
var recipientMarks = map[string]bool{"đến": true, "cho": true, "tại": true, "của": true, "về": true, "với": true, "từ": true, "lên": true, "tới": true, "gửi": true, "nộp": true, "thuộc": true}
