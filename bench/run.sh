#!/usr/bin/env bash
# On-demand benchmarks at library scale; builds in Release, starts private servers, prints medians and 95th percentiles.
#   bench/run.sh [tracking] [--assets=N --publications=N --samples=N --state=DIR --only=search,record,check,import]
#   bench/run.sh metrics    [--publications=N --observations=N --samples=N --state=DIR]
#   bench/run.sh analytics  [--publications=N --samples=N --state=DIR]   (also runs pandas + statsmodels on the export)
#   bench/run.sh hashtags   [--only=extraction|statistics] [--captions=N --rounds=N --datasets=DIR]    (extraction over the shared datasets' captions)
#                           [--publications=N --samples=N --state=DIR --settle-seconds=N]    (effectiveness, trending, recommendations)
set -euo pipefail
cd "$(dirname "$0")/.."
bench=Tracking.Bench
needs=()
case "${1:-}" in
  metrics) bench=Metrics.Bench; shift ;;
  # The yardstick is Debian's python3 with statsmodels (which brings pandas) and scipy, as the tests install them.
  analytics) bench=Analytics.Bench; needs=(--tests); shift ;;
  hashtags) bench=Hashtags.Bench; shift ;;
  tracking) shift ;;
esac
scripts/prerequisites.sh "${needs[@]}"
dotnet build CreatorMeta.sln -c Release -nologo -clp:ErrorsOnly
dotnet build "bench/$bench" -c Release -nologo -clp:ErrorsOnly
exec dotnet "bench/$bench/bin/Release/net10.0/$bench.dll" "$@"
