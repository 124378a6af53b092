#!/usr/bin/env bash
# Ask the thirty-ninth held-out round through a built ProcedureAssistant: ask.sh REPO LABEL (LIMIT=N for a smoke test).
PORT=${PORT:-5801} exec /work/main/eval/fresh/ask-round.sh /work/fresh39 "$@"
