#!/usr/bin/env python3
"""Run the classic GIL experiments under gilvm and CPython and draw them as SVG plots.

The workloads are bench/gil_programs/*.py, which run unchanged under both (the examples in
examples/gil/ show the same experiments with gil.stats() figures, but only gilvm runs them):

  cpu       the same pure-Python work in 1, 2 and 4 threads (cpu_threads.py): speedup over the
            work run in one thread, for gilvm's three policies and for python3
  io        N threads sleeping 10 ms at a time, N = 1..16 (io_threads.py): speedup over the same
            sleeps in one thread, gilvm and python3
  convoy    a socketpair echo alone and next to a CPU-bound thread (convoy.py --socket): round
            trips per second per policy and for python3, and how much of its speed the CPU
            thread keeps
  interval  two CPU-bound threads under fair for check intervals 10..10000 and 0 (time slice only):
            time over the sequential time, and switches per second (from --gil-stats-json)

Every configuration runs once per round, rounds are repeated (--runs) and each figure is the
median over the rounds, so that drift in the machine's load hits all configurations alike.
Writes docs/img/gil_*.svg (hand-written SVG, standard library only), and the figures as
docs/img/gil_figures.json (raw runs and medians) and docs/img/gil_figures.md (tables).

    python3 bench/gil_plots.py                    # everything, 5 rounds (~5 minutes on 2 cores)
    python3 bench/gil_plots.py --quick --out /tmp/plots
    python3 bench/gil_plots.py --replot docs/img/gil_figures.json   # redraw without running

Build gilvm first (cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build build).
"""
import argparse
import json
import math
import os
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gil_bench as gb  # noqa: E402  (run, parse_fields, machine_info, machine_busy, wait_quiet)

GIL_PROGRAMS = os.path.join(HERE, "gil_programs")

# (label, gilvm flags or None for python3). cpython3 runs with CPython's default switch interval.
CPU_CONFIGS = [
    ("gilvm fair", ["--gil-policy", "fair"]),
    ("gilvm cpython2", ["--gil-policy", "cpython2"]),
    ("gilvm cpython3 (5 ms)", ["--gil-policy", "cpython3", "--switch-interval", "5"]),
    ("python3", None),
]
IO_CONFIGS = [("gilvm fair", ["--gil-policy", "fair"]), ("python3", None)]
CONVOY_CONFIGS = CPU_CONFIGS
INTERVALS = [10, 100, 1000, 10000, 0]
COLORS = {"gilvm fair": "#1f77b4", "gilvm cpython2": "#ff7f0e", "gilvm cpython3 (5 ms)": "#2ca02c",
          "python3": "#d62728", "ideal": "#888888"}


# ------------------------------------------------------------------------------------------------
# Running
# ------------------------------------------------------------------------------------------------

class Runner:
    def __init__(self, args):
        self.args = args
        self.tmp = tempfile.mkdtemp(prefix="gil_plots.")

    def cmd(self, flags):
        return [self.args.python] if flags is None else [self.args.gilvm] + flags

    def script(self, flags, name, argv, stats=False):
        """Runs gil_programs/NAME with --time; returns its fields, plus the gil stats JSON's
        summary under "gil" when `stats` and it is gilvm."""
        cmd = self.cmd(flags)
        stats_path = None
        if stats and flags is not None:
            stats_path = os.path.join(self.tmp, "stats.json")
            cmd = cmd + ["--gil-stats-json", stats_path]
        wall, out = gb.run(cmd + [os.path.join(GIL_PROGRAMS, name)] + argv + ["--time"], self.args.timeout)
        if wall is None:
            raise gb.RunFailed("%s %s timed out after %g s" % (" ".join(cmd), name, self.args.timeout))
        fields = gb.parse_fields(out)
        if stats_path:
            with open(stats_path) as fh:
                s = json.load(fh)
            fields["gil"] = {k: s[k] for k in ("switches", "switches_per_second", "held_fraction",
                                               "waiting_fraction", "wall_ns")}
            fields["gil"]["handoff_p50_ns"] = s["handoff_ns"]["p50"]
        return fields


