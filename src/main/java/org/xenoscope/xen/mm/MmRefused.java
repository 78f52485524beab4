package org.xenoscope.xen.mm;

/**
 * A page-table, pin, base-pointer or descriptor-table request the rules refuse, with the rule that decided it in
 * words (e.g. "L1 entry 0x1a3 maps mfn 0x4c2 writable, but mfn 0x4c2 is an L1 page table (type count 1)"). The
 * hypervisor returns -EINVAL for it; whatever was acquired on the way has been released.
 */
public final class MmRefused extends RuntimeException {
    public MmRefused(String rule) {
        super(rule, null, false, false);
    }
}
