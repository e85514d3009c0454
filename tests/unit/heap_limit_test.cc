// The heap limit (InterpreterOptions::max_heap_bytes, vm/heap.h): every way a script can eat
// memory ends in a MemoryError the script can catch, before the process grows much beyond the
// limit; afterwards the interpreter works again, and without a limit nothing changes.
#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/unit/run_source.h"
#include "vm/interpreter.h"

namespace gilvm::vm {
namespace {

constexpr size_t kMiB = size_t{1} << 20;

bool GcStress() {
  const char* s = std::getenv("GILVM_GC_STRESS");
  return s != nullptr && std::string_view(s) == "1";
}

// A field of /proc/self/status in bytes ("VmRSS", "VmHWM"), 0 if unreadable.
size_t ProcStatusBytes(std::string_view field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.starts_with(field) && line.size() > field.size() && line[field.size()] == ':')
      return std::strtoull(line.c_str() + field.size() + 1, nullptr, 10) * 1024;
  return 0;
}

// Resets VmHWM to the current RSS (Linux >= 4.0); false if the kernel does not allow it.
bool ResetPeakRss() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return out.good();
}

struct LimitedRun {
  int status;
  std::string out, err;
  size_t rss_growth;      // peak RSS during the run minus RSS before it
  size_t estimate_after;  // the heap's estimate at the end
};

LimitedRun RunLimited(std::string_view source, size_t limit) {
  LimitedRun r{};
  InterpreterOptions options;
  options.max_heap_bytes = limit;
  options.write_stdout = [&r](std::string_view s) { r.out.append(s); };
  options.write_stderr = [&r](std::string_view s) { r.err.append(s); };
  Interpreter interp(std::move(options));
  malloc_trim(0);  // memory earlier tests freed is returned, so it is not reused unseen
  bool peak = ResetPeakRss();
  size_t before = ProcStatusBytes("VmRSS");
  r.status = interp.RunMain(source, "limit.py");
  size_t after = ProcStatusBytes(peak ? "VmHWM" : "VmRSS");
  r.rss_growth = after > before ? after - before : 0;
  r.estimate_after = interp.heap.estimated_bytes();
  return r;
}

// Each workload runs `grow()` under the limit; the script catches the MemoryError, drops what it
// built, then allocates a fair share of the limit again and reports.
std::string Workload(std::string_view grow_body, int again) {
  return absl::StrCat(
      "def grow():\n", std::string(grow_body),
      "try:\n"
      "    keep = grow()\n"
      "    print('no error')\n"
      "except MemoryError:\n"
      "    print('MemoryError')\n"
      "keep = None\n"
      "again = [str(i) for i in range(", again / 10, ")] + [0] * ", again - again / 10, "\n"
      "print('again', len(again))\n");
}

struct Case {
  const char* name;
  const char* body;  // the body of grow(), indented by 4
};

// Sizes: each one, unlimited, wants far more than the limit (gigabytes), so only the limit stops it.
const Case kWorkloads[] = {
    {"small tuples", "    x = []\n    while True:\n        x.append((len(x), 1))\n"},
    {"small strs", "    x = []\n    while True:\n        x.append(str(len(x)) + 'abc')\n"},
    {"small dicts", "    x = []\n    while True:\n        x.append({'k': len(x)})\n"},
    {"list repeat", "    return [0] * 10**8\n"},
    {"str repeat", "    return 'x' * 10**9\n"},
    {"bytearray(n)", "    return bytearray(10**9)\n"},
    {"list.append of ints", "    x = []\n    for i in range(10**9):\n        x.append(i)\n"},
    {"list comprehension of ints", "    return [i for i in range(10**9)]\n"},
    {"dict growth", "    d = {}\n    for i in range(10**9):\n        d[i] = i\n"},
    {"set growth", "    s = set()\n    for i in range(10**9):\n        s.add(i)\n"},
    {"str.join", "    part = 'y' * 100000\n    return '-'.join([part] * 2000)\n"},
    {"str.join of a generator", "    return ''.join('abcdefgh' for i in range(10**9))\n"},
    {"bytes concatenation", "    b = b'x' * 1000\n    while True:\n        b = b + b\n"},
    {"bytearray +=", "    b = bytearray()\n    while True:\n        b += b'z' * 100000\n"},
    {"range to list", "    return list(range(10**9))\n"},
    {"big int pow", "    return 10**10**9\n"},
    {"big ints kept", "    x = []\n    while True:\n        x.append(1 << (8 * 2**20 + len(x)))\n"},
};

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

