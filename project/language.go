package project

import "fmt"

// Language is the language of the plugin's messages.
type Language string

const (
	// Japanese is the default message language.
	Japanese Language = "ja"
	// English is chosen with language = "en" in the plugin block.
	English Language = "en"
)

// Text is a message in both languages, written side by side, never
// translated at run time.
type Text struct {
	JA string
	EN string
}

// In returns the text in the given language.
func (t Text) In(lang Language) string {
	if lang == English {
		return t.EN
	}
	return t.JA
}

// Textf formats a text in both languages: each format gets the arguments,
// and an argument that is itself a Text is put in the same language.
func Textf(ja, en string, args ...any) Text {
	in := func(lang Language) []any {
		out := make([]any, len(args))
		for i, a := range args {
			if t, ok := a.(Text); ok {
				out[i] = t.In(lang)
			} else {
				out[i] = a
			}
		}
		return out
	}
	return Text{JA: fmt.Sprintf(ja, in(Japanese)...), EN: fmt.Sprintf(en, in(English)...)}
}
