#!/usr/bin/env bash
# The measurements of eval/reports/reliability.md, against the real server started with `dotnet run` (not a test
# host): time to first answer after start-up, the zip and HTML bombs with the server's peak memory, 8 clients for 60 s
# after 20,000 conversations, and p95 during and after a full re-index. Prints what it measured; the report quotes it.
# Usage: bash eval/reliability.sh [PORT]   (from the repository root; builds Release first)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-5090}
DATA=$(mktemp -d "${TMPDIR:-/tmp}/pa-reliability.XXXXXX")
KEY=load-test-key
SERVER_PID=

stop_server() {
  if [ -n "$SERVER_PID" ]; then
    pkill -P "$SERVER_PID" 2>/dev/null || true
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA"
}
trap stop_server EXIT

dotnet build src/ProcedureAssistant.Api -c Release -v q -nologo
dotnet build src/ProcedureAssistant.Benchmarks -c Release -v q -nologo
driver() { dotnet src/ProcedureAssistant.Benchmarks/bin/Release/net10.0/ProcedureAssistant.Benchmarks.dll "$@" --url "http://127.0.0.1:$PORT" --admin-key "$KEY"; }

# Sets SERVER_PID (the `dotnet run` process) and LAUNCHED (Unix ms); not to be called in a subshell.
start_server() {
  LAUNCHED=$(date +%s%3N)
  ASPNETCORE_URLS="http://127.0.0.1:$PORT" Corpus__Path="$PWD/corpus" VectorStore__DataPath="$DATA" Admin__ApiKey="$KEY" \
  RateLimiting__QuestionsPerMinute=100000 RateLimiting__AdminPerMinute=100000 Logging__LogLevel__Default=Warning \
    dotnet run --project src/ProcedureAssistant.Api -c Release --no-build --no-launch-profile >"$DATA.server.log" 2>&1 &
  SERVER_PID=$!
}

# The app itself is the child of `dotnet run`: its memory is what is read, and it is stopped with its parent.
app_pid() {
  local pid
  for _ in $(seq 1 100); do
    pid=$(pgrep -P "$SERVER_PID" | head -n 1 || true)
    if [ -n "$pid" ]; then echo "$pid"; return; fi
    sleep 0.1
  done
  echo "$SERVER_PID"
}

echo "== first start (ingests the corpus into an empty data folder)"
start_server
driver first-answer --since "$LAUNCHED"
APP=$(app_pid)
kill "$APP" "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true

echo "== second start (loads the index built by the first)"
start_server
driver first-answer --since "$LAUNCHED"
APP=$(app_pid)

echo "== bombs"
driver bombs --pid "$APP"

echo "== 8 clients for 60 s after 20,000 conversations"
driver load --pid "$APP" --clients 8 --seconds 60 --conversations 20000

echo "== 8 clients for 60 s, full re-index after 10 s"
driver load --pid "$APP" --clients 8 --seconds 60 --conversations 1000 --reindex-at 10

grep -c ' fail: \|^fail: ' "$DATA.server.log" | sed 's/^/server log lines at fail: /' || true
rm -f "$DATA.server.log"
