package org.xenoscope.machine.cpu.diff;

/**
 * Builds the address expression of a memory operand that must reach a given linear address, in one of the
 * IA-32 forms: [disp32], [base+disp], [base+index*scale+disp], [index*scale+disp32]. Registers that already hold
 * a known value are reused as they are (the displacement absorbs the difference); otherwise a setup MOV or LEA
 * loads a base or a small index first.
 */
final class Addressing {
    private Addressing() {
    }

    /**
     * NASM text (without size keyword) of an operand whose effective address is {@code target}; now and then
     * with a DS, ES or SS segment override (all flat and writable, in ring 3 as under Linux).
     */
    static String address(Ctx c, int target, boolean espBase) {
        String a;
        switch (c.pick(10)) {
            case 0: case 1: case 2:
                a = "[arena+" + (target - Layout.ARENA) + "]";
                break;
            case 3: case 4: case 5: case 6:
                a = baseDisp(c, target, espBase);
                break;
            default:
                a = indexed(c, target, espBase);
                break;
        }
        if (c.chance(0.1)) {
            String[] overrides = {"ds:", "es:", "ss:"};
            a = "[" + overrides[c.pick(3)] + a.substring(1);
        }
        return a;
    }

    /** [base + disp] with a known or freshly loaded base. */
    private static String baseDisp(Ctx c, int target, boolean espBase) {
        int base = knownReg(c, espBase ? -1 : Model.ESP, target);
        if (base < 0) {
            base = c.freeReg(0);
            loadBase(c, base, target - disp(c));
        }
        return "[" + Opnd.R32[base] + disp(target - c.m.get(base)) + "]";
    }

    /** [base + index*scale + disp], or [index*scale + disp32] without a base. */
    private static String indexed(Ctx c, int target, boolean espBase) {
        int scale = 1 << c.pick(4);
        int index = knownReg(c, Model.ESP, Integer.MIN_VALUE);
        if (index < 0 || c.chance(0.5)) {
            if (Integer.bitCount(0xFF & ~(1 << Model.ESP) & ~c.reserved) < 2) {
                return "[arena+" + (target - Layout.ARENA) + "]";
            }
            index = c.freeReg(0);
            c.setReg32(index, c.pick(25) - 8);
        }
        int scaled = c.m.get(index) * scale;
        String idx = Opnd.R32[index] + (scale == 1 ? "" : "*" + scale);
        if (c.chance(0.2)) {
            return "[" + idx + disp(target - scaled) + "]";
        }
        int base = c.chance(0.3) ? knownReg(c, espBase ? -1 : Model.ESP, Integer.MIN_VALUE) : -1;
        if (base < 0) {
            if ((0xFF & ~(1 << Model.ESP) & ~c.reserved) == 0) {
                return "[" + idx + disp(target - scaled) + "]";
            }
            base = c.freeReg(0);
            loadBase(c, base, target - scaled - disp(c));
        }
        return "[" + Opnd.R32[base] + "+" + idx + disp(target - scaled - c.m.get(base)) + "]";
    }

    /**
     * A register with a fully known value (not {@code exclude}), preferring one within a byte displacement of
     * {@code near}; -1 if none (or, at random, to force a fresh setup). A register it returns is reserved.
     */
    private static int knownReg(Ctx c, int exclude, int near) {
        int found = -1;
        int start = c.pick(8);
        for (int i = 0; i < 8; i++) {
            int r = (start + i) & 7;
            if (r == exclude || !c.m.isKnown(r)) {
                continue;
            }
            long d = (long) near - c.m.get(r);
            if (near == Integer.MIN_VALUE || (d >= -128 && d < 128) || c.chance(0.2)) {
                found = r;
                break;
            }
        }
        if (found < 0 || !c.chance(0.7)) {
            return -1;
        }
        c.reserved |= 1 << found;
        c.reused |= 1 << found;
        return found;
    }

    /** Loads {@code value} into register r by MOV or by LEA of an absolute address; reserves it. */
    private static void loadBase(Ctx c, int r, int value) {
        if (c.chance(0.5)) {
            c.setReg32(r, value);
        } else {
            c.emit("lea " + Opnd.R32[r] + ", [arena+" + (value - Layout.ARENA) + "]");
            c.m.set(r, -1, value);
            c.reserved |= 1 << r;
        }
    }

    /** A displacement to put into an address: mostly 0 or a byte, sometimes a dword. */
    private static int disp(Ctx c) {
        switch (c.pick(4)) {
            case 0: return 0;
            case 1: case 2: return c.pick(256) - 128;
            default: return c.rnd.nextInt();
        }
    }

    private static String disp(int d) {
        if (d == 0) {
            return "";
        }
        return d < 0 ? "-" + Long.toString(-(long) d) : "+" + d;
    }
}
