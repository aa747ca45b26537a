package project

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
