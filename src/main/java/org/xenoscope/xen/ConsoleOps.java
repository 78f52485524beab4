package org.xenoscope.xen;

import org.xenoscope.xen.abi.ConsoleIo;
import org.xenoscope.xen.abi.Errno;

/**
 * {@code console_io(cmd, count, buffer)}: the hypervisor console. CONSOLEIO_write copies {@code count} bytes from
 * the guest and appends them to the calling domain's console; CONSOLEIO_read is for the control domain only.
 */
final class ConsoleOps {
    /** Bytes copied from the guest at a time (Xen: guest_console_write's kbuf). */
    static final int CHUNK = 128;

    private ConsoleOps() {
    }

    static void register(Hypercalls h) {
        h.register("console_io", ConsoleOps::consoleIo);
    }

    /**
     * Contract: write → 0, copying the buffer chunk by chunk as Xen does: an unreadable chunk ends the call with
     * -EFAULT after the chunks before it reached the console; a negative count is -EINVAL. Read → -EPERM for
     * domUs. Unknown commands → -ENOSYS.
     */
    static int consoleIo(Call c) {
        int cmd = c.arg(0);
        int count = c.arg(1);
        int buf = c.arg(2);
        switch (cmd) {
            case ConsoleIo.CONSOLEIO_WRITE -> {
                if (count < 0) {
                    throw new HypercallError(Errno.EINVAL, "bad console write length " + count);
                }
                c.mem().checkRange(buf, count);
                for (int done = 0; done < count; done += CHUNK) {
                    byte[] b = c.mem().read(buf + done, Math.min(CHUNK, count - done));
                    c.domain().consoleWrite(b, 0, b.length);
                }
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
