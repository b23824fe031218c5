#!/usr/bin/env bash
# npm run gen:hitl — regenerates bp_modules/hitl with the official Botpress CLI from the published hitl interface
# (../shared/interfaces/hitl, or the folder given), as `bp add interface:hitl@2.1.0` would install it when logged in.
# test/botpress/hitl-interface.test.ts fails when the committed files no longer say what the interface says.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
interface="$(cd "${1:-$root/../shared/interfaces/hitl}" && pwd)"
bp="${BP_CLI:-$root/../shared/tools/bp}"
cd "$root"
t="$(mktemp -d)"
trap 'cp "$t/package.json.orig" package.json 2>/dev/null || true; rm -rf "$t"' EXIT
cp package.json "$t/package.json.orig"          # `bp add` rewrites bpDependencies to the temporary path
cp -r "$interface" "$t/hitl" && chmod -R u+w "$t/hitl"
ln -s "$root/node_modules" "$t/hitl/node_modules" # the definition imports @botpress/sdk
"$bp" add "$t/hitl" --alias hitl --confirm
version="$(sed -n 's/^ *version: "\(.*\)",$/\1/p' bp_modules/hitl/index.ts)"
# No temporary path in the tree: the uri names the reference it stands for (bp deploy looks it up by name and version).
sed -i "s#uri: \".*\"#uri: \"interface:hitl@$version\"#" bp_modules/hitl/index.ts
echo "bp_modules/hitl regenerated from $interface (hitl@$version)"
