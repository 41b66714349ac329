package reports

import "time"

// Input is everything a reduction report shows. The writer formats it and
// computes nothing but display shares; lists are printed in the order
// given, except the legal documents of the appendix, which are sorted by
// their title in the report's language. Names of databases, owners
// and legal texts come in English and Vietnamese; the report prints the
// one of its language, the English one where the Vietnamese is empty.
type Input struct {
	// Title replaces the default title when set.
	Title string
	// Generated is the report's date (from the injected clock).
	Generated time.Time
	// Scope says what the report covers.
	Scope Scope
	// Target is the reduction target in percent (e.g. 20), for regulations
	// and compliance cost alike.
	Target float64
	// Total tallies every procedure in scope.
	Total Tally
	// Ministries and Sectors tally the procedures of each, in display order.
	Ministries []Tally
	Sectors    []Tally
	// Databases are the databases holding flagged papers, in display order.
	Databases []Database
	// Opportunities are the procedures whose flagged papers would save most,
	// by annual saving, largest first.
	Opportunities []Opportunity
	// OpportunitiesOmitted counts the opportunities ranked after the last
	// of Opportunities and left out of it (a report on a large corpus keeps
	// only the entries it can show), and OpportunitiesOmittedSaving is
	// their annual saving, in đồng, each rounded as Opportunity.Saving.
	OpportunitiesOmitted       int
	OpportunitiesOmittedSaving int64
	// Changes lists what changed since the baseline; nil without a baseline.
	Changes *Changes
	// Targets sets the cuts beside the target asked for and every preset
	// in force on the report's date, unit by unit.
	Targets []TargetGap
	// Decisions says which rows of the Government's decisions on papers
	// replaced by data the records apply; nil when none concerns them.
	Decisions *Decisions
	// Method is what the figures rest on.
	Method Method
}

// Scope says what a report covers.
type Scope struct {
	// Ministry and Sector are the narrowing filters as given; empty for all.
	Ministry, Sector string
	// Ministries and Sectors are the names the filters matched, in the
	// baseline or the current input, sorted; empty without a filter.
	Ministries, Sectors []string
	// Corpus names the current input (paths); empty for the built-in demo corpus.
	Corpus string
	// Baseline names the baseline input; empty when the current corpus is
	// its own baseline.
	Baseline string
	// Procedures, Files and ReadErrors count what was read of the current
	// input (before narrowing).
	Procedures, Files, ReadErrors int
	// BaselineProcedures, BaselineFiles and BaselineReadErrors count the baseline input.
	BaselineProcedures, BaselineFiles, BaselineReadErrors int
	// Unread and BaselineUnread name the files and records of each input
	// that were not read: those that could not be read, with the reason,
	// and those knowingly skipped as holding no records. The appendix
	// lists them, the first [MaxUnreadListed] of each by name.
	Unread, BaselineUnread []Unread
	// AsOf is the day (YYYY-MM-DD) whose catalog entries and legal bases apply.
	AsOf string
}

// Unread is a file or record of the input that the report does not rest on.
type Unread struct {
	// Place is the file, with the line or record where there is one.
	Place string
	// Reason says why it was not read.
	Reason string
	// Skipped is true for a file knowingly skipped as holding no records
	// (a national export's summary, say), false for one that failed.
	Skipped bool
}

// MaxUnreadListed is how many unread files of one input the report names;
// the rest are counted.
const MaxUnreadListed = 50

// Tally is the progress of a group of procedures (all, a ministry, a sector).
type Tally struct {
	// Name names the group.
	Name string
	// Regulations counts the official unit (procedures + conditions).
	Regulations Count
	// Procedures, Conditions and Papers count each unit on its own.
	Procedures, Conditions, Papers Count
	// Cost is the annual compliance cost.
	Cost Money
	// FlaggedPapers counts the current papers flagged as held in a database,
	// and FlaggedProcedures the current procedures with at least one.
	FlaggedPapers, FlaggedProcedures int
	// States counts the current papers a ministry can act on, by state.
	States PaperStates
	// Time is the cut of total statutory processing time.
	Time TimeCount
}

// TimeCount is the cut of total statutory processing time in working
// days, over the procedures whose time is known, in the two scenarios.
type TimeCount struct {
	// Procedures counts the procedures whose time is known; Unknown
	// those left out because no time could be read.
	Procedures, Unknown int
	// Baseline and Current are the total days; Percent and PercentFlags
	// the cut achieved and with flagged papers dropped.
	Baseline, Current     float64
	Percent, PercentFlags float64
}

// Decisions counts the rows of the Government's decisions (Resolution
// 66.7/2025/NQ-CP Appendix I, and any list added) whose procedure is in
// the report, by outcome, and lists those not applied yet.
type Decisions struct {
	// Judged counts the rows judged; Applied, NotApplied and PaperNotFound
	// count them by outcome.
	Judged, Applied, NotApplied, PaperNotFound int
	// Ministries counts the outcomes per ministry, the most not applied first.
	Ministries []DecisionCount
	// Pending lists the rows not applied: the published procedure still
	// asks for a paper the decision replaced.
	Pending []PendingDecision
}