class OthersLoad:
    """How busy other processes kept the machine over a stretch of time: all cores' busy time
    (/proc/stat) less this script's and its children's CPU time, over the cores' total time."""

    def __init__(self):
        self.start = self.sample()

    @staticmethod
    def sample():
        busy, total = gb.cpu_ticks()
        ours = 0.0
        for who in (gb.resource.RUSAGE_SELF, gb.resource.RUSAGE_CHILDREN):
            ru = gb.resource.getrusage(who)
            ours += ru.ru_utime + ru.ru_stime
        return busy, total, ours

    def fraction(self):
        b0, t0, o0 = self.start
        b1, t1, o1 = self.sample()
        hz = os.sysconf("SC_CLK_TCK")
        return max(0.0, ((b1 - b0) / hz - (o1 - o0)) / max((t1 - t0) / hz, 1e-9))


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def run_cpu(r, rounds, units):
    """seq and N-thread times per configuration; speedup = median seq / median threaded."""
    ns = [1, 2, 4]
    raw = {label: {"seq": [], "threads": {str(n): [] for n in ns}, "gil": {str(n): [] for n in ns}}
           for label, _ in CPU_CONFIGS}
    for k in range(rounds):
        print("  cpu round %d/%d" % (k + 1, rounds), flush=True)
        for label, flags in CPU_CONFIGS:
            raw[label]["seq"].append(r.script(flags, "cpu_threads.py", ["seq", "1", str(units)])["elapsed_s"])
            for n in ns:
                f = r.script(flags, "cpu_threads.py", ["threads", str(n), str(units)], stats=True)
                raw[label]["threads"][str(n)].append(f["elapsed_s"])
                if "gil" in f:
                    raw[label]["gil"][str(n)].append(f["gil"])
    out = {"units": units, "threads": ns, "raw": raw, "speedup": {}, "switches_per_s": {}, "held": {}, "seq_s": {}}
    for label, _ in CPU_CONFIGS:
        seq = med(raw[label]["seq"])
        out["seq_s"][label] = seq
        out["speedup"][label] = [seq / med(raw[label]["threads"][str(n)]) for n in ns]
        if raw[label]["gil"]["1"]:
            out["switches_per_s"][label] = [med([g["switches_per_second"] for g in raw[label]["gil"][str(n)]]) for n in ns]
            out["held"][label] = [med([g["held_fraction"] for g in raw[label]["gil"][str(n)]]) for n in ns]
    return out


def run_io(r, rounds, sleeps):
    ns = [1, 2, 4, 8, 16]
    raw = {label: {mode: {str(n): [] for n in ns} for mode in ("seq", "threads")} for label, _ in IO_CONFIGS}
    for k in range(rounds):
        print("  io round %d/%d" % (k + 1, rounds), flush=True)
        for n in ns:
            for label, flags in IO_CONFIGS:
                for mode in ("seq", "threads"):
                    f = r.script(flags, "io_threads.py", [mode, str(n), str(sleeps)])
                    raw[label][mode][str(n)].append(f["elapsed_s"])
    out = {"sleeps_per_thread": sleeps, "sleep_s": 0.010, "threads": ns, "raw": raw, "speedup": {}}
    for label, _ in IO_CONFIGS:
        out["speedup"][label] = [med(raw[label]["seq"][str(n)]) / med(raw[label]["threads"][str(n)]) for n in ns]
    return out


def run_convoy(r, rounds, seconds):
    modes = ["io", "both", "cpu"]
    raw = {label: {m: [] for m in modes} for label, _ in CONVOY_CONFIGS}
    for k in range(rounds):
        print("  convoy round %d/%d" % (k + 1, rounds), flush=True)
        for label, flags in CONVOY_CONFIGS:
            for m in modes:
                f = r.script(flags, "convoy.py", [m, str(seconds), "--socket"], stats=(m == "both"))
                raw[label][m].append({"roundtrips_per_s": f["roundtrips_per_s"], "cpu_units_per_s": f["cpu_units_per_s"],
                                      "gil": f.get("gil")})
    out = {"seconds": seconds, "raw": raw, "alone": {}, "with_cpu": {}, "cpu_keeps": {}}
    for label, _ in CONVOY_CONFIGS:
        out["alone"][label] = med([x["roundtrips_per_s"] for x in raw[label]["io"]])
        out["with_cpu"][label] = med([x["roundtrips_per_s"] for x in raw[label]["both"]])
        out["cpu_keeps"][label] = (med([x["cpu_units_per_s"] for x in raw[label]["both"]]) /
                                   med([x["cpu_units_per_s"] for x in raw[label]["cpu"]]))
    return out


