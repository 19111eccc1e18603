#include "domain/round_trip.hpp"

#include <string>

// The handles and gamerpic model types: random values read back from their own JSON (compact and
// pretty) equal themselves and write the same bytes again; and the generators make what they
// promise. (Presence and privacy: round_trip_presence_test.cpp, round_trip_privacy_test.cpp.)

TEST_CASE_TEMPLATE("round trip: from_json(to_json(v)) == v, compact and pretty (handles, gamerpic)", T,
                   xbl::SessionRef, xbl::InviteAttributes, xbl::ActivityHandleRequest, xbl::InviteHandleRequest,
                   xbl::TransferHandleRequest, xbl::HandleRequest, xbl::InviteHandle, xbl::GamerpicImage) {
  round_trip::round_trip_many<T>(0x5eed0000u + sizeof(T));
}

TEST_CASE("round trip: the generators make what they promise") {
  // Both TitleId forms, both Timestamp forms, leading zeros, non-ASCII and escapes all occur.
  round_trip::model_generator g(42, false);
  bool number = false, string = false, short_ts = false, long_ts = false, zeros = false, non_ascii = false,
       escape = false;
  for (int i = 0; i < 300; ++i) {
    const auto t = xbl::to_json(g.title_id());
    (t.front() == '"' ? string : number) = true;
    const auto ts = g.timestamp().to_string();
    (ts.size() == 28 && ts.back() == 'Z' ? long_ts : short_ts) = true;
    if (g.xuid().to_string().front() == '0') zeros = true;
    const auto s = xbl::to_json(g.text(5, 5));
    for (char c : s) non_ascii = non_ascii || static_cast<unsigned char>(c) >= 0x80;
    escape = escape || s.find('\\') != std::string::npos;
  }
  CHECK(number);
  CHECK(string);
  CHECK(short_ts);
  CHECK(long_ts);
  CHECK(zeros);
  CHECK(non_ascii);
  CHECK(escape);
}
