package org.xenoscope.asm.nasm;

import static org.xenoscope.asm.elf.Elf32.EHDR_SIZE;
import static org.xenoscope.asm.elf.Elf32.PHDR_SIZE;
import static org.xenoscope.asm.elf.Elf32.SHDR_SIZE;
import static org.xenoscope.asm.elf.Elf32.SYM_SIZE;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xenoscope.asm.elf.Elf32;

/**
 * Writes a static i386 ELF executable (ET_EXEC) from laid-out sections: what {@code ld} would make of the
 * program, without a linker (layouts in {@link Elf32}).
 *
 * <pre>
 *   file offset                                   contents
 *   0                                             ELF header
 *   52                                            program headers: PT_LOADs, then one PT_NOTE per note section
 *   congruent to its address mod 4 KiB           each PT_LOAD's bytes (read-only sections, writable sections)
 *   4-aligned                                     note sections (not loaded), other unloaded sections
 *   4-aligned                                     .symtab, .strtab, .shstrtab, then the section headers
 * </pre>
 *
 * Every PT_LOAD has p_offset ≡ p_vaddr (mod 4096) and p_align 4096, so Linux can map it; p_paddr = p_vaddr.
 * A segment is executable when any section in it is.
 * A nobits section at the end of a segment only adds to p_memsz. The symbol table holds every symbol: labels
 * with their section, constants as SHN_ABS; symbols declared {@code global} are STB_GLOBAL, the others local.
 */
final class ElfWriter {
    private static final int SHT_PROGBITS = 1;
    private static final int SHF_WRITE = 1;
    private static final int SHF_ALLOC = 2;
    private static final int SHF_EXECINSTR = 4;

    /** One PT_LOAD: consecutive loaded sections with the same permissions. */
    private static final class Segment {
        final List<Section> sections = new ArrayList<>();
        long vaddr;
        long fileEnd;
        long memEnd;
        long offset;
    }

    private final List<Section> order;
    private final List<AsmSymbol> symbols;
    private final long entry;
    private final Map<Section, Long> offsets = new HashMap<>();
    private final Map<String, Integer> shIndex = new HashMap<>();

    ElfWriter(List<Section> order, List<AsmSymbol> symbols, long entry) {
        this.order = order;
        this.symbols = symbols;
        this.entry = entry;
    }

    /** The whole file: headers, segment contents, notes, symbol and string tables, section headers. */
    byte[] write() {
        List<Segment> loads = segments();
        List<Section> notes = new ArrayList<>();
        List<Section> unloaded = new ArrayList<>();
        for (Section s : order) {
            if (!Layout.loaded(s) && s.note) {
                notes.add(s);
            } else if (!Layout.loaded(s)) {
                unloaded.add(s);
            }
        }
        int phnum = loads.size() + notes.size();
        long off = EHDR_SIZE + (long) phnum * PHDR_SIZE;
        for (Segment g : loads) {
            off = congruent(off, g.vaddr);
            g.offset = off;
            for (Section s : g.sections) {
                offsets.put(s, g.offset + (s.base - g.vaddr));
            }
            off = g.offset + (g.fileEnd - g.vaddr);
        }
        for (Section s : concat(notes, unloaded)) {
            off = Layout.alignUp(off, 4);
            offsets.put(s, off);
            off += s.nobits ? 0 : s.size();
        }
        Buf f = new Buf();
        f.pad((int) off);
        for (Section s : order) {
            Long o = offsets.get(s);
            if (o != null && !s.nobits) {
                f.put((int) (long) o, s.bytes());
            }
        }
        writeTables(f, loads, notes);
        return f.toArray();
    }

