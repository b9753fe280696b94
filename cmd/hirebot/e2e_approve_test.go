package main

import (
	"fmt"
	"testing"

	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/bot/sessions"
)

// TestApprovalsBesideAVersionOnTwoReplicas (issue 27): on two bots sharing
// one Redis, an approval is recorded beside the version it approves, not as
// a new one; what a person saw stays the draft's version, so a bare number
// typed after approving is still checked; and /jd finalize with approvals
// older than the content asks first, naming them, until they are renewed.
func TestApprovalsBesideAVersionOnTwoReplicas(t *testing.T) {
	t.Parallel()
	fake, rs, cfg := MustOnRedis(t)
	MustStartReplicas(t, fake, cfg)
	rdb := mustRedis(t, rs.URL())
	c := &collab{t: t, fake: fake, store: sessions.New(rdb, sessions.Options{}), rdb: rdb, ch: "CAPPROVE"}

	c.jd("UOWNER", "start cto Head of Platform", "Head of Platform")
	c.jd("UOWNER", "set salary $250,000–$300,000 a year", "Set the salary")
	c.jd("UOWNER", "set location Berlin, Germany", "Set the location")
	v := c.draft().Version
	c.jd("UCEO", "approve", fmt.Sprintf("Approved version %d", v))
	c.jd("UCTO", "approve", fmt.Sprintf("Approved version %d", v))
	if got := c.draft().Version; got != v {
		t.Fatalf("two approvals moved the draft from v%d to v%d", v, got)
	}
	c.live(fmt.Sprintf("Approved by @UCEO (v%d), @UCTO (v%d)", v, v))

	// What the approver saw is the version, not the store's count of writes.
	c.jd("U3", "remove requirements 1", "Removed from requirements")
	c.jd("UCEO", "remove requirements 2", "nothing was changed", "since you last looked at the draft")

	c.live(fmt.Sprintf("@UCEO (v%d, changed since)", v))
	ask := c.jd("UOWNER", "finalize", "2 approvals of an earlier version",
		fmt.Sprintf("@UCEO approved version %d", v), fmt.Sprintf("@UCTO approved version %d", v))
	if c.draft().Status == draft.Final {
		t.Fatal("finalize went ahead with approvals of an earlier version")
	}
	// An approval renewed meanwhile does not make the question stale.
	now := c.draft().Version
	c.jd("UCEO", "approve", fmt.Sprintf("Approved version %d", now))
	c.jd("UOWNER", "finalize", "1 approval of an earlier version", fmt.Sprintf("@UCTO approved version %d", v))
	c.press("UOWNER", ask, "jd:finalize", "Finalized the draft")
	if d := c.draft(); d.Status != draft.Final || d.Version != now+1 {
		t.Errorf("after the confirmation: status %s at v%d, want final at v%d", d.Status, d.Version, now+1)
	}
	MustNoViolations(t, fake)
}
