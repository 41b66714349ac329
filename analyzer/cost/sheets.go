package cost

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
)

// Where a procedure's cost comes from ([ProcedureCost.Source]).
const (
	// SourceModel: this package's model costed the procedure from its record.
	SourceModel = "model"
	// SourceSheet: the ministry's own cost sheet gives the figures.
	SourceSheet = "sheet"
)

// ActivitySheet is the component of a procedure costed from an official
// cost sheet: the sheet's cost per dossier less the fees it states.
const ActivitySheet = "sheet"

// InputSheet names the official cost sheet among a component's measured inputs.
const InputSheet = "sheet"

// Side says which of a sheet's figures a model uses: the cost before the
// cut (the baseline) or after it (the current procedures).
type Side int

// The sides of a cost sheet.
const (
	Before Side = iota
	After
)

// String returns "before" or "after".
func (s Side) String() string {
	if s == After {
		return "after"
	}
	return "before"
}

// sheetColumns are the columns of a cost-sheet file: the required ones,
// then the optional ones.
var (
	sheetRequired = []string{"code", "cost_before", "source"}
	sheetOptional = []string{"cost_after", "fees_before", "fees_after", "hours_before", "hours_after",
		"days_before", "days_after", "dossiers_per_year", "as_of"}
)

// MaxSheetAmount is the largest figure a cost sheet may give: 10^15, a
// million billion đồng, far above any procedure's cost per dossier.
const MaxSheetAmount = 1_000_000_000_000_000

// SheetFigures are one side of an official cost sheet, per dossier.
type SheetFigures struct {
	// Cost is the cost of one dossier in đồng, fees included, as the
	// ministry computed it under Circular 02/2017/TT-VPCP.
	Cost Amount `json:"cost"`
	// Fees is the part of Cost that is fees and charges, when stated.
	Fees *Amount `json:"fees,omitempty"`
	// Hours is the time a dossier takes the subject, when stated.
	Hours *Amount `json:"hours,omitempty"`
	// Days is the statutory processing time in working days, when stated.
	Days *Amount `json:"days,omitempty"`
}

// Sheet is a ministry's own costing of one procedure, before and after its
// cut.
type Sheet struct {
	// Code is the procedure's code, as in its record.
	Code string `json:"code"`
	// Before is the cost before the cut.
	Before SheetFigures `json:"before"`
	// After is the cost after the cut; nil when the sheet gives none.
	After *SheetFigures `json:"after,omitempty"`
	// Volume is the number of dossiers a year the sheet counts, or nil.
	Volume *int64 `json:"volume,omitempty"`
	// AsOf dates the sheet, when stated.
	AsOf string `json:"as_of,omitempty"`
	// Source cites the sheet: the ministry's document and where it was
	// published.
	Source string `json:"source"`
	// File and Line say where the row was read.
	File string `json:"file"`
	Line int    `json:"line"`
}

// Figures returns the sheet's figures for side, and false when it gives
// none for that side.
func (s *Sheet) Figures(side Side) (SheetFigures, bool) {
	if side == After {
		if s.After == nil {
			return SheetFigures{}, false
		}
		return *s.After, true
	}
	return s.Before, true
}

// Sheets are official cost sheets by procedure code. Get them from
// [ReadSheets]; a Sheets is read-only once read.
type Sheets struct {
	byCode map[string]*Sheet
}

