package check

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/redtape-vn/redtape/corpus/vntext"
	"gopkg.in/yaml.v3"
)

//go:embed data/lexicon.yaml
var lexiconYAML []byte

// Requirement-word kinds.
const (
	KindObligation  = "obligation"
	KindProhibition = "prohibition"
	KindRestriction = "restriction"
)

// Lexicon is the vocabulary the rules match: requirement words, catch-all
// and certified-copy phrases, dossier openers. It is data (see
// data/lexicon.yaml); [DefaultLexicon] returns the embedded one.
type Lexicon struct {
	// Version is the file format version (1).
	Version int `yaml:"version"`
	// RequirementWords are counted by RT007.
	RequirementWords []RequirementWord `yaml:"requirement_words"`
	// Negations cancel a requirement word right after them.
	Negations []string `yaml:"negations"`
	// NonDeontic are phrases in which a requirement word is not one.
	NonDeontic []string `yaml:"non_deontic"`
	// SubmissionCues make a sentence a requirement context.
	SubmissionCues []string `yaml:"submission_cues"`
	// SubmissionItems open list items that name a paper to hand over
	// ("d) Bản sao …"), even outside a dossier list.
	SubmissionItems []string `yaml:"submission_items"`
	// RequestBans ("không được yêu cầu") turn what follows into a ban.
	RequestBans []string `yaml:"request_bans"`
	// CatchAll, CertifiedCopy and Dossier hold the phrases of RT002, RT003
	// and of dossier-list detection; see data/lexicon.yaml.
	CatchAll struct {
		Nouns    []string `yaml:"nouns"`
		Blockers []string `yaml:"blockers"`
		Tails    []string `yaml:"tails"`
		Phrases  []string `yaml:"phrases"`
		// References after "theo quy định" make the catch-all a
		// cross-reference to other law ("theo quy định của pháp luật về
		// hải quan"), not an open request.
		References []string `yaml:"references"`
	} `yaml:"catch_all"`
	// DigitisedPaper holds the wordings in which RT001 does not read a
	// mention of a digitised paper as a paper to hand over.
	DigitisedPaper struct {
		// LookUps before the paper (same sentence or item; a colon may
		// intervene): the agency verifies or looks the data up.
		LookUps []string `yaml:"look_ups"`
		// Fallbacks before the paper in its sentence or item ask for it
		// only when the data cannot be had ("chưa có trong Cơ sở dữ liệu").
		Fallbacks []string `yaml:"fallbacks"`
		// Alternatives after the paper in its clause offer the data instead.
		Alternatives []string `yaml:"alternatives"`
		// ReplacedAfter right after and ReplacedBefore right before the
		// paper replace it ("được thay bằng", "thay thế việc nộp").
		ReplacedAfter  []string `yaml:"replaced_after"`
		ReplacedBefore []string `yaml:"replaced_before"`
		// Foreign after the paper in its clause: issued abroad, not held.
		Foreign []string `yaml:"foreign"`
		// Held right before the paper: a qualification to hold ("phải có
		// bằng tốt nghiệp"), not a paper to submit.
		Held []string `yaml:"held"`
		// Issued right before the paper: what a procedure or an agency
		// issues, renews or revokes ("đổi giấy phép lái xe").
		Issued []string `yaml:"issued"`
	} `yaml:"digitised_paper"`
	CertifiedCopy struct {
		Phrases      []string `yaml:"phrases"`
		LateMarks    []string `yaml:"late_marks"`
		Alternatives []string `yaml:"alternatives"`
	} `yaml:"certified_copy"`
	Dossier struct {
		Heads       []string `yaml:"heads"`
		Verbs       []string `yaml:"verbs"`
		Exclude     []string `yaml:"exclude"`
		ListOpeners []string `yaml:"list_openers"`
		// NotItems open items that count the dossier ("Số lượng hồ sơ").
		NotItems []string `yaml:"not_items"`
		// Statements between "Hồ sơ" and a colon make the paragraph a
		// sentence or a form's field, not a list ("Hồ sơ kèm theo:").
		Statements []string `yaml:"statements"`
		// AgencySubjects open a paragraph in which a state body, not an
		// applicant, compiles or sends the dossier.
		AgencySubjects []string `yaml:"agency_subjects"`
		// CopulaPapers open the paper after "là" in "Hồ sơ … là Tờ khai …".
		CopulaPapers []string `yaml:"copula_papers"`
	} `yaml:"dossier"`
	// ProcedureTitles and ConditionTitles open procedure and condition titles.
	ProcedureTitles []string `yaml:"procedure_titles"`
	ConditionTitles []string `yaml:"condition_titles"`
	// ConditionTitlePrefixes may precede a condition title at the start of
	// a list opener ("Yêu cầu, điều kiện …:").
	ConditionTitlePrefixes []string `yaml:"condition_title_prefixes"`
	// ConditionListOpeners impose the conditions a list opener names
	// ("phải đáp ứng", "bảo đảm"); ConditionListEnds close such an opener
	// ("các điều kiện sau đây:"); ConditionExclude mark openers that exempt,
	// abolish, review or merely mention conditions ("không thuộc diện",
	// "bãi bỏ", "rà soát").
	ConditionListOpeners []string `yaml:"condition_list_openers"`
	ConditionListEnds    []string `yaml:"condition_list_ends"`
	ConditionExclude     []string `yaml:"condition_exclude"`
	// InspectionContexts mark a sentence about an inspection: what it asks
	// for is no requirement of a procedure.
	InspectionContexts []string `yaml:"inspection_contexts"`
	// ReviewContexts mark a sentence that orders requirements reviewed,
	// cut or abolished: the papers it names are no requirement.
	ReviewContexts []string `yaml:"review_contexts"`
	// ProcedureElements are the words by which RT010 sees that a procedure
	// states its fee, processing time and receiving agency.
	ProcedureElements struct {
		Fees []string `yaml:"fees"`
		// FeeProvisions anywhere in the text state the fees of all its
		// procedures; Feeless procedure names bear none.
		FeeProvisions []string `yaml:"fee_provisions"`
		Feeless       []string `yaml:"feeless"`
		Times         []string `yaml:"times"`
		Submit        []string `yaml:"submit"`
		Agencies      []string `yaml:"agencies"`
	} `yaml:"procedure_elements"`
	// UnnamedIssuer holds RT011's papers that someone confirms or approves
	// and the marks that name who, after them.
	UnnamedIssuer struct {
		Papers      []string `yaml:"papers"`
		IssuerMarks []string `yaml:"issuer_marks"`
	} `yaml:"unnamed_issuer"`
	// Delegation holds RT012's bodies, verbs, delegated objects, citation
	// words and connectors.
	Delegation struct {
		Bodies  []string `yaml:"bodies"`
		Verbs   []string `yaml:"verbs"`
		Objects []string `yaml:"objects"`
		// ObjectBlockers right before and TechnicalFiles right after the
		// object leave forms or technical files, not a procedure.
		ObjectBlockers []string `yaml:"object_blockers"`
		TechnicalFiles []string `yaml:"technical_files"`
		Citations      []string `yaml:"citations"`
		Connectors     []string `yaml:"connectors"`
	} `yaml:"delegation"`
	// OpenDemands holds RT013's open-ended phrases without "khác" and the
	// words that make "theo yêu cầu" completing a dossier.
	OpenDemands struct {
		Phrases     []string `yaml:"phrases"`
		Completions []string `yaml:"completions"`
	} `yaml:"open_demands"`
	// HandedOver right before a paper outside a dossier item hand it over
	// (RT011, RT014).
	HandedOver []string `yaml:"handed_over"`
	// IssuedPapers open the name of a paper a procedure issues (RT014).
	IssuedPapers []string `yaml:"issued_papers"`

	reqWords, negations, nonDeontic, cues, bans          *phraseSet
	caNouns, caBlockers, caTails, caPhrases              *phraseSet
	ccPhrases, ccLate, ccAlternatives                    *phraseSet
	caRefs                                               *phraseSet
	dpLookUps, dpAlternatives, dpReplacedAfter           *phraseSet
	dpReplacedBefore, dpForeign, dpHeld, dpIssued        *phraseSet
	dpFallbacks                                          *phraseSet
	dHeads, dVerbs, dExclude, dOpeners, procTitles, cond *phraseSet
	dStatements, subItems, dNotItems, condPrefixes       *phraseSet
	condImpose, condEnds, condExclude, dAgencies         *phraseSet
	inspections, dCopula, reviews                        *phraseSet
	peFees, peTimes, peSubmit, peAgencies                *phraseSet
	uiPapers, uiMarks, issuedHeads                       *phraseSet
	dgBodies, dgVerbs, dgObjects, dgCites, dgLinks       *phraseSet
	odPhrases, odCompletions                             *phraseSet
	peFeeProvisions, peFeeless, dgObjBlockers, dgTech    *phraseSet
	handedOver                                           *phraseSet
}

