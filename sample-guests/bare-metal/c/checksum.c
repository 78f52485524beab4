// checksum.c: Adler-32 (as in zlib) and Fletcher-16 over known strings and 64 KiB of generated data.
//
// Exercises: 32-bit DIV/modulo (every byte in the naive Adler-32), MUL in the generator, shifts.
//
// expect-output: adler32("Wikipedia") = 11e60398
// expect-output: adler32("") = 00000001
// expect-output: fletcher16("abcde") = c8f0
// expect-output: fletcher16("abcdef") = 2057
// expect-output: fletcher16("abcdefgh") = 0627
// expect-output: data: 65536 bytes, first 8: 07 65 25 22 46 d6 6c 62
// expect-output: adler32(data) = 9c6dea2e
// expect-output: adler32 naive agrees: yes
// expect-output: fletcher16(data) = 2c1f
// expect-output: fletcher16 of 1000-byte chunks: 3f80 7d08 c7d6 f750
// expect-exit: 1
// max-instructions: 20000000
#include "platform.h"

enum { DATA_SIZE = 65536, ADLER_MOD = 65521, ADLER_NMAX = 5552 };

static uint8_t data[DATA_SIZE];

// Fills data with the high bits of a linear congruential generator (the ANSI C rand() constants).
static void generate(void)
{
    uint32_t x = 20031019;
    for (int i = 0; i < DATA_SIZE; i++) {
        x = x * 1103515245u + 12345u;
        data[i] = (uint8_t)(x >> 16);
    }
}

// Adler-32 the zlib way: the sums are reduced only every ADLER_NMAX bytes, the most that cannot
// overflow 32 bits.
static uint32_t adler32(const uint8_t *p, size_t n)
{
    uint32_t a = 1;
    uint32_t b = 0;
    while (n > 0) {
        size_t chunk = n < ADLER_NMAX ? n : ADLER_NMAX;
        n -= chunk;
        while (chunk-- > 0) {
            a += *p++;
            b += a;
        }
        a %= ADLER_MOD;
        b %= ADLER_MOD;
    }
    return (b << 16) | a;
}

// Adler-32 straight from the definition: reduce after every byte.
static uint32_t adler32_naive(const uint8_t *p, size_t n)
{
    uint32_t a = 1;
    uint32_t b = 0;
    for (size_t i = 0; i < n; i++) {
        a = (a + p[i]) % ADLER_MOD;
        b = (b + a) % ADLER_MOD;
    }
    return (b << 16) | a;
}

static uint16_t fletcher16(const uint8_t *p, size_t n)
{
    uint16_t s1 = 0;
    uint16_t s2 = 0;
    for (size_t i = 0; i < n; i++) {
        s1 = (uint16_t)((s1 + p[i]) % 255);
        s2 = (uint16_t)((s2 + s1) % 255);
    }
    return (uint16_t)((s2 << 8) | s1);
}

static const uint8_t *bytes(const char *s)
{
    return (const uint8_t *)s;
}

int main(void)
{
    printf_("adler32(\"Wikipedia\") = %08x\n", adler32(bytes("Wikipedia"), 9));
    printf_("adler32(\"\") = %08x\n", adler32(bytes(""), 0));
    static const char *const words[] = {"abcde", "abcdef", "abcdefgh"};
    for (int i = 0; i < 3; i++) {
        printf_("fletcher16(\"%s\") = %04x\n", words[i], fletcher16(bytes(words[i]), strlen(words[i])));
    }
    generate();
    printf_("data: %d bytes, first 8:", DATA_SIZE);
    for (int i = 0; i < 8; i++) {
        printf_(" %02x", data[i]);
    }
    printf_("\n");
    uint32_t fast = adler32(data, DATA_SIZE);
    printf_("adler32(data) = %08x\n", fast);
    printf_("adler32 naive agrees: %s\n", adler32_naive(data, DATA_SIZE) == fast ? "yes" : "NO");
    printf_("fletcher16(data) = %04x\n", fletcher16(data, DATA_SIZE));
    printf_("fletcher16 of 1000-byte chunks:");
    for (int i = 0; i < 4; i++) {
        printf_(" %04x", fletcher16(data + i * 1000, 1000));
    }
    printf_("\n");
    return 0;
}
