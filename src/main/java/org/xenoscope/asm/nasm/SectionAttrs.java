package org.xenoscope.asm.nasm;

import java.util.Map;
import java.util.Set;

/**
 * The section attributes accepted after {@code section NAME} and how they change a {@link Section}.
 *
 * SIMPLIFICATION: NASM's bin-format placement attributes {@code vstart=}, {@code follows=}, {@code vfollows=}
 * and {@code valign=} are not supported; {@code start=} places a section at an address.
 */
final class SectionAttrs {
    private static final Set<String> FLAGS = Set.of("progbits", "nobits", "note", "alloc", "noalloc", "exec",
        "noexec", "write", "nowrite", "align", "start", "tls", "private", "public", "code", "data", "bss", "text",
        "rdata", "info");

    private SectionAttrs() {
    }

    /** Throws when {@code name} is not an attribute this assembler knows. */
    static void check(String name, SrcPos pos) {
        if (!FLAGS.contains(name)) {
            throw new SyntaxError(pos, "unknown or unsupported section attribute `" + name + "'");
        }
    }

    /** Applies {@code attrs} to {@code s}; throws for an alignment that is not a power of two. */
    static void apply(Section s, Map<String, Long> attrs, SrcPos pos) {
        for (Map.Entry<String, Long> e : attrs.entrySet()) {
            long v = e.getValue();
            switch (e.getKey()) {
                case "progbits" -> s.nobits = false;
                case "nobits", "bss" -> s.nobits = true;
                case "note" -> s.note = true;
                case "alloc" -> s.alloc = true;
                case "noalloc" -> s.alloc = false;
                case "exec", "code", "text" -> s.exec = true;
                case "noexec" -> s.exec = false;
                case "write", "data" -> s.write = true;
                case "nowrite", "rdata" -> s.write = false;
                case "align" -> {
                    if (v <= 0 || (v & (v - 1)) != 0) {
                        throw new SyntaxError(pos, "section alignment " + v + " is not a power of two");
                    }
                    s.alignAttr = v;
                }
                case "start" -> s.start = v;
                default -> {
                }
            }
        }
    }
}
