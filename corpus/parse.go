package corpus

// This file holds the parsers of published text that every reader shares:
// fees, processing times, legal-basis numbers, paper wording and quantities,
// channels. Each keeps the original text and leaves unknown values unset.

// ParseFees finds the fees stated in text (e.g. "4,500,000 Việt Nam
// Đồng(Lệ phí: 4.500.000 Đồng ...)", "Miễn phí") and returns them with
// amounts in đồng. It returns nil when text states no fee.
func ParseFees(text string) []Fee {
	return nil // TODO(corpus-portal): implement
}

// ParseDuration parses a processing time such as "20 Ngày làm việc" or
// "1 Giờ". It returns nil for empty text and a Duration with no Unit for
// text it cannot parse.
func ParseDuration(text string) *Duration {
	if text == "" {
		return nil
	}
	return &Duration{Text: text} // TODO(corpus-portal): implement
}

// ParseLegalRefs finds every legal document number in text (e.g.
// "104/2022/NĐ-CP", "26/2023/QH15") and returns one LegalRef per document,
// keeping the text around each number.
func ParseLegalRefs(text string) []LegalRef {
	return nil // TODO(corpus-portal): implement
}

// NewPaper builds a Paper from its published text, filling what the wording
// says: certified copy, optional ("nếu có"), condition ("đối với trường
// hợp ..."), alternatives ("... hoặc ..."). Quantities, forms and case are
// left for the caller.
func NewPaper(text string) Paper {
	return Paper{Text: text} // TODO(corpus-portal): implement
}

// ParseQuantity parses a quantity such as "0 bản chính,1 bản sao" or
// "Bản chính: 1 - Bản sao: 0" into counts of originals and copies; a count
// the text does not state stays nil.
func ParseQuantity(text string) (originals, copies *int) {
	return nil, nil // TODO(corpus-portal): implement
}

// ParseChannelMode recognises a submission channel ("Trực tiếp",
// "Trực tuyến", "Dịch vụ bưu chính").
func ParseChannelMode(text string) ChannelMode {
	return ModeOther // TODO(corpus-portal): implement
}
