package check

import (
	"strings"
	"unicode"
)

// findDossiers finds the dossier lists: "Hồ sơ ... gồm: a) ...; b) ..." with
// the items inline or in the paragraphs that follow.
func findDossiers(d *Draft, lx *Lexicon) {
	used := make([]bool, len(d.Paragraphs))
	for pi, p := range d.Paragraphs {
		if used[pi] || d.internal(p.Span) {
			continue
		}
		ti, tj := d.tokenRange(p.Span)
		trig, verbEnd, name, negated, ok := dossierTrigger(d, lx, ti, tj)
		if !ok && p.Kind != ParaArticle {
			trig, verbEnd, name, ok = componentsHeading(d, lx, p)
		}
		if !ok && p.Kind != ParaArticle && p.Kind != ParaHeading {
			trig, verbEnd, name, negated, ok = namedDossier(d, lx, p)
		}
		if !ok && p.Kind != ParaArticle {
			trig, verbEnd, name, ok = longDossier(d, lx, p)
		}
		if !ok && p.Kind == ParaText {
			trig, verbEnd, name, ok = headedVerb(d, lx, pi)
		}
		if !ok {
			continue
		}
		ds := Dossier{Trigger: trig, Name: name, Article: d.ArticleAt(p.Start)}
		inline := listRest(d, verbEnd, p.End)
		ds.Items = splitItems(d, inline)
		last := pi
		if len(ds.Items) == 0 {
			ds.Items, last = blockItems(d, pi)
			if nestedDossiers(d, lx, pi, last) {
				// "3. Thành phần hồ sơ cấp lại giấy phép:" / "a) Thành phần
				// hồ sơ cấp lại … do mất … bao gồm: …; …": each item is a
				// dossier of its own, found when its paragraph comes.
				continue
			}
			for k := pi + 1; k <= last; k++ {
				used[k] = true
			}
		}
		ds.Items = dropNotItems(d, lx, ds.Items)
		if agencySubject(d, lx, p) || parentAgency(d, lx, pi) || introAgency(d, lx, pi, last) || submittedUp(ds.Name) || hasMemo(d, ds.Items) {
			d.Internal = append(d.Internal, Span{p.Start, d.Paragraphs[last].End})
			continue
		}
		if negated {
			// "không phải nộp các giấy tờ sau:", "Hồ sơ không bao gồm":
			// the list names papers not to ask for.
			d.Exempt = append(d.Exempt, Span{p.Start, d.Paragraphs[last].End})
			continue
		}
		if len(ds.Items) == 0 {
			continue
		}
		if ds.Name == "" {
			ds.Name = procedureAbove(d, lx, pi, ds.Article)
		}
		if ds.Name == "" && ds.Article >= 0 {
			ds.Name = titleName(d.Articles[ds.Article].Title)
		}
		d.Dossiers = append(d.Dossiers, ds)
	}
}

// agencySubject reports whether paragraph p opens with a state body as its
// subject (dossier.agency_subjects): "b) Sở Tài chính tổng hợp … lập hồ sơ
// trình …", "Bảo hiểm tiền gửi Việt Nam gửi 01 bộ hồ sơ gồm …".
func agencySubject(d *Draft, lx *Lexicon, p Paragraph) bool {
	return isAgency(lx, d.Text[p.Body.Start:p.Body.End])
}

// parentAgency reports whether the list paragraph pi has no subject of its
// own (it opens with "Hồ sơ" or "Thành phần hồ sơ") and the clause or point
// it belongs to has a state body as its subject ("2. Ngân hàng Nhà nước
// Việt Nam lập hồ sơ đề nghị thanh toán … và gửi Kho bạc Nhà nước." / "a)
// Thành phần hồ sơ bao gồm: …").
func parentAgency(d *Draft, lx *Lexicon, pi int) bool {
	p := d.Paragraphs[pi]
	ti, tj := d.tokenRange(p.Body)
	if ti >= tj || d.toks[ti].start != p.Body.Start {
		return false
	}
	if _, n := lx.dHeads.matchAt(d.toks, ti); n == 0 {
		return false
	}
	for q := pi - 1; q >= 0 && q >= pi-30; q-- {
		up := d.Paragraphs[q]
		if up.Kind == ParaArticle || up.Kind == ParaHeading {
			return false
		}
		if p.Kind != ParaText && below(p.Kind, up.Kind) {
			return agencySubject(d, lx, up)
		}
	}
	return false
}

// introAgency reports whether the unmarked sentence that introduces the
// items below the list heading pi has a state body as its subject ("2. Hồ
// sơ đề nghị hỗ trợ … từ ngân sách nhà nước:" / "Bảo hiểm tiền gửi Việt Nam
// gửi 01 bộ hồ sơ gồm các tài liệu sau đây đến Ngân hàng Nhà nước:" / "a)
// …").
func introAgency(d *Draft, lx *Lexicon, pi, last int) bool {
	if pi+1 > last {
		return false
	}
	p := d.Paragraphs[pi+1]
	return p.Kind == ParaText && strings.HasSuffix(strings.TrimSpace(d.TextOf(p.Body)), ":") && agencySubject(d, lx, p)
}

