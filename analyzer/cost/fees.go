package cost

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/vntext"
)

// feeLimit says what a fee's amount is: a tariff, or a limit on the
// tariffs beside it.
type feeLimit int

const (
	tariff  feeLimit = iota // the amount is charged
	ceiling                 // "tối đa 200.000 đồng": the fee is at most the amount
	floor                   // "tối thiểu 50.000 đồng": the fee is at least the amount
)

// limitWords are the folded phrases that make the amount right after them
// a limit. Longer phrases come first so that "toi da khong qua" is read
// whole.
var limitWords = []struct {
	words string
	limit feeLimit
}{
	{"toi da khong qua", ceiling},
	{"khong vuot qua", ceiling},
	{"khong qua", ceiling},
	{"toi da", ceiling},
	{"muc tran", ceiling},
	{"toi thieu", floor},
	{"khong thap hon", floor},
	{"khong duoi", floor},
	{"it nhat", floor},
}

// limitOf tells whether f's amount is a limit rather than a tariff: its
// text names a limit ("tối đa", "không quá", "tối thiểu" …) right before
// the number that is its amount, as in "Phí: 2.500 đồng/trang, tối đa
// 200.000 đồng". A limit word followed by another number ("không quá 02
// năm: 145 USD") leaves the fee a tariff.
//
// The corpus parser is to mark such amounts itself; until Fee carries that
// marker, the text is read here.
func limitOf(f corpus.Fee) feeLimit {
	if f.Amount == nil {
		return tariff
	}
	if !strings.ContainsAny(f.Text, "0123456789") {
		return tariff
	}
	words := feeWords(f.Text)
	for i := range words {
		for _, lw := range limitWords {
			phrase := strings.Fields(lw.words)
			if i+len(phrase) >= len(words) || !equalWords(words[i:i+len(phrase)], phrase) {
				continue
			}
			if n, ok := leadingNumber(words[i+len(phrase):]); ok && n == *f.Amount {
				return lw.limit
			}
			break
		}
	}
	return tariff
}

// feeWords returns the folded words of a fee's text, split at spaces and
// at ":", ";", "(" and ")", without trailing "," or ".".
func feeWords(text string) []string {
	words := strings.FieldsFunc(vntext.Fold(text), func(r rune) bool {
		return unicode.IsSpace(r) || r == ':' || r == ';' || r == '(' || r == ')'
	})
	for i, w := range words {
		words[i] = strings.TrimRight(w, ",.")
	}
	return words
}

// leadingNumber reads the number the first of words starts with, with "."
// or "," between thousands ("200.000", "1,000,000", "200.000d"), and a
// following scale word ("2 triệu"). The number is scaled to đồng.
func leadingNumber(words []string) (int64, bool) {
	if len(words) == 0 {
		return 0, false
	}
	end := strings.IndexFunc(words[0], func(r rune) bool { return (r < '0' || r > '9') && r != '.' && r != ',' })
	if end < 0 {
		end = len(words[0])
	}
	digits := strings.Map(func(r rune) rune {
		if r == '.' || r == ',' {
			return -1
		}
		return r
	}, words[0][:end])
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n < 0 {
		return 0, false
	}
	if len(words) > 1 {
		switch words[1] {
		case "nghin", "ngan":
			n *= 1_000
		case "trieu":
			n *= 1_000_000
		case "ty":
			n *= 1_000_000_000
		}
	}
	return n, true
}

// channelCharge is what one channel's fees come to per dossier.
type channelCharge struct {
	fee Amount
	// alternatives is true when several tariffs of one kind were averaged.
	alternatives bool
	// unparsed is true when a fee's amount could not be read.
	unparsed bool
	// limitOnly is true when a kind states only a ceiling or floor, taken
	// as its fee.
	limitOnly bool
}

// kindFees gathers the distinct amounts of one kind of fee.
type kindFees struct {
	tariffs  map[int64]bool
	ceilings map[int64]bool
	floors   map[int64]bool
}

