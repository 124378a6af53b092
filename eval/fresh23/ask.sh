#!/usr/bin/env bash
# Ask the twenty-third held-out round through a built ProcedureAssistant: ask.sh REPO LABEL (LIMIT=N for a smoke test).
PORT=${PORT:-5641} exec /work/main/eval/fresh/ask-round.sh /work/fresh23 "$@"