def run_interval(r, rounds, units):
    raw = {"seq": [], "python3 seq": [], "python3": [], "intervals": {str(ci): [] for ci in INTERVALS}}
    for k in range(rounds):
        print("  interval round %d/%d" % (k + 1, rounds), flush=True)
        raw["seq"].append(r.script(["--gil-policy", "fair"], "cpu_threads.py", ["seq", "1", str(units)])["elapsed_s"])
        for ci in INTERVALS:
            f = r.script(["--gil-policy", "fair", "--check-interval", str(ci)], "cpu_threads.py",
                         ["threads", "2", str(units)], stats=True)
            raw["intervals"][str(ci)].append({"elapsed_s": f["elapsed_s"], "gil": f["gil"]})
        raw["python3 seq"].append(r.script(None, "cpu_threads.py", ["seq", "1", str(units)])["elapsed_s"])
        raw["python3"].append(r.script(None, "cpu_threads.py", ["threads", "2", str(units)])["elapsed_s"])
    seq = med(raw["seq"])
    out = {"units": units, "intervals": INTERVALS, "raw": raw, "seq_s": seq,
           "ratio": [med([x["elapsed_s"] for x in raw["intervals"][str(ci)]]) / seq for ci in INTERVALS],
           "switches_per_s": [med([x["gil"]["switches_per_second"] for x in raw["intervals"][str(ci)]]) for ci in INTERVALS],
           "python3_ratio": med(raw["python3"]) / med(raw["python3 seq"])}
    return out


# ------------------------------------------------------------------------------------------------
# SVG
# ------------------------------------------------------------------------------------------------

def esc(s):
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def fmt_tick(v):
    if v == 0:
        return "0"
    if abs(v) >= 1000:
        return "{:,.0f}".format(v)
    if abs(v) >= 1:
        return "%g" % v
    return ("%.3f" % v).rstrip("0")


def linear_ticks(lo, hi):
    span = hi - lo
    step = 10 ** math.floor(math.log10(span / 5))
    for m in (1, 2, 5, 10):
        if span / (step * m) <= 6:
            step *= m
            break
    t = math.ceil(lo / step) * step
    ticks = []
    while t <= hi + step * 1e-9:
        ticks.append(round(t, 10))
        t += step
    return ticks


def log_ticks(lo, hi):
    ticks = []
    e = math.floor(math.log10(lo))
    mults = (1, 2, 5) if math.log10(hi / lo) <= 3.5 else (1,)
    while 10 ** e <= hi * 1.0001:
        for m in mults:
            v = m * 10 ** e
            if lo * 0.9999 <= v <= hi * 1.0001:
                ticks.append(v)
        e += 1
    return ticks


