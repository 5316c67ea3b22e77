#!/usr/bin/env bash
# Starts real Z39.50/SRU servers on 127.0.0.1 to try the CLI by hand with
# examples/targets/local-peers.json: Zebra (idzebra-2.0) with the test suite's MARC21 and UNIMARC
# records on port 21300, yaz-ztest on 21210. Ctrl-C stops them. Usage: scripts/peers.sh [ZEBRA_PORT [ZTEST_PORT]]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if ! command -v zebrasrv >/dev/null || ! command -v yaz-ztest >/dev/null; then
  echo "peers: needs Debian's idzebra-2.0 and yaz (sudo apt-get install -y idzebra-2.0 yaz)" >&2
  exit 1
fi
classes="$root/core/target/test-classes"
if [ ! -f "$classes/org/navette/testpeers/LocalPeers.class" ]; then
  echo "peers: compiling core's test peers (mvn test-compile)..." >&2
  (cd "$root" && mvn -B -q -ntp test-compile -pl core >&2)
fi
exec java -cp "$classes" org.navette.testpeers.LocalPeers "$@"
