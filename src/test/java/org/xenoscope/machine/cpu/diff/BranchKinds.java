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

    private static void decrementEcx(Ctx c) {
        if (c.m.isKnown(1)) {
            c.m.set(1, -1, c.m.get(1) - 1);
        } else {
            c.wroteReg(1, -1);
        }
    }
}