// RequirementWord is one word or phrase counted as a requirement.
type RequirementWord struct {
	// Phrase is the word or phrase, e.g. "không được".
	Phrase string `yaml:"phrase"`
	// Kind is obligation, prohibition or restriction.
	Kind string `yaml:"kind"`
}

// DefaultLexicon returns the embedded lexicon, parsed and validated.
func DefaultLexicon() (*Lexicon, error) { return ParseLexicon(lexiconYAML) }

// ParseLexicon reads and validates a lexicon in the data/lexicon.yaml format.
func ParseLexicon(data []byte) (*Lexicon, error) {
	var lx Lexicon
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&lx); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	if lx.Version != 1 {
		return nil, fmt.Errorf("lexicon: unsupported version %d (want 1)", lx.Version)
	}
	var errs []error
	var words []string
	for i, w := range lx.RequirementWords {
		switch w.Kind {
		case KindObligation, KindProhibition, KindRestriction:
		default:
			errs = append(errs, fmt.Errorf("requirement_words[%d] %q: unknown kind %q", i, w.Phrase, w.Kind))
		}
		words = append(words, w.Phrase)
	}
	build := func(name string, list []string, required bool) *phraseSet {
		ps, err := newPhraseSet(list)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
		}
		if required && len(list) == 0 {
			errs = append(errs, fmt.Errorf("%s: empty", name))
		}
		return ps
	}
	lx.reqWords = build("requirement_words", words, true)
	lx.negations = build("negations", lx.Negations, false)
	lx.nonDeontic = build("non_deontic", lx.NonDeontic, false)
	lx.cues = build("submission_cues", lx.SubmissionCues, true)
	lx.bans = build("request_bans", lx.RequestBans, false)
	lx.subItems = build("submission_items", lx.SubmissionItems, false)
	lx.caNouns = build("catch_all.nouns", lx.CatchAll.Nouns, true)
	lx.caBlockers = build("catch_all.blockers", lx.CatchAll.Blockers, false)
	lx.caTails = build("catch_all.tails", lx.CatchAll.Tails, true)
	lx.caPhrases = build("catch_all.phrases", lx.CatchAll.Phrases, false)
	lx.caRefs = build("catch_all.references", lx.CatchAll.References, false)
	lx.dpLookUps = build("digitised_paper.look_ups", lx.DigitisedPaper.LookUps, false)
	lx.dpAlternatives = build("digitised_paper.alternatives", lx.DigitisedPaper.Alternatives, false)
	lx.dpReplacedAfter = build("digitised_paper.replaced_after", lx.DigitisedPaper.ReplacedAfter, false)
	lx.dpReplacedBefore = build("digitised_paper.replaced_before", lx.DigitisedPaper.ReplacedBefore, false)
	lx.dpForeign = build("digitised_paper.foreign", lx.DigitisedPaper.Foreign, false)
	lx.dpHeld = build("digitised_paper.held", lx.DigitisedPaper.Held, false)
	lx.dpFallbacks = build("digitised_paper.fallbacks", lx.DigitisedPaper.Fallbacks, false)
	lx.dpIssued = build("digitised_paper.issued", lx.DigitisedPaper.Issued, false)
	lx.ccPhrases = build("certified_copy.phrases", lx.CertifiedCopy.Phrases, true)
	lx.ccLate = build("certified_copy.late_marks", lx.CertifiedCopy.LateMarks, false)
	lx.ccAlternatives = build("certified_copy.alternatives", lx.CertifiedCopy.Alternatives, false)
	lx.dHeads = build("dossier.heads", lx.Dossier.Heads, true)
	lx.dVerbs = build("dossier.verbs", lx.Dossier.Verbs, true)
	lx.dExclude = build("dossier.exclude", lx.Dossier.Exclude, false)
	lx.dOpeners = build("dossier.list_openers", lx.Dossier.ListOpeners, false)
	lx.dNotItems = build("dossier.not_items", lx.Dossier.NotItems, false)
	lx.dAgencies = build("dossier.agency_subjects", lx.Dossier.AgencySubjects, false)
	lx.condPrefixes = build("condition_title_prefixes", lx.ConditionTitlePrefixes, false)
	lx.dStatements = build("dossier.statements", lx.Dossier.Statements, false)
	lx.procTitles = build("procedure_titles", lx.ProcedureTitles, true)
	lx.cond = build("condition_titles", lx.ConditionTitles, true)
	lx.condImpose = build("condition_list_openers", lx.ConditionListOpeners, true)
	lx.condEnds = build("condition_list_ends", lx.ConditionListEnds, true)
	lx.condExclude = build("condition_exclude", lx.ConditionExclude, false)
	lx.inspections = build("inspection_contexts", lx.InspectionContexts, false)
	lx.dCopula = build("dossier.copula_papers", lx.Dossier.CopulaPapers, false)
	lx.reviews = build("review_contexts", lx.ReviewContexts, false)
	lx.peFees = build("procedure_elements.fees", lx.ProcedureElements.Fees, true)
	lx.peTimes = build("procedure_elements.times", lx.ProcedureElements.Times, true)
	lx.peSubmit = build("procedure_elements.submit", lx.ProcedureElements.Submit, true)
	lx.peAgencies = build("procedure_elements.agencies", lx.ProcedureElements.Agencies, true)
	lx.uiPapers = build("unnamed_issuer.papers", lx.UnnamedIssuer.Papers, true)
	lx.uiMarks = build("unnamed_issuer.issuer_marks", lx.UnnamedIssuer.IssuerMarks, true)
	lx.dgBodies = build("delegation.bodies", lx.Delegation.Bodies, true)
	lx.dgVerbs = build("delegation.verbs", lx.Delegation.Verbs, true)
	lx.dgObjects = build("delegation.objects", lx.Delegation.Objects, true)
	lx.dgCites = build("delegation.citations", lx.Delegation.Citations, false)
	lx.dgLinks = build("delegation.connectors", lx.Delegation.Connectors, true)
	lx.odPhrases = build("open_demands.phrases", lx.OpenDemands.Phrases, true)
	lx.odCompletions = build("open_demands.completions", lx.OpenDemands.Completions, false)
	lx.issuedHeads = build("issued_papers", lx.IssuedPapers, true)
	lx.peFeeProvisions = build("procedure_elements.fee_provisions", lx.ProcedureElements.FeeProvisions, false)
	lx.peFeeless = build("procedure_elements.feeless", lx.ProcedureElements.Feeless, false)
	lx.dgObjBlockers = build("delegation.object_blockers", lx.Delegation.ObjectBlockers, false)
	lx.dgTech = build("delegation.technical_files", lx.Delegation.TechnicalFiles, false)
	lx.handedOver = build("handed_over", lx.HandedOver, true)
	if len(errs) > 0 {
		return nil, fmt.Errorf("lexicon: %w", errors.Join(errs...))
	}
	return &lx, nil
}

