package check

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// requirementUnits returns the spans a requirement can be stated in: every
// dossier item, every sentence that carries a submission cue ("nộp",
// "kèm theo", "xuất trình" ...) and every list item naming a copy ("d) Bản
// sao …"), outside the lists of papers not to ask for ([Draft.Exempt]) and the dossiers
// agencies exchange ([Draft.Internal]). Within a unit, what follows a request ban ("không được
// yêu cầu ...") is left out (see banned).
func requirementUnits(p *Pass) []Span {
	if p.shared != nil && p.shared.unitsOK {
		return p.shared.units
	}
	units := findRequirementUnits(p)
	if p.shared != nil {
		p.shared.units, p.shared.unitsOK = units, true
	}
	return units
}

// findRequirementUnits computes what requirementUnits returns.
func findRequirementUnits(p *Pass) []Span {
	d, lx := p.Draft, p.Lexicon
	var units []Span
	for _, ds := range d.Dossiers {
		units = append(units, ds.Items...)
	}
	for _, s := range d.Sentences {
		if d.exempt(s) {
			continue
		}
		i, j := d.tokenRange(s)
		if k, _ := lx.cues.find(d.toks, i, j); k < 0 {
			continue
		}
		if k, _ := lx.inspections.find(d.toks, i, j); k >= 0 {
			continue
		}
		if k, _ := lx.reviews.find(d.toks, i, j); k >= 0 {
			continue
		}
		units = append(units, s)
	}
	// "d) Bản sao …": an item naming a copy hands it over, inside a
	// dossier of the amended text or one the checker did not find.
	for _, p := range d.Paragraphs {
		if p.Kind != ParaPoint && p.Kind != ParaClause && p.Kind != ParaBullet || d.exempt(p.Span) {
			continue
		}
		i, j := d.tokenRange(p.Body)
		if _, n := lx.subItems.matchAt(d.toks, i); n == 0 || i+n > j {
			continue
		}
		units = append(units, trimItem(d, p.Body))
	}
	return units
}

// exempt reports whether s overlaps a list of papers the draft says need
// not be submitted, or a dossier exchanged between agencies.
func (d *Draft) exempt(s Span) bool {
	for _, e := range d.Exempt {
		if s.Start < e.End && e.Start < s.End {
			return true
		}
	}
	for _, e := range d.Internal {
		if s.Start < e.End && e.Start < s.End {
			return true
		}
	}
	return false
}

// banned reports whether a request ban ("không được yêu cầu") precedes
// token k within its unit [i, k).
func banned(p *Pass, i, k int) bool {
	b, _ := p.Lexicon.bans.find(p.Draft.toks, i, k)
	return b >= 0
}

// dedup remembers reported positions so a phrase found both as a dossier
// item and in its sentence is reported once.
type dedup map[int]bool

func (s dedup) first(off int) bool {
	if s[off] {
		return false
	}
	s[off] = true
	return true
}