// DecisionCount counts one ministry's outcomes.
type DecisionCount struct {
	Name                               string
	Applied, NotApplied, PaperNotFound int
}

// PendingDecision is a row of a decision the records do not apply yet.
type PendingDecision struct {
	ProcedureRef
	// Paper is the dossier paper still asked for; CitationVi cites the row
	// and the provision it replaces, in Vietnamese as the decision writes
	// it, and Citation the row in English (the provision is not translated).
	Paper, Citation, CitationVi string
}

// TargetGap sets the cut of one unit beside what one target asks.
type TargetGap struct {
	// Preset names the target ("nq68", "nq66-2026", or a percentage);
	// Citation and CitationVi cite its resolution; Asked is true for the
	// target asked for.
	Preset, Citation, CitationVi string
	Asked                        bool
	// Unit is "regulations", "conditions", "cost" or "time"; Target the
	// percentage asked.
	Unit   string
	Target float64
	// Measured is false when the unit's cut could not be measured;
	// Achieved and WithinReach are then zero.
	Measured              bool
	Achieved, WithinReach float64
	// Met is true when the achieved cut reaches the target.
	Met bool
}

// StateCount counts the papers in one state and the procedures with at
// least one such paper.
type StateCount struct {
	Papers, Procedures int
}

// PaperStates counts the current papers by what a ministry can do with
// them (docs/flags.md, "Statuses").
type PaperStates struct {
	// Achieved counts the papers the records say the agency looks up
	// already, or asks for only when the look-up fails: done.
	Achieved StateCount
	// WithinReach counts the replaceable papers: every choice and every
	// holder covered. The flags-applied scenario drops them.
	WithinReach StateCount
	// MostPeople counts the partly replaceable papers: some choices,
	// holders or cases covered. They are shown apart and no scenario of
	// the report drops them.
	MostPeople StateCount
}

// Count is the cut of one unit in the two scenarios: achieved since the
// baseline ("current") and with every flagged paper dropped as well
// ("flags applied").
type Count struct {
	// Baseline and Current are the numbers of units on each side.
	Baseline, Current int
	// Cut and CutFlags are the baseline units cut in each scenario.
	Cut, CutFlags int
	// Added counts units the current side adds.
	Added int
	// Percent and PercentFlags are the cuts as a percentage of Baseline.
	Percent, PercentFlags float64
}

// Money is the annual compliance cost in the two scenarios, in đồng per year.
type Money struct {
	// Before is the baseline's annual cost, After the current one's and
	// AfterFlags the current one's without the flagged papers.
	Before, After, AfterFlags int64
	// Saving and SavingFlags are Before − After and Before − AfterFlags.
	Saving, SavingFlags int64
	// Percent and PercentFlags are the savings as a percentage of Before.
	Percent, PercentFlags float64
	// AssumedShare is the share (0–1) of After resting on at least one
	// assumed input.
	AssumedShare float64
}

// Database is one database holding data that flagged papers ask for.
type Database struct {
	// Name and Owner name the database and the body that owns it, in
	// English; NameVi and OwnerVi in Vietnamese (empty: the English name
	// stands in the Vietnamese report too).
	Name, Owner     string
	NameVi, OwnerVi string
	// Basis lists the legal bases to cite when dropping the papers.
	Basis []Basis
	// Entries are the catalog entries matched, with their flagged papers.
	Entries []EntryCount
	// Papers counts the flagged papers.
	Papers int
	// Procedures are the procedures affected, in display order, and
	// ProceduresOmitted counts those after the last of Procedures, left
	// out of it.
	Procedures        []ProcedureRef
	ProceduresOmitted int
}

// Basis is one legal basis as cited.
type Basis struct {
	// Citation cites the document and article in English, CitationVi in
	// Vietnamese (empty: the English citation stands).
	Citation, CitationVi string
	// Status is "law", "news" or "unsure" (see package catalog).
	Status string
	// Note says what is unsure or special, in English and in Vietnamese.
	Note, NoteVi string
}

// EntryCount is a catalog entry and the number of papers flagged by it.
type EntryCount struct {
	// ID, Name and English identify the entry.
	ID, Name, English string
	// Coverage is "full", "partial" or "conditional".
	Coverage string
	// Papers counts its flagged papers.
	Papers int
}

// ProcedureRef names a procedure.
type ProcedureRef struct {
	// Code, Name, Ministry and Sector identify it.
	Code, Name, Ministry, Sector string
	// Papers counts the papers concerned (flagged, or all for a new procedure).
	Papers int
	// Annual is its annual compliance cost in đồng, where the list shows it.
	Annual int64
	// Volume is its annual number of dossiers, where the list shows it.
	Volume int64
}

