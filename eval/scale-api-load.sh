#!/usr/bin/env bash
# The API load figures of eval/reports/scale.md: POST /api/ask at 1, 8 and 32 concurrent clients for 60 s each,
# against the real server started with `dotnet run` (not a test host), on the default embedded index over corpus/,
# driven by issue-16's LoadDriver (questions from eval/questions.jsonl, a quarter of them follow-ups in open
# conversations). The per-client question limit is raised through configuration (RateLimiting__QuestionsPerMinute)
# (to its maximum, 100,000 a minute) so that the limiter does not answer 429 to the load test's one address.
# Usage: bash eval/scale-api-load.sh [PORT]   (from the repository root; builds the API in Release first)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-5190}
DRIVER_CONFIGURATION=${DRIVER_CONFIGURATION:-Release}
DATA=$(mktemp -d "${TMPDIR:-/tmp}/pa-scale-load.XXXXXX")
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
dotnet build src/ProcedureAssistant.Benchmarks -c "$DRIVER_CONFIGURATION" -v q -nologo
driver() { dotnet "src/ProcedureAssistant.Benchmarks/bin/$DRIVER_CONFIGURATION/net10.0/ProcedureAssistant.Benchmarks.dll" "$@" --url "http://127.0.0.1:$PORT"; }

LAUNCHED=$(date +%s%3N)
ASPNETCORE_URLS="http://127.0.0.1:$PORT" Corpus__Path="$PWD/corpus" VectorStore__DataPath="$DATA" \
RateLimiting__QuestionsPerMinute=100000 Logging__LogLevel__Default=Warning \
  dotnet run --project src/ProcedureAssistant.Api -c Release --no-build --no-launch-profile >"$DATA.server.log" 2>&1 &
SERVER_PID=$!
driver first-answer --since "$LAUNCHED"
APP=$(pgrep -P "$SERVER_PID" | head -n 1 || echo "$SERVER_PID")
echo "load average $(cat /proc/loadavg)"
for clients in 1 8 32; do
  echo "== $clients clients for 60 s"
  driver load --pid "$APP" --clients "$clients" --seconds 60 --conversations "$clients"
done
echo "load average $(cat /proc/loadavg)"
grep -c ' fail: \|^fail: ' "$DATA.server.log" | sed 's/^/server log lines at fail: /' || true
rm -f "$DATA.server.log"
