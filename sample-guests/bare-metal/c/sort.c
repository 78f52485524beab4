// sort.c: quicksort of 10000 pseudo-random signed numbers, insertion sort of 1000 of them.
//
// Exercises: signed compares and branches, CMOV, array indexing, recursion, memcpy/memcmp.
//
// expect-output: quicksort: 10000 elements, sorted: yes
// expect-output: min -999976 max 999695 median 11211
// expect-output: first: -999976 -999589 -999257 -999233
// expect-output: last: 999221 999279 999597 999695
// expect-output: checksum: ee96766f
// expect-output: insertion sort: 1000 elements, sorted: yes
// expect-output: first: -996506 -994973 -992506 last: 993045 999597 999695
// expect-output: insertion sort agrees with quicksort: yes
// expect-exit: 1
// max-instructions: 20000000
#include "platform.h"

enum { N = 10000, M = 1000, CUTOFF = 12 };

static int32_t big[N];
static int32_t small_a[M];
static int32_t small_b[M];

// Marsaglia's xorshift32 generator (13, 17, 5).
static uint32_t xorshift32(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

static void insertion_sort(int32_t *a, int n)
{
    for (int i = 1; i < n; i++) {
        int32_t v = a[i];
        int j = i - 1;
        while (j >= 0 && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static void swap(int32_t *a, int i, int j)
{
    int32_t t = a[i];
    a[i] = a[j];
    a[j] = t;
}

// Sorts a[lo..hi] (inclusive): Hoare partition around a median-of-three pivot, recursion on the
// smaller part and a loop on the larger (so the stack stays O(log n)), insertion sort for short runs.
static void quicksort(int32_t *a, int lo, int hi)
{
    while (hi - lo >= CUTOFF) {
        int mid = lo + (hi - lo) / 2;
        if (a[mid] < a[lo]) swap(a, mid, lo);
        if (a[hi] < a[lo]) swap(a, hi, lo);
        if (a[hi] < a[mid]) swap(a, hi, mid);
        int32_t pivot = a[mid];
        int i = lo - 1;
        int j = hi + 1;
        for (;;) {
            do i++; while (a[i] < pivot);
            do j--; while (a[j] > pivot);
            if (i >= j) break;
            swap(a, i, j);
        }
        if (j - lo < hi - j) {
            quicksort(a, lo, j);
            lo = j + 1;
        } else {
            quicksort(a, j + 1, hi);
            hi = j;
        }
    }
    insertion_sort(a + lo, hi - lo + 1);
}

static int is_sorted(const int32_t *a, int n)
{
    for (int i = 1; i < n; i++) {
        if (a[i - 1] > a[i]) {
            return 0;
        }
    }
    return 1;
}

// A position-weighted sum, so that a misplaced element changes it.
static uint32_t checksum(const int32_t *a, int n)
{
    uint32_t sum = 0;
    for (int i = 0; i < n; i++) {
        sum += (uint32_t)a[i] * (uint32_t)(i + 1);
        sum = (sum << 3) | (sum >> 29);
    }
    return sum;
}

int main(void)
{
    uint32_t state = 2463534242u;
    for (int i = 0; i < N; i++) {
        big[i] = (int32_t)(xorshift32(&state) % 2000001u) - 1000000;
    }
    memcpy(small_a, big, sizeof small_a);
    memcpy(small_b, big, sizeof small_b);

    quicksort(big, 0, N - 1);
    printf_("quicksort: %d elements, sorted: %s\n", N, is_sorted(big, N) ? "yes" : "NO");
    printf_("min %d max %d median %d\n", big[0], big[N - 1], big[N / 2]);
    printf_("first: %d %d %d %d\n", big[0], big[1], big[2], big[3]);
    printf_("last: %d %d %d %d\n", big[N - 4], big[N - 3], big[N - 2], big[N - 1]);
    printf_("checksum: %08x\n", checksum(big, N));

    insertion_sort(small_a, M);
    printf_("insertion sort: %d elements, sorted: %s\n", M, is_sorted(small_a, M) ? "yes" : "NO");
    printf_("first: %d %d %d last: %d %d %d\n", small_a[0], small_a[1], small_a[2],
            small_a[M - 3], small_a[M - 2], small_a[M - 1]);
    quicksort(small_b, 0, M - 1);
    printf_("insertion sort agrees with quicksort: %s\n",
            memcmp(small_a, small_b, sizeof small_a) == 0 ? "yes" : "NO");
    return 0;
}
