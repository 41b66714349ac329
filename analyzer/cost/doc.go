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
// Arithmetic is exact ([Amount] wraps math/big.Rat); figures are rounded
// only when printed.
package cost
