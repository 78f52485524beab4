package org.xenoscope.machine.dev;

import java.util.function.IntConsumer;
import org.xenoscope.machine.mem.IoBus;
import org.xenoscope.machine.mem.IoDevice;

/**
 * QEMU's isa-debug-exit device, as configured by {@code -device isa-debug-exit,iobase=0xf4,iosize=0x04}: a write
 * of value v to any of its ports ends the run with exit status {@code (v << 1) | 1}, v masked to the size written.
 * The status is always odd, so a guest cannot fake a clean exit 0 (QEMU's convention). Reads return 0.
 */
public final class DebugExit implements IoDevice {
    /** First port claimed. */
    public static final int IOBASE = 0xF4;
    /** Number of ports claimed. */
    public static final int IOSIZE = 4;

    private final IntConsumer onExit;

    /** {@code onExit} receives the exit status of each write. */
    public DebugExit(IntConsumer onExit) {
        this.onExit = onExit;
    }

    /** Claims ports 0xF4..0xF7. */
    public void map(IoBus bus) {
        bus.map(IOBASE, IOSIZE, this);
    }

    @Override
    public int in(int port, int size) {
        return 0;
    }

    /** Reports status {@code (v << 1) | 1} with v the low {@code size} bytes of {@code value}. */
    @Override
    public void out(int port, int size, int value) {
        int v = size >= 4 ? value : value & ((1 << (8 * size)) - 1);
        onExit.accept(v << 1 | 1);
    }
}
