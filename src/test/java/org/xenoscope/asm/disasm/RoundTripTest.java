package org.xenoscope.asm.disasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.xenoscope.asm.nasm.Assembler;
import org.xenoscope.asm.nasm.Assembly;
import org.xenoscope.machine.cpu.Nasm;
import org.xenoscope.machine.isa.InsnForm;
import org.xenoscope.machine.isa.Opnd;
import org.xenoscope.machine.isa.Sem;

/**
 * Disassemble, then assemble the text again: for every instruction-table row except the x87 escapes, the
 * {@linkplain TableInstances#canonical() canonical instances} (generated from the row itself) go through
 *
 * <pre>
 *   bytes B0 --disassemble--&gt; text T1 --NasmSyntax, nasm -f bin--&gt; bytes B1 --disassemble--&gt; text T2
 * </pre>
 *
 * each at the same address. What is asserted, for every instance:
 * <ol>
 *   <li>T2 equals T1: the text survives the round trip. (So assembling T2 gives B1 again: assemble, disassemble,
 *       assemble is a fixed point.) The one allowance: XCHG of two registers may come back with its operands
 *       swapped ({@link #sameText}).</li>
 *   <li>B1 equals B0, unless the instance is one of the documented cases where the text does not determine the
 *       encoding and NASM writes another one ({@link #nasmMayChoose}); those are counted per reason.</li>
 * </ol>
 * It runs twice: with NASM, and with Xenoscope's own assembler (whose bytes must also equal NASM's).
 */
class RoundTripTest {
    /** Below 64 KiB, so that 16-bit branch targets need no wrapping. */
    private static final int ORG = 0x1000;
    /** Each instance gets a 16-byte slot; instructions are at most 15 bytes. */
    private static final int SLOT = 16;

    @Test
    void everyRowSurvivesDisassemblyAndReassemblyWithNasm() {
        roundTrip("nasm", src -> Nasm.program32(ORG, src));
    }

    /** The same round trip through Xenoscope's own assembler, whose output must also equal NASM's. */
    @Test
    void everyRowSurvivesDisassemblyAndReassemblyWithXenoscope() {
        roundTrip("xenoscope", src -> {
            Assembly a = Assembler.assemble("roundtrip.asm", "bits 32\norg " + ORG + "\n" + src,
                Assembler.Options.bin());
            Map<String, Integer> syms = new java.util.HashMap<>();
            a.symbols().forEach((k, v) -> syms.put(k, v.intValue()));
            Nasm.Program ours = new Nasm.Program(a.image(), syms);
            assertThat(ours.code()).as("Xenoscope's bytes vs NASM's for the round-trip source")
                .isEqualTo(Nasm.program32(ORG, src).code());
            return ours;
        });
    }

