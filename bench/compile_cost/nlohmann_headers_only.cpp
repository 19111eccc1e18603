// The baseline for xbl_headers_only.cpp: <nlohmann/json.hpp> included and nothing instantiated.
#include <nlohmann/json.hpp>

int headers_only() { return static_cast<int>(sizeof(nlohmann::json)); }
