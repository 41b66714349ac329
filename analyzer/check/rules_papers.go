package check

import (
	"strings"
)

// This file holds the rules that read one paper asked for: RT011 (whose
// issuer is not named) and RT013 (open-ended demands without "khác").

func runUnnamedIssuer(p *Pass) {
	d, lx := p.Draft, p.Lexicon
	toks := d.toks
	issued := p.issuedPapers()
	seen := dedup{}
	items := itemStarts(d)
	for _, u := range requirementUnits(p) {
		i, j := d.tokenRange(u)
		for k := i; k < j; k++ {
			_, n := lx.uiPapers.matchAt(toks, k)
			if n == 0 || k+n > j {
				continue
			}
			ke := k + n
			if !handedOver(d, lx, u, items[u.Start], k) || banned(p, i, k) || issuerNamed(lx, toks, k, ke, j) || notAskedFor(d, lx, i, j, k, ke) || issuedHere(d, issued, k) {
				k = ke - 1
				continue
			}
			s := Span{toks[k].start, toks[ke-1].end}
			if seen.first(s.Start) {
				p.Report(s, NewMessage("rt011", d.TextOf(s)), NewMessage("rt011_fix"))
			}
			k = ke - 1
		}
	}
}

// issuerNamed reports whether an issuer mark ("của", "do", "được … cấp")
// follows the paper ending before token ke within its clause and twelve
// words, or a state body is the subject of its clause before it ("Phòng
// Cảnh sát giao thông có văn bản chấp thuận": the body issues it).
func issuerNamed(lx *Lexicon, toks []token, k, ke, j int) bool {
	for m := ke; m < j && m < ke+12 && !toks[m].hard; m++ {
		if _, n := lx.uiMarks.matchAt(toks, m); n > 0 {
			return true
		}
	}
	from := k
	for from > 0 && k-from < 16 && !toks[from].hard {
		from--
	}
	a, _ := lx.peAgencies.find(toks, from, k)
	return a >= 0
}

// itemStarts returns the start offsets of the draft's dossier items.
func itemStarts(d *Draft) map[int]bool {
	out := map[int]bool{}
	for _, ds := range d.Dossiers {
		for _, it := range ds.Items {
			out[it.Start] = true
		}
	}
	return out
}

// issuedHere reports whether the paper at token k is one a procedure of
// the draft issues: its issuer is the text's own agency.
func issuedHere(d *Draft, issued []issuedPaper, k int) bool {
	for _, ip := range issued {
		words := tokenize(ip.words)
		if k+len(words) > len(d.toks) {
			continue
		}
		ok := true
		for x, w := range words {
			if !d.toks[k+x].is(w.word) || x > 0 && d.toks[k+x].hard {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func runOpenDemand(p *Pass) {
	d, lx := p.Draft, p.Lexicon
	toks := d.toks
	taken := catchAllSpans(p)
	overlaps := func(s Span) bool {
		for _, t := range taken {
			if s.Start < t.End && t.Start < s.End {
				return true
			}
		}
		return false
	}
	seen := dedup{}
	items := itemStarts(d)
	for _, u := range requirementUnits(p) {
		i, j := d.tokenRange(u)
		// Outside a dossier item, only a sentence that sets a dossier
		// ("Hồ sơ … bao gồm: …; các tài liệu liên quan …") makes a demand
		// part of one, and not where a state body compiles it; others
		// state duties to inform or report.
		inDossier := items[u.Start] || mentionsDossier(toks, i, j)
		for k := i; k < j; k++ {
			_, n := lx.odPhrases.matchAt(toks, k)
			if n == 0 || k+n > j {
				continue
			}
			end := k + n
			s := Span{toks[k].start, toks[end-1].end}
			asked := toks[k].is("theo")
			if !inDossier || asked && !items[u.Start] || !items[u.Start] && agencyActs(d, lx, i, k) || overlaps(s) || banned(p, i, k) || crossReference(lx, toks, end, j) ||
				citesRule(toks, end, j) || completing(lx, toks, i, k) || listFollows(d, u) {
				k = end - 1
				continue
			}
			if seen.first(s.Start) {
				p.Report(s, NewMessage("rt013", d.TextOf(s)), NewMessage("rt013_fix"))
			}
			k = end - 1
		}
	}
}

// completing reports whether "theo yêu cầu …" at token k follows, within
// three words of its clause, a word of completing or correcting the
// dossier ("bổ sung hồ sơ theo yêu cầu của cơ quan").
func completing(lx *Lexicon, toks []token, i, k int) bool {
	if !toks[k].is("theo") && !toks[k].is("khi") {
		return false
	}
	for m := k - 1; m >= i && m >= k-3; m-- {
		if _, n := lx.odCompletions.matchAt(toks, m); n > 0 {
			return true
		}
		if toks[m].hard {
			break
		}
	}
	return false
}

// mentionsDossier reports whether tokens [i, j) name a dossier ("hồ sơ").
func mentionsDossier(toks []token, i, j int) bool {
	for k := i; k+1 < j; k++ {
		if toks[k].is("hồ") && toks[k+1].is("sơ") && !toks[k+1].hard {
			return true
		}
	}
	return false
}

// citesRule reports whether "quy định tại" follows token end in its
// clause: the papers are set by the provision cited ("Tài liệu liên quan
// quy định tại Điều 5").
func citesRule(toks []token, end, j int) bool {
	return end+2 < j && !toks[end].hard && toks[end].is("quy") && toks[end+1].is("định") && toks[end+2].is("tại")
}

// listFollows reports whether unit u ends with a colon: the papers are
// listed after it ("… hoặc giấy tờ liên quan, cụ thể:").
func listFollows(d *Draft, u Span) bool {
	return strings.HasSuffix(strings.TrimRight(d.Text[u.Start:u.End], " *_"), ":")
}
