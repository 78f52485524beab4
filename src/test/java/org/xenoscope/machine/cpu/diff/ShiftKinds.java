package org.xenoscope.machine.cpu.diff;

import static org.xenoscope.machine.cpu.diff.FlagBits.CF;

/**
 * ROL ROR RCL RCR SHL SAL SHR SAR by 1, by CL and by imm8, and SHLD SHRD by imm8 and CL. The count is always
 * known to the generator (an immediate, or CL from a setup or from the model), so the flag effect is exact:
 * counts 0, 1, below the width, at or above it, and counts the CPU masks to 5 bits.
 */
final class ShiftKinds {
    private ShiftKinds() {
    }

    private static final String[] GROUP2 = {"rol", "ror", "rcl", "rcr", "shl", "shr", "sal", "sar"};

    /** A group-2 shift or rotate of a register or memory operand. */
    static boolean shift(Ctx c) {
        int op = c.pick(8);
        int size = c.size();
        int form = c.pick(3);
        int count = form == 0 ? 1 : randomCount(c);
        String countText = form == 0 ? "1" : form == 1 ? "cl" : Integer.toString(count);
        if (form == 1) {
            count = countInCl(c, count);
        }
        int masked = count & 31;
        if (op == 2 || op == 3) {
            if (masked != 0 && !c.m.canRead(CF)) {
                return false;
            }
        }
        Opnd dst = c.rm(size);
        c.emit(GROUP2[op] + " " + dst + ", " + countText);
        c.wrote(dst);
        c.m.apply(op < 4 ? FlagBits.rotate(masked) : FlagBits.shift(op == 7, masked, 8 * size));
        c.kind = GROUP2[op] + (form == 0 ? "1" : form == 1 ? "_cl" : "_imm");
        return true;
    }

    /** SHLD / SHRD r/m, r, imm8|CL; 16-bit forms only with masked counts up to 16 (larger are undefined). */
    static boolean doubleShift(Ctx c) {
        boolean left = c.chance(0.5);
        int size = c.size1632();
        boolean byCl = c.chance(0.5);
        int count;
        do {
            count = randomCount(c);
        } while (size == 2 && (count & 31) > 16);
        if (byCl) {
            count = countInCl(c, count);
            if (size == 2 && (count & 31) > 16) {
                return false;
            }
        }
        Opnd dst = c.rm(size);
        Opnd src = c.reg(size);
        String name = left ? "shld" : "shrd";
        c.emit(name + " " + dst + ", " + src + ", " + (byCl ? "cl" : Integer.toString(count)));
        c.wrote(dst);
        c.m.apply(FlagBits.doubleShift(count & 31));
        c.kind = name + (byCl ? "_cl" : "_imm");
        return true;
    }

    /** A count: mostly 0..33, some up to 255 (which the CPU masks to 5 bits). */
    private static int randomCount(Ctx c) {
        int k = c.pick(10);
        if (k < 2) {
            return c.pick(256);
        }
        if (k < 4) {
            int[] edges = {0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33};
            return edges[c.pick(edges.length)];
        }
        return c.pick(34);
    }

    /** Makes CL hold a known count: the model's value if CL is known (sometimes), else {@code want} by MOV. */
    private static int countInCl(Ctx c, int want) {
        if ((c.m.known[1] & 0xFF) == 0xFF && c.chance(0.3)) {
            c.reserved |= 1 << 1;
            c.reused |= 1 << 1;
            return c.m.value[1] & 0xFF;
        }
        if (c.chance(0.3)) {
            c.setReg(Opnd.register(4, 1), (c.rnd.nextInt() & ~0xFF) | want);
        } else {
            c.setReg(Opnd.register(1, 1), want);
        }
        return want;
    }
}
