#pragma once

#include <utility>

namespace xbl::detail {

// A T that nearly no value has (the text of an enum value outside the known list, the unknown
// members of an object), kept on the heap: one pointer in every object, and a null test to copy,
// move or destroy it when absent, where the T itself would cost its full size and its own work in
// each of them. A copy is deep.
template <class T>
class rare {
 public:
  rare() noexcept = default;
  rare(const rare& other) : p_(other.p_ ? new T(*other.p_) : nullptr) {}
  rare(rare&& other) noexcept : p_(std::exchange(other.p_, nullptr)) {}
  rare& operator=(const rare& other) {
    if (this != &other) *this = rare(other);
    return *this;
  }
  rare& operator=(rare&& other) noexcept {
    std::swap(p_, other.p_);
    return *this;
  }
  ~rare() { delete p_; }

  T* get() const noexcept { return p_; }
  // The T, made (empty) first when absent.
  T& make() {
    if (!p_) p_ = new T();
    return *p_;
  }
  void reset() noexcept {
    delete p_;
    p_ = nullptr;
  }

 private:
  T* p_ = nullptr;
};

}  // namespace xbl::detail
