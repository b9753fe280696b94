# hirebot: build, test and run. `make test` is the project's test command,
# and the one CI runs (.ci/run). Run `make help` for the list of targets.

GO      ?= go
BIN     ?= bin/hirebot
IMAGE   ?= hirebot
SHARED  ?= ../shared

# What `hirebot version` prints: the nearest tag (v1.2.0, or
# v1.2.0-3-gabc1234 after it, -dirty with uncommitted changes), "dev"
# outside a git checkout. Set either to override: make docker VERSION=1.2.0
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT  ?= $(shell git rev-parse --short=12 HEAD 2>/dev/null)

# The static release build, with the version linked in (one -ldflags: a
# second would replace the first). The Dockerfile has the same flags word for
# word, ${VERSION} and ${COMMIT} being its build args; .ci/run fails if the
# two drift apart.
BUILD_ENV   := CGO_ENABLED=0
BUILD_FLAGS := -trimpath -ldflags "-s -w -X main.version=${VERSION} -X main.commit=${COMMIT}"

# Fuzz targets, one package:Func a line. To add one, add a line here;
# `make fuzz` fails if a Fuzz function in the tree is missing from this list
# or a listed one no longer exists, so none is silently left unfuzzed.
FUZZ := \
	./bot/draft:FuzzApply \
	./bot/draft:FuzzClean \
	./internal/slacktest:FuzzSplitAck \
	./bot/socket:FuzzFromSlack \
	./bot/interview:FuzzParse \
	./bot/scorecard:FuzzCleanName \
	./bot/inert:FuzzInert \
	./bot/shell:FuzzKeys \
	./bot/jd:FuzzParse \
	./knowledge:FuzzResolve \
	./knowledge/paylaw:FuzzMatch \
	./knowledge/wording:FuzzParseMarkdown \
	./knowledge/wording:FuzzCheck \
	./knowledge/wording:FuzzNewChecker \
	./knowledge/wording:FuzzParseLabelled \
	./knowledge/wording:FuzzDecodeClassifier \
	./knowledge/internal/stem:FuzzStem

# How long each fuzz target runs: `make fuzz` fuzzes longer than `make test`.
FUZZTIME ?= 30s
# How long the fuzzer may spend shrinking an input it keeps. Go's default
# is 60 s an input; for a slow target (FuzzNewChecker compiles the whole
# rule table each run) that is minutes of "0 execs/sec" for inputs that
# are merely new, not failing. make test counts executions here too.
FUZZMINTIME ?= 60s

SEED_OVERLAP := $(SHARED)/tools/seed-overlap

.DEFAULT_GOAL := build

.PHONY: help version commit build run test fmt-check vet layers seed-overlap race fuzz fuzz-list bench cover docker compose manifest clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

version: ## print the version make build and make docker embed
	@echo $(VERSION)

commit: ## print the commit make build and make docker embed
	@echo $(COMMIT)

# The binary does not validate its embedded knowledge pack at start-up (a
# third of every start); the pack is checked here, before it is built in,
# and by make test.
build: ## validate the embedded knowledge, then build the static binary bin/hirebot (the Dockerfile's flags)
	$(GO) test -count=1 -run '^(TestEmbeddedValid|TestBundleFresh)$$' ./knowledge/
	$(BUILD_ENV) $(GO) build $(BUILD_FLAGS) -o $(BIN) ./cmd/hirebot

run: ## try the bot in a terminal: no Slack or Redis needed
	$(GO) run ./cmd/hirebot shell

# Everything CI checks, in order, stopping at the first failure.
# Fuzzing in `make test` counts executions instead of timing them: a
# time-based run races its own timer on a busy machine ("context deadline
# exceeded" with no failing input). `make fuzz` fuzzes for longer.
test: FUZZTIME = 4000x
test: FUZZMINTIME = 200x
test: fmt-check vet layers seed-overlap race fuzz ## gofmt, vet, copied-text check, race tests, short fuzz runs
	@echo "test: ok"

fmt-check: ## fail listing any file gofmt would change
	@out=$$(gofmt -l .); \
	if [ -n "$$out" ]; then echo "gofmt: these files need formatting (run gofmt -w on them):"; echo "$$out"; exit 1; fi

vet: ## go vet ./...
	$(GO) vet ./...

# The domain and the handlers are plain Go: none of them may depend on
# slack-go or the Redis client, even through another package. Adapters
# (bot/socket, bot/blockkit, bot/sessions) and cmd/ may.
PURE     := ./knowledge/... ./bot ./bot/remind ./bot/draft ./bot/ctorole ./bot/jd ./bot/interview ./bot/home ./bot/dedup ./bot/scorecard ./bot/inert ./bot/live
ADAPTERS := github.com/slack-go/ github.com/redis/

# The knowledge pack is below the app: nothing in it may depend on bot/...
# (the job ad's vocabulary is knowledge/jobad, which bot/draft uses).
layers: ## fail if a domain or handler package depends on slack-go or Redis, or knowledge on bot
	@fail=0; for p in $$($(GO) list $(PURE)); do \
		bad=$$($(GO) list -deps $$p | grep -E "^($(subst $(eval) ,|,$(ADAPTERS)))" | head -n 3 | tr "\n" " "); \
		if [ -n "$$bad" ]; then echo "layers: $$p depends on $$bad"; fail=1; fi; \
	done; \
	bad=$$($(GO) list -deps ./knowledge/... | grep '^github.com/hirebot/hirebot/bot' | head -n 3 | tr "\n" " "); \
	if [ -n "$$bad" ]; then echo "layers: knowledge depends on $$bad"; fail=1; fi; \
	exit $$fail

