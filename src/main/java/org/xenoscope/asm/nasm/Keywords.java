package org.xenoscope.asm.nasm;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.xenoscope.machine.isa.InsnForm;
import org.xenoscope.machine.isa.InsnTable;

/**
 * The words the parser must recognise: size keywords, prefixes, assembler directives and the instruction
 * mnemonics (from the instruction table, plus the alias spellings NASM accepts). The mnemonic list only decides
 * whether a lone word on a line ({@code ret} or {@code done}) is an instruction or a label; whether an
 * instruction exists is the {@link Encoder}'s decision.
 */
final class Keywords {
    private Keywords() {
    }

    /** Operand size keywords and their sizes in bytes. */
    static final Map<String, Integer> SIZES = Map.of("byte", 1, "word", 2, "dword", 4, "fword", 6, "qword", 8,
        "tword", 10, "oword", 16);

    /** Data definition directives and their unit sizes. */
    static final Map<String, Integer> DATA = Map.of("db", 1, "dw", 2, "dd", 4, "dq", 8, "dt", 10, "do", 16);

    /** Reservation directives and their unit sizes. */
    static final Map<String, Integer> RESERVE = Map.of("resb", 1, "resw", 2, "resd", 4, "resq", 8, "rest", 10,
        "reso", 16);

    /** Instruction prefixes NASM accepts before a mnemonic. */
    static final Set<String> PREFIXES = Set.of("rep", "repe", "repz", "repne", "repnz", "lock", "o16", "o32", "a16",
        "a32", "es", "cs", "ss", "ds", "fs", "gs");

    /** Assembler directives (everything but instructions, data, reservations and macros). */
    static final Set<String> DIRECTIVES = Set.of("bits", "use16", "use32", "org", "section", "segment",
        "absolute", "global", "extern", "common", "cpu", "default", "align", "alignb", "sectalign", "struc",
        "endstruc", "istruc", "at", "iend", "incbin", "equ", "times", "static", "float", "warning", "list",
        "map");

    private static final String[] CC_ALIASES = {"o", "no", "b", "c", "nae", "ae", "nb", "nc", "e", "z", "ne", "nz",
        "be", "na", "a", "nbe", "s", "ns", "p", "pe", "np", "po", "l", "nge", "ge", "nl", "le", "ng", "g", "nle"};

    private static final Set<String> EXTRA_MNEMONICS = Set.of("cbw", "cwd", "cwde", "cdq", "pushad", "popad",
        "pushaw", "popaw", "pushfd", "popfd", "pushfw", "popfw", "iretd", "iretw", "retn", "lodsw", "stosw", "movsw",
        "cmpsw", "scasw", "insw", "outsw", "xlat", "sal", "loopz", "loopnz", "jcxz", "int1", "icebp", "sysexit",
        "sysret", "rsm", "nop", "hlt", "leave", "lahf", "sahf", "cmc", "clc", "stc", "cld", "std", "cli", "sti",
        "wait", "fwait", "fninit", "finit", "into", "int3", "ud2", "ud2a", "cpuid", "rdtsc", "rdmsr", "wrmsr",
        "invd", "wbinvd", "clts", "pause", "popa", "pusha", "popf", "pushf", "iret", "ret", "retf", "daa", "das",
        "aaa", "aas", "salc", "lfence", "sfence", "mfence");

    private static final Set<String> MNEMONICS = buildMnemonics();

    private static Set<String> buildMnemonics() {
        Set<String> s = new HashSet<>(EXTRA_MNEMONICS);
        for (InsnForm f : InsnTable.rows()) {
            s.add(f.mnemonic().toLowerCase(Locale.ROOT));
        }
        for (String cc : CC_ALIASES) {
            s.add("j" + cc);
            s.add("set" + cc);
            s.add("cmov" + cc);
        }
        return Set.copyOf(s);
    }

    static boolean isSizeKeyword(String lower) {
        return SIZES.containsKey(lower);
    }

    static boolean isMnemonic(String lower) {
        return MNEMONICS.contains(lower);
    }

    /** A word that begins an instruction or directive, so a word before it is a label. */
    static boolean startsStatement(String lower) {
        return MNEMONICS.contains(lower) || PREFIXES.contains(lower) || DIRECTIVES.contains(lower)
            || DATA.containsKey(lower) || RESERVE.containsKey(lower);
    }

    /** Relative branches: their operand is a target, known only when it lies in the current section. */
    static boolean isRelativeBranch(String lower) {
        if (lower.equals("jmp") || lower.equals("call") || lower.startsWith("loop") || lower.equals("jcxz")
            || lower.equals("jecxz")) {
            return true;
        }
        if (lower.startsWith("j") && lower.length() > 1) {
            String cc = lower.substring(1);
            for (String a : CC_ALIASES) {
                if (a.equals(cc)) {
                    return true;
                }
            }
        }
        return false;
    }
}
