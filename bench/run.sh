#!/usr/bin/env bash
# On-demand benchmarks at library scale; builds in Release, starts private servers, prints medians and 95th percentiles.
#   bench/run.sh [tracking] [--assets=N --publications=N --samples=N --state=DIR --only=search,record,check,import]
#   bench/run.sh metrics    [--publications=N --observations=N --samples=N --state=DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
bench=Tracking.Bench
case "${1:-}" in
  metrics) bench=Metrics.Bench; shift ;;
  tracking) shift ;;
esac
scripts/prerequisites.sh
dotnet build CreatorMeta.sln -c Release -nologo -clp:ErrorsOnly
dotnet build "bench/$bench" -c Release -nologo -clp:ErrorsOnly
exec dotnet "bench/$bench/bin/Release/net10.0/$bench.dll" "$@"
