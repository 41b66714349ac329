package web

import (
	"strings"
	"sync"

	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/reports"
)

// lang is a language of the pages: "vi" (the default) or "en".
type lang string

const (
	vi lang = "vi"
	en lang = "en"
)

// parseLang reads the lang parameter: "en" is English, anything else
// Vietnamese.
func parseLang(s string) lang {
	if s == string(en) {
		return en
	}
	return vi
}

func (l lang) other() lang {
	if l == en {
		return vi
	}
	return en
}

func (l lang) catalog() catalog.Lang {
	if l == en {
		return catalog.English
	}
	return catalog.Vietnamese
}

func (l lang) report() reports.Lang {
	r, _ := reports.ParseLang(string(l))
	return r
}

// messages are the words of the pages: Vietnamese, English. The table is
// made on first use, not by every process that links the package.
var messages = sync.OnceValue(func() map[string][2]string {
	return map[string][2]string{
		"app":                {"redtape: thủ tục hành chính", "redtape: administrative procedures"},
		"search":             {"Tìm kiếm", "Search"},
		"search.button":      {"Tìm", "Search"},
		"search.label":       {"Tìm thủ tục", "Search procedures"},
		"search.ph":          {"ví dụ: giay khai sinh level:xã", "e.g. giay khai sinh level:xã"},
		"help":               {"Cú pháp tìm kiếm", "Query syntax"},
		"reports":            {"Báo cáo", "Reports"},
		"switch":             {"English", "Tiếng Việt"},
		"hits.none":          {"Không có thủ tục nào khớp với", "No procedure matches"},
		"suggest.lead":       {"Có phải bạn muốn tìm:", "Did you mean:"},
		"suggest.procedures": {"thủ tục", "procedures"},
		"hits.one":           {"1 thủ tục khớp với", "1 procedure matches"},
		"hits.many":          {"thủ tục khớp với", "procedures match"},
		"took":               {"thời gian", "took"},
		"page":               {"Trang", "Page"},
		"of":                 {"trên", "of"},
		"prev":               {"← Trang trước", "← Previous"},
		"next":               {"Trang sau →", "Next →"},
		"past.end":           {"Trang này nằm sau trang cuối.", "This page is past the last one."},
		"first.page":         {"Về trang 1", "Back to page 1"},
		"facets":             {"Lọc", "Filter"},
		"facet.ministry":     {"Bộ, ngành", "Ministry"},
		"facet.sector":       {"Lĩnh vực", "Sector"},
		"facet.level":        {"Cấp thực hiện", "Level"},
		"facet.flagged":      {"Giấy tờ nhà nước đã có dữ liệu", "Papers the state holds as data"},
		"flagged.any":        {"Có giấy tờ có thể thay bằng dữ liệu", "Has a paper replaceable by data"},
		"remove":             {"bỏ lọc", "remove filter"},
		"more.values":        {"giá trị khác", "more values"},
		"query.error":        {"Câu truy vấn không hợp lệ", "The query is malformed"},
		"query.column":       {"cột", "column"},
		"query.toolong":      {"Câu truy vấn quá dài: tối đa %d ký tự.", "The query is too long: at most %d characters."},
		"intro":              {"Tìm trong các thủ tục hành chính: dấu tiếng Việt là tuỳ chọn; có thể lọc theo bộ, lĩnh vực, cấp, văn bản pháp lý và giấy tờ nhà nước đã có dữ liệu.", "Search the administrative procedures: Vietnamese diacritics are optional; filter by ministry, sector, level, legal basis and papers the state already holds as data."},
		"examples":           {"Ví dụ", "Examples"},
		"indexed":            {"thủ tục trong chỉ mục", "procedures in the index"},
		"field.name":         {"tên", "name"},
		"field.paper":        {"giấy tờ", "paper"},
		"field.detail":       {"nội dung", "detail"},
		"procedure":          {"Thủ tục", "Procedure"},
		"code":               {"Mã thủ tục", "Code"},
		"ministry":           {"Bộ, ngành", "Ministry"},
		"sector":             {"Lĩnh vực", "Sector"},
		"levels":             {"Cấp thực hiện", "Levels"},
		"kind":               {"Loại thủ tục", "Kind"},
		"decision":           {"Quyết định công bố", "Published by decision"},
		"subjects":           {"Đối tượng thực hiện", "Who must comply"},
		"authority":          {"Cơ quan có thẩm quyền", "Deciding authority"},
		"agencies":           {"Cơ quan thực hiện", "Implementing agencies"},
		"steps":              {"Trình tự thực hiện", "Steps"},
		"channels":           {"Cách thức thực hiện", "Ways to submit"},
		"channel.time":       {"Thời hạn giải quyết", "Processing time"},
		"channel.fees":       {"Phí, lệ phí", "Fees"},
		"dossier":            {"Thành phần hồ sơ", "Dossier"},
		"paper":              {"Giấy tờ", "Paper"},
		"status":             {"Trạng thái", "Status"},
		"database":           {"Cơ sở dữ liệu", "Database"},
		"basis":              {"Căn cứ pháp lý", "Legal basis"},
		"reason":             {"Lý do", "Why"},
		"quantity":           {"Số lượng", "Quantity"},
		"certified":          {"bản sao có chứng thực", "certified copy"},
		"optional":           {"nếu có", "if any"},
		"condition":          {"Điều kiện", "Condition"},
		"alternatives":       {"Một trong các giấy tờ", "Any one of"},
		"forms":              {"Mẫu đơn, tờ khai", "Forms"},
		"case":               {"Trường hợp", "Case"},
		"no.papers":          {"Hồ sơ không nêu giấy tờ nào.", "The record lists no papers."},
		"conditions":         {"Yêu cầu, điều kiện", "Requirements and conditions"},
		"results":            {"Kết quả thực hiện", "Result"},
		"legal":              {"Căn cứ pháp lý của thủ tục", "Legal basis of the procedure"},
		"volume":             {"Số hồ sơ mỗi năm", "Dossiers per year"},
		"cost":               {"Chi phí tuân thủ ước tính", "Estimated compliance cost"},
		"cost.unit":          {"Chi phí cho một hồ sơ", "Cost per dossier"},
		"cost.hours":         {"Thời gian cho một hồ sơ", "Time per dossier"},
		"cost.fees":          {"Phí, lệ phí nêu trong hồ sơ", "Fees stated in the record"},
		"cost.annual":        {"Chi phí mỗi năm", "Annual cost"},
		"cost.assumed":       {"Phần dựa trên giả định", "Share resting on assumptions"},
		"cost.measured":      {"đo từ hồ sơ", "measured from the record"},
		"cost.assumedvol":    {"giả định (mặc định)", "assumed (default)"},
		"cost.activity":      {"Hoạt động", "Activity"},
		"cost.cash":          {"Tiền mặt", "Cash"},
		"cost.cost":          {"Chi phí", "Cost"},
		"cost.from":          {"Dựa trên", "Rests on"},
		"cost.unknown":       {"Hồ sơ không nêu", "The record does not state"},
		"cost.notes":         {"Ghi chú", "Notes"},
		"cost.method":        {"Mô hình chi phí chuẩn (Nghị định 63/2010/NĐ-CP, Thông tư 02/2017/TT-VPCP); giá trị một giờ", "Standard Cost Model (Decree 63/2010/NĐ-CP, Circular 02/2017/TT-VPCP); value of an hour"},
		"hours":              {"giờ", "hours"},
		"dong":               {"đồng", "đồng"},
		"source":             {"Nguồn", "Source"},
		"source.file":        {"Tệp", "File"},
		"source.record":      {"bản ghi", "record"},
		"source.line":        {"dòng", "line"},
		"source.format":      {"định dạng", "format"},
		"source.url":         {"Trang công bố", "Published at"},
		"source.json":        {"Bản ghi dạng JSON", "The record as JSON"},
		"notfound":           {"Không tìm thấy", "Not found"},
		"notfound.proc":      {"Không có thủ tục này trong chỉ mục.", "There is no such procedure in the index."},
		"notfound.page":      {"Không có trang này.", "There is no such page."},
		"report.all":         {"Toàn bộ chỉ mục", "The whole index"},
		"report.intro":       {"Báo cáo cắt giảm thủ tục hành chính và chi phí tuân thủ, như lệnh redtape report --html: cho toàn bộ chỉ mục, một bộ hoặc một lĩnh vực.", "The reduction report, as redtape report --html writes it: for the whole index, one ministry or one sector."},
		"report.ministry":    {"Theo bộ, ngành", "By ministry"},
		"report.sector":      {"Theo lĩnh vực", "By sector"},
		"report.nomatch":     {"Không có thủ tục nào thuộc bộ hoặc lĩnh vực này.", "No procedure belongs to this ministry or sector."},
		"procedures":         {"thủ tục", "procedures"},
		"error":              {"Lỗi", "Error"},
		"error.internal":     {"Lỗi máy chủ. Xin thử lại.", "Server error. Please try again."},
		"check":              {"Kiểm tra dự thảo", "Check a draft"},
		"check.intro":        {"Dán hoặc tải lên một dự thảo văn bản (Markdown, HTML hoặc văn bản thuần): các phát hiện hiện bên cạnh văn bản, như lệnh redtape check.", "Paste or upload a draft regulation (Markdown, HTML or plain text): the findings appear beside the text, as redtape check reports them."},
		"check.draft":        {"Văn bản dự thảo", "Draft text"},
		"check.file":         {"hoặc tải tệp lên", "or upload a file"},
		"check.format":       {"Định dạng", "Format"},
		"check.detect":       {"tự nhận biết", "detect"},
		"check.run":          {"Kiểm tra", "Check"},
		"check.none":         {"Không có phát hiện nào.", "No findings."},
		"check.findings":     {"Phát hiện", "Findings"},
		"check.line":         {"dòng", "line"},
		"check.fix":          {"Đề xuất", "Fix"},
		"check.toolarge":     {"Dự thảo quá lớn: tối đa %d KiB.", "The draft is too large: at most %d KiB."},
		"check.badform":      {"Không đọc được biểu mẫu gửi lên.", "The form could not be read."},
		"check.nottext":      {"Tệp không phải văn bản UTF-8.", "The file is not UTF-8 text."},
		"check.empty":        {"Hãy dán hoặc tải lên một dự thảo.", "Paste or upload a draft."},
		"check.off":          {"Máy chủ này không bật kiểm tra dự thảo.", "Draft checking is not enabled on this server."},
		"rule":               {"Quy tắc", "Rule"},
		"rule.severity":      {"Mức độ mặc định", "Default severity"},
		"rule.sources":       {"Nguồn", "Sources"},
		"rule.docs":          {"Tài liệu đầy đủ", "Full documentation"},
		"rule.all":           {"Mọi quy tắc", "All rules"},
		"yes":                {"có", "yes"},
		"no":                 {"không", "no"},
	}
})

