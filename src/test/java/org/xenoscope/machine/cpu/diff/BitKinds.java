package org.xenoscope.machine.cpu.diff;

/** BT BTS BTR BTC, BSF BSR, BSWAP, SETcc and CMOVcc. */
final class BitKinds {
    private BitKinds() {
    }

    private static final String[] BT = {"bt", "bts", "btr", "btc"};

    /**
     * A bit test with a register or imm8 bit offset. Memory operands with a register offset address a bit
     * string: the offset register gets a small signed value and the base leaves room for it on both sides.
     */
    static boolean bitTest(Ctx c) {
        int op = c.pick(4);
        int size = c.size1632();
        Opnd dst;
        String offset;
        switch (c.pick(4)) {
            case 0:
                dst = c.reg(size);
                offset = c.reg(size).text();
                break;
            case 1:
                dst = c.reg(size);
                offset = Integer.toString(c.pick(256));
                break;
            case 2:
                dst = c.mem(size);
                offset = Integer.toString(c.pick(256));
                break;
            default:
                Opnd bit = c.reg(size);
                c.setReg(bit, c.pick(192) - 64);
                dst = c.mem(size, 8, Layout.ARENA_SIZE - 16, 8, 16, true);
                offset = bit.text();
                break;
        }
        c.emit((op != 0 ? c.lock(dst) : "") + BT[op] + " " + dst + ", " + offset);
        if (op != 0) {
            c.wrote(dst);
        }
        c.m.apply(FlagBits.Effect.BIT_TEST);
        c.kind = BT[op] + (dst.isMem() ? "_mem" : "_reg");
        return true;
    }

    /**
     * BSF / BSR r, r/m. The source is made nonzero by a setup, except now and then zero, in which case the
     * (undefined) destination is overwritten by a MOV right after.
     */
    static boolean bitScan(Ctx c) {
        String name = c.chance(0.5) ? "bsf" : "bsr";
        int size = c.size1632();
        boolean zero = c.chance(0.1);
        int v = zero ? 0 : nonzero(c, size);
        Opnd src;
        if (c.chance(0.5)) {
            src = c.reg(size);
            boolean usable = !zero && c.m.isKnown(src.reg()) && Ctx.truncate(c.m.get(src.reg()), size) != 0;
            if (!usable) {
                c.setReg(src, v);
            } else {
                c.reused |= 1 << src.reg();
            }
        } else {
            src = c.mem(size);
            c.emit("mov " + src + ", " + Ctx.hex(v, size));
        }
        Opnd dst = c.reg(size);
        c.emit(name + " " + dst + ", " + src);
        c.wrote(dst);
        if (zero) {
            int fresh = c.imm(4);
            c.emit("mov " + Opnd.R32[dst.reg()] + ", " + Ctx.hex(fresh, 4));
            c.m.set(dst.reg(), -1, fresh);
        }
        c.m.apply(FlagBits.Effect.BIT_SCAN);
        c.kind = name + (zero ? "_zero" : "");
        return true;
    }

    private static int nonzero(Ctx c, int size) {
        int v;
        do {
            v = Ctx.truncate(c.imm(4), size);
        } while (v == 0);
        return v;
    }

    /** BSWAP r32 (the 16-bit form is undefined and not generated). */
    static boolean bswap(Ctx c) {
        Opnd r = c.reg(4);
        c.emit("bswap " + r);
        c.wrote(r);
        c.kind = "bswap";
        return true;
    }

    /** SETcc r/m8 with a condition whose flags are defined. */
    static boolean setcc(Ctx c) {
        int cc = readableCondition(c);
        if (cc < 0) {
            return false;
        }
        Opnd dst = c.rm(1);
        c.emit("set" + FlagBits.CC[cc] + " " + dst);
        c.wrote(dst);
        c.kind = "setcc";
        return true;
    }

    /** CMOVcc r16/32, r/m with a condition whose flags are defined (memory is read either way). */
    static boolean cmovcc(Ctx c) {
        int cc = readableCondition(c);
        if (cc < 0) {
            return false;
        }
        int size = c.size1632();
        Opnd dst = c.reg(size);
        c.emit("cmov" + FlagBits.CC[cc] + " " + dst + ", " + c.rm(size));
        c.wrote(dst);
        c.kind = "cmovcc";
        return true;
    }

    /** A random condition code (0..15) whose flags are all defined now, or -1 if a few tries find none. */
    static int readableCondition(Ctx c) {
        for (int i = 0; i < 8; i++) {
            int cc = c.pick(16);
            if (c.m.canRead(FlagBits.readBy(cc))) {
                return cc;
            }
        }
        return -1;
    }
}
