package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/hirebot/hirebot/internal/slacktest"
	"github.com/hirebot/hirebot/knowledge"
)

// TestNewRolesOverSocketMode drives the roles with full templates besides
// the CTO and CIO end to end: /jd start posts the role's draft, which once
// pay and location are set draws no finding from /jd check; /interview in
// the channel asks questions written for the role; /interview <role> and
// /cto-role <role> answer for it.
func TestNewRolesOverSocketMode(t *testing.T) {
	t.Parallel()
	fake := MustNewFake(t)
	MustStartBot(t, fake, testConfig(fake, ""))
	pack, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for i, tt := range []struct {
		start, role, heading, reply, overview string
	}{
		{"start ciso", "ciso", "Chief Information Security Officer", "Started a draft for a Chief Information Security Officer.", "What is a CISO"},
		{"start vp-engineering", "vp-engineering", "VP of Engineering", "Started a draft for a VP of Engineering.", "What is a VP of Engineering?"},
		{"start head-of-data ml", "head-of-data", "Head of Data", "(Head of Data, kind machine-learning)", "What is a Head of Data?"},
	} {
		ch := "CROLE" + string(rune('A'+i))
		t.Run(tt.role, func(t *testing.T) {
			MustCommand(t, fake, ch, "UOWNER", "/jd", tt.start, tt.reply)
			liveMessage(t, fake, ch, tt.heading, "Responsibilities", "Requirements", "Nice to have", "Benefits")
			MustCommand(t, fake, ch, "UOWNER", "/jd", "set location Boston, hybrid (three days a week in the office)", "location")
			MustCommand(t, fake, ch, "UOWNER", "/jd", "set salary $230,000 - $270,000 a year", "salary")
			MustCommand(t, fake, ch, "UOWNER", "/jd", "check", "No findings.")

			m := MustCommand(t, fake, ch, "U2", "/interview", "", "Interview questions for this channel's draft")
			ids := buttonValues(t, m, "interview:add")
			if len(ids) == 0 {
				t.Fatal("/interview offered no questions")
			}
			for _, v := range ids {
				_, id, _ := strings.Cut(v, "|") // kit.GEN|question
				if q, _ := pack.Question(id); !slices.Contains(q.Roles, tt.role) {
					t.Errorf("/interview in a %s channel offered %s, written for %v", tt.role, id, q.Roles)
				}
			}
			MustCommand(t, fake, "CROLEQ"+string(rune('A'+i)), "U2", "/interview", tt.role+" 3", "Interview questions for a ")
			ack := MustSlash(t, fake, slacktest.Slash{Channel: ch, User: "U2", Command: "/cto-role", Text: tt.role})
			if !strings.Contains(string(ack.Payload), tt.overview) {
				t.Errorf("/cto-role %s answered %s; want the role's overview", tt.role, ack.Payload)
			}
		})
	}
	MustNoViolations(t, fake)
}