class Panel:
    """One chart: a plot area at (x, y, w, h) inside an SVG, categorical x, linear or log y."""

    def __init__(self, svg, x, y, w, h, title, xlabels, xtitle, ytitle, ylo, yhi, ylog=False, yticks=None):
        self.svg, self.x, self.y, self.w, self.h = svg, x, y, w, h
        self.xlabels, self.ylog = xlabels, ylog
        self.end_labels = []  # (y pixel, color, text), placed by finish()
        if ylog and yticks is None:
            ylo, yhi = 10 ** math.floor(math.log10(ylo)), 10 ** math.ceil(math.log10(yhi))
        self.ylo, self.yhi = ylo, yhi
        svg.append('<text x="%g" y="%g" class="title">%s</text>' % (x + w / 2, y - 12, esc(title)))
        svg.append('<rect x="%g" y="%g" width="%g" height="%g" class="frame"/>' % (x, y, w, h))
        ticks = yticks or (log_ticks(ylo, yhi) if ylog else linear_ticks(ylo, yhi))
        for t in ticks:
            py = self.py(t)
            svg.append('<line x1="%g" y1="%.1f" x2="%g" y2="%.1f" class="grid"/>' % (x, py, x + w, py))
            svg.append('<text x="%g" y="%.1f" class="ytick">%s</text>' % (x - 6, py + 4, fmt_tick(t)))
        for i, lab in enumerate(xlabels):
            px = self.px(i)
            svg.append('<line x1="%.1f" y1="%g" x2="%.1f" y2="%g" class="axis"/>' % (px, y + h, px, y + h + 5))
            for j, part in enumerate(str(lab).split("\n")):
                svg.append('<text x="%.1f" y="%g" class="xtick">%s</text>' % (px, y + h + 19 + 14 * j, esc(part)))
        svg.append('<text x="%g" y="%g" class="axtitle">%s</text>' % (x + w / 2, y + h + 50, esc(xtitle)))
        svg.append('<text transform="translate(%g,%g) rotate(-90)" class="axtitle">%s</text>'
                   % (x - 52, y + h / 2, esc(ytitle)))

    def px(self, i):
        n = len(self.xlabels)
        return self.x + self.w * (i + 0.5) / n

    def py(self, v):
        if self.ylog:
            v = max(v, self.ylo)
            f = (math.log10(v) - math.log10(self.ylo)) / (math.log10(self.yhi) - math.log10(self.ylo))
        else:
            f = (v - self.ylo) / (self.yhi - self.ylo)
        return self.y + self.h * (1 - f)

    def line(self, values, color, dash=None, labels="none", fmt=lambda v: "%.2f" % v, markers=True):
        """labels: "all" writes each value next to its point, "end" only the last one (to the
        right of the plot, moved apart from the other series' end labels by finish())."""
        pts = [(self.px(i), self.py(v)) for i, v in enumerate(values) if v is not None]
        style = ' stroke-dasharray="%s"' % dash if dash else ""
        self.svg.append('<polyline points="%s" fill="none" stroke="%s" stroke-width="2"%s/>'
                        % (" ".join("%.1f,%.1f" % p for p in pts), color, style))
        for (px, py), v in zip(pts, [v for v in values if v is not None]):
            if markers:
                self.svg.append('<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"/>' % (px, py, color))
            if labels == "all":
                self.svg.append('<text x="%.1f" y="%.1f" class="val" fill="%s">%s</text>' % (px + 6, py - 6, color, fmt(v)))
        if labels == "end" and pts:
            self.end_labels.append((pts[-1][1], color, fmt([v for v in values if v is not None][-1])))

    def finish(self):
        placed = []
        for py, color, text in sorted(self.end_labels):
            if placed and py < placed[-1] + 13:
                py = placed[-1] + 13
            placed.append(py)
            self.svg.append('<text x="%g" y="%.1f" class="val" fill="%s">%s</text>' % (self.x + self.w + 6, py + 4, color, esc(text)))

    def hline(self, v, color, dash, text):
        py = self.py(v)
        self.svg.append('<line x1="%g" y1="%.1f" x2="%g" y2="%.1f" stroke="%s" stroke-width="1.5" stroke-dasharray="%s"/>'
                        % (self.x, py, self.x + self.w, py, color, dash))
        self.svg.append('<text x="%g" y="%.1f" class="note" fill="%s">%s</text>' % (self.x + self.w - 4, py - 5, color, esc(text)))

    def bars(self, series, fmt):
        """series: [(name, values, color)], grouped per x label."""
        n = len(series)
        slot = self.w / len(self.xlabels)
        bw = slot * 0.8 / n
        base = self.py(self.ylo)
        for k, (name, values, color) in enumerate(series):
            for i, v in enumerate(values):
                bx = self.x + slot * i + slot * 0.1 + bw * k
                top = self.py(v)
                self.svg.append('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>'
                                % (bx, top, bw - 2, base - top, color))
                self.svg.append('<text x="%.1f" y="%.1f" class="barval">%s</text>' % (bx + (bw - 2) / 2, top - 4, fmt(v)))

    def legend(self, entries, x=None, y=None):
        x = self.x + 10 if x is None else x
        y = self.y + 10 if y is None else y
        width = max([len(name) for name, _, _ in entries]) * 6.6 + 40
        self.svg.append('<rect x="%g" y="%g" width="%g" height="%g" class="legend"/>' % (x, y, width, 18 * len(entries) + 8))
        for i, (name, color, dash) in enumerate(entries):
            ly = y + 15 + 18 * i
            style = ' stroke-dasharray="%s"' % dash if dash else ""
            self.svg.append('<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="%s" stroke-width="%s"%s/>'
                            % (x + 6, ly - 4, x + 28, ly - 4, color, 2 if dash != "bar" else 8, style if dash != "bar" else ""))
            self.svg.append('<text x="%g" y="%g" class="legtext">%s</text>' % (x + 34, ly, esc(name)))


