package jd

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/knowledge"
	"github.com/hirebot/hirebot/knowledge/locale"
)

// start begins the channel's draft from the knowledge checklists.
func (h *Handler) start(ctx context.Context, req bot.Request, a Args) (bot.Reply, error) {
	role, ok := h.cfg.Pack.Role(strings.ToLower(a.Role))
	if !ok {
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "I can draft for these roles: %s. For example: %s start cto infrastructure",
			strings.Join(h.roleIDs(), ", "), h.cfg.Slash)
	}
	kind, title, err := h.startKindAndTitle(role, a, req.Text)
	if err != nil {
		return bot.Reply{}, err
	}
	start := h.starting(role, kind, title, req.User, h.cfg.Now())
	eng := locale.FullTime
	if a.Engagement != "" {
		eng = locale.Kind(a.Engagement)
		start = h.engaged(start, role, kind, eng)
	}
	d, e, err := draft.New(start)
	if err != nil {
		return bot.Reply{}, fmt.Errorf("start draft: %w", err)
	}
	if err := h.drafts(req).CreateDraft(ctx, d, e); err != nil {
		if hirebot.KindOf(err) == hirebot.Conflict {
			return h.draftExists(ctx, req, role), hirebot.Wrap(hirebot.Conflict, err, "this channel already has a draft")
		}
		return bot.Reply{}, err
	}
	var about []string
	if kind.ID != "" {
		about = append(about, role.Name, "kind "+kind.ID)
	}
	if d.Contract() {
		about = append(about, string(eng)+": terms instead of employee benefits")
	}
	started := fmt.Sprintf("Started a draft for %s %s.", article(title), title)
	if len(about) > 0 {
		started = fmt.Sprintf("Started a draft for %s %s (%s).", article(title), title, strings.Join(about, ", "))
	}
	return bot.Reply{
		Card: &bot.Card{Intro: started + " It is posted in the channel; anyone here can edit it.",
			Note: fmt.Sprintf("Next: %s set company …, %s set location …, %s set salary …, then %s check.", h.cfg.Slash, h.cfg.Slash, h.cfg.Slash, h.cfg.Slash)},
		NewLive: true, AfterInvite: h.cfg.Slash + " show",
	}, nil
}

// draftExists answers /jd start in a channel that has a draft already: it
// names that draft and says how to go on with it or replace it. The caller
// returns the conflict beside it, for metrics and logs.
func (h *Handler) draftExists(ctx context.Context, req bot.Request, want knowledge.Role) bot.Reply {
	c := &bot.Card{Title: "This channel already has a draft",
		Intro: fmt.Sprintf("Each channel holds one draft. Show it with %s show, or discard it with %s discard and then %s start %s.",
			h.cfg.Slash, h.cfg.Slash, h.cfg.Slash, want.ID)}
	if d, err := h.drafts(req).Draft(ctx); err == nil {
		c.Intro = fmt.Sprintf("This channel is drafting “%s” (%s, version %d), and each channel holds one draft. Show it with %s show, or discard it with %s discard and then %s start %s.",
			d.Heading(), h.roleName(d.Role), d.Version, h.cfg.Slash, h.cfg.Slash, h.cfg.Slash, want.ID)
		c.Buttons = []bot.Button{{Label: "Show the draft", Action: "jd:show", Value: showing(d, "")}}
	}
	return bot.Reply{Card: c}
}

