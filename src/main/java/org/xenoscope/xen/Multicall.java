package org.xenoscope.xen;

import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.Hypercall;
import org.xenoscope.xen.abi.Structs;

/**
 * {@code multicall(call_list, nr_calls)}: runs a batch of hypercalls, each described by a multicall_entry_t.
 *
 * <pre>
 *  multicall_entry_t (32 bytes):  +0 op   +4 result (written by Xen)   +8 args[6]
 *  arguments 0..4 of the entry become EBX..EDI of the call; args[5] (EBP on x86_32) is not used by any
 *  hypercall Xenoscope has.
 * </pre>
 *
 * Rules: an entry that cannot be read, or whose result cannot be written, ends the batch with -EFAULT (entries
 * before it have run); a nested multicall gets -EINVAL in its result; the batch stops when the domain dies. An
 * {@code iret} entry is performed and ends the batch: the multicall returns the iret's result (the EAX restored
 * from the frame), so the guest continues at the iret's target with that EAX and no entry after it runs. That is
 * Xen after XSA-213 (XTF's xsa-213 test expects exactly this): before the fix the batch went on in the new,
 * possibly user-mode, context.
 */
final class Multicall {
    static final int ENTRY_SIZE = Structs.MULTICALL_ENTRY.size();
    static final int OP = Structs.MULTICALL_ENTRY.offsetOf("op");
    static final int RESULT = Structs.MULTICALL_ENTRY.offsetOf("result");
    static final int ARGS = Structs.MULTICALL_ENTRY.offsetOf("args");
    static final int MULTICALL = Hypercall.number("multicall");
    static final int IRET = Hypercall.number("iret");

    private Multicall() {
    }

    /** Contract: see the class comment; returns 0 when every entry ran (whatever their results). */
    static int multicall(Call c) {
        int list = c.arg(0);
        long nr = c.arg(1) & 0xFFFFFFFFL;
        Domain d = c.domain();
        for (long i = 0; i < nr; i++) {
            int entry = list + (int) (i * ENTRY_SIZE);
            int op = c.mem().read32(entry + OP);
            int[] args = new int[5];
            for (int a = 0; a < args.length; a++) {
                args[a] = c.mem().read32(entry + ARGS + 4 * a);
            }
            int result = op == MULTICALL ? Errno.EINVAL.negative() : c.hv().hypercalls().invoke(c.with(op, args));
            if (d.dead()) {
                return 0;
            }
            if (op == IRET) {
                writeBestEffort(c, entry + RESULT, result);
                return result;
            }
            c.mem().write32(entry + RESULT, result);
        }
        return 0;
    }

    /** Xen writes the iret entry's result "best effort only": the batch ends either way. */
    private static void writeBestEffort(Call c, int va, int v) {
        try {
            c.mem().write32(va, v);
        } catch (HypercallError e) {
            // ignored, as in Xen
        }
    }
}
