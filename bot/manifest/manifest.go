// Package manifest builds hirebot's Slack app manifest: Socket Mode,
// interactivity, the configured slash commands, the events the bot reads
// and the fewest bot scopes its features need.
package manifest

import (
	"bytes"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// Command is a slash command as the manifest lists it.
type Command struct {
	Name        string // "/cto-role"
	Description string
	UsageHint   string
	Escape      bool // Slack sends users, channels and links escaped (<@U123|dana>)
}

// Scopes are the bot scopes hirebot asks for, each with the feature that
// needs it. Nothing more: no channels:history, no users:read.
var Scopes = []struct{ Scope, Why string }{
	{"commands", "slash commands"},
	{"chat:write", "replies, shared cards and the live draft message"},
	{"app_mentions:read", "answering @hirebot questions"},
	{"im:history", "answering direct messages, and checking a reminder was not sent already"},
	{"im:write", "scorecard reminders by direct message"},
	{"files:write", "/jd export and /interview kit export"},
}

// Events are the bot events hirebot subscribes to.
var Events = []string{"app_home_opened", "app_mention", "message.im"}

type doc struct {
	DisplayInformation struct {
		Name            string `yaml:"name"`
		Description     string `yaml:"description"`
		BackgroundColor string `yaml:"background_color"`
		LongDescription string `yaml:"long_description"`
	} `yaml:"display_information"`
	Features struct {
		AppHome struct {
			HomeTabEnabled             bool `yaml:"home_tab_enabled"`
			MessagesTabEnabled         bool `yaml:"messages_tab_enabled"`
			MessagesTabReadOnlyEnabled bool `yaml:"messages_tab_read_only_enabled"`
		} `yaml:"app_home"`
		BotUser struct {
			DisplayName  string `yaml:"display_name"`
			AlwaysOnline bool   `yaml:"always_online"`
		} `yaml:"bot_user"`
		SlashCommands []slash `yaml:"slash_commands"`
	} `yaml:"features"`
	OAuthConfig struct {
		Scopes struct {
			Bot []string `yaml:"bot"`
		} `yaml:"scopes"`
	} `yaml:"oauth_config"`
	Settings struct {
		EventSubscriptions struct {
			BotEvents []string `yaml:"bot_events"`
		} `yaml:"event_subscriptions"`
		Interactivity struct {
			IsEnabled bool `yaml:"is_enabled"`
		} `yaml:"interactivity"`
		OrgDeployEnabled     bool `yaml:"org_deploy_enabled"`
		SocketModeEnabled    bool `yaml:"socket_mode_enabled"`
		TokenRotationEnabled bool `yaml:"token_rotation_enabled"`
	} `yaml:"settings"`
}

type slash struct {
	Command      string `yaml:"command"`
	Description  string `yaml:"description"`
	UsageHint    string `yaml:"usage_hint"`
	ShouldEscape bool   `yaml:"should_escape"`
}

// YAML returns the manifest for the given commands.
func YAML(commands []Command) ([]byte, error) {
	var d doc
	d.DisplayInformation.Name = "hirebot"
	d.DisplayInformation.Description = "Hire technical leaders (CTO, CIO, CISO, VP of Engineering, Head of Data): role lookups, job descriptions, interview kits."
	d.DisplayInformation.BackgroundColor = "#1d3557"
	d.DisplayInformation.LongDescription = "hirebot helps a hiring team inside Slack. /cto-role explains what a CTO or CIO does, " +
		"the kinds of CTO and the skills to look for, and what a CISO, VP of Engineering or Head of Data is. /jd drafts one job description per channel together, " +
		"from templates for each of those roles, with a live message everyone edits, a wording check and exports. /interview suggests structured " +
		"questions with rubrics, never repeating, and builds an interview kit. It runs on your own servers over Socket Mode."
	d.Features.AppHome.HomeTabEnabled = true
	d.Features.AppHome.MessagesTabEnabled = true
	d.Features.BotUser.DisplayName = "hirebot"
	for _, c := range commands {
		if n := len(c.Name); n < 2 || n > 32 || c.Name[0] != '/' {
			return nil, fmt.Errorf("command name %q must start with / and be 2 to 32 characters", c.Name)
		}
		d.Features.SlashCommands = append(d.Features.SlashCommands, slash{
			Command: c.Name, Description: c.Description, UsageHint: c.UsageHint, ShouldEscape: c.Escape})
	}
	for _, s := range Scopes {
		d.OAuthConfig.Scopes.Bot = append(d.OAuthConfig.Scopes.Bot, s.Scope)
	}
	d.Settings.EventSubscriptions.BotEvents = Events
	d.Settings.Interactivity.IsEnabled = true
	d.Settings.SocketModeEnabled = true
	var b bytes.Buffer
	b.WriteString("# Slack app manifest for hirebot. Create the app at api.slack.com/apps →\n" +
		"# \"Create New App\" → \"From an app manifest\", and paste this file.\n" +
		"# Regenerate with: hirebot manifest > deploy/slack/manifest.yaml\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(d); err != nil {
		return nil, fmt.Errorf("encode manifest: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encode manifest: %w", err)
	}
	return b.Bytes(), nil
}