size_t LimitForTests() { return GcStress() ? 8 * kMiB : 32 * kMiB; }

TEST(HeapLimitTest, EveryWorkloadRaisesMemoryErrorThatTheScriptCatches) {
  size_t limit = LimitForTests();
  for (const Case& c : kWorkloads) {
    // Under GC stress (a collection per allocation) the many-small-objects cases take too long.
    if (GcStress() && std::string_view(c.name).starts_with("small")) continue;
    int again = GcStress() ? 2000 : 220000;  // a fair share of the limit, allocated afterwards
    LimitedRun r = RunLimited(Workload(c.body, again), limit);
    EXPECT_EQ(r.status, 0) << c.name << "\n" << r.err;
    EXPECT_EQ(r.out, absl::StrCat("MemoryError\nagain ", again, "\n")) << c.name << "\n" << r.err;
    // Under a sanitizer RSS says nothing about the heap: ASan quarantines freed memory (bytearray
    // += grew 37 MiB against an 8 MiB limit) and TSan's allocator and shadow pages add more (115-190
    // MiB). The heap's own estimate, below, is checked everywhere.
    if (!kSanitized) EXPECT_LT(r.rss_growth, 4 * limit) << c.name;
    EXPECT_LT(r.estimate_after, limit + limit / 8 + kMiB) << c.name;
    std::printf("[ rss      ] %-28s limit %3zu MiB, RSS grew %6.1f MiB\n", c.name, limit / kMiB,
                static_cast<double>(r.rss_growth) / static_cast<double>(kMiB));
  }
}

TEST(HeapLimitTest, HugeRequestsFailBeforeAllocating) {
  // With the limit these fail at once, without trying to allocate (no RSS growth to speak of).
  LimitedRun r = RunLimited(
      "for f in (lambda: 'x' * 10**12, lambda: [None] * 10**11, lambda: b'ab' * 10**11,\n"
      "          lambda: bytearray(10**12), lambda: (1,) * 10**11, lambda: 10**10**10, lambda: 1 << 10**11):\n"
      "    try:\n"
      "        f()\n"
      "    except MemoryError:\n"
      "        print('MemoryError')\n",
      LimitForTests());
  EXPECT_EQ(r.status, 0) << r.err;
  std::string seven;
  for (int i = 0; i < 7; ++i) seven += "MemoryError\n";
  EXPECT_EQ(r.out, seven);
  EXPECT_LT(r.rss_growth, 16 * kMiB);
}

TEST(HeapLimitTest, UncaughtMemoryErrorEndsTheScriptWithATraceback) {
  LimitedRun r = RunLimited("def f():\n    return [i for i in range(10**9)]\nprint('start')\nf()\nprint('never')\n",
                            LimitForTests());
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "start\n");
  EXPECT_NE(r.err.find("Traceback (most recent call last):"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("line 4"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("MemoryError"), std::string::npos) << r.err;
}

TEST(HeapLimitTest, MemoryErrorRaisedInsideAnInstructionIsCaughtInTheSameFrame) {
  if (GcStress()) GTEST_SKIP() << "fills the limit with small objects: too slow with a collection per allocation";
  // LIST_APPEND and BUILD_TUPLE fail inside the eval loop (not in a native): the handler in the
  // very frame that failed still catches it, repeatedly, and the loop around it goes on.
  LimitedRun r = RunLimited(
      "caught = 0\n"
      "for round in range(3):\n"
      "    try:\n"
      "        x = [(i, round) for i in range(10**9)]\n"
      "    except MemoryError as e:\n"
      "        caught += 1\n"
      "        assert e.__traceback__ is not None\n"
      "    x = None\n"
      "print('caught', caught)\n",
      LimitForTests());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "caught 3\n");
}

