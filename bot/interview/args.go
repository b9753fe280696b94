package interview

import (
	"github.com/hirebot/hirebot/bot/scorecard"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The limits of /interview's arguments.
const (
	MaxCount     = 10
	DefaultCount = 5
	maxArgs      = 200
)

// Args is a parsed /interview command.
type Args struct {
	Sub   string // "ask", "kit", "kit-remove", "kit-export", "kit-clear" or "help"
	Word  string // role, kind or competency to narrow to, words joined by "-"; "" for the default set
	Count int    // questions wanted, 1–10
	N     int    // kit item, for kit-remove
	// Name is a candidate's name as typed, for the scorecard subcommands;
	// Whole is the debrief's words with its close or export, in case
	// those are part of the name.
	Name, Whole string
	// User is the Slack user id owner hands the interview loop to, or
	// coordinator names (Remove: removes).
	User   string
	Remove bool
	// Panel is the panel typed after panel <name>; none shows it.
	Panel []PanelWords
	// Ns are the numbers of kit add, in the last batch shown.
	Ns []int
	// Text is a team's own question, for kit add <competency>: <question>.
	Text string
	// Verdict and Reason are a decision's.
	Verdict scorecard.Verdict
	Reason  string
}

// Parse reads what follows /interview:
//
//	[role|kind|competency] [count]   kit   kit add <n>…   kit remove <n>   kit export   help
func Parse(text string) (Args, error) {
	if n := utf8.RuneCountInString(text); n > maxArgs {
		return Args{}, &ArgsError{Problem: ArgsTooLong, Size: n}
	}
	if a, ok, err := parseScorecard(text); ok {
		return a, err
	}
	if a, ok := parseTeamQuestion(text); ok {
		return a, nil
	}
	f := strings.Fields(strings.ToLower(text))
	a := Args{Sub: "ask", Count: DefaultCount}
	if len(f) == 0 {
		return a, nil
	}
	switch f[0] {
	case "help", "?":
		return Args{Sub: "help"}, nil
	case "kit":
		return parseKit(f[1:])
	}
	if n, err := strconv.Atoi(strings.TrimPrefix(f[len(f)-1], "#")); err == nil {
		if n < 1 || n > MaxCount {
			return Args{}, &ArgsError{Problem: ArgsCount, Size: n}
		}
		a.Count = n
		f = f[:len(f)-1]
	}
	if len(f) > 4 {
		return Args{}, &ArgsError{Problem: ArgsTooManyWords}
	}
	// "strategic thinking" names the competency strategic-thinking.
	a.Word = strings.Join(f, "-")
	return a, nil
}

// parseTeamQuestion reads "kit add <competency>: <question>", keeping the
// question's case: Word is the competency's words joined by "-".
func parseTeamQuestion(text string) (Args, bool) {
	f := strings.Fields(text)
	if len(f) < 3 || !strings.EqualFold(f[0], "kit") || !strings.EqualFold(f[1], "add") {
		return Args{}, false
	}
	rest := strings.Join(f[2:], " ")
	comp, question, ok := strings.Cut(rest, ":")
	if !ok {
		return Args{}, false
	}
	return Args{Sub: "kit-add-team", Word: strings.Join(strings.Fields(strings.ToLower(comp)), "-"), Text: strings.TrimSpace(question)}, true
}

// parseKit reads the words after "kit".
func parseKit(f []string) (Args, error) {
	if len(f) == 0 {
		return Args{Sub: "kit"}, nil
	}
	switch f[0] {
	case "export":
		if len(f) == 1 {
			return Args{Sub: "kit-export"}, nil
		}
	case "clear":
		if len(f) == 1 {
			return Args{Sub: "kit-clear"}, nil
		}
	case "add":
		var ns []int
		for _, w := range f[1:] {
			for _, part := range strings.Split(w, ",") {
				if part == "" {
					continue
				}
				n, err := strconv.Atoi(strings.TrimPrefix(part, "#"))
				if err != nil || n < 1 || n > MaxCount {
					return Args{}, &ArgsError{Problem: ArgsKitAdd}
				}
				if !slices.Contains(ns, n) {
					ns = append(ns, n)
				}
			}
		}
		if len(ns) == 0 {
			return Args{}, &ArgsError{Problem: ArgsKitAdd}
		}
		return Args{Sub: "kit-add", Ns: ns}, nil
	case "remove", "rm", "delete":
		if len(f) == 2 {
			n, err := strconv.Atoi(strings.TrimPrefix(f[1], "#"))
			if err != nil || n < 1 {
				return Args{}, &ArgsError{Problem: ArgsKitNumber}
			}
			return Args{Sub: "kit-remove", N: n}, nil
		}
		return Args{}, &ArgsError{Problem: ArgsKitRemove}
	}
	return Args{}, &ArgsError{Problem: ArgsKit}
}
