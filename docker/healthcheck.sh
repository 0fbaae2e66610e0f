#!/usr/bin/env bash
# Container health check without curl or wget (the JRE image has neither): one HTTP/1.0 GET over bash's
# /dev/tcp to the portal's management listener on this container's loopback; healthy when the answer is 200.
#   healthcheck.sh [path]     default /health/live; PORTAL_MANAGEMENT_PORT as the start script reads it
#                             (production: 9080)
set -euo pipefail
path="${1:-/health/live}"
# The listener's own address when it is a specific one; loopback when it listens on every interface.
case "${PORTAL_MANAGEMENT_ADDRESS:-127.0.0.1}" in
  0.0.0.0|::|"") host=127.0.0.1 ;;
  *) host="$PORTAL_MANAGEMENT_ADDRESS" ;;
esac
exec 3<>"/dev/tcp/$host/${PORTAL_MANAGEMENT_PORT:-9080}"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3
exec 3<&-
case "$status" in
  "HTTP/1."?" 200 "*) exit 0 ;;
  *) echo "unhealthy: ${status:-no answer} for $path" >&2; exit 1 ;;
esac
