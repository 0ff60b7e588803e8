#!/usr/bin/env bash
# Runs the whole system: private PostgreSQL and RabbitMQ, every service, and the gateway on http://127.0.0.1:8080.
# Ctrl+C stops everything it started. Extra arguments go to the AppHost (e.g. --gateway-port=9090).
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh
exec dotnet run --project CreatorMeta.AppHost -- "$@"