func (k *kindFees) add(amount int64, l feeLimit) {
	set := &k.tariffs
	switch l {
	case ceiling:
		set = &k.ceilings
	case floor:
		set = &k.floors
	}
	if *set == nil {
		*set = map[int64]bool{}
	}
	(*set)[amount] = true
}

// charge returns the kind's fee: the mean of its tariffs, held within its
// limits (at most the lowest ceiling, at least the highest floor). A kind
// with limits only takes the lowest ceiling, else the highest floor, as
// its fee (limitOnly).
func (k *kindFees) charge() (fee Amount, alternatives, limitOnly bool) {
	var lowCeil, highFloor *int64
	for a := range k.ceilings {
		if lowCeil == nil || a < *lowCeil {
			lowCeil = &a
		}
	}
	for a := range k.floors {
		if highFloor == nil || a > *highFloor {
			highFloor = &a
		}
	}
	if len(k.tariffs) == 0 {
		if lowCeil != nil {
			return Int(*lowCeil), false, true
		}
		if highFloor != nil {
			return Int(*highFloor), false, true
		}
		return Amount{}, false, false
	}
	var sum Amount
	for a := range k.tariffs {
		sum = sum.Add(Int(a))
	}
	fee = sum.Div(Int(int64(len(k.tariffs))))
	if lowCeil != nil && fee.Cmp(Int(*lowCeil)) > 0 {
		fee = Int(*lowCeil)
	}
	if highFloor != nil && fee.Cmp(Int(*highFloor)) < 0 {
		fee = Int(*highFloor)
	}
	return fee, len(k.tariffs) > 1, false
}

// channelFee returns one channel's fee per dossier. Fees of different
// kinds (phí, lệ phí) add up; several tariffs of one kind are alternatives
// ("Phí: 2.000.000 Đồng (… nghiên cứu) Phí: 3.500.000 Đồng (… trên đất
// liền)"), of which the mean is taken. An amount that is a limit ("tối đa
// 200.000 đồng", see limitOf) is never averaged in: it bounds the tariffs of
// its kind. An amount of no stated kind joins the only stated kind, or is
// dropped when it repeats an amount of a stated kind. Negative amounts are
// ignored; a nil amount sets unparsed.
func channelFee(fees []corpus.Fee) channelCharge { return channelFeeWith(fees, limitOf) }

// channelFeeWith is channelFee reading each fee's limit with limit.
func channelFeeWith(fees []corpus.Fee, limit func(corpus.Fee) feeLimit) channelCharge {
	var out channelCharge
	byKind := map[string]*kindFees{}
	type untypedFee struct {
		amount int64
		limit  feeLimit
	}
	var untyped []untypedFee
	for _, f := range fees {
		if f.Amount == nil {
			out.unparsed = true
			continue
		}
		if *f.Amount < 0 {
			continue
		}
		if f.Kind == "" {
			untyped = append(untyped, untypedFee{*f.Amount, limit(f)})
			continue
		}
		if byKind[f.Kind] == nil {
			byKind[f.Kind] = &kindFees{}
		}
		byKind[f.Kind].add(*f.Amount, limit(f))
	}
	stated := len(byKind)
	var only *kindFees
	for _, k := range byKind {
		if stated == 1 {
			only = k
		}
	}
	none := &kindFees{}
	for _, u := range untyped {
		repeat := false
		for _, k := range byKind {
			repeat = repeat || k.tariffs[u.amount] || k.ceilings[u.amount] || k.floors[u.amount]
		}
		switch {
		case stated == 0:
			none.add(u.amount, u.limit)
		case only != nil:
			only.add(u.amount, u.limit)
		case !repeat && u.limit == tariff:
			none.add(u.amount, u.limit)
		}
		// An untyped repeat, or an untyped limit beside several kinds
		// (which one it bounds is not said), is dropped.
	}
	if len(untyped) > 0 {
		byKind[""] = none
	}
	for _, k := range byKind {
		fee, alt, lim := k.charge()
		out.fee = out.fee.Add(fee)
		out.alternatives = out.alternatives || alt
		out.limitOnly = out.limitOnly || lim
	}
	return out
}
