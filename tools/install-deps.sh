#!/usr/bin/env bash
# Installs the Debian packages overens needs, only those that are missing.
set -euo pipefail
packages=(build-essential cmake pkg-config libicu-dev libre2-dev libpugixml-dev libxlsxwriter-dev
          libpoppler-cpp-dev zlib1g-dev nlohmann-json3-dev libjemalloc-dev catch2 python3 python3-openpyxl python3-reportlab)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "overens: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