STYLE = """<style>
text { font-family: DejaVu Sans, Helvetica, Arial, sans-serif; font-size: 12px; fill: #222; }
.title { font-size: 14px; font-weight: bold; text-anchor: middle; }
.subtitle { font-size: 11px; fill: #555; text-anchor: middle; }
.frame { fill: #fff; stroke: #444; stroke-width: 1; }
.grid { stroke: #ddd; stroke-width: 1; }
.axis { stroke: #444; stroke-width: 1; }
.ytick { text-anchor: end; font-size: 11px; }
.xtick { text-anchor: middle; font-size: 11px; }
.axtitle { text-anchor: middle; font-size: 12px; }
.val { font-size: 10px; }
.barval { font-size: 10px; text-anchor: middle; }
.note { font-size: 10px; text-anchor: end; }
.legend { fill: #fff; fill-opacity: 0.9; stroke: #aaa; }
.legtext { font-size: 11px; }
</style>"""


def write_svg(path, width, height, body, subtitle):
    with open(path, "w") as fh:
        fh.write('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">\n'
                 % (width, height, width, height))
        fh.write(STYLE + "\n")
        fh.write('<rect width="100%" height="100%" fill="#fff"/>\n')
        fh.write("\n".join(body) + "\n")
        for i, part in enumerate(subtitle):
            fh.write('<text x="%g" y="%g" class="subtitle">%s</text>\n' % (width / 2, height - 24 + 14 * i, esc(part)))
        fh.write("</svg>\n")
    print("wrote", os.path.relpath(path, ROOT))


def subtitle(data, experiment):
    m = data["machine"]
    others = data.get("others_busy", {}).get(experiment)
    load = ("other processes kept the machine %.0f%% busy meanwhile" % (100 * others) if others is not None
            else "load average %.1f at the start" % m["loadavg_start"][0])
    return ["%s, %s vCPUs (%s), gilvm %s build, %s" % (m["date"], m["nproc"], m["cpu"], m.get("build", "?"), m["python"]),
            "medians of %d interleaved rounds; %s" % (data["rounds"], load)]


def display(data, label):
    """A configuration's name in plots and tables: python3 becomes "CPython 3.11.7"."""
    return "CPython " + data["machine"]["python_version"] if label == "python3" else label


def fmt_speedup(v):
    return "%.3f" % v if v < 0.1 else "%.2f" % v


def plot_cpu(data, out_dir):
    cpu = data["cpu"]
    ns = cpu["threads"]
    ideal = [min(n, data["machine"]["nproc"]) for n in ns]
    vals = [v for label in cpu["speedup"] for v in cpu["speedup"][label]] + ideal
    body = []
    p = Panel(body, 80, 50, 520, 330, "CPU-bound threads: speedup over one thread (higher is better)",
              [str(n) for n in ns], "threads (the same total work split over them)", "speedup (log scale)",
              min(vals), max(vals), ylog=True)
    p.line(ideal, COLORS["ideal"], dash="2,4")
    entries = [("ideal without a GIL (%d cores)" % data["machine"]["nproc"], COLORS["ideal"], "2,4")]
    for label, _ in CPU_CONFIGS:
        dash = "6,3" if label == "python3" else None
        p.line(cpu["speedup"][label], COLORS[label], dash=dash, labels="end", fmt=fmt_speedup)
        entries.append((display(data, label), COLORS[label], dash))
    p.finish()
    p.legend(entries, x=p.x + p.w + 50, y=p.y)
    write_svg(os.path.join(out_dir, "gil_cpu_speedup.svg"), 900, 480, body, subtitle(data, "cpu"))