func runDigitisedPaper(p *Pass) {
	if p.Matcher == nil {
		p.Note(NewMessage("note_rt001_no_catalog"))
		return
	}
	d := p.Draft
	seen := dedup{}
	for _, u := range requirementUnits(p) {
		i, j := d.tokenRange(u)
		var ms []PaperMention
		skipEnd := -1 // end of the last paper not asked for
		found := p.Matcher.Mentions(d.Text[u.Start:u.End])
		sort.SliceStable(found, func(a, b int) bool { return found[a].Start < found[b].Start })
		for _, m := range found {
			if m.Start < 0 || m.End > u.Len() || m.Start >= m.End {
				continue
			}
			m.Start, m.End = m.Start+u.Start, m.End+u.Start
			k, _ := d.tokenRange(Span{m.Start, m.Start})
			ke, _ := d.tokenRange(Span{m.End, m.End})
			if banned(p, i, min(k, j)) || seen[m.Start] {
				continue
			}
			// A paper listed with one not asked for shares its fate
			// ("xác thực điện tử …, gồm: Phiếu lý lịch tư pháp, Giấy khai
			// sinh", "phải có CMND hoặc CCCD").
			if notAskedFor(d, p.Lexicon, i, j, min(k, j), min(ke, j)) || skipEnd >= 0 && skipEnd <= m.Start && listedWith(d.low[skipEnd:m.Start]) {
				skipEnd = m.End
				continue
			}
			ms = append(ms, m)
		}
		sort.Slice(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
		for _, g := range groupMentions(d, ms) {
			s := Span{g[0].Start, g[len(g)-1].End}
			for _, m := range g {
				seen.first(m.Start)
			}
			var names, dbs, bases []string
			var dbsVi, basesVi []string
			for _, m := range g {
				// "Giấy phép lái xe hoặc giấy phép lái xe quốc tế …": a
				// name repeated in another case is listed once.
				name := d.TextOf(Span{m.Start, m.End})
				if !containsFold(names, fmt.Sprintf("%q", name)) {
					names = append(names, fmt.Sprintf("%q", name))
				}
				if !slices.Contains(dbs, m.Database) {
					dbs = append(dbs, m.Database)
					dbsVi = append(dbsVi, cmp.Or(m.DatabaseVi, m.Database))
				}
				// Bases shared by several papers are cited once.
				vis := strings.Split(m.BasisVi, "; ")
				for i, b := range strings.Split(m.Basis, "; ") {
					if b = strings.TrimSpace(b); b != "" && !slices.Contains(bases, b) {
						bases = append(bases, b)
						vi := b
						if i < len(vis) && strings.TrimSpace(vis[i]) != "" {
							vi = strings.TrimSpace(vis[i])
						}
						basesVi = append(basesVi, vi)
					}
				}
			}
			what := make([]any, len(names))
			for i, n := range names {
				what[i] = n
			}
			db := Pair(strings.Join(dbs, " / "), strings.Join(dbsVi, " / "))
			fix := NewMessage("rt001_fix", db)
			if len(bases) > 0 {
				fix = NewMessage("rt001_fix_basis", db, Pair(strings.Join(bases, "; "), strings.Join(basesVi, "; ")))
			}
			p.Report(s, NewMessage("rt001", orList(what), db), fix)
		}
	}
}

// notAskedFor reports whether the paper at tokens [k, ke) of unit [i, j)
// (k may be len(d.toks) when the paper begins inside the last word) is
// named without being asked for: the agency verifies or looks the data
// up, the sentence asks for it only when the data cannot be had, the
// clause offers the data instead, the paper is replaced, issued
// abroad, a qualification to hold ("phải có bằng tốt nghiệp"), or what the
// procedure issues ("Đơn đề nghị đổi giấy phép lái xe").
func notAskedFor(d *Draft, lx *Lexicon, i, j, k, ke int) bool {
	toks := d.toks
	// Before the paper, back to the start of its sentence or item; a colon
	// does not end it ("xác thực điện tử thông tin về xe, gồm: …").
	from := k
	for from > i && k-from < 12 && !d.stopBefore(from) {
		from--
	}
	if x, _ := lx.dpLookUps.find(toks, from, k); x >= 0 {
		return true
	}
	// A fallback anywhere before it in its sentence ("Trường hợp thông tin
	// … chưa có trong Cơ sở dữ liệu …, người đăng ký nộp …").
	for from > i && !d.stopBefore(from) {
		from--
	}
	if x, _ := lx.dpFallbacks.find(toks, from, k); x >= 0 {
		return true
	}
	// After the paper, to the end of its clause.
	to := ke
	for to < j && (to == ke || !toks[to].hard) {
		to++
	}
	if x, _ := lx.dpAlternatives.find(toks, ke, to); x >= 0 {
		return true
	}
	if x, _ := lx.dpForeign.find(toks, ke, min(to, ke+16)); x >= 0 {
		return true
	}
	if _, n := lx.dpReplacedAfter.matchAt(toks, ke); n > 0 && ke < j && !toks[ke].hard {
		return true
	}
	if k > i && k < len(toks) && !toks[k].hard {
		if _, ok := lx.dpReplacedBefore.endsAt(toks, k-1); ok {
			return true
		}
		if n, ok := lx.dpHeld.endsAt(toks, k-1); ok && k-n >= i {
			return true
		}
		if n, ok := lx.dpIssued.endsAt(toks, k-1); ok && k-n >= i {
			return true
		}
	}
	return false
}

// listedWith reports whether gap, the text between two papers, makes them
// one list: commas, spaces, "và" or "hoặc".
func listedWith(gap string) bool {
	switch strings.Trim(gap, " ,") {
	case "", "và", "hoặc", "hay":
		return true
	}
	return false
}

// stopBefore reports whether a sentence or item stop (. ; ! ? or a line
// break, not a colon) separates token t from the one before; t may be
// len(d.toks), the end of the text, for a paper that begins inside the
// last word ("ảCCCD").
func (d *Draft) stopBefore(t int) bool {
	switch {
	case t == 0:
		return true
	case t >= len(d.toks):
		return strings.ContainsAny(d.Text[d.toks[len(d.toks)-1].end:], ".;!?\n")
	case !d.toks[t].hard:
		return false
	}
	return strings.ContainsAny(d.Text[d.toks[t-1].end:d.toks[t].start], ".;!?\n")
}

// groupMentions groups mentions that are alternatives of one requirement:
// "CCCD, CMND hoặc hộ chiếu" gives one group, "sơ yếu lý lịch, phiếu lý
// lịch tư pháp" (a list, no "hoặc") two. Mentions separated by sentence or
// item punctuation or by more than a few words stay apart.
func groupMentions(d *Draft, ms []PaperMention) [][]PaperMention {
	const (
		apart = iota
		comma
		or
	)
	link := make([]int, len(ms)) // link[i]: how ms[i] joins ms[i-1]
	for i := 1; i < len(ms); i++ {
		prev, m := ms[i-1], ms[i]
		if m.Start < prev.End || m.Start-prev.End > 24 {
			continue
		}
		gap := d.low[prev.End:m.Start]
		switch {
		case strings.ContainsAny(gap, ";.:\n"):
		case strings.Contains(gap, "hoặc") || strings.Contains(gap, "hay") || strings.Contains(gap, "/"):
			link[i] = or
		case strings.Trim(gap, " ,") == "":
			link[i] = comma
		}
	}
	var out [][]PaperMention
	for i := 0; i < len(ms); {
		j := i + 1
		hasOr := false
		for j < len(ms) && link[j] != apart {
			hasOr = hasOr || link[j] == or
			j++
		}
		if hasOr {
			out = append(out, ms[i:j])
		} else {
			for k := i; k < j; k++ {
				out = append(out, ms[k:k+1])
			}
		}
		i = j
	}
	return out
}

// containsFold reports whether list holds s in any letter case.
func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func runCatchAll(p *Pass) {
	d := p.Draft
	for _, s := range catchAllSpans(p) {
		p.Report(s, NewMessage("rt002", d.TextOf(s)), NewMessage("rt002_fix"))
	}
}

// catchAllSpans returns the open-ended requirements RT002 reports, once
// each; RT013 leaves them to it.
func catchAllSpans(p *Pass) []Span {
	if p.shared != nil && p.shared.caOK {
		return p.shared.catchAll
	}
	out := findCatchAlls(p)
	if p.shared != nil {
		p.shared.catchAll, p.shared.caOK = out, true
	}
	return out
}

// findCatchAlls computes what catchAllSpans returns.
func findCatchAlls(p *Pass) []Span {
	d, lx := p.Draft, p.Lexicon
	toks := d.toks
	seen := dedup{}
	var out []Span
	for _, u := range requirementUnits(p) {
		i, j := d.tokenRange(u)
		for k := i; k < j; k++ {
			end := -1
			if _, n := lx.caPhrases.matchAt(toks, k); n > 0 && k+n <= j {
				end = k + n
			} else if idx, n := lx.caNouns.matchAt(toks, k); n > 0 {
				// "hoàn thiện hồ sơ theo yêu cầu" completes the dossier as
				// asked; only papers "theo yêu cầu" are open-ended.
				dossier := strings.Join(lx.caNouns.phrases[idx], " ") == "hồ sơ"
				end = catchAllTail(lx, toks, k+n, j, !dossier)
			}
			if end < 0 || banned(p, i, k) || crossReference(lx, toks, end, j) {
				continue
			}
			s := Span{toks[k].start, toks[end-1].end}
			if s.End < len(d.Text) && d.Text[s.End] == ')' && strings.Contains(d.Text[s.Start:s.End], "(") {
				s.End++
			}
			if seen.first(s.Start) {
				out = append(out, s)
			}
			k = end - 1
		}
	}
	return out
}

// crossReference reports whether a catch-all ending before token end
// refers to other law: it ends in "theo quy định", or "theo quy định"
// follows it, and a reference comes next ("theo quy định của pháp luật về
// hải quan", "theo quy định tại Điều 5").
func crossReference(lx *Lexicon, toks []token, end, j int) bool {
	if end < 3 || !(toks[end-3].is("theo") && toks[end-2].is("quy") && toks[end-1].is("định")) {
		if end+3 > j || toks[end].hard || !toks[end].is("theo") || !toks[end+1].is("quy") || !toks[end+2].is("định") {
			return false
		}
		end += 3
	}
	if end >= j || toks[end].hard {
		return false
	}
	_, n := lx.caRefs.matchAt(toks, end)
	return n > 0
}

// catchAllTail looks, after a paper noun ending before token k, for "khác"
// within five words and a vague tail after it (or the end of the unit); with
// asked set, "theo yêu cầu" within five words is open-ended too.
// It returns the token index after the phrase, or -1.
func catchAllTail(lx *Lexicon, toks []token, k, j int, asked bool) int {
	for m := k; m < j && m < k+5; m++ {
		if toks[m].hard {
			return -1
		}
		if _, n := lx.caBlockers.matchAt(toks, m); n > 0 {
			return -1
		}
		if asked && toks[m].is("theo") && m+1 < j && toks[m+1].is("yêu") && m+2 < j && toks[m+2].is("cầu") && !toks[m+1].hard {
			return m + 3
		}
		if !toks[m].is("khác") {
			continue
		}
		next := m + 1
		if next >= j || toks[next].hard {
			return next
		}
		if _, n := lx.caTails.matchAt(toks, next); n > 0 {
			return next + n
		}
		return -1
	}
	return -1
}

func runCertifiedCopy(p *Pass) {
	d, lx := p.Draft, p.Lexicon
	toks := d.toks
	seen := dedup{}
	for _, u := range requirementUnits(p) {
		i, j := d.tokenRange(u)
		for k := i; k < j; k++ {
			end := -1
			if _, n := lx.ccPhrases.matchAt(toks, k); n > 0 {
				end = k + n
			} else if toks[k].is("bản") && k+1 < j && toks[k+1].is("sao") {
				for m := k + 2; m < j && m < k+14; m++ {
					if toks[m].hard {
						break
					}
					if _, n := lx.ccLate.matchAt(toks, m); n > 0 {
						end = m + n
						break
					}
				}
			}
			if end < 0 || banned(p, i, k) || hasAlternative(lx, toks, i, j, k) {
				continue
			}
			s := Span{toks[k].start, toks[end-1].end}
			if seen.first(s.Start) {
				p.Report(s, NewMessage("rt003", d.TextOf(s)), NewMessage("rt003_fix"))
			}
			// Every certified copy of the unit counts ("bản sao có chứng
			// thực A và bản sao có chứng thực B").
			k = end - 1
		}
	}
}

// hasAlternative reports whether the clause of token k (between item or
// sentence punctuation, within [i, j)) offers a plain copy, an electronic
// copy or a look-up besides the certified copy.
func hasAlternative(lx *Lexicon, toks []token, i, j, k int) bool {
	cs := k
	for cs > i && !toks[cs].hard {
		cs--
	}
	ce := k + 1
	for ce < j && !toks[ce].hard {
		ce++
	}
	a, _ := lx.ccAlternatives.find(toks, cs, ce)
	return a >= 0
}

func runNewProcedure(p *Pass) {
	d := p.Draft
	for _, pr := range d.Procedures {
		msg := NewMessage("rt004", snippet(pr.Name))
		if pr.Dossier >= 0 {
			n := len(d.Dossiers[pr.Dossier].Items)
			msg = msg.Then(countMessage("rt004_dossier", n, n))
		}
		if known := p.corpus.match(d, pr); known != nil {
			msg = msg.Then(NewMessage("rt004_amends", known.Code, known.Name))
		}
		p.Report(pr.Span, msg, Message{})
	}
}

func runNewCondition(p *Pass) {
	for _, c := range p.Draft.Conditions {
		p.Report(c.Span, NewMessage("rt005", snippet(p.Draft.TextOf(c.Span))), Message{})
	}
}

func runNewPaper(p *Pass) {
	d := p.Draft
	for _, ds := range d.Dossiers {
		for _, it := range ds.Items {
			p.Report(it, NewMessage("rt006", snippet(d.TextOf(it))), Message{})
		}
	}
}

// metricRequirementWords names the RT007 metric.
const metricRequirementWords = "requirement_words"

func runRequirementWords(p *Pass) {
	d := p.Draft
	limit := 0
	if p.Config != nil && p.Config.Thresholds.RequirementWordsPerArticle != nil {
		limit = *p.Config.Thresholds.RequirementWordsPerArticle
	}
	report := func(head Span, label string, body Span) {
		counts := countRequirementWords(d, p.Lexicon, body)
		total := 0
		for _, n := range counts {
			total += n
		}
		msg := countMessage("rt007_draft", total, total, describeCounts(counts))
		if label != "" {
			msg = countMessage("rt007_article", total, label, total, describeCounts(counts))
		}
		var fix Message
		sev := p.severity
		if limit > 0 && total > limit {
			msg = msg.Then(NewMessage("rt007_above", limit))
			fix = NewMessage("rt007_fix")
			if sev < SeverityWarning {
				sev = SeverityWarning
			}
		}
		f := p.Report(head, msg, fix)
		f.Severity = sev
		f.Metric = &Metric{Name: metricRequirementWords, Value: float64(total), Detail: counts}
	}
	if len(d.Articles) == 0 {
		if len(d.Text) > 0 {
			report(Span{0, min(len(d.Text), max(0, strings.IndexByte(d.Text, '\n')))}, "", Span{0, len(d.Text)})
		}
		return
	}
	for _, a := range d.Articles {
		report(a.Heading, a.Label, a.Body)
	}
}

// countRequirementWords counts the requirement words in span s by phrase.
func countRequirementWords(d *Draft, lx *Lexicon, s Span) map[string]int {
	counts := map[string]int{}
	toks := d.toks
	i, j := d.tokenRange(s)
	negEnd := -1 // token after the last negated word: "không phải chịu trách nhiệm" negates both
	for k := i; k < j; k++ {
		idx, n := lx.reqWords.matchAt(toks, k)
		if n == 0 || k+n > j {
			continue
		}
		if nonDeontic(lx, toks, k, n) {
			k += n - 1
			continue
		}
		if k > i && !toks[k].hard && (negated(lx, toks, k) || k == negEnd) {
			negEnd = k + n
			k += n - 1
			continue
		}
		counts[strings.Join(lx.reqWords.phrases[idx], " ")]++
		k += n - 1
	}
	return counts
}

// negated reports whether a negation ends just before token k.
func negated(lx *Lexicon, toks []token, k int) bool {
	_, ok := lx.negations.endsAt(toks, k-1)
	return ok
}

// nonDeontic reports whether tokens [k, k+n) sit inside a non-deontic phrase.
func nonDeontic(lx *Lexicon, toks []token, k, n int) bool {
	for s := max(0, k-3); s <= k; s++ {
		if _, m := lx.nonDeontic.matchAt(toks, s); m > 0 && s+m >= k+1 && (s == k || !toks[k].hard) {
			return true
		}
	}
	return false
}

func describeCounts(counts map[string]int) string {
	if len(counts) == 0 {
		return ""
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if counts[keys[a]] != counts[keys[b]] {
			return counts[keys[a]] > counts[keys[b]]
		}
		return keys[a] < keys[b]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%q×%d", k, counts[k])
	}
	return " (" + strings.Join(parts, ", ") + ")"
}