// Opportunity is a procedure whose flagged papers could be dropped.
type Opportunity struct {
	ProcedureRef
	// Databases are the databases holding the flagged papers (English
	// names), sorted; DatabasesVi are their Vietnamese names in the same
	// order, an empty one standing for the English name.
	Databases, DatabasesVi []string
	// Saving is the annual saving of dropping the flagged papers, in đồng.
	Saving int64
	// Percent is Saving as a percentage of Annual.
	Percent float64
	// AssumedShare is the share (0–1) of the procedure's annual cost resting on assumptions.
	AssumedShare float64
	// Volume is the number of dossiers a year; VolumeMeasured is true when
	// the record states it.
	Volume         int64
	VolumeMeasured bool
	// Parts split Saving by what is saved, largest first.
	Parts []CostPart
}

// CostPart is the part of a saving that one kind of cost makes up: a kind
// of paper, certified copies, or another activity of the cost model.
type CostPart struct {
	// Key names the kind of cost: "paper_kinds.<kind>", "certified_copy",
	// or an activity of the cost model.
	Key string
	// Params are the parameters the part is costed with that belong to it
	// (named under Key), sorted.
	Params []string
	// Saving is the annual saving of the part, in đồng.
	Saving int64
	// Default is true for the kinds of paper the cost model gives to papers
	// of no recognised kind: one figure for every such paper alike.
	Default bool
}

// Changes is what changed between the baseline and the current corpus.
type Changes struct {
	// Statuses counts baseline and new procedures by status ("abolished",
	// "simplified", "mixed", "heavier", "unchanged", "new").
	Statuses map[string]int
	// Added are the procedures new since the baseline, and Abolished the
	// baseline procedures no longer present, in display order.
	Added, Abolished []ProcedureRef
	// AddedOmitted and AbolishedOmitted count the procedures after the
	// last of Added and of Abolished, left out of them.
	AddedOmitted, AbolishedOmitted int
	// AddedCost is the annual cost of the new procedures, in đồng, and
	// AbolishedCost the annual cost the abolished ones had at the baseline.
	AddedCost, AbolishedCost int64
}

// Method is what the figures rest on, for the appendix.
type Method struct {
	// HourlyValue is the value of an hour in đồng.
	HourlyValue float64
	// Params are the cost-model parameters, in file order.
	Params []Param
	// ParamFiles and CatalogFiles name the files the parameters and the
	// catalog were read from.
	ParamFiles, CatalogFiles []string
	// Documents are the legal documents the catalog cites, sorted.
	Documents []Document
	// VolumesAssumed counts the current procedures whose annual volume is
	// assumed; FeesUnknown those stating no fee or an unreadable amount;
	// TimeUnknown those stating no readable processing time.
	VolumesAssumed, FeesUnknown, TimeUnknown int
	// SavingAssumedShare is the share (0–1) of the flags-applied saving
	// resting on assumed inputs.
	SavingAssumedShare float64
	// MeasuredShare is the share (0–1) of the current annual cost whose
	// volume was measured or whose figures come from an official cost sheet.
	MeasuredShare float64
	// FromSheet counts the procedures costed from an official cost sheet.
	FromSheet int
	// CollectFirst lists the procedures whose volume is assumed, largest
	// annual cost first (Annual and Volume set): the volumes to collect first.
	CollectFirst []ProcedureRef
	// Scope names the scope the report covers: "all", "business", ...
	Scope string
	// Attributed counts the current records by the evidence that gave their
	// ministry (issuer, agency, folder, local_agency, stated), in that
	// order, and Unattributed lists the records no evidence attributes.
	Attributed   []EvidenceCount
	Unattributed []ProcedureRef
}

// EvidenceCount counts the records one kind of evidence attributed.
type EvidenceCount struct {
	Evidence string
	Records  int
}

// Param is one parameter of the cost model.
type Param struct {
	// Name is the dotted name, e.g. "time_value.monthly_income".
	Name string
	// Value is the figure and Unit what it counts; UnitVi and SourceVi
	// give the unit and the source in Vietnamese when the parameter file
	// does (empty: the file's text is quoted).
	Value            float64
	Unit             string
	UnitVi, SourceVi string
	// AsOf, Source and Origin say when it holds, where it comes from and
	// which file set it.
	AsOf, Source, Origin string
	// Unconfirmed is true when the figure is an assumption or unchecked.
	Unconfirmed bool
}

// Document is a legal document the catalog cites.
type Document struct {
	// Title names it; Status is "law", "news" or "unsure"; Source says
	// where the facts about it come from. TitleVi and SourceVi say the same
	// in Vietnamese (empty: the English text stands).
	Title, Status, Source string
	TitleVi, SourceVi     string
	// SourceFile names the file the source texts refer to, when they
	// started with the key of one of the catalog's sources; the texts then
	// hold the rest ("…: in force 1 Jul 2024").
	SourceFile string
}

// opportunities counts the opportunities, those omitted included.
func (in *Input) opportunities() int { return len(in.Opportunities) + in.OpportunitiesOmitted }

// procedures counts the procedures affected, those omitted included.
func (db *Database) procedures() int { return len(db.Procedures) + db.ProceduresOmitted }
