package flags

// The alternatives grouping: analyze finds the requirements of a text, each
// a group of alternatives any one of which satisfies it ("CMND hoặc
// CCCD"), starting at the head of a clause, after a verb of submission or
// in a list, and expand reads how far each goes.

import (
	"slices"
	"strings"
)

// alt is one alternative of a requirement: a catalog name (mention >= 0)
// or a paper the catalog does not cover.
type alt struct {
	mention int // index in analysis.ments, or -1
	i, j    int // token range of the alternative's words
	why     string
}

func (a alt) covered() bool { return a.mention >= 0 && a.why == "" }

// group is one requirement: the alternatives any one of which satisfies it.
type group struct {
	kind    string // "head" (at the start of a clause) or "trigger" (after a verb of submission)
	depth   int16  // parenthesis depth of the requirement
	negated bool   // the trigger is negated ("không phải nộp")
	alts    []alt
	i, j    int // token range
}

// someCovered reports whether the catalog covers at least one alternative
// of g.
func (g *group) someCovered() bool {
	for _, a := range g.alts {
		if a.covered() || a.mention >= 0 && a.why == whyOneOf {
			return true
		}
	}
	return false
}

// excepts reports whether g asks for all papers of a kind except the
// catalog's ("giấy tờ tùy thân, trừ căn cước công dân").
func (g *group) excepts() bool {
	return len(g.alts) > 0 && g.alts[0].why == whyExcept
}

func (g *group) covered() bool {
	for _, a := range g.alts {
		if !a.covered() {
			return false
		}
	}
	return len(g.alts) > 0
}

// analysis is what the matcher found in one text.
type analysis struct {
	m      *Matcher
	text   string
	toks   []token
	ments  []mention
	groups []group
	intro  int // first token of "một trong các giấy tờ sau" and the like, or -1
	// excluded is the first excluded name found ("giấy phép lái xe quân
	// sự"), when hasExcluded.
	excluded    mention
	hasExcluded bool
}

