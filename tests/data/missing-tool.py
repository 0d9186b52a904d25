#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Servicebook authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Stand-in test for a validator that meson could not find: fails, saying
what to install, so a missing tool never looks like a passing check.

Usage: missing-tool.py PROGRAM PACKAGE
"""

import sys

if len(sys.argv) != 3:
    sys.exit(__doc__)
sys.exit(f'FAIL: {sys.argv[1]} was not found when the build was configured; '
         f'install {sys.argv[2]} (build-aux/dev does) and reconfigure')
