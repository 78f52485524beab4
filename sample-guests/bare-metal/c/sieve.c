// sieve.c: the primes below 100000, by a byte sieve of Eratosthenes and by a bitmap of odd numbers.
//
// Exercises: byte stores in a loop, MUL for i*i, bit set/test with shifts and masks, a branch-free
// population count (shifts, ANDs, one MUL).
//
// expect-output: primes below 100000: 9592
// expect-output: sum: 454396537
// expect-output: last five: 99929 99961 99971 99989 99991
// expect-output: twin prime pairs: 1224
// expect-output: bitmap sieve count (by popcount): 9592
// expect-output: bitmap sieve agrees: yes
// expect-exit: 1
// max-instructions: 20000000
#include "platform.h"

enum { LIMIT = 100000 };

static uint8_t composite[LIMIT];                  // composite[n] != 0 <=> n is not prime (n >= 2)
static uint32_t odd_composite[(LIMIT / 2 + 31) / 32]; // bit k <=> 2k+1 is not prime

static void byte_sieve(void)
{
    composite[0] = composite[1] = 1;
    for (uint32_t i = 2; i * i < LIMIT; i++) {
        if (!composite[i]) {
            for (uint32_t j = i * i; j < LIMIT; j += i) {
                composite[j] = 1;
            }
        }
    }
}

static int odd_is_composite(uint32_t k)
{
    return (odd_composite[k >> 5] >> (k & 31)) & 1;
}

// Sieves only odd numbers: bit k stands for 2k+1; multiples of an odd p step by 2p, i.e. k += p.
static void bitmap_sieve(void)
{
    odd_composite[0] |= 1;                        // 1 is not prime
    for (uint32_t p = 3; p * p < LIMIT; p += 2) {
        if (!odd_is_composite(p >> 1)) {
            for (uint32_t k = (p * p) >> 1; k < LIMIT / 2; k += p) {
                odd_composite[k >> 5] |= 1u << (k & 31);
            }
        }
    }
}

// Number of set bits, the SWAR way (Hacker's Delight 5-2).
static uint32_t popcount(uint32_t x)
{
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0F0F0F0Fu;
    return (x * 0x01010101u) >> 24;
}

static uint32_t bitmap_prime_count(void)
{
    uint32_t words = (LIMIT / 2 + 31) / 32;
    uint32_t odd_primes = 0;
    for (uint32_t w = 0; w < words; w++) {
        uint32_t live = ~odd_composite[w];
        if (w == words - 1 && (LIMIT / 2) % 32 != 0) {
            live &= (1u << ((LIMIT / 2) % 32)) - 1;   // ignore bits past the limit
        }
        odd_primes += popcount(live);
    }
    return odd_primes + 1;                        // and 2
}

int main(void)
{
    byte_sieve();
    uint32_t count = 0;
    uint32_t sum = 0;
    uint32_t twins = 0;
    uint32_t last[5] = {0};
    for (uint32_t n = 2; n < LIMIT; n++) {
        if (!composite[n]) {
            count++;
            sum += n;
            memmove(last, last + 1, 4 * sizeof last[0]);
            last[4] = n;
            if (n >= 5 && !composite[n - 2]) {
                twins++;
            }
        }
    }
    printf_("primes below %d: %u\n", LIMIT, count);
    printf_("sum: %u\n", sum);
    printf_("last five: %u %u %u %u %u\n", last[0], last[1], last[2], last[3], last[4]);
    printf_("twin prime pairs: %u\n", twins);

    bitmap_sieve();
    printf_("bitmap sieve count (by popcount): %u\n", bitmap_prime_count());
    int agree = 1;
    for (uint32_t n = 3; n < LIMIT; n += 2) {
        if (odd_is_composite(n >> 1) != composite[n]) {
            agree = 0;
        }
    }
    printf_("bitmap sieve agrees: %s\n", agree ? "yes" : "NO");
    return 0;
}
