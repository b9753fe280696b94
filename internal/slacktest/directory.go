package slacktest

import "strings"

// SetUser names a user for users.info and payloads; unnamed users are
// called "user-<id>".
func (s *Server) SetUser(id, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.users[id] = name
}

// SetChannel names a channel for conversations.info and payloads; unnamed
// channels are called "channel-<id>".
func (s *Server) SetChannel(id, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.channels[id] = name
}

func (s *Server) userNameLocked(id string) string {
	if n, ok := s.users[id]; ok {
		return n
	}
	return "user-" + strings.ToLower(id)
}

func (s *Server) channelNameLocked(id string) string {
	if n, ok := s.channels[id]; ok {
		return n
	}
	if strings.HasPrefix(id, "D") {
		return "directmessage"
	}
	return "channel-" + strings.ToLower(id)
}

// userObjectLocked is a user as interaction payloads carry it.
func (s *Server) userObjectLocked(id, team string) map[string]any {
	n := s.userNameLocked(id)
	return map[string]any{"id": id, "username": n, "name": n, "team_id": team}
}

// authTest serves auth.test.
func (s *Server) authTest() result {
	return ok(map[string]any{
		"url": "https://fake.slack.com/", "team": "Fake Team", "user": s.opts.BotName,
		"team_id": s.opts.TeamID, "user_id": BotUserID, "bot_id": BotID,
	})
}

// conversationInfo serves conversations.info.
func (s *Server) conversationInfo(p map[string]string) result {
	id := p["channel"]
	if id == "" {
		return fail("channel_not_found")
	}
	s.mu.Lock()
	name := s.channelNameLocked(id)
	s.mu.Unlock()
	im := strings.HasPrefix(id, "D")
	return ok(map[string]any{"channel": map[string]any{
		"id": id, "name": name, "is_channel": !im && !strings.HasPrefix(id, "G"),
		"is_group": strings.HasPrefix(id, "G"), "is_im": im, "is_private": !strings.HasPrefix(id, "C"),
		"is_member": true, "is_archived": false, "context_team_id": s.opts.TeamID,
	}})
}

// userInfo serves users.info.
func (s *Server) userInfo(p map[string]string) result {
	id := p["user"]
	if id == "" {
		return fail("user_not_found")
	}
	s.mu.Lock()
	name := s.userNameLocked(id)
	s.mu.Unlock()
	return ok(map[string]any{"user": map[string]any{
		"id": id, "team_id": s.opts.TeamID, "name": name, "real_name": name,
		"tz": "Europe/London", "tz_offset": 0, "is_bot": id == BotUserID,
		"profile": map[string]any{"real_name": name, "display_name": name},
	}})
}