// hasMemo reports whether a paper of the list is a "tờ trình", the memo a
// state body lays before a superior authority ("Hồ sơ gồm: Tờ trình; dự
// thảo quyết định; …"): the dossier is exchanged between agencies. A memo
// on a form the text publishes ("Tờ trình đề nghị chuyển đổi … (Mẫu số 01
// tại Phụ lục …)") is an applicant's: private schools file one.
func hasMemo(d *Draft, items []Span) bool {
	for _, it := range items {
		i, j := d.tokenRange(it)
		if i+1 < j && d.toks[i].is("tờ") && d.toks[i+1].is("trình") && !strings.Contains(d.low[it.Start:it.End], "mẫu") {
			return true
		}
	}
	return false
}

// submittedUp reports whether a dossier's name says it is laid before a
// superior authority ("Hồ sơ trình thẩm định quy chế quản lý kiến trúc",
// "Hồ sơ trình Chính phủ về việc …"): in Vietnamese drafting an agency
// "trình" (submits up) while an applicant "nộp" or "gửi", so the dossier
// is exchanged between agencies. "trình tự" is a procedure's steps.
func submittedUp(name string) bool {
	f := strings.Fields(lowerSameLen(name))
	return len(f) > 1 && f[0] == "trình" && f[1] != "tự" && f[1] != "tự,"
}

// isAgency reports whether text opens with a state body
// (dossier.agency_subjects). A one-word body ("Sở", "Bộ", "Cục") counts
// only before a capitalised name, so "Bộ phận một cửa" and "Sở hữu" are no
// agencies.
func isAgency(lx *Lexicon, text string) bool {
	toks := tokenize(lowerSameLen(text))
	if len(toks) < 2 || toks[0].start != 0 {
		return false
	}
	_, n := lx.dAgencies.matchAt(toks, 0)
	switch {
	case n == 0 || n >= len(toks):
		return false
	case n == 1:
		next := toks[1]
		return !next.hard && startsUpper(text[next.start:next.end])
	}
	return true
}

// dutyTitles open the title of an article that sets a body's duties
// ("Trách nhiệm của Ủy ban nhân dân các cấp"): with a state body after
// them, the article's lists are the agency's tasks, not an applicant's
// dossier or requirements.
var dutyTitles = []string{"trách nhiệm của ", "nhiệm vụ của ", "nhiệm vụ, quyền hạn của ", "nhiệm vụ và quyền hạn của ",
	"trách nhiệm, quyền hạn của ", "quyền hạn và trách nhiệm của ", "quyền hạn, trách nhiệm của "}

// findAgencyDuties records the articles that set a state body's duties
// in [Draft.Internal]; findDossiers then finds no dossier there.
func findAgencyDuties(d *Draft, lx *Lexicon) {
	for _, a := range d.Articles {
		low := lowerSameLen(a.Title)
		for _, pre := range dutyTitles {
			if strings.HasPrefix(low, pre) {
				if isAgency(lx, a.Title[len(pre):]) {
					d.Internal = append(d.Internal, a.Body)
				}
				break
			}
		}
	}
}

// internal reports whether s lies in a span of [Draft.Internal].
func (d *Draft) internal(s Span) bool {
	for _, e := range d.Internal {
		if s.Start >= e.Start && s.End <= e.End {
			return true
		}
	}
	return false
}

// procedureAbove names a dossier from the nearest paragraph above pi, in
// the same article, that titles a procedure ("1. Thủ tục cấp giấy phép
// karaoke" / "a) Trình tự thực hiện: …" / "c) Thành phần, số lượng hồ sơ:"),
// or returns "".
func procedureAbove(d *Draft, lx *Lexicon, pi, art int) string {
	for q := pi - 1; q >= 0 && q >= pi-40; q-- {
		p := d.Paragraphs[q]
		if p.Kind == ParaArticle || d.ArticleAt(p.Start) != art {
			return ""
		}
		i, j := d.tokenRange(p.Body)
		if _, n := lx.procTitles.matchAt(d.toks, i); n == 0 || i+n >= j || !d.toks[i].is("thủ") {
			continue
		}
		body := strings.TrimSpace(d.TextOf(p.Body))
		if len(body) > 200 || strings.ContainsAny(body, ":;") {
			continue
		}
		return titleName(strings.TrimRight(body, ". "))
	}
	return ""
}

// dropNotItems drops the items that count the dossier instead of naming
// a paper ("Số lượng hồ sơ: 01 bộ").
func dropNotItems(d *Draft, lx *Lexicon, items []Span) []Span {
	out := items[:0]
	for _, it := range items {
		i, j := d.tokenRange(it)
		if _, n := lx.dNotItems.matchAt(d.toks, i); n > 0 && i+n <= j {
			continue
		}
		out = append(out, it)
	}
	return out
}

