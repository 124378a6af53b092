#!/usr/bin/env bash
# Ask the seventy-sixth held-out round through a built ProcedureAssistant: ask.sh REPO LABEL (LIMIT=N for a smoke test).
PORT=${PORT:-6151} exec /work/main/eval/fresh/ask-round.sh /work/fresh76 "$@"
