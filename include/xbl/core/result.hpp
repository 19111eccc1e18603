#pragma once

#include <utility>
#include <variant>

#include "xbl/core/error.hpp"
#include "xbl/core/platform.hpp"

namespace xbl {

// A value or the error that prevented it: the small stand-in for std::expected that C++20 lacks.
template <class T>
class result {
 public:
  result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  result(xbl::error e) : state_(std::in_place_index<1>, std::move(e)) {}

  explicit operator bool() const noexcept { return state_.index() == 0; }
  bool has_value() const noexcept { return state_.index() == 0; }

  T& value() & { check(); return *std::get_if<0>(&state_); }
  const T& value() const& { check(); return *std::get_if<0>(&state_); }
  T&& value() && { check(); return std::move(*std::get_if<0>(&state_)); }

  T& operator*() & noexcept { return *std::get_if<0>(&state_); }
  const T& operator*() const& noexcept { return *std::get_if<0>(&state_); }
  T&& operator*() && noexcept { return std::move(*std::get_if<0>(&state_)); }
  T* operator->() noexcept { return std::get_if<0>(&state_); }
  const T* operator->() const noexcept { return std::get_if<0>(&state_); }

  // The error of an empty result; a default error (code ok) when there is a value.
  const xbl::error& error() const noexcept {
    static const xbl::error none{};
    const auto* e = std::get_if<1>(&state_);
    return e ? *e : none;
  }

 private:
  void check() const {
    if (const auto* e = std::get_if<1>(&state_)) detail::raise<bad_result>(*e);
  }
  std::variant<T, xbl::error> state_;
};

}  // namespace xbl
