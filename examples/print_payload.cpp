// print_payload: read a JSON payload and print it back with its violations.
#include <cstdio>

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: %s FILE.json [TYPE]\n", argc > 0 ? argv[0] : "print_payload");
        return 2;
    }
    std::fprintf(stderr, "print_payload: not implemented yet\n");
    return 1;
}
