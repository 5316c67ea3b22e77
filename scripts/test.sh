#!/usr/bin/env bash
# The test command (README "Test"): installs what the tests need when it is missing, then runs the
# whole build with every test. Real protocol peers come from Debian: yaz (yaz-ztest, yaz-client,
# libyaz5 for the JNA binding) and idzebra-2.0 (Zebra); chromium and chromium-driver for the portal's
# browser test. Usage: scripts/test.sh [extra mvn args]
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v yaz-ztest >/dev/null 2>&1 || need+=(yaz)
command -v zebrasrv  >/dev/null 2>&1 || need+=(idzebra-2.0)
ls /usr/lib/*/libyaz.so.5 >/dev/null 2>&1 || need+=(libyaz5)
# the portal's end-to-end test drives headless Chromium through Selenium
command -v chromium     >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y --no-install-recommends "${need[@]}" >/dev/null \
    || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y --no-install-recommends "${need[@]}" >/dev/null; }
fi

exec mvn -B -ntp verify "$@"
