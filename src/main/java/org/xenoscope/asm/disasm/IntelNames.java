package org.xenoscope.asm.disasm;

/** Names and number forms of Intel syntax as objdump prints them: registers, size markers, hex, prefixes. */
final class IntelNames {
    static final String[] REG8 = {"al", "cl", "dl", "bl", "ah", "ch", "dh", "bh"};
    static final String[] REG16 = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di"};
    static final String[] REG32 = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"};
    /** Segment registers by number (ES=0 .. GS=5); objdump prints 6 and 7 as "?". */
    static final String[] SREG = {"es", "cs", "ss", "ds", "fs", "gs", "?", "?"};
    /** 16-bit ModRM memory forms by rm (base + index, SDM Vol. 2 Table 2-1). */
    static final String[] INDEX16 = {"bx+si", "bx+di", "bp+si", "bp+di", "si", "di", "bp", "bx"};

    private IntelNames() {
    }

    /** The general register {@code r} of {@code size} bytes (1, 2 or 4). */
    static String reg(int size, int r) {
        return switch (size) {
            case 1 -> REG8[r];
            case 2 -> REG16[r];
            default -> REG32[r];
        };
    }

    /** The size marker objdump puts before a memory operand of {@code size} bytes, with its trailing space. */
    static String ptr(int size) {
        return switch (size) {
            case 1 -> "BYTE PTR ";
            case 2 -> "WORD PTR ";
            case 4 -> "DWORD PTR ";
            case 6 -> "FWORD PTR ";
            case 8 -> "QWORD PTR ";
            default -> "";
        };
    }

    /** {@code v} as an unsigned 32-bit hex number: {@code 0x0}, {@code 0xffffffff}. */
    static String hex(int v) {
        return "0x" + Integer.toHexString(v);
    }

    /** A displacement after a base or index: {@code +0x10}, {@code -0x10}, {@code -0x80000000}. */
    static String signedHex(int v) {
        return v < 0 ? "-0x" + Long.toHexString(-(long) v) : "+0x" + Integer.toHexString(v);
    }

    /** The mask of an operand of {@code size} bytes. */
    static int mask(int size) {
        return size == 1 ? 0xFF : size == 2 ? 0xFFFF : -1;
    }

    /** True for the bytes the decoder takes as prefixes (SDM Vol. 2 §2.1.1). */
    static boolean isPrefix(int b) {
        return switch (b) {
            case 0xF0, 0xF2, 0xF3, 0x66, 0x67, 0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65 -> true;
            default -> false;
        };
    }

    /** The segment register a segment-override prefix byte selects, or -1. */
    static int segmentOf(int b) {
        return switch (b) {
            case 0x26 -> 0;
            case 0x2E -> 1;
            case 0x36 -> 2;
            case 0x3E -> 3;
            case 0x64 -> 4;
            case 0x65 -> 5;
            default -> -1;
        };
    }

    /** The name objdump gives a prefix byte when it stands alone (cut off, or before an unrelated opcode). */
    static String prefixName(int b) {
        return switch (b) {
            case 0xF0 -> "lock";
            case 0xF2 -> "repnz";
            case 0xF3 -> "repz";
            case 0x66 -> "data16";
            case 0x67 -> "addr16";
            default -> SREG[segmentOf(b)];
        };
    }
}
