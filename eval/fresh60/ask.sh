#!/usr/bin/env bash
# Ask the sixtieth held-out round through a built ProcedureAssistant: ask.sh REPO LABEL (LIMIT=N for a smoke test).
PORT=${PORT:-5991} exec /work/main/eval/fresh/ask-round.sh /work/fresh60 "$@"
