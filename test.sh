#!/usr/bin/env bash
# Runs every test of TocMesh: the contracts (buf lint, and buf breaking against the last released
# contract image), then every .NET test project (services in-process, Redis for real, the whole mesh
# from the AppHost). Needs the .NET 10 SDK, Node.js (for buf) and redis-server.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing redis-server (the cache tests use a real one)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  else
    echo "test.sh: redis-server is missing; install it (sudo apt-get install redis-server) and run again" >&2
    exit 1
  fi
fi

buf=.tools/buf/node_modules/.bin/buf
if [ ! -x "$buf" ]; then
  echo "test.sh: installing buf into .tools/buf"
  npm install --prefix .tools/buf --no-audit --no-fund --silent @bufbuild/buf@1.75.0
fi

echo "== buf lint"
(cd protos && "../$buf" lint)

echo "== dotnet test"
dotnet test TocMesh.sln --blame-hang-timeout 5m "$@"
