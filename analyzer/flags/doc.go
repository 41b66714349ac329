// Package flags finds the required papers of a procedure that the state
// already holds as digitised data, by matching each paper against the
// catalog of digitised data (package catalog), and says why: the matched
// words, the entry, its database and legal basis, the coverage of each
// alternative a person could choose.
//
// Matching runs on folded words (package vntext): lower case, no
// diacritics, đ as d, with run-on words split where a lower-case letter
// meets an upper-case one ("đề nghịBản sao") and catalog names matched
// across missing spaces ("giaykhai sinh"). A mention of a catalog paper
// counts as a requirement only where the text asks for it: at the start of
// a clause after copy wording ("Bản sao có chứng thực ...", "01 bản chính
// hoặc bản sao ...") or after a verb of submission ("nộp", "xuất trình",
// "kèm theo"), and not when negated ("không phải nộp") or when the agency
// looks the data up ("khai thác thông tin", "cơ sở dữ liệu"). A comma or
// "và" list asks for every paper it names: each is a component, and the row
// is flagged when one component is covered. A component with alternatives
// ("CMND hoặc hộ chiếu hoặc giấy tờ tương đương") is covered only when every
// alternative is. Forms and declarations
// the applicant fills in, papers issued abroad and papers the procedure
// itself issues are never flagged.
//
// Every paper gets a [Status]: replaceable (every alternative covered),
// partly replaceable (some alternatives, papers of the row or holders
// covered; [PaperResult.Covered] and [PaperResult.Left] say which),
// looked up (the record already looks the data up, or asks for the paper
// only when the look-up fails), required, not in the catalog, form, own
// document or mention. [Status.Dropped] decides what a scenario cuts.
package flags
