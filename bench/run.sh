#!/usr/bin/env bash
# Benchmarks the tracking service through the gateway at library scale (defaults: 1,000,000 assets, 3,000,000
# publications). Builds in Release, starts private servers, prints a table of medians and 95th percentiles.
# Arguments: --assets=N --publications=N --samples=N
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
dotnet build CreatorMeta.sln -c Release -nologo -clp:ErrorsOnly
dotnet build bench/Tracking.Bench -c Release -nologo -clp:ErrorsOnly
exec dotnet bench/Tracking.Bench/bin/Release/net10.0/Tracking.Bench.dll "$@"
