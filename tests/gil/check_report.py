#!/usr/bin/env python3
"""Checks that the page of `gilvm --gil-report` renders in a real browser (headless Chromium).

    check_report.py GILVM [--out-dir DIR] [--chromium PATH]

Runs tests/gil/report_scenario.py under GILVM with --gil-report DIR/gil_report.html, then
 1. loads the page and dumps the DOM once its script has run: the script counts the timeline
    rectangles the browser laid out with a non-empty box (data-timeline-rects on <body>), which
    must be at least one per thread, and the summary and the thread table must be there;
 2. takes a screenshot, DIR/gil_report.png, and checks that it is not blank: at least
    MIN_COLOURS distinct colours (decoded here with zlib and struct).

A missing Chromium is a failure, not a skip: scripts/setup-deps.sh installs it. Only the
standard library is used, so the check runs wherever the tests do.
"""

import argparse
import collections
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIO = os.path.join(HERE, "report_scenario.py")
# The scenario's threads besides MainThread (tests/gil/report_scenario.py).
SCENARIO_THREADS = ["worker-0", "worker-1", "sleeper"]
MIN_COLOURS = 6
# Seconds for each child process (the whole check takes a few); gilvm gets longer under GC stress,
# where the golden tests' GILVM_TEST_TIMEOUT is raised too.
TIMEOUT = 60
GILVM_TIMEOUT = int(os.environ.get("GILVM_TEST_TIMEOUT", TIMEOUT))


class CheckFailed(Exception):
    pass


def run(argv, what, timeout=TIMEOUT):
    """Runs argv and returns its stdout; a failure says what was being done."""
    try:
        r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise CheckFailed(f"{what}: no answer after {timeout} s: {' '.join(argv)}")
    if r.returncode != 0:
        raise CheckFailed(f"{what}: exit status {r.returncode}: {' '.join(argv)}\n"
                          f"{r.stderr.decode(errors='replace')[-3000:]}")
    return r.stdout.decode(errors="replace")


def find_chromium(name):
    path = shutil.which(name)
    if path is None:
        raise CheckFailed(f"'{name}' is not installed, so the GIL report cannot be checked in a "
                          "browser: run scripts/setup-deps.sh (it installs the Debian package "
                          "chromium) or pass --chromium PATH")
    return path


def chromium_argv(chromium, profile):
    # --no-sandbox: the tests may run as root, where Chromium's sandbox refuses to start.
    # --disable-dev-shm-usage: containers often give /dev/shm only 64 MB.
    # A fresh profile per run, so two runs never fight over one profile's lock.
    # --virtual-time-budget lets the load event and the page's script run before the dump.
    return [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--no-first-run", "--no-default-browser-check", f"--user-data-dir={profile}",
            "--virtual-time-budget=2000"]


def check_dom(dom):
    m = re.search(r'<body\b[^>]*\bdata-timeline-rects="(\d+)"', dom)
    if m is None:
        raise CheckFailed("the page's script did not run: <body> has no data-timeline-rects")
    rects = int(m.group(1))
    lanes = dom.count('class="lane-name"')
    threads = ["MainThread"] + SCENARIO_THREADS
    if lanes < len(threads):
        raise CheckFailed(f"the timeline has {lanes} lanes; the scenario ran {len(threads)} threads")
    if rects < lanes:
        raise CheckFailed(f"only {rects} timeline rectangles were laid out with a non-empty box, "
                          f"fewer than the {lanes} lanes")
    for needle in ['<section class="summary">', "GIL held", "handoff latency",
                   "longest hold without a safe point", "<table>", "acquisitions"]:
        if needle not in dom:
            raise CheckFailed(f"the page has no {needle!r}")
    for name in threads:
        if f"<tr><td>{name}" not in dom:
            raise CheckFailed(f"the thread table has no row for {name}")
    return rects, lanes