TEST(HeapLimitTest, ALimitBigEnoughForTheScriptChangesNothing) {
  if (GcStress()) GTEST_SKIP() << "fills the limit with small objects: too slow with a collection per allocation";
  const char* script =
      "import json, re, collections\n"
      "data = [{'id': i, 'name': 'item%d' % i, 'tags': ['a', 'b', str(i % 7)]} for i in range(3000)]\n"
      "text = json.dumps(data)\n"
      "back = json.loads(text)\n"
      "words = re.findall(r'item(\\d+)', text)\n"
      "counts = collections.Counter(d['tags'][2] for d in back)\n"
      "dq = collections.deque(range(10000), maxlen=100)\n"
      "print(len(text), len(back), len(words), sorted(counts.items()), sum(dq))\n";
  RunResult free_run = RunSource(script);
  ASSERT_EQ(free_run.status, 0) << free_run.err;
  LimitedRun limited = RunLimited(script, 64 * kMiB);
  EXPECT_EQ(limited.status, 0) << limited.err;
  EXPECT_EQ(limited.out, free_run.out);
}

TEST(HeapLimitTest, WithoutALimitBigAllocationsStillWork) {
  // 48 MiB of list items: over the tests' limit, fine without one; absurd sizes fail as before.
  RunResult r = RunSource(
      "x = [0] * (3 * 2**20)\nprint(len(x))\n"
      "try:\n    'x' * 10**12\nexcept MemoryError:\n    print('MemoryError')\n");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "3145728\nMemoryError\n");
  LimitedRun limited = RunLimited("try:\n    x = [0] * (3 * 2**20)\nexcept MemoryError:\n    print('MemoryError')\n",
                                  LimitForTests());
  EXPECT_EQ(limited.out, "MemoryError\n");
}

// Without a limit, a result big against the live heap collects first, so the garbage it
// replaces (the last call's list, as in a sieve run in rounds) is freed before it is allocated:
// the heap holds one such list at a time, not two.
TEST(HeapLimitTest, WithoutALimitABigResultCollectsTheGarbageItReplacesFirst) {
  const size_t list_bytes = 2000000 * sizeof(Value);
  for (bool enabled : {true, false}) {
    InterpreterOptions options;
    std::string err;
    options.write_stderr = [&err](std::string_view s) { err.append(s); };
    Interpreter interp(std::move(options));
    interp.heap.set_stress(false);  // counts collections: one per allocation would say nothing
    ASSERT_EQ(interp.RunMain("def make():\n    return [True] * 2000000\nmake()\n", "test.py"), 0) << err;
    interp.heap.set_enabled(enabled);
    ASSERT_GT(interp.heap.estimated_bytes(), list_bytes);  // the list, garbage now
    size_t collections = interp.heap.collections();
    EXPECT_TRUE(interp.heap.Fits(list_bytes));  // what `[True] * 2000000` asks before allocating
    if (enabled) {
      EXPECT_EQ(interp.heap.collections(), collections + 1);
      EXPECT_LT(interp.heap.estimated_bytes(), list_bytes / 2);
      // Made for real, such a list collects once, before it is taken; charging it then does
      // not start a second collection.
      collections = interp.heap.collections();
      ASSERT_EQ(interp.RunMain("kept = [True] * 2000000\n", "again.py"), 0) << err;
      EXPECT_EQ(interp.heap.collections(), collections + 1);
    } else {  // collecting off: nothing collects early either
      EXPECT_EQ(interp.heap.collections(), collections);
    }
  }
}

TEST(HeapLimitTest, TheReserveLetsTheHandlerWorkAndIsTakenBackAfterwards) {
  if (GcStress()) GTEST_SKIP() << "fills the limit with small objects: too slow with a collection per allocation";
  // After a failure the handler may allocate (the reserve), and once the script dropped its big
  // objects half the limit is available again, failure after failure.
  size_t limit = LimitForTests();
  LimitedRun r = RunLimited(absl::StrCat(
      "def fill():\n"
      "    x = []\n"
      "    while True:\n"
      "        x.append(str(len(x)))\n"
      "for round in range(3):\n"
      "    try:\n"
      "        fill()\n"
      "    except MemoryError:\n"
      "        msg = ['handler allocates %d' % i for i in range(1000)]\n"
      "        print('round', round, len(msg))\n"
      "big = [0] * ", limit / 16 / 2, "\n"
      "print('big', len(big))\n"),
      limit);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, absl::StrCat("round 0 1000\nround 1 1000\nround 2 1000\nbig ", limit / 32, "\n"));
}

}  // namespace
}  // namespace gilvm::vm
