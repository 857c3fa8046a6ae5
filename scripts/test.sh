#!/usr/bin/env bash
# The whole test suite: starts every service the tests need (installing it when missing), then
# builds and runs unit, auto-configuration, web and integration tests of every module.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/services.sh start
exec ./mvnw -B -ntp verify "$@"
