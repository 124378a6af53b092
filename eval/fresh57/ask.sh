#!/usr/bin/env bash
# Ask the fifty-seventh held-out round through a built ProcedureAssistant: ask.sh REPO LABEL (LIMIT=N for a smoke test).
PORT=${PORT:-5961} exec /work/main/eval/fresh/ask-round.sh /work/fresh57 "$@"
