// Tests of _random and random.py's gilvm-specific behaviour, which golden tests cannot show
// (CPython has no such limits): SHA-512 against known digests, the int64 limit of
// getrandbits(), and the generator's state-word layout.
#include <string>

#include "gtest/gtest.h"
#include "tests/unit/run_source.h"
#include "stdlib/sha512.h"
#include "vm/interpreter.h"

namespace gilvm::vm {
namespace {

std::string Hex(const std::array<uint8_t, 64>& digest) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (uint8_t b : digest) {
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

// Digests from hashlib.sha512, covering the empty message, one block, and several blocks.
TEST(RandomTest, Sha512MatchesKnownDigests) {
  EXPECT_EQ(Hex(stdlib::Sha512("")),
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
            "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
  EXPECT_EQ(Hex(stdlib::Sha512("abc")),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
  EXPECT_EQ(Hex(stdlib::Sha512(std::string(200, 'x'))),
            "ef978e23dc520404ae16fd17bde9ee5945610d671551d6863a5ffbc99433fc72"
            "6726e51f989b886191be9325b8f8b03b1a63fe3e5eff23d126c2f41f07d2bf87");
}

TEST(RandomTest, Sha512HexFromPython) {
  RunResult r = RunSource("import _random\nprint(_random._sha512_hex('h\\u00e9llo'))\n");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "a67e831011aa41ebb2a218c8ff727f1c60d62f06e1681678d176a81cd72ee69e"
            "7250c4c943cacbab28e42768615a5c41b6b0d42591d2c26a65670b38e97306dc\n");
}

// getrandbits(k) for k > 63 builds a big int from 32-bit words exactly as CPython does.
TEST(RandomTest, GetrandbitsBeyondInt64) {
  RunResult r = RunSource(R"(
import random
r = random.Random(1)
print(r.getrandbits(63) >= 0)
print(r.getrandbits(64))
print(r.getrandbits(100))
)");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "True\n14799178230035213023\n99436813185968347955962756036\n");
}

// _random.Random is not subclassable (its instances have no __dict__); random.Random is.
TEST(RandomTest, NativeGeneratorIsNotSubclassable) {
  RunResult r = RunSource(R"(
import _random
try:
    class R(_random.Random):
        pass
except TypeError as e:
    print("TypeError")
g = _random.Random(3)
print(len(g.getstate()), g.getstate()[-1])
)");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "TypeError\n625 624\n");
}

}  // namespace
}  // namespace gilvm::vm