    private void roundTrip(String assemblerName, java.util.function.Function<String, Nasm.Program> assembler) {
        List<TableInstances.Instance> all = TableInstances.canonical();
        Disassembler dis = new Disassembler();
        List<DisasmInsn> t1 = new ArrayList<>();
        StringBuilder src = new StringBuilder();
        for (int k = 0; k < all.size(); k++) {
            byte[] b0 = all.get(k).bytes();
            DisasmInsn in = dis.decode(b0, 0, b0.length, ORG + k * SLOT);
            assertThat(in.length()).as("length of " + in).isEqualTo(b0.length);
            t1.add(in);
            src.append(String.format("times %d-($-$$) db 0xcc%ns%d: %s%ne%d:%n", k * SLOT, k, NasmSyntax.of(in), k));
        }
        Nasm.Program p = assembler.apply(src.toString());
        List<String> textDiffs = new ArrayList<>();
        Map<String, Integer> reasons = new TreeMap<>();
        List<String> byteDiffs = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            int s = p.sym("s" + k);
            assertThat(s).isEqualTo(ORG + k * SLOT);
            byte[] b1 = Arrays.copyOfRange(p.code(), s - ORG, p.sym("e" + k) - ORG);
            DisasmInsn t2 = dis.decode(b1, 0, b1.length, s);
            if (b1.length == 0 || !sameText(t1.get(k), t2)) {
                textDiffs.add(t1.get(k) + "  --nasm: " + NasmSyntax.of(t1.get(k)) + "-->  " + t2);
            }
            if (!Arrays.equals(b1, all.get(k).bytes())) {
                String why = nasmMayChoose(all.get(k), b1);
                if (why == null) {
                    byteDiffs.add(t1.get(k) + "  --nasm-->  " + t2.hexBytes());
                } else {
                    reasons.merge(why, 1, Integer::sum);
                }
            }
        }
        System.out.println("round trip (" + assemblerName + "): " + all.size()
            + " instances; the assembler chose another encoding for " + reasons);
        assertThat(textDiffs).as("texts changed by disassemble-assemble-disassemble").isEmpty();
        assertThat(byteDiffs).as("bytes changed without a documented reason").isEmpty();
        assertThat(all).hasSizeGreaterThan(1000);
    }

    /**
     * Equal texts; XCHG of two registers may come back with its operands swapped (NASM writes {@code xchg a,b}
     * with a in ModRM.reg, the instance had it in ModRM.rm), which is the same instruction.
     */
    static boolean sameText(DisasmInsn t1, DisasmInsn t2) {
        if (t1.text().equals(t2.text())) {
            return true;
        }
        String[] a = t1.operands().split(",");
        return t1.mnemonic().equals("xchg") && t2.mnemonic().equals("xchg") && a.length == 2
            && !a[0].contains("[") && t2.operands().equals(a[1] + "," + a[0]);
    }

    /**
     * Why NASM may write other bytes for the same text, or null. These are the only allowed cases:
     * <ul>
     *   <li>alias rows NASM never writes: 82 /n, F6 /1, F7 /1, SAL (/6 of the shift group);</li>
     *   <li>register-register forms with the direction bit set (02 /r, 8B /r...): NASM writes the twin with it
     *       clear (and XCHG with its registers the other way round); register forms that have a shorter
     *       encoding (C6/C7 /0, FF /0 /1 /6, 8F /0: B0+r, B8+r, 40+r, 48+r, 50+r, 58+r);</li>
     *   <li>an immediate or a branch displacement that fits a signed byte: NASM's optimiser (or the translation's
     *       "short", see {@link NasmSyntax}) takes the short form (83, 6B, 6A, EB, 70+cc) instead of the instance's
     *       long one;</li>
     *   <li>a reserved NOP (hint_nop*, 0F 19..0F 1E /n, 0F 1F /1../7): objdump prints it as {@code nop}, which
     *       NASM writes as 0F 1F /0;</li>
     *   <li>a 0x66 prefix the text does not show: a 16-bit far pointer (EA, 9A, FF /3, FF /5) and a Jcc
     *       with a 16-bit displacement look like their 32-bit forms.</li>
     * </ul>
     */
    static String nasmMayChoose(TableInstances.Instance in, byte[] nasm) {
        InsnForm f = in.form();
        byte[] b = in.bytes();
        int p = b[0] == 0x66 ? 1 : 0;
        int op = f.opcode()[0] & 0xFF;
        boolean regForm = f.hasModrm() && (b[p + f.opcode().length] & 0xC0) == 0xC0;
        if (f.mnemonic().startsWith("hint_nop")) {
            return "reserved NOP";
        }
        if (op == 0x82 || (f.ext() == 1 && (op == 0xF6 || op == 0xF7)) || f.mnemonic().equals("sal")) {
            return "alias row";
        }
        boolean direction = f.opcode().length == 1 && ((op < 0x40 && (op & 7) >= 2 && (op & 7) <= 3)
            || op == 0x8A || op == 0x8B);
        if (regForm && (direction || f.sem() == Sem.XCHG)) {
            return "direction-bit twin";
        }
        boolean shortReg = op == 0xC6 || op == 0xC7 || (op == 0xFF && f.ext() <= 1) || (op == 0xFF && f.ext() == 6)
            || op == 0x8F;
        if (regForm && shortReg && f.opcode().length == 1) {
            return "one-byte register form";
        }
        if (fitsByte(in, f)) {
            return "short immediate or branch";
        }
        if (p == 1 && (f.operands().contains(Opnd.PTR) || f.operands().contains(Opnd.MFAR) || f.sem() == Sem.JCC)) {
            return "0x66 not shown in the text";
        }
        return null;
    }

    /** True when the row's word/dword immediate or displacement holds a value that fits a signed byte. */
    private static boolean fitsByte(TableInstances.Instance in, InsnForm f) {
        if (!f.operands().contains(Opnd.IMMV) && !f.operands().contains(Opnd.RELV)) {
            return false;
        }
        byte[] b = in.bytes();
        boolean o16 = b[0] == 0x66;
        int n = o16 ? 2 : 4;
        int v = 0;
        for (int k = 0; k < n; k++) {
            v |= (b[b.length - n + k] & 0xFF) << (8 * k);
        }
        v = o16 ? (short) v : v;
        int shortening = f.operands().contains(Opnd.RELV) ? b.length - 2 : 0; // a short jump is this much shorter
        return v + shortening >= -128 && v + shortening <= 127;
    }

    /** The helper's own syntax rules, checked without NASM. */
    @Test
    void nasmSyntaxOfTypicalLines() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("8b 4c b3 10", "mov ecx,dword [ebx+esi*4+0x10]");
        cases.put("64 8b 00", "mov eax,dword [fs:eax]");
        cases.put("8b 0d 34 12 00 00", "mov ecx,dword [0x1234]");
        cases.put("64 a1 34 12 00 00", "mov eax,[fs:0x1234]");
        cases.put("f3 a5", "rep movsd");
        cases.put("64 67 66 ad", "a16 fs lodsw");
        cases.put("d7", "xlatb");
        cases.put("ff 28", "jmp far [eax]");
        cases.put("c4 00", "les eax,[eax]");
        cases.put("66 6a 12", "push word 0x12");
        cases.put("66 06", "o16 push es");
        cases.put("66 c3", "o16 ret");
        cases.put("0f 01 10", "lgdt [eax]");
        cases.put("8c 18", "mov [eax],ds");
        cases.put("66 eb 0d", "o16 jmp short 0x1010");
        cases.put("0f 85 fa 0f 00 00", "jne 0x2000");
        cases.put("0f 85 7a 00 00 00", "jne short 0x1080");
        cases.put("66 e9 10 00", "jmp word 0x1014");
        cases.put("f0 01 00", "lock add dword [eax],eax");
        for (Map.Entry<String, String> e : cases.entrySet()) {
            byte[] b = java.util.HexFormat.of().parseHex(e.getKey().replace(" ", ""));
            DisasmInsn in = new Disassembler().decode(b, 0, b.length, 0x1000);
            assertThat(NasmSyntax.of(in)).as(in.toString()).isEqualTo(e.getValue());
        }
    }
}