// dossierTrigger looks in tokens [ti, tj) for "<head> ... <verb>" or
// "<submission cue> ... <list opener>" and returns the trigger span, the
// text offset after it and the dossier's name. negated is set when the
// opener is negated or follows a request ban ("Hồ sơ không bao gồm",
// "không được yêu cầu ... nộp các giấy tờ sau:"): the list names papers
// that need not be submitted.
func dossierTrigger(d *Draft, lx *Lexicon, ti, tj int) (trig Span, after int, name string, negated, ok bool) {
	toks := d.toks
	sentStart := func(i int) int {
		for i > ti && !toks[i].hard {
			i--
		}
		return i
	}
	for i := ti; i < tj; i++ {
		if _, n := lx.dHeads.matchAt(toks, i); n > 0 {
			// "Thành phần hồ sơ:" opens a list without a verb.
			if end := toks[i+n-1].end; n > 2 && end < len(d.Text) && d.Text[end] == ':' {
				sent := sentStart(i)
				if k, _ := lx.dExclude.find(toks, sent, i); k < 0 {
					b, _ := lx.bans.find(toks, sent, i)
					return Span{toks[i].start, end}, end, "", b >= 0, true
				}
			}
			for v := i + n; v < tj && v < i+n+25; v++ {
				if toks[v].hard {
					break
				}
				_, vn := lx.dVerbs.matchAt(toks, v)
				if vn == 0 && toks[v].is("là") && v+1 < tj && !toks[v+1].hard {
					// "Hồ sơ khai thuế … là Tờ khai thuế theo Mẫu số 01".
					if _, pn := lx.dCopula.matchAt(toks, v+1); pn > 0 {
						vn = 1
					}
				}
				if vn == 0 {
					continue
				}
				// "hồ sơ gồm 05 bộ" counts sets, it lists nothing.
				if a := v + vn; a < tj && !toks[a].hard && isDigit(toks[a].word[0]) {
					break
				}
				// "Nội dung thẩm tra hồ sơ gồm" lists what is checked; words
				// after the head name the dossier ("hồ sơ đề nghị thẩm định").
				sent := sentStart(i)
				if k, _ := lx.dExclude.find(toks, sent, i); k >= 0 {
					break
				}
				b, _ := lx.bans.find(toks, sent, v)
				neg := b >= 0 || verbNegated(lx, toks, i+n, v)
				name := nameBetween(d, toks[i+n-1].end, toks[v].start)
				return Span{toks[i].start, toks[v+vn-1].end}, toks[v+vn-1].end, name, neg, true
			}
		}
		if _, n := lx.dOpeners.matchAt(toks, i); n > 0 {
			sent := sentStart(i)
			// The cue nearest the opener is the verb of the list ("Người
			// nộp hồ sơ không cần nộp các giấy tờ sau").
			cue := -1
			for k := sent; k < i; k++ {
				// "Ban hành kèm theo Thông tư các Phụ lục và mẫu giấy tờ sau
				// đây:" lists what a text is promulgated with.
				if _, cn := lx.cues.matchAt(toks, k); cn > 0 && k+cn <= i && !(k >= 2 && toks[k-2].is("ban") && toks[k-1].is("hành")) {
					cue = k
				}
			}
			if cue >= 0 {
				b, _ := lx.bans.find(toks, sent, i)
				return Span{toks[sent].start, toks[i+n-1].end}, toks[i+n-1].end, "", b >= 0 || verbNegated(lx, toks, sent, cue), true
			}
		}
	}
	return Span{}, 0, "", false, false
}

// verbNegated reports whether a negation ("không", "không cần", "chưa")
// ends just before token v, a modal ("phải", "cần") allowed in between
// ("không phải bao gồm"), with no token before from.
func verbNegated(lx *Lexicon, toks []token, from, v int) bool {
	k := v
	if k-1 >= from && (toks[k-1].is("phải") || toks[k-1].is("cần")) && !toks[k].hard {
		k--
	}
	if k <= from || toks[k].hard {
		return false
	}
	n, ok := lx.negations.endsAt(toks, k-1)
	return ok && k-n >= from
}

// componentsHeading recognises a paragraph that opens with "Thành phần hồ
// sơ <name>" and has no verb ("3. Thành phần hồ sơ cấp lại giấy phép:"),
// the items following below it.
func componentsHeading(d *Draft, lx *Lexicon, p Paragraph) (Span, int, string, bool) {
	ti, tj := d.tokenRange(p.Body)
	if ti >= tj {
		return Span{}, 0, "", false
	}
	idx, n := lx.dHeads.matchAt(d.toks, ti)
	if n == 0 || len(lx.dHeads.phrases[idx]) < 3 {
		return Span{}, 0, "", false
	}
	body := strings.TrimRight(d.Text[p.Body.Start:p.Body.End], " ”\"")
	name := strings.TrimSuffix(body, ":")
	if strings.ContainsAny(name, ".;:") || len(body) > 300 {
		return Span{}, 0, "", false
	}
	end := p.Body.Start + len(body)
	return Span{d.toks[ti].start, end}, end, nameBetween(d, d.toks[ti+n-1].end, p.Body.Start+len(name)), true
}

