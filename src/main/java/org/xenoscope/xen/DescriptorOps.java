package org.xenoscope.xen;

/** {@code set_gdt} and {@code update_descriptor}: the guest's descriptor tables, checked as Xen checks them. */
final class DescriptorOps {
    private DescriptorOps() {
    }

    static void register(Hypercalls h) {
    }
}
