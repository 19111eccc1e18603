#include "xbl_test.hpp"

#include <string>
#include <utility>
#include <vector>

// xbl::result<T>: a value or the error that prevented it.

TEST_CASE("result: a value converts to true and gives the value") {
  auto r = xbl::from_json<std::vector<int>>("[1,2]");
  CHECK(static_cast<bool>(r));
  CHECK(r.has_value());
  CHECK(r.value() == std::vector<int>{1, 2});
  CHECK(*r == std::vector<int>{1, 2});
  CHECK(r->size() == 2);
  CHECK(r.error().code == xbl::errc::ok);
  CHECK(r.error().message.empty());
  r->push_back(3);
  CHECK(r.value().size() == 3);
  const std::vector<int> moved = std::move(r).value();
  CHECK(moved == std::vector<int>{1, 2, 3});
}

TEST_CASE("result: an error converts to false and gives the error") {
  const auto r = xbl::from_json<int>("[1]");
  CHECK_FALSE(static_cast<bool>(r));
  CHECK_FALSE(r.has_value());
  CHECK(r.error().code == xbl::errc::type_mismatch);
  CHECK(r.error().offset == 0);
  CHECK(r.error().line == 1);
  CHECK(r.error().column == 1);
  CHECK(r.error().message == "expected an integer, found an array");
}

TEST_CASE("result: value() on an error throws xbl::bad_result carrying the error") {
  const auto r = xbl::from_json<std::string>("\"abc");
  REQUIRE_FALSE(r.has_value());
  CHECK_THROWS_AS((void)r.value(), xbl::bad_result);
#if XBL_TEST_EXCEPTIONS  // else value() ends the program: tests/no_exceptions/value_on_error.cpp
  try {
    (void)r.value();
    FAIL("value() did not throw");
  } catch (const xbl::bad_result& e) {
    CHECK(e.error() == r.error());
    CHECK(e.error().code == xbl::errc::unexpected_end);
    CHECK(e.error().offset == 4);
    CHECK(std::string(e.what()) == r.error().message);
  }
#endif
  auto mutable_r = xbl::from_json<std::string>("1");
  CHECK_THROWS_AS((void)mutable_r.value(), xbl::bad_result);
  CHECK_THROWS_AS((void)std::move(mutable_r).value(), xbl::bad_result);
  // bad_result is a std::runtime_error.
  CHECK_THROWS_AS((void)r.value(), std::runtime_error);
}

TEST_CASE("result: constructed directly from a value or an error") {
  const xbl::result<int> value(7);
  CHECK(value.value() == 7);
  xbl::error e;
  e.code = xbl::errc::invalid_value;
  e.message = "no";
  const xbl::result<int> failed(e);
  CHECK_FALSE(failed);
  CHECK(failed.error() == e);
}

TEST_CASE("result: copied and moved, assigned between a value and an error in each direction") {
  const auto value = xbl::from_json<std::vector<std::string>>(R"(["a","b"])");
  const auto failure = xbl::from_json<std::vector<std::string>>("[1]");
  REQUIRE(value.has_value());
  REQUIRE_FALSE(failure.has_value());

  auto copy = value;
  CHECK(*copy == std::vector<std::string>{"a", "b"});
  CHECK(*value == std::vector<std::string>{"a", "b"});  // the source is untouched
  auto error_copy = failure;
  CHECK(error_copy.error().code == xbl::errc::type_mismatch);

  copy = failure;  // value <- error
  CHECK_FALSE(copy.has_value());
  CHECK(copy.error().code == xbl::errc::type_mismatch);
  CHECK(copy.error().message == failure.error().message);
  copy = value;  // error <- value
  REQUIRE(copy.has_value());
  CHECK(*copy == *value);
  copy = xbl::result<std::vector<std::string>>(std::vector<std::string>{"c"});  // value <- value, moved
  CHECK(*copy == std::vector<std::string>{"c"});
  error_copy = xbl::from_json<std::vector<std::string>>(R"(["a")");  // error <- error, moved
  CHECK(error_copy.error().code == xbl::errc::unexpected_end);

  auto moved = std::move(copy);
  CHECK(*moved == std::vector<std::string>{"c"});
  moved = std::move(error_copy);  // value <- error, moved
  CHECK(moved.error().code == xbl::errc::unexpected_end);
  auto& self = moved;
  moved = self;  // assigned to itself
  CHECK(moved.error().code == xbl::errc::unexpected_end);
}
