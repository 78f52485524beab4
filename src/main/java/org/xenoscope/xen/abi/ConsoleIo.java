package org.xenoscope.xen.abi;

/** Commands of {@code console_io(cmd, count, buffer)} (#18). */
public final class ConsoleIo {
    private ConsoleIo() {
    }

    /** Write {@code count} bytes of the buffer to the hypervisor console. */
    public static final int CONSOLEIO_WRITE = 0;
    /** Read up to {@code count} bytes into the buffer; returns the number read (dom0 only in Xen 3.0). */
    public static final int CONSOLEIO_READ = 1;

    /** The family as a table. */
    public static final ConstantSet NAMES = ConstantSet.of(ConsoleIo.class, "CONSOLEIO_");
}
