#!/usr/bin/env bash
# Runs every test of TocMesh: the contracts (buf lint, and buf breaking against the last released
# contract image), then every .NET test project (services in-process, Redis for real, the whole mesh
# from the AppHost, the Kubernetes manifests rendered and checked). Needs the .NET 10 SDK, Node.js
# (for buf and Redocly), redis-server, PostgreSQL's server binaries (the persistence tests also run on a
# throwaway PostgreSQL cluster; TOCMESH_TEST_POSTGRES names a server to use instead) and kubectl
# 1.27 or later (kubectl kustomize).
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

if [ -z "${TOCMESH_TEST_POSTGRES:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing postgresql (the persistence tests also run on a real one)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "test.sh: PostgreSQL is missing; install it (sudo apt-get install postgresql) or set TOCMESH_TEST_POSTGRES, and run again" >&2
    exit 1
  fi
fi

if ! command -v kubectl >/dev/null 2>&1; then
  echo "test.sh: kubectl is missing; the manifest tests render deploy/ with 'kubectl kustomize' (kubectl 1.27 or later)" >&2
  exit 1
fi

buf=.tools/buf/node_modules/.bin/buf
if [ ! -x "$buf" ]; then
  echo "test.sh: installing buf into .tools/buf"
  npm install --prefix .tools/buf --no-audit --no-fund --silent @bufbuild/buf@1.75.0
fi

# The OpenAPI documents are linted (tests/OpenApi.Tests) with Redocly's CLI, pinned like buf.
redocly=.tools/redocly/node_modules/.bin/redocly
if [ ! -x "$redocly" ]; then
  echo "test.sh: installing @redocly/cli into .tools/redocly"
  npm install --prefix .tools/redocly --no-audit --no-fund --silent @redocly/cli@2.77.0
fi

# Kiota (dotnet-tools.json): tests/OpenApi.Tests checks the committed clients against a fresh generation.
dotnet tool restore >/dev/null

echo "== buf lint"
(cd protos && "../$buf" lint)

# Contract governance: v1 may only grow. The image of the last release is kept in the repository;
# any change that would break a partner built against it fails here.
echo "== buf breaking (against protos/releases/v1.binpb)"
(cd protos && "../$buf" breaking --against releases/v1.binpb)
# ...and the check itself must still catch a break: remove a field from a copy and expect a failure.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r protos/. "$scratch/"
sed -i '0,/^  string code = 1;$/{/^  string code = 1;$/d}' "$scratch/tocmesh/directory/v1/directory.proto"
if (cd "$scratch" && "$OLDPWD/$buf" breaking --against releases/v1.binpb >/dev/null 2>&1); then
  echo "test.sh: buf breaking did not notice a removed field; the contract check is broken" >&2
  exit 1
fi

echo "== dotnet test"
dotnet test TocMesh.sln --blame-hang-timeout 5m "$@"
