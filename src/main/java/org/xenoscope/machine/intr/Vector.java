package org.xenoscope.machine.intr;

/**
 * Exception vectors, numbered and named as in the Intel SDM Vol. 3 §6.3 (and xv6's traps.h).
 */
public final class Vector {
    private Vector() {
    }

    public static final int DE = 0;   // divide error
    public static final int DB = 1;   // debug (TF single step, debug registers)
    public static final int NMI = 2;  // non-maskable interrupt
    public static final int BP = 3;   // breakpoint (INT3)
    public static final int OF = 4;   // overflow (INTO)
    public static final int BR = 5;   // BOUND range exceeded
    public static final int UD = 6;   // invalid opcode
    public static final int NM = 7;   // device not available (x87 with CR0.TS or CR0.EM)
    public static final int DF = 8;   // double fault (error code 0)
    public static final int TS = 10;  // invalid TSS
    public static final int NP = 11;  // segment not present
    public static final int SS = 12;  // stack-segment fault
    public static final int GP = 13;  // general protection
    public static final int PF = 14;  // page fault
    public static final int MF = 16;  // x87 floating-point error
    public static final int AC = 17;  // alignment check
    public static final int MC = 18;  // machine check
    public static final int XM = 19;  // SIMD floating-point

    private static final String[] NAMES = {
        "#DE divide error", "#DB debug", "NMI", "#BP breakpoint", "#OF overflow", "#BR bound range",
        "#UD invalid opcode", "#NM device not available", "#DF double fault", "coprocessor segment overrun",
        "#TS invalid TSS", "#NP segment not present", "#SS stack fault", "#GP general protection",
        "#PF page fault", "reserved", "#MF x87 error", "#AC alignment check", "#MC machine check",
        "#XM SIMD error",
    };

    /** True for the exceptions that push an error code (SDM Vol. 3 Table 6-1). */
    public static boolean hasErrorCode(int v) {
        return v == DF || v == TS || v == NP || v == SS || v == GP || v == PF || v == AC;
    }

    /** "#PF page fault", or "vector 0x80" for the rest. */
    public static String name(int v) {
        return v >= 0 && v < NAMES.length ? NAMES[v] : String.format("vector 0x%x", v);
    }

    /** Contributory exceptions (SDM Vol. 3 Table 6-4): two of them in a row make a double fault. */
    public static boolean isContributory(int v) {
        return v == DE || v == TS || v == NP || v == SS || v == GP;
    }
}
