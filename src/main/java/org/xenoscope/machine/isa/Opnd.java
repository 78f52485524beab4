package org.xenoscope.machine.isa;

/**
 * Operand kinds of the instruction table, in the spirit of the SDM's opcode tables ("r/m32", "imm8", "rel32").
 * "v" means word or dword, chosen by the operand-size attribute (the 0x66 prefix).
 */
public enum Opnd {
    /** r/m byte, word, dword, or word/dword. */
    RM8(1), RM16(2), RM32(4), RMV(0),
    /** Memory only: no size (LEA, LGDT), far pointer m16:16/32, qword (CMPXCHG8B). */
    M(-1), MFAR(-1), M64(8),
    /** ModRM.reg register. */
    R8(1), R16(2), R32(4), RV(0),
    /** Register in the low three opcode bits ("+r"). */
    ZR8(1), ZRV(0),
    /** Immediates: byte, word, word/dword, and a byte sign-extended to the operand size. */
    IMM8(-1), IMM16(-1), IMMV(-1), SIMM8(-1),
    /** Relative branch displacement, byte or word/dword. */
    REL8(-1), RELV(-1),
    /** Absolute memory offset (MOV AL/eAX, moffs). */
    MOFFS8(1), MOFFSV(0),
    /** Fixed registers: AL, AX/EAX, CL (a count), DX (a port), the constant 1 (a count). */
    AL(1), EAXV(0), CL(-1), DX(-1), ONE(-1),
    /** ModRM.reg as a segment, control or debug register. */
    SREG(-1), CREG(-1), DREG(-1),
    /** Immediate far pointer ptr16:16/32. */
    PTR(-1),
    /** Fixed segment registers (PUSH/POP sreg). */
    ES(-1), CS(-1), SS(-1), DS(-1), FS(-1), GS(-1);

    /**
     * Size class: 1, 2, 4 or 8 bytes, 0 for "word or dword by operand size", -1 when the operand does not decide
     * the instruction's operand size (immediates, counts, ports, selectors).
     */
    public final int size;

    Opnd(int size) {
        this.size = size;
    }

    public boolean isModrmRm() {
        return this == RM8 || this == RM16 || this == RM32 || this == RMV || this == M || this == MFAR
            || this == M64;
    }

    public boolean isModrmReg() {
        return this == R8 || this == R16 || this == R32 || this == RV || this == SREG || this == CREG
            || this == DREG;
    }

    public boolean isImmediate() {
        return this == IMM8 || this == IMM16 || this == IMMV || this == SIMM8 || this == REL8 || this == RELV
            || this == PTR;
    }

    /** Fixed segment register number (ES=0 .. GS=5) for ES..GS, else -1. */
    public int fixedSreg() {
        switch (this) {
            case ES: return 0;
            case CS: return 1;
            case SS: return 2;
            case DS: return 3;
            case FS: return 4;
            case GS: return 5;
            default: return -1;
        }
    }
}
