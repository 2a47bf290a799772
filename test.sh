#!/usr/bin/env bash
# Builds everything (warnings are errors) and runs the whole test suite on SQLite and PostgreSQL.
# PostgreSQL: uses $UNIRETAIL_TEST_PG when set, otherwise starts a throw-away server with .ci/postgres.sh
# (installing Debian's postgresql package when missing). Installs tests/sdk's npm packages when missing (and, as root,
# Debian's nodejs and npm when node is absent, and Debian's chromium for the browser tests). Ends with "tests: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")"

pg_dir=""
cleanup() { [ -n "$pg_dir" ] && .ci/postgres.sh stop "$pg_dir"; [ -n "$pg_dir" ] && rm -rf "$pg_dir"; }
trap cleanup EXIT

if [ -z "${UNIRETAIL_TEST_PG:-}" ]; then
  if [ "$(id -u)" = 0 ]; then
    pg_dir=$(mktemp -d /tmp/uniretail-pg.XXXXXX)
    UNIRETAIL_TEST_PG=$(.ci/postgres.sh start "$pg_dir") || { echo "could not start PostgreSQL"; exit 1; }
    export UNIRETAIL_TEST_PG
  else
    echo "UNIRETAIL_TEST_PG is not set and this is not root: PostgreSQL tests will be skipped."
  fi
fi

# tests/sdk: the real @segment/analytics-node that SegmentSdkTests runs under node (which fail, saying why, without it).
if ! command -v node >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing Node.js (Debian packages nodejs npm)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null) || echo "could not install Node.js"
fi
if command -v node >/dev/null 2>&1 && [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "node $(node --version) is older than v20, which @segment/analytics-node needs: the SDK tests will fail."
fi
if [ ! -d tests/sdk/node_modules ] && command -v npm >/dev/null 2>&1; then
  npm ci --prefix tests/sdk --no-audit --no-fund || echo "npm ci --prefix tests/sdk failed: the SDK tests will fail."
fi

# tests/UniRetail.WebConsole.Tests inject axe-core (npm, pinned in its axe/package.json) into every page they check.
if [ ! -d tests/UniRetail.WebConsole.Tests/axe/node_modules ] && command -v npm >/dev/null 2>&1; then
  npm ci --prefix tests/UniRetail.WebConsole.Tests/axe --no-audit --no-fund || echo "npm ci --prefix tests/UniRetail.WebConsole.Tests/axe failed: the accessibility test will fail."
fi

# tests/UniRetail.WebConsole.Tests drive Debian's chromium through Playwright (which cannot download a browser here).
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ]; then
  echo "installing chromium (Debian package) for the console's browser tests"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "could not install chromium: the browser tests will be skipped"
fi

dotnet build UniRetail.slnx -c Release -warnaserror -nologo -v quiet || { echo "tests: 0 passed, 1 failed"; exit 1; }

log=$(mktemp)
dotnet test UniRetail.slnx -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

count() { grep -aoE "$1: +[0-9]+" "$log" | awk '{ n += $2 } END { print n + 0 }'; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
rm -f "$log"
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
[ "$skipped" -gt 0 ] && echo "($skipped skipped)"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
