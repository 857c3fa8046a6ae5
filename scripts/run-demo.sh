#!/usr/bin/env bash
# Runs the order-intake demo on embedded defaults (H2 file database under ./.funcboot, dev keys):
# builds the modules it needs, then `spring-boot:run`. Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q install -DskipTests -pl demo-apps/order-intake -am
exec ./mvnw -B -ntp -f demo-apps/order-intake/pom.xml spring-boot:run "$@"
