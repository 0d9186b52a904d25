#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Servicebook authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Keep GTK and libadwaita out of the layers below the user interface.

Usage: check-layering.py SOURCE_ROOT

Only src/ui/ and src/main.c may include GTK, GDK or libadwaita headers;
core, store, report, sync, server and cli must build without them.
"""

import pathlib
import re
import sys

GUI_LAYERS_FREE = ('core', 'store', 'report', 'sync', 'server', 'cli')
GUI_INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*[<"][ \t]*'
                         r'(?:gtk|gdk/|adwaita)[^\n]*', re.MULTILINE)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    src = pathlib.Path(sys.argv[1]).resolve() / 'src'
    if not (src / 'core').is_dir():
        sys.exit(f'FAIL: {src}/core not found; wrong source root?')

    problems = []
    checked = 0
    for layer in GUI_LAYERS_FREE:
        layer_dir = src / layer
        if not layer_dir.is_dir():
            continue
        for path in sorted(layer_dir.rglob('*')):
            if path.suffix not in ('.c', '.h') or not path.is_file():
                continue
            checked += 1
            text = path.read_text(encoding='utf-8', errors='replace')
            for match in GUI_INCLUDE.finditer(text):
                line = text.count('\n', 0, match.start()) + 1
                problems.append(f'src/{path.relative_to(src).as_posix()}:{line}: '
                                f'{match.group(0).strip()} (only src/ui may '
                                'use GTK)')

    if problems:
        for problem in problems:
            print(f'FAIL: {problem}', file=sys.stderr)
        sys.exit(1)
    print(f'ok: {checked} files in {", ".join(GUI_LAYERS_FREE)} '
          'include no GTK')


if __name__ == '__main__':
    main()
