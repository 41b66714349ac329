package flags

// The judging rules: what the procedure and the wording around a catalog
// name say about it. Papers the procedure issues itself (issueScan), papers
// of foreigners, people abroad or travellers (judge, aboutAbroad,
// foreignHeading, ofWhom, travellersAfter), data the agency looks up
// (lookupAt, numberOnly), and names mentioned but not asked for
// (statement, notAsked, thenAfter). result.go assembles their verdicts.

import (
	"slices"
	"strings"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// procContext is what the procedure tells about its papers.
type procContext struct {
	produced  map[int]bool // entries the procedure itself issues
	foreigner bool         // the procedure is for foreigners
	// abroad is true when the paper's case heading is about people
	// abroad or foreigners.
	abroad bool
}

// aboutAbroad reports whether a paper's case heading is about foreigners or
// people abroad, and not also about Vietnamese citizens ("Đối với người
// Việt Nam, người nước ngoài có thẻ thường trú ...").
func aboutAbroad(s string) bool {
	if s == "" {
		return false
	}
	t := tokenize(s)
	if foreignCountries.find(t, 0, len(t)) >= 0 && vietnam.find(t, 0, len(t)) < 0 {
		return true // "Đối với doanh nghiệp Trung Quốc:"
	}
	return foreignPersons.find(t, 0, len(t)) >= 0 && citizens.find(t, 0, len(t)) < 0
}

// issueScan answers [issuedBy] for every position of a procedure's name
// in one forward pass, so that a name mentioning a catalog paper at every
// word costs linear time, not a walk back over every earlier word per
// mention (a name repeating "khai sinh " to 400 KB took 11 s).
type issueScan struct {
	name []token
	// after[k] is the answer of the walk back that starts at name[k]
	// without the database rule: true when an issuing verb comes first,
	// false when a word of a case or a clause break does, or the name
	// begins.
	after []bool
	// steps counts the phrase matches made, for the test of linear growth.
	steps int
}

// newIssueScan precomputes the walk back over name, reusing buf.
func newIssueScan(name []token, buf []bool) issueScan {
	s := issueScan{name: name, after: buf[:0]}
	prev := false
	for k := range name {
		v := prev
		switch {
		case nameCases.match(name, k) > 0:
			v = false
		case issuing.match(name, k) > 0:
			v = true
		case name[k].brk&brkClause != 0:
			v = false
		}
		s.steps += 2
		s.after = append(s.after, v)
		prev = v
	}
	return s
}

// issuedBy reports whether the catalog name at name[i] is what the
// procedure's name says it issues, changes or works on: it follows a verb
// of issuing in the same clause ("Cấp đổi giấy phép lái xe", "Cấp, cấp lại
// Giấy chứng nhận đăng ký hộ kinh doanh", "Điều chỉnh thông tin trên sổ
// BHXH", "Cấp tài khoản định danh điện tử, căn cước điện tử") with no word
// of a case between ("Cấp lại tem AB trong trường hợp hộ chiếu bị mất"), or
// it names the database worked on within six words before ("... vào Cơ sở
// dữ liệu về căn cước"). It looks at most six words back itself and takes
// the rest of the walk from the precomputed pass.
func (s *issueScan) issuedBy(i int) bool {
	name := s.name
	for k := i - 1; k >= 0; k-- {
		if k < i-6 {
			return s.after[k]
		}
		s.steps += 3
		if databases.match(name, k) > 0 {
			return true
		}
		if nameCases.match(name, k) > 0 {
			return false
		}
		if issuing.match(name, k) > 0 {
			return true
		}
		if name[k].brk&brkClause != 0 {
			return false
		}
	}
	return false
}

// lookupAt returns the first word of wording that says the agency looks
// the data up, or asks for the paper only when the look-up fails, or -1.
// "khai thác" and "tra cứu" count only in a sentence about data ("khai
// thác thông tin", "tra cứu trên Cơ sở dữ liệu"), not about mining or
// fishing ("khai thác khoáng sản").
func lookupAt(toks []token) int {
	for i := range toks {
		n := lookups.match(toks, i)
		if n == 0 {
			continue
		}
		f := toks[i].fold
		if (f == "khai" || f == "tra") && n == 2 && !sentenceFind(toks, i, dataWords) {
			continue
		}
		return i
	}
	return -1
}

// lookedUpPassive reports whether the look-up at toks[l] is the agency's:
// wording of its own ("không phải nộp", "chưa được tích hợp"), or "khai
// thác" / "tra cứu" said of the data ("được khai thác trong", "khai thác
// được thông tin"), not what an applicant asks for ("thông tin cần khai
// thác").
func lookedUpPassive(toks []token, l int) bool {
	if f := toks[l].fold; f != "khai" && f != "tra" {
		return true
	}
	return l > 0 && toks[l-1].fold == "duoc" || l+2 < len(toks) && toks[l+2].fold == "duoc"
}

// sentenceFind reports whether the sentence holding toks[i] contains a
// phrase of s.
func sentenceFind(toks []token, i int, s *phraseSet) bool {
	from := i
	for from > 0 && toks[from].brk&brkStop == 0 {
		from--
	}
	to := i + 1
	for to < len(toks) && toks[to].brk&brkStop == 0 {
		to++
	}
	return s.find(toks, from, to) >= 0
}

// numberOnly reports whether every catalog name of the text follows "số"
// or "mã số" (a number: "số thẻ căn cước", "số định danh cá nhân") and one
// of them is the ID card's, so that it asks for the number the agency
// looks the person up by, not the paper.
func (a *analysis) numberOnly() bool {
	if len(a.ments) == 0 {
		return false
	}
	idCard, ok := a.m.entryIndex["id-card"]
	if !ok || !slices.ContainsFunc(a.ments, func(mm mention) bool { return mm.entry == idCard }) {
		// The personal ID number is the key agencies look a person up by
		// (Law on Identification Art. 20.3); a passport number alone
		// ("số hộ chiếu" of foreign journalists) is not.
		return false
	}
	prev := -1 // the end of the last number's name
	for _, mm := range a.ments {
		if strings.HasPrefix(mm.words, "so ") {
			return false // "sổ": a book, not a number
		}
		k := mm.i - 1
		if prev >= 0 && (a.toks[mm.i].brk&brkSlash != 0 || k == prev && a.toks[k].fold == "hoac") {
			prev = mm.j // "số thẻ Căn cước/thẻ Căn cước công dân": the same number
			continue
		}
		for k >= 0 && a.toks[k+1].brk&(brkClause|brkComma|brkSlash) == 0 && (a.toks[k].fold == "the" || a.toks[k].fold == "ma") {
			k-- // "số thẻ", "mã số"
		}
		if k < 0 || a.toks[k].fold != "so" || a.toks[k+1].brk&(brkClause|brkComma|brkSlash) != 0 {
			return false
		}
		if w := strings.ToLower(a.text[a.toks[k].start:a.toks[k].end]); w != "số" && w != "so" {
			return false // "hồ sơ đăng ký doanh nghiệp": a dossier, not a number
		}
		prev = mm.j
	}
	return true
}

// judge marks the alternatives the context rules out: papers the procedure
// issues itself, papers of citizens in a procedure for foreigners, and the
// groups that are one choice in a list of papers ("một trong các giấy tờ
// sau: ...") with other choices the catalog does not cover.
func (m *Matcher) judge(a *analysis, ctx procContext) {
	for gi := range a.groups {
		g := &a.groups[gi]
		for ai := range g.alts {
			al := &g.alts[ai]
			if al.mention < 0 || al.why != "" {
				continue
			}
			e := a.ments[al.mention].entry
			switch {
			case e >= m.inForce:
				al.why = whyLapsed
			case ctx.produced[e]:
				al.why = whyProduced
			case ctx.foreigner && m.entries[e].CitizensOnly:
				al.why = whyForeign
			}
		}
	}
	if ex := exceptions.find(a.toks, 0, len(a.toks)); ex >= 0 {
		for gi := range a.groups {
			if g := &a.groups[gi]; g.i > ex {
				g.negated = true
			}
		}
	}
	// A requirement under a heading or condition for foreigners ("Đối với
	// nhân sự không có quốc tịch Việt Nam: Phiếu lý lịch tư pháp ...",
	// "Trường hợp ... là người có quốc tịch nước ngoài ... thì nộp kèm theo
	// bản sao hộ chiếu"), or qualified for them later in its clause, is
	// issued abroad.
	for gi := range a.groups {
		g := &a.groups[gi]
		from := g.i
		if from > 0 && g.kind == "head" {
			from--
		}
		for from > 0 && a.toks[from].brk&brkClause == 0 {
			from--
		}
		to := g.j
		for to < len(a.toks) && !(a.toks[to].brk&brkClause != 0 && a.toks[to].depth <= g.depth) {
			to++
		}
		condClause := conditions.match(a.toks, skipCopy(a.toks, from, true, nil)) > 0
		if g.kind == "trigger" && condClause && g.alts[0].mention >= 0 && a.thenAfter(a.ments[g.alts[0].mention].j, to) {
			// "Trường hợp người dự thi nộp bằng thạc sỹ thì ...": the paper is
			// part of the condition, not asked for.
			g.negated = true
		}
		cond := condClause && foreignPersons.find(a.toks, from, g.i) >= 0
		if condClause && travellers.find(a.toks, from, g.i) >= 0 || a.ofWhom(g.i, min(g.j+1, to), travellers) {
			// "Đối với thuyền viên: Hộ chiếu hoặc giấy tờ có giá trị đi
			// lại quốc tế", "Đối với hành khách (nếu có): Hộ chiếu ...":
			// papers of crew or passengers, of any nationality.
			for ai := range g.alts {
				if g.alts[ai].why == "" {
					g.alts[ai].why = whyTravellers
				}
			}
		}
		if cond || ctx.abroad || foreignPersons.find(a.toks, g.j, to) >= 0 || a.ofWhom(g.i, min(g.j+1, to), foreignOwners) || a.foreignHeading(g.i) {
			for ai := range g.alts {
				if g.alts[ai].why == "" {
					g.alts[ai].why = whyForeign
				}
			}
		}
	}
	// A passport of a vessel's crew or passengers ("Hộ chiếu thuyền viên,
	// hộ chiếu của hành khách") is of any nationality.
	for gi := range a.groups {
		g := &a.groups[gi]
		for ai := range g.alts {
			al := &g.alts[ai]
			if al.mention < 0 || al.why != "" || !m.entries[a.ments[al.mention].entry].CitizensOnly {
				continue
			}
			if a.travellersAfter(a.ments[al.mention].j) {
				al.why = whyTravellers
			}
		}
	}
	intro := intros.find(a.toks, 0, len(a.toks))
	if intro < 0 {
		return
	}
	if a.ofWhom(intro, len(a.toks), travellers) {
		// "Một trong các loại giấy tờ sau: Hộ chiếu ...; Thẻ quân nhân ...
		// của các thành viên trên tàu": the list is of the people on board.
		for gi := range a.groups {
			if g := &a.groups[gi]; g.i > intro {
				for ai := range g.alts {
					if g.alts[ai].why == "" {
						g.alts[ai].why = whyTravellers
					}
				}
			}
		}
	}
	// Every clause after the intro is one choice; unless each begins a
	// covered requirement, none of them is flagged.
	starts := map[int]bool{}
	for gi := range a.groups {
		if g := &a.groups[gi]; g.i > intro && g.covered() {
			starts[g.i] = true
		}
	}
	all := true
	for p := intro + 1; p < len(a.toks); p++ {
		if a.toks[p].brk&brkClause != 0 && a.toks[p].depth == 0 && !starts[p] {
			all = false
		}
	}
	if all {
		return
	}
	for gi := range a.groups {
		g := &a.groups[gi]
		if g.i <= intro {
			continue
		}
		for ai := range g.alts {
			if g.alts[ai].why == "" {
				g.alts[ai].why = whyOneOf
			}
		}
	}
}

// foreignHeading reports whether the paper opens with a heading (its first
// clause, ending with a colon: "Hồ sơ của thành viên sáng lập là tổ chức
// tín dụng nước ngoài:", "Đối với người định cư ở nước ngoài, hồ sơ gồm:")
// about foreigners, people abroad or a foreign organisation, and toks[i]
// comes after it.
func (a *analysis) foreignHeading(i int) bool {
	for k := skipCopy(a.toks, 0, true, nil) + 1; k <= i && k < len(a.toks); k++ {
		t := a.toks[k]
		if t.brk&brkColon != 0 && t.depth == 0 {
			return foreignPersons.find(a.toks, 0, k) >= 0 || foreignOwners.find(a.toks, 0, k) >= 0 || a.foreignOwnerIn(0, k)
		}
		if t.brk&brkClause != 0 && t.depth == 0 && t.brk&brkStop != 0 {
			return false
		}
	}
	return false
}

// foreignOwnerIn reports whether toks[i:j] names a foreign organisation
// with words between the kind and "nước ngoài" ("doanh nghiệp tái bảo hiểm
// nước ngoài"), not one with foreign capital ("doanh nghiệp có vốn đầu tư
// nước ngoài", registered in Viet Nam).
func (a *analysis) foreignOwnerIn(i, j int) bool {
	for k := i; k+1 < j; k++ {
		if a.toks[k].fold != "nuoc" || a.toks[k+1].fold != "ngoai" {
			continue
		}
		for b := k - 1; b >= i && b >= k-5; b-- {
			if a.toks[b+1].brk&(brkClause|brkComma) != 0 || a.toks[b].fold == "von" {
				break
			}
			if ownerKinds.match(a.toks, b) > 0 {
				return true
			}
		}
	}
	return false
}

// ofWhom reports whether "của" (or "của các") followed by a phrase of s
// comes in toks[i:j]: "hộ chiếu hoặc giấy tờ có giá trị đi lại quốc tế của
// thuyền viên và hành khách", "hộ chiếu ... của nhà đầu tư nước ngoài".
func (a *analysis) ofWhom(i, j int, s *phraseSet) bool {
	for k := i; k < j && k+1 < len(a.toks); k++ {
		if a.toks[k].fold != "cua" {
			continue
		}
		n := k + 1
		if a.toks[n].fold == "cac" && n+1 < len(a.toks) {
			n++
		}
		if s.match(a.toks, n) > 0 {
			return true
		}
	}
	return false
}

// travellersAfter reports whether the words right after a name say it is
// of crew or passengers ("Hộ chiếu thuyền viên", "hộ chiếu của hành
// khách").
func (a *analysis) travellersAfter(k int) bool {
	if k < len(a.toks) && a.toks[k].fold == "cua" && a.toks[k].brk == 0 {
		k++
		if k < len(a.toks) && a.toks[k].fold == "cac" {
			k++
		}
	}
	return k < len(a.toks) && a.toks[k].brk&(brkClause|brkComma) == 0 && travellers.match(a.toks, k) > 0
}

func startsMention(a *analysis, k int) bool {
	for _, mm := range a.ments {
		if mm.i == k {
			return true
		}
	}
	return false
}

// statement reports whether a requirement found at the start of a later
// sentence of a paper is rather a statement about a paper ("Giấy chứng nhận
// sức khoẻ có giá trị 6 tháng tính đến ngày nộp hồ sơ").
func (a *analysis) statement(g *group) bool {
	if g.kind != "head" || len(g.alts) == 0 || g.alts[0].mention < 0 {
		return false
	}
	first := a.ments[g.alts[0].mention]
	if first.i == 0 || a.toks[first.i].brk&brkStop == 0 {
		return false
	}
	return a.predicateAfter(first.j, g.depth)
}

// notAsked reports whether a requirement found at the head of a clause of
// free text is rather a statement about the paper ("Chứng minh nhân dân
// hết thời hạn sử dụng", "CMND có giá trị sử dụng 15 năm"), a heading
// ("Điều 3. Chứng minh nhân dân", "# Hộ chiếu") or a form's field ("Hộ
// chiếu phổ thông cấp lần gần nhất: Số ……").
func (a *analysis) notAsked(g *group) bool {
	if g.kind != "head" || len(g.alts) == 0 || g.alts[0].mention < 0 {
		return false
	}
	first := a.ments[g.alts[0].mention]
	if first.j-first.i > 1 && a.text[a.toks[first.i].end:a.toks[first.i+1].start] == "-" {
		return true // a slug: "giay-phep-lai-xe"
	}
	for _, al := range g.alts {
		if al.mention >= 0 && a.predicateAfter(a.ments[al.mention].j, g.depth) {
			return true
		}
	}
	// A heading: a line "Điều 3. Chứng minh nhân dân", "# Hộ chiếu", or a
	// clause that ends with a colon ("Văn bằng cấp cho người học:").
	from := int(a.toks[first.i].start)
	line := strings.LastIndexByte(a.text[:from], '\n') + 1
	before := a.text[line:from]
	if strings.ContainsAny(before, "#[") || strings.Contains(before, "title") || strings.HasPrefix(vntext.Fold(strings.TrimLeft(before, " >*-")), "dieu ") {
		return true
	}
	for k := first.j; k < len(a.toks); k++ {
		if a.toks[k].brk&brkClause != 0 && a.toks[k].depth <= g.depth {
			if a.toks[k].brk&brkColon != 0 {
				return true
			}
			break
		}
	}
	end := len(a.text)
	if nl := strings.IndexByte(a.text[from:], '\n'); nl >= 0 {
		end = from + nl
	}
	rest := strings.TrimSpace(a.text[from:end])
	return strings.HasSuffix(rest, ":") || strings.Contains(rest, "…") || strings.Contains(rest, "....")
}

// predicateAfter reports whether a predicate ("hết thời hạn", "bị mất",
// "có giá trị") comes within a few words after toks[k], outside
// parentheses and before the clause ends.
func (a *analysis) predicateAfter(k int, depth int16) bool {
	for n := 0; k < len(a.toks) && n < 4; k++ {
		t := a.toks[k]
		if t.depth > depth {
			continue
		}
		if t.brk&(brkClause|brkComma) != 0 {
			return false
		}
		if predicates.match(a.toks, k) > 0 {
			return true
		}
		n++
	}
	return false
}

// sentenceHas reports whether the sentence holding token i contains a phrase of s.
func (a *analysis) sentenceHas(s *phraseSet, i int) bool {
	from := i
	for from > 0 && a.toks[from].brk&brkStop == 0 {
		from--
	}
	to := i + 1
	for to < len(a.toks) && a.toks[to].brk&brkStop == 0 {
		to++
	}
	return s.find(a.toks, from, to) >= 0
}

// thenAfter reports whether "thì" comes in toks[i:j], closing a condition;
// "thị" ("Thị thực", a visa) folds alike and is not it.
func (a *analysis) thenAfter(i, j int) bool {
	for k := i; k < j && k < len(a.toks); k++ {
		if t := a.toks[k]; t.fold == "thi" {
			if w := strings.ToLower(a.text[t.start:t.end]); w == "thì" || w == "thi" {
				return true
			}
		}
	}
	return false
}
