package org.xenoscope.xen;

import org.xenoscope.xen.abi.ConsoleIo;
import org.xenoscope.xen.abi.Errno;

/**
 * {@code console_io(cmd, count, buffer)}: the hypervisor console. CONSOLEIO_write copies {@code count} bytes from
 * the guest and appends them to the calling domain's console; CONSOLEIO_read is for the control domain only.
 */
final class ConsoleOps {
    /** Largest single write accepted (Xen copies in chunks; a larger count is still one call). */
    static final int MAX_WRITE = 1 << 20;

    private ConsoleOps() {
    }

    static void register(Hypercalls h) {
        h.register("console_io", ConsoleOps::consoleIo);
    }

    /** Contract: write → 0 (-EFAULT for an unreadable buffer, -EINVAL for a negative count); read → -EPERM for domUs. */
    static int consoleIo(Call c) {
        int cmd = c.arg(0);
        int count = c.arg(1);
        int buf = c.arg(2);
        switch (cmd) {
            case ConsoleIo.CONSOLEIO_WRITE -> {
                if (count < 0 || count > MAX_WRITE) {
                    throw new HypercallError(Errno.EINVAL, "bad console write length " + count);
                }
                byte[] b = c.mem().read(buf, count);
                c.domain().consoleWrite(b, 0, b.length);
                return 0;
            }
            case ConsoleIo.CONSOLEIO_READ -> {
                if (!c.domain().privileged()) {
                    throw new HypercallError(Errno.EPERM, "only the control domain reads the console");
                }
                return 0; // SIMPLIFICATION: there is no keyboard input to read
            }
            default -> throw new HypercallError(Errno.ENOSYS, "unknown console_io command " + cmd);
        }
    }
}
