package org.xenoscope.asm.elf;

import static org.xenoscope.asm.elf.Elf32.EHDR_SIZE;
import static org.xenoscope.asm.elf.Elf32.PHDR_SIZE;
import static org.xenoscope.asm.elf.Elf32.SHDR_SIZE;
import static org.xenoscope.asm.elf.Elf32.SYM_SIZE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.asm.elf.ElfImage.Note;
import org.xenoscope.asm.elf.ElfImage.Segment;
import org.xenoscope.asm.elf.ElfImage.Symbol;

/**
 * Reads an ELF32 file into an {@link ElfImage} (layouts in {@link Elf32}).
 *
 * <p>Rule: the file is untrusted. Every offset and size is a 32-bit unsigned value held in a {@code long}, every
 * range is checked against the file length before it is read, and every problem is a {@link BadInputException}.
 * The byte readers check bounds too, so a missed check still ends as "truncated", never as an index exception.
 */
final class ElfParser {
    /** More program headers than any static kernel has; a larger e_phnum is garbage. */
    static final int MAX_PHNUM = 256;
    /** SHN_LORESERVE: section indices at and above it are reserved, so e_shnum must stay below it. */
    static final int MAX_SHNUM = 0xFF00;

    /** A program header, fields as unsigned values. */
    private record Phdr(int index, long type, long offset, long vaddr, long paddr, long filesz, long memsz,
                        long flags) {
    }

    /** A section header, fields as unsigned values. */
    private record Shdr(int index, String name, long type, long flags, long addr, long offset, long size, long link,
                        long entsize) {
    }

    private final String file;
    private final byte[] b;

    ElfParser(String file, byte[] bytes) {
        this.file = file;
        this.b = bytes;
    }

    /** Parses the whole file; see {@link ElfImage#parse}. */
    ElfImage parse() {
        checkIdentification();
        checkHeader();
        List<Phdr> phdrs = readProgramHeaders();
        List<Segment> segments = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (Phdr p : phdrs) {
            if (p.type() == Elf32.PT_LOAD) {
                segments.add(loadSegment(p));
            } else if (p.type() == Elf32.PT_NOTE) {
                checkRange(p.offset(), p.filesz(), "PT_NOTE segment " + p.index());
                notes.addAll(readNotes(p.offset(), p.filesz(), "PT_NOTE segment " + p.index()));
            }
        }
        checkOverlaps(phdrs);
        List<Shdr> sections = readSectionHeaders();
        if (phdrs.stream().noneMatch(p -> p.type() == Elf32.PT_NOTE)) {
            for (Shdr s : sections) {
                if (s.type() == Elf32.SHT_NOTE) {
                    notes.addAll(readNotes(s.offset(), s.size(), "section " + s.index() + " (" + s.name() + ")"));
                }
            }
        }
        return new ElfImage(file, (int) u32(24), segments, notes, readSymbols(sections), codeSections(sections));
    }

    /** Checks e_ident: magic, 32-bit class, little-endian data, version 1. */
    private void checkIdentification() {
        if (!ElfImage.isElf(b)) {
            throw bad("not an ELF file");
        }
        if (b.length > 4 && b[4] == Elf32.ELFCLASS64) {
            throw bad("64-bit ELF; Xenoscope runs 32-bit (i386) code");
        }
        if (b.length > 5 && b[5] == Elf32.ELFDATA2MSB) {
            throw bad("big-endian ELF; Xenoscope runs little-endian i386 code");
        }
        if (b.length < EHDR_SIZE) {
            throw bad(String.format("truncated: the ELF header is %d bytes, the file has %d", EHDR_SIZE, b.length));
        }
        if (b[4] != Elf32.ELFCLASS32) {
            throw bad("unknown ELF class " + (b[4] & 0xFF));
        }
        if (b[5] != Elf32.ELFDATA2LSB) {
            throw bad("unknown ELF data encoding " + (b[5] & 0xFF));
        }
        if (b[6] != Elf32.EV_CURRENT) {
            throw bad("unsupported ELF version " + (b[6] & 0xFF));
        }
    }

    /** Checks e_machine and e_type: only static i386 executables are accepted. */
    private void checkHeader() {
        int machine = u16(18);
        if (machine != Elf32.EM_386) {
            throw bad("not an i386 ELF (e_machine " + machine + ")");
        }
        int type = u16(16);
        switch (type) {
            case Elf32.ET_EXEC -> { }
            case Elf32.ET_REL -> throw bad("relocatable object, not an executable: link it first");
            case Elf32.ET_DYN -> throw bad("shared object or PIE, not a static executable: link with -static -no-pie");
            case Elf32.ET_CORE -> throw bad("core dump, not an executable");
            default -> throw bad("unknown ELF type " + type + " (e_type)");
        }
    }

