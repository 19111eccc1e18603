// Reading and writing the library's model types with xbl, nlohmann/json, RapidJSON and simdjson
// On-Demand: each one makes or takes the very same structs (see contestants.hpp, and
// equivalence_test.cpp, which checks that they do).
//
//   bench DATA_DIR [benchmark options]      DATA_DIR: where make_data wrote the documents
//
// Each benchmark reports MB/s (the document's size, the same for every contestant, read or
// written), documents/s, and as counters:
//   allocs_per_doc        heap allocations per document, through operator new (replaced below)
//                         and RapidJSON's allocator, counted over one untimed pass after the
//                         timed loop (whose start and stop allocate in Google Benchmark itself)
//   result_allocs_per_doc what the result itself needs: the allocations of a copy of it, one per
//                         vector and per string too long to be stored inline
//   peak_bytes            (single documents) the most heap in use at once while one document
//                         is read or written from nothing, the result included, the input not
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "alloc_count.hpp"
#include "contestants.hpp"
#include "user_models.hpp"

// ---- a counting operator new ------------------------------------------------------------------

namespace {
// Out of line, so that no caller sees malloc and free behind operator new and delete.
[[gnu::noinline]] void* counted_malloc(std::size_t n) {
  void* p = std::malloc(n ? n : 1);
  alloc_count::on_alloc(p);
  return p;
}
[[gnu::noinline]] void* counted_aligned(std::size_t n, std::align_val_t al) {
  const auto a = static_cast<std::size_t>(al);
  void* p = std::aligned_alloc(a, (n + a - 1) / a * a);
  alloc_count::on_alloc(p);
  return p;
}
[[gnu::noinline]] void counted_free(void* p) noexcept {
  alloc_count::on_free(p);
  std::free(p);
}
}  // namespace

