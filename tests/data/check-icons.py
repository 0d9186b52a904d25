#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Servicebook authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the application icons.

Usage: check-icons.py SOURCE_ROOT APP_ID

The full-colour icon is a 128x128 SVG; the symbolic one is a 16x16 SVG drawn
only with fills of #2e3436 (GTK recolours fills, so strokes would render
wrongly).
"""

import pathlib
import re
import sys
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'


def load(path, problems):
    try:
        return ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        problems.append(f'{path}: {e}')
        return None


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    root = pathlib.Path(sys.argv[1]).resolve()
    app_id = sys.argv[2]
    icons = root / 'data' / 'icons' / 'hicolor'
    problems = []

    full = icons / 'scalable' / 'apps' / f'{app_id}.svg'
    svg = load(full, problems)
    if svg is not None and svg.get('viewBox') != '0 0 128 128':
        problems.append(f'{full.name}: viewBox is {svg.get("viewBox")!r}, '
                        "not '0 0 128 128'")

    symbolic = icons / 'symbolic' / 'apps' / f'{app_id}-symbolic.svg'
    svg = load(symbolic, problems)
    if svg is not None:
        if svg.get('viewBox') != '0 0 16 16':
            problems.append(f'{symbolic.name}: viewBox is '
                            f'{svg.get("viewBox")!r}, not \'0 0 16 16\'')
        for element in svg.iter():
            if element.tag in (SVG + 'title', SVG + 'desc', SVG + 'svg',
                               SVG + 'g', SVG + 'defs'):
                continue
            fill = element.get('fill')
            if element.get('stroke') not in (None, 'none'):
                problems.append(f'{symbolic.name}: uses a stroke')
            if fill is not None and fill.lower() != '#2e3436':
                problems.append(f'{symbolic.name}: fill {fill} is not #2e3436')
        text = symbolic.read_text(encoding='utf-8')
        for colour in set(re.findall(r'#[0-9a-fA-F]{6}\b', text)):
            if colour.lower() != '#2e3436':
                problems.append(f'{symbolic.name}: uses colour {colour}')

    if problems:
        for problem in problems:
            print(f'FAIL: {problem}', file=sys.stderr)
        sys.exit(1)
    print('ok: application icons')


if __name__ == '__main__':
    main()
