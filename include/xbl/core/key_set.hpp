#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
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
// them is copied. A key is remembered in eight bytes, where it stands in the text, what kind of key
// it is and the top bits of its hash, which are also where it goes in the table; and in one control
// byte of seven other bits of its hash, the only part a lookup reads while the bits differ. The
// control bytes of a hundred thousand keys fit in a core's cache where the slots would not. The key
// itself is found again in the text only when all those bits match, which, the hash being seeded,
// in practice means a repeat.
class key_set {
 public:
  // Adds the key `k` that `s` has just read. False, with s.fail() called, when the object had it
  // before, or when the key stands past the first TiB of the text, beyond what a slot can say.
  bool insert(scanner& s, const scanner::key_info& k) {
    if ((count_ + 1) * 2 > size_) grow(s);
    const auto offset = static_cast<std::uint64_t>((k.decoded ? k.at : k.text.data()) - s.begin_);
    if (offset >= max_offset)
      return s.fail(errc::invalid_value, k.at, "an unknown member past the first TiB of the text cannot be checked for a repeat");
    const std::uint64_t hash = key_hash(k.text, seed_);
    const std::uint64_t kind = k.decoded ? decoded : k.quoted ? quoted : bare;
    const std::uint64_t entry = (offset + 1) << offset_shift | kind << kind_shift | hash >> (64 - hash_bits);
    const auto tag = control_of(hash);
    word* slots = lease_.buffer().data();
    unsigned char* control = control_bytes(slots);
    const std::size_t mask = size_ - 1;
    for (std::size_t i = static_cast<std::size_t>(hash >> (64 - bits_));; i = (i + 1) & mask) {
      if (control[i] == 0) {
        control[i] = tag;
        slots[i] = entry;
        ++count_;
        return true;
      }
      if (control[i] == tag && (slots[i] & hash_mask) == (entry & hash_mask) &&
          with_key(s, slots[i], [&](std::string_view key) { return key == k.text; }))
        return s.fail(errc::duplicate_key, k.at, "the member " + detail::quoted(k.text) + " appears twice in one object");
    }
  }

 private:
  // Kept up to 8 MB, the tables of an object of about 300,000 unknown members: fresh memory for each
  // read of a large object costs more in page faults than its reading (more than 3x, measured).
  struct word {
    std::uint64_t bits;
    word() noexcept {}  // left uninitialised: resize() writes nothing
    word(std::uint64_t b) noexcept : bits(b) {}
    operator std::uint64_t() const noexcept { return bits; }
  };
  using buffers = thread_buffers<word, std::size_t{8} << 20>;

  // A slot: the key's offset in the text plus one in the top 40 bits, its kind in the next 2, and
  // the top 22 bits of its hash in the rest. A control byte: 0 for a free slot, else the hash's
  // bits 35 to 41 and the top bit set.
  static constexpr int offset_shift = 24, kind_shift = 22, hash_bits = 22;
  static constexpr std::uint64_t hash_mask = (std::uint64_t{1} << hash_bits) - 1;
  static constexpr std::uint64_t max_offset = (std::uint64_t{1} << 40) - 1;
  static constexpr std::uint64_t quoted = 0, bare = 1, decoded = 2;  // decoded: offset of its opening quote

  static constexpr unsigned char control_of(std::uint64_t hash) noexcept {
    return static_cast<unsigned char>(0x80 | (hash >> 35 & 0x7F));
  }
  // The control bytes follow the slots in one buffer: size_ slots, then size_ bytes.
  unsigned char* control_bytes(word* slots) const noexcept { return reinterpret_cast<unsigned char*>(slots + size_); }
  static std::size_t words_for(std::size_t size) noexcept { return size + size / sizeof(std::uint64_t); }

  // The text of the key a slot remembers: a view where it stands when it has no escapes (found
  // by its end, as it cannot hold a quote), decoded again where it has.
  template <class Use>
  static std::invoke_result_t<Use, std::string_view> with_key(scanner& s, std::uint64_t e, Use&& use) {
    const char* at = s.begin_ + ((e >> offset_shift) - 1);
    const auto kind = e >> kind_shift & 3;
    if (kind == decoded) return use(std::string_view(s.key_text_at(at)));
    const char* stop = kind == quoted ? static_cast<const char*>(std::memchr(at, '"', static_cast<std::size_t>(s.end - at)))
                                      : s.bare_key_end(at);
    return use(std::string_view(at, static_cast<std::size_t>(stop - at)));
  }

  // Made four times larger, at half full: moving the keys costs a third of what doubling costs,
  // and the table of n keys has at most 8n slots (72n bytes). The old table is copied aside into
  // a second buffer of the thread's, a quarter of the size, so that both keep their room for the
  // next object and a warm thread's reads allocate nothing here. The place a key goes is the top bits of its hash, so the old table, read in
  // order, fills the new one nearly in order too.
  void grow(scanner& s) {
    auto& slots = lease_.buffer();
    auto& old = spare_.buffer();
    old.assign(slots.begin(), slots.end());  // a copy, so that `slots` keeps the room of the largest table
    const std::size_t old_size = size_;
    bits_ = old_size == 0 ? 6 : bits_ + 2;
    size_ = std::size_t{1} << bits_;
    slots.resize(words_for(size_));  // not zeroed: a slot is read only where its control byte is set
    unsigned char* control = control_bytes(slots.data());
    std::memset(control, 0, size_);
    const unsigned char* old_control = reinterpret_cast<const unsigned char*>(old.data() + old_size);
    const std::size_t mask = size_ - 1;
    for (std::size_t j = 0; j < old_size; ++j) {
      if (old_control[j] == 0) continue;
      const std::uint64_t e = old[j];
      // The slot has the top 22 bits of the hash: the place in a table of up to 2^22 slots. A
      // larger table hashes the key again.
      std::size_t i = bits_ <= hash_bits ? static_cast<std::size_t>((e & hash_mask) >> (hash_bits - bits_))
                                         : with_key(s, e, [&](std::string_view key) { return static_cast<std::size_t>(key_hash(key, seed_) >> (64 - bits_)); });
      while (control[i] != 0) i = (i + 1) & mask;
      control[i] = old_control[j];
      slots[i] = e;
    }
    old.clear();
  }

  buffers::lease lease_, spare_;
  std::uint64_t seed_ = key_hash_seed();
  std::size_t count_ = 0;
  std::size_t size_ = 0;  // slots in the table: 2^bits_, or 0 before the first key
  int bits_ = 0;
};

}  // namespace xbl::detail