void* operator new(std::size_t n) {
  if (void* p = counted_malloc(n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
  if (void* p = counted_malloc(n)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return counted_malloc(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return counted_malloc(n); }
void* operator new(std::size_t n, std::align_val_t a) {
  if (void* p = counted_aligned(n, a)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n, std::align_val_t a) {
  if (void* p = counted_aligned(n, a)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept { return counted_aligned(n, a); }
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return counted_aligned(n, a);
}
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete(void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { counted_free(p); }

// ---- the benchmarks ---------------------------------------------------------------------------

namespace {

using presence_t = std::vector<xbl::PresenceRecord>;
using permissions_t = xbl::PermissionCheckBatchResponse;
using invite_t = xbl::HandleRequest;

template <class T>
T reference(std::string_view text) {
  auto r = xbl::from_json<T>(text);
  if (!r) throw std::runtime_error(fmt::format("{}", r.error()));
  return std::move(*r);
}

// Throughput, and the allocations of one more pass, counted outside the timed loop: its first
// and last steps allocate in Google Benchmark, which would be charged to every contestant.
template <class Pass>
void finish(benchmark::State& state, std::size_t docs, std::size_t bytes, const Pass& pass) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * docs));
  const auto before = alloc_count::allocations;
  pass();
  state.counters["allocs_per_doc"] =
      static_cast<double>(alloc_count::allocations - before) / static_cast<double>(docs);
}

template <class C, class T>
void read_bench(benchmark::State& state, const std::vector<std::string_view>& docs, std::size_t bytes) {
  C c;
  // Untimed: what the result needs, and the peak of one read from nothing.
  std::uint64_t result_allocs = 0;
  for (const auto d : docs) {
    const T value = c.template read<T>(d);
    const auto before = alloc_count::allocations;
    const T copy = value;
    result_allocs += alloc_count::allocations - before;
    benchmark::DoNotOptimize(&copy);
  }
  if (docs.size() == 1) {
    alloc_count::peak_scope scope;
    {
      C fresh;
      const T value = fresh.template read<T>(docs[0]);
      benchmark::DoNotOptimize(&value);
    }
    state.counters["peak_bytes"] = static_cast<double>(scope.peak());
  }

  const auto read_all = [&] {
    for (const auto d : docs) {
      T value = c.template read<T>(d);
      benchmark::DoNotOptimize(&value);
      benchmark::ClobberMemory();
    }
  };
  for (auto _ : state) read_all();
  finish(state, docs.size(), bytes, read_all);
  state.counters["result_allocs_per_doc"] = static_cast<double>(result_allocs) / static_cast<double>(docs.size());
}

template <class C, class T>
void write_bench(benchmark::State& state, const std::vector<T>& values, bool pretty, std::size_t bytes) {
  C c;
  if (values.size() == 1) {
    alloc_count::peak_scope scope;
    {
      C fresh;
      const auto out = fresh.write(values[0], pretty);
      benchmark::DoNotOptimize(C::text(out).data());
    }
    state.counters["peak_bytes"] = static_cast<double>(scope.peak());
  }
  const auto write_all = [&] {
    for (const auto& v : values) {
      const auto out = c.write(v, pretty);
      benchmark::DoNotOptimize(C::text(out).data());
      benchmark::ClobberMemory();
    }
  };
  for (auto _ : state) write_all();
  finish(state, values.size(), bytes, write_all);
}

// Reading into the values a first read filled, and writing into the strings a first write filled:
// how an SDK reads the same payloads over and over. A pass after the timed loop counts what the
// reads or writes allocate (the goal: nothing).
template <class T>
void read_into_bench(benchmark::State& state, const std::vector<std::string_view>& docs, std::size_t bytes) {
  std::vector<T> values(docs.size());
  const auto read_all = [&] {
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (xbl::from_json(docs[i], values[i]).code != xbl::errc::ok) state.SkipWithError("read into: the read failed");
      benchmark::DoNotOptimize(&values[i]);
      benchmark::ClobberMemory();
    }
  };
  read_all();
  for (auto _ : state) read_all();
  finish(state, docs.size(), bytes, read_all);
}

template <class T>
void write_into_bench(benchmark::State& state, const std::vector<T>& values, bool pretty, std::size_t bytes) {
  std::vector<std::string> texts(values.size());
  const auto write_all = [&] {
    for (std::size_t i = 0; i < values.size(); ++i) {
      xbl::to_json(values[i], texts[i], {.pretty = pretty, .indent = 4});
      benchmark::DoNotOptimize(texts[i].data());
      benchmark::ClobberMemory();
    }
  };
  write_all();
  for (auto _ : state) write_all();
  finish(state, values.size(), bytes, write_all);
}

// One value picked out of a document by its JSON Pointer, against reading the whole document (the
// `read` row of the same data set).
template <class V>
void read_at_bench(benchmark::State& state, std::string_view doc, std::string pointer) {
  for (auto _ : state) {
    auto r = xbl::read_at<V>(doc, pointer);
    if (!r) state.SkipWithError("read_at: the read failed");
    benchmark::DoNotOptimize(&r);
    benchmark::ClobberMemory();
  }
  finish(state, 1, doc.size(), [&] { benchmark::DoNotOptimize(xbl::read_at<V>(doc, pointer)); });
}

// One data set: its documents as text, and as values (read by the library) for the writers.
template <class T>
struct dataset {
  std::string name;
  std::vector<std::string_view> docs;
  std::size_t bytes = 0;
  bool pretty = false;
  std::vector<T> values;

  dataset(std::string n, std::vector<std::string_view> d, bool p) : name(std::move(n)), docs(std::move(d)), pretty(p) {
    for (const auto doc : docs) {
      bytes += doc.size();
      values.push_back(reference<T>(doc));
    }
  }
};

// The fastest repetition: on a machine that does other work, the one least disturbed by it.
double minimum(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

template <class C, class T>
void register_for(const dataset<T>& d) {
  benchmark::RegisterBenchmark(("read/" + d.name + "/" + C::name).c_str(),
                               [&d](benchmark::State& s) { read_bench<C, T>(s, d.docs, d.bytes); })
      ->Unit(benchmark::kMicrosecond)
      ->ComputeStatistics("min", minimum);
  benchmark::RegisterBenchmark(("write/" + d.name + "/" + C::name).c_str(),
                               [&d](benchmark::State& s) { write_bench<C, T>(s, d.values, d.pretty, d.bytes); })
      ->Unit(benchmark::kMicrosecond)
      ->ComputeStatistics("min", minimum);
}

template <class T>
void register_all(const dataset<T>& d) {
  register_for<contestants::xbl_lib>(d);
  register_for<contestants::simdjson_lib>(d);
  register_for<contestants::rapidjson_lib>(d);
  register_for<contestants::nlohmann_lib>(d);
}

template <class T>
void register_reuse(const dataset<T>& d) {
  benchmark::RegisterBenchmark(("read_into/" + d.name + "/xbl").c_str(),
                               [&d](benchmark::State& s) { read_into_bench<T>(s, d.docs, d.bytes); })
      ->Unit(benchmark::kMicrosecond)
      ->ComputeStatistics("min", minimum);
  benchmark::RegisterBenchmark(("write_into/" + d.name + "/xbl").c_str(),
                               [&d](benchmark::State& s) { write_into_bench<T>(s, d.values, d.pretty, d.bytes); })
      ->Unit(benchmark::kMicrosecond)
      ->ComputeStatistics("min", minimum);
}

// One object whose members but the first are unknown to its type (`{"id":"m","k0":0,"k1":1,...}`
// as a MediaRecord), read under each policy that reads them all: the time per member is the same
// for a thousand members as for a hundred thousand, or a text can make the reader slow at will.
std::string many_unknown(std::size_t count) {
  std::string text = R"({"id":"m")";
  for (std::size_t i = 0; i < count; ++i) text += fmt::format(R"(,"k{}":{})", i, i);
  return text + "}";
}

void unknown_bench(benchmark::State& state, const std::string& text, std::size_t count, xbl::unknown_key_policy policy) {
  xbl::read_options options;
  options.unknown_keys = policy;
  for (auto _ : state) {
    auto r = xbl::from_json<xbl::MediaRecord>(text, options);
    if (!r) state.SkipWithError("unknown members: the read failed");
    benchmark::DoNotOptimize(&r);
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * count));
}

void register_unknown() {
  static const std::vector<std::pair<std::size_t, std::string>> objects = [] {
    std::vector<std::pair<std::size_t, std::string>> v;
    for (const std::size_t count : {1'000, 10'000, 100'000}) v.emplace_back(count, many_unknown(count));
    return v;
  }();
  for (const auto& [count, text] : objects) {
    for (const auto& [policy, name] : {std::pair{xbl::unknown_key_policy::skip, "skip"}, std::pair{xbl::unknown_key_policy::keep, "keep"}}) {
      benchmark::RegisterBenchmark(fmt::format("unknown/{}/xbl-{}", count, name).c_str(),
                                   [&text = text, count = count, policy = policy](benchmark::State& s) {
                                     unknown_bench(s, text, count, policy);
                                   })
          ->Unit(benchmark::kMicrosecond)
          ->ComputeStatistics("min", minimum);
    }
  }
}

#ifndef XBL_BENCH_FLAGS
#define XBL_BENCH_FLAGS ""
#endif

}  // namespace

int main(int argc, char** argv) {
  // glibc gives the top of its heap back to the kernel when a free leaves more than the trim
  // threshold there, and the next read faults those pages in again. Whether a contestant's last
  // frees land on the top is an accident of allocation order, not a property of its parser, and
  // it moved one contestant's time by up to 40% from run to run: so no contestant's heap is
  // trimmed, and none is served by mmap, which would fault the same way.
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  benchmark::Initialize(&argc, argv);
  if (argc != 2) {
    fmt::print(stderr, "usage: {} DATA_DIR [benchmark options]\n", argv[0]);
    return 2;
  }
  try {
    static const contestants::inputs in(argv[1]);
    using contestants::view;
    static const dataset<presence_t> presence("presence", {view(in.presence)}, false);
    static const dataset<presence_t> pretty("presence_pretty", {view(in.presence_pretty)}, true);
    static const dataset<permissions_t> permissions("permissions", {view(in.permissions)}, false);
    static const dataset<invite_t> invites("invites", in.invite_lines, false);
    register_all(presence);
    register_all(pretty);
    register_all(permissions);
    register_all(invites);
    static const dataset<user_model::Presence> user_presence("user_presence", {view(in.presence)}, false);
    static const dataset<user_model::PermissionBatch> user_permissions("user_permissions", {view(in.permissions)}, false);
    register_all(user_presence);
    register_all(user_permissions);
    for (const auto* d : {&presence, &pretty}) register_reuse(*d);
    register_reuse(permissions);
    register_reuse(invites);
    // The xuid of the last record, 99.9% of the way into the 1 MB document.
    benchmark::RegisterBenchmark("read_at/presence/xbl",
                                 [d = view(in.presence)](benchmark::State& s) { read_at_bench<xbl::Xuid>(s, d, "/999/xuid"); })
        ->Unit(benchmark::kMicrosecond)
        ->ComputeStatistics("min", minimum);
    register_unknown();
  } catch (const std::exception& e) {
    fmt::print(stderr, "bench: {}\n", e.what());
    return 1;
  }
  benchmark::AddCustomContext("compiler", __VERSION__);
  benchmark::AddCustomContext("flags", XBL_BENCH_FLAGS);
  benchmark::AddCustomContext("simdjson_implementation", simdjson::get_active_implementation()->name());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
