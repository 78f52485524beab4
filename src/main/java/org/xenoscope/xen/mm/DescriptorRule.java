package org.xenoscope.xen.mm;

/** The descriptor check that GDT and LDT frames are validated with (Xen's check_descriptor). */
@FunctionalInterface
public interface DescriptorRule {
    /**
     * Contract: the descriptor as Xen stores it (a segment clipped below Xen's area), or throws {@link MmRefused}
     * naming the rule it breaks.
     */
    long check(MmDomain d, long descriptor);
}
