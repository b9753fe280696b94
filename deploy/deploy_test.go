// Package deploy holds the deployment files; its tests check them for what
// deploy/README.md promises operators: loopback-only ports, no capabilities,
// a memory limit above GOMEMLIMIT, version tags, Redis required in
// Kubernetes and a password on every example Redis.
package deploy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// composeFile is the part of docker-compose.yml the tests read.
type composeFile struct {
	Services map[string]struct {
		Build struct {
			Args map[string]string `yaml:"args"`
		} `yaml:"build"`
		Image       string            `yaml:"image"`
		Ports       []string          `yaml:"ports"`
		CapDrop     []string          `yaml:"cap_drop"`
		ReadOnly    bool              `yaml:"read_only"`
		SecurityOpt []string          `yaml:"security_opt"`
		MemLimit    string            `yaml:"mem_limit"`
		Environment map[string]string `yaml:"environment"`
		Command     []string          `yaml:"command"`
	} `yaml:"services"`
}

func TestCompose(t *testing.T) {
	var c composeFile
	mustDecode(t, "docker-compose.yml", &c)
	if len(c.Services) == 0 {
		t.Fatal("no services in docker-compose.yml")
	}
	for name, s := range c.Services {
		if !slices.Contains(s.CapDrop, "ALL") {
			t.Errorf("%s: cap_drop %v, want ALL", name, s.CapDrop)
		}
		if !slices.Contains(s.SecurityOpt, "no-new-privileges:true") {
			t.Errorf("%s: security_opt %v lacks no-new-privileges:true", name, s.SecurityOpt)
		}
		if !s.ReadOnly {
			t.Errorf("%s: root filesystem not read-only", name)
		}
		checkTag(t, name, s.Image)
		for _, p := range s.Ports {
			if !strings.HasPrefix(p, "127.0.0.1:") {
				t.Errorf("%s: port %q is published on every interface, want 127.0.0.1 only", name, p)
			}
		}
	}

	bot, ok := c.Services["hirebot"]
	if !ok {
		t.Fatal("no hirebot service")
	}
	checkMemory(t, "compose hirebot", bot.Environment["GOMEMLIMIT"], bot.MemLimit)
	pass := bot.Environment["REDIS_URL"]
	if !strings.HasPrefix(pass, "redis://:${REDIS_PASSWORD") {
		t.Errorf("hirebot's REDIS_URL %q does not carry ${REDIS_PASSWORD}", pass)
	}
	redis, ok := c.Services["redis"]
	if !ok {
		t.Fatal("no redis service")
	}
	if !strings.HasPrefix(redis.Environment["REDISCLI_AUTH"], "${REDIS_PASSWORD") {
		t.Errorf("redis gets no ${REDIS_PASSWORD}: environment %v", redis.Environment)
	}
	checkRequirePass(t, "compose redis", redis.Command, "$$REDISCLI_AUTH")
}

// container is the part of a Kubernetes container spec the tests read.
type container struct {
	Image   string   `yaml:"image"`
	Command []string `yaml:"command"`
	Env     []struct {
		Name      string `yaml:"name"`
		Value     string `yaml:"value"`
		ValueFrom struct {
			SecretKeyRef struct{ Name, Key string } `yaml:"secretKeyRef"`
		} `yaml:"valueFrom"`
	} `yaml:"env"`
	EnvFrom []struct {
		SecretRef struct{ Name string } `yaml:"secretRef"`
	} `yaml:"envFrom"`
	Resources struct {
		Limits struct{ Memory string } `yaml:"limits"`
	} `yaml:"resources"`
}

// env returns the value of the variable name, or "".
func (c container) env(name string) string {
	for _, e := range c.Env {
		if e.Name == name {
			return e.Value
		}
	}
	return ""
}

// object is the part of a Kubernetes object the tests read.
type object struct {
	Kind     string
	Metadata struct{ Name string }
	Spec     struct {
		Template struct {
			Spec struct{ Containers []container }
		}
	}
	StringData map[string]string `yaml:"stringData"`
	Images     []struct {
		Name    string `yaml:"name"`
		NewName string `yaml:"newName"`
		NewTag  string `yaml:"newTag"`
	} `yaml:"images"`
}

