package org.xenoscope.asm.disasm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.xenoscope.machine.isa.InsnForm;
import org.xenoscope.machine.isa.InsnTable;
import org.xenoscope.machine.isa.Opnd;
import org.xenoscope.machine.isa.Sem;

/**
 * Test helper: instances (byte strings) of every row of the instruction table, built from the row itself: its
 * opcode bytes, a choice of ModRM/SIB/displacement, immediates of the sizes its operand kinds ask for, and
 * prefixes.
 *
 * <p>Two sets. {@link #canonical()}: for each row, register and memory forms in the encodings an assembler
 * writes (no redundant SIB, no zero displacement, no prefix an operand does not use), with and without 0x66 where
 * the row has a word/dword operand (except where assemblers have no syntax for the 16-bit form).
 * {@link #all()}: the canonical ones plus odd but valid encodings: redundant SIB bytes ({@code eiz}), zero
 * displacements, 16-bit addressing, segment overrides, LOCK, REP/REPNE, and prefixes the instruction ignores.
 * Every instance is one the CPU's decoder accepts.
 */
final class TableInstances {
    /** One instance of a row. */
    record Instance(InsnForm form, byte[] bytes) {
    }

    /** A ModRM memory encoding: the ModRM byte with reg = 0, then SIB and displacement bytes. */
    private record Mem(int modrm, int... rest) {
    }

    /** Canonical 32-bit memory forms: [eax], disp32, [ebx+disp8], [esi+disp32], SIB forms, [ebp+disp8]. */
    private static final List<Mem> MEM32 = List.of(
        new Mem(0x00),                                  // [eax]
        new Mem(0x05, 0x34, 0x12, 0x00, 0x00),          // ds:0x1234
        new Mem(0x43, 0x12),                            // [ebx+0x12]
        new Mem(0x46, 0xF0),                            // [esi-0x10]
        new Mem(0x86, 0x78, 0x56, 0x34, 0x12),          // [esi+0x12345678]
        new Mem(0x04, 0xB3),                            // [ebx+esi*4]
        new Mem(0x44, 0x24, 0x08),                      // [esp+0x8]
        new Mem(0x04, 0xCD, 0x00, 0x10, 0x00, 0x00),    // [ecx*8+0x1000]
        new Mem(0x84, 0x7A, 0x00, 0x00, 0x00, 0x80),    // [edx+edi*2-0x80000000]
        new Mem(0x45, 0x04));                           // [ebp+0x4]

    /** Odd 32-bit memory forms: zero displacements and SIB bytes without an index (objdump's eiz). */
    private static final List<Mem> MEM32_ODD = List.of(
        new Mem(0x40, 0x00),                            // [eax+0x0]
        new Mem(0x80, 0x00, 0x00, 0x00, 0x00),          // [eax+0x0] with disp32
        new Mem(0x04, 0x26),                            // [esi+eiz*1]
        new Mem(0x04, 0x24),                            // [esp]
        new Mem(0x04, 0x64),                            // [esp+eiz*2]
        new Mem(0x04, 0x25, 0x78, 0x56, 0x34, 0x12),    // [eiz*1+0x12345678]
        new Mem(0x04, 0xE5, 0xF0, 0xFF, 0xFF, 0xFF),    // [eiz*8-0x10]
        new Mem(0x84, 0x20, 0x00, 0x00, 0x00, 0x00),    // [eax+eiz*1+0x0]
        new Mem(0x44, 0x25, 0x00),                      // [ebp+eiz*1+0x0]
        new Mem(0x05, 0xF0, 0xFF, 0xFF, 0xFF));         // ds:0xfffffff0

    /** 16-bit memory forms (with 0x67): [bx+si], disp16, [bp+di+disp8], [bx+disp16], [si], [bp+0x0]. */
    private static final List<Mem> MEM16 = List.of(
        new Mem(0x00),
        new Mem(0x06, 0x34, 0x12),
        new Mem(0x43, 0xFC),
        new Mem(0x87, 0x00, 0x80),
        new Mem(0x04),
        new Mem(0x46, 0x00));

    private TableInstances() {
    }

    /** Every row except the x87 escapes. */
    static List<InsnForm> rows() {
        return InsnTable.rows().stream().filter(f -> f.sem() != Sem.FPU).toList();
    }

    /** The canonical instances of every row (see the class comment). */
    static List<Instance> canonical() {
        List<Instance> out = new ArrayList<>();
        for (InsnForm f : rows()) {
            out.addAll(instances(f, new byte[0], MEM32, false));
            if (hasVOperand(f) && !noSixteenBitSyntax(f)) {
                out.addAll(instances(f, new byte[] {0x66}, MEM32, false));
            }
        }
        return out;
    }