// statusNames are the paper statuses in words.
var statusNames = map[flags.Status][2]string{
	flags.StatusReplaceable:       {"thay được bằng dữ liệu", "replaceable by data"},
	flags.StatusPartlyReplaceable: {"thay được một phần", "partly replaceable"},
	flags.StatusLookedUp:          {"cơ quan đã tra cứu", "looked up already"},
	flags.StatusRequired:          {"vẫn phải nộp", "still required"},
	flags.StatusNotInCatalog:      {"ngoài danh mục dữ liệu", "not in the catalog"},
	flags.StatusForm:              {"mẫu đơn, tờ khai", "form"},
	flags.StatusOwnDocument:       {"giấy tờ của người nộp", "applicant's own document"},
	flags.StatusMention:           {"chỉ nhắc tới", "mentioned only"},
}

// activityNames are the cost model's activities in words.
var activityNames = map[string][2]string{
	cost.ActivityLearning:      {"tìm hiểu thủ tục", "learning the procedure"},
	cost.ActivityPaper:         {"chuẩn bị giấy tờ", "obtaining the paper"},
	cost.ActivityExtraPaper:    {"giấy tờ kèm theo", "a paper named inside it"},
	cost.ActivityCertifiedCopy: {"chứng thực bản sao", "certifying copies"},
	cost.ActivitySubmission:    {"nộp và nhận kết quả", "submitting and collecting"},
	cost.ActivityWaiting:       {"thời gian chờ", "waiting"},
	cost.ActivityFees:          {"phí, lệ phí", "fees"},
	cost.ActivityLookedUp:      {"phần còn lại khi cơ quan tra cứu", "left when looked up"},
}

func (l lang) i() int {
	if l == en {
		return 1
	}
	return 0
}

// t returns the message key in l; an unknown key is returned as is.
func (l lang) t(key string) string {
	if m, ok := messages()[key]; ok {
		return m[l.i()]
	}
	return key
}

func (l lang) status(s flags.Status) string {
	if m, ok := statusNames[s]; ok {
		return m[l.i()]
	}
	return string(s)
}

func (l lang) activity(a string) string {
	if m, ok := activityNames[a]; ok {
		return m[l.i()]
	}
	return strings.ReplaceAll(a, "_", " ")
}

// amount prints a rounded to decimals places, with Vietnamese separators
// (1.234.567,5) or English ones (1,234,567.5).
func (l lang) amount(a cost.Amount, decimals int) string {
	s := a.Format(decimals)
	if l == en {
		return s
	}
	return strings.NewReplacer(",", ".", ".", ",").Replace(s)
}
