#pragma once

#include <cstddef>
#include <array>
#include <vector>

namespace xbl::detail {

// Where each thread keeps the scratch vectors of the reads it makes, one vector per element type and
// nesting level, from one read to the next: the elements of an array before they are moved into a
// result allocated once at its final size, the keys of an object for the duplicate check. They are
// allocated only by a thread's first reads. A vector that held more than `keep_bytes` is given back
// after use. The levels are a fixed array, so that each element type costs no code to grow them:
// a read nested deeper than that in arrays of one element type has a vector of its own, made and
// freed with the lease.
template <class E, std::size_t KeepBytes = std::size_t{1} << 20>
class thread_buffers {
 public:
  static constexpr std::size_t keep_bytes = KeepBytes;
  static constexpr std::size_t kept_levels = 8;

  class lease {
   public:
    // The level is counted only once the buffer is had: a `new` that throws leaves the depth as it was.
    lease() : owner_(of_this_thread()) {
      const std::size_t depth = owner_.depth_;
      if (depth < kept_levels) [[likely]] buffer_ = &owner_.levels_[depth];
      else buffer_ = new std::vector<E>();
      owner_.depth_ = depth + 1;
    }
    ~lease() {
      const std::size_t depth = --owner_.depth_;
      if (depth < kept_levels) [[likely]] owner_.release(*buffer_);
      else delete buffer_;
    }
    lease(const lease&) = delete;
    lease& operator=(const lease&) = delete;
    std::vector<E>& buffer() noexcept { return *buffer_; }

   private:
    thread_buffers& owner_;
    std::vector<E>* buffer_;
  };

  static thread_buffers& of_this_thread() {
    thread_local thread_buffers buffers;
    return buffers;
  }

 private:
  void release(std::vector<E>& buffer) noexcept {
    buffer.clear();
    if (buffer.capacity() * sizeof(E) > keep_bytes) std::vector<E>().swap(buffer);
  }

  std::array<std::vector<E>, kept_levels> levels_;
  std::size_t depth_ = 0;
};

}  // namespace xbl::detail
