/*
 * runtime.c: what a freestanding program needs besides putchar_ and exit_.
 *
 * gcc may emit calls to memcpy, memset, memmove and memcmp by itself (struct copies, loops it
 * recognises), and on i386 it compiles 64-bit division and remainder into calls to libgcc's
 * __udivdi3, __umoddi3, __divdi3 and __moddi3 (or, when it needs both quotient and remainder, into
 * __udivmoddi4 and __divmoddi4). We do not link libgcc, so they are defined here.
 */
#include "platform.h"

void puts_(const char *s)
{
    while (*s != '\0') {
        putchar_(*s++);
    }
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n] != '\0') {
        n++;
    }
    return n;
}

void *memcpy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    while (n-- > 0) {
        *d++ = *s++;
    }
    return dst;
}

/* Copies n bytes; the areas may overlap (copies backwards when dst lies above src). */
void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d <= s || d >= s + n) {
        return memcpy(dst, src, n);
    }
    while (n-- > 0) {
        d[n] = s[n];
    }
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    while (n-- > 0) {
        *d++ = (unsigned char)c;
    }
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a;
    const unsigned char *q = b;
    for (size_t i = 0; i < n; i++) {
        if (p[i] != q[i]) {
            return p[i] < q[i] ? -1 : 1;
        }
    }
    return 0;
}

/*
 * Unsigned 64-bit n / d, remainder to *rem. d must not be 0 (a zero divisor reaches the DIV
 * instruction and raises #DE, as libgcc's helper would).
 *
 * A divisor below 2^32 takes two DIVs: the high word first, then (remainder:low word) / d, where
 * remainder < d guarantees the second quotient fits in 32 bits. A larger divisor gives a quotient
 * below 2^32, found by shift-and-subtract.
 */
static uint64_t udivmod64(uint64_t n, uint64_t d, uint64_t *rem)
{
    if ((uint32_t)(d >> 32) == 0) {
        uint32_t dv = (uint32_t)d;
        uint32_t nh = (uint32_t)(n >> 32);
        uint32_t qh = nh / dv;
        uint32_t rh = nh % dv;
        uint32_t ql;
        uint32_t rl;
        __asm__("divl %4" : "=a"(ql), "=d"(rl) : "a"((uint32_t)n), "d"(rh), "rm"(dv));
        *rem = rl;
        return ((uint64_t)qh << 32) | ql;
    }
    uint64_t q = 0;
    uint64_t r = 0;
    for (int bit = 63; bit >= 0; bit--) {
        r = (r << 1) | ((n >> bit) & 1);
        if (r >= d) {
            r -= d;
            q |= (uint64_t)1 << bit;
        }
    }
    *rem = r;
    return q;
}

uint64_t __udivdi3(uint64_t n, uint64_t d)
{
    uint64_t r;
    return udivmod64(n, d, &r);
}

uint64_t __umoddi3(uint64_t n, uint64_t d)
{
    uint64_t r;
    udivmod64(n, d, &r);
    return r;
}

uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem)
{
    uint64_t r;
    uint64_t q = udivmod64(n, d, &r);
    if (rem != NULL) {
        *rem = r;
    }
    return q;
}

/* Signed division truncates toward zero; the remainder takes the sign of the dividend (C99). */
int64_t __divdi3(int64_t n, int64_t d)
{
    uint64_t un = n < 0 ? -(uint64_t)n : (uint64_t)n;
    uint64_t ud = d < 0 ? -(uint64_t)d : (uint64_t)d;
    uint64_t r;
    uint64_t q = udivmod64(un, ud, &r);
    return (int64_t)((n < 0) != (d < 0) ? -q : q);
}

int64_t __moddi3(int64_t n, int64_t d)
{
    uint64_t un = n < 0 ? -(uint64_t)n : (uint64_t)n;
    uint64_t ud = d < 0 ? -(uint64_t)d : (uint64_t)d;
    uint64_t r;
    udivmod64(un, ud, &r);
    return (int64_t)(n < 0 ? -r : r);
}

int64_t __divmoddi4(int64_t n, int64_t d, int64_t *rem)
{
    int64_t q = __divdi3(n, d);
    if (rem != NULL) {
        *rem = n - q * d;
    }
    return q;
}
