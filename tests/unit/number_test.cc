// int and float: the pure functions of vm/int.h and vm/float.h against CPython 3.11's results
// (tables generated with python3), and the error messages of their dunders.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "vm/errors.h"
#include "vm/float.h"
#include "vm/instance.h"
#include "vm/int.h"
#include "vm/interpreter.h"
#include "vm/ops.h"
#include "vm/str.h"

namespace gilvm::vm {
namespace {

struct FloatCase {
  double value;
  const char* repr;
  int64_t hash;
};
struct RoundCase {
  double x;
  int64_t ndigits;
  double expected;
};

// {value, repr(value), hash(value)} from python3.
const FloatCase kFloatCases[] = {
    {0x0.0p+0, "0.0", 0LL},
    {-0x0.0p+0, "-0.0", 0LL},
    {0x1.0000000000000p+0, "1.0", 1LL},
    {-0x1.0000000000000p+0, "-1.0", -2LL},
    {0x1.999999999999ap-4, "0.1", 230584300921369408LL},
    {0x1.999999999999ap-3, "0.2", 461168601842738816LL},
    {0x1.3333333333334p-2, "0.30000000000000004", 691752902764108288LL},
    {0x1.5555555555555p-2, "0.3333333333333333", 768614336404564608LL},
    {0x1.5555555555555p-1, "0.6666666666666666", 1537228672809129216LL},
    {0x1.9000000000000p+6, "100.0", 100LL},
    {0x1.c6bf526340000p+49, "1000000000000000.0", 1000000000000000LL},
    {0x1.1c37937e08000p+53, "1e+16", 10000000000000000LL},
    {0x1.aa535d3d0c000p+53, "1.5e+16", 15000000000000000LL},
    {0x1.0000000000000p+53, "9007199254740992.0", 9007199254740992LL},
    {0x1.b69b4ba630f35p+56, "1.2345678901234568e+17", 123456789012345680LL},
    {0x1.a36e2eb1c432dp-14, "0.0001", 936979306793984537LL},
    {0x1.4f8b588e368f1p-17, "1e-05", 2170758078822671208LL},
    {0x1.f75104d551d69p-17, "1.5e-05", 945790509392942365LL},
    {0x1.ad7f29abcaf48p-24, "1e-07", 851743510110745977LL},
    {0x1.02c9dedbc309dp-13, "0.0001234", 1873781986013463305LL},
    {0x0.0000000000001p-1022, "5e-324", 16777216LL},
    {0x1.0000000000000p-1022, "2.2250738585072014e-308", 32768LL},
    {0x1.fffffffffffffp+1023, "1.7976931348623157e+308", 2234066890152476671LL},
    {0x1.0f0cf064dd592p+73, "1e+22", 1864712049423028464LL},
    {0x1.52d02c7e14af6p+76, "1e+23", 200376420512344424LL},
    {0x1.921fb54442d18p+1, "3.141592653589793", 326490430436040707LL},
    {0x1.5bf0a8b145769p+1, "2.718281828459045", 1656245132797518850LL},
    {0x1.249ad2594c37dp+332, "1e+100", 1822893315824342674LL},
    {-0x1.147f19dd7eb02p-332, "-1.2345e-100", -2258572823867713397LL},
    {0x1.81cd6c8b43958p+13, "12345.678", 1563361560246628409LL},
    {0x1.0000000000000p-1, "0.5", 1152921504606846976LL},
    {0x1.0000000000000p-2, "0.25", 576460752303423488LL},
    {0x1.26580b487df3bp+30, "1234567890.123", 283618475863573202LL},
    {0x1.1c37937e08000p+53, "1e+16", 10000000000000000LL},
    {std::numeric_limits<double>::infinity(), "inf", 314159LL},
    {-std::numeric_limits<double>::infinity(), "-inf", -314159LL},
    {std::numeric_limits<double>::quiet_NaN(), "nan", 0LL},
    {0x1.1666666666666p+2, "4.35", 807045053224792068LL},
    {0x1.3333333333333p-2, "0.3", 691752902764108160LL},
    {0x1.5666666666666p+1, "2.675", 1556444031219243010LL},
    {0x1.7e43c8800759cp+996, "1e+300", 1224995262755759164LL},
    {0x0.8d83aff3e96b1p-1022, "1.23e-308", 1945342380982945473LL},
    {0x1.3a6f252e6b438p+918, "2.7216092808335446e+276", 1904782048699318281LL},
    {0x1.99387269e0d37p-215, "3.035766360112293e-65", 541361868101848653LL},
    {0x1.e3fe8a6a3a450p-925, "6.665830898196862e-279", 4257258881012264LL},
    {0x1.f8412128b2f33p+658, "2.3558459513947972e+198", 432899997817156339LL},
    {0x1.c7408892f902bp-831, "1.2418970069620836e-250", 661906184619663428LL},
    {0x1.8cc2e5d9dc9f8p+170, "2.319469273766672e+51", 1153357748291361951LL},
    {0x1.12eca0ed90475p+840, "7.873531487934826e+252", 1513360616045594659LL},
    {0x1.b3ae681e74ef5p-584, "2.6878898238430084e-176", 1097321022770559392LL},
    {0x1.051ad099950d8p-847, "1.086847153644306e-255", 1273684823706697858LL},
    {0x1.6aa4d6f03675ap-167, "7.572358053192185e-51", 1935992374668913316LL},
    {0x1.e0b9211e20b8fp-531, "2.6713290337373985e-160", 1193190415613264612LL},
    {0x1.8b7671738f7d9p+105, "6.266356115726005e+31", 1954589414266452215LL},
    {0x1.0eedb6cad4a26p-902, "3.13010388235547e-272", 1646957722228236765LL},
    {0x1.0c967d3ac94afp+135, "4.569785438180719e+40", 1870378290145927570LL},
    {0x1.6082e1fb17c23p+917, "1.5255942855744936e+276", 1171341612368861189LL},
    {0x1.8599c39263059p+268, "7.218027539944233e+80", 1318535108558690755LL},
    {0x1.fa478a09f76b5p+170, "2.959712980820823e+51", 721132600521521003LL},
    {0x1.b1878f29d0da9p-897, "1.6027751755097824e-270", 546317010876155422LL},
    {0x1.3057a93bd04cfp+176, "1.1386802021941775e+53", 21416194321158972LL},
    {0x1.8f14e658cda14p-922, "4.397094309717868e-278", 28082873818114128LL},
    {0x1.c68c8f9ebdaccp-571, "2.2972765567901737e-172", 1930919316371787614LL},
    {0x1.0cb9f0becd7b0p+117, "1.744133597091969e+35", 75639737402882816LL},
    {0x1.bdf56dbc496cbp-751, "1.4707130206140743e-226", 1610044528297177381LL},
    {0x1.659214a23d596p-165, "2.9865692316748857e-50", 743409140529206856LL},
    {0x1.531f624ede6a4p+84, "2.5623378729646505e+25", 355193537692274609LL},
    {0x1.3b32c1e27a1c0p+146, "1.098305676151579e+44", 2039923373277655745LL},
    {0x1.682ac4ef8aa38p+124, "2.9921509330084245e+37", 1447171121820581893LL},
    {0x1.bdd4ad0eda82fp+373, "3.3505681211309543e+112", 2110729094523977950LL},
    {0x1.0edf12e44158bp-812, "3.874063001449752e-245", 889465579940581637LL},
    {0x1.d39b494e3bf91p+146, "1.629371149474561e+44", 704671650743032649LL},
    {0x1.c2862a38fd547p-639, "7.714553862250853e-193", 2281792299426261560LL},
    {0x1.89ae95f557203p-824, "1.3746405127922145e-248", 772650461989414269LL},
    {0x1.672118c38fb29p+435, "1.2446836029291782e+131", 298108878079525223LL},
    {0x1.d38611012f037p+132, "9.943129387285452e+39", 218565970132207438LL},
    {0x1.bb4d80f4205b4p+244, "4.895301004676315e+73", 1687073180537808897LL},
    {0x1.a829234b9b5dfp-7, "0.012944357141544792", 29847655423596412LL},
    {0x1.f68b1ae2eb154p+65, "7.242413358142315e+19", 943000295798636575LL},
    {0x1.c3b8c6d76b07ep+568, "1.7047810395918471e+171", 492980365788323270LL},
    {0x1.8d788506bf2efp-70, "1.3151204924973438e-21", 6992379905831663LL},
    {0x1.353c395e761d1p+868, "2.3773069786084834e+261", 129183480473996623LL},
    {-0x1.6dbf3f4c54698p+16, "-93631.24725844932", -570139166839500223LL},
    {-0x1.87148066c556ep+18, "-400466.0062726353", -14463712270621778LL},
    {0x1.1f7aded143b60p+19, "588758.9630449824", 2220630540234062806LL},
    {0x1.84a93784735a0p+18, "397988.8674591426", 2000224599698444964LL},
    {-0x1.f3cfbea0a8100p+18, "-511806.9785556942", -2256395806649601854LL},
    {0x1.22b7b5d383238p+17, "148847.42051734193", 969646973147825519LL},
    {0x1.89b203e7262e0p+15, "50393.00762290298", 17577217546568921LL},
    {0x1.6e585fb7799d8p+19, "750274.9911468579", 2285429053278876354LL},
    {0x1.c022a50c58230p+18, "458890.5788784353", 1334802793235939466LL},
    {-0x1.9e2f1e18140fep+18, "-424124.4702196269", -1084252639497451708LL},
    {0x1.d4ebb63d5186ep+19, "960349.6949851641", 1602526682140288861LL},
    {-0x1.74fb8e3112197p+19, "-763868.4434900758", -1022618490853107676LL},
    {-0x1.3fd52d9f7bbccp+17, "-163754.35642954556", -821870575902425002LL},
    {0x1.f63a76fbfe7ccp+18, "514281.8591304987", 1981020054477068521LL},
    {-0x1.53dbddc81f4e6p+19, "-696030.9306789904", -2145999643921260254LL},
    {-0x1.58e73239bda80p+14, "-22073.799048388842", -1842480141435950649LL},
    {-0x1.c1fe2f8c88e77p+19, "-921585.4859051247", -1120420934907203569LL},
    {0x1.488beda2eb478p+18, "336431.71306879027", 1644224685128622639LL},
    {0x1.025eb77007ddep+19, "529141.7324256261", 1688858509791728373LL},
    {0x1.1d41f0b604c58p+17, "146051.88055476802", 2030421056078101123LL},
};
const std::pair<int64_t, int64_t> kIntHashes[] = {
    {0LL, 0LL},
    {1LL, 1LL},
    {-1LL, -2LL},
    {-2LL, -2LL},
    {2305843009213693950LL, 2305843009213693950LL},
    {2305843009213693951LL, 0LL},
    {2305843009213693952LL, 1LL},
    {-2305843009213693951LL, 0LL},
    {-2305843009213693952LL, -2LL},
    {9223372036854775807LL, 3LL},
    {std::numeric_limits<int64_t>::min(), -4LL},
    {12345678901234567LL, 12345678901234567LL},
    {-987654321987654321LL, -987654321987654321LL},
};
const RoundCase kRoundCases[] = {
    {0x1.5666666666666p+1, 2, 0x1.55c28f5c28f5cp+1},  // round(2.675, 2) == 2.67
    {0x1.0000000000000p-3, 2, 0x1.eb851eb851eb8p-4},  // round(0.125, 2) == 0.12
    {0x1.8000000000000p-2, 2, 0x1.851eb851eb852p-2},  // round(0.375, 2) == 0.38
    {0x1.0020c49ba5e35p+0, 3, 0x1.0000000000000p+0},  // round(1.0005, 3) == 1.0
    {0x1.81cd6e631f8a1p+13, -2, 0x1.8060000000000p+13},  // round(12345.6789, -2) == 12300.0
    {0x1.389999999999ap+10, -2, 0x1.4500000000000p+10},  // round(1250.4, -2) == 1300.0
    {0x1.3880000000000p+10, -2, 0x1.2c00000000000p+10},  // round(1250.0, -2) == 1200.0
    {0x1.5180000000000p+10, -2, 0x1.5e00000000000p+10},  // round(1350.0, -2) == 1400.0
    {-0x1.3880000000000p+10, -2, -0x1.2c00000000000p+10},  // round(-1250.0, -2) == -1200.0
    {0x1.0000000000000p-1, 0, 0x0.0p+0},  // round(0.5, 0) == 0.0
    {0x1.8000000000000p+0, 0, 0x1.0000000000000p+1},  // round(1.5, 0) == 2.0
    {0x1.4000000000000p+1, 0, 0x1.0000000000000p+1},  // round(2.5, 0) == 2.0
    {-0x1.0000000000000p-1, 0, -0x0.0p+0},  // round(-0.5, 0) == -0.0
    {0x0.0000000000001p-1022, 400, 0x0.0000000000001p-1022},  // round(5e-324, 400) == 5e-324
    {0x1.edd2f1a9fbe77p+6, -400, 0x0.0p+0},  // round(123.456, -400) == 0.0
    {0x1.7e43c8800759cp+996, -300, 0x1.7e43c8800759cp+996},  // round(1e+300, -300) == 1e+300
    {0x1.0f7bfe5db09ebp-33, 15, 0x1.0f7c1cc637469p-33},  // round(1.23456789e-10, 15) == 1.23457e-10
    {-0x0.0p+0, 1, -0x0.0p+0},  // round(-0.0, 1) == -0.0
    {0x1.999999999999ap-4, 1, 0x1.999999999999ap-4},  // round(0.1, 1) == 0.1
    {0x1.6333333333333p+2, 1, 0x1.6000000000000p+2},  // round(5.55, 1) == 5.5
    {0x1.8fccccccccccdp+6, 1, 0x1.9000000000000p+6},  // round(99.95, 1) == 100.0
    {0x1.3000000000000p+3, -1, 0x1.4000000000000p+3},  // round(9.5, -1) == 10.0
    {0x1.e000000000000p+3, -1, 0x1.4000000000000p+4},  // round(15.0, -1) == 20.0
    {0x1.9000000000000p+4, -1, 0x1.4000000000000p+4},  // round(25.0, -1) == 20.0
    {-0x1.1800000000000p+5, -1, -0x1.4000000000000p+5},  // round(-35.0, -1) == -40.0
    {0x1.0f0cf064dd592p+73, -22, 0x1.0f0cf064dd592p+73},  // round(1e+22, -22) == 1e+22
    {0x1.52d02c7e14af6p+75, -23, 0x0.0p+0},  // round(5e+22, -23) == 0.0
    {0x1.ff973cafa8000p+51, -16, 0x0.0p+0},  // round(4500000000000000.0, -16) == 0.0
    {0x1.e240800000000p+16, 0, 0x1.e240000000000p+16},  // round(123456.5, 0) == 123456.0
    {0x1.02c9dedbc309dp-13, 10, 0x1.02c9dedbc309dp-13},  // round(0.0001234, 10) == 0.0001234
    {0x1.fffffffffffffp+1023, 2, 0x1.fffffffffffffp+1023},  // round(1.7976931348623157e+308, 2) == 1.7976931348623157e+308
};

TEST(FloatReprTest, MatchesCPython) {
  for (const FloatCase& c : kFloatCases) EXPECT_EQ(FloatRepr(c.value), c.repr);
}

TEST(FloatHashTest, MatchesCPython) {
  for (const FloatCase& c : kFloatCases) EXPECT_EQ(HashFloat(c.value), c.hash) << c.repr;
  EXPECT_EQ(HashFloat(1.0), HashInt(1));
  EXPECT_EQ(HashFloat(-1.0), -2);
}

TEST(IntHashTest, MatchesCPython) {
  for (const auto& [v, h] : kIntHashes) EXPECT_EQ(HashInt(v), h) << v;
}

TEST(RoundFloatTest, CorrectlyRoundedLikeCPython) {
  for (const RoundCase& c : kRoundCases) {
    double r = RoundFloat(c.x, c.ndigits);
    EXPECT_EQ(r, c.expected) << FloatRepr(c.x) << " " << c.ndigits;
    EXPECT_EQ(std::signbit(r), std::signbit(c.expected)) << FloatRepr(c.x) << " " << c.ndigits;
  }
}

TEST(CompareIntFloatTest, ExactForLargeValues) {
  EXPECT_EQ(CompareIntFloat(1, 1.0), 0);
  EXPECT_EQ(CompareIntFloat(1, 1.5), -1);
  EXPECT_EQ(CompareIntFloat(2, 1.5), 1);
  EXPECT_EQ(CompareIntFloat(-2, -1.5), -1);
  EXPECT_EQ(CompareIntFloat((int64_t{1} << 53) + 1, 9007199254740992.0), 1);
  EXPECT_EQ(CompareIntFloat(std::numeric_limits<int64_t>::max(), 9223372036854775808.0), -1);
  EXPECT_EQ(CompareIntFloat(std::numeric_limits<int64_t>::min(), -9223372036854775808.0), 0);
  EXPECT_EQ(CompareIntFloat(0, std::numeric_limits<double>::infinity()), -1);
  EXPECT_EQ(CompareIntFloat(0, -std::numeric_limits<double>::infinity()), 1);
  EXPECT_EQ(CompareIntFloat(0, std::nan("")), 2);
}

TEST(IntToStringTest, Extremes) {
  EXPECT_EQ(IntToString(0), "0");
  EXPECT_EQ(IntToString(-42), "-42");
  EXPECT_EQ(IntToString(std::numeric_limits<int64_t>::min()), "-9223372036854775808");
}

class NumberTest : public ::testing::Test {
 protected:
  Interpreter interp;
  ThreadState& ts = interp.main_thread();

