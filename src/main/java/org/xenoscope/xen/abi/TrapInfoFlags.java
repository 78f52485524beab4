package org.xenoscope.xen.abi;

/**
 * {@code trap_info.flags}: one byte per virtual IDT entry.
 *
 * <pre>
 *   7       3   2   1 0
 *  +---------+----+----+
 *  |    0    | IE |DPL |   DPL: lowest ring that may raise the vector with `int n`
 *  +---------+----+----+   IE (TI_MASK_EVENTS): mask events on entry, like an interrupt gate
 * </pre>
 */
public final class TrapInfoFlags {
    private TrapInfoFlags() {
    }

    /** Mask of the DPL bits. */
    public static final int TI_DPL_MASK = 3;
    /** Set evtchn_upcall_mask on entry (behave like an interrupt gate). */
    public static final int TI_MASK_EVENTS = 4;
}