// analyze tokenizes text and finds the requirements in it. The analysis
// lives in sc and is valid until sc analyses another text.
func (m *Matcher) analyze(text string, sc *scratch) *analysis {
	sc.toks = tokenizeInto(sc.toks, text)
	sc.toks = m.splitRunOn(sc.toks, text)
	sc.a = analysis{m: m, text: text, toks: sc.toks, intro: -1, ments: sc.a.ments[:0], groups: sc.a.groups[:0]}
	a := &sc.a
	toks := a.toks
	sc.ments = m.findMentionsInto(sc.ments[:0], toks)
	var excluded []mention
	for _, mm := range sc.ments {
		if mm.entry >= 0 && otherCraft(toks, mm) {
			mm.entry = -1 // "giấy phép lái tàu bay": a licence to fly, not to drive
		}
		if mm.entry < 0 {
			excluded = append(excluded, mm)
		} else {
			a.ments = append(a.ments, mm)
		}
	}
	if len(excluded) > 0 {
		a.excluded = excluded[0]
		a.hasExcluded = true
	}
	if len(a.ments) == 0 {
		return a
	}
	if cap(sc.mentAt) < len(toks) {
		sc.mentAt = make([]int, len(toks))
	}
	mentAt := sc.mentAt[:len(toks)]
	for i := range mentAt {
		mentAt[i] = -1
	}
	for k, mm := range a.ments {
		mentAt[mm.i] = k
	}
	for _, mm := range excluded {
		mentAt[mm.i] = -2 - (mm.j - mm.i) // an excluded name of mm.j-mm.i words
	}
	if cap(sc.grouped) < len(a.ments) {
		sc.grouped = make([]bool, len(a.ments))
	}
	a.intro = intros.find(toks, 0, len(toks))
	grouped := sc.grouped[:len(a.ments)]
	clear(grouped)
	segStart := 0 // first token of the current comma or "và" segment
	for p := 0; p < len(toks); p++ {
		t := toks[p]
		kind := ""
		anchor := p
		negated := false
		if t.brk&(brkClause|brkOpen|brkClose) != 0 {
			kind = "head"
			segStart = p
		} else if (t.brk&brkComma != 0 || t.fold == "va") && t.depth == 0 && t.fold != "hoac" && !(t.fold == "va" && p+1 < len(toks) && toks[p+1].fold == "hoac") {
			// A comma or "và" between papers: "Danh sách nhân sự, bản
			// thông tin cá nhân, Phiếu lý lịch tư pháp".
			if t.fold == "va" {
				anchor = p + 1
			}
			if listOfPapers(toks, segStart, mentAt) {
				kind = "list"
			}
			segStart = anchor
		}
		if n := triggers.match(toks, p); n > 0 && mentAt[p] < 0 {
			kind, anchor = "trigger", p+n
			for q := p - 1; q >= 0 && q >= p-3; q-- {
				if negations.match(toks, q) > 0 {
					negated = true
				}
				if toks[q].brk&brkClause != 0 {
					break
				}
			}
		}
		if kind == "" || anchor >= len(toks) {
			continue
		}
		k := skipCopy(toks, anchor, kind == "head", mentAt)
		if kind == "list" && k == anchor && !(t.fold == "va" && mentAt[k] >= 0) && mentAt[k] < 0 {
			continue
		}
		if k < len(toks) && mentAt[k] == -1 && isPaperNoun(toks, k) &&
			forms.match(toks, k) == 0 && ownDocs.match(toks, k) == 0 {
			// "Bản sao Quyết định thành lập hoặc Giấy chứng nhận đăng ký
			// doanh nghiệp": a paper the catalog does not cover, then a
			// catalog paper as another choice.
			if mi, q := a.orMention(k, mentAt, grouped); mi >= 0 {
				g := a.expand(mentAt, grouped, mi)
				g.alts = slices.Insert(g.alts, 0, alt{mention: -1, i: k, j: q, why: whyNotInCatalog})
				g.kind, g.negated, g.depth = kind, negated, toks[k].depth
				g.i = p
				a.groups = append(a.groups, g)
				continue
			}
		}
		if k >= len(toks) || mentAt[k] < 0 || grouped[mentAt[k]] {
			continue
		}
		if strings.HasPrefix(a.ments[mentAt[k]].words, "dang ky ") && !copied(toks, anchor, k) {
			// "đăng ký kinh doanh" is also the act of registering: it names
			// the paper only after copy wording ("bản sao đăng ký kinh doanh").
			continue
		}
		g := a.expand(mentAt, grouped, mentAt[k])
		g.kind, g.negated, g.depth = kind, negated, toks[k].depth
		g.i = p
		a.groups = append(a.groups, g)
	}
	return a
}

// orMention finds, after a paper the catalog does not cover at toks[k], a
// catalog name given as another choice in the same clause ("Giấy thông
// hành biên giới hoặc thẻ căn cước công dân"): it returns the mention after
// the first "hoặc" (or "hay") that introduces one, and the position of that
// "hoặc", or -1 when a clause break, a "và", a word of a condition, or a
// catalog name not introduced by "hoặc" comes first.
func (a *analysis) orMention(k int, mentAt []int, grouped []bool) (int, int) {
	toks := a.toks
	depth := toks[k].depth
	for q := k + 1; q < len(toks); q++ {
		t := toks[q]
		if t.depth > depth {
			continue
		}
		if t.depth < depth || t.brk&brkClause != 0 || t.fold == "va" || mentAt[q] != -1 || caseAt(toks, q) {
			// A case ("... đối với trường hợp sử dụng chứng chỉ hoặc văn
			// bằng ...") holds the names after it; "đối với tổ chức" only
			// says whose paper it is.
			return -1, -1
		}
		if t.fold != "hoac" && t.fold != "hay" {
			continue
		}
		e := skipCopy(toks, q+1, false, mentAt)
		if e < len(toks) && toks[e].depth == depth && mentAt[e] >= 0 && !grouped[mentAt[e]] {
			return mentAt[e], q
		}
	}
	return -1, -1
}

