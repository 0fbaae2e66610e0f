#!/usr/bin/env bash
# The portal on its embedded defaults (H2 + zoho-sandbox) at http://localhost:8080/.
# Builds the WARs first when any source changed since the last build, then starts Payara Micro.
set -euo pipefail
cd "$(dirname "$0")"
stamp=target/.run-build-stamp
mkdir -p target
if [ ! -f "$stamp" ] || [ -n "$(find . -path ./var -prune -o -path '*/target' -prune -o -path ./.git -prune \
      -o -type f \( -name pom.xml -o -path '*/src/main/*' \) -newer "$stamp" -print -quit)" ]; then
  echo "Building the portal (tests skipped; 'mvn verify' runs them)…"
  mvn -B -q -DskipTests package
  touch "$stamp"
else
  echo "No source change since the last build: starting without packaging."
fi
exec bin/start-portal.sh "$@"