def plot_io(data, out_dir):
    io = data["io"]
    ns = io["threads"]
    body = []
    p = Panel(body, 80, 50, 520, 330, "IO-bound threads (10 ms sleeps): speedup over one thread",
              [str(n) for n in ns], "threads (each sleeps %d times)" % io["sleeps_per_thread"],
              "speedup (log scale)", 0.8, 20, ylog=True, yticks=[1, 2, 4, 8, 16])
    p.line(ns, COLORS["ideal"], dash="2,4")
    entries = [("ideal", COLORS["ideal"], "2,4")]
    for label, _ in IO_CONFIGS:
        dash = "6,3" if label == "python3" else None
        p.line(io["speedup"][label], COLORS[label], dash=dash, labels="end", fmt=lambda v: "%.1f" % v)
        entries.append((display(data, label), COLORS[label], dash))
    p.finish()
    p.legend(entries, x=p.x + p.w + 50, y=p.y)
    write_svg(os.path.join(out_dir, "gil_io_speedup.svg"), 820, 480, body, subtitle(data, "io"))


def plot_convoy(data, out_dir):
    cv = data["convoy"]
    labels = [label for label, _ in CONVOY_CONFIGS]
    xl = ["%s\nCPU thread keeps %.0f%%" % (display(data, lab), 100 * cv["cpu_keeps"][lab]) for lab in labels]
    vals = [cv["alone"][lab] for lab in labels] + [cv["with_cpu"][lab] for lab in labels]
    body = []
    p = Panel(body, 80, 50, 620, 330, "Convoy: socketpair echo round trips per second",
              xl, "", "round trips / s (log scale)", min(vals), max(vals) * 1.5, ylog=True)
    p.bars([("alone", [cv["alone"][lab] for lab in labels], "#9ecae1"),
            ("next to a CPU-bound thread", [cv["with_cpu"][lab] for lab in labels], "#3182bd")],
           lambda v: "{:,.0f}".format(v))
    p.legend([("echo alone", "#9ecae1", "bar"), ("echo next to a CPU-bound thread", "#3182bd", "bar")],
             x=p.x + p.w + 20, y=p.y)
    write_svg(os.path.join(out_dir, "gil_convoy.svg"), 980, 480, body, subtitle(data, "convoy"))


def plot_interval(data, out_dir):
    iv = data["interval"]
    xl = [str(ci) if ci else "0\n(15 ms slice)" for ci in iv["intervals"]]
    body = []
    vals = iv["ratio"] + [iv["python3_ratio"], 1.0]
    p = Panel(body, 80, 50, 340, 300, "Time, 2 threads / the same work in 1", xl, "check interval (fair)",
              "time ratio (log scale; 1 = no cost)", min(vals), max(vals), ylog=True)
    p.line([1.0] * len(xl), COLORS["ideal"], dash="2,4", markers=False)
    p.line([iv["python3_ratio"]] * len(xl), COLORS["python3"], dash="6,3", markers=False)
    p.line(iv["ratio"], COLORS["gilvm fair"], labels="all")
    p.legend([("gilvm fair", COLORS["gilvm fair"], None),
              ("%s: %.2fx" % (display(data, "python3"), iv["python3_ratio"]), COLORS["python3"], "6,3"),
              ("1 thread", COLORS["ideal"], "2,4")], x=p.x + p.w - 200, y=p.y + 8)
    sw = [max(v, 1) for v in iv["switches_per_s"]]
    q = Panel(body, 540, 50, 340, 300, "GIL switches per second", xl, "check interval (fair)",
              "switches / s (log scale)", min(sw), max(sw), ylog=True)
    q.line(sw, COLORS["gilvm fair"], labels="all", fmt=lambda v: "{:,.0f}".format(v))
    write_svg(os.path.join(out_dir, "gil_check_interval.svg"), 920, 450, body, subtitle(data, "interval"))


