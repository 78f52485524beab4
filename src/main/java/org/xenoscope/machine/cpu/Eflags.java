package org.xenoscope.machine.cpu;

/**
 * EFLAGS bit positions (SDM Vol. 1 §3.4.3).
 *
 * <pre>
 *  21 20  19  18 17 16 15 14 13:12 11 10  9  8  7  6  5  4  3  2  1  0
 *  ID VIP VIF AC VM RF  0 NT  IOPL OF DF IF TF SF ZF  0 AF  0 PF  1 CF
 * </pre>
 */
public final class Eflags {
    private Eflags() {
    }

    public static final int CF = 1;
    public static final int FIXED1 = 1 << 1;
    public static final int PF = 1 << 2;
    public static final int AF = 1 << 4;
    public static final int ZF = 1 << 6;
    public static final int SF = 1 << 7;
    public static final int TF = 1 << 8;
    public static final int IF = 1 << 9;
    public static final int DF = 1 << 10;
    public static final int OF = 1 << 11;
    public static final int IOPL = 3 << 12;
    public static final int IOPL_SHIFT = 12;
    public static final int NT = 1 << 14;
    public static final int RF = 1 << 16;
    public static final int VM = 1 << 17;
    public static final int AC = 1 << 18;
    public static final int VIF = 1 << 19;
    public static final int VIP = 1 << 20;
    public static final int ID = 1 << 21;

    /** The six arithmetic status flags. */
    public static final int ARITH = CF | PF | AF | ZF | SF | OF;

    /** Bits software can change at all (VM stays 0: no virtual-8086 mode on this CPU). */
    public static final int WRITABLE = ARITH | TF | IF | DF | IOPL | NT | RF | AC | ID;

    /** "CF PF ZF" style text of the set bits, for traces and the debugger. */
    public static String describe(int f) {
        StringBuilder sb = new StringBuilder();
        String[] names = {"CF", "", "PF", "", "AF", "", "ZF", "SF", "TF", "IF", "DF", "OF"};
        for (int b = 0; b < names.length; b++) {
            if (!names[b].isEmpty() && (f & (1 << b)) != 0) {
                sb.append(sb.length() == 0 ? "" : " ").append(names[b]);
            }
        }
        sb.append(sb.length() == 0 ? "" : " ").append("IOPL=").append((f & IOPL) >> IOPL_SHIFT);
        return sb.toString();
    }
}
