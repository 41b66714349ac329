package cost

import "strconv"

// strconvFloat prints f in the shortest form that reads back the same, so
// that a parsed 1.5 becomes exactly 3/2.
func strconvFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
