package cost

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/vntext"
)

// Activities a [Component] can cost.
const (
	ActivityLearning      = "learning"       // learning about the procedure
	ActivityPaper         = "paper"          // obtaining or preparing one paper
	ActivityExtraPaper    = "extra_paper"    // a costly paper named inside another (a list of papers)
	ActivityCertifiedCopy = "certified_copy" // having a paper's copies certified
	ActivitySubmission    = "submission"     // submitting and collecting, by channel
	ActivityWaiting       = "waiting"        // time lost while the dossier is processed
	ActivityFees          = "fees"           // fees and charges stated in the record
	// ActivityLookedUp is what remains of a paper whose data the agency
	// looks up instead of asking for it (see [PaperKind.KeptWhenLookedUp]).
	ActivityLookedUp = "looked_up"
)

// Input names that are read from the record rather than the parameters.
const (
	InputPaper        = "record.papers"
	InputCopies       = "record.papers.copies"
	InputCertified    = "record.papers.certified_copy"
	InputChannels     = "record.channels"
	InputFees         = "record.channels.fees"
	InputTime         = "record.channels.time"
	InputAnnualVolume = "record.annual_volume"
)

// Assumptions that are not parameters, as listed in [Component.Assumed].
const (
	AssumeFeesNotStated    = "fees_not_stated_counted_zero"    // no channel states a fee
	AssumeFeeAmountZero    = "fee_amount_unknown_counted_zero" // a fee's amount could not be read
	AssumeFeeAlternatives  = "fee_alternatives_averaged"       // several tariffs of one kind: their mean
	AssumeFeeLimitAsAmount = "fee_limit_taken_as_amount"       // only a ceiling or floor stated: taken as the fee
	AssumeCertifiedByText  = "certified_copy.keywords"         // certified copy recognised from the text
	AssumeFromOtherVersion = "from_other_version"              // not stated here, taken from the other version
	AssumeOneCopy          = "certified_copy.one_copy"         // the record does not say how many copies
	AssumeCasesAveraged    = "cases_averaged"                  // a dossier differing by case: each case an equal share
)

const noteVolumeAssumed = "annual volume not stated: assumed"

var timeValueParams = []string{"time_value.monthly_income", "time_value.working_days_per_month", "time_value.hours_per_day"}

// Component is one costed activity of a procedure, per dossier.
type Component struct {
	// Activity is one of the Activity constants.
	Activity string `json:"activity"`
	// Paper is the index of the paper in Procedure.Papers, or -1.
	Paper int `json:"paper"`
	// Kind is the paper kind id for paper activities, else empty.
	Kind string `json:"kind,omitempty"`
	// Weight is the share of dossiers that include the activity (1 unless
	// the paper is optional).
	Weight Amount `json:"weight"`
	// Hours is the weighted time spent.
	Hours Amount `json:"hours"`
	// Cash is the weighted outlay in đồng.
	Cash Amount `json:"cash"`
	// Cost is Hours × hourly value + Cash, in đồng.
	Cost Amount `json:"cost"`
	// Measured lists the inputs read from the record (Input constants).
	Measured []string `json:"measured,omitempty"`
	// Assumed lists the parameters used (dotted names, see [Params.All])
	// and the Assume constants that apply.
	Assumed []string `json:"assumed,omitempty"`
}

// IsAssumed reports whether the component rests on any assumed input.
func (c Component) IsAssumed() bool { return len(c.Assumed) > 0 }

