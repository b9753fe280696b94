package scorecard

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestCleanName(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		problem  NameProblem
	}{
		{"Ada Lovelace", "Ada Lovelace", 0},
		{"  ada   lovelace ", "ada lovelace", 0},
		{"Jean-Luc O'Neil", "Jean-Luc O'Neil", 0},
		{"Grace B. Hopper", "Grace B. Hopper", 0},
		{"Zoë D’Arcy", "Zoë D’Arcy", 0},
		{"José Ángel Núñez", "José Ángel Núñez", 0},
		{"李小龍", "李小龍", 0},
		{"Владимир Иванов", "Владимир Иванов", 0},
		{"Bo", "Bo", 0},
		{"", "", NameEmpty},
		{"   ", "", NameEmpty},
		{"J", "", NameTooShort},
		{"J.", "", NameTooShort},
		{strings.Repeat("a", MaxNameLen+1), "", NameTooLong},
		{"a b c d e f g", "", NameTooManyWords},
		{"ada@example.com", "", NameEmail},
		{"Ada Lovelace ada@x.io", "", NameEmail},
		{"https://linkedin.com/in/ada", "", NameURL},
		{"www.ada.dev", "", NameURL},
		{"Ada lovelace.dev", "", NameURL},
		{"+44 20 7946 0958", "", NamePhone},
		{"Ada 555-0100", "", NamePhone},
		{"(555) 0100", "", NamePhone},
		{"Ada Lovelace 2", "", NameDigits},
		{"Agent 007", "", NameDigits},
		{"<@U123>", "", NameEmail},
		{"<Ada>", "", NameSymbol},
		{"Ada!channel", "", NameSymbol},
		{"Ada; DROP", "", NameSymbol},
		{"Ada_Lovelace", "", NameSymbol},
		{"Ada\tLovelace", "Ada Lovelace", 0},
		{"Zoe\u0308 Kravitz", "Zoë Kravitz", 0},                      // decomposed becomes composed
		{"Nguyễn Thị Minh Khai", "Nguyễn Thị Minh Khai", 0},          // two marks on one letter
		{"Ngu\u0065\u0302\u0303n", "Nguễn", 0},                       // … typed decomposed
		{"क्षितिज शर्मा", "क्षितिज शर्मा", 0},                        // Devanagari vowel signs (Mc) and virama
		{"שָׁלוֹם", "שָׁלוֹם", 0},                                    // Hebrew points
		{"\u0301\u0301\u0301", "", NameMarks},                        // marks only
		{"Ada \u0301Lovelace", "", NameMarks},                        // a mark with no letter under it
		{"Z\u0334\u0321\u0322\u0327a\u0335l\u0336go", "", NameMarks}, // stacked: four marks on one letter
		{"𝐀𝐝𝐚 Lovelace", "", NameStyled},                             // mathematical bold
		{"ℬ𝓇𝑜𝓌𝓃", "", NameStyled},                                    // script letters and letterlike symbols
		{"Ａｄａ", "", NameStyled},                                      // fullwidth
		{"ﬁona", "", NameStyled},                                     // a ligature
	} {
		got, err := CleanName(tt.in)
		var ne *NameError
		switch {
		case tt.problem == 0 && (err != nil || got != tt.want):
			t.Errorf("CleanName(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		case tt.problem != 0 && (!errors.As(err, &ne) || ne.Problem != tt.problem):
			t.Errorf("CleanName(%q) error = %v, want problem %d", tt.in, err, tt.problem)
		case tt.problem != 0 && strings.TrimSpace(tt.in) != "" && strings.Contains(err.Error(), strings.TrimSpace(tt.in)):
			t.Errorf("CleanName(%q) error %q repeats the name", tt.in, err)
		}
	}
}

// TestLookAlikesAreOneCandidate: names that look the same — composed or
// decomposed, Latin or Cyrillic letters, upper or lower case — have one
// key and one id; names that only look alike in some fonts do not.
func TestLookAlikesAreOneCandidate(t *testing.T) {
	for _, same := range [][2]string{
		{"Zoë Kravitz", "Zoe\u0308 Kravitz"},
		{"Zoë Kravitz", "Zоë Kravitz"},   // Cyrillic о
		{"Ada Lovelace", "Аda Lovelace"}, // Cyrillic А
		{"Olga Popova", "Оlga Рорova"},   // Cyrillic О, Р, о
		{"ADA LOVELACE", "ada lovelace"},
	} {
		if Key(same[0]) != Key(same[1]) || ID(same[0]) != ID(same[1]) {
			t.Errorf("%q and %q look the same but have keys %q and %q", same[0], same[1], Key(same[0]), Key(same[1]))
		}
	}
	for _, other := range [][2]string{{"Zoë Kravitz", "Zoe Kravitz"}, {"Ada Lovelace", "Ada Byron"}, {"Ian Wright", "Jan Wright"}} {
		if ID(other[0]) == ID(other[1]) {
			t.Errorf("%q and %q are different names but have one id", other[0], other[1])
		}
	}
}

func TestFoldAndID(t *testing.T) {
	if Fold("  Ada   LOVELACE") != "ada lovelace" {
		t.Errorf("Fold = %q", Fold("  Ada   LOVELACE"))
	}
	if ID("Ada Lovelace") != ID("ada  lovelace") || ID("Ada Lovelace") == ID("Ada Byron") {
		t.Error("ID must be the same for names that fold alike and differ otherwise")
	}
	if id := ID("Ada Lovelace"); strings.Contains(strings.ToLower(id), "ada") || len(id) != 20 {
		t.Errorf("ID = %q, want 20 hex digits that do not spell the name", id)
	}
}

// FuzzCleanName: any text either is refused with a NameError that does
// not repeat it, or becomes a name that is clean already, bounded, and
// holds no @, digit or angle bracket.
func FuzzCleanName(f *testing.F) {
	for _, s := range []string{"Ada Lovelace", "ada@x.io", "+1 555 0100", "Zoë D’Arcy", "\xff", "<@U1>", "a.b", " ", "李小龍"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name, err := CleanName(s)
		if err != nil {
			var ne *NameError
			if !errors.As(err, &ne) {
				t.Fatalf("CleanName(%q): %v is not a NameError", s, err)
			}
			return
		}
		if again, err := CleanName(name); err != nil || again != name {
			t.Fatalf("CleanName(%q) = %q, but that cleans to %q, %v", s, name, again, err)
		}
		if strings.ContainsAny(name, "@<>&0123456789") || len([]rune(name)) > MaxNameLen || Fold(name) == "" || !norm.NFC.IsNormalString(name) {
			t.Fatalf("CleanName(%q) = %q", s, name)
		}
		for _, r := range name {
			if styled(r) {
				t.Fatalf("CleanName(%q) = %q, with the styled letter %q", s, name, r)
			}
		}
	})
}
