package org.xenoscope.machine.cpu.diff;

/**
 * Segment registers in ring 3 with the selectors Linux gives a 32-bit process (CS 0x23; DS ES SS 0x2B, the flat
 * user data segment, which RPL 0..3 may name for DS ES FS GS; FS GS null (0)): MOV from and to Sreg, PUSH and
 * POP Sreg, LDS LES LFS LGS LSS. Only loads that cannot fault are generated; DS ES SS always keep the flat
 * segment.
 */
final class SregKinds {
    private SregKinds() {
    }

    private static final String[] SREG = {"es", "cs", "ss", "ds", "fs", "gs"};
    private static final int USER_DATA = 0x2B;

    /**
     * A selector that may be loaded into segment register {@code s} at CPL 3. FS and GS may also get the null
     * selector, but only 0: a 64-bit Linux may rewrite a null selector with RPL 1..3 as 0 at a context switch, so
     * what the host reads back would depend on scheduling.
     */
    private static int loadable(Ctx c, int s) {
        if (s == 2) {
            return USER_DATA;
        }
        return (s == 4 || s == 5) && c.chance(0.3) ? 0 : USER_DATA & ~3 | c.pick(4);
    }

    /** A data segment register (not CS); SS only sometimes. */
    private static int writable(Ctx c) {
        int[] s = {0, 3, 4, 5, 0, 3, 4, 5, 2};
        return s[c.pick(s.length)];
    }

    /** MOV r16/r32/m16, Sreg. */
    static boolean movFrom(Ctx c) {
        String sreg = SREG[c.pick(6)];
        if (c.chance(0.3)) {
            c.emit("mov " + c.mem(2) + ", " + sreg);
        } else {
            Opnd dst = c.reg(c.size1632());
            c.emit("mov " + dst + ", " + sreg);
            c.wrote(dst);
        }
        c.kind = "mov_from_sreg";
        return true;
    }

    /** MOV Sreg, r16/m16 with a selector from a setup. */
    static boolean movTo(Ctx c) {
        int s = writable(c);
        int sel = loadable(c, s);
        String src;
        if (c.chance(0.5)) {
            Opnd r = c.reg(2);
            c.setReg(r, sel);
            src = c.chance(0.5) ? r.text() : Opnd.R32[r.reg()];
        } else {
            Opnd m = c.mem(2);
            c.emit("mov " + m + ", " + Ctx.hex(sel, 2));
            src = m.text();
        }
        c.emit("mov " + SREG[s] + ", " + src);
        c.kind = "mov_to_sreg";
        return true;
    }

    /**
     * PUSH Sreg (16 or 32 bits) or PUSH selector; POP Sreg. A 32-bit PUSH Sreg may store 2 or 4 bytes (SDM),
     * so the slot is zeroed first and both give the same bytes.
     */
    static boolean pushPop(Ctx c) {
        int size = c.size1632();
        if (c.m.depth + size > Layout.STACK_AREA) {
            return false;
        }
        if (c.chance(0.5)) {
            if (size == 4) {
                c.emit("mov dword [esp-4], 0");
            }
            c.emit((size == 2 ? "o16 " : "") + "push " + SREG[c.pick(6)]);
            c.m.depth += size;
            c.kind = "push_sreg";
            return true;
        }
        int s = writable(c);
        c.emit("push strict " + Opnd.keyword(size) + " " + Ctx.hex(loadable(c, s), size));
        c.emit((size == 2 ? "o16 " : "") + "pop " + SREG[s]);
        c.kind = "pop_sreg";
        return true;
    }

    /** LDS LES LFS LGS LSS r, m16:32 (or m16:16) from a far pointer written just before. */
    static boolean loadFar(Ctx c) {
        String[] names = {"les", "", "lss", "lds", "lfs", "lgs"};
        int s = writable(c);
        int size = c.size1632();
        int off = c.offset(0, Layout.ARENA_SIZE - size - 2, 0, size + 2);
        int value = c.imm(size);
        c.emit("mov " + Opnd.keyword(size) + " [arena+" + off + "], " + Ctx.hex(value, size));
        c.emit("mov word [arena+" + (off + size) + "], " + Ctx.hex(loadable(c, s), 2));
        Opnd dst = c.reg(size);
        c.emit(names[s] + " " + dst + ", [arena+" + off + "]");
        c.wrote(dst);
        c.kind = names[s];
        return true;
    }
}