// namedDossier recognises a paragraph that opens with "Hồ sơ <name>:" and
// no verb, the papers following inline or below it ("1. Hồ sơ đăng ký bản
// công bố hợp quy:", "2. Hồ sơ: đơn đề nghị; đề án …"). A name that holds a
// word of dossier.exclude, a step ("trình tự", "thủ tục"), an obligation or
// a word of dossier.statements ("Hồ sơ thiết kế phải đảm bảo các yêu cầu
// sau:", "Hồ sơ kèm theo:" in a form) makes the paragraph a sentence about
// the dossier or a form's field, not its list.
func namedDossier(d *Draft, lx *Lexicon, p Paragraph) (trig Span, after int, name string, negated, ok bool) {
	toks := d.toks
	ti, tj := d.tokenRange(p.Body)
	if ti >= tj {
		return
	}
	_, n := lx.dHeads.matchAt(toks, ti)
	if n == 0 || toks[ti].start != p.Body.Start {
		return
	}
	// The colon closes the name: at the first stop, within 30 words.
	m := ti + n
	for m < tj && m < ti+n+30 && !toks[m].hard {
		m++
	}
	colon := -1
	if m < tj && m < ti+n+30 {
		colon = strings.IndexByte(d.Text[toks[m-1].end:toks[m].start], ':')
		if colon >= 0 {
			colon += toks[m-1].end
		}
	} else if m == tj {
		colon = strings.LastIndexByte(d.Text[toks[m-1].end:p.Body.End], ':')
		if colon >= 0 {
			colon += toks[m-1].end
		}
	}
	if colon < 0 {
		return
	}
	if k, _ := lx.dExclude.find(toks, ti, m); k >= 0 {
		return
	}
	if k, _ := lx.procTitles.find(toks, ti+n, m); k >= 0 {
		return
	}
	if k, _ := lx.reqWords.find(toks, ti+n, m); k >= 0 {
		return
	}
	if k, _ := lx.dStatements.find(toks, ti+n, m); k >= 0 {
		return
	}
	b, _ := lx.bans.find(toks, ti, m)
	nameEnd := colon
	// A verb too far from the head for dossierTrigger ends the name.
	if vn, ok := lx.dVerbs.endsAt(toks, m-1); ok && m-vn >= ti+n {
		nameEnd = toks[m-vn].start
	}
	return Span{toks[ti].start, colon + 1}, colon + 1, nameBetween(d, toks[ti+n-1].end, nameEnd), b >= 0, true
}

// longDossier recognises a paragraph that opens with the dossier head and
// ends with its verb and a colon, however long the name in between and
// whatever punctuation it holds ("2. Hồ sơ đề nghị trợ cấp đột xuất … bị
// thiệt hại về sức khỏe; đối với gia đình … về tính mạng gồm:"), the papers
// following below. dossierTrigger looks for the verb only within a sentence
// and 25 words of the head.
func longDossier(d *Draft, lx *Lexicon, p Paragraph) (trig Span, after int, name string, ok bool) {
	toks := d.toks
	ti, tj := d.tokenRange(p.Body)
	if ti >= tj || tj-ti > 120 {
		return
	}
	_, n := lx.dHeads.matchAt(toks, ti)
	if n == 0 || toks[ti].start != p.Body.Start {
		return
	}
	last := tj - 1
	if rest := strings.TrimSpace(d.Text[toks[last].end:p.Body.End]); !strings.HasPrefix(rest, ":") {
		return
	}
	vn, found := lx.dVerbs.endsAt(toks, last)
	if !found || last-vn+1 < ti+n {
		return
	}
	v := last - vn + 1
	// "Hồ sơ … phải bảo đảm các yêu cầu sau, gồm:" states what the dossier
	// must meet.
	if k, _ := lx.reqWords.find(toks, ti+n, v); k >= 0 {
		return
	}
	end := toks[last].end
	return Span{toks[ti].start, end}, end, nameBetween(d, toks[ti+n-1].end, toks[v].start), true
}

// headedVerb recognises a short unmarked paragraph that holds the dossier
// verb and ends with a colon ("01 bộ, bao gồm:") right below a paragraph
// that names the dossier without a verb ("2. Hồ sơ đề nghị mở chi nhánh"):
// the heading and its body stand on separate lines.
func headedVerb(d *Draft, lx *Lexicon, pi int) (trig Span, after int, name string, ok bool) {
	if pi == 0 {
		return
	}
	p, up := d.Paragraphs[pi], d.Paragraphs[pi-1]
	ti, tj := d.tokenRange(p.Body)
	if ti >= tj || tj-ti > 8 || !strings.HasSuffix(strings.TrimSpace(d.TextOf(p.Body)), ":") {
		return
	}
	v := -1
	var vn int
	for k := ti; k < tj; k++ {
		if _, n := lx.dVerbs.matchAt(d.toks, k); n > 0 {
			v, vn = k, n
			break
		}
	}
	if v < 0 {
		return
	}
	ui, uj := d.tokenRange(up.Body)
	if ui >= uj || d.toks[ui].start != up.Body.Start || up.Kind == ParaArticle || up.Kind == ParaRow {
		return
	}
	_, hn := lx.dHeads.matchAt(d.toks, ui)
	head := strings.TrimSpace(d.TextOf(up.Body))
	if hn == 0 || strings.ContainsAny(head, ":;.") || len(head) > 300 {
		return
	}
	// "Hồ sơ thiết kế phải …", "Hồ sơ được lập …": a sentence about the
	// dossier, not its name.
	if k, _ := lx.reqWords.find(d.toks, ui+hn, uj); k >= 0 {
		return
	}
	if k, _ := lx.dStatements.find(d.toks, ui+hn, uj); k >= 0 {
		return
	}
	end := d.toks[v+vn-1].end
	return Span{d.toks[ui].start, end}, end, nameBetween(d, d.toks[ui+hn-1].end, up.Body.End), true
}