def markdown(data):
    m = data["machine"]
    py = "CPython " + m["python_version"]
    lines = ["# GIL experiments (bench/gil_plots.py)", "",
             "Written by `bench/gil_plots.py`; %s, %s vCPUs (%s), kernel %s, gilvm %s, %s. "
             "Each figure is the median of %d interleaved rounds. Load average %.2f at the start, %.2f at the end."
             % (m["date"], m["nproc"], m["cpu"], m["kernel"], m.get("build", "?"), py, data["rounds"],
                m["loadavg_start"][0], m.get("loadavg_end", [float("nan")])[0]), ""]
    name = lambda label: display(data, label)

    def load(experiment):
        others = data.get("others_busy", {}).get(experiment)
        if others is not None:
            return ["Other processes kept the machine %.0f%% busy during this experiment." % (100 * others), ""]
        before = data.get("busy_before", {}).get(experiment)
        if before is not None:
            return ["The machine was %.0f%% busy with other work in the second before this experiment." % (100 * before), ""]
        return []
    if "cpu" in data:
        cpu = data["cpu"]
        lines += ["## CPU-bound threads (cpu_threads.py, %s units)" % "{:,}".format(cpu["units"]), "",
                  "Speedup = median sequential time / median threaded time (higher is better; 1.00 = no speedup).", ""] + load("cpu") + [
                  "| configuration | 1 thread (s) | N=1 | N=2 | N=4 | switches/s N=2 | GIL held N=2 |", "| --- | --- | --- | --- | --- | --- | --- |"]
        for label, _ in CPU_CONFIGS:
            s = cpu["speedup"][label]
            sw = cpu["switches_per_s"].get(label)
            held = cpu["held"].get(label)
            lines.append("| %s | %.3f | %.2f | %.2f | %.2f | %s | %s |" % (
                name(label), cpu["seq_s"][label], s[0], s[1], s[2],
                "{:,.0f}".format(sw[1]) if sw else "-", "%.0f%%" % (100 * held[1]) if held else "-"))
        lines.append("")
    if "io" in data:
        io = data["io"]
        lines += ["## IO-bound threads (io_threads.py, %d sleeps of 10 ms per thread)" % io["sleeps_per_thread"], ""] + load("io") + [
                  "| threads | " + " | ".join(name(label) for label, _ in IO_CONFIGS) + " |",
                  "| --- |" + " --- |" * len(IO_CONFIGS)]
        for i, n in enumerate(io["threads"]):
            lines.append("| %d | %s |" % (n, " | ".join("%.2f" % io["speedup"][label][i] for label, _ in IO_CONFIGS)))
        lines.append("")
    if "convoy" in data:
        cv = data["convoy"]
        lines += ["## Convoy (convoy.py --socket, %g s per run)" % cv["seconds"], ""] + load("convoy") + [
                  "| configuration | round trips/s alone | next to a CPU thread | ratio | CPU thread keeps |",
                  "| --- | --- | --- | --- | --- |"]
        for label, _ in CONVOY_CONFIGS:
            lines.append("| %s | %s | %s | %.3f | %.0f%% |" % (
                name(label), "{:,.0f}".format(cv["alone"][label]), "{:,.0f}".format(cv["with_cpu"][label]),
                cv["with_cpu"][label] / cv["alone"][label], 100 * cv["cpu_keeps"][label]))
        lines.append("")
    if "interval" in data:
        iv = data["interval"]
        lines += ["## Check-interval sweep (2 threads, fair, %s units; 1 thread: %.3f s)" % ("{:,}".format(iv["units"]), iv["seq_s"]), ""] + load("interval") + [
                  "| check interval | time / 1-thread time | switches/s |", "| --- | --- | --- |"]
        for ci, ratio, sw in zip(iv["intervals"], iv["ratio"], iv["switches_per_s"]):
            lines.append("| %s | %.2f | %s |" % (ci if ci else "0 (15 ms slice)", ratio, "{:,.0f}".format(sw)))
        lines.append("| %s, 2 threads | %.2f | - |" % (py, iv["python3_ratio"]))
        lines.append("")
    return "\n".join(lines)


