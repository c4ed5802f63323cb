#!/usr/bin/env bash
# Regenerates the Kiota clients in tests/OpenApi.Tests/Generated/ from the services' live OpenAPI
# documents: the tests write each in-process service's /openapi/v1.json to Generated/<Service>/openapi.json,
# then Kiota (the local dotnet tool, dotnet-tools.json) generates the C# client from it. Run it after
# a change to a contract or to the document, and commit the result; the tests fail until then.
set -euo pipefail
cd "$(dirname "$0")"
dotnet tool restore >/dev/null
TOCMESH_OPENAPI_REFRESH=1 dotnet test --filter "FullyQualifiedName~GeneratedClientTests" -v q
for service in Treaty Directory TechnicalCooperation Meetings; do
  (cd "Generated/$service" && dotnet kiota generate --language CSharp --openapi openapi.json --output . \
    --class-name "${service}Client" --namespace-name "TocMesh.OpenApi.Tests.Generated.$service" \
    --exclude-backward-compatible --log-level Warning)
done
