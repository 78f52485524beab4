package org.xenoscope.asm.nasm;

import java.util.List;

/**
 * A tiny stand-in encoder for testing the front end's passes on its own (the real {@link Encoder} is tested
 * separately and against NASM): {@code nop}, {@code ret}, {@code jmp} (EB rel8 when known, in reach and not
 * strict; else E9 rel32), {@code push imm} (6A ib / 68 id), {@code mov eax, imm} (B8 id), {@code int n},
 * {@code osc x} (1 byte when x is even, 2 when odd: a size that can never settle), {@code boom} (a bug).
 */
final class FakeEncoder implements InsnEncoder {
    @Override
    public byte[] encode(String m, List<String> prefixes, List<AsmOperand> ops, long addr) {
        switch (m) {
            case "nop":
                return new byte[] {(byte) 0x90};
            case "ret":
                return new byte[] {(byte) 0xC3};
            case "int":
                return new byte[] {(byte) 0xCD, (byte) imm(ops).value()};
            case "jmp": {
                AsmOperand.Imm t = imm(ops);
                long rel8 = t.value() - (addr + 2);
                boolean isShort = t.size() == 1 || t.known() && !t.strict() && t.size() == 0 && rel8 >= -128
                    && rel8 <= 127;
                if (isShort) {
                    if (rel8 < -128 || rel8 > 127) {
                        throw new EncodeException("short jump is out of range");
                    }
                    return new byte[] {(byte) 0xEB, (byte) rel8};
                }
                return le((byte) 0xE9, t.value() - (addr + 5));
            }
            case "push": {
                AsmOperand.Imm v = imm(ops);
                if (v.known() && !v.strict() && v.size() == 0 && v.value() >= -128 && v.value() <= 127) {
                    return new byte[] {0x6A, (byte) v.value()};
                }
                return le((byte) 0x68, v.value());
            }
            case "mov":
                return le((byte) 0xB8, ((AsmOperand.Imm) ops.get(1)).value());
            case "osc":
                return (imm(ops).value() & 1) == 0 ? new byte[] {1} : new byte[] {2, 2};
            case "boom":
                throw new NullPointerException("simulated bug");
            default:
                throw new EncodeException("parser: instruction expected");
        }
    }

    private static AsmOperand.Imm imm(List<AsmOperand> ops) {
        if (ops.isEmpty() || !(ops.get(0) instanceof AsmOperand.Imm i)) {
            throw new EncodeException("invalid combination of opcode and operands");
        }
        return i;
    }

    private static byte[] le(byte op, long v) {
        return new byte[] {op, (byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }
}
