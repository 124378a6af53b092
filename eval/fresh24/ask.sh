#!/usr/bin/env bash
# Ask the twenty-fourth held-out round through a built ProcedureAssistant: ask.sh REPO LABEL (LIMIT=N for a smoke test).
PORT=${PORT:-5651} exec /work/main/eval/fresh/ask-round.sh /work/fresh24 "$@"
