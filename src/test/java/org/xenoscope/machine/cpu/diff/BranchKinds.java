package org.xenoscope.machine.cpu.diff;

/**
 * Short forward branches over one nested item: Jcc (short and near), JMP, LOOP LOOPE LOOPNE and JECXZ. The
 * generator does not know whether a conditional branch is taken, so the model after it is the merge of both
 * paths (a flag undefined on either path is undefined; a register is known only if both paths agree).
 */
final class BranchKinds {
    private BranchKinds() {
    }

    static boolean branch(Ctx c) {
        String label = c.newLabel();
        boolean conditional = true;
        switch (c.pick(6)) {
            case 0: case 1: case 2: {
                int cc = BitKinds.readableCondition(c);
                if (cc < 0) {
                    return false;
                }
                c.emit("j" + FlagBits.CC[cc] + (c.chance(0.5) ? " short " : " near ") + label);
                c.kind = "jcc";
                break;
            }
            case 3:
                c.emit("jmp " + (c.chance(0.5) ? "short " : "near ") + label);
                conditional = false;
                c.kind = "jmp";
                break;
            case 4: {
                String[] loops = {"loop", "loope", "loopne"};
                int k = c.pick(3);
                if (k > 0 && !c.m.canRead(FlagBits.ZF)) {
                    return false;
                }
                c.emit(loops[k] + " " + label);
                decrementEcx(c);
                c.kind = loops[k];
                break;
            }
            default:
                c.emit("jecxz " + label);
                c.kind = "jecxz";
                break;
        }
        Ctx body = Kinds.nested(c);
        if (body == null) {
            return false;
        }
        c.lines.addAll(body.lines);
        c.instructions += body.instructions;
        c.label(label);
        if (conditional) {
            c.m.merge(body.m);
        }
        return true;
    }

    /**
     * A call to a subroutine made of one nested item and RET (RET imm16 when an argument was pushed first):
     * {@code call .La; jmp short .Lb; .La: item; ret; .Lb:}. The call is direct, through a register or through
     * memory; the return address lands in the stack area, which is compared like the rest of the arena.
     */
    static boolean call(Ctx c) {
        int arg = c.chance(0.3) ? 4 : 0;
        if (c.m.depth + 4 + arg > Layout.STACK_AREA) {
            return false;
        }
        String sub = c.newLabel();
        String after = c.newLabel();
        if (arg > 0) {
            c.emit("push strict dword " + Ctx.hex(c.imm(4), 4));
        }
        switch (c.pick(3)) {
            case 0:
                c.emit("call " + sub);
                break;
            case 1: {
                int r = c.freeReg(0);
                c.emit("mov " + Opnd.R32[r] + ", " + sub);
                c.emit("call " + Opnd.R32[r]);
                c.wroteReg(r, -1);
                break;
            }
            default: {
                String slot = "[arena+" + (Layout.STACK_AREA + c.pick(Layout.BUFFER - 3)) + "]";
                c.emit("mov dword " + slot + ", " + sub);
                c.emit("call dword " + slot);
                break;
            }
        }
        c.emit("jmp short " + after);
        c.label(sub);
        c.m.depth += 4 + arg;
        c.m.guardLo = Layout.STACK_AREA - c.m.depth;
        c.m.guardHi = c.m.guardLo + 4 + arg;
        Ctx body = Kinds.nested(c);
        c.lines.addAll(body.lines);
        c.instructions += body.instructions;
        c.m.depth -= 4 + arg;
        c.m.guardLo = 0;
        c.m.guardHi = 0;
        copyInto(body.m, c.m);
        c.emit(arg > 0 ? "ret " + arg : "ret");
        c.label(after);
        c.kind = "call";
        return true;
    }

    /**
     * A counted backward loop around one nested item: {@code mov ecx, n; .top: item; loop .top} (or DEC ECX;
     * JNZ). The body must be repeatable: it leaves ECX alone, does not rely on a register value it changes
     * itself, and makes no flag undefined that was defined when it started (so what it reads stays defined).
     */
    static boolean backwardLoop(Ctx c) {
        int n = 1 + c.pick(4);
        c.setReg32(1, n);
        String top = c.newLabel();
        c.label(top);
        int undefinedBefore = c.m.undefined;
        c.m.touched = 0;
        Ctx body = Kinds.nested(c);
        boolean repeatable = (body.m.touched & 1 << 1) == 0 && (body.reused & body.m.touched) == 0
            && (body.m.undefined & ~undefinedBefore) == 0;
        if (!repeatable) {
            return false;
        }
        c.lines.addAll(body.lines);
        c.instructions += body.instructions;
        copyInto(body.m, c.m);
        if (c.chance(0.5)) {
            c.emit("loop " + top);
        } else {
            c.emit("dec ecx");
            c.emit("jnz " + (c.chance(0.5) ? "short " : "near ") + top);
            c.m.apply(FlagBits.Effect.INC_DEC);
        }
        c.m.set(1, -1, 0);
        c.kind = "loop_back";
        return true;
    }

    private static void copyInto(Model from, Model to) {
        System.arraycopy(from.value, 0, to.value, 0, 8);
        System.arraycopy(from.known, 0, to.known, 0, 8);
        to.undefined = from.undefined;
        to.df = from.df;
        to.dfKnown = from.dfKnown;
    }

    private static void decrementEcx(Ctx c) {
        if (c.m.isKnown(1)) {
            c.m.set(1, -1, c.m.get(1) - 1);
        } else {
            c.wroteReg(1, -1);
        }
    }
}