func TestKubernetes(t *testing.T) {
	objects := map[string]object{} // by "Kind/name"
	files, err := filepath.Glob("kubernetes/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no kubernetes/*.yaml: %v", err)
	}
	for _, f := range files {
		for _, o := range mustDecodeAll[object](t, f) {
			objects[o.Kind+"/"+o.Metadata.Name] = o
		}
	}
	find := func(kind, name string) object {
		t.Helper()
		o, ok := objects[kind+"/"+name]
		if !ok {
			t.Fatalf("no %s %q in kubernetes/", kind, name)
		}
		return o
	}

	bot := only(t, find("Deployment", "hirebot"))
	if got := bot.env("HIREBOT_REQUIRE_REDIS"); got != "true" {
		t.Errorf("the Deployment does not require Redis: HIREBOT_REQUIRE_REDIS=%q", got)
	}
	checkMemory(t, "Deployment hirebot", bot.env("GOMEMLIMIT"), bot.Resources.Limits.Memory)
	checkTag(t, "Deployment hirebot", bot.Image)
	for _, img := range find("Kustomization", "").Images {
		checkTag(t, "kustomization "+img.Name, img.NewName+":"+img.NewTag)
	}

	// The Secret the Deployment reads holds a REDIS_URL with a password.
	if len(bot.EnvFrom) == 0 {
		t.Fatal("the Deployment reads no Secret")
	}
	var botSecret string
	for _, ef := range bot.EnvFrom {
		if ef.SecretRef.Name != "" {
			botSecret = ef.SecretRef.Name
		}
	}
	u, err := url.Parse(find("Secret", botSecret).StringData["REDIS_URL"])
	if err != nil {
		t.Fatalf("Secret %s: REDIS_URL: %v", botSecret, err)
	}
	if p, ok := u.User.Password(); !ok || p == "" {
		t.Errorf("Secret %s: REDIS_URL %s has no password", botSecret, u.Redacted())
	}

	// The example Redis requires the password of a Secret key that exists.
	redis := only(t, find("StatefulSet", "redis"))
	checkRequirePass(t, "the example Redis", redis.Command, "$REDISCLI_AUTH")
	var redisSecret, redisKey string
	for _, e := range redis.Env {
		if e.Name == "REDISCLI_AUTH" {
			redisSecret, redisKey = e.ValueFrom.SecretKeyRef.Name, e.ValueFrom.SecretKeyRef.Key
		}
	}
	if _, ok := find("Secret", redisSecret).StringData[redisKey]; !ok {
		t.Errorf("Secret %s has no key %q for the example Redis", redisSecret, redisKey)
	}

	checkQuickStart(t, botSecret, redisSecret, redisKey)
}

// checkQuickStart checks that README.md's commands create the Secrets the
// pods read, REDIS_URL in the Deployment's and the password in Redis's.
func checkQuickStart(t *testing.T, botSecret, redisSecret, redisKey string) {
	t.Helper()
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	envFile := func(secret string) string {
		m := regexp.MustCompile(`create secret generic ` + regexp.QuoteMeta(secret) + ` --from-env-file=(\S+)`).FindSubmatch(readme)
		if m == nil {
			t.Errorf("README.md does not create the Secret %q from an env file", secret)
			return ""
		}
		return string(m[1])
	}
	writes := func(file, key string) {
		t.Helper()
		if !regexp.MustCompile(`echo "` + regexp.QuoteMeta(key) + `=[^"]+" >>? ` + regexp.QuoteMeta(file)).Match(readme) {
			t.Errorf("README.md does not write %s into %s, which the Secret is created from", key, file)
		}
	}
	if f := envFile(botSecret); f != "" {
		writes(f, "REDIS_URL")
	}
	if f := envFile(redisSecret); f != "" {
		writes(f, redisKey)
	}
}

// checkRequirePass fails unless command starts redis-server with its
// configuration on stdin, and that configuration sets requirepass to pass.
func checkRequirePass(t *testing.T, what string, command []string, pass string) {
	t.Helper()
	sh := strings.Join(command, "\n")
	if !strings.Contains(sh, "exec redis-server - ") || !strings.Contains(sh, "\nrequirepass "+pass+"\n") {
		t.Errorf("%s is started without requirepass %s: %q", what, pass, command)
	}
}

// only returns the one container of o.
func only(t *testing.T, o object) container {
	t.Helper()
	if n := len(o.Spec.Template.Spec.Containers); n != 1 {
		t.Fatalf("%s %s has %d containers, want 1", o.Kind, o.Metadata.Name, n)
	}
	return o.Spec.Template.Spec.Containers[0]
}

// checkTag fails unless image names a tag other than latest.
func checkTag(t *testing.T, what, image string) {
	t.Helper()
	name := image[strings.LastIndex(image, "/")+1:]
	_, tag, ok := strings.Cut(name, ":")
	if !ok || tag == "" || tag == "latest" {
		t.Errorf("%s: image %q has no version tag", what, image)
	}
}

