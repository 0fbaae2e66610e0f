#!/usr/bin/env bash
# Server time of the pipeline board (/crm/?owner=all) for 260 and 2,560 deals, at 0 ms and 150 ms sandbox latency.
# Needs a running demo portal (./run.sh) with its sandbox; resets the sandbox's data. Loopback only.
# Usage: bench/board.sh [base-url] [runs]      e.g. bench/board.sh http://localhost:8080 10
set -euo pipefail
base=${1:-http://localhost:8080}
runs=${2:-10}
sandbox="$base/zoho-sandbox/control"
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT

control() { curl -sf -X POST -H 'Content-Type: application/json' -d "$2" "$sandbox/$1" >/dev/null; }

absolute() { case "$1" in http*) echo "$1" ;; *) echo "${base%/}$1" ;; esac; }

sign_in() {   # Login with Zoho through the sandbox's two forms, as the browser does
  rm -f "$jar"
  local auth page action
  auth=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$base/login")
  page=$(curl -s -c "$jar" -b "$jar" "$auth")
  action=$(sed -n 's/.*<form[^>]*action="\([^"]*\)".*/\1/p' <<<"$page" | head -1 | sed 's/&amp;/\&/g')
  local query=${auth#*\?}
  page=$(curl -s -c "$jar" -b "$jar" --data "$query&user=priya.raman%40zylkeracademy.com" "$(absolute "$action")")
  action=$(sed -n 's/.*<form[^>]*action="\([^"]*\)".*/\1/p' <<<"$page" | head -1 | sed 's/&amp;/\&/g')
  local callback
  callback=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' \
    --data "$query&user=priya.raman%40zylkeracademy.com&decision=accept" "$(absolute "$action")")
  curl -s -c "$jar" -b "$jar" -o /dev/null "$callback"
}

measure() {   # prints min / median / max of the board's total time over $runs loads (after one warm-up)
  curl -s -b "$jar" -o /dev/null "$base/crm/?owner=all"
  local times=()
  for _ in $(seq 1 "$runs"); do
    times+=("$(curl -s -b "$jar" -o /dev/null -w '%{time_total}' "$base/crm/?owner=all")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "min %.0f ms  median %.0f ms  max %.0f ms\n", a[1]*1000, a[int((NR+1)/2)]*1000, a[NR]*1000}'
}

deals_on_board() { curl -s -b "$jar" "$base/crm/?owner=all" | grep -o '[0-9]* deals · [0-9]* CRM queries' | head -1; }

for deals in 260 2560; do
  for latency in 0 150; do
    control reset '{}'
    [ "$deals" -gt 260 ] && control bulk-deals "{\"count\": $((deals - 260)), \"dc\": \"com\"}"
    sign_in
    control latency "{\"latency_ms\": $latency}"
    echo "$deals deals, ${latency} ms sandbox latency ($(deals_on_board)): $(measure)"
  done
done
control latency '{"latency_ms": 0}'
control reset '{}'
