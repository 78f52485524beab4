// printf.c: exercises tinyprintf.c and the 64-bit division helpers of runtime.c.
//
// 64-bit operands come through volatile variables so that gcc cannot fold the divisions at compile
// time: they run as calls to __udivdi3/__divdi3/__umoddi3/__moddi3 (ADC/SBB, SHLD/SHRD, DIV with
// EDX != 0). The program ends with exit_(42) from a nested call: Linux status 42, QEMU/Xenoscope 85.
//
// expect-output: decimal: 0 42 -42 2147483647 -2147483648
// expect-output: unsigned: 0 3000000000 4294967295
// expect-output: hex: deadbeef DEADBEEF 00001234 0
// expect-output: widths: [   42] [42   ] [-0042] [00042] [ab   ] [   ab] [x]
// expect-output: text: string abc 100% done
// expect-output: long long: 9223372036854775807 -9223372036854775808 18446744073709551615
// expect-output: long long hex: 123456789abcdef FFFFFFFFFFFFFFFF 0000000000000001
// expect-output: 10^18 / 7 = 142857142857142857 rem 1
// expect-output: -10^18 / 7 = -142857142857142857 rem -1
// expect-output: 2^64-1 / 4294967296 = 4294967295 rem 4294967295
// expect-output: 2^64-1 / 4294967311 = 4294967281 rem 224
// expect-output: 123456789123456789 / 987654321987 = 124999 rem 986529403776
// expect-output: -7 / 2 = -3 rem -1, 7 / -2 = -3 rem 1
// expect-output: factorials: 1 1 2 6 24 120 720 5040 40320 362880 3628800 39916800 479001600
// expect-output: 20! = 2432902008176640000
// expect-output: digit sum of 20! = 54
// expect-output: [7    | ok] <- printf_ returned 11
// expect-output: done
// expect-exit: 85
// max-instructions: 1000000
#include "platform.h"

static volatile int64_t s_vals[] = {1000000000000000000LL, -1000000000000000000LL, -7, 2, 7, -2};
static volatile uint64_t u_vals[] = {18446744073709551615ULL, 4294967296ULL, 4294967311ULL,
                                     123456789123456789ULL, 987654321987ULL};

static void divisions(void)
{
    int64_t a = s_vals[0];
    printf_("10^18 / 7 = %lld rem %lld\n", a / 7, a % 7);
    int64_t b = s_vals[1];
    printf_("-10^18 / 7 = %lld rem %lld\n", b / 7, b % 7);
    uint64_t max = u_vals[0];
    printf_("2^64-1 / 4294967296 = %llu rem %llu\n", max / u_vals[1], max % u_vals[1]);
    printf_("2^64-1 / 4294967311 = %llu rem %llu\n", max / u_vals[2], max % u_vals[2]);
    printf_("123456789123456789 / 987654321987 = %llu rem %llu\n", u_vals[3] / u_vals[4],
            u_vals[3] % u_vals[4]);
    printf_("-7 / 2 = %lld rem %lld, 7 / -2 = %lld rem %lld\n", s_vals[2] / s_vals[3],
            s_vals[2] % s_vals[3], s_vals[4] / s_vals[5], s_vals[4] % s_vals[5]);
}

static void factorials(void)
{
    printf_("factorials:");
    uint32_t f = 1;
    for (uint32_t n = 0; n <= 12; n++) {
        f *= n == 0 ? 1 : n;
        printf_(" %u", f);
    }
    printf_("\n");
    uint64_t big = 1;
    for (uint64_t n = 2; n <= 20; n++) {
        big *= n;
    }
    printf_("20! = %llu\n", big);
    uint32_t digit_sum = 0;
    for (uint64_t v = big; v != 0; v /= 10) {
        digit_sum += (uint32_t)(v % 10);
    }
    printf_("digit sum of 20! = %u\n", digit_sum);
}

static __attribute__((noreturn)) void finish(void)
{
    printf_("done\n");
    exit_(42);
}

int main(void)
{
    printf_("decimal: %d %d %d %d %d\n", 0, 42, -42, 2147483647, -2147483647 - 1);
    printf_("unsigned: %u %u %u\n", 0u, 3000000000u, 4294967295u);
    printf_("hex: %x %X %08x %x\n", 0xdeadbeefu, 0xdeadbeefu, 0x1234u, 0u);
    printf_("widths: [%5d] [%-5d] [%05d] [%05u] [%-5s] [%5s] [%c]\n", 42, 42, -42, 42u, "ab", "ab", 'x');
    printf_("text: %s %c%c%c 100%% %s\n", "string", 'a', 'b', 'c', "done");
    printf_("long long: %lld %lld %llu\n", 9223372036854775807LL, -9223372036854775807LL - 1,
            18446744073709551615ULL);
    printf_("long long hex: %llx %llX %016llx\n", 0x0123456789abcdefULL, 18446744073709551615ULL, 1ULL);
    divisions();
    factorials();
    int n = printf_("[%-5d|%3s]", 7, "ok");
    printf_(" <- printf_ returned %d\n", n);
    finish();
}