    private static List<Section> concat(List<Section> a, List<Section> b) {
        List<Section> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The smallest offset at or after {@code off} that is congruent to {@code vaddr} modulo a page. */
    private static long congruent(long off, long vaddr) {
        long want = Math.floorMod(vaddr, Layout.PAGE);
        long o = off - Math.floorMod(off, Layout.PAGE) + want;
        return o < off ? o + Layout.PAGE : o;
    }

    /** Groups the loaded, non-empty sections into PT_LOAD segments. */
    private List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        Segment g = null;
        Section last = null;
        for (Section s : order) {
            if (!Layout.loaded(s)) {
                continue;
            }
            if (s.size() == 0) {
                offsets.put(s, 0L);
                continue;
            }
            boolean split = g == null || last.write != s.write || s.base < g.memEnd
                || s.base - g.memEnd >= Layout.PAGE || last.nobits && !s.nobits;
            if (split) {
                g = new Segment();
                g.vaddr = s.base;
                g.fileEnd = s.base;
                out.add(g);
            }
            g.sections.add(s);
            g.memEnd = s.base + s.size();
            if (!s.nobits) {
                g.fileEnd = g.memEnd;
            }
            last = s;
        }
        return out;
    }

    /** Appends .symtab, .strtab, .shstrtab and the section headers, then fills in the ELF and program headers. */
    private void writeTables(Buf f, List<Segment> loads, List<Section> notes) {
        StringTable shstr = new StringTable();
        StringTable str = new StringTable();
        List<Section> shSections = new ArrayList<>(order);
        for (int i = 0; i < shSections.size(); i++) {
            shIndex.put(shSections.get(i).name, i + 1);
        }
        byte[] symtab = symtab(str);
        int firstGlobal = firstGlobal();
        f.align(4);
        int symOff = f.size();
        f.append(symtab);
        int strOff = f.size();
        f.append(str.bytes());
        List<Integer> names = new ArrayList<>();
        for (Section s : shSections) {
            names.add(shstr.add(s.name));
        }
        int nSymtab = shstr.add(".symtab");
        int nStrtab = shstr.add(".strtab");
        int nShstr = shstr.add(".shstrtab");
        int shstrOff = f.size();
        f.append(shstr.bytes());
        f.align(4);
        int shoff = f.size();
        int shnum = shSections.size() + 4;
        f.pad(shoff + shnum * SHDR_SIZE);
        int idx = 1;
        for (Section s : shSections) {
            int type = s.nobits ? Elf32.SHT_NOBITS : s.note ? Elf32.SHT_NOTE : SHT_PROGBITS;
            int flags = (Layout.loaded(s) ? SHF_ALLOC : 0) | (s.write ? SHF_WRITE : 0) | (s.exec ? SHF_EXECINSTR : 0);
            long o = offsets.getOrDefault(s, 0L);
            shdr(f, shoff, idx++, names.get(shSections.indexOf(s)), type, flags, s.base, o, s.size(), 0, 0,
                s.alignment(), 0);
        }
        int symIdx = idx;
        shdr(f, shoff, idx++, nSymtab, Elf32.SHT_SYMTAB, 0, 0, symOff, symtab.length, symIdx + 1, firstGlobal, 4,
            SYM_SIZE);
        shdr(f, shoff, idx++, nStrtab, Elf32.SHT_STRTAB, 0, 0, strOff, str.size(), 0, 0, 1, 0);
        shdr(f, shoff, idx, nShstr, Elf32.SHT_STRTAB, 0, 0, shstrOff, shstr.size(), 0, 0, 1, 0);
        header(f, loads.size() + notes.size(), shoff, shnum, idx);
        programHeaders(f, loads, notes);
    }

    /** The ELF header (see {@link Elf32} for the layout). */
    private void header(Buf f, int phnum, int shoff, int shnum, int shstrndx) {
        f.put(0, new byte[] {0x7F, 'E', 'L', 'F', Elf32.ELFCLASS32, Elf32.ELFDATA2LSB, Elf32.EV_CURRENT});
        f.u16(16, Elf32.ET_EXEC);
        f.u16(18, Elf32.EM_386);
        f.u32(20, Elf32.EV_CURRENT);
        f.u32(24, entry);
        f.u32(28, EHDR_SIZE);
        f.u32(32, shoff);
        f.u32(36, 0);
        f.u16(40, EHDR_SIZE);
        f.u16(42, PHDR_SIZE);
        f.u16(44, phnum);
        f.u16(46, SHDR_SIZE);
        f.u16(48, shnum);
        f.u16(50, shstrndx);
    }

