#!/usr/bin/env bash
# Ask the eightieth held-out round through a built ProcedureAssistant: ask.sh REPO LABEL (LIMIT=N for a smoke test).
PORT=${PORT:-6191} exec /work/main/eval/fresh/ask-round.sh /work/fresh80 "$@"
