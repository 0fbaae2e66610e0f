#!/usr/bin/env bash
# Container health check without curl or wget (the JRE image has neither): one HTTP/1.0 GET over bash's
# /dev/tcp to the portal's management listener on this container's loopback; healthy when the answer is 200.
#   healthcheck.sh [path]     default /health/live; PORTAL_MANAGEMENT_PORT as the start script reads it
#                             (production: 9080)
set -euo pipefail
path="${1:-/health/live}"
exec 3<>"/dev/tcp/127.0.0.1/${PORTAL_MANAGEMENT_PORT:-9080}"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3
exec 3<&-
case "$status" in
  "HTTP/1."?" 200 "*) exit 0 ;;
  *) echo "unhealthy: ${status:-no answer} for $path" >&2; exit 1 ;;
esac
