#!/usr/bin/env bash
# Ask the fifty-ninth held-out round through a built ProcedureAssistant: ask.sh REPO LABEL (LIMIT=N for a smoke test).
PORT=${PORT:-5981} exec /work/main/eval/fresh/ask-round.sh /work/fresh59 "$@"
