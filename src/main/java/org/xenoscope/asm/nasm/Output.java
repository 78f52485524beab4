package org.xenoscope.asm.nasm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link Assembly} from the last pass: the flat image or the ELF file, the symbol table, the section
 * list and the listing.
 *
 * <p>Flat binary: the bytes of the progbits sections at {@code base - origin}, gaps filled with zeros, nobits
 * sections not written (as {@code nasm -f bin}).
 */
final class Output {
    private Output() {
    }

    static Assembly build(Pass pass, Map<String, Section> sections, Assembler.Format format,
                          List<AsmError> warnings, int statements) {
        List<Section> order = format == Assembler.Format.BIN ? Layout.order(sections.values())
            : Layout.elfOrder(sections.values());
        List<AsmSymbol> symbols = symbols(pass);
        Map<String, Long> values = new LinkedHashMap<>();
        for (AsmSymbol s : symbols) {
            values.put(s.name(), s.value());
        }
        long entry = entry(pass, sections);
        long origin;
        byte[] image;
        if (format == Assembler.Format.BIN) {
            origin = pass.origin != null ? pass.origin : 0;
            image = flat(order, origin);
        } else {
            NoteCheck.check(pass, order);
            origin = order.stream().filter(Layout::loaded).mapToLong(s -> s.base).min().orElse(0);
            image = new ElfWriter(order, symbols, entry).write();
        }
        List<AsmSection> secs = new ArrayList<>();
        for (Section s : order) {
            secs.add(new AsmSection(s.name, s.base, s.size(), s.nobits, s.exec, s.write, s.note));
        }
        return new Assembly(image, format, origin, entry, values, symbols, secs, listing(pass), warnings,
            pass.number);
    }

    /** {@code _start}, else {@code start}, else the start of {@code .text}. */
    private static long entry(Pass pass, Map<String, Section> sections) {
        for (String n : new String[] {"_start", "start"}) {
            Sym s = pass.syms.get(n);
            if (s != null && s.label() && s.section() != null) {
                return s.value().value();
            }
        }
        return sections.get(".text").base;
    }

    /** The symbols of the last pass, in order of definition. */
    private static List<AsmSymbol> symbols(Pass pass) {
        List<AsmSymbol> out = new ArrayList<>();
        for (Sym s : pass.syms.values()) {
            out.add(new AsmSymbol(s.name(), s.value().value(), s.section() == null ? null : s.section().name,
                s.label() && s.section() != null, pass.globals.contains(s.name()), s.pos().file().name(),
                s.pos().line()));
        }
        return out;
    }

    /** The flat image: progbits sections at {@code base - origin}, gaps zero-filled. */
    private static byte[] flat(List<Section> order, long origin) {
        long end = 0;
        for (Section s : order) {
            if (!s.nobits && s.size() > 0) {
                if (s.base < origin) {
                    throw new AsmErrors(List.of(new AsmError("output", 0, 0, "section " + s.name
                        + " starts below the origin", "", false)));
                }
                end = Math.max(end, s.base - origin + s.size());
            }
        }
        if (end > Assembler.MAX_OUTPUT) {
            throw new AsmErrors(List.of(new AsmError("output", 0, 0, "flat binary would be " + end
                + " bytes (sections too far apart)", "", false)));
        }
        byte[] img = new byte[(int) end];
        for (Section s : order) {
            if (!s.nobits && s.size() > 0) {
                byte[] b = s.bytes();
                System.arraycopy(b, 0, img, (int) (s.base - origin), b.length);
            }
        }
        return img;
    }

    /** One listing line per statement of the last pass, with its address range and bytes. */
    private static List<ListingLine> listing(Pass pass) {
        List<ListingLine> out = new ArrayList<>();
        for (Pass.Placed p : pass.placed) {
            PLine l = p.stmt().line();
            byte[] bytes = p.section() == null ? new byte[0] : p.section().slice(p.offset(), p.length());
            out.add(new ListingLine(l.pos().file().name(), l.pos().line(), l.depth(),
                p.section() == null ? null : p.section().name, p.section() == null ? p.address()
                : p.section().base + p.offset(), p.length(), bytes, l.text()));
        }
        return out;
    }
}
