// crc32.c: CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, as in zlib and Ethernet).
//
// A 256-entry table is built at start-up; strings and a 64 KiB generated buffer are checked with it,
// the buffer also in uneven pieces and bit by bit (no table) to show the three ways agree.
// Exercises: SHR/XOR/AND, table loads, byte loads, MUL in the generator.
//
// expect-output: crc32("") = 00000000
// expect-output: crc32("a") = e8b7be43
// expect-output: crc32("abc") = 352441c2
// expect-output: crc32("123456789") = cbf43926
// expect-output: crc32("The quick brown fox jumps over the lazy dog") = 414fa339
// expect-output: table[1] = 77073096 table[128] = edb88320 table[255] = 2d02ef8d
// expect-output: crc32(buffer of 65536 bytes) = c0ad300c
// expect-output: in pieces of 1..97 bytes: c0ad300c
// expect-output: bit by bit: c0ad300c
// expect-exit: 1
// max-instructions: 30000000
#include "platform.h"

enum { BUF_SIZE = 65536 };
static const uint32_t POLY = 0xEDB88320u;

static uint32_t table[256];
static uint8_t buffer[BUF_SIZE];

static void make_table(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++) {
            c = (c & 1) ? POLY ^ (c >> 1) : c >> 1;
        }
        table[n] = c;
    }
}

// Continues a CRC: crc is the value returned for the bytes before p (0 to start).
static uint32_t crc32_update(uint32_t crc, const uint8_t *p, size_t n)
{
    uint32_t c = ~crc;
    while (n-- > 0) {
        c = table[(c ^ *p++) & 0xFF] ^ (c >> 8);
    }
    return ~c;
}

// The same CRC without the table: eight conditional XORs per byte (the mask trick avoids a branch).
static uint32_t crc32_bitwise(const uint8_t *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++) {
            uint32_t mask = -(c & 1);
            c = (c >> 1) ^ (POLY & mask);
        }
    }
    return ~c;
}

static uint32_t crc32_string(const char *s)
{
    return crc32_update(0, (const uint8_t *)s, strlen(s));
}

int main(void)
{
    static const char *const inputs[] = {
        "", "a", "abc", "123456789", "The quick brown fox jumps over the lazy dog",
    };
    make_table();
    for (unsigned i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        printf_("crc32(\"%s\") = %08x\n", inputs[i], crc32_string(inputs[i]));
    }
    printf_("table[1] = %08x table[128] = %08x table[255] = %08x\n", table[1], table[128], table[255]);

    for (uint32_t i = 0; i < BUF_SIZE; i++) {
        buffer[i] = (uint8_t)((i * 2654435761u) >> 24) ^ (uint8_t)i;
    }
    uint32_t whole = crc32_update(0, buffer, BUF_SIZE);
    printf_("crc32(buffer of %d bytes) = %08x\n", BUF_SIZE, whole);

    uint32_t crc = 0;
    size_t done = 0;
    for (size_t piece = 1; done < BUF_SIZE; piece = piece % 97 + 1) {
        size_t n = BUF_SIZE - done < piece ? BUF_SIZE - done : piece;
        crc = crc32_update(crc, buffer + done, n);
        done += n;
    }
    printf_("in pieces of 1..97 bytes: %08x\n", crc);
    printf_("bit by bit: %08x\n", crc32_bitwise(buffer, BUF_SIZE));
    return 0;
}