// caseAt reports whether a case starts at toks[q]: "trường hợp", "nếu",
// "khi", or "đối với" followed by "trường hợp".
func caseAt(toks []token, q int) bool {
	n := conditions.match(toks, q)
	if n == 0 {
		return false
	}
	if toks[q].fold == "doi" || toks[q].fold == "rieng" {
		return q+n+1 < len(toks) && toks[q+n].fold == "truong" && toks[q+n+1].fold == "hop"
	}
	return true
}

// otherCraft reports whether a licence name ending in "lái" or "lái tàu"
// ("bằng lái", "giấy phép lái tàu") goes on with a craft that is not a road
// vehicle or a train ("bằng lái tàu bay", "giấy phép lái tàu biển", "bằng
// lái phương tiện thủy nội địa"): a licence to fly or steer, which shares
// words with the driving licence and is another paper.
func otherCraft(toks []token, mm mention) bool {
	if mm.j >= len(toks) || toks[mm.j].brk&(brkClause|brkComma|brkOpen) != 0 {
		return false
	}
	switch {
	case strings.HasSuffix(mm.words, " lai") || mm.words == "lai":
		return crafts.match(toks, mm.j) > 0
	case strings.HasSuffix(mm.words, " lai tau"):
		return waterOrAir.match(toks, mm.j) > 0
	}
	return false
}

// copied reports whether copy wording, not only an enumerator, comes
// between toks[i] and toks[k].
func copied(toks []token, i, k int) bool {
	for ; i < k; i++ {
		if !isEnumerator(toks[i].fold) {
			return true
		}
	}
	return false
}

// listOfPapers reports whether the segment starting at toks[i] names a
// paper, so that a comma after it separates papers.
func listOfPapers(toks []token, i int, mentAt []int) bool {
	if n := triggers.match(toks, i); n > 0 {
		i += n // "kèm theo bản thông tin cá nhân, lý lịch tư pháp"
	}
	k := skipCopy(toks, i, true, mentAt)
	if k >= len(toks) {
		return false
	}
	return mentAt[k] != -1 || isPaperNoun(toks, k) || forms.match(toks, k) > 0 || ownDocs.match(toks, k) > 0
}

// isPaperNoun reports whether a paper's name starts at toks[k]; "số" (a
// number) is not "sổ" (a book).
func isPaperNoun(toks []token, k int) bool {
	return paperNouns.match(toks, k) > 0 && !toks[k].isNumber()
}

// skipCopy skips copy wording from toks[k] and, at the head of a clause,
// enumerators ("a)", "1.", "-"), returning the first other token or the
// first token where a catalog name starts.
func skipCopy(toks []token, k int, head bool, mentAt []int) int {
	start := k
	for k < len(toks) {
		if k > start && toks[k].brk&brkClause != 0 {
			return k
		}
		if mentAt != nil && mentAt[k] != -1 {
			return k
		}
		if n := copyWording.match(toks, k); n > 0 {
			k += n
			continue
		}
		if head && k == start && isEnumerator(toks[k].fold) {
			k++
			continue
		}
		return k
	}
	return k
}

func isEnumerator(f string) bool {
	if len(f) == 1 {
		return true
	}
	for _, r := range f {
		if r < '0' || r > '9' {
			return roman[f]
		}
	}
	return true
}

var roman = map[string]bool{"i": true, "ii": true, "iii": true, "iv": true, "v": true, "vi": true, "vii": true, "viii": true, "ix": true, "x": true}

