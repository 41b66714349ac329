package cost

import "strconv"

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// strconvFloat prints f in the shortest form that reads back the same, so
// that a parsed 1.5 becomes exactly 3/2.
func strconvFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
