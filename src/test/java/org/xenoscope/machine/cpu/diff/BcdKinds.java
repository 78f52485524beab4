package org.xenoscope.machine.cpu.diff;

import static org.xenoscope.machine.cpu.diff.FlagBits.AF;
import static org.xenoscope.machine.cpu.diff.FlagBits.CF;
import static org.xenoscope.machine.cpu.diff.FlagBits.OF;
import static org.xenoscope.machine.cpu.diff.FlagBits.SZP;

/**
 * The decimal adjustments DAA DAS AAA AAS AAM AAD. The four that read CF and AF run only when both are defined;
 * half of the time they follow an ADD or SUB of two random bytes, the case they are meant for. AAM's base is
 * never 0 (that raises #DE).
 */
final class BcdKinds {
    private BcdKinds() {
    }

    /** Flags per instruction: DAA DAS define CF AF SF ZF PF; AAA AAS CF AF; AAM AAD SF ZF PF. */
    static final FlagBits.Effect DECIMAL = new FlagBits.Effect(CF | AF | SZP, OF);
    static final FlagBits.Effect ASCII = new FlagBits.Effect(CF | AF, OF | SZP);
    static final FlagBits.Effect ASCII_MUL_DIV = new FlagBits.Effect(SZP, OF | AF | CF);

    private static final String[] NAMES = {"daa", "das", "aaa", "aas", "aam", "aad"};

    /** One decimal adjustment on AL/AX, perhaps after a setup of AX and an ADD/SUB on AL. */
    static boolean adjust(Ctx c) {
        int k = c.pick(NAMES.length);
        boolean readsFlags = k < 4;
        if (c.chance(0.5)) {
            c.setReg(Opnd.register(2, 0), c.pick(0x10000));
            if (readsFlags) {
                c.emit((c.chance(0.5) ? "add al, " : "sub al, ") + Ctx.hex(c.pick(256), 1));
                c.m.apply(FlagBits.Effect.ARITHMETIC);
            }
        }
        if (readsFlags && !c.m.canRead(CF | AF)) {
            return false;
        }
        String name = NAMES[k];
        if (k < 4) {
            c.emit(name);
        } else {
            c.emit(name + " " + Ctx.hex(c.chance(0.3) ? 10 : 1 + c.pick(255), 1));
        }
        c.wroteReg(0, k < 2 ? 0xFF : 0xFFFF);
        c.m.apply(k < 2 ? DECIMAL : k < 4 ? ASCII : ASCII_MUL_DIV);
        c.kind = name;
        return true;
    }
}
