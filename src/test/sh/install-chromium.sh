#!/usr/bin/env bash
# Makes sure Debian's Chromium and its chromedriver are installed, for the real-browser
# integration tests (*BrowserIT). Run by the build (exec-maven-plugin, pre-integration-test)
# before the integration tests; installs only when /usr/bin/chromedriver is missing.
# Needs root (or passwordless sudo) on a fresh machine; fails loudly otherwise, so the browser
# tests never get skipped without anyone noticing.
set -euo pipefail

DRIVER=/usr/bin/chromedriver
BROWSER=/usr/bin/chromium

if [[ -x "$DRIVER" && -x "$BROWSER" ]]; then
    exit 0
fi

echo "install-chromium: $DRIVER or $BROWSER missing; installing Debian's chromium and chromium-driver"
if [[ "$(id -u)" -eq 0 ]]; then
    SUDO=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
else
    echo "install-chromium: not root and no passwordless sudo; install them yourself:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y chromium chromium-driver" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q chromium chromium-driver

if [[ ! -x "$DRIVER" || ! -x "$BROWSER" ]]; then
    echo "install-chromium: still no $DRIVER / $BROWSER after apt-get install" >&2
    exit 1
fi
"$DRIVER" --version
