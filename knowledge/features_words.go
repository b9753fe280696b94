package knowledge

// The words featuresOf reads as something other than a content word:
// chat shorthand, small talk and filler.

// chatWords are what people type in chat for a longer word, as the topic
// model reads them: the search's shorthand ("mgmt", "eng") and the
// texting kind ("u", "pls", "w/" as "w"), so that a question typed in a
// hurry has the features of one typed in full.
var chatWords = func() map[string]string {
	m := map[string]string{
		"u": "you", "ur": "your", "r": "are", "y": "why", "n": "and", "w": "with",
		"pls": "please", "plz": "please", "thx": "thanks", "thnx": "thanks",
		"tnx": "thanks", "ty": "thanks", "tysm": "thanks", "thks": "thanks",
		"bc": "because", "bcz": "because", "cuz": "because", "coz": "because", "b4": "before",
		"abt": "about", "ppl": "people", "yr": "year", "yrs": "years", "mo": "month",
		"mos": "months", "wk": "week", "wks": "weeks", "hrs": "hours",
		"govt": "government", "mgr": "manager", "mgrs": "managers", "dept": "department",
		"exp": "experience", "yoe": "experience", "req": "requirement", "reqs": "requirements",
		"wo": "without", "diff": "difference",
		"btw": "", "tbh": "", "imo": "", "imho": "", "fyi": "", "afaik": "", "idk": "",
		"rn": "now", "atm": "now", "gonna": "going", "wanna": "want", "gotta": "must",
	}
	for k, v := range shorthand {
		m[k] = v
	}
	return m
}()

// featureWord is what featuresOf makes of a word that is chat shorthand,
// small talk or a stop word: the word it stands for (chatWords), whether
// that is filler, and the kind of small talk and whether a stop word the
// word it stands for is.
type featureWord struct {
	word   string
	filler bool
	social Social
	stop   bool
}

// featureWords holds the featureWord of every word of chatWords,
// socialWords, chatSocial and featureStop, so that featuresOf looks a
// word up once rather than in each; a word not in it is none of them.
var featureWords = func() map[string]featureWord {
	m := make(map[string]featureWord)
	note := func(w string) {
		fw := featureWord{word: w}
		if c, ok := chatWords[w]; ok {
			fw.word, fw.filler = c, c == ""
		}
		fw.social, fw.stop = socialWordOf(fw.word), featureStop[fw.word]
		m[w] = fw
	}
	for _, set := range []map[string]bool{featureStop, chatSocial} {
		for w := range set {
			note(w)
		}
	}
	for w := range chatWords {
		note(w)
	}
	for w := range socialWords {
		note(w)
	}
	return m
}()

// chatFilter stops most words that are not chatWords.
var chatFilter = newWordFilter(chatWords)

// chatWord returns what w stands for in chatWords, if it is one.
func chatWord(w string) (string, bool) {
	if !chatFilter.mayHave(w) {
		return "", false
	}
	c, ok := chatWords[w]
	return c, ok
}

// socialFeature names the feature of each kind of social word.
var socialFeature = [...]string{Greeting: "social:greeting", Thanks: "social:thanks",
	Goodbye: "social:goodbye", Chat: "social:chat"}

// chatSocial are social words the rules leave alone (a laugh is no reply
// on its own) but the topic model reads as small talk.
var chatSocial = wordSet(`lol lmao rofl haha hahaha hehe heh lmfao xd omg wow`)

// socialWordOf says what kind of small talk word w is: a greeting, thanks
// or goodbye (see socialWords), a laugh (Chat), or NotSocial. A nod ("ok",
// "perfect") is NotSocial here: inside a question it is an ordinary word.
func socialWordOf(w string) Social {
	if chatSocial[w] {
		return Chat
	}
	switch s := socialWords[w]; s {
	case Greeting, Thanks, Goodbye:
		if w == "later" || w == "morning" || w == "afternoon" || w == "evening" {
			return NotSocial // "later stage", "morning stand-up": ordinary words in a question
		}
		return s
	}
	return NotSocial
}
