package corpus

// SchemaVersion names the version of the procedure record schema that
// [Procedure] marshals to and the redtape JSON reader reads back. It changes
// only when a field changes meaning or is removed.
const SchemaVersion = "redtape.procedure/v1"

// Procedure is one administrative procedure (thủ tục hành chính) as
// published, with what could be parsed from it. Text fields hold NFC UTF-8.
// A field that the source does not state is left empty or nil: unknown is
// never recorded as zero.
type Procedure struct {
	// Code is the procedure code in the national database, e.g. "1.000005".
	Code string `json:"code"`
	// Name is the procedure's title.
	Name string `json:"name"`
	// Decision is the decision that published the procedure, e.g. "2628/QĐ-BTC".
	Decision string `json:"decision,omitempty"`
	// Ministry is the ministry or central body responsible for the procedure.
	Ministry string `json:"ministry,omitempty"`
	// Authority lists the agencies with the power to decide (cơ quan có thẩm quyền).
	Authority []string `json:"authority,omitempty"`
	// Agencies lists the implementing agencies (cơ quan thực hiện).
	Agencies []string `json:"agencies,omitempty"`
	// Sector is the field (lĩnh vực), e.g. "Hải quan".
	Sector string `json:"sector,omitempty"`
	// Levels lists the levels of government that carry it out, e.g. "Cấp tỉnh".
	Levels []string `json:"levels,omitempty"`
	// Kind is the procedure type as published (loại thủ tục).
	Kind string `json:"kind,omitempty"`
	// Subjects lists who must comply (đối tượng thực hiện).
	Subjects []string `json:"subjects,omitempty"`
	// Steps are the steps of the procedure in order (trình tự thực hiện).
	Steps []string `json:"steps,omitempty"`
	// Channels are the ways a dossier can be submitted, each with its own
	// processing time and fees (cách thức thực hiện).
	Channels []Channel `json:"channels,omitempty"`
	// Papers are the required dossier components (thành phần hồ sơ).
	Papers []Paper `json:"papers,omitempty"`
	// LegalBasis lists the legal documents the procedure rests on (căn cứ pháp lý).
	LegalBasis []LegalRef `json:"legal_basis,omitempty"`
	// Conditions lists the requirements and conditions (yêu cầu, điều kiện),
	// one per published item.
	Conditions []string `json:"conditions,omitempty"`
	// Results lists what the procedure produces (kết quả thực hiện).
	Results []string `json:"results,omitempty"`
	// AnnualVolume is the number of dossiers per year when the source states
	// it; nil when unknown.
	AnnualVolume *int64 `json:"annual_volume,omitempty"`
	// Source says where the record was read from.
	Source Source `json:"source"`
}

// ChannelMode is a normalised way of submitting a dossier.
type ChannelMode string

// Channel modes. ModeOther keeps a channel whose text was not recognised.
const (
	ModeInPerson ChannelMode = "in_person" // Trực tiếp
	ModeOnline   ChannelMode = "online"    // Trực tuyến
	ModePost     ChannelMode = "post"      // Dịch vụ bưu chính
	ModeOther    ChannelMode = "other"
)

// Channel is one way of submitting a dossier, with its processing time and fees.
type Channel struct {
	// Mode is the normalised channel.
	Mode ChannelMode `json:"mode"`
	// Text is the channel as published, e.g. "Dịch vụ bưu chính".
	Text string `json:"text,omitempty"`
	// Time is the processing time for this channel; nil when not stated.
	Time *Duration `json:"time,omitempty"`
	// Fees are the fees and charges for this channel.
	Fees []Fee `json:"fees,omitempty"`
	// Description is the free-text description that accompanies the channel.
	Description string `json:"description,omitempty"`
}

