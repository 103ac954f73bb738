#!/bin/sh
# test-docs.sh — docs/ARCHITECTURE.md names every command, option and setting
#
# SPDX-FileCopyrightText: 2026 The Jiandu developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   tests/test-docs.sh JIANDU_CLI ARCHITECTURE_MD
#
# Asks the built jiandu-cli, not the sources, what there is: the commands
# of `jiandu-cli --help`, the options of `jiandu-cli NAME --help`, and the
# settings `jiandu-cli settings` lists on a new database with their
# defaults.  Fails, naming each one, when the document lacks a section
# "### `jiandu-cli NAME`", an option in that section, or a row
# "| `key` | `default` |" in its table of settings.

set -u

# The headings of --help ("Commands:") are read in English.
LC_ALL=C.UTF-8
LANGUAGE=
export LC_ALL LANGUAGE

cli="$1"
doc="$2"
work=$(mktemp -d "${TMPDIR:-/tmp}/jiandu-docs-XXXXXX")
trap 'rm -rf "$work"' EXIT
missing=0

fail () {
  echo "$doc: $*" >&2
  missing=$((missing + 1))
}

[ -f "$doc" ] || { echo "test-docs: no $doc" >&2; exit 1; }

commands=$("$cli" --help 2>&1 | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || { echo "test-docs: “$cli --help” lists no commands" >&2; exit 1; }

for command in $commands; do
  heading="### \`jiandu-cli $command\`"
  if ! grep -qxF "$heading" "$doc"; then
    fail "no section “$heading”"
    continue
  fi

  # The section: from its heading to the next heading.
  awk -v heading="$heading" '
    $0 == heading { inside = 1; next }
    inside && /^#/ { exit }
    inside { print }
  ' "$doc" > "$work/section"

  options=$("$cli" "$command" --help 2>&1 | sed -n 's/^  --\([a-z0-9][a-z0-9-]*\).*/\1/p')
  [ -n "$options" ] || fail "“jiandu-cli $command --help” lists no options"
  for option in $options; do
    grep -qE -- "--$option([^a-z0-9-]|\$)" "$work/section" ||
      fail "the section on “jiandu-cli $command” does not name --$option"
  done
done

settings=$("$cli" settings --db "$work/docs.db" 2>&1 | sed -n 's/^\([a-z_][a-z0-9_]*\) = \(.*\)$/\1 \2/p')
[ -n "$settings" ] || { echo "test-docs: “jiandu-cli settings” lists no settings" >&2; exit 1; }

echo "$settings" > "$work/settings"
while read -r key value; do
  grep -qF "| \`$key\` | \`$value\` |" "$doc" ||
    fail "the table of settings has no row “| \`$key\` | \`$value\` |”"
done < "$work/settings"

if [ "$missing" -gt 0 ]; then
  echo "test-docs: $missing missing; describe them in $doc" >&2
  exit 1
fi

echo "test-docs: $(echo "$commands" | wc -w) commands, their options and $(wc -l < "$work/settings") settings are documented"
exit 0
