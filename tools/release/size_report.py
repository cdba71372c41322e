#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Size check of a release binary: its stripped size against a budget, and
what takes the space, from the linker's map (each object file of ours, each
runtime library member) and from the sections of the stripped file.

usage: size_report.py --binary FILE --map FILE --budget BYTES --objdump OBJDUMP
                      [--forbid REGEX]...
Exits 1 when the binary is larger than the budget, or when an input whose
name matches a --forbid pattern was linked in."""
import argparse
import collections
import os
import re
import subprocess
import sys

# The sections that hold code and data in the image; the rest of a map
# (debug sections, discarded input) takes no space in the stripped file.
IMAGE_SECTIONS = ('.text', '.rdata', '.data', '.pdata', '.xdata', '.rsrc', '.edata', '.idata',
                  '.reloc', '.CRT', '.tls', '.bss')
# An input section line of a GNU ld map: " .name  0xADDRESS  0xSIZE  file",
# the file on the same line or, after a long section name, the next one.
INPUT = re.compile(r'^ (\.[\w.$]+)\s*\n?\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$', re.M)


def contributor(path):
    """A readable name for an input file: our own objects by source file,
    library members as library(member)."""
    m = re.match(r'(?:.*/)?(lib[^/(]+\.a)\((?:lib(?:32|64)_lib\w+?_a-)?([^)]+)\)$', path)
    if m:
        return '%s(%s)' % m.groups(), m.group(1)
    name = os.path.basename(path)
    name = re.sub(r'\.obj$', '', name)
    if path == 'dll stuff':
        return 'exports and relocations', 'linker'
    if path.startswith('/usr/') or '.dir/' not in path:
        return name, 'runtime start-up'
    return name, 'project objects'


def map_contributions(map_text):
    by_file = collections.Counter()
    by_group = collections.Counter()
    for section, _addr, size, path in INPUT.findall(map_text):
        base = '.' + section.split('.')[1]
        if base not in IMAGE_SECTIONS:
            continue
        size = int(size, 16)
        if not size:
            continue
        name, group = contributor(path.strip())
        by_file[name] += size
        by_group[group] += size
    return by_file, by_group


def sections(objdump, binary):
    out = subprocess.run([objdump, '-h', binary], check=True, capture_output=True, text=True).stdout
    result = []
    for m in re.finditer(r'^\s*\d+\s+(\S+)\s+([0-9a-f]+)\s', out, re.M):
        result.append((m.group(1), int(m.group(2), 16)))
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--binary', required=True)
    ap.add_argument('--map', required=True)
    ap.add_argument('--budget', type=int, required=True)
    ap.add_argument('--objdump', required=True)
    ap.add_argument('--top', type=int, default=12)
    ap.add_argument('--forbid', action='append', default=[])
    args = ap.parse_args()

    size = os.path.getsize(args.binary)
    name = os.path.basename(args.binary)
    with open(args.map, encoding='utf-8', errors='replace') as f:
        by_file, by_group = map_contributions(f.read())

    print('size: %s %d bytes (%.1f KiB), budget %d bytes (%.1f KiB)'
          % (name, size, size / 1024, args.budget, args.budget / 1024))
    print('  sections: ' + ', '.join('%s %d' % s for s in sections(args.objdump, args.binary)))
    print('  linked in, by origin: ' + ', '.join('%s %d' % g for g in by_group.most_common()))
    print('  largest inputs (code and data bytes):')
    for file_name, n in by_file.most_common(args.top):
        print('    %7d  %s' % (n, file_name))
    failed = False
    if size > args.budget:
        print('size: %s is %d bytes over its budget' % (name, size - args.budget), file=sys.stderr)
        failed = True
    for pattern in args.forbid:
        for file_name, n in by_file.items():
            if re.search(pattern, file_name):
                print('size: %s links %s (%d bytes), which it must not (%s)' % (name, file_name, n, pattern),
                      file=sys.stderr)
                failed = True
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