// nestedDossiers reports whether the first of the items pi+1..last below
// the list paragraph pi is a dossier with its papers inline: the paragraph
// is then a heading over several dossiers ("3. Thành phần hồ sơ cấp lại
// giấy phép:" / "a) Thành phần hồ sơ cấp lại … do mất … bao gồm: …; …" /
// "b) … do thay đổi nội dung bao gồm: …"), not one. A later item with a
// list of its own ("c) Hồ sơ năng lực gồm: báo cáo …; tài liệu …") is one
// paper of the dossier, described.
func nestedDossiers(d *Draft, lx *Lexicon, pi, last int) bool {
	if last <= pi {
		return false
	}
	p := d.Paragraphs[pi+1]
	ti, tj := d.tokenRange(p.Span)
	_, verbEnd, _, _, ok := dossierTrigger(d, lx, ti, tj)
	return ok && len(splitItems(d, listRest(d, verbEnd, p.End))) > 0
}

// nameBetween returns what a dossier is for from the words between its head
// and its verb ("đề nghị cấp thẻ nhà báo"). Words that only qualify the verb
// ("còn", "cũng", "phải") or a parenthesis ("Toàn bộ hồ sơ (gồm có ...")
// name nothing: it returns "" and the article title names the dossier.
func nameBetween(d *Draft, from, to int) string {
	if to <= from {
		return ""
	}
	s := strings.Trim(d.Text[from:to], " ,")
	for _, p := range []string{"đề nghị ", "xin ", "của ", "de nghi ", "cua "} {
		s = strings.TrimPrefix(s, p)
	}
	if s == "đề nghị" || s == "de nghi" { // "Hồ sơ đề nghị, gồm:"
		return ""
	}
	// "hồ sơ (bản chính) gồm", "Toàn bộ hồ sơ (gồm có": a parenthesis
	// qualifies the dossier and names nothing.
	for strings.HasPrefix(s, "(") {
		k := strings.IndexByte(s, ')')
		if k < 0 {
			return ""
		}
		s = strings.Trim(s[k+1:], " ,")
	}
	if len(s) > 200 {
		return ""
	}
	f := strings.Fields(s)
	n := len(f)
	for n > 0 && verbQualifiers[lowerSameLen(f[n-1])] {
		n--
	}
	only := true // every word qualifies the verb ("mới", "không cần")
	for _, w := range f[:n] {
		only = only && (verbQualifiers[lowerSameLen(w)] || onlyQualifiers[lowerSameLen(w)])
	}
	if n == 0 || only || !strings.ContainsFunc(s, unicode.IsLetter) {
		return ""
	}
	return strings.Join(f[:n], " ")
}

// verbQualifiers are words between a dossier head and its verb that qualify
// the verb, not the dossier ("hồ sơ còn bao gồm", "hồ sơ cũng phải gồm").
var verbQualifiers = map[string]bool{
	"còn": true, "cũng": true, "phải": true, "cần": true, "sẽ": true, "đã": true,
	"chỉ": true, "thì": true, "đều": true, "vẫn": true, "không": true,
}

// onlyQualifiers name nothing on their own ("hồ sơ mới gồm") though they can
// end a name ("đăng ký mẫu con dấu mới").
var onlyQualifiers = map[string]bool{"mới": true, "được": true, "chính": true, "này": true, "đó": true}

// titleName turns an article title into a procedure name by dropping
// leading "Hồ sơ", "Trình tự", "Thủ tục".
func titleName(title string) string {
	t := title
	for {
		low := lowerSameLen(t)
		cut := false
		for _, p := range []string{"hồ sơ", "trình tự", "thủ tục", ",", "và", "đề nghị"} {
			if strings.HasPrefix(low, p) {
				t = strings.TrimLeft(t[len(p):], " ,")
				cut = true
				break
			}
		}
		if !cut {
			break
		}
	}
	if t == "" {
		return title
	}
	return t
}

// listRest returns the span after a list opener at off up to the end of the
// paragraph, skipping to just after a colon when one follows in the same
// sentence ("gồm các tài liệu sau đây đến Bộ Tài chính: ...").
func listRest(d *Draft, off, end int) Span {
	t := d.Text[off:end]
	if k := strings.IndexAny(t, ":.;"); k >= 0 && t[k] == ':' {
		off += k + 1
	}
	return Span{off, end}
}

// splitItems splits an inline list on semicolons (outside parentheses) and
// on inline point markers; empty and punctuation-only items are dropped.
func splitItems(d *Draft, s Span) []Span {
	t := d.Text[s.Start:s.End]
	var items []Span
	depth := 0
	from := 0
	add := func(a, b int) {
		for a < b && strings.IndexByte(" .,;:*", t[a]) >= 0 {
			a++
		}
		if _, _, n, _ := markerOf(t[a:b]); n > 0 && n <= b-a {
			a += n
		}
		for b > a && strings.IndexByte(" .,;:”\"*", t[b-1]) >= 0 {
			b--
		}
		if b-a >= 3 {
			items = append(items, Span{s.Start + a, s.Start + b})
		}
	}
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ';':
			if depth == 0 {
				add(from, i)
				from = i + 1
			}
		case ' ':
			// " b) " starts a new inline point when a list is running.
			if depth == 0 && i > from+2 {
				if _, _, ok := pointLabel(t[i+1:]); ok && (t[i-1] == ',' || t[i-1] == ':') {
					add(from, i)
					from = i + 1
				}
			}
		}
	}
	add(from, len(t))
	return items
}

