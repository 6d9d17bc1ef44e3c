#!/usr/bin/env bash
# Installs what Intrinsic needs on Debian 12 when it is missing, then opens the TUI on the
# digits sample (`./setup.sh tui`) or runs the whole test suite (`./setup.sh test`).
set -euo pipefail
cd "$(dirname "$0")"

packages=(libncurses-dev libopenblas-dev pkg-config tmux)

install_missing_packages() {
    local missing=()
    for package in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "setup: installing ${missing[*]}" >&2
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null; then sudo="sudo"; else
            echo "setup: missing packages ${missing[*]}; run this script as root or install them with apt-get" >&2
            exit 1
        fi
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

find_swift() {
    if ! command -v swift >/dev/null && [ -x /opt/swift/usr/bin/swift ]; then
        export PATH="/opt/swift/usr/bin:$PATH"
    fi
    if ! command -v swift >/dev/null; then
        echo "setup: the Swift toolchain (6.0 or newer) is not on PATH; install it from swift.org and retry" >&2
        exit 1
    fi
}

mode="${1:-tui}"
[ $# -gt 0 ] && shift
install_missing_packages
find_swift

case "$mode" in
    tui)
        swift build -c release --product intrinsic
        exec .build/release/intrinsic samples/digits.csv "$@"
        ;;
    test)
        # The end-to-end tests drive the debug binary in tmux, so build it before the tests.
        swift build --product intrinsic
        exec swift test "$@"
        ;;
    *)
        echo "usage: ./setup.sh [tui [INTRINSIC OPTIONS…] | test [SWIFT TEST OPTIONS…]]" >&2
        exit 2
        ;;
esac
