package org.xenoscope.asm.elf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.xenoscope.asm.BadInputException;

/**
 * A parsed static i386 executable (ET_EXEC, ELF32, little-endian): what a loader needs and what a debugger shows.
 * Immutable; byte arrays are copied in and out.
 *
 * <p>Addresses and sizes are 32-bit values held in {@code int}: read them as unsigned
 * ({@link Integer#toUnsignedLong}).
 */
public final class ElfImage {
    /**
     * One PT_LOAD program header with its file bytes. In memory it covers {@code [vaddr, vaddr + memSize)};
     * the first {@code fileSize} bytes come from the file, the rest (the bss) is zero.
     */
    public record Segment(int vaddr, int paddr, int fileSize, int memSize, int flags, byte[] data) {
        public Segment {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** The file bytes without a copy, for the loader in this package. */
        byte[] bytes() {
            return data;
        }

        public boolean executable() {
            return (flags & Elf32.PF_X) != 0;
        }

        public boolean writable() {
            return (flags & Elf32.PF_W) != 0;
        }

        @Override
        public String toString() {
            return String.format("Segment[vaddr=0x%08x paddr=0x%08x filesz=0x%x memsz=0x%x %s%s%s]", vaddr, paddr,
                fileSize, memSize, (flags & Elf32.PF_R) != 0 ? "R" : "-", writable() ? "W" : "-",
                executable() ? "X" : "-");
        }
    }

    /** One ELF note: an owner name ("Xen", "GNU"), an owner-defined type and a descriptor. */
    public record Note(String name, int type, byte[] desc) {
        public Note {
            desc = desc.clone();
        }

        @Override
        public byte[] desc() {
            return desc.clone();
        }

        /** The descriptor as a NUL-terminated string (e.g. XEN_ELFNOTE_GUEST_OS "linux"). */
        public String descString() {
            int n = 0;
            while (n < desc.length && desc[n] != 0) {
                n++;
            }
            return new String(desc, 0, n, StandardCharsets.ISO_8859_1);
        }

        /** The descriptor as a little-endian number of up to 8 bytes (e.g. XEN_ELFNOTE_ENTRY). */
        public long descNumber() {
            long v = 0;
            for (int i = Math.min(desc.length, 8) - 1; i >= 0; i--) {
                v = v << 8 | (desc[i] & 0xFF);
            }
            return v;
        }

        @Override
        public String toString() {
            return String.format("Note[%s type=%d descsz=%d]", name, type, desc.length);
        }
    }

    /**
     * One code section (SHT_PROGBITS with SHF_ALLOC and SHF_EXECINSTR, such as .text) with its file bytes,
     * covering {@code [addr, addr + data.length)} in memory. This is what {@code objdump -d} disassembles.
     */
    public record Section(int index, String name, int addr, int flags, byte[] data) {
        public Section {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        public int size() {
            return data.length;
        }

        @Override
        public String toString() {
            return String.format("Section[%d %s addr=0x%08x size=0x%x]", index, name, addr, data.length);
        }
    }

    /** One .symtab entry; {@code type} is STT_*, {@code bind} STB_*, {@code shndx} the section (or SHN_ABS...). */
    public record Symbol(String name, int value, int size, int type, int bind, int shndx) {
        /** True for symbols that name a code or data address: FUNC or NOTYPE, defined in a section. */
        boolean isAddressLabel() {
            return (type == Elf32.STT_FUNC || type == Elf32.STT_NOTYPE) && !name.isEmpty()
                && shndx != Elf32.SHN_UNDEF && shndx != Elf32.SHN_ABS && shndx != Elf32.SHN_COMMON;
        }
    }

    /** An address named as symbol + offset, as a debugger prints it ({@code helper+0x4}). */
    public record SymbolRef(Symbol symbol, int offset) {
        @Override
        public String toString() {
            return offset == 0 ? symbol.name() : symbol.name() + "+0x" + Integer.toHexString(offset);
        }
    }

    private final String fileName;
    private final int entry;
    private final List<Segment> segments;
    private final List<Note> notes;
    private final List<Symbol> symbols;
    private final List<Section> codeSections;
    private final Symbol[] labelsByAddress;