// blockItems collects the list items that follow paragraph pi: paragraphs
// one level below it, each with the deeper paragraphs under it. It returns
// the items and the index of the last paragraph taken.
func blockItems(d *Draft, pi int) ([]Span, int) {
	level := d.Paragraphs[pi].Kind
	var items []Span
	itemKind := ParaText
	last := pi
	intro, introDone := false, false // the last item ends with ":"; its first sub-item replaced it
	opensList := strings.HasSuffix(strings.TrimSpace(d.TextOf(d.Paragraphs[pi].Span)), ":")
	more := false // the last unmarked item ended with ";"
	for q := pi + 1; q < len(d.Paragraphs); q++ {
		p := d.Paragraphs[q]
		if p.Kind == ParaRow && (itemKind == ParaText || itemKind == ParaRow) {
			// A table lists one paper per row, after its header.
			first := itemKind != ParaRow
			itemKind = ParaRow
			if !p.Header && !(first && headerRow(d, q)) {
				if body := rowItem(d, p.Span); body.Len() > 0 {
					items = append(items, body)
				}
			}
			last = q
			continue
		}
		if p.Kind == ParaText && (itemKind == ParaText && len(items) == 0 && opensList || itemKind == plainItem && more) {
			// Unmarked items, one per paragraph, each but the last ending
			// in ";" ("Hồ sơ gồm:" / "Đơn đề nghị;" / "Bản sao …;" / "… .").
			text := strings.TrimSpace(d.TextOf(p.Body))
			if len(items) == 0 && itemKind == ParaText && strings.HasSuffix(text, ":") && len(text) <= 400 {
				// "2. Hồ sơ đề nghị …:" / "Tổ chức gửi 01 bộ hồ sơ gồm các
				// tài liệu sau đây:" / "a) …": an unmarked sentence that
				// introduces the items below is no item itself.
				opensList = false
				last = q
				continue
			}
			if strings.HasPrefix(text, "(") {
				break
			}
			if len(text) > 400 {
				// "3. Hồ sơ hưởng học bổng:" / "Đơn đề nghị … và Giấy chứng
				// nhận hộ nghèo (…). Trường hợp cơ quan … khai thác được …":
				// the papers stand in the first sentence of a paragraph that
				// goes on about them.
				if sent := d.SentenceAt(p.Body.Start); len(items) == 0 && sent.Start == p.Body.Start && sent.Len() <= 400 && sent.End < p.Body.End {
					if body := trimItem(d, sent); body.Len() > 0 {
						items = append(items, body)
						last = q
					}
				}
				break
			}
			itemKind = plainItem
			if body := trimItem(d, p.Body); body.Len() > 0 {
				items = append(items, body)
			}
			last = q
			if more = strings.HasSuffix(text, ";"); !more {
				break
			}
			continue
		}
		if itemKind == ParaRow || itemKind == plainItem || p.Kind == ParaArticle || p.Kind == ParaHeading || p.Kind == ParaText || p.Kind == ParaRow {
			break
		}
		if itemKind == ParaText {
			if !below(p.Kind, level) {
				break
			}
			itemKind = p.Kind
		}
		switch {
		case p.Kind == itemKind:
			intro = false
			if body := trimItem(d, p.Body); body.Len() > 0 {
				items = append(items, body)
				// "d) 01 hồ sơ ... gồm các văn bản sau:" introduces papers
				// listed one level down: they replace it.
				intro = strings.HasSuffix(strings.TrimSpace(d.TextOf(p.Body)), ":")
				introDone = false
			}
		case below(p.Kind, itemKind) && len(items) > 0:
			body := trimItem(d, p.Body)
			switch {
			case body.Len() == 0:
				// "- ." names nothing: it neither replaces the item that
				// introduced it nor adds one (FuzzDraftText found it
				// replacing "a) Tờ khai gồm các văn bản sau:" with an empty
				// span; testdata/fuzz/FuzzDraftText/empty-sub-item.txt).
			case intro && !introDone:
				items[len(items)-1] = body
				introDone = true
			case intro:
				items = append(items, body)
			default:
				items[len(items)-1].End = body.End
			}
		default:
			return items, last
		}
		last = q
	}
	return items, last
}

// plainItem marks a list of unmarked paragraphs in blockItems.
const plainItem ParaKind = -1

// below reports whether a paragraph of kind k can be an item under one of
// kind parent.
func below(k, parent ParaKind) bool {
	switch parent {
	case ParaClause:
		return k == ParaPoint || k == ParaBullet
	case ParaPoint:
		return k == ParaBullet
	case ParaBullet:
		return false
	}
	return k == ParaClause || k == ParaPoint || k == ParaBullet
}

func trimItem(d *Draft, s Span) Span {
	for s.Start < s.End && strings.IndexByte(" *", d.Text[s.Start]) >= 0 {
		s.Start++
	}
	for s.End > s.Start && strings.IndexByte(" .;,:”\"*", d.Text[s.End-1]) >= 0 {
		s.End--
	}
	return s
}

