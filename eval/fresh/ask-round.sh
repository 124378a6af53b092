#!/usr/bin/env bash
# Ask a held-out round (a folder with default.jsonl and full.jsonl: eval/fresh4, eval/fresh5) through a built
# ProcedureAssistant and save the answers in the round's results/. Each round's ask.sh calls this with its folder.
#
# usage: ask-round.sh ROUND_DIR REPO LABEL
#   REPO   a checkout already built in Release (REPO/src/ProcedureAssistant.Api/bin/Release/net10.0/ProcedureAssistant.Api.dll);
#          this script builds nothing.
#   LABEL  names the outputs: ROUND_DIR/results/LABEL-default.jsonl and LABEL-full.jsonl
# environment:
#   PORT=N         the default deployment's port; the full one's is N+1 (default 5421)
#   LIMIT=N        ask only the first N questions of each set (smoke test)
#   KEEP_DATA=1    reuse the data folders of an earlier run with the same LABEL instead of rebuilding the index
#   READY_TIMEOUT  seconds to wait for /health/ready per deployment (default 900 = 15 minutes)
#
# Starts the API from REPO (cd REPO) twice, one after the other, each with its own data folder (VectorStore:DataPath
# holds the index, keys, audit log and submissions.db, so the two deployments never share or overwrite one):
#   default  port PORT    corpus/ only                                  data /tmp/ROUND-data-LABEL-default
#   full     port PORT+1  corpus/ + national catalogue + Đắk Lắk texts  data /tmp/ROUND-data-LABEL-full
# with RateLimiting__QuestionsPerMinute=100000, waits until GET /health/ready answers 200 (the first start builds the
# index), runs run.py (beside this script) into results/, then stops the API.
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 ROUND_DIR REPO LABEL   (LIMIT=N to ask only the first N questions of each set)" >&2
  exit 2
fi
HERE=$(cd "$1" && pwd)
ROUND=$(basename "$HERE")
REPO=$(cd "$2" && pwd)
LABEL=$3
PORT=${PORT:-5421}
case "$LABEL" in *[!A-Za-z0-9._-]*|'') echo "LABEL may hold only letters, digits, '.', '_' and '-'" >&2; exit 2 ;; esac
RUN_PY="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/run.py"
RESULTS="$HERE/results"
DLL="$REPO/src/ProcedureAssistant.Api/bin/Release/net10.0/ProcedureAssistant.Api.dll"
READY_TIMEOUT=${READY_TIMEOUT:-900}
LIMIT=${LIMIT:-}

if [ ! -f "$DLL" ]; then
  echo "not built: $DLL is missing (build REPO in Release first; this script builds nothing)" >&2
  exit 2
fi
if [ -n "$LIMIT" ] && ! [[ "$LIMIT" =~ ^[1-9][0-9]*$ ]]; then
  echo "LIMIT must be a positive number" >&2
  exit 2
fi

# The shared data the full deployment reads: REPO/../shared as the project expects it, else /work/shared.
if [ -d "$REPO/../shared/realdata/tthc-national-records" ] && [ -d "$REPO/../shared/realdata/daklak" ]; then
  REALDATA=$(cd "$REPO/../shared/realdata" && pwd)
else
  REALDATA=/work/shared/realdata
fi
for d in "$REALDATA/tthc-national-records" "$REALDATA/daklak"; do
  [ -d "$d" ] || { echo "missing $d" >&2; exit 2; }
done

mkdir -p "$RESULTS"
SERVER_PID=
TMP_SETS=$(mktemp -d "${TMPDIR:-/tmp}/$ROUND-sets.XXXXXX")

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}
cleanup() { stop_server; rm -rf "$TMP_SETS"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# run_deployment NAME PORT SET [VAR=VALUE ...]
run_deployment() {
  local name=$1 port=$2 set=$3; shift 3
  local data="/tmp/$ROUND-data-$LABEL-$name"
  local log="/tmp/$ROUND-$LABEL-$name.server.log"
  local out="$RESULTS/$LABEL-$name.jsonl"
  local url="http://127.0.0.1:$port"

  if curl -s -o /dev/null "$url/health/live"; then
    echo "port $port is already in use; stop whatever listens there first" >&2
    return 1
  fi
  if [ "${KEEP_DATA:-}" != 1 ]; then rm -rf "$data"; fi
  mkdir -p "$data"

  echo "== $name: starting $DLL on $url (data $data, log $log)"
  local started=$SECONDS
  (
    cd "$REPO"
    exec env ASPNETCORE_URLS="$url" ASPNETCORE_ENVIRONMENT=Production \
      Corpus__Path="$REPO/corpus" VectorStore__DataPath="$data" \
      RateLimiting__QuestionsPerMinute=100000 Logging__LogLevel__Default=Warning \
      "$@" dotnet "$DLL"
  ) >"$log" 2>&1 &
  SERVER_PID=$!

  local code=
  while :; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "the $name API stopped during start-up; last lines of $log:" >&2
      tail -n 20 "$log" >&2
      SERVER_PID=
      return 1
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url/health/ready" || true)
    [ "$code" = 200 ] && break
    if [ $((SECONDS - started)) -ge "$READY_TIMEOUT" ]; then
      echo "the $name API was not ready after ${READY_TIMEOUT}s (last /health/ready: $code); see $log" >&2
      return 1
    fi
    sleep 3
  done
  echo "   ready after $((SECONDS - started)) s"

  local questions="$HERE/$set"
  if [ -n "$LIMIT" ]; then
    questions="$TMP_SETS/$set"
    head -n "$LIMIT" "$HERE/$set" >"$questions"
  fi
  python3 "$RUN_PY" "$questions" "$url" "$out"
  echo "   wrote $out ($(wc -l <"$out") answers)"
  stop_server
}

run_deployment default "$PORT" default.jsonl
run_deployment full $((PORT + 1)) full.jsonl \
  Corpus__Sources__0__Path="$REALDATA/tthc-national-records" \
  Corpus__Sources__1__Path="$REALDATA/daklak" \
  Corpus__Sources__1__Province="Đắk Lắk"
echo "done: $RESULTS/$LABEL-default.jsonl, $RESULTS/$LABEL-full.jsonl"