    /**
     * Rows whose 16-bit form assemblers do not write: MOVZX/MOVSX r16, r/m16 (a plain move) and BSWAP r16
     * (undefined); NASM rejects {@code movzx bx,cx} and {@code bswap bx}.
     */
    private static boolean noSixteenBitSyntax(InsnForm f) {
        return f.sem() == Sem.BSWAP || ((f.sem() == Sem.MOVZX || f.sem() == Sem.MOVSX)
            && f.operands().contains(Opnd.RM16));
    }

    /** Canonical and odd instances of every row, x87 escapes included (see the class comment). */
    static List<Instance> all() {
        List<Instance> out = new ArrayList<>();
        for (InsnForm f : InsnTable.rows()) {
            for (byte[] p : List.of(new byte[0], new byte[] {0x66})) {
                out.addAll(instances(f, p, MEM32, true));
                out.addAll(instances(f, p, MEM32_ODD, false));
            }
            for (byte[] p : List.of(new byte[] {0x67}, new byte[] {0x66, 0x67})) {
                out.addAll(instances(f, p, MEM16, false));
            }
            for (byte[] p : prefixSets(f)) {
                List<Instance> some = instances(f, p, contains(p, 0x67) ? MEM16 : MEM32, false);
                if (!contains(p, 0xF0)) {
                    out.add(some.get(0));
                }
                out.add(some.get(some.size() - 1)); // a memory form, when the row has one
            }
        }
        return out;
    }

    /**
     * {@code count} random instances (seeded): a random row, up to two random prefixes, the row's opcode (+r a
     * random register), then random ModRM (with the row's /digit), SIB, displacement and immediate bytes; the
     * CPU's decoder decides the length, and byte strings it rejects are drawn again. x87 escapes and FWAIT are left
     * out (objdump joins FWAIT to a following escape).
     */
    static List<Instance> random(long seed, int count) {
        java.util.Random r = new java.util.Random(seed);
        int[] prefixes = {0x66, 0x67, 0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65, 0xF0, 0xF2, 0xF3};
        List<InsnForm> rows = InsnTable.rows().stream().filter(f -> f.sem() != Sem.FPU && f.sem() != Sem.FWAIT)
            .toList();
        Disassembler d = new Disassembler();
        List<Instance> out = new ArrayList<>();
        while (out.size() < count) {
            InsnForm f = rows.get(r.nextInt(rows.size()));
            byte[] b = new byte[24];
            r.nextBytes(b);
            int p = r.nextInt(4) == 0 ? r.nextInt(3) : 0;
            for (int k = 0; k < p; k++) {
                b[k] = (byte) prefixes[r.nextInt(prefixes.length)];
            }
            System.arraycopy(f.opcode(), 0, b, p, f.opcode().length);
            p += f.opcode().length;
            if (f.regInOpcode()) {
                b[p - 1] += (byte) r.nextInt(8);
            }
            if (f.ext() >= 0 && f.ext() < 8) {
                b[p] = (byte) ((b[p] & 0xC7) | f.ext() << 3);
            }
            DisasmInsn in = d.decode(b, 0, b.length, 0);
            if (in.valid()) {
                out.add(new Instance(f, java.util.Arrays.copyOf(b, in.length())));
            }
        }
        return out;
    }

    private static boolean contains(byte[] bytes, int b) {
        for (byte x : bytes) {
            if ((x & 0xFF) == b) {
                return true;
            }
        }
        return false;
    }

    /** Instances of {@code f} after the prefix bytes {@code prefix}, whose 0x66 and 0x67 size the immediates. */
    private static List<Instance> instances(InsnForm f, byte[] prefix, List<Mem> mem, boolean regs) {
        boolean o16 = contains(prefix, 0x66);
        boolean a16 = contains(prefix, 0x67);
        List<Instance> out = new ArrayList<>();
        for (byte[] body : bodies(f, mem, regs, o16, a16)) {
            out.add(new Instance(f, concat(prefix, body)));
        }
        return out;
    }

    /** Extra prefix combinations that a row accepts. */
    private static List<byte[]> prefixSets(InsnForm f) {
        List<byte[]> p = new ArrayList<>();
        for (int seg : new int[] {0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65}) {
            p.add(new byte[] {(byte) seg});
        }
        p.add(new byte[] {0x64, 0x66});
        p.add(new byte[] {0x66, 0x66});
        p.add(new byte[] {0x26, 0x65});
        if (f.has(InsnForm.A_REP) || f.has(InsnForm.A_REPE) || f.sem() == Sem.RET || f.sem() == Sem.JMP
            || f.sem() == Sem.CALL || f.sem() == Sem.JCC || f.sem() == Sem.MOV) {
            p.add(new byte[] {(byte) 0xF3});
            p.add(new byte[] {(byte) 0xF2});
            p.add(new byte[] {(byte) 0xF3, 0x66});
            p.add(new byte[] {0x67, (byte) 0xF2, 0x64});
        }
        if (f.has(InsnForm.A_LOCK)) {
            p.add(new byte[] {(byte) 0xF0});
            p.add(new byte[] {(byte) 0xF0, 0x66, 0x3E});
        }
        return p;
    }

