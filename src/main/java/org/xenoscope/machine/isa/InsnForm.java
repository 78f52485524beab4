package org.xenoscope.machine.isa;

import java.util.List;

/**
 * One row of the instruction table: one encoding of one instruction, as the SDM's opcode tables list them.
 *
 * <pre>
 *   mnemonic  opcode bytes   ModRM use          operands        semantic  attributes
 *   "add"     {0x01}         REG (/r)           [RMV, RV]       ADD       LOCK
 *   "shl"     {0xC1}         /4                 [RMV, IMM8]     SHL
 *   "push"    {0x50}         none, reg in op    [ZRV]           PUSH
 * </pre>
 *
 * @param mnemonic   lower-case NASM mnemonic
 * @param opcode     opcode bytes after the prefixes (0x0F escape included)
 * @param ext        {@link #EXT_NONE} (no ModRM), {@link #EXT_REG} ("/r") or 0..7 ("/digit")
 * @param operands   operand kinds in Intel order (destination first)
 * @param sem        what it does
 * @param attrs      bit set of {@code A_*} attributes
 * @param summary    one-line description for help text
 */
public record InsnForm(String mnemonic, byte[] opcode, int ext, List<Opnd> operands, Sem sem, int attrs,
                       String summary) {
    public static final int EXT_NONE = -1;
    public static final int EXT_REG = 8;

    /** ModRM must encode memory (mod != 3). */
    public static final int A_MEM_ONLY = 1;
    /** ModRM must encode a register (mod == 3); MOV CRn/DRn ignore mod and always use a register. */
    public static final int A_REG_ONLY = 2;
    /** Accepts the LOCK prefix (when the destination is memory). */
    public static final int A_LOCK = 4;
    /** String instruction: REP applies (MOVS, STOS, LODS, INS, OUTS). */
    public static final int A_REP = 8;
    /** String instruction: REPE/REPNE apply (CMPS, SCAS). */
    public static final int A_REPE = 16;
    /** Encoded only with an F3 prefix (PAUSE = F3 90). */
    public static final int A_F3 = 32;
    /** Privileged: #GP(0) unless CPL is 0. */
    public static final int A_PRIV = 64;
    /** Byte-sized form of an instruction without operands (MOVSB, STOSB...). */
    public static final int A_BYTE = 128;

    public boolean has(int attr) {
        return (attrs & attr) != 0;
    }

    public boolean hasModrm() {
        return ext != EXT_NONE;
    }

    /** True when the register operand is in the low bits of the last opcode byte ("+r"). */
    public boolean regInOpcode() {
        for (Opnd o : operands) {
            if (o == Opnd.ZR8 || o == Opnd.ZRV) {
                return true;
            }
        }
        return false;
    }

    /**
     * Operand-size class of the instruction: 1, 2, 4, 8, or 0 for word/dword by prefix. The first operand that
     * has a size decides (immediates, counts and ports never do); with none, it is word/dword.
     */
    public int sizeClass() {
        if (has(A_BYTE)) {
            return 1;
        }
        for (Opnd o : operands) {
            if (o.size >= 0) {
                return o.size;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(mnemonic).append(" [");
        for (byte b : opcode) {
            sb.append(String.format("%02x", b & 0xFF));
        }
        if (ext == EXT_REG) {
            sb.append(" /r");
        } else if (ext >= 0) {
            sb.append(" /").append(ext);
        }
        return sb.append("] ").append(operands).toString();
    }
}