seed-overlap: ## list knowledge text copied from the seed article (exit 1 if any)
	@if [ -x "$(SEED_OVERLAP)" ]; then \
		echo "$(SEED_OVERLAP) knowledge"; "$(SEED_OVERLAP)" knowledge; \
	elif [ -f "$(SEED_OVERLAP)" ]; then \
		echo "python3 $(SEED_OVERLAP) knowledge"; python3 "$(SEED_OVERLAP)" knowledge; \
	else \
		echo "seed-overlap: SKIPPED: $(SEED_OVERLAP) not found; put a copy of shared/ beside the repo (or set SHARED=dir) to check knowledge text for copied sentences"; \
	fi

# The load tests measure acks against Slack's 3 s, so they run first and on
# their own, not on cores that other packages' tests share.
LOAD_TESTS := ^(TestReplicasShareRedis|TestKillReplicaMidLoad|TestLostRedisReplies)$$

race: ## go test -race ./... (needs redis-server on PATH), the load tests first on their own
	$(GO) test -race -run '$(LOAD_TESTS)' ./cmd/hirebot
	$(GO) test -race -skip '$(LOAD_TESTS)' ./...

fuzz: fuzz-list ## run each fuzz target in FUZZ for FUZZTIME (default 30s); FUZZTIME=5000x counts executions
	@set -e; for t in $(FUZZ); do \
		pkg=$${t%%:*}; fn=$${t##*:}; \
		echo "$(GO) test -run '^\$$' -fuzz '^$$fn\$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINTIME) $$pkg"; \
		if ! $(GO) test -run '^$$' -fuzz "^$$fn\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINTIME) $$pkg; then \
			$(call fuzz-failed,$$pkg,$$fn); exit 1; \
		fi; \
	done

# fuzz-failed prints the inputs a failed fuzz run wrote to pkg/testdata/fuzz/Fn
# and, unless FUZZ_KEEP=1, moves them out of the work tree (to a temporary
# directory it names), so that a failed run leaves the tree as it found it.
# To keep a failing input as a regression seed, rerun with FUZZ_KEEP=1 and
# commit the file.
define fuzz-failed
for f in $$(git ls-files --others --exclude-standard -- $(1)/testdata/fuzz/$(2)); do \
	echo "fuzz: $(2) failed on $$f:"; cat "$$f"; \
	if [ "$(FUZZ_KEEP)" != 1 ]; then \
		keep=$$(mktemp -d); mv "$$f" "$$keep/"; echo "fuzz: moved it to $$keep (FUZZ_KEEP=1 keeps it in the tree)"; \
	fi; \
done
endef

fuzz-list: ## check FUZZ against the Fuzz functions in the tree
	@fail=0; \
	for t in $(FUZZ); do \
		pkg=$${t%%:*}; fn=$${t##*:}; \
		if ! grep -qsE "^func $$fn\(" $$pkg/*_test.go; then \
			echo "fuzz: FUZZ lists $$t but there is no func $$fn in $$pkg/*_test.go; update FUZZ in the Makefile"; fail=1; \
		fi; \
	done; \
	for f in $$(grep -rlE --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*\(' . | grep -v '/testdata/'); do \
		pkg=$$(dirname $$f); \
		for fn in $$(sed -nE 's/^func (Fuzz[A-Za-z0-9_]*)\(.*/\1/p' $$f); do \
			case " $(strip $(FUZZ)) " in \
			*" $$pkg:$$fn "*) ;; \
			*) echo "fuzz: $$pkg:$$fn is not in FUZZ; add it to FUZZ in the Makefile"; fail=1;; \
			esac; \
		done; \
	done; \
	exit $$fail

bench: ## the Go benchmarks, then the end-to-end load table against the bare slack-go floor (BENCHMARKS.md)
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 2000x ./...
	HIREBOT_LOAD=1 HIREBOT_LOAD_RSS_COMMANDS=100000 HIREBOT_LOAD_RSS_CHANNELS=10000 $(GO) test -run '^TestLoad$$' -v -timeout 15m ./cmd/hirebot/

cover: ## test coverage: per-function summary, cover.html for a browser
	$(GO) test -coverprofile=cover.out ./...
	$(GO) tool cover -func=cover.out | tail -n 1
	$(GO) tool cover -html=cover.out -o cover.html
	@echo "cover: open cover.html for the line-by-line view"

docker: ## build the container image hirebot:VERSION (IMAGE=hirebot, VERSION from git describe)
	docker build --build-arg VERSION=$(VERSION) --build-arg COMMIT=$(COMMIT) -t $(IMAGE):$(VERSION) .
	@echo "built $(IMAGE):$(VERSION)"

# docker-compose.yml takes the build args from HIREBOT_VERSION and
# HIREBOT_COMMIT, so a compose build names the same version and commit as
# make docker (deploy/deploy_test.go checks the two agree).
compose: ## build and start hirebot and Redis with docker compose (deploy/), version and commit linked in
	HIREBOT_VERSION=$(VERSION) HIREBOT_COMMIT=$(COMMIT) docker compose -f deploy/docker-compose.yml up -d --build

manifest: ## regenerate deploy/slack/manifest.yaml from the command table
	@mkdir -p deploy/slack
	@$(GO) run ./cmd/hirebot manifest > deploy/slack/manifest.yaml.tmp \
		&& mv deploy/slack/manifest.yaml.tmp deploy/slack/manifest.yaml \
		|| { rm -f deploy/slack/manifest.yaml.tmp; exit 1; }
	@echo "wrote deploy/slack/manifest.yaml"

clean: ## remove build and coverage output
	rm -rf bin cover.out cover.html deploy/slack/manifest.yaml.tmp
