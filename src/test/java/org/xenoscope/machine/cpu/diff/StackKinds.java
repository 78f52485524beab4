package org.xenoscope.machine.cpu.diff;

import static org.xenoscope.machine.cpu.diff.FlagBits.ARITH;

/**
 * PUSH POP PUSHA POPA PUSHF POPF ENTER LEAVE and the flag instructions. The stack stays inside the stack area
 * of the arena: the model tracks the depth below {@link Layout#STACK_TOP} and a push or pop that would leave
 * [0, STACK_AREA] is not generated. The stack area is part of the compared state.
 */
final class StackKinds {
    private StackKinds() {
    }

    private static boolean room(Ctx c, int bytes) {
        return c.m.depth + bytes <= Layout.STACK_AREA;
    }

    /** PUSH r16/r32, imm8/imm16/imm32, m16/m32, or ESP itself. */
    static boolean push(Ctx c) {
        int size = c.size1632();
        if (!room(c, size)) {
            return false;
        }
        String what;
        switch (c.pick(5)) {
            case 0: case 1:
                what = c.reg(size).text();
                break;
            case 2:
                what = c.chance(0.5) ? Opnd.keyword(size) + " " + (c.pick(256) - 128)
                    : "strict " + Opnd.keyword(size) + " " + Ctx.hex(c.imm(size), size);
                break;
            case 3:
                what = c.mem(size, 0, Layout.ARENA_SIZE - size, 0, size, false).text();
                break;
            default:
                what = size == 4 ? "esp" : "sp";
                break;
        }
        c.emit("push " + what);
        c.m.depth += size;
        c.kind = "push";
        return true;
    }

    /** POP r16/r32 or m16/m32 (memory addressed without ESP). */
    static boolean pop(Ctx c) {
        int size = c.size1632();
        if (c.m.depth < size) {
            return false;
        }
        Opnd dst = c.chance(0.7) ? c.reg(size) : c.mem(size, 0, Layout.ARENA_SIZE - size, 0, size, false);
        c.emit("pop " + dst);
        c.m.depth -= size;
        c.wrote(dst);
        c.kind = "pop";
        return true;
    }

    /** PUSHAD / PUSHAW, and POPAD / POPAW (which skip the saved ESP). */
    static boolean pushPopAll(Ctx c) {
        int size = c.size1632();
        int bytes = 8 * size;
        if (c.chance(0.5)) {
            if (!room(c, bytes)) {
                return false;
            }
            c.emit(size == 4 ? "pushad" : "pushaw");
            c.m.depth += bytes;
            c.kind = "pusha";
        } else {
            if (c.m.depth < bytes) {
                return false;
            }
            c.emit(size == 4 ? "popad" : "popaw");
            c.m.depth -= bytes;
            for (int r = 0; r < 8; r++) {
                if (r != Model.ESP) {
                    c.wroteReg(r, size == 4 ? -1 : 0xFFFF);
                }
            }
            c.kind = "popa";
        }
        return true;
    }

    /** PUSHFD / PUSHFW: reads every flag, so only when all are defined. */
    static boolean pushf(Ctx c) {
        int size = c.size1632();
        if (!c.m.canRead(ARITH) || !room(c, size)) {
            return false;
        }
        c.emit(size == 4 ? "pushfd" : "pushfw");
        c.m.depth += size;
        c.kind = "pushf";
        return true;
    }

    /**
     * PUSH imm; POPFD (or the 16-bit pair): all arithmetic flags and DF from the immediate. IF and IOPL bits in
     * the immediate are ignored at CPL 3 with IOPL 0 (no fault), which the comparison checks too.
     */
    static boolean popf(Ctx c) {
        int size = c.size1632();
        if (!room(c, size)) {
            return false;
        }
        int v = c.rnd.nextInt() & (ARITH | FlagBits.DF | FlagBits.IF | 0x3000) | 2;
        c.emit("push strict " + Opnd.keyword(size) + " " + Ctx.hex(v, size));
        c.emit(size == 4 ? "popfd" : "popfw");
        c.m.apply(FlagBits.Effect.ALL);
        c.m.df = (v & FlagBits.DF) != 0;
        c.m.dfKnown = true;
        c.kind = "popf";
        return true;
    }

    /** ENTER size, level (level 0 or 1: higher levels copy frame pointers through EBP). */
    static boolean enter(Ctx c) {
        int level = c.pick(2);
        int frame = c.pick(5) == 0 ? 0 : c.pick(25);
        int bytes = 4 + 4 * level + frame;
        if (!room(c, bytes)) {
            return false;
        }
        c.emit("enter " + frame + ", " + level);
        int ebp = Layout.STACK_TOP - c.m.depth - 4;
        c.m.depth += bytes;
        c.m.set(5, -1, ebp);
        c.kind = "enter";
        return true;
    }

    /** LEAVE: ESP = EBP, POP EBP; only when EBP is known to point into the stack area. */
    static boolean leave(Ctx c) {
        if (!c.m.isKnown(5)) {
            return false;
        }
        long depth = (long) Layout.STACK_TOP - c.m.get(5);
        if (depth < 4 || depth > Layout.STACK_AREA) {
            return false;
        }
        c.emit("leave");
        c.m.depth = (int) depth - 4;
        c.wroteReg(5, -1);
        c.kind = "leave";
        return true;
    }

    /** CLC STC CMC CLD STD. */
    static boolean flagOp(Ctx c) {
        String[] names = {"clc", "stc", "cmc", "cld", "std"};
        int k = c.pick(5);
        if (k == 2 && !c.m.canRead(FlagBits.CF)) {
            return false;
        }
        c.emit(names[k]);
        if (k < 3) {
            c.m.apply(FlagBits.Effect.CARRY);
        } else {
            c.m.df = k == 4;
            c.m.dfKnown = true;
        }
        c.kind = names[k];
        return true;
    }

    /** LAHF (reads SF ZF AF PF CF into AH) and SAHF (writes them from AH). */
    static boolean lahfSahf(Ctx c) {
        if (c.chance(0.5)) {
            if (!c.m.canRead(ARITH & ~FlagBits.OF)) {
                return false;
            }
            c.emit("lahf");
            c.wroteReg(0, 0xFF00);
            c.kind = "lahf";
        } else {
            c.emit("sahf");
            c.m.apply(FlagBits.Effect.SAHF);
            c.kind = "sahf";
        }
        return true;
    }
}
