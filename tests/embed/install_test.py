"""Checks that hosts can build against gilvm: installed (find_package) and as a subdirectory.

Usage: install_test.py --build-dir DIR --source-dir DIR --cmake CMAKE --cxx CXX
                       [--cxx-flags FLAGS] [--launcher LAUNCHER]

1. `cmake --install BUILD --prefix TMP/prefix` (the build tree as it is: nothing is rebuilt);
   the prefix must hold the public header and no other, the libraries and the CMake package.
2. tests/embed/consumer/ is configured out of tree with find_package(gilvm) against that prefix,
   built (one file), run, and its output checked.
3. The same consumer is configured with add_subdirectory(<gilvm source>), and Ninja's dry run
   (ninja -t commands) must plan a complete build of it. Building it for real compiles all of gilvm a second
   time (minutes on a 2-core machine), so that happens only with GILVM_INSTALL_TEST_FULL=1.
--cxx-flags passes the build's sanitizer flags to the consumer: a sanitized gilvm needs a
sanitized link. Takes about 15 s.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CONSUMER = os.path.join(HERE, "consumer")
EXPECTED = "consumer x2 mbddd {\"x\": 3, \"y\": 4}\nhypot: 5\nerror: ZeroDivisionError\n"


def run(cmd, **kw):
    print("+", " ".join(cmd), flush=True)
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        print(r.stdout)
        print(r.stderr)
        sys.exit(f"FAIL: {cmd[0]} exited with {r.returncode}")
    return r.stdout


def configure(args, build, mode, extra):
    cmd = [args.cmake, "-S", CONSUMER, "-B", build, "-G", "Ninja", f"-DGILVM_CONSUMER_MODE={mode}",
           f"-DCMAKE_CXX_COMPILER={args.cxx}", "-DCMAKE_BUILD_TYPE=RelWithDebInfo"]
    if args.cxx_flags:
        cmd.append(f"-DCMAKE_CXX_FLAGS={args.cxx_flags}")
    if args.launcher:
        cmd.append(f"-DCMAKE_CXX_COMPILER_LAUNCHER={args.launcher}")
    run(cmd + extra)


def check_prefix(prefix):
    headers = []
    for root, _, files in os.walk(os.path.join(prefix, "include")):
        headers += [os.path.relpath(os.path.join(root, f), prefix) for f in files]
    if headers != ["include/gilvm/gilvm.h"]:
        sys.exit(f"FAIL: installed headers {sorted(headers)}, expected only include/gilvm/gilvm.h")
    libdirs = [d for d in ("lib", "lib64") if os.path.isdir(os.path.join(prefix, d))]
    if len(libdirs) != 1:
        sys.exit(f"FAIL: library directories {libdirs}")
    lib = os.path.join(prefix, libdirs[0])
    for name in ("libgilvm_embed.a", "libgilvm_vm.a", "libgilvm_stdlib.a", "libgilvm_compiler.a",
                 "cmake/gilvm/gilvmConfig.cmake", "cmake/gilvm/gilvmConfigVersion.cmake",
                 "cmake/gilvm/gilvmTargets.cmake"):
        if not os.path.exists(os.path.join(lib, name)):
            sys.exit(f"FAIL: {libdirs[0]}/{name} was not installed")


def check_output(exe):
    out = run([exe])
    if out != EXPECTED:
        sys.exit(f"FAIL: {exe} printed:\n{out}\nexpected:\n{EXPECTED}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build-dir", required=True)
    ap.add_argument("--source-dir", required=True)
    ap.add_argument("--cmake", required=True)
    ap.add_argument("--cxx", required=True)
    ap.add_argument("--cxx-flags", default="")
    ap.add_argument("--launcher", default="")
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="gilvm-install-test.")
    try:
        prefix = os.path.join(tmp, "prefix")
        run([args.cmake, "--install", args.build_dir, "--prefix", prefix])
        check_prefix(prefix)

        # find_package(gilvm) from the prefix: the consumer's own build, out of both trees.
        pkg = os.path.join(tmp, "package")
        configure(args, pkg, "package", [f"-DCMAKE_PREFIX_PATH={prefix}"])
        run([args.cmake, "--build", pkg])
        check_output(os.path.join(pkg, "consumer"))
        print("package: ok")

        # add_subdirectory(<gilvm source>).
        sub = os.path.join(tmp, "subdirectory")
        configure(args, sub, "subdirectory", [f"-DGILVM_SOURCE_DIR={args.source_dir}"])
        if os.environ.get("GILVM_INSTALL_TEST_FULL") == "1":
            run([args.cmake, "--build", sub, "--target", "consumer"])
            check_output(os.path.join(sub, "consumer"))
            print("subdirectory: built and ran")
        else:
            # Every command that building the consumer takes (ninja -n would stop at the check
            # of gilvm's CONFIGURE_DEPENDS globs, which CMake always schedules first).
            plan = run(["ninja", "-C", sub, "-t", "commands", "consumer"])
            for needed in ("libgilvm_embed.a", "libgilvm_vm.a", "libgilvm_stdlib.a", "libgilvm_compiler.a",
                           "frozen_modules.cc", "unicode_names.cc", "-o consumer"):
                if needed not in plan:
                    sys.exit(f"FAIL: the add_subdirectory build plan does not make {needed}:\n{plan}")
            for unwanted in ("unit_tests", "embed_tests", "examples/embed", "bench"):
                if unwanted in plan:
                    sys.exit(f"FAIL: the add_subdirectory build of the host builds gilvm's {unwanted}")
            print("subdirectory: configured, build plan complete (GILVM_INSTALL_TEST_FULL=1 builds it)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("PASS")


if __name__ == "__main__":
    main()
