#!/usr/bin/env bash
# Everything the project checks, from a fresh clone: `npm test`.
# Installs what the tests need beyond npm (Debian's Chromium) when it is missing and it can.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$CHROMIUM_PATH" ] || missing+=(chromium)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    step "Installing Debian packages the tests need: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The browser tests need: ${missing[*]} (Debian/Ubuntu: sudo apt-get install ${missing[*]})." >&2
    echo "For Chromium you may instead set CHROMIUM_PATH to a Chromium/Chrome binary. Then run npm test again." >&2
    exit 1
  fi
fi
export CHROMIUM_PATH

step "npm install"
npm install --no-audit --no-fund --loglevel=error

# One command, not an && list: under set -e a failure before the last && would not stop the script.
step "lint";      npm run lint
step "typecheck"; npx tsc --noEmit
step "unit";      npx vitest run
# The build runs with the e2e keys in its environment so the scan below proves they stay server-side.
KEYS="$(grep -oE '"test-key[^"]*"' tests/e2e/support/keys.ts | tr -d '"' | paste -sd, -)"
export KEY_HYGIENE_KEYS="$KEYS"
# `npm run build` as the README says: next build, then the standalone folder made ready to run as is.
step "build";     SILICONFLOW_API_KEY="${KEYS%%,*}" GLM_API_KEY="${KEYS##*,}" npm run build

# Playwright empties test-results/ when it starts, so the captured server output lives elsewhere.
LOG_DIR=.e2e-logs
mkdir -p "$LOG_DIR"

# The whole suite runs against the standalone server started with plain node (how self-hosters run
# it); the shell, security and deploy specs run once more against `next start`, in one locale (the
# suite's time budget: the rest only differs in how the server was started).
# Two shards run at once, each with its own simulator and servers (its own ports): most of a test's
# time is spent waiting on streams and timers, and one simulator's fault queue and request log must
# not be shared between parallel tests. Each shard takes half the spec files of both locales.
step "e2e: English suite and Chinese smoke set, standalone server (node .next/standalone/server.js), two shards"
shard() { # n sim-port app-port
  E2E_START_COMMAND="node scripts/start-standalone.mjs" E2E_SIM_PORT="$2" E2E_APP_PORT="$3" \
    E2E_DEMO_PORT="$(($3 + 1))" PLAYWRIGHT_HTML_OUTPUT_DIR="playwright-report/shard-$1" \
    npx playwright test --shard="$1/2" --output "test-results/shard-$1" 2>&1 | tee "$LOG_DIR/standalone-$1.log"
}
shard 1 4010 3100 &
one_pid=$!
shard 2 4020 3200 &
two_pid=$!
one_rc=0 two_rc=0
wait "$one_pid" || one_rc=$?
wait "$two_pid" || two_rc=$?
# The two shards' lines interleave above (each test line names its locale); the totals:
for n in 1 2; do printf '\n--- shard %s ---\n' "$n"; grep -E '^ +[0-9]+ (passed|failed|flaky|skipped)|^ +\[' "$LOG_DIR/standalone-$n.log" | tail -20 || true; done
[ "$one_rc" = 0 ] && [ "$two_rc" = 0 ] || { echo "e2e failed (shard 1: $one_rc, shard 2: $two_rc)" >&2; exit 1; }

step "e2e: next start"
npx playwright test --project=en tests/e2e/shell.spec.ts tests/e2e/security-auth.spec.ts \
  tests/e2e/security-rate-limit.spec.ts tests/e2e/deploy.spec.ts 2>&1 | tee "$LOG_DIR/next-start.log"

step "key hygiene: browser bundle and server logs"
node scripts/check-key-hygiene.mjs .next/static "$LOG_DIR"
