#!/bin/sh
# Every source file with a translatable string is listed in po/POTFILES.in,
# or its strings never reach the translators (and the Chinese window shows
# English).
#
# SPDX-FileCopyrightText: 2026 The Jiandu developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
top=${1:?the source tree}
cd "$top" || exit 1
missing=0
for f in $(find src -name '*.c' -o -name '*.ui' | sort); do
  if grep -qE '(^|[^A-Za-z0-9_])(_|N_|C_|g_dngettext)[[:space:]]*\(|translatable="yes"' "$f" &&
     ! grep -qxF "$f" po/POTFILES.in; then
    echo "po/POTFILES.in does not list $f, which has translatable strings" >&2
    missing=$((missing + 1))
  fi
done
[ "$missing" -eq 0 ] || { echo "test-potfiles: $missing file(s) missing" >&2; exit 1; }
echo "1..1"
echo "ok 1 every file with translatable strings is in po/POTFILES.in"
