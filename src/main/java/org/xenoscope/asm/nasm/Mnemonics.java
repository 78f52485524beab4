package org.xenoscope.asm.nasm;

import java.util.HashMap;
import java.util.Map;
import org.xenoscope.machine.isa.InsnTable;

/**
 * NASM's spellings of the instruction-table mnemonics: condition-code synonyms ({@code jz} = {@code je},
 * {@code setnae} = {@code setb}), size-suffixed forms ({@code movsw} is {@code movsd} with the 0x66 prefix,
 * {@code cbw} is {@code cwde} with it), and plain synonyms ({@code sal} = {@code shl}, {@code retn} = {@code ret},
 * {@code hint_nop56} = {@code nop}).
 *
 * <p>Each NASM name resolves to a {@link Alias}: the table mnemonic to look up, the operand size the name implies
 * (2 means an implied {@code o16}, 0 none) and whether it implies 16-bit addressing ({@code jcxz} = {@code a16
 * jecxz}).
 */
final class Mnemonics {
    /** A NASM mnemonic resolved to a table mnemonic plus implied prefixes. */
    record Alias(String table, int osize, boolean a16) {
    }

    /** NASM's condition-code synonyms, mapped to the names the table uses ({@link InsnTable#CC}). */
    private static final String[][] CC_SYNONYMS = {
        {"c", "b"}, {"nae", "b"}, {"nb", "ae"}, {"nc", "ae"}, {"z", "e"}, {"nz", "ne"}, {"na", "be"},
        {"nbe", "a"}, {"pe", "p"}, {"po", "np"}, {"nge", "l"}, {"nl", "ge"}, {"ng", "le"}, {"nle", "g"},
    };

    /** The string instructions: NASM's {@code b}/{@code w}/{@code d} forms; the table has b and d rows. */
    private static final String[] STRINGS = {"movs", "stos", "lods", "cmps", "scas", "ins", "outs"};

    private static final Map<String, Alias> ALIASES = build();

    private Mnemonics() {
    }

    /** The table mnemonic and implied prefixes for NASM mnemonic {@code name} (lower case). */
    static Alias resolve(String name) {
        Alias a = ALIASES.get(name);
        return a != null ? a : new Alias(name, 0, false);
    }

    private static Map<String, Alias> build() {
        Map<String, Alias> m = new HashMap<>();
        for (String[] s : CC_SYNONYMS) {
            for (String stem : new String[] {"j", "set", "cmov"}) {
                m.put(stem + s[0], new Alias(stem + s[1], 0, false));
            }
        }
        for (String s : STRINGS) {
            m.put(s + "w", new Alias(s + "d", 2, false));
        }
        plain(m, "sal", "shl");
        plain(m, "loopz", "loope");
        plain(m, "loopnz", "loopne");
        plain(m, "xlat", "xlatb");
        plain(m, "wait", "fwait");
        plain(m, "retn", "ret");
        plain(m, "hint_nop56", "nop"); // 0F 1F /0: the documented multi-byte NOP
        m.put("jcxz", new Alias("jecxz", 0, true));
        m.put("cbw", new Alias("cwde", 2, false));
        m.put("cwd", new Alias("cdq", 2, false));
        for (String base : new String[] {"pusha", "popa", "pushf", "popf", "iret", "ret", "retf"}) {
            sized(m, base, base);
        }
        sized(m, "retn", "ret");
        return m;
    }

    private static void plain(Map<String, Alias> m, String nasm, String table) {
        m.put(nasm, new Alias(table, 0, false));
    }

    /** {@code base}w is the 16-bit form, {@code base}d the 32-bit one (the default in BITS 32). */
    private static void sized(Map<String, Alias> m, String nasm, String table) {
        m.put(nasm + "w", new Alias(table, 2, false));
        m.put(nasm + "d", new Alias(table, 0, false));
    }
}
