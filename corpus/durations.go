package corpus

// ParseDuration: processing times, including compound ones.

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// durationRe matches a number and a time unit, folded.
var durationRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(\d+(?:[.,]\d+)?)\s*(ngay lam viec|ngay|gio lam viec|gio|thang|nam|tuan|phut)\b`)
})

// durationNextRe matches, folded, a second part of a compound time right
// after the first: "02 tháng và 15 ngày làm việc", "1 giờ 30 phút".
var durationNextRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*(?:va\s+)?(\d+(?:[.,]\d+)?)\s*(ngay lam viec|ngay|gio lam viec|gio|phut)\b`)
})

// durationInto converts one of a unit (folded, as durationRe names it) into
// a smaller one, for compound times; 0 when the pair is not converted.
// Months count 22 working days (the cost model's default
// time_value.working_days_per_month) or 30 days, weeks 5 working days or 7
// days, days 24 hours, working days 8 working hours, hours 60 minutes.
func durationInto(big, small string) float64 {
	switch big + ">" + small {
	case "nam>ngay lam viec":
		return 12 * 22
	case "nam>ngay":
		return 12 * 30
	case "thang>ngay lam viec":
		return 22
	case "thang>ngay":
		return 30
	case "tuan>ngay lam viec":
		return 5
	case "tuan>ngay":
		return 7
	case "ngay>gio":
		return 24
	case "ngay>phut":
		return 24 * 60
	case "ngay lam viec>gio lam viec":
		return 8
	case "gio>phut", "gio lam viec>phut":
		return 60
	}
	return 0
}

// ParseDuration parses a processing time such as "20 Ngày làm việc" or
// "1 Giờ". It returns nil for empty text and a Duration with no Unit for
// text it cannot parse. Placeholders ("Không có thông tin") are nil, since
// they state nothing. In free text the first number with a unit is taken
// ("Trong thời hạn 03 ngày làm việc ..."). Weeks become days, years
// months and minutes hours. A compound time, a larger unit followed by a
// smaller one ("02 tháng và 15 ngày làm việc", "1 giờ 30 phút"), is one
// value in the smaller unit (minutes as hours), the larger part converted
// by [durationInto]: 2 × 22 + 15 = 59 working days; Text keeps the time as
// published.
func ParseDuration(text string) *Duration {
	text = strings.TrimSpace(text)
	if text == "" || IsPlaceholder(text) {
		return nil
	}
	d := &Duration{Text: text}
	folded := vntext.Fold(text)
	loc := durationRe().FindStringSubmatchIndex(folded)
	if loc == nil {
		return d
	}
	m := []string{folded[loc[0]:loc[1]], folded[loc[2]:loc[3]], folded[loc[4]:loc[5]]}
	v, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", "."), 64)
	if err != nil || v < 0 || math.IsInf(v, 0) {
		return d
	}
	if n := durationNextRe().FindStringSubmatch(folded[loc[1]:]); n != nil {
		if k := durationInto(m[2], n[2]); k > 0 {
			if w, err := strconv.ParseFloat(strings.ReplaceAll(n[1], ",", "."), 64); err == nil && w >= 0 && !math.IsInf(w, 0) {
				v, m[2] = v*k+w, n[2]
			}
		}
	}
	switch m[2] {
	case "ngay lam viec":
		d.Value, d.Unit = v, WorkingDays
	case "ngay":
		d.Value, d.Unit = v, Days
	case "gio lam viec":
		d.Value, d.Unit = v, WorkingHours
	case "gio":
		d.Value, d.Unit = v, Hours
	case "thang":
		d.Value, d.Unit = v, Months
	case "nam":
		d.Value, d.Unit = v*12, Months
	case "tuan":
		d.Value, d.Unit = v*7, Days
	case "phut":
		d.Value, d.Unit = v/60, Hours
	}
	return d
}
