#!/usr/bin/env bash
# Ask the seventy-ninth held-out round through a built ProcedureAssistant: ask.sh REPO LABEL (LIMIT=N for a smoke test).
PORT=${PORT:-6181} exec /work/main/eval/fresh/ask-round.sh /work/fresh79 "$@"