    /** Reads and checks the program header table (e_phoff, e_phentsize, e_phnum). */
    private List<Phdr> readProgramHeaders() {
        long phoff = u32(28);
        int entsize = u16(42);
        int phnum = u16(44);
        if (phnum == 0) {
            throw bad("no program headers: nothing to load");
        }
        if (phnum > MAX_PHNUM) {
            throw bad("absurd program header count " + phnum + " (e_phnum)");
        }
        if (entsize != PHDR_SIZE) {
            throw bad("e_phentsize is " + entsize + ", ELF32 program headers are " + PHDR_SIZE + " bytes");
        }
        checkRange(phoff, (long) phnum * PHDR_SIZE, "program header table");
        List<Phdr> out = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            long p = phoff + (long) i * PHDR_SIZE;
            Phdr h = new Phdr(i, u32(p), u32(p + 4), u32(p + 8), u32(p + 12), u32(p + 16), u32(p + 20), u32(p + 24));
            if (h.type() == Elf32.PT_INTERP || h.type() == Elf32.PT_DYNAMIC) {
                throw bad("dynamically linked executable (program header " + i + "): link it with -static");
            }
            out.add(h);
        }
        return out;
    }

    /** Checks one PT_LOAD header and copies its file bytes. */
    private Segment loadSegment(Phdr p) {
        String what = "segment " + p.index();
        if (p.filesz() > p.memsz()) {
            throw bad(String.format("%s: p_filesz 0x%x exceeds p_memsz 0x%x", what, p.filesz(), p.memsz()));
        }
        checkWrap(what, "vaddr", p.vaddr(), p.memsz());
        checkWrap(what, "paddr", p.paddr(), p.memsz());
        checkRange(p.offset(), p.filesz(), what);
        byte[] data = Arrays.copyOfRange(b, (int) p.offset(), (int) (p.offset() + p.filesz()));
        return new Segment((int) p.vaddr(), (int) p.paddr(), (int) p.filesz(), (int) p.memsz(), (int) p.flags(), data);
    }

    private void checkWrap(String what, String field, long addr, long size) {
        if (addr + size > 0x1_0000_0000L) {
            throw bad(String.format("%s (%s 0x%x, p_memsz 0x%x) wraps past the end of the 4 GiB address space",
                what, field, addr, size));
        }
    }

    /** Rejects two non-empty PT_LOAD segments that share a virtual or a physical address. */
    private void checkOverlaps(List<Phdr> phdrs) {
        List<Phdr> loads = phdrs.stream().filter(p -> p.type() == Elf32.PT_LOAD && p.memsz() > 0).toList();
        for (int i = 0; i < loads.size(); i++) {
            for (int j = i + 1; j < loads.size(); j++) {
                Phdr a = loads.get(i);
                Phdr c = loads.get(j);
                if (a.vaddr() < c.vaddr() + c.memsz() && c.vaddr() < a.vaddr() + a.memsz()) {
                    throw bad(String.format("segments %d and %d overlap at 0x%x", a.index(), c.index(),
                        Math.max(a.vaddr(), c.vaddr())));
                }
                if (a.paddr() < c.paddr() + c.memsz() && c.paddr() < a.paddr() + a.memsz()) {
                    throw bad(String.format("segments %d and %d overlap at physical address 0x%x", a.index(),
                        c.index(), Math.max(a.paddr(), c.paddr())));
                }
            }
        }
    }

    /** Reads the section header table (may be absent: e_shoff or e_shnum 0) and checks each section's bytes. */
    private List<Shdr> readSectionHeaders() {
        long shoff = u32(32);
        int entsize = u16(46);
        int shnum = u16(48);
        int shstrndx = u16(50);
        if (shoff == 0 || shnum == 0) {
            return List.of();
        }
        if (shnum >= MAX_SHNUM) {
            throw bad("absurd section header count " + shnum + " (e_shnum)");
        }
        if (entsize != SHDR_SIZE) {
            throw bad("e_shentsize is " + entsize + ", ELF32 section headers are " + SHDR_SIZE + " bytes");
        }
        checkRange(shoff, (long) shnum * SHDR_SIZE, "section header table");
        if (shstrndx >= shnum) {
            throw bad("e_shstrndx " + shstrndx + " is not a section (there are " + shnum + ")");
        }
        long namesOff = shstrndx == 0 ? 0 : u32(shoff + (long) shstrndx * SHDR_SIZE + 16);
        long namesSize = shstrndx == 0 ? 0 : u32(shoff + (long) shstrndx * SHDR_SIZE + 20);
        checkRange(namesOff, namesSize, "section name table");
        List<Shdr> out = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            long h = shoff + (long) i * SHDR_SIZE;
            String name = shstrndx == 0 ? "" : string(namesOff, namesSize, u32(h), "section " + i + " name");
            Shdr s = new Shdr(i, name, u32(h + 4), u32(h + 8), u32(h + 12), u32(h + 16), u32(h + 20), u32(h + 24),
                u32(h + 36));
            if (s.type() != Elf32.SHT_NOBITS && s.type() != 0) {
                checkRange(s.offset(), s.size(), "section " + i + " (" + name + ")");
            }
            out.add(s);
        }
        return out;
    }

    /** The allocated SHT_PROGBITS sections with SHF_EXECINSTR, with their bytes (checked in range on reading). */
    private List<ElfImage.Section> codeSections(List<Shdr> sections) {
        List<ElfImage.Section> out = new ArrayList<>();
        long wanted = Elf32.SHF_ALLOC | Elf32.SHF_EXECINSTR;
        for (Shdr s : sections) {
            boolean code = (s.flags() & wanted) == wanted;
            if (s.type() == Elf32.SHT_PROGBITS && code && s.size() > 0) {
                byte[] data = Arrays.copyOfRange(b, (int) s.offset(), (int) (s.offset() + s.size()));
                out.add(new ElfImage.Section(s.index(), s.name(), (int) s.addr(), (int) s.flags(), data));
            }
        }
        return out;
    }

    /** The entries of the first SHT_SYMTAB section, named through its sh_link string table. */
    private List<Symbol> readSymbols(List<Shdr> sections) {
        Shdr tab = sections.stream().filter(s -> s.type() == Elf32.SHT_SYMTAB).findFirst().orElse(null);
        if (tab == null) {
            return List.of();
        }
        if (tab.entsize() != SYM_SIZE) {
            throw bad("symbol table entry size is " + tab.entsize() + ", ELF32 symbols are " + SYM_SIZE + " bytes");
        }
        if (tab.link() >= sections.size() || sections.get((int) tab.link()).type() != Elf32.SHT_STRTAB) {
            throw bad("the symbol table's string table (section " + tab.link() + ") is not a string table");
        }
        Shdr names = sections.get((int) tab.link());
        List<Symbol> out = new ArrayList<>();
        for (long i = 1; i < tab.size() / SYM_SIZE; i++) {
            long p = tab.offset() + i * SYM_SIZE;
            String name = string(names.offset(), names.size(), u32(p), "symbol " + i + " name");
            int info = u8(p + 12);
            out.add(new Symbol(name, (int) u32(p + 4), (int) u32(p + 8), info & 0xF, info >>> 4, u16(p + 14)));
        }
        return out;
    }

    /** Parses the notes packed in file bytes [off, off + size); {@code where} names the container. */
    private List<Note> readNotes(long off, long size, String where) {
        List<Note> out = new ArrayList<>();
        long end = off + size;
        long p = off;
        while (end - p >= 12) {
            long namesz = u32(p);
            long descsz = u32(p + 4);
            int type = (int) u32(p + 8);
            long descOff = p + 12 + align4(namesz);
            if (descOff + descsz > end) {
                throw bad(String.format("malformed note in %s at file offset 0x%x: namesz %d and descsz %d run past "
                    + "its end", where, p, namesz, descsz));
            }
            String name = cstring(p + 12, namesz);
            out.add(new Note(name, type, Arrays.copyOfRange(b, (int) descOff, (int) (descOff + descsz))));
            p = descOff + align4(descsz);
        }
        for (long q = p; q < end; q++) {
            if (u8(q) != 0) {
                throw bad(String.format("malformed note in %s: stray bytes at file offset 0x%x", where, p));
            }
        }
        return out;
    }

    private static long align4(long n) {
        return (n + 3) & ~3L;
    }

    /** The NUL-terminated string at {@code index} of the string table at file bytes [off, off + size). */
    private String string(long off, long size, long index, String what) {
        if (index >= size) {
            if (index == 0) {
                return "";
            }
            throw bad(String.format("%s: offset 0x%x lies outside its string table (0x%x bytes)", what, index, size));
        }
        return cstring(off + index, size - index);
    }

    /** Up to {@code max} bytes at {@code off}, stopping at the first NUL. */
    private String cstring(long off, long max) {
        checkRange(off, max, "string");
        int start = (int) off;
        int n = 0;
        while (n < max && b[start + n] != 0) {
            n++;
        }
        return new String(b, start, n, StandardCharsets.ISO_8859_1);
    }

    /** Fails with "truncated: ..." unless file bytes [off, off + size) exist. */
    private void checkRange(long off, long size, String what) {
        if (off < 0 || size < 0 || off + size > b.length) {
            throw bad(String.format("truncated: %s (file offset 0x%x, size 0x%x) extends past the end of the file "
                + "(%d bytes)", what, off, size, b.length));
        }
    }

    private int u8(long off) {
        checkRange(off, 1, "field");
        return b[(int) off] & 0xFF;
    }

    private int u16(long off) {
        checkRange(off, 2, "field");
        return (b[(int) off] & 0xFF) | (b[(int) off + 1] & 0xFF) << 8;
    }

    private long u32(long off) {
        checkRange(off, 4, "field");
        return Integer.toUnsignedLong(u16(off) | u16(off + 2) << 16);
    }

    private BadInputException bad(String message) {
        return new BadInputException(file, message);
    }
}
