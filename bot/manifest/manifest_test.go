package manifest

import (
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestYAML(t *testing.T) {
	b, err := YAML([]Command{{Name: "/cto-role", Description: "d", UsageHint: "[topic]"}, {Name: "/jd", Description: "d"}})
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Features struct {
			SlashCommands []struct {
				Command   string `yaml:"command"`
				UsageHint string `yaml:"usage_hint"`
			} `yaml:"slash_commands"`
		} `yaml:"features"`
		OAuth struct {
			Scopes struct {
				Bot []string `yaml:"bot"`
			} `yaml:"scopes"`
		} `yaml:"oauth_config"`
		Settings struct {
			Events struct {
				Bot []string `yaml:"bot_events"`
			} `yaml:"event_subscriptions"`
			Interactivity struct {
				Enabled bool `yaml:"is_enabled"`
			} `yaml:"interactivity"`
			SocketMode bool `yaml:"socket_mode_enabled"`
		} `yaml:"settings"`
	}
	if err := yaml.Unmarshal(b, &m); err != nil {
		t.Fatalf("the manifest is not YAML: %v\n%s", err, b)
	}
	if !m.Settings.SocketMode || !m.Settings.Interactivity.Enabled {
		t.Error("Socket Mode and interactivity must be on")
	}
	if got := len(m.Features.SlashCommands); got != 2 || m.Features.SlashCommands[0].Command != "/cto-role" ||
		m.Features.SlashCommands[0].UsageHint != "[topic]" {
		t.Errorf("slash commands: %+v", m.Features.SlashCommands)
	}
	// Least privilege: exactly the scopes the features need, nothing that
	// reads channels or users.
	want := []string{"commands", "chat:write", "app_mentions:read", "im:history", "im:write", "files:write"}
	if !slices.Equal(m.OAuth.Scopes.Bot, want) {
		t.Errorf("scopes %v, want %v", m.OAuth.Scopes.Bot, want)
	}
	for _, s := range m.OAuth.Scopes.Bot {
		if strings.HasPrefix(s, "channels:") || strings.HasPrefix(s, "users:") || strings.HasPrefix(s, "groups:") {
			t.Errorf("scope %s reads more than hirebot needs", s)
		}
	}
	if !slices.Equal(m.Settings.Events.Bot, []string{"app_home_opened", "app_mention", "message.im"}) {
		t.Errorf("events %v", m.Settings.Events.Bot)
	}
}

func TestYAMLRefusesBadNames(t *testing.T) {
	for _, name := range []string{"jd", "/", "/" + strings.Repeat("x", 32)} {
		if _, err := YAML([]Command{{Name: name}}); err == nil {
			t.Errorf("command name %q accepted", name)
		}
	}
}
