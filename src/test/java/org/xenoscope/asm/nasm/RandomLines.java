package org.xenoscope.asm.nasm;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.xenoscope.machine.isa.InsnForm;
import org.xenoscope.machine.isa.InsnTable;
import org.xenoscope.machine.isa.Opnd;

/**
 * Random instruction lines for differential testing against NASM: each line starts from a random table row and
 * fills its operand kinds with random operands (registers of the right or a wrong size, memory operands with
 * every addressing form and with or without size keywords, edge immediates with size keywords and
 * {@code strict}, branch targets near the rel8 limits), sometimes swaps, drops or adds an operand and adds
 * prefixes, so that about a third of the lines are invalid. Deterministic for a given seed.
 */
final class RandomLines {
    private static final String[] R8 = {"al", "cl", "dl", "bl", "ah", "ch", "dh", "bh"};
    private static final String[] R16 = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di"};
    private static final String[] R32 = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"};
    private static final String[] SREG = {"es", "cs", "ss", "ds", "fs", "gs"};
    private static final String[] CREG = {"cr0", "cr2", "cr3", "cr4"};
    private static final String[] DREG = {"dr0", "dr1", "dr2", "dr3", "dr6", "dr7"};
    private static final String[] DISP = {"0", "1", "4", "-4", "0x7f", "0x80", "-0x80", "-0x81", "0x1234",
        "0x12345678", "0xffffffff", "-1"};
    private static final String[] IMMS = {"0", "1", "2", "-1", "0x7f", "0x80", "-0x80", "-0x81", "0xff", "0x100",
        "0x7fff", "0x8000", "0xffff", "0x10000", "0x7fffffff", "0x80000000", "0xffffffff", "0x12345678", "3"};
    private static final String[] SIZES = {"byte", "word", "dword"};
    private static final String[] PREFIXES = {"lock", "rep", "repe", "repne", "repnz", "fs", "es", "cs", "o16",
        "o32", "a16", "a32"};
    private static final String[][] SYNONYMS = {{"jc", "jb"}, {"jz", "je"}, {"jnz", "jne"}, {"jnae", "jb"},
        {"setz", "sete"}, {"setc", "setb"}, {"cmovz", "cmove"}, {"cmovnle", "cmovg"}, {"sal", "shl"},
        {"loopz", "loope"}, {"retn", "ret"}, {"xlat", "xlatb"}, {"jpe", "jp"}, {"setnge", "setl"},
        {"cmovna", "cmovbe"}, {"loopnz", "loopne"}, {"jcxz", "jecxz"}, {"movsw", "movsd"}, {"cmpsw", "cmpsd"},
        {"stosw", "stosd"}, {"insw", "insd"}, {"cbw", "cwde"}, {"cwd", "cdq"}, {"pushaw", "pusha"},
        {"popfw", "popf"}, {"iretw", "iret"}, {"retfw", "retf"}, {"retd", "ret"}, {"pushfd", "pushf"},
        {"wait", "fwait"}};

    private final Random rnd;
    private final List<InsnForm> rows = new ArrayList<>();

    RandomLines(long seed) {
        rnd = new Random(seed);
        for (InsnForm f : InsnTable.rows()) {
            if (Encoder.nasmCanEncode(f)) {
                rows.add(f);
            }
        }
    }

