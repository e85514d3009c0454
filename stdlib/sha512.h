// SHA-512 (FIPS 180-4), for the version-2 seeding of random.seed(str/bytes), which appends the
// digest of the seed's bytes before turning them into an integer.
//
// Invariants: a pure function of its input; no interpreter state, no allocation on the heap
// of any interpreter.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace gilvm::stdlib {

// The 64-byte SHA-512 digest of `data`.
std::array<uint8_t, 64> Sha512(std::string_view data);

}  // namespace gilvm::stdlib
