// Package cost is redtape's compliance-cost model: the Standard Cost Model
// as Vietnam applies it (Decree 63/2010/NĐ-CP as amended by Decree
// 92/2017/NĐ-CP; Circular 02/2017/TT-VPCP).
//
//	unit cost   = hours × hourly value of time + cash costs
//	hourly value = monthly income / working days per month / hours per day
//	annual cost = unit cost × dossiers per year
//
// Hours and cash per activity and per kind of paper, the income basis, the
// channel mix and the default annual volume are parameters: an embedded
// YAML file (params.yaml) with a dated source for every figure, overridable
// with [LoadParams]. Fees and annual volumes come from the records where
// they are stated. Every [Component] of a cost lists the record inputs it
// was measured from and the parameters it assumed, so a report can say what
// share of a cost rests on assumptions ([ProcedureCost.AssumedShare]).
//
// Volumes and costs measured elsewhere take precedence over the model: a
// volumes file ([ReadVolumes], [Model.WithVolumes]) gives dossiers a year by
// procedure code, and a ministry's official cost sheet ([ReadSheets],
// [Model.WithSheets]) replaces the model's figures for its procedure. Each
// [ProcedureCost] says where its figures (Source) and its volume
// (VolumeOrigin, VolumePeriod, VolumeSource) come from; [Cover] and
// [CollectFirst] say how much of a total rests on assumed volumes and which
// to collect first.
//
// The model follows Circular 02/2017/TT-VPCP Art. 27: where figures differ
// the lower, average one (a dossier differing by case is costed at the
// average of its cases), no opportunity cost (waiting is off unless
// waiting_hours_per_day is set), and the cash businesses pay (travel, hired
// services, notarisation and translation) with cited defaults.
//
// Arithmetic is exact ([Amount] wraps math/big.Rat); figures are rounded
// only when printed.
package cost
