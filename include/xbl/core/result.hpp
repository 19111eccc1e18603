#pragma once

#include <memory>
#include <type_traits>
#include <utility>

#include "xbl/core/error.hpp"
#include "xbl/core/platform.hpp"

namespace xbl {

// A value or the error that prevented it: the small stand-in for std::expected that C++20 lacks.
// A union and a flag rather than a std::variant, whose machinery every unit that reads a type
// would instantiate for that type, a few dozen functions each.
template <class T>
class result {
 public:
  result(T value) : ok_(true) { std::construct_at(&value_, std::move(value)); }
  result(xbl::error e) : ok_(false) { std::construct_at(&error_, std::move(e)); }

  result(const result& other) : ok_(other.ok_) {
    if (ok_) std::construct_at(&value_, other.value_);
    else std::construct_at(&error_, other.error_);
  }
  result(result&& other) noexcept(std::is_nothrow_move_constructible_v<T>) : ok_(other.ok_) {
    if (ok_) std::construct_at(&value_, std::move(other.value_));
    else std::construct_at(&error_, std::move(other.error_));
  }
  // A value replaces a value and an error an error in place; otherwise the copy is made first, so
  // that a copy that throws leaves this result as it was.
  result& operator=(const result& other) {
    if (this != &other) {
      if (ok_ && other.ok_) value_ = other.value_;
      else if (!ok_ && !other.ok_) error_ = other.error_;
      else *this = result(other);
    }
    return *this;
  }
  result& operator=(result&& other) noexcept(std::is_nothrow_move_constructible_v<T> && std::is_nothrow_move_assignable_v<T>) {
    static_assert(std::is_nothrow_move_constructible_v<T>, "xbl::result<T> needs a T that moves without throwing");
    if (this == &other) return *this;
    if (ok_ && other.ok_) {
      value_ = std::move(other.value_);
    } else if (!ok_ && !other.ok_) {
      error_ = std::move(other.error_);
    } else {
      destroy();
      ok_ = other.ok_;
      if (ok_) std::construct_at(&value_, std::move(other.value_));
      else std::construct_at(&error_, std::move(other.error_));
    }
    return *this;
  }
  ~result() { destroy(); }

  explicit operator bool() const noexcept { return ok_; }
  bool has_value() const noexcept { return ok_; }

  T& value() & { check(); return value_; }
  const T& value() const& { check(); return value_; }
  T&& value() && { check(); return std::move(value_); }

  T& operator*() & noexcept { return value_; }
  const T& operator*() const& noexcept { return value_; }
  T&& operator*() && noexcept { return std::move(value_); }
  T* operator->() noexcept { return &value_; }
  const T* operator->() const noexcept { return &value_; }

  // The error of an empty result; a default error (code ok) when there is a value.
  const xbl::error& error() const noexcept {
    static const xbl::error none{};
    return ok_ ? none : error_;
  }

 private:
  void check() const {
    if (!ok_) detail::raise<bad_result>(error_);
  }
  void destroy() noexcept {
    if (ok_) std::destroy_at(&value_);
    else std::destroy_at(&error_);
  }

  union {
    T value_;
    xbl::error error_;
  };
  bool ok_;
};

}  // namespace xbl
