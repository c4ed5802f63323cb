#!/usr/bin/env bash
# Records the contracts as released: protos/releases/v1.binpb is what `buf breaking` in test.sh
# compares against. Run it when a release of the v1 contracts ships (only additive changes since the
# last image pass). A change that must break a partner goes into a new v2 package instead.
set -euo pipefail
cd "$(dirname "$0")/protos"
../.tools/buf/node_modules/.bin/buf build -o releases/v1.binpb
echo "protos/releases/v1.binpb updated"