    /** {@code n} random instruction lines. */
    List<String> lines(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(line(rows.get(rnd.nextInt(rows.size()))));
        }
        return out;
    }

    private String line(InsnForm f) {
        int v = rnd.nextBoolean() ? 2 : 4;
        List<String> ops = new ArrayList<>();
        for (Opnd k : f.operands()) {
            ops.add(operand(k, chance(10) ? 6 - v : v));
        }
        mutate(ops, f);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2 && chance(8); i++) {
            sb.append(pick(PREFIXES)).append(' ');
        }
        sb.append(mnemonic(f.mnemonic()));
        for (int i = 0; i < ops.size(); i++) {
            sb.append(i == 0 ? " " : ", ").append(ops.get(i));
        }
        return sb.toString();
    }

    /**
     * Perturbs the operand list. An operand is never replaced by a branch target or by the literal 1, and a branch
     * target is never replaced: {@code short}/{@code near} on a data immediate, {@code dword} on a Jcc target
     * and a plain-number rel8 target are the documented places where the Encoder accepts more than NASM or
     * reports an error where NASM silently truncates.
     */
    private void mutate(List<String> ops, InsnForm f) {
        if (ops.size() == 2 && chance(8)) {
            ops.add(0, ops.remove(1));
        } else if (!ops.isEmpty() && chance(4)) {
            ops.remove(ops.size() - 1);
        } else if (chance(3)) {
            ops.add(rnd.nextBoolean() ? pick(R32) : "1");
        } else if (!ops.isEmpty() && chance(5) && !branch(f)) {
            Opnd any = Opnd.values()[rnd.nextInt(Opnd.values().length)];
            if (any != Opnd.REL8 && any != Opnd.RELV && any != Opnd.ONE) {
                ops.set(rnd.nextInt(ops.size()), operand(any, rnd.nextBoolean() ? 2 : 4));
            }
        }
    }

    private static boolean branch(InsnForm f) {
        return f.operands().contains(Opnd.REL8) || f.operands().contains(Opnd.RELV);
    }

    private String mnemonic(String m) {
        for (String[] s : SYNONYMS) {
            if (s[1].equals(m) && rnd.nextBoolean()) {
                return s[0];
            }
        }
        return m;
    }

    private String operand(Opnd k, int v) {
        switch (k) {
            case RM8: return rnd.nextBoolean() ? reg(1) : mem(1);
            case RM16: return rnd.nextBoolean() ? reg(2) : mem(2);
            case RM32: return rnd.nextBoolean() ? reg(4) : mem(4);
            case RMV: return rnd.nextBoolean() ? reg(v) : mem(v);
            case M: return mem(0);
            case MFAR: return (chance(50) ? "far " : "") + address();
            case M64: return mem(8);
            case R8: case ZR8: return reg(1);
            case R16: return reg(2);
            case R32: return reg(4);
            case RV: case ZRV: return reg(v);
            case AL: return "al";
            case EAXV: return v == 2 ? "ax" : "eax";
            case CL: return "cl";
            case DX: return "dx";
            case ONE: return "1";
            case IMM8: case IMM16: case IMMV: case SIMM8: return imm();
            case REL8: case RELV: return rel();
            case MOFFS8: case MOFFSV: return (chance(20) ? "[fs:" : "[") + pick(DISP) + "]";
            case SREG: return pick(SREG);
            case CREG: return pick(CREG);
            case DREG: return pick(DREG);
            case PTR: return "0x" + Integer.toHexString(rnd.nextInt(0x10000)) + ":" + pick(DISP).replace("-", "");
            default: return k.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private String reg(int size) {
        int s = chance(8) ? new int[] {1, 2, 4}[rnd.nextInt(3)] : size;
        return pick(s == 1 ? R8 : s == 2 ? R16 : R32);
    }

    /** A memory operand, usually with the size keyword {@code size} (none for 0), sometimes none or a wrong one. */
    private String mem(int size) {
        String kw;
        int r = rnd.nextInt(10);
        if (r < 6 && size > 0) {
            kw = size == 8 ? "qword " : SIZES[Integer.numberOfTrailingZeros(size)] + " ";
        } else if (r < 9) {
            kw = "";
        } else {
            kw = pick(new String[] {"byte ", "word ", "dword ", "qword ", "far "});
        }
        return kw + address();
    }

    private String address() {
        StringBuilder sb = new StringBuilder("[");
        if (chance(10)) {
            sb.append(pick(SREG)).append(':');
        }
        if (chance(8)) {
            sb.append(rnd.nextBoolean() ? "byte " : "dword ");
        }
        boolean a16 = chance(8);
        String base = chance(80) ? (a16 ? pick(new String[] {"bx", "bp"}) : pick(R32)) : null;
        String index = chance(40) ? (a16 ? pick(new String[] {"si", "di"}) : pick(R32)) : null;
        if (base != null) {
            sb.append(base);
        }
        if (index != null) {
            sb.append(sb.charAt(sb.length() - 1) == '[' || sb.charAt(sb.length() - 1) == ' '
                || sb.charAt(sb.length() - 1) == ':' ? "" : "+").append(index);
            if (!a16 && chance(60)) {
                sb.append('*').append(pick(new String[] {"1", "2", "4", "8", "3", "5", "9"}));
            }
        }
        char last = sb.charAt(sb.length() - 1);
        if (base == null && index == null || chance(60)) {
            String d = pick(DISP);
            boolean empty = last == '[' || last == ' ' || last == ':';
            sb.append(empty || d.startsWith("-") ? "" : "+").append(d);
        }
        return sb.append(']').toString();
    }

    private String imm() {
        String kw = "";
        if (chance(15)) {
            kw = "strict ";
        }
        if (chance(25)) {
            kw += pick(SIZES) + " ";
        }
        return kw + pick(IMMS);
    }

    private String rel() {
        String kw = chance(20) ? pick(new String[] {"short ", "near ", "word ", "strict "}) : "";
        int[] edge = {0, 2, 0x81, 0x82, 0x83, -0x7e, -0x7f, -0x80, 0x1000, -0x1000, 0x7f, 0x84};
        int t = edge[rnd.nextInt(edge.length)];
        return kw + (t < 0 ? "$-0x" + Integer.toHexString(-t) : "$+0x" + Integer.toHexString(t));
    }

    private boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    private String pick(String[] a) {
        return a[rnd.nextInt(a.length)];
    }
}
