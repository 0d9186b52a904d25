#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Servicebook authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest against the build.

Usage: check-flatpak.py MANIFEST APP_ID

The manifest must parse as JSON, carry the build's application id and the
`servicebook` command, and grant no filesystem access (files go through
portals).
"""

import json
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    path, app_id = sys.argv[1], sys.argv[2]
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f'FAIL: cannot read {path}: {e}')

    problems = []
    manifest_id = manifest.get('app-id', manifest.get('id'))
    if manifest_id != app_id:
        problems.append(f'app-id is {manifest_id!r}, the build says {app_id!r}')
    if manifest.get('command') != 'servicebook':
        problems.append(f"command is {manifest.get('command')!r}, "
                        "not 'servicebook'")
    for arg in manifest.get('finish-args', []):
        if arg.startswith('--filesystem'):
            problems.append(f'finish-args grant filesystem access: {arg}')
    for key in ('runtime', 'sdk', 'runtime-version'):
        if not manifest.get(key):
            problems.append(f'{key} is missing')
    modules = manifest.get('modules', [])
    main_module = next((m for m in modules
                        if isinstance(m, dict) and m.get('name') == 'servicebook'),
                       None)
    if main_module is None:
        problems.append('no module named servicebook')
    else:
        if main_module.get('buildsystem') != 'meson':
            problems.append('the servicebook module is not built with meson')
        if main_module.get('run-tests') is not True:
            problems.append('the servicebook module does not run the tests')

    if problems:
        for problem in problems:
            print(f'FAIL: {problem}', file=sys.stderr)
        sys.exit(1)
    print(f'ok: {path} builds {app_id}')


if __name__ == '__main__':
    main()
