#!/usr/bin/env bash
# Sets up and runs the whole test suite: type check, lint, formatting, every jest test (pure
# rules, components, stores and routes on SQLite, and on PostgreSQL when
# BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set), then the browser journeys in
# Debian's Chromium against a portal it starts (skip them with ITSM_SKIP_E2E=1).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
yarn install
yarn test:ci

if [ "${ITSM_SKIP_E2E:-}" = 1 ]; then
  echo "test: browser journeys skipped (ITSM_SKIP_E2E=1)"
  exit 0
fi
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test: installing Debian's chromium for the browser journeys"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test: the browser journeys need Chromium at /usr/bin/chromium (apt-get install chromium) or CHROMIUM_PATH" >&2
    exit 1
  fi
fi
yarn test:e2e
