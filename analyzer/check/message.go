package check

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/redtape-vn/redtape/internal/i18n"
)

// MessageSchema names the format of the checker's message file
// (data/messages.yaml): the findings' messages and fixes and the notes of
// a run, in Vietnamese and English.
const MessageSchema = "redtape.check-messages/v1"

//go:embed data/messages.yaml
var messagesYAML []byte

// messageTexts are the message file's texts by language, read and
// validated once: a lazily computed constant, never changed after.
var messageTexts = sync.OnceValues(func() (map[i18n.Lang]*i18n.Texts, error) {
	out := map[i18n.Lang]*i18n.Texts{}
	for _, l := range []i18n.Lang{i18n.Vietnamese, i18n.English} {
		t, err := i18n.Load(messagesYAML, MessageSchema, l)
		if err != nil {
			return nil, fmt.Errorf("check messages: %w", err)
		}
		out[l] = t
	}
	return out, nil
})

// Message is prose of the checker in both languages: a sequence of parts,
// each a key of data/messages.yaml with its arguments, or a text given in
// both languages (a database's name from the catalog). An argument that is
// itself a Message is rendered in the same language; any other argument
// (quoted draft text, a procedure code, a count) is printed as it is. The
// zero Message is empty.
type Message struct{ parts []part }

// part is one piece of a Message.
type part struct {
	key     string
	args    []any
	n       int64 // the number a counting text counts
	counted bool
	en, vi  string // a text given in both languages, when key is ""
}

// NewMessage returns the message of key in data/messages.yaml, formatted
// with args.
func NewMessage(key string, args ...any) Message {
	return Message{parts: []part{{key: key, args: args}}}
}

// countMessage is NewMessage for a text that counts n: English takes the
// form for one when n is 1.
func countMessage(key string, n int, args ...any) Message {
	return Message{parts: []part{{key: key, args: args, n: int64(n), counted: true}}}
}

// Pair returns a text given in both languages, as a catalog names a
// database; an empty vi stands for en.
func Pair(en, vi string) Message {
	if vi == "" {
		vi = en
	}
	return Message{parts: []part{{en: en, vi: vi}}}
}

// Then returns m followed by o.
func (m Message) Then(o Message) Message {
	parts := make([]part, 0, len(m.parts)+len(o.parts))
	return Message{parts: append(append(parts, m.parts...), o.parts...)}
}

// IsZero reports whether m is empty.
func (m Message) IsZero() bool { return len(m.parts) == 0 }

// Keys lists the keys of data/messages.yaml that m and its arguments use.
func (m Message) Keys() []string {
	var out []string
	for _, p := range m.parts {
		if p.key != "" {
			out = append(out, p.key)
		}
		for _, a := range p.args {
			switch a := a.(type) {
			case Message:
				out = append(out, a.Keys()...)
			case list:
				for _, it := range a.items {
					if x, ok := it.(Message); ok {
						out = append(out, x.Keys()...)
					}
				}
				if a.key != "" {
					out = append(out, a.key)
				}
			}
		}
	}
	return out
}

// String returns m in English.
func (m Message) String() string { return m.In(i18n.English) }

// In returns m in language l (any language but English reads as
// Vietnamese); a key missing from data/messages.yaml shows as [[key]] so
// tests catch it.
func (m Message) In(l i18n.Lang) string {
	if l != i18n.English {
		l = i18n.Vietnamese
	}
	var texts *i18n.Texts
	if all, err := messageTexts(); err == nil {
		texts = all[l]
	}
	var b strings.Builder
	for _, p := range m.parts {
		switch {
		case p.key == "" && l == i18n.English:
			b.WriteString(p.en)
		case p.key == "":
			b.WriteString(p.vi)
		case texts == nil:
			b.WriteString("[[" + p.key + "]]")
		default:
			args := renderArgs(p.args, l)
			if p.counted {
				b.WriteString(texts.Count(p.key, p.n, args...))
			} else {
				b.WriteString(texts.Get(p.key, args...))
			}
		}
	}
	return b.String()
}

// renderArgs renders the arguments that are prose in language l.
func renderArgs(args []any, l i18n.Lang) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case Message:
			out[i] = a.In(l)
		case list:
			out[i] = a.in(l)
		case number:
			out[i] = a.in(l)
		default:
			out[i] = a
		}
	}
	return out
}

// list is an argument listing items: joined by sep, the last two by the
// text of key ("%s or %s") when key is set.
type list struct {
	items []any
	sep   string
	key   string
}

// orList lists items as "a, b or c".
func orList(items []any) list { return list{items: items, sep: ", ", key: "list_or"} }

func (x list) in(l i18n.Lang) string {
	parts := renderArgs(x.items, l)
	s := make([]string, len(parts))
	for i, p := range parts {
		s[i] = fmt.Sprint(p)
	}
	if x.key == "" || len(s) < 2 {
		return strings.Join(s, x.sep)
	}
	head := strings.Join(s[:len(s)-1], x.sep)
	return NewMessage(x.key, head, s[len(s)-1]).In(l)
}

// number is a figure printed the English way ("12.5"): Vietnamese writes
// it with a decimal comma ("12,5").
type number string

func (n number) in(l i18n.Lang) string {
	if l == i18n.English {
		return string(n)
	}
	return strings.NewReplacer(".", ",", ",", ".").Replace(string(n))
}

// Text returns the finding's message and fix in language l. In English
// they are Message and Fix, as machine output has them; a finding built
// without a [Message] (read back from JSON, or made by hand) keeps them in
// every language.
func (f Finding) Text(l i18n.Lang) (msg, fix string) {
	msg, fix = f.Message, f.Fix
	if l == i18n.English {
		return msg, fix
	}
	if !f.Msg.IsZero() {
		msg = f.Msg.In(l)
	}
	if !f.FixMsg.IsZero() {
		fix = f.FixMsg.In(l)
	}
	return msg, fix
}

// NotesIn returns the run's notes in language l, in the order of Notes:
// in English the Notes themselves; a note added as a plain string (see
// [Run.AddNote]) stays as it is in every language.
func (r *Run) NotesIn(l i18n.Lang) []string { return notesIn(r.Notes, r.noteMsgs, l) }

// NotesIn returns the notes of one draft's result in language l, as
// [Run.NotesIn] does.
func (r *FileResult) NotesIn(l i18n.Lang) []string { return notesIn(r.Notes, r.noteMsgs, l) }

func notesIn(notes []string, msgs map[string]Message, l i18n.Lang) []string {
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = n
		if m, ok := msgs[n]; ok && l != i18n.English {
			out[i] = m.In(l)
		}
	}
	return out
}

// AddMessage adds a note given in both languages (see [Run.AddNote]):
// Notes holds its English text, [Run.NotesIn] its text in a language.
func (r *Run) AddMessage(m Message) {
	n := m.String()
	if r.noteMsgs == nil {
		r.noteMsgs = map[string]Message{}
	}
	r.noteMsgs[n] = m
	r.AddNote(n)
}

// loadMessages reads and validates the message file.
func loadMessages() error {
	_, err := messageTexts()
	return err
}