  // repr of a result, or "!Type: message" of the pending exception (cleared).
  std::string Outcome(Value r) {
    std::string s;
    if (!r.is_null()) {
      Root keep(ts, r);  // repr allocates
      EXPECT_TRUE(ReprString(ts, keep.get(), &s));
      return s;
    }
    ExceptionObject* e = FetchException(ts);
    Root keep(ts, Value::Obj(e));
    EXPECT_TRUE(StrString(ts, keep.get(), &s));
    return "!" + e->type->name + ": " + s;
  }
  std::string Int(BinOp op, int64_t a, int64_t b) { return Outcome(IntBinaryOp(ts, op, a, b)); }
  std::string Flt(BinOp op, double a, double b) { return Outcome(FloatBinaryOp(ts, op, a, b)); }
  std::string Method(Value self, const char* name, std::initializer_list<Value> args) {
    Root method(ts, GetAttr(ts, self, Intern(interp, name)));
    if (method.get().is_null()) return Outcome(Value::Null());
    std::vector<Value> argv(args);
    return Outcome(Call(ts, method.get(), argv.data(), argv.size()));
  }
};

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

TEST_F(NumberTest, IntArithmetic) {
  EXPECT_EQ(Int(BinOp::kFloorDiv, -7, 2), "-4");
  EXPECT_EQ(Int(BinOp::kMod, -7, 2), "1");
  EXPECT_EQ(Int(BinOp::kMod, 7, -2), "-1");
  EXPECT_EQ(Int(BinOp::kMod, kMin, -1), "0");
  EXPECT_EQ(Int(BinOp::kTrueDiv, 7, 2), "3.5");
  EXPECT_EQ(Int(BinOp::kTrueDiv, (int64_t{1} << 62) + 1, 3), "1.5372286728091292e+18");
  EXPECT_EQ(Int(BinOp::kTrueDiv, kMax, kMax - 1), "1.0");
  EXPECT_EQ(Int(BinOp::kTrueDiv, 1, kMax), "1.0842021724855044e-19");
  EXPECT_EQ(Int(BinOp::kPow, 2, 10), "1024");
  EXPECT_EQ(Int(BinOp::kPow, 2, -1), "0.5");
  EXPECT_EQ(Int(BinOp::kPow, -2, -3), "-0.125");
  EXPECT_EQ(Int(BinOp::kPow, -1, kMax), "-1");
  EXPECT_EQ(Int(BinOp::kPow, 2, 62), "4611686018427387904");
  EXPECT_EQ(Int(BinOp::kPow, -2, 63), "-9223372036854775808");
  EXPECT_EQ(Int(BinOp::kLShift, 1, 62), "4611686018427387904");
  EXPECT_EQ(Int(BinOp::kLShift, 0, 1000), "0");
  EXPECT_EQ(Int(BinOp::kRShift, -1, 100), "-1");
  EXPECT_EQ(Int(BinOp::kRShift, -7, 1), "-4");
  EXPECT_EQ(Int(BinOp::kAnd, -8, 0xff), "248");
  EXPECT_EQ(Int(BinOp::kXor, 5, 3), "6");
}

TEST_F(NumberTest, IntErrors) {
  EXPECT_EQ(Int(BinOp::kFloorDiv, 1, 0), "!ZeroDivisionError: integer division or modulo by zero");
  EXPECT_EQ(Int(BinOp::kMod, 1, 0), "!ZeroDivisionError: integer modulo by zero");
  EXPECT_EQ(Int(BinOp::kTrueDiv, 1, 0), "!ZeroDivisionError: division by zero");
  EXPECT_EQ(Int(BinOp::kPow, 0, -1), "!ZeroDivisionError: 0.0 cannot be raised to a negative power");
  EXPECT_EQ(Int(BinOp::kLShift, 1, -1), "!ValueError: negative shift count");
  EXPECT_EQ(Int(BinOp::kRShift, 1, -1), "!ValueError: negative shift count");
  EXPECT_EQ(Int(BinOp::kMatMul, 1, 2), "!TypeError: unsupported operand type(s) for @: 'int' and 'int'");
  EXPECT_EQ(Int(BinOp::kAdd, kMax, 1), "9223372036854775808");  // int64 overflow promotes
  EXPECT_EQ(Int(BinOp::kSub, kMin, 1), "-9223372036854775809");
  EXPECT_EQ(Int(BinOp::kMul, int64_t{1} << 62, 4), "18446744073709551616");
  EXPECT_EQ(Int(BinOp::kFloorDiv, kMin, -1), "9223372036854775808");
  EXPECT_EQ(Int(BinOp::kPow, 2, 63), "9223372036854775808");
  EXPECT_EQ(Int(BinOp::kPow, 2, kMax), "!MemoryError: ");
  EXPECT_EQ(Int(BinOp::kLShift, 1, 63), "9223372036854775808");
  EXPECT_EQ(Int(BinOp::kLShift, -1, 64), "-18446744073709551616");
}

TEST_F(NumberTest, PowMod) {
  EXPECT_EQ(Outcome(IntPowMod(ts, 2, 10, 1000)), "24");
  EXPECT_EQ(Outcome(IntPowMod(ts, -2, 3, 5)), "2");
  EXPECT_EQ(Outcome(IntPowMod(ts, 2, 3, -5)), "-2");
  EXPECT_EQ(Outcome(IntPowMod(ts, 3, -1, 7)), "5");
  EXPECT_EQ(Outcome(IntPowMod(ts, 3, -1, -7)), "-2");
  EXPECT_EQ(Outcome(IntPowMod(ts, 2, -1, 1)), "0");
  EXPECT_EQ(Outcome(IntPowMod(ts, kMax, kMax, kMax - 1)), "1");
  EXPECT_EQ(Outcome(IntPowMod(ts, 3, 200, kMin)), "-2595481728043143007");
  EXPECT_EQ(Outcome(IntPowMod(ts, 2, 3, 0)), "!ValueError: pow() 3rd argument cannot be 0");
  EXPECT_EQ(Outcome(IntPowMod(ts, 0, -1, 5)), "!ValueError: base is not invertible for the given modulus");
  EXPECT_EQ(Outcome(IntPowMod(ts, 4, -1, 8)), "!ValueError: base is not invertible for the given modulus");
}

TEST_F(NumberTest, ParseInt) {
  EXPECT_EQ(Outcome(ParseInt(ts, " 12 ", 10)), "12");
  EXPECT_EQ(Outcome(ParseInt(ts, "-0x_1f", 0)), "-31");
  EXPECT_EQ(Outcome(ParseInt(ts, "+0x10", 16)), "16");
  EXPECT_EQ(Outcome(ParseInt(ts, "  0b101  ", 0)), "5");
  EXPECT_EQ(Outcome(ParseInt(ts, "0o17", 8)), "15");
  EXPECT_EQ(Outcome(ParseInt(ts, "1_000_000", 10)), "1000000");
  EXPECT_EQ(Outcome(ParseInt(ts, "00", 0)), "0");
  EXPECT_EQ(Outcome(ParseInt(ts, "0_0", 0)), "0");
  EXPECT_EQ(Outcome(ParseInt(ts, "zz", 36)), "1295");
  EXPECT_EQ(Outcome(ParseInt(ts, "-9223372036854775808", 10)), "-9223372036854775808");
  EXPECT_EQ(Outcome(ParseInt(ts, "9223372036854775807", 10)), "9223372036854775807");
  EXPECT_EQ(Outcome(ParseInt(ts, "9223372036854775808", 10)), "9223372036854775808");
  EXPECT_EQ(Outcome(ParseInt(ts, "abc", 10)), "!ValueError: invalid literal for int() with base 10: 'abc'");
  EXPECT_EQ(Outcome(ParseInt(ts, "010", 0)), "!ValueError: invalid literal for int() with base 0: '010'");
  EXPECT_EQ(Outcome(ParseInt(ts, "1_", 10)), "!ValueError: invalid literal for int() with base 10: '1_'");
  EXPECT_EQ(Outcome(ParseInt(ts, "1__2", 10)), "!ValueError: invalid literal for int() with base 10: '1__2'");
  EXPECT_EQ(Outcome(ParseInt(ts, "_1", 10)), "!ValueError: invalid literal for int() with base 10: '_1'");
  EXPECT_EQ(Outcome(ParseInt(ts, "", 10)), "!ValueError: invalid literal for int() with base 10: ''");
  EXPECT_EQ(Outcome(ParseInt(ts, "-", 10)), "!ValueError: invalid literal for int() with base 10: '-'");
  EXPECT_EQ(Outcome(ParseInt(ts, "0b", 0)), "!ValueError: invalid literal for int() with base 0: '0b'");
  EXPECT_EQ(Outcome(ParseInt(ts, "1 2", 10)), "!ValueError: invalid literal for int() with base 10: '1 2'");
  EXPECT_EQ(Outcome(ParseInt(ts, "12", 2)), "!ValueError: invalid literal for int() with base 2: '12'");
  EXPECT_EQ(Outcome(ParseInt(ts, "1", 37)), "!ValueError: int() base must be >= 2 and <= 36, or 0");
  EXPECT_EQ(Outcome(ParseInt(ts, "1", 1)), "!ValueError: int() base must be >= 2 and <= 36, or 0");
  std::string long_text(300, 'x');
  std::string msg = Outcome(ParseInt(ts, long_text, 10));
  EXPECT_EQ(msg, "!ValueError: invalid literal for int() with base 10: '" + std::string(199, 'x'));
}

TEST_F(NumberTest, ParseFloat) {
  EXPECT_EQ(Outcome(ParseFloat(ts, " 1_0.5 ")), "10.5");
  EXPECT_EQ(Outcome(ParseFloat(ts, "-iNfinity")), "-inf");
  EXPECT_EQ(Outcome(ParseFloat(ts, "nan")), "nan");
  EXPECT_EQ(Outcome(ParseFloat(ts, "1e500")), "inf");
  EXPECT_EQ(Outcome(ParseFloat(ts, "-1e-500")), "-0.0");
  EXPECT_EQ(Outcome(ParseFloat(ts, ".5")), "0.5");
  EXPECT_EQ(Outcome(ParseFloat(ts, "5.")), "5.0");
  EXPECT_EQ(Outcome(ParseFloat(ts, "1e1_0")), "10000000000.0");
  EXPECT_EQ(Outcome(ParseFloat(ts, "0.1")), "0.1");
  EXPECT_EQ(Outcome(ParseFloat(ts, "2.2250738585072011e-308")), "2.225073858507201e-308");
  for (const char* bad : {"abc", ".", "1e", "1__0", "_1", "1_e5", "0x10", "", "1.5.2", "--1", "in f"}) {
    EXPECT_EQ(Outcome(ParseFloat(ts, bad)), std::string("!ValueError: could not convert string to float: '") + bad + "'");
  }
}

TEST_F(NumberTest, FloatArithmetic) {
  EXPECT_EQ(Flt(BinOp::kMod, -7.0, 2.0), "1.0");
  EXPECT_EQ(Flt(BinOp::kMod, 7.0, -2.0), "-1.0");
  EXPECT_EQ(Flt(BinOp::kMod, -0.0, 2.0), "0.0");
  EXPECT_EQ(Flt(BinOp::kFloorDiv, -7.0, 2.0), "-4.0");
  EXPECT_EQ(Flt(BinOp::kPow, 2.0, 0.5), "1.4142135623730951");
  EXPECT_EQ(Flt(BinOp::kPow, -8.0, 3.0), "-512.0");
  EXPECT_EQ(Flt(BinOp::kPow, -1.0, std::numeric_limits<double>::infinity()), "1.0");
  EXPECT_EQ(Flt(BinOp::kPow, std::nan(""), 0.0), "1.0");
  EXPECT_EQ(Flt(BinOp::kMul, 1e308, 10.0), "inf");
  EXPECT_EQ(Flt(BinOp::kTrueDiv, 1.0, 0.0), "!ZeroDivisionError: float division by zero");
  EXPECT_EQ(Flt(BinOp::kFloorDiv, 1.0, 0.0), "!ZeroDivisionError: float floor division by zero");
  EXPECT_EQ(Flt(BinOp::kMod, 1.0, 0.0), "!ZeroDivisionError: float modulo");
  EXPECT_EQ(Flt(BinOp::kPow, 0.0, -1.0), "!ZeroDivisionError: 0.0 cannot be raised to a negative power");
  EXPECT_EQ(Flt(BinOp::kPow, 10.0, 400.0), "!OverflowError: (34, 'Numerical result out of range')");
  EXPECT_EQ(Flt(BinOp::kPow, -8.0, 1.0 / 3),
            "!ValueError: negative number cannot be raised to a fractional power (complex numbers are not supported "
            "by gilvm)");
}

TEST_F(NumberTest, IntDunders) {
  EXPECT_EQ(Method(Value::Int(1), "__add__", {Value::Float(1.0)}), "NotImplemented");
  EXPECT_EQ(Method(Value::Int(1), "__add__", {Value::Bool(true)}), "2");
  EXPECT_EQ(Method(Value::Int(7), "__rsub__", {Value::Int(10)}), "3");
  EXPECT_EQ(Method(Value::Int(1), "__add__", {}), "!TypeError: expected 1 argument, got 0");
  EXPECT_EQ(Method(Value::Int(7), "__divmod__", {Value::Int(-2)}), "(-4, -1)");
  EXPECT_EQ(Method(Value::Int(2), "__pow__", {Value::Int(10), Value::Int(1000)}), "24");
  EXPECT_EQ(Method(Value::Int(1), "__eq__", {Value::Float(1.0)}), "NotImplemented");
  EXPECT_EQ(Method(Value::Int(kMin), "__neg__", {}), "9223372036854775808");
  EXPECT_EQ(Method(Value::Int(-5), "__abs__", {}), "5");
  EXPECT_EQ(Method(Value::Int(5), "__invert__", {}), "-6");
  EXPECT_EQ(Method(Value::Int(-1), "__hash__", {}), "-2");
  EXPECT_EQ(Method(Value::Int(15), "__round__", {Value::Int(-1)}), "20");
  EXPECT_EQ(Method(Value::Int(25), "__round__", {Value::Int(-1)}), "20");
  EXPECT_EQ(Method(Value::Int(-1250), "__round__", {Value::Int(-2)}), "-1200");
  EXPECT_EQ(Method(Value::Int(1350), "__round__", {Value::Int(-2)}), "1400");
  EXPECT_EQ(Method(Value::Int(5), "__round__", {Value::Float(1.5)}),
            "!TypeError: 'float' object cannot be interpreted as an integer");
  EXPECT_EQ(Method(Value::Int(255), "bit_length", {}), "8");
  EXPECT_EQ(Method(Value::Int(-255), "bit_count", {}), "8");
  EXPECT_EQ(Method(Value::Int(1), "bit_length", {Value::Int(1)}), "!TypeError: int.bit_length() takes no arguments (1 given)");
  EXPECT_EQ(Method(Value::Bool(true), "__int__", {}), "1");
  EXPECT_EQ(Method(Value::Bool(true), "__float__", {}), "1.0");
  EXPECT_EQ(Method(Value::Bool(true), "__repr__", {}), "'True'");
}

TEST_F(NumberTest, BoolBitwiseStaysBool) {
  EXPECT_EQ(Method(Value::Bool(true), "__and__", {Value::Bool(false)}), "False");
  EXPECT_EQ(Method(Value::Bool(true), "__or__", {Value::Bool(false)}), "True");
  EXPECT_EQ(Method(Value::Bool(true), "__xor__", {Value::Bool(true)}), "False");
  EXPECT_EQ(Method(Value::Bool(true), "__and__", {Value::Int(3)}), "1");
  EXPECT_EQ(Method(Value::Bool(true), "__add__", {Value::Bool(true)}), "2");
  EXPECT_EQ(Method(Value::Bool(true), "__and__", {Value::Float(1.0)}), "NotImplemented");
}

TEST_F(NumberTest, FloatDunders) {
  EXPECT_EQ(Method(Value::Float(1.0), "__add__", {Value::Int(1)}), "2.0");
  EXPECT_EQ(Method(Value::Float(1.0), "__add__", {Value::None()}), "NotImplemented");
  EXPECT_EQ(Method(Value::Float(2.0), "__rpow__", {Value::Int(3)}), "9.0");
  EXPECT_EQ(Method(Value::Float(2.0), "__rtruediv__", {Value::Int(1)}), "0.5");
  EXPECT_EQ(Method(Value::Float(7.5), "__rdivmod__", {Value::Int(2)}), "(0.0, 2.0)");
  EXPECT_EQ(Method(Value::Float(7.5), "__divmod__", {Value::Int(2)}), "(3.0, 1.5)");
  EXPECT_EQ(Method(Value::Float(1.0), "__divmod__", {Value::Float(0.0)}), "!ZeroDivisionError: float divmod()");
  EXPECT_EQ(Method(Value::Float(1.0), "__pow__", {Value::Int(2), Value::Int(3)}),
            "!TypeError: pow() 3rd argument not allowed unless all arguments are integers");
  EXPECT_EQ(Method(Value::Float(1.0), "__eq__", {Value::Int(1)}), "True");
  EXPECT_EQ(Method(Value::Float(9007199254740992.0), "__lt__", {Value::Int((int64_t{1} << 53) + 1)}), "True");
  EXPECT_EQ(Method(Value::Float(std::nan("")), "__ne__", {Value::Int(1)}), "True");
  EXPECT_EQ(Method(Value::Float(-1.5), "__ceil__", {}), "-1");
  EXPECT_EQ(Method(Value::Float(-1.5), "__floor__", {}), "-2");
  EXPECT_EQ(Method(Value::Float(-1.5), "__int__", {}), "-1");
  EXPECT_EQ(Method(Value::Float(std::numeric_limits<double>::infinity()), "__int__", {}),
            "!OverflowError: cannot convert float infinity to integer");
  EXPECT_EQ(Method(Value::Float(std::nan("")), "__trunc__", {}), "!ValueError: cannot convert float NaN to integer");
  EXPECT_EQ(Method(Value::Float(1e19), "__int__", {}), "10000000000000000000");
  EXPECT_EQ(Method(Value::Float(2.5), "__round__", {}), "2");
  EXPECT_EQ(Method(Value::Float(-0.5), "__round__", {}), "0");
  EXPECT_EQ(Method(Value::Float(3.5), "__round__", {Value::None()}), "4");
  EXPECT_EQ(Method(Value::Float(2.675), "__round__", {Value::Int(2)}), "2.67");
  EXPECT_EQ(Method(Value::Float(2.5), "__round__", {Value::Int(0)}), "2.0");
  EXPECT_EQ(Method(Value::Float(1.7976931348623157e308), "__round__", {Value::Int(-308)}),
            "!OverflowError: rounded value too large to represent");
  EXPECT_EQ(Method(Value::Float(1.5), "__round__", {Value::Float(1.5)}),
            "!TypeError: 'float' object cannot be interpreted as an integer");
  EXPECT_EQ(Method(Value::Float(-0.0), "__abs__", {}), "0.0");
  EXPECT_EQ(Method(Value::Float(1.0), "__hash__", {}), "1");
  EXPECT_EQ(Method(Value::Float(1.0), "is_integer", {}), "True");
  EXPECT_EQ(Method(Value::Float(1.5), "is_integer", {}), "False");
  EXPECT_EQ(Method(Value::Float(1.0), "is_integer", {Value::Int(1)}),
            "!TypeError: float.is_integer() takes no arguments (1 given)");
  EXPECT_EQ(Method(Value::Float(1.5), "as_integer_ratio", {}), "(3, 2)");
  EXPECT_EQ(Method(Value::Float(0.1), "as_integer_ratio", {}), "(3602879701896397, 36028797018963968)");
  EXPECT_EQ(Method(Value::Float(-8.0), "as_integer_ratio", {}), "(-8, 1)");
  EXPECT_EQ(Method(Value::Float(1.5), "hex", {}), "'0x1.8000000000000p+0'");
  EXPECT_EQ(Method(Value::Float(0.1), "hex", {}), "'0x1.999999999999ap-4'");
  EXPECT_EQ(Method(Value::Float(-0.0), "hex", {}), "'-0x0.0p+0'");
  EXPECT_EQ(Method(Value::Float(5e-324), "hex", {}), "'0x0.0000000000001p-1022'");
  EXPECT_EQ(Method(Value::Float(std::numeric_limits<double>::infinity()), "hex", {}), "'inf'");
}

}  // namespace
}  // namespace gilvm::vm
