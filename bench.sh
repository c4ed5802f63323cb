#!/usr/bin/env bash
# Builds Release and runs the benchmark: the full stack against a bare grpc-dotnet server, servers on
# core 0 and load on core 1. Prints figures; passes or fails nothing. Arguments go to the benchmark
# (--seconds N per run, --sample R trace sample ratio).
set -euo pipefail
cd "$(dirname "$0")"
dotnet build -c Release TocMesh.sln -v q -nologo >/dev/null
dotnet tests/Benchmarks/bin/Release/net10.0/TocMesh.Benchmarks.dll "$@"
