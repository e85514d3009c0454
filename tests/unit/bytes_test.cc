// bytes: the C++ contract other modules (IO, sockets) build on: NewBytes/NewByteArray,
// BytesLikeView, RequireBytesLike, BytesRepr, and the codecs' EncodeText/DecodeBytes with the
// exceptions they leave pending. Expected strings are CPython 3.11's.
#include <gtest/gtest.h>

#include <string>

#include "vm/bytes.h"
#include "vm/codecs.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/ops.h"
#include "vm/str.h"

namespace gilvm::vm {
namespace {

class BytesTest : public ::testing::Test {
 protected:
  // "TypeName: message" of the pending exception, which is cleared.
  std::string TakeError() {
    ExceptionObject* e = FetchException(ts);
    if (e == nullptr) return "<none>";
    Root keep(ts, Value::Obj(e));
    std::string msg;
    EXPECT_TRUE(StrString(ts, Value::Obj(e), &msg));
    return e->type->name + ": " + msg;
  }

  Interpreter interp;
  ThreadState& ts = interp.main_thread();
};

TEST_F(BytesTest, KindsAndTypes) {
  RootedPtr<BytesObject> b(ts, NewBytes(ts, std::string("a\0b", 3)));
  RootedPtr<BytesObject> ba(ts, NewByteArray(ts, "xy"));
  EXPECT_TRUE(IsBytes(Value::Obj(b.get())));
  EXPECT_FALSE(IsByteArray(Value::Obj(b.get())));
  EXPECT_TRUE(IsByteArray(Value::Obj(ba.get())));
  EXPECT_EQ(b->type, interp.types.bytes);
  EXPECT_EQ(ba->type, interp.types.bytearray);
  EXPECT_EQ(b->view().size(), 3u);  // embedded NULs are data
}

TEST_F(BytesTest, BytesLikeViewTakesBothKindsOnly) {
  Root b(ts, NewBytesValue(ts, "abc"));
  Root ba(ts, Value::Obj(NewByteArray(ts, "de")));
  Root s(ts, NewStrValue(ts, "abc"));
  std::string_view v;
  ASSERT_TRUE(BytesLikeView(b.get(), &v));
  EXPECT_EQ(v, "abc");
  ASSERT_TRUE(BytesLikeView(ba.get(), &v));
  EXPECT_EQ(v, "de");
  EXPECT_FALSE(BytesLikeView(s.get(), &v));
  EXPECT_FALSE(BytesLikeView(Value::Int(3), &v));
  EXPECT_EQ(ts.exc, nullptr);  // BytesLikeView never raises
}

TEST_F(BytesTest, RequireBytesLikeRaisesCPythonsTypeError) {
  Root s(ts, NewStrValue(ts, "abc"));
  std::string_view v;
  EXPECT_FALSE(RequireBytesLike(ts, s.get(), &v));
  EXPECT_EQ(TakeError(), "TypeError: a bytes-like object is required, not 'str'");
  EXPECT_FALSE(RequireBytesLike(ts, Value::None(), &v));
  EXPECT_EQ(TakeError(), "TypeError: a bytes-like object is required, not 'NoneType'");
}

TEST(BytesReprTest, QuotesAndEscapesLikeCPython) {
  EXPECT_EQ(BytesRepr("abc", false), "b'abc'");
  EXPECT_EQ(BytesRepr("", true), "bytearray(b'')");
  EXPECT_EQ(BytesRepr("it's", false), "b\"it's\"");
  EXPECT_EQ(BytesRepr("'\"", false), "b'\\'\"'");
  EXPECT_EQ(BytesRepr(std::string("\t\n\r\0\x7f\x80\xff\\", 8), false), "b'\\t\\n\\r\\x00\\x7f\\x80\\xff\\\\'");
}

TEST_F(BytesTest, CodecsRoundTripAndAliases) {
  std::string out, text;
  ASSERT_TRUE(EncodeText(ts, "caf\xc3\xa9", "UTF-8", "strict", &out));
  EXPECT_EQ(out, "caf\xc3\xa9");
  ASSERT_TRUE(EncodeText(ts, "caf\xc3\xa9", "iso-8859-1", "strict", &out));
  EXPECT_EQ(out, "caf\xe9");
  ASSERT_TRUE(DecodeBytes(ts, "caf\xe9", "latin1", "strict", &text));
  EXPECT_EQ(text, "caf\xc3\xa9");
  ASSERT_TRUE(DecodeBytes(ts, "a\xff", "ascii", "replace", &text));
  EXPECT_EQ(text, "a\xef\xbf\xbd");  // U+FFFD
}

TEST_F(BytesTest, CodecErrorsAreCPythons) {
  std::string out;
  EXPECT_FALSE(DecodeBytes(ts, "\xff", "utf-8", "strict", &out));
  EXPECT_EQ(TakeError(), "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  EXPECT_FALSE(DecodeBytes(ts, "ab\xe2\x82", "utf8", "strict", &out));
  EXPECT_EQ(TakeError(),
            "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 2-3: unexpected end of data");
  EXPECT_FALSE(EncodeText(ts, "\xc3\xa9\xc3\xa9", "ascii", "strict", &out));
  EXPECT_EQ(TakeError(),
            "UnicodeEncodeError: 'ascii' codec can't encode characters in position 0-1: ordinal not in range(128)");
  EXPECT_FALSE(EncodeText(ts, "a", "klingon", "strict", &out));
  EXPECT_EQ(TakeError(), "LookupError: unknown encoding: klingon");
  // The handler is only looked up when an error happens, as in CPython.
  EXPECT_TRUE(EncodeText(ts, "a", "ascii", "bogus", &out));
  EXPECT_FALSE(EncodeText(ts, "\xc3\xa9", "ascii", "bogus", &out));
  EXPECT_EQ(TakeError(), "LookupError: unknown error handler name 'bogus'");
}

TEST_F(BytesTest, HashMatchesStrForAscii) {
  Root b(ts, NewBytesValue(ts, "hello"));
  Root s(ts, NewStrValue(ts, "hello"));
  int64_t hb = 0, hs = 0;
  ASSERT_TRUE(Hash(ts, b.get(), &hb));
  ASSERT_TRUE(Hash(ts, s.get(), &hs));
  EXPECT_EQ(hb, hs);
  Root ba(ts, Value::Obj(NewByteArray(ts, "hello")));
  EXPECT_FALSE(Hash(ts, ba.get(), &hb));
  EXPECT_EQ(TakeError(), "TypeError: unhashable type: 'bytearray'");
}

}  // namespace
}  // namespace gilvm::vm
