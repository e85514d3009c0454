// The _random module: _random.Random, the MT19937 Mersenne Twister that stdlib/lib/random.py is
// built on. Given the same seed it produces CPython's sequence word for word, so random(),
// getrandbits() and everything random.py derives from them print the same numbers as CPython.
//
// Invariants:
//  - A RandomObject's state is plain C++ (624 words and a position), touched only under the GIL;
//    it holds no Python references, so it traces nothing.
//  - `index` is in [0, kN]; kN means "the block is used up: twist before the next word".
//  - Seeding turns every supported seed into a key of 32-bit words, least significant first,
//    and runs the reference init_by_array on it, exactly as CPython does:
//      None              -> 624 words from the OS (getrandom, else /dev/urandom)
//      int (and bool)    -> its absolute value, split into words (at most 2: ints are int64)
//      float and others  -> hash(seed) taken as an unsigned 64-bit number
//      str/bytes/bytearray -> random.py's version-2 rule: the bytes (UTF-8 for str) followed by
//                           their SHA-512 digest, read as one big-endian integer
//  - getrandbits(k) for k > 63 builds a big int from k/32 words, least significant first, as
//    CPython does, so big draws match CPython's too.
#include <sys/random.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "stdlib/sha512.h"
#include "stdlib/stdlib.h"
#include "vm/bigint.h"
#include "vm/bytes.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/tuple.h"
#include "vm/utf8.h"

namespace gilvm::stdlib {

using namespace gilvm::vm;

namespace {

constexpr int kN = 624;  // words of state
constexpr int kM = 397;  // the twist's middle offset
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;

struct RandomObject : Object {
  explicit RandomObject(TypeObject* t) : Object(t, Kind::kRandom) {}

