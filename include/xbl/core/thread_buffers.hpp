#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace xbl::detail {

// Where each thread keeps the scratch vectors of the reads it makes, one vector per element type and
// nesting level, from one read to the next: the keys of an object for the duplicate check. They are
// allocated only by a thread's first reads. A vector that held more than `keep_bytes` is given back
// after use.
template <class E, std::size_t KeepBytes = std::size_t{1} << 20>
class thread_buffers {
 public:
  static constexpr std::size_t keep_bytes = KeepBytes;

  class lease {
   public:
    explicit lease(thread_buffers& owner) : owner_(owner), buffer_(owner.acquire()) {}
    lease() : lease(of_this_thread()) {}
    ~lease() { owner_.release(buffer_); }
    lease(const lease&) = delete;
    lease& operator=(const lease&) = delete;
    std::vector<E>& buffer() noexcept { return buffer_; }

   private:
    thread_buffers& owner_;
    std::vector<E>& buffer_;
  };

  static thread_buffers& of_this_thread() {
    thread_local thread_buffers buffers;
    return buffers;
  }

 private:
  std::vector<E>& acquire() {
    if (depth_ == levels_.size()) levels_.push_back(std::make_unique<std::vector<E>>());
    return *levels_[depth_++];
  }
  void release(std::vector<E>& buffer) noexcept {
    --depth_;
    buffer.clear();
    if (buffer.capacity() * sizeof(E) > keep_bytes) std::vector<E>().swap(buffer);
  }

  std::vector<std::unique_ptr<std::vector<E>>> levels_;  // unique_ptr: a deeper level's push_back
  std::size_t depth_ = 0;                                 // moves no buffer in use
};

}  // namespace xbl::detail