def plot_all(data, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for key, fn in (("cpu", plot_cpu), ("io", plot_io), ("convoy", plot_convoy), ("interval", plot_interval)):
        if key in data:
            fn(data, out_dir)
    path = os.path.join(out_dir, "gil_figures.md")
    with open(path, "w") as fh:
        fh.write(markdown(data))
    print("wrote", os.path.relpath(path, ROOT))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gilvm", default=os.path.join(ROOT, "build", "gilvm"), help="gilvm binary (default build/gilvm)")
    ap.add_argument("--python", default="python3", help="CPython for the reference (default python3)")
    ap.add_argument("--runs", type=int, help="rounds (default 5, --quick 2)")
    ap.add_argument("--quick", action="store_true", help="less work and fewer rounds: a rough look")
    ap.add_argument("--only", help="comma-separated experiments (cpu,io,convoy,interval; default all)")
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "img"), help="output folder (default docs/img)")
    ap.add_argument("--replot", metavar="JSON", help="redraw the plots from a gil_figures.json, running nothing")
    ap.add_argument("--wait-quiet", type=float, metavar="FRACTION",
                    help="before each experiment, wait until other work uses less than FRACTION of the machine")
    ap.add_argument("--timeout", type=float, default=120, help="seconds allowed per run (default 120)")
    args = ap.parse_args()

    if args.replot:
        with open(args.replot) as fh:
            plot_all(json.load(fh), args.out)
        return
    if not os.access(args.gilvm, os.X_OK):
        sys.exit("gil_plots.py: %s not found; build it first" % args.gilvm)
    rounds = args.runs or (2 if args.quick else 5)
    only = args.only.split(",") if args.only else ["cpu", "io", "convoy", "interval"]
    info = gb.machine_info()
    info["python_version"] = gb.subprocess.run([args.python, "-c", "import platform; print(platform.python_version())"],
                                               capture_output=True, text=True).stdout.strip()
    info["python"] = "CPython " + info["python_version"]
    info["gilvm"] = os.path.abspath(args.gilvm)
    cache = os.path.join(os.path.dirname(os.path.abspath(args.gilvm)), "CMakeCache.txt")
    if os.path.exists(cache):
        with open(cache) as fh:
            for line in fh:
                if line.startswith("CMAKE_BUILD_TYPE:"):
                    info["build"] = line.split("=", 1)[1].strip()
    data = {"machine": info, "rounds": rounds, "busy_before": {}, "others_busy": {}}
    r = Runner(args)
    experiments = {
        "cpu": lambda: run_cpu(r, rounds, 100_000 if args.quick else 200_000),
        "io": lambda: run_io(r, rounds, 3 if args.quick else 5),
        "convoy": lambda: run_convoy(r, rounds, 0.3 if args.quick else 0.5),
        "interval": lambda: run_interval(r, rounds, 100_000 if args.quick else 200_000),
    }
    print("gil_plots: %s, %s cores, %s; %d rounds" % (info["cpu"], info["nproc"], info["python"], rounds))
    for name in only:
        if args.wait_quiet is not None:
            gb.wait_quiet(args.wait_quiet)
        busy = gb.machine_busy(1.0)
        data["busy_before"][name] = busy
        print("%s: the machine was %.0f%% busy in the second before; load average %.2f"
              % (name, 100 * busy, os.getloadavg()[0]), flush=True)
        start, load = time.time(), OthersLoad()
        data[name] = experiments[name]()
        data["others_busy"][name] = load.fraction()
        print("  %.0f s; other processes kept the machine %.0f%% busy meanwhile"
              % (time.time() - start, 100 * data["others_busy"][name]))
    info["loadavg_end"] = os.getloadavg()
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "gil_figures.json"), "w") as fh:
        json.dump(data, fh, indent=1)
    plot_all(data, args.out)


if __name__ == "__main__":
    main()