    ElfImage(String fileName, int entry, List<Segment> segments, List<Note> notes, List<Symbol> symbols,
             List<Section> codeSections) {
        this.fileName = fileName;
        this.entry = entry;
        this.segments = List.copyOf(segments);
        this.notes = List.copyOf(notes);
        this.symbols = List.copyOf(symbols);
        this.codeSections = List.copyOf(codeSections);
        this.labelsByAddress = sortLabels(symbols);
    }

    /**
     * Parses {@code bytes}, the contents of {@code fileName}. Every malformed input gives a
     * {@link BadInputException} naming the file, never another exception.
     */
    public static ElfImage parse(String fileName, byte[] bytes) {
        return new ElfParser(fileName, bytes).parse();
    }

    /** True when {@code bytes} starts with the ELF magic 7F 'E' 'L' 'F'. */
    public static boolean isElf(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 0x7F && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F';
    }

    public String fileName() {
        return fileName;
    }

    /** e_entry: the virtual address of the first instruction. */
    public int entry() {
        return entry;
    }

    /** The PT_LOAD segments in program header order. */
    public List<Segment> segments() {
        return segments;
    }

    /** Notes from PT_NOTE segments, or from SHT_NOTE sections when there is no PT_NOTE. */
    public List<Note> notes() {
        return notes;
    }

    /** The first note with this owner name and type. */
    public Optional<Note> note(String name, int type) {
        return notes.stream().filter(n -> n.name().equals(name) && n.type() == type).findFirst();
    }

    /** Every .symtab entry except the null symbol 0, in table order (empty for a stripped file). */
    public List<Symbol> symbols() {
        return symbols;
    }

    /** The code sections (see {@link Section}) in section header order; empty when there are no section headers. */
    public List<Section> codeSections() {
        return codeSections;
    }

    /**
     * Every address label (FUNC or NOTYPE symbol defined in a section, see {@link #symbolAt}) sorted by address,
     * one per address: the one {@link #symbolAt} names it by.
     */
    public List<Symbol> labels() {
        return List.of(labelsByAddress);
    }

    /** The first symbol with this name, preferring globals. */
    public Optional<Symbol> symbol(String name) {
        Optional<Symbol> global = symbols.stream()
            .filter(s -> s.name().equals(name) && s.bind() != Elf32.STB_LOCAL).findFirst();
        return global.isPresent() ? global : symbols.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Names {@code addr} by the nearest FUNC or NOTYPE symbol at or below it (addresses compared unsigned), with
     * the distance as offset. Empty when no such symbol precedes {@code addr}.
     *
     * SIMPLIFICATION: like gdb's minimal symbols, a symbol's size is not used to bound it; an address in a gap
     * after a function is still shown as that function plus an offset.
     */
    public Optional<SymbolRef> symbolAt(int addr) {
        int lo = 0;
        int hi = labelsByAddress.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Integer.compareUnsigned(labelsByAddress[mid].value(), addr) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return Optional.empty();
        }
        Symbol s = labelsByAddress[found];
        return Optional.of(new SymbolRef(s, addr - s.value()));
    }

    /**
     * The address labels sorted by value; of several at one address only the best is kept (FUNC before NOTYPE,
     * then global before local, then the earlier table entry), so lookups are deterministic.
     */
    private static Symbol[] sortLabels(List<Symbol> symbols) {
        Comparator<Symbol> byValue = (a, b) -> Integer.compareUnsigned(a.value(), b.value());
        Comparator<Symbol> preference = Comparator.comparing((Symbol s) -> s.type() != Elf32.STT_FUNC)
            .thenComparing(s -> s.bind() == Elf32.STB_LOCAL);
        List<Symbol> labels = new ArrayList<>();
        for (Symbol s : symbols) {
            if (s.isAddressLabel()) {
                labels.add(s);
            }
        }
        labels.sort(byValue.thenComparing(preference));
        List<Symbol> unique = new ArrayList<>();
        for (Symbol s : labels) {
            if (unique.isEmpty() || unique.get(unique.size() - 1).value() != s.value()) {
                unique.add(s);
            }
        }
        return unique.toArray(new Symbol[0]);
    }

    /** A failure to load this image, phrased against its file name. */
    BadInputException bad(String message) {
        return new BadInputException(fileName, message);
    }

    @Override
    public String toString() {
        return String.format("ElfImage[%s entry=0x%08x segments=%s notes=%d symbols=%d]", fileName, entry,
            segments, notes.size(), symbols.size());
    }
}
