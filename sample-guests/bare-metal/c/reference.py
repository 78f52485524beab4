#!/usr/bin/env python3
"""Recomputes the expect-output lines of the C sample programs in Python, independently of the C code.

Run `python3 reference.py` and compare with the `// expect-output:` headers (the test suite does not
need Python; this only documents where the expected values came from). zlib gives Adler-32 and CRC-32,
Python's integers and sorted() give the rest, with C's truncating division written out.
"""
import zlib

M32 = 0xFFFFFFFF


def checksum():
    def fletcher16(b):
        s1 = s2 = 0
        for x in b:
            s1 = (s1 + x) % 255
            s2 = (s2 + s1) % 255
        return (s2 << 8) | s1

    out = ['adler32("Wikipedia") = %08x' % zlib.adler32(b"Wikipedia"),
           'adler32("") = %08x' % zlib.adler32(b"")]
    for w in (b"abcde", b"abcdef", b"abcdefgh"):
        out.append('fletcher16("%s") = %04x' % (w.decode(), fletcher16(w)))
    x, data = 20031019, bytearray()
    for _ in range(65536):
        x = (x * 1103515245 + 12345) & M32
        data.append((x >> 16) & 0xFF)
    out.append("data: 65536 bytes, first 8: " + " ".join("%02x" % b for b in data[:8]))
    out.append("adler32(data) = %08x" % zlib.adler32(bytes(data)))
    out.append("adler32 naive agrees: yes")
    out.append("fletcher16(data) = %04x" % fletcher16(data))
    out.append("fletcher16 of 1000-byte chunks: "
               + " ".join("%04x" % fletcher16(data[i * 1000:(i + 1) * 1000]) for i in range(4)))
    return out


def sort():
    s, a = 2463534242, []
    for _ in range(10000):
        s ^= (s << 13) & M32
        s ^= s >> 17
        s ^= (s << 5) & M32
        a.append(s % 2000001 - 1000000)
    small = sorted(a[:1000])
    a = sorted(a)
    cs = 0
    for i, v in enumerate(a):
        cs = (cs + (v & M32) * (i + 1)) & M32
        cs = ((cs << 3) | (cs >> 29)) & M32
    return ["quicksort: 10000 elements, sorted: yes",
            "min %d max %d median %d" % (a[0], a[-1], a[5000]),
            "first: %d %d %d %d" % tuple(a[:4]),
            "last: %d %d %d %d" % tuple(a[-4:]),
            "checksum: %08x" % cs,
            "insertion sort: 1000 elements, sorted: yes",
            "first: %d %d %d last: %d %d %d" % tuple(small[:3] + small[-3:]),
            "insertion sort agrees with quicksort: yes"]


def crc32():
    out = ['crc32("%s") = %08x' % (s, zlib.crc32(s.encode()))
           for s in ("", "a", "abc", "123456789", "The quick brown fox jumps over the lazy dog")]

    def entry(n):
        for _ in range(8):
            n = (0xEDB88320 ^ (n >> 1)) if n & 1 else n >> 1
        return n

    out.append("table[1] = %08x table[128] = %08x table[255] = %08x" % (entry(1), entry(128), entry(255)))
    buf = bytes((((i * 2654435761) & M32) >> 24) ^ (i & 0xFF) for i in range(65536))
    c = zlib.crc32(buf)
    out += ["crc32(buffer of 65536 bytes) = %08x" % c, "in pieces of 1..97 bytes: %08x" % c,
            "bit by bit: %08x" % c]
    return out


def sieve():
    n = 100000
    comp = bytearray(n)
    comp[0] = comp[1] = 1
    for i in range(2, int(n ** 0.5) + 1):
        if not comp[i]:
            comp[i * i::i] = b"\1" * len(range(i * i, n, i))
    primes = [p for p in range(n) if not comp[p]]
    twins = sum(1 for p in primes if p >= 5 and not comp[p - 2])
    return ["primes below 100000: %d" % len(primes), "sum: %d" % sum(primes),
            "last five: " + " ".join(map(str, primes[-5:])), "twin prime pairs: %d" % twins,
            "bitmap sieve count (by popcount): %d" % len(primes), "bitmap sieve agrees: yes"]


def printf():
    def cdiv(a, b):
        q = abs(a) // abs(b)
        q = -q if (a < 0) != (b < 0) else q
        return q, a - q * b

    def div_line(label, a, b):
        return "%s = %d rem %d" % ((label,) + cdiv(a, b))

    f, facts = 1, []
    for k in range(13):
        f *= max(k, 1)
        facts.append(str(f))
    f20 = 1
    for k in range(2, 21):
        f20 *= k
    q1, r1 = cdiv(-7, 2)
    q2, r2 = cdiv(7, -2)
    first = "[%-5d|%3s]" % (7, "ok")
    return ["decimal: 0 42 -42 2147483647 -2147483648",
            "unsigned: 0 3000000000 4294967295",
            "hex: %x %X %08x %x" % (0xdeadbeef, 0xdeadbeef, 0x1234, 0),
            "widths: [%5d] [%-5d] [%05d] [%05u] [%-5s] [%5s] [%c]" % (42, 42, -42, 42, "ab", "ab", "x"),
            "text: %s %c%c%c 100%% %s" % ("string", "a", "b", "c", "done"),
            "long long: %d %d %d" % (2 ** 63 - 1, -2 ** 63, 2 ** 64 - 1),
            "long long hex: %x %X %016x" % (0x0123456789abcdef, 2 ** 64 - 1, 1),
            div_line("10^18 / 7", 10 ** 18, 7),
            div_line("-10^18 / 7", -10 ** 18, 7),
            div_line("2^64-1 / 4294967296", 2 ** 64 - 1, 4294967296),
            div_line("2^64-1 / 4294967311", 2 ** 64 - 1, 4294967311),
            div_line("123456789123456789 / 987654321987", 123456789123456789, 987654321987),
            "-7 / 2 = %d rem %d, 7 / -2 = %d rem %d" % (q1, r1, q2, r2),
            "factorials: " + " ".join(facts),
            "20! = %d" % f20,
            "digit sum of 20! = %d" % sum(map(int, str(f20))),
            "%s <- printf_ returned %d" % (first, len(first)),
            "done"]


if __name__ == "__main__":
    for name, fn in (("checksum", checksum), ("sort", sort), ("crc32", crc32), ("sieve", sieve),
                     ("printf", printf)):
        print("== " + name)
        for line in fn():
            print("// expect-output: " + line)
