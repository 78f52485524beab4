package org.xenoscope.xen;

import org.xenoscope.xen.abi.Errno;

/**
 * {@code set_debugreg(reg, value)} and {@code get_debugreg(reg)}: the VCPU's virtual DR0-DR7 (Xen 3.0's
 * {@code set_debugreg}). The values are loaded into the real debug registers while the domain runs.
 *
 * <pre>
 *  DR0-DR3  breakpoint addresses: value + 4 must not pass HYPERVISOR_VIRT_START           else -EPERM
 *  DR6      status: bits 31:16 and 11:4 forced to 1, bit 12 forced to 0
 *  DR7      control: bit 10 forced to 1, bits 15:14 and 12:11 forced to 0;
 *           GD (bit 13) set, or any R/Wn or LENn field equal to binary 10                  else -EPERM
 *             31 30 29 28 ... 19 18 17 16  15 14 13 12 11 10  9  8  7 ... 0
 *            | LEN3 | R/W3 | ... | LEN0 | R/W0 | 0  0 |GD| 0  0 | 1 |GE|LE| G3 L3 ... G0 L0 |
 *  DR4, DR5, reg &gt; 7                                                                     -EINVAL
 * </pre>
 */
final class DebugRegs {
    /** DR6 bits that read as 1, and the one that reads as 0 (bit 12). */
    static final int DR6_RESERVED_ONE = 0xFFFF0FF0;
    static final int DR6_RESERVED_ZERO = 1 << 12;
    /** DR7 bit that reads as 1 (10), and those that read as 0 (11, 12, 14, 15). */
    static final int DR7_RESERVED_ONE = 1 << 10;
    static final int DR7_RESERVED_ZERO = 0xD800;
    /** DR7.GD: general detect, a privileged control Xen keeps for itself. */
    static final int DR7_GD = 1 << 13;

    private DebugRegs() {
    }

    /** Contract: {@code set_debugreg(reg, value)}; see the class comment. Returns 0. */
    static int set(Call c) {
        int reg = checkReg(c.arg(0));
        int value = validate(c.domain().flavour(), reg, c.arg(1));
        c.vcpu().debugReg[reg] = value;
        if (c.hv().current() == c.domain()) {
            c.cpu().dr[reg] = value;
        }
        return 0;
    }

    /**
     * Contract: stores {@code value} in the VCPU's virtual DR{@code reg} after {@link #validate} (the emulated
     * {@code mov %reg, %drN} uses it); throws HypercallError as set_debugreg would fail.
     */
    static void set(Vcpu v, GuestFlavour f, int reg, int value) {
        v.debugReg[checkReg(reg)] = validate(f, reg, value);
    }

    /**
     * Contract: the value Xen stores in DR{@code reg} (0-3, 6, 7) when the guest asks for {@code value}, reserved
     * bits forced; HypercallError EPERM for a refused value, EINVAL for another register. Changes nothing.
     */
    static int validate(GuestFlavour f, int reg, int value) {
        switch (checkReg(reg)) {
            case 0, 1, 2, 3 -> {
                long end = (value & 0xFFFFFFFFL) + 4;
                if (end > (f.hypervisorVirtStart() & 0xFFFFFFFFL)) {
                    throw new HypercallError(Errno.EPERM, String.format("DR%d = 0x%08x is not a guest address",
                        reg, value));
                }
                return value;
            }
            case 6 -> {
                return (value & ~DR6_RESERVED_ZERO) | DR6_RESERVED_ONE;
            }
            default -> {
                return value == 0 ? 0 : checkDr7(value);
            }
        }
    }

    /** Contract: {@code get_debugreg(reg)}: the virtual DRn (which may look negative); -EINVAL as for set. */
    static int get(Call c) {
        return c.vcpu().debugReg[checkReg(c.arg(0))];
    }
    private static int checkReg(int reg) {
        if (reg < 0 || reg > 7 || reg == 4 || reg == 5) {
            throw new HypercallError(Errno.EINVAL, "debug register " + Integer.toUnsignedString(reg)
                + " does not exist (DR4/DR5 are aliases Xen does not offer)");
        }
        return reg;
    }

    private static int checkDr7(int value) {
        int v = (value & ~DR7_RESERVED_ZERO) | DR7_RESERVED_ONE;
        if ((v & DR7_GD) != 0) {
            throw new HypercallError(Errno.EPERM, String.format("DR7 = 0x%08x sets GD", value));
        }
        for (int shift = 16; shift < 32; shift += 2) {
            if (((v >>> shift) & 3) == 2) {
                throw new HypercallError(Errno.EPERM, String.format("DR7 = 0x%08x: field at bit %d is 10b (I/O "
                    + "breakpoint or 8-byte length)", value, shift));
            }
        }
        return v;
    }
}
