package org.xenoscope.asm.nasm;

import java.util.Arrays;

/** A growable little-endian byte buffer for writing file images. */
final class Buf {
    private byte[] b = new byte[1024];
    private int size;

    int size() {
        return size;
    }

    /** Grows the buffer with zeros to at least {@code n} bytes. */
    void pad(int n) {
        if (n > b.length) {
            b = Arrays.copyOf(b, Math.max(n, b.length * 2));
        }
        size = Math.max(size, n);
    }

    void align(int a) {
        pad((int) Layout.alignUp(size, a));
    }

    void append(byte[] x) {
        put(size, x);
    }

    void put(int at, byte[] x) {
        pad(at + x.length);
        System.arraycopy(x, 0, b, at, x.length);
    }

    void u16(int at, int v) {
        put(at, new byte[] {(byte) v, (byte) (v >>> 8)});
    }

    void u32(int at, long v) {
        put(at, new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)});
    }

    byte[] toArray() {
        return Arrays.copyOf(b, size);
    }
}
