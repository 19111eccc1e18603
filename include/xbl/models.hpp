#pragma once

// The model types by their names, for programs that learn which type a payload is at run time
// (from an endpoint table entry, a command line): `with_model("InviteHandle", f)` calls
// f(std::type_identity<xbl::InviteHandle>{}).
#include <array>
#include <string_view>
#include <utility>

#include "xbl/handles.hpp"
#include "xbl/presence.hpp"
#include "xbl/privacy.hpp"

namespace xbl {

namespace detail {
// Every service's list, one after the other: a new service's list is one more entry here.
inline constexpr auto models = pack_cat(handles_models, pack_cat(presence_models, privacy_models));
}  // namespace detail

// The names with_model knows, in the order of the lists.
inline constexpr auto model_names = detail::apply(
    [](const auto&... m) { return std::array<std::string_view, sizeof...(m)>{m.name...}; }, detail::models);

// Calls f(std::type_identity<T>{}) for the JSON model named `name`; false when there is none.
template <class F>
bool with_model(std::string_view name, F&& f) {
  return detail::with_model_in(detail::models, name, std::forward<F>(f));
}

}  // namespace xbl
