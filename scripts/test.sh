#!/usr/bin/env bash
# Sets up and runs the whole test suite: type check, lint, and every jest test
# (pure rules, components, stores and routes on SQLite and on PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
yarn install
yarn test:ci
