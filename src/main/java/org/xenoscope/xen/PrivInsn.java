package org.xenoscope.xen;

/**
 * One instruction at a #GP(0), decoded only as far as Xen's privileged-op emulation needs (the front end of
 * Xen's {@code emulate_privileged_op}): legacy prefixes, a one- or two-byte opcode, the ModRM byte of MOV
 * CRn/DRn, the imm8 port of IN/OUT.
 *
 * <pre>
 *   [prefixes: 66 67 F0 F2 F3 26 2E 36 3E 64 65]*  opcode            [ModRM]            [imm8]
 *                                                  E4-E7 EC-EF FA FB                    E4-E7: port
 *                                                  0F xx             0F 20-23: mod reg rm
 *   ModRM of MOV CRn/DRn:  7 6 | 5 4 3 | 2 1 0      mod is ignored (always the register form),
 *                          mod | n     | GPR        n = control/debug register number, GPR = r32
 * </pre>
 *
 * @param length   bytes the instruction occupies (EIP advances by this)
 * @param opcode   the opcode byte, or 0x0F00 | second byte for two-byte opcodes
 * @param opSize   operand size in bytes for IN/OUT and their accumulator (2 with a 0x66 prefix, else 4)
 * @param lock     a LOCK prefix (F0) was present: never emulated
 * @param modrm    the ModRM byte for 0F 20-23, else 0
 * @param imm8     the port of E4-E7, else 0
 */
record PrivInsn(int length, int opcode, int opSize, boolean lock, int modrm, int imm8) {
    /** The architectural maximum instruction length; longer prefix runs are not emulated. */
    static final int MAX_LENGTH = 15;

    /** Reads the instruction's bytes one at a time; throws {@link HypercallError} when the byte is unreadable. */
    @FunctionalInterface
    interface Fetch {
        int byteAt(int offset);
    }

    /** Register field (CRn/DRn number) of the ModRM byte. */
    int crOrDr() {
        return (modrm >>> 3) & 7;
    }

    /** R/M field (the general register) of the ModRM byte. */
    int gpr() {
        return modrm & 7;
    }

    /**
     * Contract: decodes the instruction whose bytes {@code fetch} gives; returns null when it is longer than 15
     * bytes. Reads no byte beyond the instruction; a {@link HypercallError} from {@code fetch} propagates.
     */
    static PrivInsn decode(Fetch fetch) {
        int n = 0;
        int opSize = 4;
        boolean lock = false;
        int b;
        while (true) {
            if (n >= MAX_LENGTH) {
                return null;
            }
            b = fetch.byteAt(n++);
            if (b == 0x66) {
                opSize = 2;
            } else if (b == 0xF0) {
                lock = true;
            } else if (!isOtherPrefix(b)) {
                break;
            }
        }
        int opcode = b;
        int modrm = 0;
        int imm8 = 0;
        if (b == 0x0F) {
            opcode = 0x0F00 | fetch.byteAt(n++);
            if (opcode >= 0x0F20 && opcode <= 0x0F23) {
                modrm = fetch.byteAt(n++);
            }
        } else if (b >= 0xE4 && b <= 0xE7) {
            imm8 = fetch.byteAt(n++);
        }
        return n > MAX_LENGTH ? null : new PrivInsn(n, opcode, opSize, lock, modrm, imm8);
    }

    /** Address size, REP/REPNE and segment overrides: allowed, no effect on the instructions emulated. */
    private static boolean isOtherPrefix(int b) {
        return switch (b) {
            case 0x67, 0xF2, 0xF3, 0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65 -> true;
            default -> false;
        };
    }
}
