package org.xenoscope.xen.abi;

/**
 * Commands of {@code physdev_op(cmd, arg)} (#33).
 *
 * <p>SIMPLIFICATION: only the command the ABI sheets name (set_iopl, used by XTF's pv-iopl test) is listed.
 */
public final class PhysdevOp {
    private PhysdevOp() {
    }

    /** Set the virtual IOPL ({@code physdev_set_iopl {iopl}}), which governs CLI/STI/IN/OUT emulation. */
    public static final int PHYSDEVOP_SET_IOPL = 6;

    /** The family as a table. */
    public static final ConstantSet NAMES = ConstantSet.of(PhysdevOp.class, "PHYSDEVOP_");
}