// ProcedureCost is the compliance cost of one procedure.
type ProcedureCost struct {
	// ID, Code, Name and Ministry identify the procedure.
	ID       string `json:"id"`
	Code     string `json:"code,omitempty"`
	Name     string `json:"name"`
	Ministry string `json:"ministry,omitempty"`
	// Components are the costed activities: learning; then for each paper
	// counted, in record order, its kind, the extra kinds it names and its
	// certified copies; then submission, waiting and fees.
	Components []Component `json:"components"`
	// Hours is the time per dossier.
	Hours Amount `json:"hours"`
	// Unit is the cost per dossier in đồng.
	Unit Amount `json:"unit"`
	// UnitAssumed is the part of Unit that rests on at least one assumed input.
	UnitAssumed Amount `json:"unit_assumed"`
	// Volume is the number of dossiers per year.
	Volume int64 `json:"volume"`
	// VolumeMeasured is true when Volume was measured: stated by the
	// record, a volumes file or the procedure's cost sheet.
	VolumeMeasured bool `json:"volume_measured"`
	// VolumeOrigin says where Volume comes from: one of the VolumeFrom
	// constants or VolumeAssumed.
	VolumeOrigin string `json:"volume_origin"`
	// VolumePeriod is the period a measured volume covers, when known.
	VolumePeriod string `json:"volume_period,omitempty"`
	// VolumeSource cites a measured volume (the volumes file's source
	// column, the sheet's source, "record"), or for an assumed one the
	// parameter annual_volume's source.
	VolumeSource string `json:"volume_source,omitempty"`
	// Annual is Unit × Volume, in đồng per year.
	Annual Amount `json:"annual"`
	// AnnualAssumed is the part of Annual that rests on an assumed input:
	// all of it when the volume is assumed.
	AnnualAssumed Amount `json:"annual_assumed"`
	// Fees is the fee cash per dossier as stated in the record.
	Fees Amount `json:"fees"`
	// Unknown lists what the record does not state: "fee amount", "fees",
	// "processing time". The model counts it as zero, except where a
	// comparison takes it from the other version of the procedure (Borrow).
	Unknown []string `json:"unknown,omitempty"`
	// Notes explain choices made for this procedure, sorted.
	Notes []string `json:"notes,omitempty"`
	// Source is SourceModel when the model costed the procedure, or
	// SourceSheet when the ministry's cost sheet replaced the model's
	// figures.
	Source string `json:"source"`
	// Sheet is the cost sheet whose figures were used, or nil.
	Sheet *Sheet `json:"sheet,omitempty"`
	// SheetSide is the side of Sheet used.
	SheetSide string `json:"sheet_side,omitempty"`
	// ModelUnit is the model's own cost per dossier of a procedure costed
	// from a sheet, to set beside the sheet's; zero otherwise.
	ModelUnit Amount `json:"model_unit,omitzero"`
}

// AssumedShare returns the share of the annual cost that rests on assumed
// inputs, between 0 and 1.
func (c *ProcedureCost) AssumedShare() Amount { return c.AnnualAssumed.Div(c.Annual) }

// Model costs procedures with one set of parameters. It is safe for
// concurrent use.
type Model struct {
	p       *Params
	hourly  Amount
	kinds   map[string]int
	volumes *Volumes
	sheets  *Sheets
	side    Side
	lists   *lists     // shared by the copies of a model
	memo    *paperMemo // shared by the copies of a model
}

// WithVolumes returns a copy of m that takes a procedure's annual volume
// from v where v gives one, before the record's own annual_volume and the
// assumed default.
func (m *Model) WithVolumes(v *Volumes) *Model {
	out := *m
	out.volumes = v
	return &out
}

// WithSheets returns a copy of m that costs a procedure with an official
// cost sheet in s from the sheet's figures of side instead of the model's
// (see [ProcedureCost.Source]). A procedure whose sheet gives no figures
// for side is costed by the model, with a note. To compare, cost the
// baseline with side Before and the current procedures with side After.
func (m *Model) WithSheets(s *Sheets, side Side) *Model {
	out := *m
	out.sheets, out.side = s, side
	return &out
}

// New returns a model using p, or the defaults when p is nil.
func New(p *Params) *Model {
	if p == nil {
		p = Default()
	}
	m := &Model{p: p, hourly: p.HourlyValue(), kinds: map[string]int{}, lists: &lists{}, memo: &paperMemo{}}
	for i, k := range p.PaperKinds {
		m.kinds[k.ID] = i
	}
	return m
}

// Params returns the model's parameters.
func (m *Model) Params() *Params { return m.p }

// HourlyValue returns the value of an hour in đồng.
func (m *Model) HourlyValue() Amount { return m.hourly }

// PaperKind returns the kind of paper pp is: the first kind with a keyword
// among the paper's first words (or anywhere, for kinds that say so), else
// the fallback.
func (m *Model) PaperKind(pp *corpus.Paper) *PaperKind {
	words := vntext.FoldedWords(pp.Text)
	return m.kindOf(pp, words, joinWords(words))
}

// joinWords joins words with single spaces and surrounds them with one, so
// that " "+keyword+" " matches whole words.
func joinWords(words []string) string { return " " + strings.Join(words, " ") + " " }

// kindOf returns the kind of pp, whose folded words are words and text.
func (m *Model) kindOf(pp *corpus.Paper, words []string, text string) *PaperKind {
	start := m.headStart(words)
	var head string
	for i, kws := range m.p.foldedKinds {
		for _, kw := range kws {
			if m.p.PaperKinds[i].Anywhere {
				if strings.Contains(text, kw) {
					return &m.p.PaperKinds[i]
				}
				continue
			}
			if head == "" {
				end := min(len(words), start+m.p.headWords+8) // room for a keyword begun in the window
				head = joinWords(words[start:end])
			}
			if at := strings.Index(head, kw); at >= 0 && strings.Count(head[:at], " ") < m.p.headWords {
				return &m.p.PaperKinds[i]
			}
		}
	}
	id := m.p.FallbackKind.Otherwise
	if len(pp.Forms) > 0 {
		id = m.p.FallbackKind.WithForm
	}
	return &m.p.PaperKinds[m.kinds[id]]
}