// ReadSheets reads a cost-sheet file: a CSV with a header naming its
// columns, one row per procedure. Required: code, cost_before (đồng per
// dossier, fees included) and source. Optional: cost_after, fees_before,
// fees_after, hours_before, hours_after, days_before, days_after (working
// days of processing), dossiers_per_year and as_of; an empty cell is not
// stated. Figures are plain decimals from 0 to [MaxSheetAmount]; fees may
// not exceed the cost of their side, and fees or hours or days after need a
// cost after. A code given twice is an error. name is the file's name for
// [Sheet.File] and error messages, which say the line. docs/estimate.md
// has a worked example.
func ReadSheets(r io.Reader, name string) (*Sheets, error) {
	rows, err := readCSV(r, "cost sheets "+name, sheetRequired, sheetOptional, map[string]string{
		"procedure_code": "code", "ma_thu_tuc": "code", "volume": "dossiers_per_year",
	})
	if err != nil {
		return nil, err
	}
	out := &Sheets{byCode: map[string]*Sheet{}}
	for _, row := range rows {
		at := fmt.Sprintf("cost sheets %s:%d", name, row.line)
		s, err := sheetOf(row.fields)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", at, err)
		}
		if prev, ok := out.byCode[s.Code]; ok {
			return nil, fmt.Errorf("%s: code %s given twice (first on line %d)", at, s.Code, prev.Line)
		}
		s.File, s.Line = name, row.line
		out.byCode[s.Code] = s
	}
	return out, nil
}

// sheetOf reads one row of a cost-sheet file.
func sheetOf(f map[string]string) (*Sheet, error) {
	s := &Sheet{Code: f["code"], Source: f["source"], AsOf: f["as_of"]}
	if s.Code == "" {
		return nil, fmt.Errorf("no procedure code")
	}
	if s.Source == "" {
		return nil, fmt.Errorf("code %s: source is required", s.Code)
	}
	var err error
	amount := func(col string) *Amount {
		if err != nil || f[col] == "" {
			return nil
		}
		var a Amount
		if a, err = ParseAmount(f[col]); err != nil {
			err = fmt.Errorf("code %s: %s: %w", s.Code, col, err)
			return nil
		}
		if a.Sign() < 0 || a.Cmp(Int(MaxSheetAmount)) > 0 {
			err = fmt.Errorf("code %s: %s: %s is outside 0 to %d", s.Code, col, f[col], int64(MaxSheetAmount))
			return nil
		}
		return &a
	}
	side := func(suffix string) *SheetFigures {
		c := amount("cost_" + suffix)
		fees, hours, days := amount("fees_"+suffix), amount("hours_"+suffix), amount("days_"+suffix)
		if err != nil {
			return nil
		}
		if c == nil {
			if fees != nil || hours != nil || days != nil {
				err = fmt.Errorf("code %s: fees, hours or days %s given without cost_%s", s.Code, suffix, suffix)
			}
			return nil
		}
		if fees != nil && fees.Cmp(*c) > 0 {
			err = fmt.Errorf("code %s: fees_%s %s exceed cost_%s %s", s.Code, suffix, fees.Exact(), suffix, c.Exact())
			return nil
		}
		return &SheetFigures{Cost: *c, Fees: fees, Hours: hours, Days: days}
	}
	before := side("before")
	if err == nil && before == nil {
		err = fmt.Errorf("code %s: cost_before is required", s.Code)
	}
	s.After = side("after")
	if err != nil {
		return nil, err
	}
	s.Before = *before
	if v := f["dossiers_per_year"]; v != "" {
		n, err := wholeNumber(v, MaxVolume)
		if err != nil {
			return nil, fmt.Errorf("code %s: dossiers per year: %w", s.Code, err)
		}
		s.Volume = &n
	}
	return s, nil
}

// LoadSheetsFile reads the cost-sheet file at path.
func LoadSheetsFile(path string) (*Sheets, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open cost sheets: %w", err)
	}
	defer f.Close()
	return ReadSheets(f, path)
}

// Lookup returns the sheet of the procedure with code, and nil when there
// is none. A nil Sheets has none.
func (s *Sheets) Lookup(code string) *Sheet {
	if s == nil || code == "" {
		return nil
	}
	return s.byCode[strings.TrimSpace(code)]
}

// Len returns the number of procedures with a sheet.
func (s *Sheets) Len() int {
	if s == nil {
		return 0
	}
	return len(s.byCode)
}

// Codes returns the codes with a sheet, sorted.
func (s *Sheets) Codes() []string {
	if s == nil {
		return nil
	}
	return slices.Sorted(maps.Keys(s.byCode))
}

// NotIn returns the codes with a sheet that are not among codes, sorted:
// sheets that matched no procedure read.
func (s *Sheets) NotIn(codes []string) []string { return notIn(s.Codes(), codes) }
