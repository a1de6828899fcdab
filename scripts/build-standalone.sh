#!/usr/bin/env bash
# The build the container image makes (Dockerfile's build stage runs this same script): `next build`
# (which type-checks) with output "standalone", then the static files the standalone server serves
# itself. Run from the repository root after `npm ci`. The server is then: node .next/standalone/server.js
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
npx next build
rm -rf .next/standalone/.next/static .next/standalone/public
cp -r .next/static .next/standalone/.next/static
if [ -d public ]; then cp -r public .next/standalone/public; fi
echo "standalone server: .next/standalone/server.js"