// startKindAndTitle works out a new draft's kind and title from what
// followed the role in text (the text of /jd start) and its parse a. A
// title of the role ("technical director") is a title, not the kind
// "technical" and a title "director"; a kind word followed by one job
// noun ("tech lead") is the kind and also the title. Another role's kind
// word with more words after it starts a title ("/jd start cto ML Lead");
// alone, it is refused with the role's own kinds.
func (h *Handler) startKindAndTitle(role knowledge.Role, a Args, text string) (knowledge.Kind, string, error) {
	if a.Engagement != "" {
		a.Title = engagementInTitle(locale.Kind(a.Engagement), a.EngagementWord, a.Title)
	}
	kind := knowledge.Kind{}
	if a.Kind != "" {
		k, ok := h.cfg.Pack.Kind(a.Kind)
		switch {
		case ok && k.Role == role.ID:
			kind = k
		case ok && len(strings.Fields(afterRole(text))) > 1:
			a.Kind, a.Title = "", afterRole(text)
		default:
			return kind, "", hirebot.Errorf(hirebot.Invalid, "%s %s has no kind %q. Kinds: %s.",
				capitalize(article(role.Name)), role.Name, a.Kind, h.kindIDs(role.ID))
		}
	}
	typed := kindInTitle(text, a)
	rest := strings.Fields(afterRole(text))
	if alt, ok := altTitle(role, afterRole(text)); ok {
		kind, typed = knowledge.Kind{}, alt
	} else if kind.ID != "" && len(rest) == 2 && jobNouns[strings.ToLower(rest[1])] {
		typed = strings.Join(rest, " ")
	}
	title, err := h.startTitle(role, kind, typed)
	return kind, title, err
}

// startTitle works out a new draft's title from what followed the role and
// kind. No title means the role's title. A first word that looks like a
// misspelt kind is refused with the kind it is closest to, rather than
// becoming the title; a lower-case word repeated by the title ("interim
// Interim CTO") is dropped; one or two lower-case words alone ("interim",
// "founding") qualify the role's name ("Interim CTO"). Double quotes in the
// title and a leading article ("an Interim CTO") are dropped, and a title
// typed all in capitals ("HEAD OF TECH") is written in title case.
func (h *Handler) startTitle(role knowledge.Role, kind knowledge.Kind, title string) (string, error) {
	words := strings.Fields(typedTitle(title))
	if len(words) == 0 {
		return role.Title, nil
	}
	title = strings.Join(words, " ")
	if alt, ok := altTitle(role, title); ok {
		return alt, nil
	}
	if kind.ID == "" && isLowerWord(words[0]) {
		if near := h.nearKind(role.ID, words[0]); near != "" {
			return "", hirebot.Errorf(hirebot.Invalid, "%s %s has no kind %q%s Kinds: %s. To start the title with that word, capitalise it.",
				capitalize(article(role.Name)), role.Name, short(words[0]), didYouMean(near), h.kindIDs(role.ID))
		}
	}
	if len(words) > 1 && isLowerWord(words[0]) && strings.EqualFold(words[0], words[1]) {
		words = words[1:]
	}
	if len(words) <= 2 && !mentionsRole(words, role) && allLower(words) && !jobNouns[words[len(words)-1]] {
		for i, w := range words {
			words[i] = capitalize(w)
		}
		words = append(words, role.Name)
	}
	if allLower(words) {
		// A title typed all in lower case still heads the ad: write it in
		// title case, the role's abbreviation as one.
		for i, w := range words {
			switch {
			case strings.EqualFold(w, role.Name):
				words[i] = role.Name
			case i == 0 || !smallWords[w]:
				words[i] = capitalize(w)
			}
		}
	}
	return strings.Join(words, " "), nil
}

// tidyTitle drops a leading article from a typed title and writes a title
// typed all in capitals in title case, keeping short initialisms (CTO, VP,
// IT) in capitals.
func tidyTitle(words []string) []string {
	if len(words) > 1 {
		switch strings.ToLower(words[0]) {
		case "a", "an", "the":
			words = words[1:]
		}
	}
	long, shouted := 0, true
	for _, w := range words {
		if strings.ToUpper(w) != w {
			shouted = false
		}
		if utf8.RuneCountInString(w) >= 4 && strings.ToLower(w) != w {
			long++
		}
	}
	if !shouted || long == 0 {
		return words
	}
	out := make([]string, len(words))
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case utf8.RuneCountInString(w) <= 3 && !smallWords[lw]:
			out[i] = w // CTO, VP, IT
		case i > 0 && smallWords[lw]:
			out[i] = lw
		default:
			out[i] = capitalize(lw)
		}
	}
	return out
}