// applicationTitle reports whether the "hồ sơ" at token k, the first of
// its paragraph, opens the title of an article about an application ("Điều 12. Hồ sơ đề nghị cấp giấy
// chứng nhận …", "Hồ sơ xin phép …", "Hồ sơ đăng ký …"): the article
// defines a procedure even when its dossier list is not found (a list in
// running prose, or left to a form). Other "hồ sơ" titles ("Hồ sơ lãnh
// sự", "Hồ sơ thiết kế") count only through their dossier lists, and so
// do titles where "hồ sơ" comes later ("Thẩm định hồ sơ đề nghị …" is the
// agency's step).
func applicationTitle(d *Draft, p Paragraph, k int) bool {
	if p.Kind != ParaArticle || k+2 >= len(d.toks) || d.toks[k+2].hard {
		return false
	}
	t := d.toks[k+2]
	return t.is("đề") && k+3 < len(d.toks) && d.toks[k+3].is("nghị") || t.is("xin") || t.is("đăng") && k+3 < len(d.toks) && d.toks[k+3].is("ký")
}

// findProcedures records a procedure for every dossier list and for every
// article, clause or paragraph titled as a procedure ("Trình tự, thủ tục
// ...") in an article with no dossier list.
func findProcedures(d *Draft, lx *Lexicon) {
	withDossier := map[int]bool{}
	for i, ds := range d.Dossiers {
		name := ds.Name
		if name == "" {
			name = d.TextOf(ds.Trigger)
		}
		d.Procedures = append(d.Procedures, ProcedureDef{Name: name, Span: ds.Trigger, Article: ds.Article, Dossier: i})
		withDossier[ds.Article] = true
	}
	seen := map[int]bool{}
	for _, p := range d.Paragraphs {
		art := d.ArticleAt(p.Start)
		if withDossier[art] || art >= 0 && seen[art] {
			continue
		}
		body := strings.TrimSpace(d.TextOf(p.Body))
		switch p.Kind {
		case ParaArticle:
		case ParaClause, ParaText:
			if len(body) > 300 || !strings.HasSuffix(body, ":") {
				continue
			}
		default:
			continue
		}
		ti, tj := d.tokenRange(p.Body)
		if ti >= tj {
			continue
		}
		// "Thủ tục ...", "Trình tự, thủ tục ...", "Điều kiện, trình tự ...":
		// a procedure word among the first three words ("hồ sơ" titles
		// count through their dossier lists).
		k := -1
		for i := ti; i < min(tj, ti+3) && k < 0; i++ {
			if _, n := lx.procTitles.matchAt(d.toks, i); n > 0 {
				k = i
			}
		}
		if k < 0 || d.toks[k].is("hồ") && (k != ti || !applicationTitle(d, p, k)) {
			continue
		}
		if d.toks[k].is("hồ") {
			// "Hồ sơ xin lập Văn phòng đại diện gồm:": the name ends at
			// the verb.
			if v, _ := lx.dVerbs.find(d.toks, k+2, tj); v >= 0 {
				body = strings.TrimSpace(d.Text[p.Body.Start:d.toks[v].start])
			}
		}
		seen[art] = true
		d.Procedures = append(d.Procedures, ProcedureDef{
			Name: titleName(articleTitle(strings.TrimRight(body, ": "))), Span: p.Span, Article: art, Dossier: -1,
		})
	}
}

// findConditions finds the conditions a draft sets: the items of a list
// opened by "điều kiện ...:" and the clauses of an article titled "Điều
// kiện ...".
func findConditions(d *Draft, lx *Lexicon) {
	used := make([]bool, len(d.Paragraphs))
	artWithList := map[int]bool{}
	for pi, p := range d.Paragraphs {
		if used[pi] || p.Kind == ParaArticle || p.Kind == ParaHeading {
			continue
		}
		body := strings.TrimSpace(d.TextOf(p.Body))
		if !strings.HasSuffix(body, ":") || len(body) > 400 {
			continue
		}
		ti, tj := d.tokenRange(p.Body)
		if !conditionOpener(d, lx, ti, tj) {
			continue
		}
		// "Hồ sơ đề nghị cấp giấy chứng nhận đủ điều kiện gồm:" lists papers.
		if k, _ := lx.dHeads.find(d.toks, ti, tj); k >= 0 {
			continue
		}
		items, last := blockItems(d, pi)
		for k := pi + 1; k <= last; k++ {
			used[k] = true
		}
		art := d.ArticleAt(p.Start)
		for _, it := range items {
			d.Conditions = append(d.Conditions, Condition{Span: it, Article: art})
		}
		if len(items) > 0 {
			artWithList[art] = true
		}
	}
	for ai, a := range d.Articles {
		if artWithList[ai] {
			continue
		}
		ti, tj := d.tokenRange(Span{a.Heading.Start, a.Heading.End})
		// Skip the "Điều N" tokens of the heading.
		k := ti
		for k < tj && d.toks[k].end <= a.Heading.Start+len(d.Text[a.Heading.Start:a.Heading.End])-len(a.Title) {
			k++
		}
		if _, n := lx.cond.matchAt(d.toks, k); n == 0 {
			continue
		}
		// "Điều kiện, trình tự, thủ tục ..." mixes conditions with steps:
		// only its explicit lists count.
		if p, _ := lx.procTitles.find(d.toks, k, tj); p >= 0 {
			continue
		}
		for pi, p := range d.Paragraphs {
			if p.Start <= a.Heading.Start || p.Start >= a.Body.End || used[pi] {
				continue
			}
			if p.Kind != ParaClause && p.Kind != ParaPoint {
				continue
			}
			if strings.HasSuffix(strings.TrimSpace(d.TextOf(p.Body)), ":") {
				continue
			}
			if body := trimItem(d, p.Body); body.Len() > 0 && !isStep(d, body) {
				d.Conditions = append(d.Conditions, Condition{Span: body, Article: ai})
			}
		}
	}
}

