#!/usr/bin/env bash
# Ask the fifty-sixth held-out round through a built ProcedureAssistant: ask.sh REPO LABEL (LIMIT=N for a smoke test).
PORT=${PORT:-5951} exec /work/main/eval/fresh/ask-round.sh /work/fresh56 "$@"
