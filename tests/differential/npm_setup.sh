#!/bin/sh
# Installs this folder's npm packages (kuzu, pinned by package-lock.json)
# when they are missing or the lock file changed: the CTest fixture
# differential/npm_ci runs it before the differential test. The same marker
# file as scripts/deps, so either may install. Needs npm and the npm registry.
set -eu
cd "$(dirname "$0")"
sum=$(sha256sum package-lock.json | cut -c1-16)
if [ -f "node_modules/.deps-$sum" ] && [ -d node_modules/kuzu ]; then
  echo "tests/differential: npm packages up to date"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "tests/differential: npm is missing (apt-get install npm), needed to install kuzu" >&2
  exit 1
fi
npm ci --no-audit --no-fund --loglevel=error
touch "node_modules/.deps-$sum"
echo "tests/differential: installed kuzu"
