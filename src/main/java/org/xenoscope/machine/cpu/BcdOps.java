package org.xenoscope.machine.cpu;

import org.xenoscope.machine.intr.CpuFault;
import org.xenoscope.machine.intr.Vector;

/**
 * The decimal-arithmetic adjustments (SDM Vol. 2 "DAA", "DAS", "AAA", "AAS", "AAM", "AAD"): they correct AL (and
 * AH) after binary arithmetic on packed BCD (two digits per byte) or unpacked BCD (one digit per byte).
 *
 * <pre>
 *   packed   AL = | tens | ones |      DAA DAS adjust AL after ADD/SUB; CF = decimal carry/borrow
 *   unpacked AH = |  0   | tens |      AAA AAS adjust AX after ADD/SUB; AAM splits AL, AAD joins AH:AL
 *            AL = |  0   | ones |
 * </pre>
 *
 * Flags the SDM defines: DAA/DAS: CF AF SF ZF PF (OF undefined); AAA/AAS: CF AF (OF SF ZF PF undefined);
 * AAM/AAD: SF ZF PF (OF AF CF undefined). The undefined ones get a fixed value here: OF, and for AAM/AAD also AF
 * and CF, are cleared; SF ZF PF are always computed from the final AL (for AAA/AAS after the high nibble is
 * cleared). Hardware computes some of these differently, so the differential test treats them as undefined.
 *
 * <p>AAA and AAS adjust the whole of AX when they correct ({@code AX + 0x106}, {@code AX - 6} then {@code AH - 1}):
 * a carry out of AL + 6 reaches AH, as on real processors (the SDM's pseudo-code shows AL and AH separately).
 * AAM with an immediate of 0 raises #DE and changes nothing.
 */
final class BcdOps {
    private BcdOps() {
    }

    /** DAA: adds 6 to a low digit above 9 (or after a half carry), 0x60 to a high one (or after a carry). */
    static void daa(Cpu c) {
        int al = c.getReg(1, Cpu.EAX);
        int oldAl = al;
        boolean oldCf = c.flags.cf() != 0;
        int af = 0;
        if ((al & 0xF) > 9 || c.flags.af() != 0) {
            al += 6;
            af = 1;
        }
        int cf = 0;
        if (oldAl > 0x99 || oldCf) {
            al += 0x60;
            cf = 1;
        }
        setAl(c, al, cf, af);
    }

    /**
     * DAS: subtracts 6 from a low digit above 9 (or after a half borrow), 0x60 from a high one (or after a
     * borrow). CF is also set when the first step borrows (AL below 6), as the SDM's pseudo-code says.
     */
    static void das(Cpu c) {
        int al = c.getReg(1, Cpu.EAX);
        int oldAl = al;
        boolean oldCf = c.flags.cf() != 0;
        int af = 0;
        int cf = 0;
        if ((al & 0xF) > 9 || c.flags.af() != 0) {
            cf = oldCf || al < 6 ? 1 : 0;
            al -= 6;
            af = 1;
        }
        if (oldAl > 0x99 || oldCf) {
            al -= 0x60;
            cf = 1;
        }
        setAl(c, al, cf, af);
    }

    /** AAA: after an unpacked digit sum above 9 (or a half carry), AX += 0x106; AL keeps its low nibble. */
    static void aaa(Cpu c) {
        int ax = c.getReg(2, Cpu.EAX);
        int adjust = (ax & 0xF) > 9 || c.flags.af() != 0 ? 1 : 0;
        if (adjust != 0) {
            ax += 0x106;
        }
        storeAxLowNibble(c, ax, adjust);
    }

    /** AAS: after an unpacked digit difference above 9 (or a half borrow), AL -= 6 and AH -= 1 (as AX - 6, AH - 1). */
    static void aas(Cpu c) {
        int ax = c.getReg(2, Cpu.EAX);
        int adjust = (ax & 0xF) > 9 || c.flags.af() != 0 ? 1 : 0;
        if (adjust != 0) {
            ax -= 6;
            ax -= 0x100;
        }
        storeAxLowNibble(c, ax, adjust);
    }

    /** AAM imm8: AH = AL / imm8, AL = AL % imm8; #DE for imm8 = 0. */
    static void aam(Cpu c, Insn i) {
        int base = i.imm & 0xFF;
        if (base == 0) {
            throw new CpuFault(Vector.DE, 0);
        }
        int al = c.getReg(1, Cpu.EAX);
        int result = (al / base) << 8 | (al % base);
        c.setReg(2, Cpu.EAX, result);
        c.flags.setResult(1, result, 0, 0, 0);
    }

    /** AAD imm8: AL = (AL + AH * imm8) mod 256, AH = 0. */
    static void aad(Cpu c, Insn i) {
        int ax = c.getReg(2, Cpu.EAX);
        int al = ((ax & 0xFF) + (ax >>> 8) * (i.imm & 0xFF)) & 0xFF;
        c.setReg(2, Cpu.EAX, al);
        c.flags.setResult(1, al, 0, 0, 0);
    }

    /** Stores AL and the flags of DAA/DAS: CF, AF given, SF ZF PF from AL, OF cleared. */
    private static void setAl(Cpu c, int al, int cf, int af) {
        c.setReg(1, Cpu.EAX, al & 0xFF);
        c.flags.setResult(1, al & 0xFF, cf, 0, af);
    }

    /** Stores AX with AL's high nibble cleared; CF = AF = {@code adjust}, SF ZF PF from AL, OF cleared. */
    private static void storeAxLowNibble(Cpu c, int ax, int adjust) {
        int v = ax & 0xFF0F;
        c.setReg(2, Cpu.EAX, v);
        c.flags.setResult(1, v & 0xFF, adjust, 0, adjust);
    }
}
