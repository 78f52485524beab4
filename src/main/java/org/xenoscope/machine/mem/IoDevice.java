package org.xenoscope.machine.mem;

/**
 * A device reached through the I/O-port space (IN/OUT). Sizes are 1, 2 or 4 bytes; values are zero-extended.
 * Devices run on the simulation thread only.
 */
public interface IoDevice {
    /** Value read from {@code port}; unused bits must be zero. */
    int in(int port, int size);

    /** {@code value} (low {@code size} bytes meaningful) written to {@code port}. */
    void out(int port, int size, int value);
}