// conditionOpener reports whether tokens [ti, tj), a paragraph ending in
// ":", open a list of conditions the draft imposes: it starts with a
// condition title ("Điều kiện cấp giấy phép:", "Tiêu chuẩn, điều kiện …:"),
// or a word that imposes precedes a title in its sentence and a list end
// follows it ("… phải đáp ứng các điều kiện sau đây:"). Openers that exempt,
// abolish, review or verify ("không thuộc diện", "Bãi bỏ các điều kiện",
// "Rà soát điều kiện") open none.
func conditionOpener(d *Draft, lx *Lexicon, ti, tj int) bool {
	toks := d.toks
	for k := ti; k < tj; k++ {
		_, n := lx.cond.matchAt(toks, k)
		if n == 0 {
			continue
		}
		sent := k
		for sent > ti && !toks[sent].hard {
			sent--
		}
		if x, _ := lx.condExclude.find(toks, sent, k); x >= 0 {
			continue
		}
		// "tạo điều kiện thuận lợi" is in the exclusions as a phrase that
		// starts before the title.
		if x, _ := lx.condExclude.find(toks, max(sent, k-1), k+n); x >= 0 {
			continue
		}
		if k == sent && k-ti <= 2 {
			return true
		}
		// "Tiêu chuẩn, điều kiện …:", "Yêu cầu, điều kiện …:".
		if _, pn := lx.condPrefixes.matchAt(toks, ti); pn > 0 && k == ti+pn {
			return true
		}
		if x, _ := lx.condImpose.find(toks, sent, k); x < 0 {
			continue
		}
		for m := k + n; m < tj && m < k+n+8; m++ {
			if toks[m].hard {
				break
			}
			if _, en := lx.condEnds.matchAt(toks, m); en > 0 {
				return true
			}
		}
	}
	return false
}

// isStep reports whether an item is a procedural step or a time limit
// ("Trong thời hạn 30 ngày ...", "Hồ sơ ..."), not a condition.
func isStep(d *Draft, s Span) bool {
	low := d.low[s.Start:s.End]
	for _, p := range []string{"trong thời hạn", "chậm nhất", "hồ sơ", "sau khi", "khi nhận"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

// headerRow reports whether table row q, the first of its table, is a
// header written with <td> cells: its first cell numbers the rows ("STT",
// "TT", "Số thứ tự"), or it has no number cell while the row below has one
// ("Tên giấy tờ; Số lượng" above "1; Đơn đề nghị; 01 bản").
func headerRow(d *Draft, q int) bool {
	cell := func(p Paragraph) string {
		t := d.TextOf(p.Span)
		if i := strings.IndexByte(t, ';'); i >= 0 {
			t = t[:i]
		}
		return strings.Trim(lowerSameLen(t), " .*")
	}
	number := func(c string) bool { return c != "" && strings.Trim(c, "0123456789") == "" }
	switch strings.Join(strings.Fields(cell(d.Paragraphs[q])), " ") {
	case "stt", "tt", "số tt", "số thứ tự", "thứ tự":
		return true
	}
	if number(cell(d.Paragraphs[q])) || q+1 >= len(d.Paragraphs) || d.Paragraphs[q+1].Kind != ParaRow {
		return false
	}
	return number(cell(d.Paragraphs[q+1]))
}

// rowItem returns the paper of a table row: the row without a leading
// number cell ("1; Đơn đề nghị; 01 bản chính" gives "Đơn đề nghị; 01 bản
// chính").
func rowItem(d *Draft, s Span) Span {
	t := d.Text[s.Start:s.End]
	if i := strings.IndexByte(t, ';'); i > 0 {
		cell := strings.Trim(t[:i], " .")
		if cell != "" && strings.Trim(cell, "0123456789") == "" {
			s.Start += i + 1
		}
	}
	// "| 1 | Đơn đăng ký | 01 bản chính |": a trailing number-of-copies
	// cell counts the paper, it names none.
	for {
		t := d.Text[s.Start:s.End]
		i := strings.LastIndexByte(t, ';')
		if i <= 0 || !copiesCell(strings.TrimSpace(t[i+1:])) {
			break
		}
		s.End = s.Start + i
	}
	return trimItem(d, s)
}

// copiesCell reports whether a table cell only counts copies: "01", "02
// bản", "01 bản chính", "1 bộ".
func copiesCell(c string) bool {
	f := strings.Fields(lowerSameLen(strings.TrimRight(c, ".")))
	if len(f) == 0 || strings.Trim(f[0], "0123456789") != "" {
		return false
	}
	switch strings.Join(f[1:], " ") {
	case "", "bản", "bộ", "bản chính", "bản sao":
		return true
	}
	return false
}
