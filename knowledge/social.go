package knowledge

import "strings"

// Social is what a message says when it asks nothing: a nod, a greeting,
// thanks or a goodbye. Handlers answer it with a short friendly line, not
// a card.
type Social int

// The kinds of social message, from weakest to strongest: a message with
// words of several kinds is of the strongest ("ok, thanks" is thanks).
const (
	NotSocial Social = iota
	Nod              // "ok", "cool", "got it"
	Greeting
	Thanks
	Goodbye
	Chat // other small talk ("you're great", "lol"), as the topic model finds it
)

// socialWords are the words social messages are made of: each word that
// carries the message, with what it says, and the filler around them
// ("thanks a lot", "hi there", "ok great"), which says nothing on its own.
var socialWords = map[string]Social{
	"hi": Greeting, "hello": Greeting, "hey": Greeting, "hiya": Greeting, "howdy": Greeting,
	"yo": Greeting, "greetings": Greeting, "morning": Greeting, "afternoon": Greeting,
	"evening": Greeting, "wave": Greeting,
	"thanks": Thanks, "thank": Thanks, "thx": Thanks, "ty": Thanks, "tysm": Thanks,
	"cheers": Thanks, "ta": Thanks, "appreciated": Thanks, "appreciate": Thanks,
	"thankyou": Thanks, "kudos": Thanks,
	"bye": Goodbye, "goodbye": Goodbye, "cya": Goodbye, "later": Goodbye, "farewell": Goodbye,
	"goodnight": Goodbye,
	// The same in the languages people greet and thank in when they
	// switch to English for the question.
	"merci": Thanks, "gracias": Thanks, "danke": Thanks, "grazie": Thanks, "obrigado": Thanks,
	"obrigada": Thanks, "dank": Thanks, "tak": Thanks, "bonjour": Greeting, "hola": Greeting,
	"ciao": Greeting, "salut": Greeting, "hallo": Greeting, "ola": Greeting, "adios": Goodbye,
	"hei": Greeting, "hej": Greeting, "moin": Greeting, "takk": Thanks, "tack": Thanks,
	"sup": Greeting, "wassup": Greeting, "whatsup": Greeting, "heya": Greeting,
	"thnx": Thanks, "tnx": Thanks, "thks": Thanks, "thanx": Thanks,

	"ok": Nod, "okay": Nod, "cool": Nod, "nice": Nod, "perfect": Nod, "awesome": Nod,
	"got": Nod, "noted": Nod, "understood": Nod, "thumbsup": Nod,

	// Filler: allowed around the words above, never enough alone.
	"there": NotSocial, "you": NotSocial, "so": NotSocial, "much": NotSocial, "very": NotSocial,
	"a": NotSocial, "lot": NotSocial, "lots": NotSocial, "again": NotSocial, "all": NotSocial,
	"good": NotSocial, "great": NotSocial, "that": NotSocial,
	"helps": NotSocial, "helped": NotSocial, "helpful": NotSocial, "was": NotSocial,
	"it": NotSocial, "this": NotSocial, "is": NotSocial, "for": NotSocial, "the": NotSocial,
	"info": NotSocial, "answer": NotSocial, "hirebot": NotSocial, "bot": NotSocial,
	"everyone": NotSocial, "folks": NotSocial, "team": NotSocial, "and": NotSocial,
	"see": NotSocial, "then": NotSocial, "now": NotSocial, "oh": NotSocial, "well": NotSocial,
	"many": NotSocial, "really": NotSocial, "super": NotSocial, "thats": NotSocial,
	"that's": NotSocial, "yes": NotSocial, "sure": NotSocial,
}

// socialOf reports what the words say when every one of them is a social
// word or filler and at least one carries a nod, greeting, thanks or
// goodbye; the strongest kind wins.
func socialOf(words []string) Social {
	if len(words) == 0 || len(words) > 8 {
		return NotSocial
	}
	got := NotSocial
	for _, w := range words {
		s, ok := socialWords[w]
		if !ok && !strings.ContainsFunc(w, isWordRune) {
			// An emoji or other symbol sets the tone ("hey there 👋",
			// "thanks 🙏"); a few say as much as a word.
			s, ok = socialSymbols[w], true
		}
		if !ok {
			return NotSocial
		}
		got = max(got, s)
	}
	return got
}

// socialSymbols are the emoji that say what a social word does; any other
// symbol is filler.
var socialSymbols = map[string]Social{"👋": Greeting, "🙏": Thanks, "👍": Nod, "👌": Nod}