// headStart returns the index of the first word naming the paper: after
// enumerators ("a", "iii", "1") and the copy wording of head_skip.
func (m *Model) headStart(words []string) int {
	i := 0
	for i < len(words) {
		if isEnumerator(words[i]) {
			i++
			continue
		}
		skipped := false
		for _, phrase := range m.p.foldedHeadSkip {
			if i+len(phrase) <= len(words) && equalWords(words[i:i+len(phrase)], phrase) {
				i += len(phrase)
				skipped = true
				break
			}
		}
		if !skipped {
			break
		}
	}
	if i == len(words) {
		return 0 // all skip words: match from the start
	}
	return i
}

func equalWords(a, b []string) bool {
	for k := range b {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}

// isEnumerator reports whether a folded word is a list marker: one letter,
// a Roman numeral up to xii, or digits.
func isEnumerator(w string) bool {
	if len(w) == 1 {
		return true
	}
	switch w {
	case "dd", "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii":
		return true
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// needsCertifiedCopy reports whether pp, whose folded text is text, asks
// for a certified copy, and whether the record says so in its own field.
func (m *Model) needsCertifiedCopy(pp *corpus.Paper, text string) (need, measured bool) {
	if pp.CertifiedCopy {
		return true, true
	}
	for _, kw := range m.p.foldedCertKeywords {
		if strings.Contains(text, kw) {
			return true, false
		}
	}
	return false, false
}

func (m *Model) component(activity string, paper int, kind string, weight, hours, cash Amount, measured, assumed []string) Component {
	hours, cash = hours.Mul(weight), cash.Mul(weight)
	sort.Strings(measured)
	sort.Strings(assumed)
	if !hours.IsZero() {
		for _, n := range timeValueParams {
			assumed = appendUnique(assumed, n)
		}
	}
	return Component{
		Activity: activity, Paper: paper, Kind: kind, Weight: weight,
		Hours: hours, Cash: cash, Cost: hours.Mul(m.hourly).Add(cash),
		Measured: m.lists.intern(measured), Assumed: m.lists.intern(assumed),
	}
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	list = append(list, s)
	sort.Strings(list)
	return list
}

// Procedure costs p: per dossier and per year, every component with the
// inputs it rests on.
func (m *Model) Procedure(p *corpus.Procedure) *ProcedureCost {
	pc := &ProcedureCost{ID: p.ID(), Code: p.Code, Name: p.Name, Ministry: p.Ministry}
	one := Int(1)
	pc.Components = make([]Component, 0, len(p.Papers)+4) // learning, papers, submission, waiting, fees
	pc.Components = append(pc.Components, m.component(ActivityLearning, -1, "", one, m.p.LearningHours.Value, Amount{}, nil, []string{"learning_hours"}))
	pc.Components = append(pc.Components, m.papers(p, pc)...)
	pc.Components = append(pc.Components, m.submission(p, pc))
	if c, ok := m.waiting(p, pc); ok && !m.p.WaitingHoursPerDay.Value.IsZero() {
		pc.Components = append(pc.Components, c)
	}
	pc.Components = append(pc.Components, m.fees(p, pc))

	for _, c := range pc.Components {
		pc.Hours = pc.Hours.Add(c.Hours)
		pc.Unit = pc.Unit.Add(c.Cost)
		if c.IsAssumed() {
			pc.UnitAssumed = pc.UnitAssumed.Add(c.Cost)
		}
		if c.Activity == ActivityFees {
			pc.Fees = c.Cash
		}
	}
	pc.Source = SourceModel
	sheet := m.sheets.Lookup(p.Code)
	if sheet != nil {
		if f, ok := sheet.Figures(m.side); ok {
			m.fromSheet(pc, sheet, f)
		} else {
			pc.Notes = append(pc.Notes, "cost sheet gives no figures "+m.side.String()+" the cut: costed by the model")
		}
	}
	m.volume(p, pc, sheet)
	sort.Strings(pc.Notes)
	sort.Strings(pc.Unknown)
	return pc
}

// fromSheet replaces the model's components of pc by the sheet's figures:
// one component for the cost less fees, one for the fees when stated.
func (m *Model) fromSheet(pc *ProcedureCost, sheet *Sheet, f SheetFigures) {
	pc.ModelUnit = pc.Unit
	pc.Source, pc.Sheet, pc.SheetSide = SourceSheet, sheet, m.side.String()
	work := f.Cost
	var fees Amount
	if f.Fees != nil {
		fees = *f.Fees
		work = work.Sub(fees)
	}
	var hours Amount
	if f.Hours != nil {
		hours = *f.Hours
	}
	measured := []string{InputSheet}
	pc.Components = []Component{{Activity: ActivitySheet, Paper: -1, Weight: Int(1), Hours: hours, Cost: work, Measured: measured}}
	if f.Fees != nil {
		pc.Components = append(pc.Components, Component{Activity: ActivityFees, Paper: -1, Weight: Int(1), Cash: fees, Cost: fees, Measured: measured})
	}
	pc.Hours, pc.Unit, pc.UnitAssumed, pc.Fees = hours, f.Cost, Amount{}, fees
	pc.Unknown = nil
	if f.Fees == nil {
		pc.Unknown = append(pc.Unknown, "fees")
	}
	pc.Notes = []string{"costed from the ministry's cost sheet (" + m.side.String() + " the cut): " + sheet.Source}
}

// volume sets pc's annual volume and annual cost: from the sheet, else the
// volumes file, else the record, else the assumed default.
func (m *Model) volume(p *corpus.Procedure, pc *ProcedureCost, sheet *Sheet) {
	vol, ok := m.volumes.Lookup(p.Code)
	switch {
	case sheet != nil && sheet.Volume != nil:
		pc.Volume, pc.VolumeOrigin, pc.VolumePeriod, pc.VolumeSource = *sheet.Volume, VolumeFromSheet, sheet.AsOf, sheet.Source
	case ok:
		pc.Volume, pc.VolumeOrigin, pc.VolumePeriod, pc.VolumeSource = vol.PerYear, VolumeFromFile, vol.Period, vol.Source
	case p.AnnualVolume != nil && *p.AnnualVolume >= 0:
		pc.Volume, pc.VolumeOrigin, pc.VolumeSource = *p.AnnualVolume, VolumeFromRecord, VolumeFromRecord
	default:
		pc.Volume = m.p.AnnualVolume.Value.Round(0).rat().Num().Int64()
		pc.VolumeOrigin, pc.VolumeSource = VolumeAssumed, m.p.AnnualVolume.Source
		pc.Annual = pc.Unit.MulInt(pc.Volume)
		pc.AnnualAssumed = pc.Annual
		pc.Notes = append(pc.Notes, noteVolumeAssumed)
		return
	}
	pc.VolumeMeasured = true
	pc.Annual = pc.Unit.MulInt(pc.Volume)
	pc.AnnualAssumed = pc.UnitAssumed.MulInt(pc.Volume)
}

// papers costs each paper and its certified copies. A dossier that differs
// by case ("Trường hợp ...") is costed, as Circular 02/2017/TT-VPCP Art. 27
// asks where figures differ, at the average of its cases: each case's
// papers weigh 1/n of n cases, since records do not say how dossiers split
// between cases (assumed: AssumeCasesAveraged). With case_rule
// most_demanding it is costed at its most demanding case instead and the
// papers of other cases are left out.
func (m *Model) papers(p *corpus.Procedure, pc *ProcedureCost) []Component {
	type group struct {
		comps []Component
		total Amount
	}
	common := make([]Component, 0, len(p.Papers))
	var cases map[string]*group
	var order []string
	for i := range p.Papers {
		pp := &p.Papers[i]
		comps := m.memo.paper(i, pp, func(pp *corpus.Paper) []Component { return m.paper(0, pp) })
		if pp.Case == "" {
			common = append(common, comps...)
			continue
		}
		if cases == nil {
			cases = map[string]*group{}
		}
		g := cases[pp.Case]
		if g == nil {
			g = &group{}
			cases[pp.Case] = g
			order = append(order, pp.Case)
		}
		g.comps = append(g.comps, comps...)
		for _, c := range comps {
			g.total = g.total.Add(c.Cost)
		}
	}
	if len(order) == 0 {
		return common
	}
	out := common
	if m.p.CaseRule == CaseMostDemanding {
		best := order[0]
		for _, name := range order[1:] {
			if cases[name].total.Cmp(cases[best].total) > 0 {
				best = name
			}
		}
		if len(order) > 1 {
			pc.Notes = append(pc.Notes, "dossier differs by case: costed at the most demanding case \""+best+"\"")
		}
		out = append(out, cases[best].comps...)
	} else {
		share := Frac(1, int64(len(order)))
		for _, name := range order {
			for _, c := range cases[name].comps {
				out = append(out, scaled(c, share))
			}
		}
		if len(order) > 1 {
			pc.Notes = append(pc.Notes, fmt.Sprintf("dossier differs by case: costed at the average of its %d cases", len(order)))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Paper < out[j].Paper })
	return out
}

// scaled returns c for a share of dossiers: its weight, hours, cash and cost
// times share, with AssumeCasesAveraged among its assumptions when share
// is below 1.
func scaled(c Component, share Amount) Component {
	if share.Cmp(Int(1)) == 0 {
		return c
	}
	c.Weight, c.Hours, c.Cash, c.Cost = c.Weight.Mul(share), c.Hours.Mul(share), c.Cash.Mul(share), c.Cost.Mul(share)
	c.Assumed = appendUnique(slices.Clone(c.Assumed), AssumeCasesAveraged)
	return c
}

// caseShare returns the share of dossiers that include paper i of p: 1/n
// for a paper of one of n cases under the average rule, else 1.
func (m *Model) caseShare(p *corpus.Procedure, i int) Amount {
	if p.Papers[i].Case == "" || m.p.CaseRule == CaseMostDemanding {
		return Int(1)
	}
	seen := map[string]bool{}
	for _, pp := range p.Papers {
		if pp.Case != "" {
			seen[pp.Case] = true
		}
	}
	return Frac(1, int64(len(seen)))
}

func (m *Model) kindComponent(activity string, i int, k *PaperKind, weight Amount, wAssumed []string) Component {
	prefix := "paper_kinds." + k.ID
	return m.component(activity, i, k.ID, weight, k.Hours.Value, k.Cash.Value,
		[]string{InputPaper}, append([]string{prefix + ".hours", prefix + ".cash"}, wAssumed...))
}

// extras returns the extra kinds (PaperKind.Extra) a paper of kind primary
// names anywhere in its folded words, except right after a word of
// extra_not_after ("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp" asks for
// the record to be issued; it does not include one).
func (m *Model) extras(words []string, primary *PaperKind) []*PaperKind {
	var out []*PaperKind
	for i := range m.p.PaperKinds {
		x := &m.p.PaperKinds[i]
		if !x.Extra || x.ID == primary.ID {
			continue
		}
	kws:
		for _, kwWords := range m.p.kindWords[i] {
			for at := 0; at+len(kwWords) <= len(words); at++ {
				if !equalWords(words[at:at+len(kwWords)], kwWords) || m.afterNot(words, at) {
					continue
				}
				out = append(out, x)
				break kws
			}
		}
	}
	return out
}

// afterNot reports whether one of the two words before words[at] is in
// extra_not_after.
func (m *Model) afterNot(words []string, at int) bool {
	for k := max(0, at-2); k < at; k++ {
		if m.p.extraNotAfter[words[k]] {
			return true
		}
	}
	return false
}

// paper costs one paper: its kind, the extra kinds it names, and its
// certified copies if asked for.
func (m *Model) paper(i int, pp *corpus.Paper) []Component {
	weight := Int(1)
	var wAssumed []string
	if pp.Optional {
		weight = m.p.OptionalShare.Value
		wAssumed = []string{"optional_share"}
	}
	words := vntext.FoldedWords(pp.Text)
	text := joinWords(words)
	k := m.kindOf(pp, words, text)
	out := []Component{m.kindComponent(ActivityPaper, i, k, weight, wAssumed)}
	for _, x := range m.extras(words, k) {
		out = append(out, m.kindComponent(ActivityExtraPaper, i, x, weight, wAssumed))
	}
	need, measured := m.needsCertifiedCopy(pp, text)
	if !need {
		return out
	}
	cc := m.p.CertifiedCopy
	copies := int64(1)
	in := []string{InputPaper}
	as := append([]string{"certified_copy.cap", "certified_copy.hours", "certified_copy.pages_per_copy"}, wAssumed...)
	if measured {
		in = append(in, InputCertified)
	} else {
		as = append(as, AssumeCertifiedByText)
	}
	if pp.Copies != nil && *pp.Copies > 0 {
		copies = int64(*pp.Copies)
		in = append(in, InputCopies)
	} else {
		as = append(as, AssumeOneCopy)
	}
	pages := int(cc.PagesPerCopy.Value.Round(0).rat().Num().Int64())
	cash := cc.Fee(pages).MulInt(copies)
	return append(out, m.component(ActivityCertifiedCopy, i, k.ID, weight, cc.Hours.Value, cash, in, as))
}

// channelWeights returns the share of dossiers going through each mode.
// Online takes online_share where offered; the rest goes in person, else by
// post. A procedure that states no channel is taken as in person.
func (m *Model) channelWeights(p *corpus.Procedure) (map[corpus.ChannelMode]Amount, bool) {
	var inPerson, online, post bool
	for _, c := range p.Channels {
		switch c.Mode {
		case corpus.ModeOnline:
			online = true
		case corpus.ModePost:
			post = true
		default:
			inPerson = true
		}
	}
	w := make(map[corpus.ChannelMode]Amount, 2)
	offline := corpus.ModeInPerson
	if !inPerson && post {
		offline = corpus.ModePost
	}
	switch {
	case online && (inPerson || post):
		w[corpus.ModeOnline] = m.p.OnlineShare.Value
		w[offline] = Int(1).Sub(m.p.OnlineShare.Value)
		return w, true
	case online:
		w[corpus.ModeOnline] = Int(1)
	default:
		w[offline] = Int(1)
	}
	return w, false
}

func (m *Model) channelCost(mode corpus.ChannelMode) (ChannelCost, string) {
	switch mode {
	case corpus.ModeOnline:
		return m.p.Channels.Online, "online"
	case corpus.ModePost:
		return m.p.Channels.Post, "post"
	}
	return m.p.Channels.InPerson, "in_person"
}

var modeOrder = []corpus.ChannelMode{corpus.ModeInPerson, corpus.ModeOnline, corpus.ModePost}

// submission costs submitting the dossier and collecting the result.
func (m *Model) submission(p *corpus.Procedure, pc *ProcedureCost) Component {
	w, _ := m.channelWeights(p)
	var hours, cash Amount
	assumed := []string{}
	for _, mode := range modeOrder {
		share, ok := w[mode]
		if !ok {
			continue
		}
		cc, name := m.channelCost(mode)
		hours = hours.Add(cc.Hours.Value.Mul(share))
		cash = cash.Add(cc.Cash.Value.Mul(share))
		assumed = append(assumed, "channels."+name+".hours", "channels."+name+".cash")
	}
	if len(w) > 1 {
		assumed = append(assumed, "online_share")
	}
	var measured []string
	if len(p.Channels) > 0 {
		measured = []string{InputChannels}
	} else {
		pc.Notes = append(pc.Notes, "no channel stated: in person assumed")
	}
	return m.component(ActivitySubmission, -1, "", Int(1), hours, cash, measured, assumed)
}

// waiting costs the time lost while the dossier is processed.
func (m *Model) waiting(p *corpus.Procedure, pc *ProcedureCost) (Component, bool) {
	t := p.ProcessingTime()
	if t == nil || t.Unit == "" {
		pc.Unknown = append(pc.Unknown, "processing time")
		return Component{}, false
	}
	days, ok := m.workingDays(t)
	if !ok {
		pc.Unknown = append(pc.Unknown, "processing time")
		return Component{}, false
	}
	assumed := []string{"waiting_hours_per_day"}
	switch t.Unit {
	case corpus.Hours, corpus.WorkingHours:
		assumed = append(assumed, "time_value.hours_per_day")
	case corpus.Months:
		assumed = append(assumed, "time_value.working_days_per_month")
	}
	return m.component(ActivityWaiting, -1, "", Int(1), days.Mul(m.p.WaitingHoursPerDay.Value), Amount{},
		[]string{InputTime}, assumed), true
}

// workingDays converts a processing time to working days exactly: hours
// by time_value.hours_per_day, months by time_value.working_days_per_month,
// and 5 working days to 7 calendar days.
func (m *Model) workingDays(d *corpus.Duration) (Amount, bool) {
	v, err := AmountOfFloat(d.Value)
	if err != nil || v.Sign() < 0 {
		return Amount{}, false
	}
	switch d.Unit {
	case corpus.WorkingDays:
		return v, true
	case corpus.Days:
		return v.Mul(Frac(5, 7)), true
	case corpus.Hours, corpus.WorkingHours:
		return v.Div(m.p.TimeValue.HoursPerDay.Value), true
	case corpus.Months:
		return v.Mul(m.p.TimeValue.WorkingDaysPerMonth.Value), true
	}
	return Amount{}, false
}

// fees returns the fees stated in the record per dossier: each channel's
// fee (see channelFee), weighted by the channel shares. A channel that
// states no fee takes the largest stated by the others. A fee whose amount
// could not be read counts as zero and is listed in Unknown; so is a
// procedure that states no fee at all.
func (m *Model) fees(p *corpus.Procedure, pc *ProcedureCost) Component {
	byMode := map[corpus.ChannelMode]Amount{}
	stated := map[corpus.ChannelMode]bool{}
	var maxFee Amount
	anyStated, unparsed, alternatives, limitOnly := false, false, false, false
	for _, c := range p.Channels {
		mode := c.Mode
		if mode != corpus.ModeOnline && mode != corpus.ModePost {
			mode = corpus.ModeInPerson
		}
		cf := channelFeeWith(c.Fees, m.memo.limit)
		sum := cf.fee
		unparsed = unparsed || cf.unparsed
		alternatives = alternatives || cf.alternatives
		limitOnly = limitOnly || cf.limitOnly
		if len(c.Fees) == 0 {
			continue
		}
		anyStated = true
		if !stated[mode] || sum.Cmp(byMode[mode]) > 0 {
			byMode[mode] = sum
		}
		stated[mode] = true
		if sum.Cmp(maxFee) > 0 {
			maxFee = sum
		}
	}
	if unparsed {
		pc.Unknown = append(pc.Unknown, "fee amount")
	}
	if !anyStated {
		pc.Unknown = append(pc.Unknown, "fees")
		return m.component(ActivityFees, -1, "", Int(1), Amount{}, Amount{}, nil, []string{AssumeFeesNotStated})
	}
	w, mixed := m.channelWeights(p)
	var cash Amount
	var first *Amount
	differ := false
	for _, mode := range modeOrder {
		share, ok := w[mode]
		if !ok {
			continue
		}
		f := maxFee
		if stated[mode] {
			f = byMode[mode]
		}
		if first == nil {
			first = &f
		} else if f.Cmp(*first) != 0 {
			differ = true
		}
		cash = cash.Add(f.Mul(share))
	}
	var assumed []string
	if mixed && differ {
		assumed = []string{"online_share"}
	}
	if unparsed {
		assumed = append(assumed, AssumeFeeAmountZero)
	}
	if alternatives {
		assumed = append(assumed, AssumeFeeAlternatives)
	}
	if limitOnly {
		assumed = append(assumed, AssumeFeeLimitAsAmount)
	}
	return m.component(ActivityFees, -1, "", Int(1), Amount{}, cash, []string{InputFees}, assumed)
}

// WithVolume returns a copy of c costed at volume dossiers a year, measured
// or assumed, for comparing two versions of a procedure at the same volume.
func (c *ProcedureCost) WithVolume(volume int64, measured bool) *ProcedureCost {
	out := *c
	out.Volume, out.VolumeMeasured = volume, measured
	switch {
	case !measured:
		out.VolumeOrigin, out.VolumePeriod = VolumeAssumed, ""
		if c.VolumeOrigin != VolumeAssumed {
			out.VolumeSource = ""
		}
	case c.VolumeOrigin == VolumeAssumed || volume != c.Volume:
		out.VolumeOrigin, out.VolumePeriod, out.VolumeSource = VolumeFromOtherVersion, "", ""
	}
	out.Annual = c.Unit.MulInt(volume)
	out.AnnualAssumed = out.Annual
	if measured {
		out.AnnualAssumed = c.UnitAssumed.MulInt(volume)
	}
	out.Notes = nil
	for _, n := range c.Notes {
		if n != noteVolumeAssumed {
			out.Notes = append(out.Notes, n)
		}
	}
	if !measured {
		out.Notes = append(out.Notes, noteVolumeAssumed)
		sort.Strings(out.Notes)
	}
	return &out
}

// Borrow returns a copy of c whose component of activity (ActivityFees or
// ActivityWaiting) is taken from the other version of the procedure, for
// when this version's record does not state it: a fee or processing time
// missing from one record is not a cut. The borrowed component is marked
// assumed (AssumeFromOtherVersion).
func (c *ProcedureCost) Borrow(activity string, from *ProcedureCost) *ProcedureCost {
	var borrowed *Component
	for i := range from.Components {
		if from.Components[i].Activity == activity {
			b := from.Components[i]
			b.Measured, b.Assumed = nil, append(slices.Clone(b.Assumed), AssumeFromOtherVersion)
			sort.Strings(b.Assumed)
			borrowed = &b
		}
	}
	out := *c
	out.Components = nil
	placed := false
	for _, comp := range c.Components {
		if comp.Activity == activity {
			out.Unit = out.Unit.Sub(comp.Cost)
			out.Hours = out.Hours.Sub(comp.Hours)
			if comp.IsAssumed() {
				out.UnitAssumed = out.UnitAssumed.Sub(comp.Cost)
			}
			continue
		}
		if !placed && borrowed != nil && comp.Activity == ActivityFees && activity == ActivityWaiting {
			out.Components = append(out.Components, *borrowed) // waiting goes before fees
			placed = true
		}
		out.Components = append(out.Components, comp)
	}
	if borrowed != nil {
		if !placed {
			out.Components = append(out.Components, *borrowed)
		}
		out.Unit = out.Unit.Add(borrowed.Cost)
		out.Hours = out.Hours.Add(borrowed.Hours)
		out.UnitAssumed = out.UnitAssumed.Add(borrowed.Cost)
	}
	if activity == ActivityFees {
		out.Fees = from.Fees
	}
	out.Notes = append(slices.Clone(c.Notes), activity+" not stated: taken from the other version of the procedure")
	sort.Strings(out.Notes)
	return out.WithVolume(c.Volume, c.VolumeMeasured)
}

// LookedUp returns what remains of paper i of p, per dossier, when the
// agency looks its data up instead of asking for it: for its kind and the
// extra kinds it names, the share kept_when_looked_up of their hours and
// cash (the examination behind a health certificate still takes place);
// its certified copies are saved whole. It returns nil when nothing remains.
func (m *Model) LookedUp(p *corpus.Procedure, i int) []Component {
	var out []Component
	share := m.caseShare(p, i)
	for _, c := range m.paper(i, &p.Papers[i]) {
		c = scaled(c, share)
		if c.Activity != ActivityPaper && c.Activity != ActivityExtraPaper {
			continue
		}
		k := &m.p.PaperKinds[m.kinds[c.Kind]]
		keep := k.KeptWhenLookedUp
		if keep == nil || keep.Value.IsZero() {
			continue
		}
		hours, cash := c.Hours.Mul(keep.Value), c.Cash.Mul(keep.Value)
		assumed := appendUnique(slices.Clone(c.Assumed), "paper_kinds."+k.ID+".kept_when_looked_up")
		out = append(out, Component{
			Activity: ActivityLookedUp, Paper: i, Kind: k.ID, Weight: c.Weight,
			Hours: hours, Cash: cash, Cost: hours.Mul(m.hourly).Add(cash),
			Measured: c.Measured, Assumed: assumed,
		})
	}
	return out
}

// With returns a copy of c with extra components added (see
// [Model.LookedUp]) and note among its notes, costed at c's volume.
func (c *ProcedureCost) With(extra []Component, note string) *ProcedureCost {
	if len(extra) == 0 {
		return c
	}
	out := *c
	out.Components = append(slices.Clone(c.Components), extra...)
	for _, comp := range extra {
		out.Hours = out.Hours.Add(comp.Hours)
		out.Unit = out.Unit.Add(comp.Cost)
		if comp.IsAssumed() {
			out.UnitAssumed = out.UnitAssumed.Add(comp.Cost)
		}
	}
	out.Notes = appendUnique(slices.Clone(c.Notes), note)
	return out.WithVolume(c.Volume, c.VolumeMeasured)
}

// Without returns the cost of p once the papers at the indexes removed are
// taken out of it, with every component's Paper an index into p. Under the
// average case rule a case whose papers are all removed still counts as
// one of the dossier's cases (its dossiers now need none of them), so that
// removing papers never raises a cost; costing a copy of p without the
// papers would count one case fewer and weigh the others more. A procedure
// costed from a cost sheet keeps the sheet's figures: they do not depend on
// the record's papers.
func (m *Model) Without(p *corpus.Procedure, removed []int) *ProcedureCost {
	if len(removed) == 0 {
		return m.Procedure(p)
	}
	return m.WithoutCosted(p, m.Procedure(p), removed)
}

// WithoutCosted is Without for a procedure already costed: full is
// m.Procedure(p), which it does not change, and whose work it reuses
// where the case rule allows.
func (m *Model) WithoutCosted(p *corpus.Procedure, full *ProcedureCost, removed []int) *ProcedureCost {
	if len(removed) == 0 {
		return full
	}
	drop := map[int]bool{}
	for _, i := range removed {
		drop[i] = true
	}
	if full.Source == SourceSheet {
		return full
	}
	if m.p.CaseRule != CaseMostDemanding {
		out := *full
		out.Components = nil
		out.Hours, out.Unit, out.UnitAssumed = Amount{}, Amount{}, Amount{}
		for _, c := range full.Components {
			if c.Paper >= 0 && drop[c.Paper] {
				continue
			}
			out.Components = append(out.Components, c)
			out.Hours = out.Hours.Add(c.Hours)
			out.Unit = out.Unit.Add(c.Cost)
			if c.IsAssumed() {
				out.UnitAssumed = out.UnitAssumed.Add(c.Cost)
			}
		}
		out.Annual = out.Unit.MulInt(out.Volume)
		out.AnnualAssumed = out.Annual
		if out.VolumeMeasured {
			out.AnnualAssumed = out.UnitAssumed.MulInt(out.Volume)
		}
		return &out
	}
	q := *p
	q.Papers = nil
	var orig []int
	for i, pp := range p.Papers {
		if !drop[i] {
			q.Papers = append(q.Papers, pp)
			orig = append(orig, i)
		}
	}
	out := m.Procedure(&q)
	for i := range out.Components {
		if k := out.Components[i].Paper; k >= 0 {
			out.Components[i].Paper = orig[k]
		}
	}
	return out
}