def png_rows(data):
    """The width, height, bytes per pixel and unfiltered rows of an 8-bit RGB(A) PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise CheckFailed("the screenshot is not a PNG file")
    pos, idat, header = 8, [], None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length  # length, type, body, CRC
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or colour_type not in (2, 6) or interlace:
        raise CheckFailed(f"unexpected PNG format (depth {depth}, colour type {colour_type}, "
                          f"interlace {interlace})")
    bpp = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        row = bytearray(raw[start + 1:start + 1 + stride])
        unfilter(raw[start], row, prev, bpp)
        rows.append(row)
        prev = row
    return width, height, bpp, rows


def add_bytes(a, b):
    """a + b byte by byte, modulo 256, as one big-integer operation (the Up filter is most rows)."""
    n = len(a)
    low = int.from_bytes(b"\x7f" * n, "big")
    x, y = int.from_bytes(a, "big"), int.from_bytes(b, "big")
    return ((x & low) + (y & low) ^ ((x ^ y) & ~low)).to_bytes(n, "big")


def unfilter(kind, row, prev, bpp):
    """Undoes one row's PNG filter in place (PNG spec, section 9)."""
    n = len(row)
    if kind == 0:
        return
    if kind == 1:
        for i in range(bpp, n):
            row[i] = (row[i] + row[i - bpp]) & 0xFF
    elif kind == 2:
        row[:] = add_bytes(row, prev)
    elif kind == 3:
        for i in range(n):
            left = row[i - bpp] if i >= bpp else 0
            row[i] = (row[i] + ((left + prev[i]) >> 1)) & 0xFF
    elif kind == 4:
        for i in range(n):
            a = row[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
    else:
        raise CheckFailed(f"unknown PNG filter {kind}")


def check_screenshot(path):
    with open(path, "rb") as f:
        width, height, bpp, rows = png_rows(f.read())
    colours = collections.Counter()
    for row in rows:
        colours.update(bytes(row[i:i + 3]) for i in range(0, len(row), bpp))
    if len(colours) < MIN_COLOURS:
        raise CheckFailed(f"the screenshot {path} ({width}x{height}) has only {len(colours)} "
                          f"distinct colours: the page did not render")
    # Most of the page is its white background: anything else means a wrong decode (which would
    # make up colours) or a page that is not ours.
    background = colours.most_common(1)[0][0]
    if min(background) < 0xF0:
        raise CheckFailed(f"the screenshot's most common colour is #{background.hex()}, not the "
                          f"page's white background")
    return width, height, len(colours)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gilvm", help="the gilvm binary")
    parser.add_argument("--out-dir", default=os.getcwd(), help="where the page and screenshot go")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "chromium"))
    args = parser.parse_args()
    started = time.monotonic()
    try:
        chromium = find_chromium(args.chromium)
        os.makedirs(args.out_dir, exist_ok=True)
        page = os.path.abspath(os.path.join(args.out_dir, "gil_report.html"))
        shot = os.path.abspath(os.path.join(args.out_dir, "gil_report.png"))
        for stale in (page, shot):
            if os.path.exists(stale):
                os.remove(stale)
        run([args.gilvm, "--gil-report", page, SCENARIO], "running the scenario with --gil-report", GILVM_TIMEOUT)
        if not os.path.exists(page):
            raise CheckFailed(f"gilvm --gil-report did not write {page}")
        url = "file://" + page
        with tempfile.TemporaryDirectory(prefix="gil-report-chromium-") as profile:
            argv = chromium_argv(chromium, profile)
            rects, lanes = check_dom(run(argv + ["--dump-dom", url], "dumping the page's DOM"))
            run(argv + [f"--screenshot={shot}", "--window-size=1400,1000", url], "taking a screenshot")
        if not os.path.exists(shot):
            raise CheckFailed(f"Chromium wrote no screenshot to {shot}")
        width, height, colours = check_screenshot(shot)
    except CheckFailed as e:
        print(f"check_report: FAIL: {e}", file=sys.stderr)
        return 1
    print(f"check_report: ok: {os.path.getsize(page)} bytes, {lanes} lanes, {rects} timeline rectangles "
          f"laid out; screenshot {shot} ({width}x{height}, {colours} colours); "
          f"{time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
