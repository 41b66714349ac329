package flags

// Status is the one-word state of a required paper, the answer a ministry
// acts on (docs/flags.md, "Statuses"). Every [PaperResult] has exactly one.
type Status string

// The statuses of a paper, from what a ministry can act on to what it
// cannot.
const (
	// StatusReplaceable: the state holds the data of every choice the
	// paper offers and of everyone it is asked of; the agency can stop
	// asking for it (the "flagged" of earlier versions).
	StatusReplaceable Status = "replaceable"
	// StatusPartlyReplaceable: some alternatives, some holders or some
	// cases are covered (the ID card in a list that also accepts "other
	// photo ID"; citizens but not foreigners); the agency can stop asking
	// most people for it. The result names the covered part and the rest.
	StatusPartlyReplaceable Status = "partly-replaceable"
	// StatusLookedUp: the record already says the agency looks the data
	// up, or asks for the paper only when the look-up fails; done already.
	StatusLookedUp Status = "looked-up"
	// StatusRequired: a catalog paper is asked for and the catalog does
	// not cover it here (issued abroad, issued by the procedure itself, a
	// kind the catalog excludes).
	StatusRequired Status = "required"
	// StatusNotInCatalog: the paper names no paper of the catalog.
	StatusNotInCatalog Status = "not-in-catalog"
	// StatusForm: a form or declaration the applicant fills in.
	StatusForm Status = "form"
	// StatusOwnDocument: a document the applicant draws up or holds.
	StatusOwnDocument Status = "own-document"
	// StatusMention: the paper names a catalog paper without asking for it
	// and without saying the agency looks it up.
	StatusMention Status = "mention"
)

// Statuses lists every status in the order reports show them.
var Statuses = []Status{
	StatusReplaceable, StatusPartlyReplaceable, StatusLookedUp, StatusRequired,
	StatusNotInCatalog, StatusForm, StatusOwnDocument, StatusMention,
}

// Scenario names a what-if of the assessment: which papers count as no
// longer asked for.
type Scenario string

// The scenarios of an assessment.
const (
	// ScenarioAsPublished drops nothing: the procedures as published.
	ScenarioAsPublished Scenario = "current"
	// ScenarioReplaceable drops every replaceable paper: what the
	// agencies can stop asking of everyone ("within reach").
	ScenarioReplaceable Scenario = "flags_applied"
	// ScenarioMostPeople drops the partly replaceable papers too: what
	// the agencies can stop asking of most people.
	ScenarioMostPeople Scenario = "most_people"
)

// Dropped reports whether a paper of status s counts as no longer asked
// for in scenario sc. It is the one decision every count of cut papers and
// every cost scenario rests on: the index, flag, estimate and report all
// ask it here. Looked-up papers are already achieved, so no scenario cuts
// them again.
func (s Status) Dropped(sc Scenario) bool {
	switch sc {
	case ScenarioReplaceable:
		return s == StatusReplaceable
	case ScenarioMostPeople:
		return s == StatusReplaceable || s == StatusPartlyReplaceable
	}
	return false
}

// statusOf derives the status of a judged paper from its verdict: a
// paper asking for covered papers only is replaceable; one where some
// component, some alternative or some holder is left out (a broader name
// such as "giấy tờ tùy thân" is covered only for a person with a
// Vietnamese ID card) is partly replaceable, with Left saying what is left.
func statusOf(r *PaperResult, lookedUp bool) Status {
	switch r.ReasonCode {
	case ReasonFlagged:
		if len(r.Left) > 0 {
			return StatusPartlyReplaceable
		}
		return StatusReplaceable
	case ReasonPartlyCovered:
		return StatusPartlyReplaceable
	case ReasonForm:
		return StatusForm
	case ReasonOwnDocument:
		return StatusOwnDocument
	case ReasonNotInCatalog:
		return StatusNotInCatalog
	case ReasonMentionOnly:
		if lookedUp {
			return StatusLookedUp
		}
		return StatusMention
	}
	return StatusRequired
}

// Replaceable reports whether the state holds the data of all or part of
// what the paper asks for: its status is replaceable or partly
// replaceable. Entry then names the covered catalog paper.
func (r *PaperResult) Replaceable() bool {
	return r.Status == StatusReplaceable || r.Status == StatusPartlyReplaceable
}
