#!/bin/sh
# Installs Debian's chromium and fonts for the browser tests (never a browser that a tool
# downloads). Mermaid measures label text, so the fonts matter.
set -eu
if command -v chromium >/dev/null 2>&1; then exit 0; fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-dejavu-core >/dev/null
command -v chromium