    /**
     * Bodies (opcode onwards) of row {@code f}: each register and memory form of its ModRM, each with immediates.
     * {@code mem} are the memory forms to use; {@code regs} adds every register number to +r and ModRM.reg
     * operands; {@code o16} and {@code a16} size immediates and offsets for the 0x66 and 0x67 prefixes.
     */
    private static List<byte[]> bodies(InsnForm f, List<Mem> mem, boolean regs, boolean o16, boolean a16) {
        List<byte[]> out = new ArrayList<>();
        if (f.has(InsnForm.A_F3)) {
            out.add(concat(new byte[] {(byte) 0xF3}, f.opcode()));
            return out;
        }
        int[] regNumbers = regs ? new int[] {0, 1, 2, 3, 4, 5, 6, 7} : new int[] {3};
        if (!f.hasModrm()) {
            for (int r : f.regInOpcode() ? regNumbers : new int[] {0}) {
                byte[] op = f.opcode().clone();
                op[op.length - 1] += (byte) r;
                for (byte[] imm : immediates(f, o16, a16)) {
                    out.add(concat(op, imm));
                }
            }
            return out;
        }
        for (int reg : f.ext() == InsnForm.EXT_REG ? regChoices(f, regNumbers) : new int[] {f.ext()}) {
            if (!f.has(InsnForm.A_MEM_ONLY)) {
                for (int rm : regs ? new int[] {0, 5, 7} : new int[] {1}) {
                    addWithImmediates(out, f, new byte[] {(byte) (0xC0 | reg << 3 | rm)}, o16, a16);
                }
            }
            if (!f.has(InsnForm.A_REG_ONLY) || regs) {
                for (Mem m : mem) {
                    // MOV CRn/DRn ignore mod: the ModRM byte alone, always a register
                    int more = f.has(InsnForm.A_REG_ONLY) ? 0 : m.rest().length;
                    byte[] enc = new byte[1 + more];
                    enc[0] = (byte) (m.modrm() | reg << 3);
                    for (int k = 0; k < more; k++) {
                        enc[k + 1] = (byte) m.rest()[k];
                    }
                    addWithImmediates(out, f, enc, o16, a16);
                }
            }
        }
        return out;
    }

    private static void addWithImmediates(List<byte[]> out, InsnForm f, byte[] modrm, boolean o16, boolean a16) {
        for (byte[] imm : immediates(f, o16, a16)) {
            out.add(concat(f.opcode(), modrm, imm));
        }
    }

    /** ModRM.reg values for a "/r" row: segment registers 0..5, control registers 0, 2, 3, 4. */
    private static int[] regChoices(InsnForm f, int[] regNumbers) {
        for (Opnd o : f.operands()) {
            if (o == Opnd.SREG) {
                return f.sem() == Sem.MOV_TO_SREG ? new int[] {0, 2, 3, 4, 5} : new int[] {0, 1, 2, 3, 4, 5};
            }
            if (o == Opnd.CREG) {
                return new int[] {0, 2, 3, 4};
            }
        }
        return regNumbers;
    }

    /** True when a 0x66 prefix changes what the row does (an operand of word/dword size, or a near branch). */
    static boolean hasVOperand(InsnForm f) {
        if (f.has(InsnForm.A_BYTE)) {
            return false;
        }
        for (Opnd o : f.operands()) {
            if (o.size == 0 || o == Opnd.RELV || o == Opnd.PTR || o == Opnd.MFAR || o.fixedSreg() >= 0) {
                return true;
            }
        }
        return switch (f.sem()) {
            case PUSHA, POPA, PUSHF, POPF, IRET, RET, RETF, ENTER, LEAVE, CBW, CWD, LGDT, SGDT, LIDT, SIDT, MOVS,
                STOS, LODS, CMPS, SCAS, INS, OUTS -> true;
            default -> false;
        };
    }

    /** Immediate bytes for the row's immediate operands: two choices (a small and a large or negative value). */
    private static List<byte[]> immediates(InsnForm f, boolean o16, boolean a16) {
        List<byte[]> choices = new ArrayList<>();
        for (int v : new int[] {0x12345678, 0xFFFFFF80}) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (Opnd o : f.operands()) {
                switch (o) {
                    case IMM8, SIMM8, REL8 -> put(b, v, 1);
                    case IMM16 -> put(b, v, 2);
                    case IMMV, RELV -> put(b, v, o16 ? 2 : 4);
                    case PTR -> { put(b, v, o16 ? 2 : 4); put(b, 0x10, 2); }
                    case MOFFS8, MOFFSV -> put(b, 0x1234, a16 ? 2 : 4);
                    default -> { }
                }
            }
            choices.add(b.toByteArray());
        }
        return choices.get(0).length == 0 ? List.of(choices.get(0)) : choices;
    }

    private static void put(ByteArrayOutputStream b, int v, int n) {
        for (int k = 0; k < n; k++) {
            b.write(v >>> (8 * k));
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }
}