    /** The program headers: the PT_LOADs, then one PT_NOTE per note section. */
    private void programHeaders(Buf f, List<Segment> loads, List<Section> notes) {
        int p = EHDR_SIZE;
        for (Segment g : loads) {
            int flags = Elf32.PF_R;
            for (Section s : g.sections) {
                flags |= (s.write ? Elf32.PF_W : 0) | (s.exec ? Elf32.PF_X : 0);
            }
            phdr(f, p, Elf32.PT_LOAD, g.offset, g.vaddr, g.fileEnd - g.vaddr, g.memEnd - g.vaddr, flags,
                Layout.PAGE);
            p += PHDR_SIZE;
        }
        for (Section s : notes) {
            phdr(f, p, Elf32.PT_NOTE, offsets.get(s), 0, s.size(), 0, Elf32.PF_R, 4);
            p += PHDR_SIZE;
        }
    }

    private static void phdr(Buf f, int at, int type, long off, long vaddr, long filesz, long memsz, int flags,
                             long align) {
        f.u32(at, type);
        f.u32(at + 4, off);
        f.u32(at + 8, vaddr);
        f.u32(at + 12, vaddr);
        f.u32(at + 16, filesz);
        f.u32(at + 20, memsz);
        f.u32(at + 24, flags);
        f.u32(at + 28, align);
    }

    private static void shdr(Buf f, int shoff, int idx, int name, int type, int flags, long addr, long off,
                             long size, int link, int info, long align, int entsize) {
        int at = shoff + idx * SHDR_SIZE;
        f.u32(at, name);
        f.u32(at + 4, type);
        f.u32(at + 8, flags);
        f.u32(at + 12, addr);
        f.u32(at + 16, off);
        f.u32(at + 20, size);
        f.u32(at + 24, link);
        f.u32(at + 28, info);
        f.u32(at + 32, align);
        f.u32(at + 36, entsize);
    }

    /** Symbol table: the null symbol, the locals, then the globals (ELF requires locals first). */
    private byte[] symtab(StringTable str) {
        Buf b = new Buf();
        b.pad(SYM_SIZE);
        for (boolean globals : new boolean[] {false, true}) {
            for (AsmSymbol s : symbols) {
                if (s.global() != globals) {
                    continue;
                }
                int at = b.size();
                b.pad(at + SYM_SIZE);
                b.u32(at, str.add(s.name()));
                b.u32(at + 4, s.value());
                b.u32(at + 8, 0);
                int bind = globals ? Elf32.STB_GLOBAL : Elf32.STB_LOCAL;
                b.put(at + 12, new byte[] {(byte) (bind << 4 | Elf32.STT_NOTYPE), 0});
                int shndx = s.section() == null ? Elf32.SHN_ABS : shIndex.getOrDefault(s.section(), Elf32.SHN_ABS);
                b.u16(at + 14, shndx);
            }
        }
        return b.toArray();
    }

    /** The index of the first global symbol in .symtab (its sh_info). */
    private int firstGlobal() {
        int n = 1;
        for (AsmSymbol s : symbols) {
            if (!s.global()) {
                n++;
            }
        }
        return n;
    }

    /** An ELF string table: starts with a NUL, each string NUL-terminated. */
    private static final class StringTable {
        private final ByteArrayOutputStream b = new ByteArrayOutputStream();
        private final Map<String, Integer> seen = new HashMap<>();

        StringTable() {
            b.write(0);
        }

        /** The offset of {@code s} in the table, adding it when new. */
        int add(String s) {
            Integer o = seen.get(s);
            if (o != null) {
                return o;
            }
            int off = b.size();
            b.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            b.write(0);
            seen.put(s, off);
            return off;
        }

        byte[] bytes() {
            return b.toByteArray();
        }

        int size() {
            return b.size();
        }
    }
}
