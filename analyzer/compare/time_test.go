package compare

import (
	"context"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
)

// timed returns a procedure with one in-person channel taking value unit;
// an empty unit gives a time whose text could not be read, a negative
// value no time at all.
func timed(code, sector string, value float64, unit corpus.TimeUnit) *corpus.Procedure {
	p := &corpus.Procedure{Code: code, Name: "Thủ tục " + code, Ministry: "Bộ Xây dựng", Sector: sector}
	ch := corpus.Channel{Mode: corpus.ModeInPerson}
	if value >= 0 {
		ch.Time = &corpus.Duration{Text: "x", Value: value, Unit: unit}
	}
	p.Channels = []corpus.Channel{ch}
	return p
}

func TestProcessingDays(t *testing.T) {
	for _, tc := range []struct {
		name  string
		p     *corpus.Procedure
		want  string
		known bool
	}{
		{"working days", timed("A", "", 15, corpus.WorkingDays), "15.00", true},
		{"calendar days", timed("A", "", 7, corpus.Days), "5.00", true},
		{"working hours", timed("A", "", 4, corpus.WorkingHours), "0.50", true},
		{"months", timed("A", "", 1, corpus.Months), "22.00", true},
		{"half day", timed("A", "", 0.5, corpus.WorkingDays), "0.50", true},
		{"text not read", timed("A", "", 3, ""), "0.00", false},
		{"no time", timed("A", "", -1, ""), "0.00", false},
		{"nil", nil, "0.00", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ProcessingDays(tc.p)
			if got.Format(2) != tc.want || ok != tc.known {
				t.Errorf("ProcessingDays = %s, %v; want %s, %v", got.Format(2), ok, tc.want, tc.known)
			}
		})
	}
}

func TestTimeCut(t *testing.T) {
	for _, tc := range []struct {
		name               string
		baseline, current  []*corpus.Procedure
		before, after, pct string
		procs, unknown     int
		borrowed           int
		shorter, longer    int
	}{
		{
			name:     "15 to 10 working days",
			baseline: []*corpus.Procedure{timed("A", "", 15, corpus.WorkingDays)},
			current:  []*corpus.Procedure{timed("A", "", 10, corpus.WorkingDays)},
			before:   "15.00", after: "10.00", pct: "33.33", procs: 1, shorter: 1,
		},
		{
			name:     "longer",
			baseline: []*corpus.Procedure{timed("A", "", 10, corpus.WorkingDays)},
			current:  []*corpus.Procedure{timed("A", "", 15, corpus.WorkingDays)},
			before:   "10.00", after: "15.00", pct: "-50.00", procs: 1, longer: 1,
		},
		{
			name:     "abolished procedure cuts its whole time",
			baseline: []*corpus.Procedure{timed("A", "", 10, corpus.WorkingDays), timed("B", "", 10, corpus.WorkingDays)},
			current:  []*corpus.Procedure{timed("A", "", 10, corpus.WorkingDays)},
			before:   "20.00", after: "10.00", pct: "50.00", procs: 2,
		},
		{
			name:     "new procedure adds its time",
			baseline: []*corpus.Procedure{timed("A", "", 10, corpus.WorkingDays)},
			current:  []*corpus.Procedure{timed("A", "", 10, corpus.WorkingDays), timed("N", "", 5, corpus.WorkingDays)},
			before:   "10.00", after: "15.00", pct: "-50.00", procs: 2,
		},
		{
			name:     "unknown on both sides is left out, not zero",
			baseline: []*corpus.Procedure{timed("A", "", 15, corpus.WorkingDays), timed("U", "", -1, "")},
			current:  []*corpus.Procedure{timed("A", "", 10, corpus.WorkingDays), timed("U", "", 3, "")},
			before:   "15.00", after: "10.00", pct: "33.33", procs: 1, unknown: 1, shorter: 1,
		},
		{
			name:     "time no longer stated is not cut",
			baseline: []*corpus.Procedure{timed("A", "", 15, corpus.WorkingDays)},
			current:  []*corpus.Procedure{timed("A", "", -1, "")},
			before:   "15.00", after: "15.00", pct: "0.00", procs: 1, borrowed: 1,
		},
		{
			name:     "abolished without time is unknown",
			baseline: []*corpus.Procedure{timed("A", "", -1, "")},
			before:   "0.00", after: "0.00", pct: "0.00", unknown: 1,
		},
		{
			name:     "calendar days against working days",
			baseline: []*corpus.Procedure{timed("A", "", 14, corpus.Days)},
			current:  []*corpus.Procedure{timed("A", "", 5, corpus.WorkingDays)},
			before:   "10.00", after: "5.00", pct: "50.00", procs: 1, shorter: 1,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Compare(context.Background(), tc.baseline, tc.current, nil, Options{})
			if err != nil {
				t.Fatal(err)
			}
			tm := res.Scenarios[0].Time
			if tm.BaselineDays.Format(2) != tc.before || tm.CurrentDays.Format(2) != tc.after || tm.Percent.Format(2) != tc.pct {
				t.Errorf("time %s → %s (%s%%), want %s → %s (%s%%)", tm.BaselineDays.Format(2), tm.CurrentDays.Format(2), tm.Percent.Format(2), tc.before, tc.after, tc.pct)
			}
			if tm.Procedures != tc.procs || tm.Unknown != tc.unknown || tm.Borrowed != tc.borrowed || tm.Shortened != tc.shorter || tm.Lengthened != tc.longer {
				t.Errorf("counted %d unknown %d borrowed %d shorter %d longer %d, want %d %d %d %d %d",
					tm.Procedures, tm.Unknown, tm.Borrowed, tm.Shortened, tm.Lengthened, tc.procs, tc.unknown, tc.borrowed, tc.shorter, tc.longer)
			}
			if tm.Unit != DaysUnit {
				t.Errorf("unit %q", tm.Unit)
			}
		})
	}
}

func TestTimeCutPerMinistryAndSector(t *testing.T) {
	base := []*corpus.Procedure{timed("A", "Hàng không", 15, corpus.WorkingDays), timed("B", "Đường bộ", 20, corpus.WorkingDays)}
	cur := []*corpus.Procedure{timed("A", "Hàng không", 10, corpus.WorkingDays), timed("B", "Đường bộ", 20, corpus.WorkingDays)}
	base[1].Ministry = "Bộ Giao thông vận tải" // renamed: tallied under Bộ Xây dựng
	res, err := Compare(context.Background(), base, cur, nil, Options{Target: vnd(30)})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Scenarios[0]
	if len(s.Ministries) != 1 || s.Ministries[0].Name != "Bộ Xây dựng" {
		t.Fatalf("ministries %v", s.Ministries)
	}
	checkAmount(t, "ministry cut", s.Ministries[0].Time.Cut, vnd(5))
	checkAmount(t, "ministry gap", s.Ministries[0].Time.Gap, vnd(30).Sub(s.Ministries[0].Time.Percent))
	got := map[string]string{}
	for _, sec := range s.Sectors {
		got[sec.Name] = sec.Time.Percent.Format(2)
	}
	if got["Hàng không"] != "33.33" || got["Đường bộ"] != "0.00" || len(got) != 2 {
		t.Errorf("sector time cuts %v", got)
	}
}
