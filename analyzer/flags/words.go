package flags

import (
	"strings"
	"sync"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// phraseSet is a set of folded word sequences, matched at a token position.
// The package's keyword sets are written as literals holding only their
// phrases and are indexed on first use (index), so that a run that matches
// no paper does not fold them; sets of the catalog's words are indexed when
// made (newPhraseSet).
type phraseSet struct {
	// phrases are the phrases as written, before folding.
	phrases []string
	once    sync.Once
	// byFirst maps a first folded word to the phrases (as folded words)
	// starting with it, longest first. Built by index.
	byFirst map[string][][]string
	// first marks the first bytes of the first words, to skip the map
	// for most tokens. Built by index.
	first [256]bool
	// bit is the set's bit in token.sets (keywordSets), 0 for a set of
	// the catalog's words.
	bit uint32
}

// newPhraseSet returns the set of phrases, indexed.
func newPhraseSet(phrases ...string) *phraseSet {
	return (&phraseSet{phrases: phrases}).index()
}

// index builds byFirst and first from the phrases, once, and returns s:
// whatever reads them calls it first.
func (s *phraseSet) index() *phraseSet {
	s.once.Do(s.build)
	return s
}

func (s *phraseSet) build() {
	s.byFirst = map[string][][]string{}
	for _, p := range s.phrases {
		w := vntext.FoldedWords(p)
		if len(w) == 0 {
			continue
		}
		s.byFirst[w[0]] = append(s.byFirst[w[0]], w)
		s.first[w[0][0]] = true
	}
	// Longest first, so the longest phrase wins.
	for k, list := range s.byFirst {
		for i := 1; i < len(list); i++ {
			for j := i; j > 0 && len(list[j]) > len(list[j-1]); j-- {
				list[j], list[j-1] = list[j-1], list[j]
			}
		}
		s.byFirst[k] = list
	}
}

// match returns the number of tokens of the longest phrase starting at
// toks[i], or 0. A phrase does not run across a clause break.
func (s *phraseSet) match(toks []token, i int) int {
	if i >= len(toks) {
		return 0
	}
	if s.bit != 0 {
		if toks[i].sets&s.bit == 0 {
			return 0
		}
		s.index()
	} else if toks[i].fold == "" || !s.index().first[toks[i].fold[0]] {
		return 0
	}
	for _, p := range s.byFirst[toks[i].fold] {
		if i+len(p) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(p); k++ {
			t := toks[i+k]
			if t.fold != p[k] || t.brk&brkClause != 0 {
				ok = false
				break
			}
		}
		if ok {
			return len(p)
		}
	}
	return 0
}

// find returns the index of the first token where a phrase of s starts,
// within toks[from:to], or -1.
func (s *phraseSet) find(toks []token, from, to int) int {
	for i := from; i < to && i < len(toks); i++ {
		if s.match(toks, i) > 0 {
			return i
		}
	}
	return -1
}

// copyWording is the wording about the kind of copy asked for, which may
// precede the paper's name: "Bản sao có chứng thực", "01 bản chính hoặc bản
// sao", "bản chụp kèm bản chính để đối chiếu".
var copyWording = &phraseSet{phrases: []string{
	"bản sao", "bản chính", "bản chụp", "bản photo", "bản photocopy", "bản điện tử", "bản scan", "bản in", "bản gốc",
	"bản sao y", "sao y", "sao y bản chính", "y bản chính", "bản sao y bản chính", "bản sao từ sổ gốc",
	"có chứng thực", "chứng thực", "đã chứng thực", "được chứng thực", "có công chứng", "công chứng", "đã công chứng",
	"được công chứng", "hợp lệ", "hợp pháp", "từ bản chính", "từ sổ gốc", "có xác nhận", "còn hiệu lực", "còn giá trị",
	"hoặc", "và", "các", "một", "hai", "01", "02", "03", "1", "2", "3", "bộ", "mỗi loại",
	"kèm bản chính", "kèm bản chính để đối chiếu", "để đối chiếu", "xuất trình bản chính", "nộp bản sao",
	"điện tử", "bản sao điện tử", "tệp tin", "tệp tin bản sao điện tử", "được cấp từ sổ gốc", "cấp từ sổ gốc",
	"kèm xuất trình bản chính để đối chiếu", "mang theo bản chính để đối chiếu", "bản sao chứng thực", "bản phôtô",
	"hoặc bản sao", "hoặc bản chính", "hoặc bản chụp", "bản sao hoặc bản chính", "bản dịch",
}}

// triggers are verbs of submission after which a catalog name is asked for.
var triggers = &phraseSet{phrases: []string{
	"nộp", "phải nộp", "xuất trình", "kèm theo", "kèm", "gửi kèm", "gồm", "bao gồm", "gồm có", "cung cấp", "bổ sung",
	"nộp kèm", "nộp thêm", "trình", "đính kèm", "theo đó là", "phải có", "có thêm", "nộp kèm theo", "hồ sơ là",
}}

// negations, when they come shortly before a trigger, turn it into "not required".
var negations = &phraseSet{phrases: []string{"không", "không phải", "không cần", "không yêu cầu", "miễn", "chưa", "không bắt buộc", "thay cho", "thay thế"}}

// lookups say that the agency looks the data up instead of asking for the paper.
var lookups = &phraseSet{phrases: []string{
	"không phải nộp", "không phải xuất trình", "không cần nộp", "không yêu cầu nộp", "không phải cung cấp", "không nộp",
	"không phải kèm", "không yêu cầu", "không cần xuất trình", "không bao gồm bản sao", "kê khai số định danh cá nhân",
	"chỉ cần cung cấp số định danh", "cung cấp số định danh cá nhân thay cho",
	"khai thác", "tra cứu", "kết nối, chia sẻ", "thông tin tích hợp trên căn cước điện tử", "chia sẻ dữ liệu", "đã được tích hợp", "được tích hợp",
	"chưa được đăng tải", "chưa được tích hợp", "chưa có dữ liệu", "chưa có thông tin trong",
	// Asked only when the look-up fails: a mention too.
	"chưa cập nhật", "chưa được cập nhật", "không có thông tin trong",
	"chưa được kết nối", "chưa kết nối", "chưa được số hóa", "chưa được số hoá", "chưa số hóa", "chưa số hoá",
	"không khai thác được", "không tra cứu được", "không thể khai thác", "không thể tra cứu",
}}

// dataWords, in the sentence of "khai thác" or "tra cứu", say it is data
// that is looked up ("khai thác thông tin", "tra cứu trên Cơ sở dữ liệu"),
// not minerals or fish.
var dataWords = &phraseSet{phrases: []string{"thông tin", "dữ liệu", "cơ sở dữ liệu", "csdl", "hệ thống", "định danh", "căn cước điện tử",
	"vneid", "cổng dịch vụ công", "điện tử", "số định danh", "mã số"}}

// foreign words mark a paper issued abroad or held by a foreigner.
var foreign = &phraseSet{phrases: []string{"nước ngoài", "hợp pháp hóa lãnh sự", "hợp pháp hoá lãnh sự", "lãnh sự", "người nước ngoài", "quốc tịch nước ngoài",
	"cơ quan có thẩm quyền của nước", "không có quốc tịch việt nam", "không mang quốc tịch việt nam", "không quốc tịch",
	"pháp luật của nước", "nước có chung biên giới", "nước sở tại", "do nước cư trú cấp"}}

// foreignPersons mark a paper held by a foreigner, in a heading, condition
// or qualifier around it; narrower than foreign, since a clause may speak of
// foreign things ("không có vốn đầu tư nước ngoài") about a Vietnamese paper.
var foreignPersons = &phraseSet{phrases: []string{"người nước ngoài", "cá nhân nước ngoài", "quốc tịch nước ngoài", "không có quốc tịch việt nam",
	"không mang quốc tịch việt nam", "không quốc tịch", "thị thực nhập cảnh việt nam", "định cư ở nước ngoài",
	"định cư tại nước ngoài", "sinh sống ở nước ngoài", "sinh sống tại nước ngoài", "cư trú ở nước ngoài", "cư trú tại nước ngoài",
	"do cơ quan có thẩm quyền của nước ngoài cấp", "do nước ngoài cấp"}}

// foreignOwners, in a heading over papers ("Hồ sơ của chủ sở hữu là tổ
// chức tín dụng nước ngoài: ..."), say the papers are of a foreign
// organisation and its people.
var foreignOwners = &phraseSet{phrases: []string{"tổ chức nước ngoài", "tổ chức tín dụng nước ngoài", "ngân hàng nước ngoài", "nhà đầu tư nước ngoài",
	"thương nhân nước ngoài", "công ty nước ngoài", "doanh nghiệp nước ngoài", "pháp nhân nước ngoài"}}

// ownerKinds are the kinds of organisation that, with "nước ngoài" a few
// words later in a heading, make it about a foreign organisation.
var ownerKinds = &phraseSet{phrases: []string{"doanh nghiệp", "tổ chức", "công ty", "ngân hàng", "nhà đầu tư", "thương nhân", "pháp nhân"}}

// foreignCountries, in a case heading without "Việt Nam" ("Đối với doanh
// nghiệp Trung Quốc:"), put its papers abroad. (Lào is left out: it folds
// like "lao", labour.)
var foreignCountries = &phraseSet{phrases: []string{"trung quốc", "campuchia", "cam pu chia", "thái lan", "hàn quốc", "nhật bản", "hoa kỳ",
	"liên bang nga", "singapore", "malaysia", "indonesia", "philippines", "myanmar"}}

// vietnam names the country.
var vietnam = &phraseSet{phrases: []string{"việt nam"}}

// travellers hold a citizens-only paper of any nationality: the passports
// of a vessel's crew and passengers are not all Vietnamese.
var travellers = &phraseSet{phrases: []string{"thuyền viên", "hành khách", "thủy thủ", "thuỷ thủ", "người đi trên tàu", "người trên tàu",
	"thành viên tổ bay", "tổ bay", "người lái phương tiện", "lái xe nước ngoài", "người lái xe nước ngoài", "thành viên trên tàu",
	"người trên tàu bay", "hành khách trên tàu"}}

// issuing are the verbs with which a procedure's name says it issues,
// changes or corrects the paper that follows ("Cấp đổi giấy phép lái xe",
// "Điều chỉnh thông tin trên sổ BHXH").
var issuing = &phraseSet{phrases: []string{"cấp", "cấp lại", "cấp đổi", "cấp mới", "cấp bản sao", "đổi", "gia hạn", "điều chỉnh", "sửa đổi",
	"thu hồi", "hủy", "huỷ", "đăng ký", "đăng ký lại", "in", "xác nhận", "hiệu đính", "cập nhật", "tích hợp", "chuyển đổi"}}

// nameCases, between a verb of issuing and a catalog name in a
// procedure's name, make the name the case rather than the object ("Cấp
// lại tem AB trong trường hợp hộ chiếu bị mất").
// (Words folding like others are left out: "do" is also "độ", "có" "cơ".)
var nameCases = &phraseSet{phrases: []string{"trường hợp", "khi", "nếu", "đối với", "bị", "cho", "của", "theo", "kèm theo", "sau khi"}}

// uses, after "hoặc", say how a person uses the paper that follows
// ("hoặc sử dụng căn cước điện tử").
var uses = &phraseSet{phrases: []string{"sử dụng", "dùng", "xuất trình", "cung cấp"}}

// databases name a database: a procedure about "Cơ sở dữ liệu về căn
// cước" works on that paper's data itself.
var databases = &phraseSet{phrases: []string{"cơ sở dữ liệu", "csdl"}}

// dataChannels are where an agency looks data up: a database or the
// national single window, through which other agencies send papers.
var dataChannels = &phraseSet{phrases: []string{"cơ sở dữ liệu", "csdl", "cổng thông tin một cửa quốc gia", "cơ chế một cửa quốc gia"}}

// crafts, after "bằng lái" or "giấy phép lái", name what is flown or
// steered rather than driven on the road.
var crafts = &phraseSet{phrases: []string{"tàu bay", "máy bay", "tàu biển", "tàu cá", "tàu thủy", "tàu thuỷ", "tàu sông", "phương tiện thủy",
	"phương tiện thuỷ", "thuyền", "xuồng", "ca nô", "canô", "tàu lượn", "khinh khí cầu", "thiết bị bay"}}

// waterOrAir, after "giấy phép lái tàu", make it a ship or an aircraft.
var waterOrAir = &phraseSet{phrases: []string{"bay", "biển", "cá", "thủy", "thuỷ", "sông", "lượn"}}

// foreigners in a procedure's name say it is for foreigners.
var foreigners = &phraseSet{phrases: []string{"người nước ngoài", "người không quốc tịch"}}

// citizens in a procedure's name say it is (also) for Vietnamese citizens.
var citizens = &phraseSet{phrases: []string{"công dân việt nam", "người việt nam"}}

// forms are the heads of papers the applicant fills in or drafts.
var forms = &phraseSet{phrases: []string{
	"tờ khai", "đơn", "phiếu đề nghị", "phiếu đăng ký", "phiếu yêu cầu", "phiếu thu thập", "phiếu thu nhận", "phiếu khai", "phiếu",
	"bản khai", "bản kê khai", "bản tự khai", "văn bản đề nghị", "văn bản đăng ký", "giấy đề nghị", "giấy đăng ký",
	"mẫu", "mẫu số", "danh sách", "sơ yếu lý lịch", "lý lịch", "tờ trình", "công văn", "bản cam kết",
	"giấy cam kết", "văn bản cam kết", "cam kết", "giấy ủy quyền", "văn bản ủy quyền", "giấy uỷ quyền", "văn bản uỷ quyền",
	"tờ kê", "bảng kê", "bản kê", "thông báo", "văn bản thông báo", "bản giải trình", "văn bản giải trình",
}}

// ownDocs are the heads of papers the applicant draws up or holds as its
// own records (contracts, photos, plans, drawings, technical files, its
// reports): not records of the state, so never flagged, and not forms either.
var ownDocs = &phraseSet{phrases: []string{
	"hợp đồng", "kế hoạch", "phương án", "dự án", "đề án", "bản thuyết minh", "thuyết minh", "bản vẽ", "ảnh", "bản đồ",
	"biên bản", "báo cáo", "hóa đơn", "hoá đơn", "chứng từ", "điều lệ", "bản mô tả", "tài liệu kỹ thuật", "hồ sơ thiết kế",
	"hồ sơ kỹ thuật", "bản chụp ảnh", "tấm ảnh", "hình ảnh", "sổ sách", "bản tóm tắt", "quy chế", "quy trình",
}}

// qualifiers begin a segment that qualifies the paper before it rather than
// naming another paper: "CMND, còn thời hạn", "hộ chiếu hoặc của người ...".
var qualifiers = map[string]bool{
	"cua": true, "do": true, "duoc": true, "con": true, "theo": true, "cap": true, "trong": true,
	"doi": true, "neu": true, "khi": true, "ke": true, "ngay": true, "noi": true, "tai": true, "truong": true,
	"thi": true, "phai": true, "ghi": true, "dong": true, "thoi": true, "het": true, "de": true, "voi": true,
	"hien": true, "dang": true, "chua": true, "la": true, "nguoi": true, "kem": true, "xuat": true, "nop": true,
	"tu": true, "sau": true, "truoc": true, "thuoc": true, "cho": true, "ve": true, "gom": true,
	"nhu": true, "mang": true, "dan": true, "kiem": true, "va": true, "nay": true, "co": true,
	"trinh": true, "chi": true, "khong": true, "mien": true, "danh": true, "ma": true, "tuy": true,
	"hoac": true, "cac": true, "so": true, "chung": true, "xac": true, "ban": true, "mot": true, "it": true,
}

// paperNouns begin a segment after a comma, slash or "và" that names
// another paper, which must then be covered too.
var paperNouns = &phraseSet{phrases: []string{
	"giấy", "giấy tờ", "văn bản", "sổ", "thẻ", "phiếu", "tờ", "tài liệu", "chứng chỉ", "chứng nhận", "quyết định",
	"hợp đồng", "học bạ", "bằng", "xác nhận", "trích lục", "hồ sơ", "bản khai", "bản kê khai", "lý lịch", "sơ yếu lý lịch",
	"chứng từ", "hóa đơn", "biên lai", "điều lệ", "bản án", "bản thông tin", "bản khai", "danh sách", "báo cáo", "đơn",
	"tờ khai", "biên bản", "giấy phép", "bảng điểm", "dự án", "phương án",
}}

// intros announce a list of papers of which any one will do.
var intros = &phraseSet{phrases: []string{"một trong", "một hoặc một số", "các loại giấy tờ", "giấy tờ làm căn cứ", "giấy tờ liên quan khác như"}}

// exceptions announce a list of papers left out of a rule ("trừ các tài
// liệu sau đây: ..."): the papers in it are not asked for there.
var exceptions = &phraseSet{phrases: []string{"trừ các tài liệu sau", "trừ các giấy tờ sau", "trừ các văn bản sau", "trừ những tài liệu sau", "ngoại trừ các"}}

// optionals mark a paper asked for only if it exists.
var optionals = &phraseSet{phrases: []string{"nếu có"}}

// conditions mark a paper asked for only in some case.
var conditions = &phraseSet{phrases: []string{"trường hợp", "đối với", "nếu", "khi", "riêng"}}

// other marks "other" papers after a name: "giấy tờ tùy thân khác".
var other = &phraseSet{phrases: []string{"khác", "tương đương", "tương tự", "có giá trị tương đương", "thay thế"}}

// keywordSets are the phrase sets of the package. Each has a bit of
// token.sets, set when one of its phrases starts with the token's word, so
// that matching a phrase at a token looks a word up once, in tokenizing.
var keywordSets = []*phraseSet{copyWording, triggers, negations, lookups, foreign, foreignPersons, foreigners, citizens,
	forms, ownDocs, paperNouns, intros, exceptions, optionals, conditions, other, predicates, travellers, issuing,
	foreignOwners, nameCases, databases, uses, foreignCountries, vietnam, dataWords, ownerKinds, dataChannels, crafts, waterOrAir}

// Each set of keywordSets gets its bit, in the order of the list.
func init() {
	for i, s := range keywordSets {
		s.bit = 1 << i
	}
}

// firstWords maps the first word of every phrase of keywordSets to the bits
// of the sets it starts a phrase of; computed on first use (indexing every
// keyword set) and never written after.
var firstWords = sync.OnceValue(func() *wordTable { return newWordTable(indexFirstWords(keywordSets)) })

func indexFirstWords(sets []*phraseSet) map[string]uint32 {
	idx := map[string]uint32{}
	for _, s := range sets {
		for w := range s.index().byFirst {
			idx[w] |= s.bit
		}
	}
	return idx
}

// joinFold returns the folded words of toks[i:j] joined by spaces.
func joinFold(toks []token, i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].fold)
	}
	return b.String()
}

// predicates after a paper's name make a statement about it rather than
// ask for it: "CMND có giá trị sử dụng 15 năm", "Hộ chiếu bị mất".
var predicates = &phraseSet{phrases: []string{"đã", "bị", "hết", "hết thời hạn", "hết giá trị", "là", "không", "sẽ", "đang", "có giá trị",
	"rách", "hư hỏng", "hình chữ nhật", "gồm", "bao gồm", "được thay thế", "được sử dụng", "quy định tại nghị định này",
	"còn hạn được", "phải ghi"}}

// demonstratives may come between a name and its predicate: "Hộ chiếu trên đã bị mất".
var demonstratives = map[string]bool{"tren": true, "nay": true, "do": true}
