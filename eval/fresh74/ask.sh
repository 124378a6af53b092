#!/usr/bin/env bash
# Ask the seventy-fourth held-out round through a built ProcedureAssistant: ask.sh REPO LABEL (LIMIT=N for a smoke test).
PORT=${PORT:-6131} exec /work/main/eval/fresh/ask-round.sh /work/fresh74 "$@"
