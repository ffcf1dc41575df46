#!/usr/bin/env bash
# Installs what the real-editor tests need, once, into a cache folder outside the repository:
# code-server 4.100.3 (VS Code 1.100.3 with a Node extension host) from npm, and Debian's Chromium.
# Prints the code-server folder on its last line. Idempotent: a second run takes a moment.
set -euo pipefail

VERSION=4.100.3
CACHE="${ADVISOR_EDITOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/next-action-advisor}"
DIR="$CACHE/code-server-$VERSION"
MARK="$DIR/.installed"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
if [ ! -f "$MARK" ]; then
  dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
  command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages: ${need_apt[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >&2
  else
    echo "The editor tests need these Debian packages: ${need_apt[*]}." >&2
    echo "Install them (sudo apt-get install ${need_apt[*]}) and run again." >&2
    exit 3
  fi
fi

if [ ! -f "$MARK" ]; then
  echo "Installing code-server $VERSION into $DIR (about 2 minutes, once)" >&2
  rm -rf "$DIR" && mkdir -p "$DIR"
  cd "$DIR"
  echo '{ "name": "code-server-cache", "private": true }' > package.json
  # The package's postinstall downloads ripgrep from the internet: scripts are skipped and the
  # native modules rebuilt by name; Debian's rg stands in for the download.
  npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >&2
  cd node_modules/code-server/lib/vscode
  npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2
  npm_config_yes=true npm rebuild node-pty @parcel/watcher @vscode/spdlog kerberos native-watchdog @vscode/deviceid >&2
  mkdir -p node_modules/@vscode/ripgrep/bin && ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  ln -sfn node_modules node_modules.asar
  (cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2)
  cd "$DIR" && npm_config_yes=true npm rebuild argon2 >&2
  touch "$MARK"
fi
echo "$DIR"