// typedTitle is a title as /jd set or the editor takes it, tidied as /jd
// start tidies one: no double quotes, no leading article ("an Interim
// CTO"), a title in capitals in title case.
func typedTitle(s string) string {
	return strings.Join(tidyTitle(strings.Fields(doubleQuotes.Replace(s))), " ")
}

// doubleQuotes removes the double quotes people put around a title or a
// word of it; apostrophes stay ("People's").
var doubleQuotes = strings.NewReplacer(`"`, "", "“", "", "”", "", "„", "", "«", "", "»", "")

// smallWords stay in lower case inside a title.
var smallWords = map[string]bool{"a": true, "an": true, "and": true, "at": true, "for": true, "in": true,
	"of": true, "on": true, "or": true, "the": true, "to": true, "with": true}

// jobNouns are the words that end a job title ("lead", "director"): after
// a kind word they make it part of the title ("tech lead"), not a title of
// one word.
var jobNouns = map[string]bool{"lead": true, "leader": true, "director": true, "manager": true, "head": true,
	"architect": true, "engineer": true, "officer": true, "chief": true, "vp": true}

// altTitle reports whether text starts with one of the role's titles
// ("technical director" for a CTO), and returns text with that title
// written as the pack writes it ("Technical Director"), the rest as typed.
func altTitle(role knowledge.Role, text string) (string, bool) {
	words := strings.Fields(text)
	for _, alt := range append([]string{role.Title}, role.AltTitles...) {
		aw := strings.Fields(alt)
		if len(aw) == 0 || len(words) < len(aw) {
			continue
		}
		same := true
		for i, w := range aw {
			if !strings.EqualFold(w, strings.TrimRight(words[i], ",.;:")) {
				same = false
				break
			}
		}
		if same {
			last := words[len(aw)-1]
			head := alt + last[len(strings.TrimRight(last, ",.;:")):]
			return strings.Join(append([]string{head}, words[len(aw):]...), " "), true
		}
	}
	return "", false
}

// afterRole returns what follows the subcommand and the role in the text
// of /jd start.
func afterRole(text string) string {
	words := strings.Fields(text)
	if len(words) < 3 {
		return ""
	}
	return strings.Join(words[2:], " ")
}

// kindInTitle returns the title typed after the role and kind, with the
// kind word put back at its start when it was written with a capital and a
// title follows it: in "/jd start cto Infrastructure CTO" the word names
// the kind and also belongs to the title "Infrastructure CTO".
func kindInTitle(text string, a Args) string {
	words := strings.Fields(text)
	if a.Kind == "" || a.Title == "" || len(words) < 4 {
		return a.Title
	}
	w := words[2]
	if r := []rune(w); unicode.IsUpper(r[0]) && !strings.HasPrefix(a.Title, w) {
		return w + " " + a.Title
	}
	return a.Title
}

// isLowerWord reports whether w is written in lower-case letters, digits and
// hyphens only, as a kind is.
func isLowerWord(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return w != ""
}

// allLower reports whether every word is a lower-case word.
func allLower(words []string) bool {
	for _, w := range words {
		if !isLowerWord(w) {
			return false
		}
	}
	return true
}

// mentionsRole reports whether the words name the role already ("cto",
// "chief", "officer", or one of its other titles' words).
func mentionsRole(words []string, role knowledge.Role) bool {
	names := strings.Fields(strings.ToLower(role.Name + " " + role.Title + " " + strings.Join(role.AltTitles, " ")))
	for _, w := range words {
		for _, n := range names {
			if len(n) > 2 && strings.EqualFold(w, n) || strings.EqualFold(w, role.Name) {
				return true
			}
		}
	}
	return false
}

