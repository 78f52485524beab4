package org.xenoscope.xen;

import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.intr.CpuFault;

/** Reading descriptors the way Xen does when it needs a segment's base without loading it. */
final class Segments {
    private Segments() {
    }

    /** The descriptor {@code sel} names in the current GDT or LDT (supervisor reads); #GP(sel) if out of range. */
    static long descriptor(Cpu c, int sel) {
        boolean ldt = (sel & 4) != 0;
        int base = ldt ? c.ldtr.base : c.gdtBase;
        int limit = ldt ? c.ldtr.limit : c.gdtLimit;
        int index = sel & 0xFFF8;
        if ((ldt && c.ldtr.unusable) || Integer.compareUnsigned(index + 7, limit) > 0) {
            throw CpuFault.gp(sel & 0xFFFC);
        }
        return (c.readLinear32(base + index) & 0xFFFFFFFFL) | ((long) c.readLinear32(base + index + 4) << 32);
    }

    /** The base address of segment {@code sel}. */
    static int base(Cpu c, int sel) {
        return Descriptors.base(descriptor(c, sel));
    }
}
