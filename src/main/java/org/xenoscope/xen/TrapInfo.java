package org.xenoscope.xen;

import org.xenoscope.xen.abi.TrapInfoFlags;

/**
 * One entry of a VCPU's virtual IDT ({@code trap_ctxt[vector]}, from {@code set_trap_table}).
 *
 * <pre>
 *  trap_info_t (8 bytes):  u8 vector | u8 flags | u16 cs | u32 address
 *  flags: bits 0-1 DPL (lowest ring allowed to raise it with INT n), bit 2 mask events on entry
 * </pre>
 */
public record TrapInfo(int flags, int cs, int address) {
    /** The DPL: INT n from a ring numerically greater than this gets #GP((n&lt;&lt;3)|2). */
    public int dpl() {
        return flags & TrapInfoFlags.TI_DPL_MASK;
    }

    /** True if entering the handler masks event upcalls (like an interrupt gate clearing IF). */
    public boolean masksEvents() {
        return (flags & TrapInfoFlags.TI_MASK_EVENTS) != 0;
    }
}