// expand builds the requirement that starts with mention first: the
// alternatives joined by "hoặc", commas or slashes up to the end of the
// clause, a "và" or a comma that starts another paper.
func (a *analysis) expand(mentAt []int, grouped []bool, first int) group {
	toks := a.toks
	g := group{}
	depth := toks[a.ments[first].i].depth
	flat := depth                           // parentheses up to this depth read as the same level: "(hoặc ...)"
	cur := a.addMention(&g, grouped, first) // index of the current alternative, or -1
	described := -1                         // the alternative a qualifier after a comma describes
	why := func(reason string) {
		if cur >= 0 && g.alts[cur].why == "" {
			g.alts[cur].why = reason
		}
	}
	trailing := func() bool { // whether the current alternative has words after its name
		return cur >= 0 && g.alts[cur].mention >= 0 && g.alts[cur].j > a.ments[g.alts[cur].mention].j
	}
	// After "một trong các giấy tờ sau" every listed paper is a choice.
	altList := a.intro >= 0 && a.ments[first].i > a.intro
	pos := a.ments[first].j
	for pos < len(toks) {
		t := toks[pos]
		if t.depth <= depth {
			flat = depth
		}
		if t.brk&brkClause != 0 && t.depth <= flat {
			break
		}
		if t.depth > flat {
			if t.brk&brkOpen != 0 && t.fold == "hoac" && t.depth == flat+1 {
				flat = t.depth
			} else {
				// A parenthesis qualifies the current alternative.
				if foreign.match(toks, pos) > 0 {
					why(whyForeign)
				}
				pos++
				continue
			}
		}
		if t.fold == "va" {
			break // "và" joins another paper, asked for besides this one
		}
		isOr := t.fold == "hoac" || t.fold == "hay"
		sep := isOr || t.brk&(brkComma|brkSlash) != 0
		if !sep {
			if foreign.match(toks, pos) > 0 {
				why(whyForeign)
			}
			if cur >= 0 {
				g.alts[cur].j = pos + 1
			} else if described >= 0 {
				// "do cơ quan y tế cấp quận, huyện trở lên cấp": the words
				// after a comma still describe the alternative.
				g.alts[described].j = pos + 1
			}
			pos++
			continue
		}
		seg := pos
		if isOr {
			seg = pos + 1
		}
		if seg < len(toks) && (toks[seg].fold == "hoac" || toks[seg].fold == "hay") {
			isOr = true
			seg++
		}
		k := skipCopy(toks, seg, false, mentAt)
		if n := uses.match(toks, k); isOr && n > 0 && k+n < len(toks) && mentAt[k+n] >= 0 {
			k += n // "hoặc sử dụng căn cước điện tử": the e-ID is the choice
		}
		if k >= len(toks) || (k > pos && toks[k].brk&brkClause != 0 && toks[k].depth <= flat) {
			pos = k
			break
		}
		if toks[k].depth > flat {
			pos = k
			continue
		}
		noun := isPaperNoun(toks, k)
		companion := cur >= 0 && g.alts[cur].mention >= 0 && a.m.companions[a.ments[g.alts[cur].mention].entry].match(toks, k) > 0
		if !isOr && t.brk&brkComma != 0 && (mentAt[k] >= 0 || noun) && !companion && !a.sameEntry(g, cur, mentAt[k]) &&
			!altList && !a.orAhead(pos, flat, mentAt) {
			// "Giấy khai sinh, Sổ hộ khẩu": a comma list is a list of
			// papers each asked for, unless "hoặc" ends it ("Căn cước
			// công dân, Chứng minh nhân dân hoặc Hộ chiếu") or it follows
			// "một trong các giấy tờ sau".
			break
		}
		if mi := mentAt[k]; mi >= 0 && !grouped[mi] {
			cur = a.addMention(&g, grouped, mi)
			pos = a.ments[mi].j
			continue
		}
		if n := mentAt[k]; n <= -2 {
			// An excluded name ("hộ chiếu của người nước ngoài") is another paper.
			g.alts = append(g.alts, alt{mention: -1, i: k, j: k - 2 - n, why: whyExcluded})
			cur = len(g.alts) - 1
			pos = k - 2 - n
			continue
		}
		if toks[k].fold == "tru" && len(g.alts) > 0 && g.alts[0].why == "" {
			// "giấy tờ tùy thân, trừ căn cước công dân": all but the
			// catalog's papers; "trừ trường hợp ..." only qualifies.
			if e := skipCopy(toks, k+1, false, mentAt); e < len(toks) && mentAt[e] >= 0 {
				g.alts[0].why = whyExcept
			}
		}
		if !isOr && noun && trailing() && !companion {
			break // a comma after a described paper starts another paper
		}
		names := noun
		if isOr && !noun {
			// "CMND hoặc thẻ ..." names another choice; inside a
			// qualifier or a description ("chuyên ngành giá hoặc thẩm
			// định giá") "hoặc" joins words, not papers.
			names = cur >= 0 && !trailing() && !qualifiers[toks[k].fold]
		}
		if !names {
			if cur >= 0 {
				described = cur
			}
			cur = -1 // a qualifier: the words that follow are not an alternative
			pos = k + 1
			continue
		}
		g.alts = append(g.alts, alt{mention: -1, i: k, j: k + 1, why: whyNotInCatalog})
		cur = len(g.alts) - 1
		pos = k + 1
	}
	g.j = pos
	return g
}

