#!/usr/bin/env bash
# Ask the forty-sixth held-out round through a built ProcedureAssistant: ask.sh REPO LABEL (LIMIT=N for a smoke test).
PORT=${PORT:-5871} exec /work/main/eval/fresh/ask-round.sh /work/fresh46 "$@"