// starting is what owner starts a draft for role and kind titled title
// from, at: a new identity, the role's text for candidates, and the role's
// and kind's checklists, from which the draft domain takes the first
// items.
func (h *Handler) starting(role knowledge.Role, kind knowledge.Kind, title, owner string, at time.Time) draft.Start {
	return draft.Start{ID: newDraftID(), Role: role.ID, Kind: kind.ID, Title: title, Owner: owner, At: at, Locale: h.cfg.Locale,
		Template: draft.Content{Fields: map[draft.Field]string{
			draft.Summary:   candidateSummary(role, kind, map[draft.Field]string{draft.Title: title, draft.Locale: h.startLocale()}),
			draft.Process:   strings.TrimSpace(role.HiringProcess),
			draft.EEO:       strings.TrimSpace(role.EqualOpportunity),
			draft.ReportsTo: strings.TrimSpace(role.ReportsTo),
		}},
		Checklists: h.cfg.Pack.ChecklistsFor(role.ID, kind.ID),
	}
}

// engaged returns s for an engagement of kind eng: the engagement set and,
// for a fractional or interim one, what it offers in place of employee
// benefits and the statement for contractors (the terms themselves follow
// from the engagement: draft.Terms).
func (h *Handler) engaged(s draft.Start, role knowledge.Role, kind knowledge.Kind, eng locale.Kind) draft.Start {
	fields := s.Template.Fields
	fields[draft.Engagement] = string(eng)
	e, ok := locale.Default().Engagement(eng)
	if !ok || !e.Contract() {
		return s
	}
	var offer []draft.Item
	for i, text := range e.Offer {
		offer = append(offer, draft.Item{Text: text, Source: fmt.Sprintf("%s-offer-%d", eng, i+1)})
	}
	s.Template.Sections = map[draft.Section][]draft.Item{draft.Benefits: offer}
	s.Caps = draft.ContractCaps
	fields[draft.Title] = s.Title
	fields[draft.Locale] = h.startLocale()
	fields[draft.Summary] = candidateSummary(role, kind, fields)
	delete(fields, draft.Title)
	delete(fields, draft.Locale)
	return s
}

// engagementInTitle puts the engagement word typed after the role back
// into the title: alone it qualifies the role ("/jd start cto fractional"
// is a Fractional CTO), and written with a capital before a title it is
// part of it ("Interim Head of IT"). A full-time engagement names no title.
func engagementInTitle(eng locale.Kind, word, title string) string {
	switch {
	case eng == locale.FullTime:
		return title
	case title == "":
		return strings.ToLower(word)
	case unicode.IsUpper([]rune(word)[0]):
		return word + " " + title
	}
	return title
}

// startLocale is the locale a new draft starts in: HIREBOT_LOCALE, else us.
func (h *Handler) startLocale() string {
	if c, err := locale.ParseCode(h.cfg.Locale); err == nil {
		return string(c)
	}
	return string(locale.US)
}

// roleIDs lists the roles /jd start takes; none without a pack.
func (h *Handler) roleIDs() []string {
	if h.cfg.Pack == nil {
		return nil
	}
	return h.cfg.Pack.RoleIDs()
}

// nearKind returns the id of the role's kind that word looks like a
// misspelling of, by the pack's ids and aliases, or "" when it is close to
// none (the knowledge pack owns the kinds and their names).
func (h *Handler) nearKind(role, word string) string {
	var names []string
	for _, k := range h.cfg.Pack.RoleKinds(role) {
		names = append(names, k.ID)
		names = append(names, k.Aliases...)
	}
	for _, near := range knowledge.Nearest(word, names) {
		if k, ok := h.cfg.Pack.KindNamed(near); ok && k.Role == role {
			return k.ID
		}
	}
	return ""
}

func (h *Handler) kindIDs(role string) string {
	var ids []string
	for _, k := range h.cfg.Pack.RoleKinds(role) {
		ids = append(ids, k.ID)
	}
	if len(ids) == 0 {
		return "none"
	}
	return strings.Join(ids, ", ")
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}

// newDraftID returns a new draft's identity: 64 random bits in base 36,
// never to be given to another draft of the channel.
func newDraftID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return strconv.FormatUint(binary.BigEndian.Uint64(b[:]), 36)
}
