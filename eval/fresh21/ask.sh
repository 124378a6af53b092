#!/usr/bin/env bash
# Ask this held-out round through a built ProcedureAssistant: ask.sh REPO LABEL (see ../fresh/ask-round.sh).
PORT=${PORT:-5621} exec "$(dirname "${BASH_SOURCE[0]}")/../fresh/ask-round.sh" "$(dirname "${BASH_SOURCE[0]}")" "$@"
