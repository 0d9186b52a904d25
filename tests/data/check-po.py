#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Servicebook authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the translations and po/POTFILES.in.

Usage: check-po.py SOURCE_ROOT

- every po/*.po passes `msgfmt --check`;
- every language in po/LINGUAS has its .po file;
- POTFILES.in lists every file under src/ and data/ with translatable
  strings, and every file it lists exists.
"""

import pathlib
import re
import shutil
import subprocess
import sys

# Markers of translatable strings in C and GtkBuilder files. clang-format
# writes "_ (" with a space, which xgettext reads just the same.
MARKERS = re.compile(
    r'(?<![A-Za-z0-9_])N?C?_\s*\('
    r'|ngettext'
    r'|translatable="yes"'
)
# Data files that always carry translatable strings.
DATA_SUFFIXES = ('.desktop.in', '.metainfo.xml.in', '.gschema.xml')
# Only these can hold strings for xgettext; notes such as HACKING.md, SQL,
# CSS and meson files may mention _() without being sources.
SOURCE_SUFFIXES = ('.c', '.h', '.ui', '.blp')


def read_list(path):
    entries = []
    for line in path.read_text(encoding='utf-8').splitlines():
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        # An entry may name its extractor: "[type: gettext/glade]file.ui".
        line = re.sub(r'^\[[^]]*\]\s*', '', line)
        entries.append(line)
    return entries


def has_translatable_strings(path):
    name = path.name
    if name.endswith(DATA_SUFFIXES):
        return True
    if not name.endswith(SOURCE_SUFFIXES):
        return False
    try:
        text = path.read_text(encoding='utf-8', errors='replace')
    except OSError:
        return False
    return MARKERS.search(text) is not None


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = pathlib.Path(sys.argv[1]).resolve()
    po_dir = root / 'po'
    problems = []

    msgfmt = shutil.which('msgfmt')
    if msgfmt is None:
        sys.exit('msgfmt not found: install gettext')
    po_files = sorted(po_dir.glob('*.po'))
    if not po_files:
        problems.append('po/ holds no .po files')
    for po in po_files:
        run = subprocess.run([msgfmt, '--check', '--output-file=/dev/null',
                              str(po)], capture_output=True, text=True)
        if run.returncode != 0:
            problems.append(f'msgfmt --check failed on po/{po.name}:\n'
                            f'{run.stderr.rstrip()}')
        else:
            print(f'ok: msgfmt --check po/{po.name}')

    for lang in read_list(po_dir / 'LINGUAS'):
        for code in lang.split():
            if not (po_dir / f'{code}.po').is_file():
                problems.append(f'po/LINGUAS names {code} but po/{code}.po '
                                'does not exist')

    listed = read_list(po_dir / 'POTFILES.in')
    seen = set()
    for entry in listed:
        if entry in seen:
            problems.append(f'POTFILES.in lists {entry} twice')
        seen.add(entry)
        if not (root / entry).is_file():
            problems.append(f'POTFILES.in lists {entry}, which does not exist')

    for top in ('src', 'data'):
        for path in sorted((root / top).rglob('*')):
            if not path.is_file():
                continue
            relative = path.relative_to(root).as_posix()
            if relative not in seen and has_translatable_strings(path):
                problems.append(f'{relative} has translatable strings but '
                                'is not listed in po/POTFILES.in')

    if problems:
        for problem in problems:
            print(f'FAIL: {problem}', file=sys.stderr)
        sys.exit(1)
    print(f'ok: po/POTFILES.in lists all {len(listed)} files with '
          'translatable strings')


if __name__ == '__main__':
    main()
