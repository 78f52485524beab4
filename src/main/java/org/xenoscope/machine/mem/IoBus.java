package org.xenoscope.machine.mem;

/**
 * The 64 Ki I/O-port space. Each port maps to at most one device; unclaimed ports read as all ones and ignore
 * writes, as on a PC's ISA bus.
 */
public final class IoBus {
    private final IoDevice[] ports = new IoDevice[0x10000];

    /** Claims ports [first, first+count) for {@code dev}. */
    public void map(int first, int count, IoDevice dev) {
        for (int p = first; p < first + count; p++) {
            if (ports[p] != null) {
                throw new IllegalStateException(String.format("I/O port 0x%x claimed twice", p));
            }
            ports[p] = dev;
        }
    }

    public int in(int port, int size) {
        IoDevice d = ports[port & 0xFFFF];
        if (d == null) {
            return size == 1 ? 0xFF : size == 2 ? 0xFFFF : 0xFFFFFFFF;
        }
        return d.in(port & 0xFFFF, size);
    }

    public void out(int port, int size, int value) {
        IoDevice d = ports[port & 0xFFFF];
        if (d != null) {
            d.out(port & 0xFFFF, size, value);
        }
    }
}
