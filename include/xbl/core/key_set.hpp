#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "xbl/core/scanner.hpp"
#include "xbl/core/thread_buffers.hpp"

namespace xbl::detail {

constexpr std::uint64_t mix64(std::uint64_t x) noexcept {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9u;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBu;
  return x ^ (x >> 31);
}

// Seeded once per thread from where the thread's storage lies, so that which keys collide is not
// known to whoever writes the text, and a text cannot make the duplicate check quadratic by
// sending keys that all land in one place.
inline std::uint64_t key_hash_seed() noexcept {
  thread_local const std::uint64_t seed = mix64(static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(&seed)));
  return seed;
}

inline std::uint64_t key_hash(std::string_view key, std::uint64_t seed) noexcept {
  std::uint64_t h = seed ^ key.size();
  std::size_t i = 0;
  for (; i + 8 <= key.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, key.data() + i, 8);
    h = mix64(h ^ word);
  }
  std::uint64_t tail = 0;
  for (; i < key.size(); ++i) tail = (tail << 8) | static_cast<unsigned char>(key[i]);
  return mix64(h ^ tail);
}

// The keys of one object that the duplicate check has to remember (those no description names), in
// an open-addressed table of the thread's reused storage: n keys cost O(n) time, and nothing of
// them is copied. A key is remembered as a view of the text, or, when it had escapes, as where it
// stands, decoded again only when its hash matches (in practice, only for a real repeat).
class key_set {
 public:
  // Adds the key `k` that `s` has just read; false when the object had it before.
  bool insert(scanner& s, const scanner::key_info& k) {
    auto& slots = lease_.buffer();
    if ((count_ + 1) * 2 > slots.size()) grow(slots);
    const std::uint64_t hash = key_hash(k.text, seed_);
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
      slot& e = slots[i];
      if (!e.text) {
        e = k.decoded ? slot{hash, k.at, 0, true} : slot{hash, k.text.data(), k.text.size(), false};
        ++count_;
        return true;
      }
      if (e.hash == hash && same(s, e, k)) return false;
    }
  }

 private:
  struct slot {
    std::uint64_t hash = 0;
    const char* text = nullptr;  // null: free; the key's text, or where a key with escapes starts
    std::size_t size = 0;
    bool decoded = false;
  };

  static bool same(scanner& s, const slot& e, const scanner::key_info& k) {
    if (!e.decoded) return std::string_view(e.text, e.size) == k.text;
    return s.key_text_at(e.text) == k.text;  // key_text_at leaves k.text (in the scanner's scratch) alone
  }

  void grow(std::vector<slot>& slots) {
    if (slots.empty()) {
      slots.assign(16, slot{});  // into the room an earlier object left
      return;
    }
    std::vector<slot> old;
    old.swap(slots);
    slots.assign(old.size() * 2, slot{});
    const std::size_t mask = slots.size() - 1;
    for (const slot& e : old) {
      if (!e.text) continue;
      std::size_t i = static_cast<std::size_t>(e.hash) & mask;
      while (slots[i].text) i = (i + 1) & mask;
      slots[i] = e;
    }
  }

  thread_buffers<slot>::lease lease_;
  std::uint64_t seed_ = key_hash_seed();
  std::size_t count_ = 0;
};

}  // namespace xbl::detail
