package org.xenoscope.xen;

/** The remaining hypercalls: vm_assist, physdev_op, multicall, fpu_taskswitch, debug registers, privileged ops. */
final class MiscOps {
    private MiscOps() {
    }

    static void register(Hypercalls h) {
    }
}
