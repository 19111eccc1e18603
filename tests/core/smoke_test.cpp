#include "xbl_test.hpp"

#include <filesystem>

TEST_CASE("test data directory is available") {
    const std::filesystem::path data{XBL_TEST_DATA_DIR};
    CHECK(data.is_absolute());
    CHECK(std::filesystem::is_directory(data));
}