// Paper is one required dossier component. A paper that lists alternatives
// ("CMND hoặc CCCD hoặc Hộ chiếu") stays one Paper with Alternatives set.
type Paper struct {
	// Text is the paper as published, without the quantity and form columns.
	Text string `json:"text"`
	// Case is the case heading the paper belongs to ("Trường hợp ..."), if any.
	Case string `json:"case,omitempty"`
	// Originals is the number of originals asked for; nil when not stated.
	Originals *int `json:"originals,omitempty"`
	// Copies is the number of copies asked for; nil when not stated.
	Copies *int `json:"copies,omitempty"`
	// Quantity is the quantity text as published, e.g. "0 bản chính,1 bản sao".
	Quantity string `json:"quantity,omitempty"`
	// CertifiedCopy is true when a certified copy (bản sao có chứng thực) is asked for.
	CertifiedCopy bool `json:"certified_copy,omitempty"`
	// Forms lists the form files or form names attached to the paper.
	Forms []string `json:"forms,omitempty"`
	// Optional is true when the paper is asked for only if it exists ("nếu có").
	Optional bool `json:"optional,omitempty"`
	// Condition holds the condition under which the paper is asked for
	// ("đối với trường hợp ..."), if any.
	Condition string `json:"condition,omitempty"`
	// Alternatives lists the papers of which any one satisfies the
	// requirement; empty when the paper has no alternatives.
	Alternatives []string `json:"alternatives,omitempty"`
	// Span locates Text in the source field, where the reader knows it.
	Span *Span `json:"span,omitempty"`
}

// Span locates a piece of text inside one field of a source record, in
// characters (Unicode code points) of the field's NFC text, half open.
type Span struct {
	Field string `json:"field"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Fee is one fee or charge as published, with its amount when it could be parsed.
type Fee struct {
	// Text is the fee as published.
	Text string `json:"text"`
	// Amount is the amount in đồng; nil when it could not be parsed. A fee
	// stated as free ("Miễn phí", "0 đồng") has an amount of zero.
	Amount *int64 `json:"amount,omitempty"`
	// Kind is "fee" (phí), "charge" (lệ phí) or empty when not said.
	Kind string `json:"kind,omitempty"`
}

// TimeUnit is the unit of a processing time.
type TimeUnit string

// Processing-time units.
const (
	WorkingDays  TimeUnit = "working_days"  // ngày làm việc
	Days         TimeUnit = "days"          // ngày (calendar days or unspecified)
	Hours        TimeUnit = "hours"         // giờ
	WorkingHours TimeUnit = "working_hours" // giờ làm việc
	Months       TimeUnit = "months"        // tháng
)

// Duration is a processing time as published, with its parsed value.
type Duration struct {
	// Text is the time as published, e.g. "20 Ngày làm việc".
	Text string `json:"text"`
	// Value is the amount in Unit; meaningful only when Unit is set.
	Value float64 `json:"value,omitempty"`
	// Unit is the unit of Value; empty when the text could not be parsed.
	Unit TimeUnit `json:"unit,omitempty"`
}

// LegalRef is one legal document cited as a basis.
type LegalRef struct {
	// Text is the citation as published.
	Text string `json:"text"`
	// Number is the normalised document number, e.g. "104/2022/NĐ-CP";
	// empty when none could be found.
	Number string `json:"number,omitempty"`
	// Type is the kind of document, e.g. "Luật", "Nghị định", "Thông tư".
	Type string `json:"type,omitempty"`
	// Title is the document's summary (trích yếu), when published apart from the number.
	Title string `json:"title,omitempty"`
	// Issuer is the issuing body, when published.
	Issuer string `json:"issuer,omitempty"`
	// Issued and Effective are dates in YYYY-MM-DD form, when published.
	Issued    string `json:"issued,omitempty"`
	Effective string `json:"effective,omitempty"`
}

// Source says where a record was read from.
type Source struct {
	// File is the path of the file as given to the reader.
	File string `json:"file"`
	// Format is the reader that read it, e.g. "portal-crawl".
	Format string `json:"format,omitempty"`
	// Record is the 1-based number of the record within the file, for files
	// holding several; zero for one-record files.
	Record int `json:"record,omitempty"`
	// Line is the 1-based line where the record starts, where known.
	Line int `json:"line,omitempty"`
	// URL is the page the record was published at, where known.
	URL string `json:"url,omitempty"`
}