  std::array<uint32_t, kN> mt{};
  int index = kN;
};

// ---------------------------------------------------------------------------------------------
// The generator (Matsumoto and Nishimura's reference algorithm)

void InitGenrand(RandomObject* r, uint32_t s) {
  r->mt[0] = s;
  for (int i = 1; i < kN; ++i) r->mt[i] = 1812433253U * (r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) + static_cast<uint32_t>(i);
  r->index = kN;
}

void InitByArray(RandomObject* r, const std::vector<uint32_t>& key) {
  InitGenrand(r, 19650218U);
  auto& mt = r->mt;
  size_t i = 1, j = 0;
  for (size_t k = std::max<size_t>(kN, key.size()); k > 0; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + static_cast<uint32_t>(j);
    if (++i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
    if (++j >= key.size()) j = 0;
  }
  for (size_t k = kN - 1; k > 0; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - static_cast<uint32_t>(i);
    if (++i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000U;  // guarantees a non-zero state
  r->index = kN;
}

// Regenerates all kN words of state.
void Twist(RandomObject* r) {
  auto& mt = r->mt;
  auto mix = [&](int k, int next, int far) {
    uint32_t y = (mt[k] & kUpperMask) | (mt[next] & kLowerMask);
    mt[k] = mt[far] ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
  };
  int k = 0;
  for (; k < kN - kM; ++k) mix(k, k + 1, k + kM);
  for (; k < kN - 1; ++k) mix(k, k + 1, k + kM - kN);
  mix(kN - 1, 0, kM - 1);
  r->index = 0;
}

uint32_t NextWord(RandomObject* r) {
  if (r->index >= kN) Twist(r);
  uint32_t y = r->mt[r->index++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= y >> 18;
  return y;
}

// A float in [0, 1) with 53 random bits: 27 bits from one word and 26 from the next.
double NextDouble(RandomObject* r) {
  uint32_t a = NextWord(r) >> 5, b = NextWord(r) >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

// k random bits (0 <= k <= 63), built from words least significant first as CPython does, so
// the result equals CPython's getrandbits(k).
uint64_t NextBits(RandomObject* r, int k) {
  if (k <= 32) return k == 0 ? 0 : NextWord(r) >> (32 - k);
  uint64_t low = NextWord(r);
  uint64_t high = NextWord(r) >> (64 - k);
  return low | (high << 32);
}

// k random bits for any k, as a BigNum: 32-bit words least significant first, the last one
// cut to the bits that remain, as CPython's getrandbits.
BigNum NextBigBits(RandomObject* r, uint64_t k) {
  std::vector<uint32_t> words;
  words.reserve(k / 32 + 1);
  for (; k > 0; k = k > 32 ? k - 32 : 0) {
    uint32_t w = NextWord(r);
    words.push_back(k < 32 ? w >> (32 - k) : w);
  }
  return BigNum::FromMagnitude(std::move(words), false);
}

// ---------------------------------------------------------------------------------------------
// Seeds -> keys

// The 32-bit words of `n`, least significant first, with no zero words on top (at least one).
std::vector<uint32_t> KeyFromUint64(uint64_t n) {
  std::vector<uint32_t> key{static_cast<uint32_t>(n)};
  if ((n >> 32) != 0) key.push_back(static_cast<uint32_t>(n >> 32));
  return key;
}

// The words of the non-negative integer whose big-endian bytes are `bytes`.
std::vector<uint32_t> KeyFromBigEndian(std::string_view bytes) {
  std::vector<uint32_t> key((bytes.size() + 3) / 4, 0);
  for (size_t pos = 0; pos < bytes.size(); ++pos) {
    auto byte = static_cast<uint8_t>(bytes[bytes.size() - 1 - pos]);
    key[pos / 4] |= static_cast<uint32_t>(byte) << (8 * (pos % 4));
  }
  while (key.size() > 1 && key.back() == 0) key.pop_back();
  if (key.empty()) key.push_back(0);
  return key;
}

// random.py's version-2 seeding of str/bytes: the bytes followed by their SHA-512 digest.
std::vector<uint32_t> KeyFromBytes(std::string_view data) {
  std::array<uint8_t, 64> digest = Sha512(data);
  std::string all(data);
  all.append(reinterpret_cast<const char*>(digest.data()), digest.size());
  return KeyFromBigEndian(all);
}

// Fills `out` with OS randomness; false (nothing raised) if the OS gives none.
bool OsRandom(void* out, size_t size) {
  auto* p = static_cast<uint8_t*>(out);
  size_t done = 0;
  while (done < size) {
    ssize_t n = getrandom(p + done, size - done, 0);
    if (n > 0) {
      done += static_cast<size_t>(n);
    } else if (n < 0 && errno != EINTR) {
      break;
    }
  }
  if (done == size) return true;
  FILE* f = std::fopen("/dev/urandom", "rb");
  if (f == nullptr) return false;
  size_t got = std::fread(p + done, 1, size - done, f);
  std::fclose(f);
  return got == size - done;
}

// The octets of a bytes or bytearray (read straight from the layout vm/bytes.h fixes).
bool BytesData(Value v, std::string_view* out) {
  if (!IsBytes(v) && !IsByteArray(v)) return false;
  *out = As<BytesObject>(v)->view();
  return true;
}

// The key for `seed`; false with an exception pending (an unhashable seed, no OS randomness).
bool KeyFromSeed(ThreadState& ts, Value seed, std::vector<uint32_t>* key) {
  std::string_view bytes;
  if (seed.is_none() || seed.is_null()) {
    key->assign(kN, 0);
    if (OsRandom(key->data(), key->size() * sizeof(uint32_t))) return true;
    Raise(ts, ts.interp.exc.OSError, "no source of OS randomness to seed the generator");
    return false;
  }
  if (IsBigInt(seed)) {
    *key = IntRef(seed)->mag();  // abs(seed)'s 32-bit words, least significant first
    return true;
  }
  if (seed.is_intlike()) {
    int64_t n = seed.as_int();
    *key = KeyFromUint64(n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n));
    return true;
  }
  if (IsStr(seed)) {
    *key = KeyFromBytes(As<StrObject>(seed)->view());
    return true;
  }
  if (BytesData(seed, &bytes)) {
    *key = KeyFromBytes(bytes);
    return true;
  }
  int64_t h;
  if (!Hash(ts, seed, &h)) return false;
  *key = KeyFromUint64(static_cast<uint64_t>(h));
  return true;
}

// ---------------------------------------------------------------------------------------------
// The methods of _random.Random

// argv[0] as a RandomObject, or null with CPython's descriptor TypeError pending.
RandomObject* Self(ThreadState& ts, const CallArgs& a, const char* method) {
  if (a.nargs >= 1 && IsObjectOfKind(a.argv[0], Kind::kRandom)) return static_cast<RandomObject*>(a.argv[0].as_object());
  RaiseTypeError(ts, absl::StrCat("descriptor '", method, "' for '_random.Random' objects doesn't apply to a '",
                                  a.nargs >= 1 ? TypeName(ts, a.argv[0]) : "NoneType", "' object"));
  return nullptr;
}

// The arguments after self, checked to be positional and between min and max in number.
bool MethodArgs(ThreadState& ts, const CallArgs& a, const char* method, size_t min, size_t max, CallArgs* rest) {
  *rest = CallArgs{a.argv + 1, a.nargs - 1, a.kwnames};
  std::string name = absl::StrCat("Random.", method);
  return NoKeywords(ts, *rest, name) && ArgCountBetween(ts, *rest, name, min, max);
}

Value RandomRandom(ThreadState& ts, const CallArgs& a) {
  RandomObject* self = Self(ts, a, "random");
  CallArgs rest;
  if (self == nullptr || !MethodArgs(ts, a, "random", 0, 0, &rest)) return Value::Null();
  return Value::Float(NextDouble(self));
}

Value RandomSeed(ThreadState& ts, const CallArgs& a) {
  RandomObject* self = Self(ts, a, "seed");
  CallArgs rest;
  if (self == nullptr || !MethodArgs(ts, a, "seed", 0, 1, &rest)) return Value::Null();
  std::vector<uint32_t> key;
  if (!KeyFromSeed(ts, rest.nargs == 1 ? rest.argv[0] : Value::None(), &key)) return Value::Null();
  InitByArray(self, key);
  return Value::None();
}

Value RandomGetrandbits(ThreadState& ts, const CallArgs& a) {
  RandomObject* self = Self(ts, a, "getrandbits");
  CallArgs rest;
  if (self == nullptr || !MethodArgs(ts, a, "getrandbits", 1, 1, &rest)) return Value::Null();
  int64_t k;
  if (!ToIndex(ts, rest.argv[0], &k)) return Value::Null();
  if (k < 0) return RaiseValueError(ts, "number of bits must be non-negative");
  if (k > 63) return MakeInt(ts, NextBigBits(self, static_cast<uint64_t>(k)));
  return Value::Int(static_cast<int64_t>(NextBits(self, static_cast<int>(k))));
}

// _randbelow for a bound beyond int64, drawn the same way as the small case.
Value BigRandbelow(ThreadState& ts, RandomObject* self, Value bound) {
  IntRef n(bound);
  if (n->sign() <= 0) return RaiseValueError(ts, "_randbelow() needs a positive bound");
  uint64_t k = n->BitLength();
  BigNum r = NextBigBits(self, k);
  while (Compare(r, *n) >= 0) r = NextBigBits(self, k);
  return MakeInt(ts, std::move(r));
}

// _randbelow(n): a uniform int in [0, n), drawn as random.py's _randbelow_with_getrandbits
// draws it (bit_length(n) bits until below n), for the plain Random class, where nothing
// overrides getrandbits. n <= 0 would never finish, so it raises instead.
Value RandomRandbelow(ThreadState& ts, const CallArgs& a) {
  RandomObject* self = Self(ts, a, "_randbelow");
  CallArgs rest;
  if (self == nullptr || !MethodArgs(ts, a, "_randbelow", 1, 1, &rest)) return Value::Null();
  int64_t n;
  if (IsBigInt(rest.argv[0])) return BigRandbelow(ts, self, rest.argv[0]);
  if (!ToIndex(ts, rest.argv[0], &n)) return Value::Null();
  if (n <= 0) return RaiseValueError(ts, "_randbelow() needs a positive bound");
  int k = 64 - __builtin_clzll(static_cast<uint64_t>(n));
  uint64_t r = NextBits(self, k);
  while (r >= static_cast<uint64_t>(n)) r = NextBits(self, k);
  return Value::Int(static_cast<int64_t>(r));
}

// getstate(): the 624 words and the position, as a tuple of 625 ints.
Value RandomGetstate(ThreadState& ts, const CallArgs& a) {
  RandomObject* self = Self(ts, a, "getstate");
  CallArgs rest;
  if (self == nullptr || !MethodArgs(ts, a, "getstate", 0, 0, &rest)) return Value::Null();
  std::vector<Value> items;
  items.reserve(kN + 1);
  for (uint32_t w : self->mt) items.push_back(Value::Int(w));
  items.push_back(Value::Int(self->index));
  return Value::Obj(NewTuple(ts, std::move(items)));
}

// One element of a state tuple as an unsigned word (CPython keeps the low 32 bits).
bool StateWord(ThreadState& ts, Value v, uint64_t* out) {
  if (!v.is_intlike()) {
    RaiseTypeError(ts, absl::StrCat("an integer is required (got type ", TypeName(ts, v), ")"));
    return false;
  }
  if (v.as_int() < 0) {
    RaiseOverflowError(ts, "can't convert negative int to unsigned");
    return false;
  }
  *out = static_cast<uint64_t>(v.as_int());
  return true;
}

Value RandomSetstate(ThreadState& ts, const CallArgs& a) {
  RandomObject* self = Self(ts, a, "setstate");
  CallArgs rest;
  if (self == nullptr || !MethodArgs(ts, a, "setstate", 1, 1, &rest)) return Value::Null();
  Value state = rest.argv[0];
  if (!IsObjectOfKind(state, Kind::kTuple)) return RaiseTypeError(ts, "state vector must be a tuple");
  std::span<const Value> items = As<TupleObject>(state)->items;
  if (items.size() != kN + 1) return RaiseValueError(ts, "state vector is the wrong size");
  std::array<uint32_t, kN> words;
  for (int i = 0; i < kN; ++i) {
    uint64_t w;
    if (!StateWord(ts, items[i], &w)) return Value::Null();
    words[i] = static_cast<uint32_t>(w);
  }
  uint64_t index;
  if (!StateWord(ts, items[kN], &index)) return Value::Null();
  if (index > kN) return RaiseValueError(ts, "invalid state");
  self->mt = words;
  self->index = static_cast<int>(index);
  return Value::None();
}

// seed(text, version=1): Python 2's string hash of the text's code points (latin-1 bytes for
// bytes), which random.py keeps for old sequences. It wraps at 2**64, beyond int64, so it is
// computed here rather than in random.py.
uint64_t Version1Hash(const std::vector<uint32_t>& chars) {
  uint64_t x = chars.empty() ? 0 : static_cast<uint64_t>(chars[0]) << 7;
  for (uint32_t c : chars) x = (1000003U * x) ^ c;
  return x ^ static_cast<uint64_t>(chars.size());
}

Value RandomSeedVersion1(ThreadState& ts, const CallArgs& a) {
  RandomObject* self = Self(ts, a, "_seed_version1");
  CallArgs rest;
  if (self == nullptr || !MethodArgs(ts, a, "_seed_version1", 1, 1, &rest)) return Value::Null();
  std::vector<uint32_t> chars;
  std::string_view bytes;
  if (IsStr(rest.argv[0])) {
    std::string_view text = As<StrObject>(rest.argv[0])->view();
    for (size_t i = 0; i < text.size();) chars.push_back(DecodeUtf8(text, &i));
  } else if (BytesData(rest.argv[0], &bytes)) {
    for (char c : bytes) chars.push_back(static_cast<uint8_t>(c));
  } else {
    return RaiseTypeError(ts, "_seed_version1() needs a str or bytes");
  }
  InitByArray(self, KeyFromUint64(Version1Hash(chars)));
  return Value::None();
}

// Random(seed=None): a new generator, seeded as seed() would be.
Value RandomNew(ThreadState& ts, const CallArgs& a) {
  if (a.nargs < 1 || !IsObjectOfKind(a.argv[0], Kind::kType))
    return RaiseTypeError(ts, "Random.__new__(X): X is not a type object");
  CallArgs rest{a.argv + 1, a.nargs - 1, a.kwnames};
  if (!NoKeywords(ts, rest, "Random") || !ArgCountBetween(ts, rest, "Random", 0, 1)) return Value::Null();
  std::vector<uint32_t> key;
  if (!KeyFromSeed(ts, rest.nargs == 1 ? rest.argv[0] : Value::None(), &key)) return Value::Null();
  auto* r = ts.interp.heap.New<RandomObject>(As<TypeObject>(a.argv[0]));
  InitByArray(r, key);
  return Value::Obj(r);
}

// For tests: _random._sha512_hex(str) gives the hex digest, so the
// SHA-512 behind str seeding can be checked against hashlib directly.
Value Sha512Hex(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "_sha512_hex") || !ArgCountBetween(ts, a, "_sha512_hex", 1, 1)) return Value::Null();
  std::string_view data;
  if (IsStr(a.argv[0])) {
    data = As<StrObject>(a.argv[0])->view();
  } else if (!BytesData(a.argv[0], &data)) {
    return RaiseTypeError(ts, absl::StrCat("a bytes-like object is required, not '", TypeName(ts, a.argv[0]), "'"));
  }
  std::array<uint8_t, 64> digest = Sha512(data);
  std::string hex;
  for (uint8_t b : digest) absl::StrAppend(&hex, absl::Hex(b, absl::kZeroPad2));
  return NewStrValue(ts, hex);
}

ModuleObject* MakeRandomModule(ThreadState& ts) {
  Interpreter& in = ts.interp;
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "_random"));
  TypeObject* type = NewBuiltinType(in, "Random", nullptr, Kind::kRandom, "_random");
  // Instances have no __dict__, so a Python subclass could not add attributes: random.py's
  // Random wraps one instead of deriving from it.
  type->subclassable = false;
  DictSetStr(m->dict, Intern(in, "Random"), Value::Obj(type));  // roots the type in the module
  AddStaticMethod(in, type, "__new__", RandomNew);
  AddMethod(in, type, "random", RandomRandom);
  AddMethod(in, type, "seed", RandomSeed);
  AddMethod(in, type, "_seed_version1", RandomSeedVersion1);
  AddMethod(in, type, "getrandbits", RandomGetrandbits);
  AddMethod(in, type, "_randbelow", RandomRandbelow);
  AddMethod(in, type, "getstate", RandomGetstate);
  AddMethod(in, type, "setstate", RandomSetstate);
  AddFunction(in, m->dict, "_sha512_hex", Sha512Hex);
  return m.get();
}

}  // namespace

void RegisterRandomModule(Interpreter& in) { in.native_modules["_random"] = MakeRandomModule; }

}  // namespace gilvm::stdlib
