#!/usr/bin/env bash
# Installs what CreatorMeta needs on a fresh Debian machine, and nothing that is already there.
# Usage: scripts/prerequisites.sh [--tests]   (--tests also installs scipy and statsmodels for Debian's python3, and the
#                                             npm packages of the gRPC interop test)
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "Need root to run: $*" >&2; exit 1; fi; }

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required: https://dot.net (dotnet was not found on PATH)." >&2; exit 1; }

missing=()
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v setsid >/dev/null || missing+=(util-linux)
# Unicode normalization (NFKC) of handles and hashtags comes from ICU; the services otherwise run without it (invariant).
ls /usr/lib/*/libicuuc.so.* >/dev/null 2>&1 || missing+=(libicu72)
# The statistics tests check analytics' numbers against Debian's own Python with scipy and statsmodels (/usr/bin/python3,
# whatever other python3 is first on PATH).
[ "${1:-}" != "--tests" ] || [ -x /usr/bin/python3 ] || missing+=(python3)
[ "${1:-}" != "--tests" ] || /usr/bin/python3 -c "import scipy, statsmodels" >/dev/null 2>&1 || missing+=(python3-scipy python3-statsmodels)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "${1:-}" = "--tests" ] && [ ! -d tests/interop/node_modules/@grpc/grpc-js ]; then
  command -v npm >/dev/null || { echo "Node.js and npm are required for the gRPC interop test: apt-get install -y nodejs npm" >&2; exit 1; }
  npm ci --prefix tests/interop --no-audit --no-fund --loglevel=error
fi
