package cost

import (
	"cmp"
	"slices"
)

// Coverage says how much of a set of procedures' annual cost rests on
// measured volumes, on assumed ones, and on official cost sheets.
type Coverage struct {
	// Procedures counts the procedures; Annual is their annual cost.
	Procedures int    `json:"procedures"`
	Annual     Amount `json:"annual"`
	// VolumeMeasured counts the procedures whose volume was measured, and
	// VolumeMeasuredAnnual is their annual cost.
	VolumeMeasured       int    `json:"volume_measured"`
	VolumeMeasuredAnnual Amount `json:"volume_measured_annual"`
	// VolumeAssumed counts the procedures whose volume is the assumed
	// default, and VolumeAssumedAnnual is their annual cost.
	VolumeAssumed       int    `json:"volume_assumed"`
	VolumeAssumedAnnual Amount `json:"volume_assumed_annual"`
	// FromSheet counts the procedures costed from an official cost sheet,
	// and FromSheetAnnual is their annual cost.
	FromSheet       int    `json:"from_sheet"`
	FromSheetAnnual Amount `json:"from_sheet_annual"`
}

// MeasuredShare returns the share (0–1) of the annual cost whose volume was
// measured.
func (c Coverage) MeasuredShare() Amount { return c.VolumeMeasuredAnnual.Div(c.Annual) }

// Cover sums costs by where their volume and figures come from.
func Cover(costs []*ProcedureCost) Coverage {
	var c Coverage
	for _, pc := range costs {
		c.Add(pc)
	}
	return c
}

// Add counts pc into c.
func (c *Coverage) Add(pc *ProcedureCost) {
	c.Procedures++
	c.Annual = c.Annual.Add(pc.Annual)
	if pc.VolumeMeasured {
		c.VolumeMeasured++
		c.VolumeMeasuredAnnual = c.VolumeMeasuredAnnual.Add(pc.Annual)
	} else {
		c.VolumeAssumed++
		c.VolumeAssumedAnnual = c.VolumeAssumedAnnual.Add(pc.Annual)
	}
	if pc.Source == SourceSheet {
		c.FromSheet++
		c.FromSheetAnnual = c.FromSheetAnnual.Add(pc.Annual)
	}
}

// CollectFirst returns the procedures whose volume is assumed, largest
// annual cost first (ties by code, then id), at most n of them (all when n
// <= 0): the officer's list of volumes to collect first, since each of
// these moves the total most if its real volume differs from the default.
func CollectFirst(costs []*ProcedureCost, n int) []*ProcedureCost {
	var out []*ProcedureCost
	for _, pc := range costs {
		if !pc.VolumeMeasured {
			out = append(out, pc)
		}
	}
	slices.SortStableFunc(out, func(a, b *ProcedureCost) int {
		if c := b.Annual.Cmp(a.Annual); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Code, b.Code); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}
