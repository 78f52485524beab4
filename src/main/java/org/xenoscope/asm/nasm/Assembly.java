package org.xenoscope.asm.nasm;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of a successful assembly.
 *
 * @param image    the output file: a flat binary ({@link Assembler.Format#BIN}) or an ELF executable
 * @param format   which of the two
 * @param origin   the address of the first byte of a flat binary ({@code org}); for ELF the first load address
 * @param entry    the entry point: {@code _start}, else {@code start}, else the start of {@code .text}
 * @param symbols  every symbol's value by name (labels and constants)
 * @param symbolTable the symbols with their sections, in order of definition
 * @param sections the sections as laid out, in layout order
 * @param listing  one entry per source line and per line of each macro expansion, in order
 * @param warnings the warnings (empty when there were none)
 * @param passes   how many passes it took
 */
public record Assembly(byte[] image, Assembler.Format format, long origin, long entry, Map<String, Long> symbols,
                       List<AsmSymbol> symbolTable, List<AsmSection> sections, List<ListingLine> listing,
                       List<AsmError> warnings, int passes) {
    public Assembly {
        image = image.clone();
        symbols = Map.copyOf(symbols);
        symbolTable = List.copyOf(symbolTable);
        sections = List.copyOf(sections);
        listing = List.copyOf(listing);
        warnings = List.copyOf(warnings);
    }

    @Override
    public byte[] image() {
        return image.clone();
    }

    /** The listing line whose bytes contain {@code addr} (the innermost, for a macro expansion). */
    public Optional<ListingLine> lineAt(long addr) {
        ListingLine best = null;
        for (ListingLine l : listing) {
            if (l.covers(addr)) {
                best = l;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The listing as text, like {@code nasm -l}. */
    public String listingText() {
        return Listing.render(listing);
    }

    /** The symbol table as text: value, section, name, one per line, sorted by value. */
    public String symbolText() {
        return Listing.renderSymbols(symbolTable);
    }
}
