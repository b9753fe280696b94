# syntax=docker/dockerfile:1
#
# hirebot's container image: one static binary on distroless (about 19.5 MB: a 17.4 MB binary on a 2 MB base).
#
#   make docker                                (tags hirebot:VERSION, from git describe)
#   docker build --build-arg VERSION=1.2.0 --build-arg COMMIT=$(git rev-parse --short HEAD) -t hirebot:1.2.0 .
#   docker run --rm --env-file deploy/hirebot.env -p 127.0.0.1:8080:8080 hirebot:1.2.0
#
# BuildKit is needed (the default in current Docker) for the cache mounts.

FROM --platform=$BUILDPLATFORM golang:1.26 AS build
ARG TARGETOS
ARG TARGETARCH
# What `hirebot version` prints. The build context has no .git, so both come
# from outside: make docker passes git describe and the commit.
ARG VERSION=dev
ARG COMMIT=
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY . .
# The binary does not validate its embedded knowledge pack at start-up; it
# is checked here, before it is built in (make build does the same).
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go test -count=1 -run '^(TestEmbeddedValid|TestBundleFresh)$' ./knowledge/
# The same static build as `make build` (BUILD_ENV and BUILD_FLAGS in the
# Makefile, word for word); .ci/run checks that the two agree.
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags "-s -w -X main.version=${VERSION} -X main.commit=${COMMIT}" -o /out/hirebot ./cmd/hirebot

# distroless/static: CA certificates, tzdata and /etc/passwd with the
# nonroot user (65532); no shell, no package manager.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/hirebot /hirebot
USER nonroot:nonroot
# Health and metrics (HIREBOT_HTTP_ADDR, default :8080): /healthz, /readyz,
# /metrics. The bot itself needs no inbound port: Socket Mode dials out.
EXPOSE 8080
# No HEALTHCHECK: the image has no shell or curl to run one, and hirebot has
# no health subcommand. docker compose and Kubernetes probe /healthz and
# /readyz over HTTP instead (see deploy/).
ENTRYPOINT ["/hirebot"]
CMD ["serve"]
