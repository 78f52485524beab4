package org.xenoscope.xen;

import org.xenoscope.xen.abi.Errno;

/**
 * The checks Xen applies to a new value of a virtual debug register (Xen 3.0 {@code set_debugreg}), shared by the
 * {@code set_debugreg} hypercall and the emulated {@code mov %reg, %drN}.
 *
 * <pre>
 *   DR0-DR3  breakpoint linear addresses: the 4 bytes at the address must be guest memory (below
 *            HYPERVISOR_VIRT_START), else -EPERM
 *   DR6      31            16 15 14 13 12 11      4 3   0
 *           [ reserved = 1 ][BT BS BD][0 ][reserved=1][B3-B0]    value &amp; ~bit12 | 0xFFFF0FF0
 *   DR7      31 .. 16                    15 14 13 12 11 10 9 8 7 .. 0
 *           [LEN3 RW3 .. LEN0 RW0]      [0  0][GD][0  0][1 ][GE LE][G3 L3 .. G0 L0]
 *            a value of 0 stays 0 (debugging off); otherwise bits 11, 12, 14, 15 are cleared, bit 10 set,
 *            GD set -&gt; -EPERM, any RWn or LENn field equal to binary 10 -&gt; -EPERM
 *   DR4/DR5  not registers of their own here: -EINVAL (the MOV DRn emulation aliases them to DR6/DR7 first)
 * </pre>
 */
final class DebugRegs {
    /** DR6 bits that read as 1. */
    static final int DR6_RESERVED_ONES = 0xFFFF0FF0;
    /** DR6 bit 12 reads as 0. */
    static final int DR6_RESERVED_ZERO = 1 << 12;
    /** DR7 bit 10 reads as 1. */
    static final int DR7_RESERVED_ONE = 1 << 10;
    /** DR7 bits 11, 12, 14, 15 read as 0. */
    static final int DR7_RESERVED_ZEROES = 0x0000D800;
    /** DR7.GD (general detect): a guest may not set it. */
    static final int DR7_GD = 1 << 13;
    /** The two-bit R/Wn and LENn value a guest may not use (I/O breakpoint, 8-byte length). */
    private static final int DR7_FIELD_REFUSED = 2;

    private DebugRegs() {
    }

    /**
     * Contract: returns the value Xen stores in debug register {@code reg} (0-3, 6, 7) when the guest asks for
     * {@code value}, reserved bits forced; throws {@link HypercallError} with EPERM for a refused value and
     * EINVAL for another register number. Changes nothing.
     */
    static int validate(GuestFlavour f, int reg, int value) {
        switch (reg) {
            case 0, 1, 2, 3 -> {
                long end = (value & 0xFFFFFFFFL) + 4;
                if (end > (f.hypervisorVirtStart() & 0xFFFFFFFFL)) {
                    throw new HypercallError(Errno.EPERM, String.format(
                        "DR%d = 0x%08x: a breakpoint address must be guest memory", reg, value));
                }
                return value;
            }
            case 6 -> {
                return (value & ~DR6_RESERVED_ZERO) | DR6_RESERVED_ONES;
            }
            case 7 -> {
                return dr7(value);
            }
            default -> throw new HypercallError(Errno.EINVAL, "no debug register " + reg);
        }
    }

    /** Contract: validates {@code value} for {@code reg} ({@link #validate}) and stores it in the VCPU. */
    static void set(Vcpu v, GuestFlavour f, int reg, int value) {
        v.debugReg[reg] = validate(f, reg, value);
    }

    private static int dr7(int value) {
        if (value == 0) {
            return 0;
        }
        int v = (value & ~DR7_RESERVED_ZEROES) | DR7_RESERVED_ONE;
        if ((v & DR7_GD) != 0) {
            throw new HypercallError(Errno.EPERM, String.format("DR7 = 0x%08x: GD may not be set", value));
        }
        for (int shift = 16; shift < 32; shift += 2) {
            if (((v >>> shift) & 3) == DR7_FIELD_REFUSED) {
                throw new HypercallError(Errno.EPERM, String.format(
                    "DR7 = 0x%08x: bits %d-%d are binary 10 (I/O breakpoint or 8-byte length)", value, shift,
                    shift + 1));
            }
        }
        return v;
    }
}
