#!/usr/bin/env bash
# Build the onedir bundle: dist/BranchDesk/BranchDesk (one executable for the GUI and the CLI).
#   bash installer/build.sh               build the bundle (installs PyInstaller into .venv)
#   bash installer/build.sh --check-nsis  also compile installer/branchdesk.nsi with the bundle
#                                         as payload, uncompressed (CI: the script stays valid)
# The Windows setup.exe is built on Windows by installer\build.ps1: PyInstaller bundles the
# platform it runs on.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -e '.[bundle]'
VERSION="$(.venv/bin/python -c 'import branchdesk; print(branchdesk.__version__)')"
.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
    installer/branchdesk.spec
echo "bundle: dist/BranchDesk ($(du -sh dist/BranchDesk | cut -f1))"
if [ "${1:-}" = "--check-nsis" ]; then
    if ! command -v makensis > /dev/null; then
        if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
            apt-get install -y -q nsis > /dev/null
        else
            echo "makensis not found: install NSIS (Debian: apt-get install nsis)" >&2
            exit 1
        fi
    fi
    (cd installer && makensis -V2 -DCHECK_ONLY -DBUNDLE="../dist/BranchDesk" \
        -DVERSION="$VERSION" -DOUTFILE="../build/check-setup.exe" branchdesk.nsi)
    rm -f build/check-setup.exe
    echo "installer/branchdesk.nsi compiles"
fi
