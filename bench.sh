#!/usr/bin/env bash
# Builds Release and runs the benchmark: each service as shipped, bare grpc-dotnet and raw Kestrel
# side by side on core 0, driven by h2load on core 1 (Debian's nghttp2-client, installed when
# missing); then the uncached report and the warm meeting report from a .NET client, and each
# service's RSS. Prints figures; passes or fails nothing. Arguments go to the benchmark
# (--seconds N per run, --rounds R for the median, --sample S in place of the shipped trace sample
# ratio, --method M for one cached read only, --warmup-limit W
# seconds at most of warm-up per server and method, until its throughput is steady).
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v h2load >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "bench.sh: installing h2load (nghttp2-client)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nghttp2-client >/dev/null
  else
    echo "bench.sh: h2load is missing; install it (sudo apt-get install nghttp2-client) and run again" >&2
    exit 1
  fi
fi
dotnet build -c Release TocMesh.sln -v q -nologo >/dev/null
dotnet tests/Benchmarks/bin/Release/net10.0/TocMesh.Benchmarks.dll "$@"
