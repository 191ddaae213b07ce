#!/usr/bin/env bash
# Sets up and starts the demo portal: frontend on http://localhost:3000, backend on :7007,
# SQLite in memory, the Acme Payments demo catalog. Sign in as guest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
yarn install
exec yarn start "$@"