// checkMemory fails unless GOMEMLIMIT is set below the memory limit.
func checkMemory(t *testing.T, what, goMemLimit, limit string) {
	t.Helper()
	soft, err := bytesOf(goMemLimit)
	if err != nil {
		t.Errorf("%s: GOMEMLIMIT: %v", what, err)
		return
	}
	hard, err := bytesOf(limit)
	if err != nil {
		t.Errorf("%s: memory limit: %v", what, err)
		return
	}
	if soft >= hard {
		t.Errorf("%s: GOMEMLIMIT %s is not under the memory limit %s", what, goMemLimit, limit)
	}
}

// bytesOf reads a memory size as Go (200MiB), Kubernetes (256Mi) or Docker
// (256m) write it; all three units are powers of 1024.
func bytesOf(s string) (int64, error) {
	for _, u := range []struct {
		suffix string
		shift  uint
	}{{"GiB", 30}, {"MiB", 20}, {"KiB", 10}, {"Gi", 30}, {"Mi", 20}, {"Ki", 10}, {"g", 30}, {"m", 20}, {"k", 10}} {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			v, err := strconv.ParseInt(n, 10, 64)
			if err != nil || v <= 0 {
				return 0, fmt.Errorf("%q is not a size", s)
			}
			return v << u.shift, nil
		}
	}
	return 0, fmt.Errorf("%q: no unit, or one these tests do not know", s)
}

func mustDecode(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func mustDecodeAll[T any](t *testing.T, path string) []T {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []T
	d := yaml.NewDecoder(bytes.NewReader(b))
	for {
		var v T
		err := d.Decode(&v)
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, v)
	}
}

// TestComposeBuildArgs: docker compose builds the image with the build
// args make docker passes (VERSION, COMMIT), each from a HIREBOT_
// variable that make compose sets from the same make variable, and the
// Dockerfile declares each; so an image built by compose names its
// version and commit in hirebot version as one built by make docker does.
func TestComposeBuildArgs(t *testing.T) {
	var c composeFile
	mustDecode(t, "docker-compose.yml", &c)
	args := c.Services["hirebot"].Build.Args
	makefile := mustRead(t, "../Makefile")
	dockerfile := mustRead(t, "../Dockerfile")

	docker := recipe(t, makefile, "docker")
	fromMake := regexp.MustCompile(`--build-arg (\w+)=\$\((\w+)\)`).FindAllStringSubmatch(docker, -1)
	if len(fromMake) == 0 {
		t.Fatalf("make docker passes no --build-arg:\n%s", docker)
	}
	compose := recipe(t, makefile, "compose")
	var names []string
	for _, m := range fromMake {
		name := m[1]
		names = append(names, name)
		if m[2] != name {
			t.Errorf("make docker passes --build-arg %s=$(%s), want $(%s)", name, m[2], name)
		}
		v, ok := args[name]
		if !ok {
			t.Errorf("docker-compose.yml's hirebot build lacks the arg %s that make docker passes; args %v", name, args)
			continue
		}
		env := regexp.MustCompile(`^\$\{(HIREBOT_\w+):-[^}]*\}$`).FindStringSubmatch(v)
		if env == nil {
			t.Errorf("compose build arg %s is %q, want ${HIREBOT_…:-default}", name, v)
			continue
		}
		if !strings.Contains(compose, env[1]+"=$("+name+")") {
			t.Errorf("make compose does not set %s=$(%s):\n%s", env[1], name, compose)
		}
		if !regexp.MustCompile(`(?m)^ARG ` + name + `\b`).MatchString(dockerfile) {
			t.Errorf("the Dockerfile has no ARG %s", name)
		}
	}
	if len(args) != len(names) {
		t.Errorf("compose build args %v, want exactly make docker's %v", args, names)
	}
	if !strings.Contains(compose, "docker compose -f deploy/docker-compose.yml up -d --build") {
		t.Errorf("make compose does not build and start deploy/docker-compose.yml:\n%s", compose)
	}
}

// mustRead returns the contents of the file at path.
func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// recipe returns the recipe lines of the make target named target.
func recipe(t *testing.T, makefile, target string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(target) + `:[^\n]*\n((?:\t[^\n]*\n)+)`).FindStringSubmatch(makefile)
	if m == nil {
		t.Fatalf("the Makefile has no target %q with a recipe", target)
	}
	return m[1]
}
