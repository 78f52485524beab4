package org.xenoscope.asm.disasm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test helper: turns the objdump-style Intel syntax of the disassembler back into NASM syntax, so that NASM (or
 * Xenoscope's own assembler) can assemble it again.
 *
 * <pre>
 *   objdump / Xenoscope                              NASM
 *   mov    DWORD PTR [ebx+0x4],0x1                   mov dword [ebx+0x4],0x1
 *   mov    eax,DWORD PTR fs:[eax]                    mov eax,dword [fs:eax]
 *   mov    ecx,ds:0x1234                             mov ecx,[0x1234]
 *   rep movs DWORD PTR es:[edi],DWORD PTR ds:[esi]   rep movsd
 *   jmp    FWORD PTR [eax]                           jmp far [eax]
 *   data16 / addr16 / pushw / retw / lgdtd           o16 / a16 / push word / o16 ret / lgdt
 *   jmpw   0x1234                                    jmp word 0x1234   (o16 jmp near: NASM writes a rel32)
 *   jne    0x1010 (at 0x1000)                        jne short 0x1010  (in reach of a short jump)
 * </pre>
 */
final class NasmSyntax {
    private static final Set<String> STRING_OPS = Set.of("movs", "stos", "lods", "cmps", "scas", "ins", "outs");
    /** Mnemonics whose memory operand NASM takes without a size (or rejects one). */
    private static final Set<String> UNSIZED = Set.of("invlpg", "sldt", "str", "smsw", "lmsw", "lldt", "ltr",
        "cmpxchg8b", "les", "lds", "lss", "lfs", "lgs", "bound");
    /** objdump mnemonics with an operand-size suffix, and their NASM form. */
    private static final Map<String, String> SUFFIXED = Map.of("retw", "o16 ret", "retfw", "o16 retf",
        "enterw", "o16 enter", "leavew", "o16 leave", "lgdtw", "o16 lgdt", "lidtw", "o16 lidt", "sgdtw", "o16 sgdt",
        "sidtw", "o16 sidt", "jmpw", "jmp word", "callw", "call word");
    private static final Map<String, String> PREFIXES = Map.of("data16", "o16", "addr16", "a16", "notrack", "ds");

    private NasmSyntax() {
    }

    /** One instruction in NASM syntax. */
    static String of(DisasmInsn in) {
        List<String> words = new ArrayList<>(List.of(in.mnemonic().split(" ")));
        String m = words.remove(words.size() - 1);
        List<String> out = new ArrayList<>();
        for (String w : words) {
            out.add(PREFIXES.getOrDefault(w, w));
        }
        List<String> ops = in.operands().isEmpty() ? List.of() : List.of(in.operands().split(","));
        if (STRING_OPS.contains(m) || m.equals("xlat")) {
            out.add(stringOp(m, ops));
            return String.join(" ", out);
        }
        if (m.equals("cldemote")) { // NASM's CLDEMOTE takes no size; the table's row is hint_nop32 r/m32
            out.add("hint_nop32 dword " + operand(ops.get(0), m, true));
            return String.join(" ", out);
        }
        String nasmM = mnemonic(m, ops);
        List<String> nasmOps = new ArrayList<>();
        boolean sreg = ops.stream().anyMatch(o -> o.matches("[c-gs]s"));
        for (String o : ops) {
            nasmOps.add(operand(o, m, UNSIZED.contains(m) || (m.equals("mov") && sreg)));
        }
        if (isShortJump(in, m, words.size())) {
            nasmOps.set(0, "short " + nasmOps.get(0));
        }
        out.add(nasmM);
        return String.join(" ", out) + (nasmOps.isEmpty() ? "" : " " + String.join(",", nasmOps));
    }

    /**
     * True for a JMP or Jcc whose target a 2-byte short form (after its prefixes) reaches. An assembler picks the
     * short form for such a target; NASM does so for labels but not for numeric targets, so it is written out.
     */
    private static boolean isShortJump(DisasmInsn in, String m, int prefixWords) {
        boolean jump = m.equals("jmp") || (m.startsWith("j") && !m.endsWith("cxz") && !m.equals("jmpw"));
        if (in.target().isEmpty() || !jump) {
            return false;
        }
        long rel = in.target().getAsInt() - (in.address() + prefixWords + 2L);
        return rel >= -128 && rel <= 127;
    }

    private static String mnemonic(String m, List<String> ops) {
        if (SUFFIXED.containsKey(m)) {
            return SUFFIXED.get(m);
        }
        return switch (m) {
            case "lgdtd", "lidtd", "sgdtd", "sidtd" -> m.substring(0, 4);
            case "pushw", "popw" -> ops.get(0).matches("[c-gs]s") ? "o16 " + m.substring(0, m.length() - 1)
                : m.substring(0, m.length() - 1) + " word";
            default -> m;
        };
    }

    /** MOVS..OUTS and XLAT: the NASM mnemonic with its size letter and the prefixes their operands imply. */
    private static String stringOp(String m, List<String> ops) {
        String all = String.join(",", ops);
        StringBuilder sb = new StringBuilder();
        if (all.contains("[si]") || all.contains("[di]") || all.contains("[bx]")) {
            sb.append("a16 ");
        }
        for (String o : ops) {
            String seg = o.replaceAll("^.*PTR ", "");
            if (seg.matches("[c-gs]s:\\[e?[sb][ix]]") && !seg.startsWith("ds:")) {
                sb.append(seg, 0, 2).append(' ');
            }
        }
        if (m.equals("xlat")) {
            return sb.append("xlatb").toString();
        }
        char size = all.contains("DWORD PTR") ? 'd' : all.contains("WORD PTR") ? 'w' : 'b';
        return sb.append(m).append(size).toString();
    }

    /** One operand: size markers in NASM's words, the segment inside the brackets, absolute addresses bracketed. */
    private static String operand(String o, String m, boolean unsized) {
        String size = "";
        int ptr = o.indexOf(" PTR ");
        if (ptr >= 0) {
            String s = o.substring(0, ptr);
            o = o.substring(ptr + 5);
            size = s.equals("FWORD") ? ((m.equals("jmp") || m.equals("call")) ? "far " : "")
                : unsized ? "" : s.toLowerCase(java.util.Locale.ROOT) + " ";
        }
        if (o.matches("[c-gs]s:\\[.*]")) {
            return size + "[" + o.substring(0, 3) + o.substring(4);
        }
        if (o.matches("[c-gs]s:0x[0-9a-f]+")) {
            return size + "[" + (o.startsWith("ds:") ? o.substring(3) : o) + "]";
        }
        return size + o;
    }
}
