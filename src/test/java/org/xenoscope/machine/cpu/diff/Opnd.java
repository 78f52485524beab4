package org.xenoscope.machine.cpu.diff;

/**
 * A generated operand: a register (reg = encoding number of the full register, high = AH..BH) or a memory
 * reference into the arena (reg = -1; text carries the NASM size keyword).
 */
record Opnd(String text, int size, int reg, boolean high) {
    static final String[] R32 = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"};
    static final String[] R16 = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di"};
    static final String[] R8 = {"al", "cl", "dl", "bl", "ah", "ch", "dh", "bh"};

    /** Register operand; for size 1, {@code code} 4..7 names AH CH DH BH (registers 0..3). */
    static Opnd register(int size, int code) {
        switch (size) {
            case 1:
                return new Opnd(R8[code], 1, code & 3, code >= 4);
            case 2:
                return new Opnd(R16[code], 2, code, false);
            default:
                return new Opnd(R32[code], 4, code, false);
        }
    }

    static Opnd memory(String address, int size) {
        return new Opnd(keyword(size) + " " + address, size, -1, false);
    }

    static String keyword(int size) {
        switch (size) {
            case 1: return "byte";
            case 2: return "word";
            case 4: return "dword";
            default: return "qword";
        }
    }

    boolean isMem() {
        return reg < 0;
    }

    /** The register bits this operand covers. */
    int slice() {
        switch (size) {
            case 1: return high ? 0xFF00 : 0xFF;
            case 2: return 0xFFFF;
            default: return -1;
        }
    }

    /** Encoding number of a register operand as it appears in ModRM (AH = 4 for size 1). */
    int code() {
        return size == 1 && high ? reg + 4 : reg;
    }

    @Override
    public String toString() {
        return text;
    }
}
