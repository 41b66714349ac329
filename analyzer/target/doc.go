// Package target holds the reduction targets redtape measures against: the
// named presets of Government resolutions (Resolution 68/NQ-CP, 2020–2025;
// Resolution 66/NQ-CP, 2025 and 2026), each with its percentage per unit
// (regulations, conditions, cost, time), its baseline, the period it is in
// force and its citation, and plain percentages a user types.
//
// The presets are data: an embedded YAML file (presets.yaml, schema
// redtape.targets/v1) validated each time it is read. [Parse] reads what a
// user types (--target nq66-2026, --target 20%); [Presets] lists every
// preset and [InForce] the ones in force on a day, so that a report can
// state the gap to each.
package target
