#!/usr/bin/env bash
# Ask the forty-first held-out round through a built ProcedureAssistant: ask.sh REPO LABEL (LIMIT=N for a smoke test).
PORT=${PORT:-5821} exec /work/main/eval/fresh/ask-round.sh /work/fresh41 "$@"