// sameEntry reports whether mention mi names the same catalog entry as the
// current alternative cur of g ("CCCD, CMND": one paper under two names).
func (a *analysis) sameEntry(g group, cur, mi int) bool {
	if mi < 0 || cur < 0 || g.alts[cur].mention < 0 {
		return false
	}
	return a.ments[mi].entry == a.ments[g.alts[cur].mention].entry
}

// orAhead reports whether "hoặc" (or "hay") followed by a paper's name
// comes after toks[pos] in the same clause, at parenthesis depth flat or
// less, before a "và": the comma at pos then separates choices.
func (a *analysis) orAhead(pos int, flat int16, mentAt []int) bool {
	toks := a.toks
	for q := pos; q < len(toks); q++ {
		t := toks[q]
		if t.depth > flat {
			continue
		}
		if q > pos && t.brk&brkClause != 0 || t.fold == "va" {
			return false
		}
		if t.fold != "hoac" && t.fold != "hay" {
			continue
		}
		k := skipCopy(toks, q+1, false, mentAt)
		if k < len(toks) && (mentAt[k] >= 0 || isPaperNoun(toks, k)) {
			return true
		}
	}
	return false
}

// Reasons an alternative is not covered.
const (
	whyForeign      = "issued abroad or held by a foreigner"
	whyTravellers   = "held by crew or passengers, of any nationality"
	whyLapsed       = "the catalog entry has no legal basis in force on that day"
	whyNotInCatalog = "not in the catalog"
	whyProduced     = "the procedure issues or handles this paper itself"
	whyExcept       = "all papers of the kind except those the catalog covers"
	whyExcluded     = "another paper than the catalog's (an excluded name)"
	whyOneOf        = "one choice in a list whose other choices the catalog does not cover"
)

// addMention appends mention mi as an alternative of g and returns its index.
func (a *analysis) addMention(g *group, grouped []bool, mi int) int {
	grouped[mi] = true
	mm := a.ments[mi]
	al := alt{mention: mi, i: mm.i, j: mm.j}
	if n := other.match(a.toks, mm.j); n > 0 && a.toks[mm.j].brk&brkClause == 0 {
		al.why = "other papers than the catalog's (" + joinFold(a.toks, mm.j, mm.j+n) + ")"
		al.j = mm.j + n
	}
	g.alts = append(g.alts, al)
	return len(g.alts) - 1
}

// altText returns the words of an alternative as written.
func (a *analysis) altText(al alt) string {
	if al.i >= al.j || al.j > len(a.toks) {
		return ""
	}
	return span(a.text, a.toks, al.i, al.j)
}
