package cost

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
)

// volumeColumns are the columns of a volumes file, in the order the
// documentation lists them; all are required.
var volumeColumns = []string{"code", "dossiers_per_year", "period", "source"}

// MaxVolume is the largest number of dossiers a year a volumes file may
// give for one procedure: a trillion, far above any procedure's.
const MaxVolume = 1_000_000_000_000

// Where a procedure's annual volume comes from ([ProcedureCost.VolumeOrigin]).
const (
	// VolumeFromRecord: the procedure's record states it (annual_volume).
	VolumeFromRecord = "record"
	// VolumeFromFile: a volumes file gives it (see [ReadVolumes]).
	VolumeFromFile = "volumes"
	// VolumeFromSheet: the procedure's official cost sheet gives it.
	VolumeFromSheet = "sheet"
	// VolumeFromOtherVersion: taken from the other version of the
	// procedure, which had it measured (see [ProcedureCost.WithVolume]).
	VolumeFromOtherVersion = "other_version"
	// VolumeAssumed: none known; the parameter annual_volume is used.
	VolumeAssumed = "assumed"
)

// Volume is the measured number of dossiers a year of one procedure.
type Volume struct {
	// Code is the procedure's code, as in its record.
	Code string `json:"code"`
	// PerYear is the number of dossiers a year.
	PerYear int64 `json:"per_year"`
	// Period is what the count covers, e.g. "2024" or "2024-07..2025-06".
	Period string `json:"period"`
	// Source cites where the count comes from, e.g. the portal's statistics.
	Source string `json:"source"`
	// File and Line say where the row was read.
	File string `json:"file"`
	Line int    `json:"line"`
}

// Volumes are measured annual volumes by procedure code. Get them from
// [ReadVolumes]; a Volumes is read-only once read.
type Volumes struct {
	byCode map[string]Volume
}

// ReadVolumes reads a volumes file: a CSV whose header names the columns
// code, dossiers_per_year, period and source (in any order; "procedure
// code", "dossiers per year" and "volume" are accepted too). Every row
// gives one procedure's whole number of dossiers a year (0 to
// [MaxVolume], digits only: no thousands separators), the period counted
// and the source; a code given twice is an error. name is the file's name
// for [Volume.File] and error messages, which say the line.
func ReadVolumes(r io.Reader, name string) (*Volumes, error) {
	rows, err := readCSV(r, "volumes "+name, volumeColumns, nil, map[string]string{
		"procedure_code": "code", "ma_thu_tuc": "code", "dossiers": "dossiers_per_year", "volume": "dossiers_per_year",
	})
	if err != nil {
		return nil, err
	}
	v := &Volumes{byCode: map[string]Volume{}}
	for _, row := range rows {
		at := fmt.Sprintf("volumes %s:%d", name, row.line)
		code := row.fields["code"]
		if code == "" {
			return nil, fmt.Errorf("%s: no procedure code", at)
		}
		if prev, ok := v.byCode[code]; ok {
			return nil, fmt.Errorf("%s: code %s given twice (first on line %d)", at, code, prev.Line)
		}
		n, err := wholeNumber(row.fields["dossiers_per_year"], MaxVolume)
		if err != nil {
			return nil, fmt.Errorf("%s: dossiers per year: %w", at, err)
		}
		vol := Volume{Code: code, PerYear: n, Period: row.fields["period"], Source: row.fields["source"], File: name, Line: row.line}
		if vol.Period == "" || vol.Source == "" {
			return nil, fmt.Errorf("%s: code %s: period and source are required", at, code)
		}
		v.byCode[code] = vol
	}
	return v, nil
}

// LoadVolumesFile reads the volumes file at path.
func LoadVolumesFile(path string) (*Volumes, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open volumes: %w", err)
	}
	defer f.Close()
	return ReadVolumes(f, path)
}

// Lookup returns the volume of the procedure with code, and false when the
// file gives none. A nil Volumes gives none.
func (v *Volumes) Lookup(code string) (Volume, bool) {
	if v == nil || code == "" {
		return Volume{}, false
	}
	vol, ok := v.byCode[strings.TrimSpace(code)]
	return vol, ok
}

// Len returns the number of procedures the file gives a volume for.
func (v *Volumes) Len() int {
	if v == nil {
		return 0
	}
	return len(v.byCode)
}

// Codes returns the codes the file gives a volume for, sorted.
func (v *Volumes) Codes() []string {
	if v == nil {
		return nil
	}
	return slices.Sorted(maps.Keys(v.byCode))
}

// wholeNumber reads a whole number of ASCII digits from 0 to limit.
func wholeNumber(s string, limit int64) (int64, error) {
	if s == "" {
		return 0, fmt.Errorf("empty")
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, fmt.Errorf("%q is not a whole number of digits (no separators, signs or decimals)", s)
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n > limit {
		return 0, fmt.Errorf("%q is above %d", s, limit)
	}
	return n, nil
}

// NotIn returns the codes the file gives a volume for that are not among
// codes, sorted: rows that matched no procedure read, which a report should
// list rather than drop silently (a code mistyped, or a procedure out of
// scope).
func (v *Volumes) NotIn(codes []string) []string { return notIn(v.Codes(), codes) }

// notIn returns the items of have (sorted) that are not in codes.
func notIn(have, codes []string) []string {
	known := make(map[string]bool, len(codes))
	for _, c := range codes {
		known[strings.TrimSpace(c)] = true
	}
	var out []string
	for _, c := range have {
		if !known[c] {
			out = append(out, c)
		}
	}
	return out
}