// token is one word of lower-cased draft text.
type token struct {
	start, end int
	word       string
	// hard is true when sentence or item punctuation (. ; : ! ?) or a
	// paragraph break separates the token from the one before.
	hard bool
	// bare is true when the token's paragraph is typed without diacritics
	// ("Ho so de nghi gom"): it then matches the lexicon on folded words.
	bare bool
}

// is reports whether the token is word w, or its folded form when the
// token's paragraph has no diacritics.
func (t token) is(w string) bool {
	return t.word == w || t.bare && t.word == foldWord(w)
}

// foldWord folds a lower-case word: diacritics dropped, đ as d.
func foldWord(w string) string {
	if isASCII(w) {
		return w
	}
	return vntext.Fold(w)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// markBare sets bare on the tokens of every paragraph (line of low) typed
// without diacritics: at least four words and no letter outside ASCII.
// Vietnamese running text of four words nearly always carries a tone mark.
func markBare(low string, toks []token) {
	for a := 0; a < len(toks); {
		nl := strings.IndexByte(low[toks[a].start:], '\n')
		end := len(low)
		if nl >= 0 {
			end = toks[a].start + nl
		}
		b := a
		bare := true
		for b < len(toks) && toks[b].start < end {
			bare = bare && isASCII(toks[b].word)
			b++
		}
		if bare && b-a >= 4 {
			for k := a; k < b; k++ {
				toks[k].bare = true
			}
		}
		a = b
	}
}

// tokenize splits low (lower-cased text) into words. Phrases never match
// across hard punctuation.
func tokenize(low string) []token {
	toks := make([]token, 0, len(low)/5)
	hard := true
	i := 0
	for i < len(low) {
		r, w := utf8.DecodeRuneInString(low[i:])
		if !isWordRune(r) {
			switch r {
			case '.', ';', ':', '!', '?', '\n':
				// A dot inside a number or code ("1.000005", "66.7") is not a stop.
				if r == '.' && i > 0 && i+1 < len(low) && isDigit(low[i-1]) && isDigit(low[i+1]) {
					break
				}
				hard = true
			}
			i += w
			continue
		}
		j := i + w
		for j < len(low) {
			r2, w2 := utf8.DecodeRuneInString(low[j:])
			if !isWordRune(r2) {
				break
			}
			j += w2
		}
		toks = append(toks, token{start: i, end: j, word: low[i:j], hard: hard})
		hard = false
		i = j
	}
	return toks
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// phraseSet matches phrases as sequences of words.
type phraseSet struct {
	phrases [][]string
	folded  [][]string       // the phrases' words folded, for bare tokens
	first   map[string][]int // first word → phrase indexes, longest first
	firstF  map[string][]int // the same on folded words
}

func newPhraseSet(list []string) (*phraseSet, error) {
	ps := &phraseSet{first: map[string][]int{}, firstF: map[string][]int{}}
	for _, p := range list {
		toks := tokenize(lowerSameLen(strings.TrimSpace(p)))
		if len(toks) == 0 {
			return ps, fmt.Errorf("empty phrase %q", p)
		}
		words := make([]string, len(toks))
		for i, t := range toks {
			words[i] = t.word
		}
		idx := len(ps.phrases)
		ps.phrases = append(ps.phrases, words)
		folded := make([]string, len(words))
		for i, w := range words {
			folded[i] = foldWord(w)
		}
		ps.folded = append(ps.folded, folded)
		insertLongestFirst(ps.first, words[0], idx, ps.phrases)
		insertLongestFirst(ps.firstF, folded[0], idx, ps.phrases)
	}
	return ps, nil
}

// insertLongestFirst adds phrase idx to m[key], keeping longer phrases first.
func insertLongestFirst(m map[string][]int, key string, idx int, phrases [][]string) {
	l := m[key]
	pos := len(l)
	for k, o := range l {
		if len(phrases[o]) < len(phrases[idx]) {
			pos = k
			break
		}
	}
	l = append(l, 0)
	copy(l[pos+1:], l[pos:])
	l[pos] = idx
	m[key] = l
}

// words returns the phrases' words as token t matches them: folded when
// its paragraph has no diacritics.
func (ps *phraseSet) words(t token) ([][]string, map[string][]int) {
	if t.bare {
		return ps.folded, ps.firstF
	}
	return ps.phrases, ps.first
}

// matchAt returns the index of the longest phrase that starts at token i
// and its length in tokens, or -1.
func (ps *phraseSet) matchAt(toks []token, i int) (int, int) {
	if ps == nil || i >= len(toks) {
		return -1, 0
	}
	phrases, first := ps.words(toks[i])
	for _, idx := range first[toks[i].word] {
		words := phrases[idx]
		if i+len(words) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(words); k++ {
			if toks[i+k].word != words[k] || toks[i+k].hard {
				ok = false
				break
			}
		}
		if ok {
			return idx, len(words)
		}
	}
	return -1, 0
}

// endsAt reports whether a phrase of ps ends at token i (inclusive) and
// returns its length in tokens.
func (ps *phraseSet) endsAt(toks []token, i int) (int, bool) {
	if ps == nil {
		return 0, false
	}
	best := 0
	phrases, _ := ps.words(toks[i])
	for _, words := range phrases {
		n := len(words)
		s := i - n + 1
		if s < 0 || toks[i].word != words[n-1] {
			continue
		}
		ok := true
		for k := 0; k < n; k++ {
			if toks[s+k].word != words[k] || k > 0 && toks[s+k].hard {
				ok = false
				break
			}
		}
		if ok && n > best {
			best = n
		}
	}
	return best, best > 0
}

// find returns the first token index in [from, to) where a phrase of ps
// starts, its length, or -1.
func (ps *phraseSet) find(toks []token, from, to int) (int, int) {
	for i := from; i < to && i < len(toks); i++ {
		if _, n := ps.matchAt(toks, i); n > 0 && i+n <= to {
			return i, n
		}
	}
	return -1, 0
}

// tokenRange returns the tokens of d lying inside span s, as indexes [i, j).
func (d *Draft) tokenRange(s Span) (int, int) {
	lo, hi := 0, len(d.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if d.toks[m].start < s.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	i := lo
	j := i
	for j < len(d.toks) && d.toks[j].end <= s.End {
		j++
	}
	return i, j
}
