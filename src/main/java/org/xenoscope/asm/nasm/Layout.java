package org.xenoscope.asm.nasm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Places sections at addresses after each pass (the next pass uses these bases for label values).
 *
 * <p>Flat binary (as {@code nasm -f bin}): {@code .text} at the origin, then the other progbits sections in order
 * of first use, then the nobits sections, each aligned to its alignment (at least 4; raised by {@code align=}
 * and by any {@code align} inside it); {@code start=} places a section explicitly.
 *
 * <p>ELF executable: the progbits sections in the order the source first uses them (so a multiboot header in a
 * section written first stays at the start of the file), then the nobits sections; the note sections are not
 * loaded and sit at address 0. The read-only sections (code and constants) come first and share a segment, the
 * writable ones start on a new 4 KiB page and form the second, as in the classic {@code ld} layout (and the
 * bare-metal linker scripts of sample-guests, so a kernel's addresses come out the same). The origin defaults to
 * {@link #ELF_DEFAULT_BASE} (1 MiB: where Xen PV guests, multiboot kernels and Xenoscope's loaders expect a
 * kernel; Linux runs a static executable there too).
 *
 * SIMPLIFICATION: NASM places all nobits sections of a bin file at the same address (a quirk); Xenoscope places
 * them one after the other.
 */
final class Layout {
    static final long ELF_DEFAULT_BASE = 0x100000L;
    static final long PAGE = 4096;

    private Layout() {
    }

    /** The sections in layout order: .text, other progbits, nobits (notes last, for ELF not placed). */
    static List<Section> order(Collection<Section> sections) {
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            if (s.name.equals(".text")) {
                out.add(s);
            }
        }
        for (Section s : sections) {
            if (!s.name.equals(".text") && !s.nobits) {
                out.add(s);
            }
        }
        for (Section s : sections) {
            if (!s.name.equals(".text") && s.nobits) {
                out.add(s);
            }
        }
        return out;
    }

    /** Sets every section's base for a flat binary starting at {@code origin}. */
    static void placeBin(Collection<Section> sections, long origin) {
        long addr = origin;
        boolean first = true;
        for (Section s : order(sections)) {
            if (s.start != null) {
                addr = s.start;
            } else if (!first) {
                addr = alignUp(addr, s.alignment());
            }
            first = false;
            s.base = addr;
            addr += s.size();
        }
    }

    /** The ELF order: progbits in order of first use, then nobits in order of first use. */
    static List<Section> elfOrder(Collection<Section> sections) {
        List<Section> out = new ArrayList<>(sections);
        out.sort(java.util.Comparator.comparing((Section s) -> s.nobits)
            .thenComparingInt(s -> s.useOrder < 0 ? Integer.MAX_VALUE : s.useOrder)
            .thenComparingInt(s -> s.index));
        return out;
    }

    /** Sets every section's base for an ELF executable whose first section starts at {@code origin}. */
    static void placeElf(Collection<Section> sections, Long origin) {
        long addr = origin != null ? origin : ELF_DEFAULT_BASE;
        Section prev = null;
        for (Section s : elfOrder(sections)) {
            if (!loaded(s)) {
                s.base = 0;
                continue;
            }
            if (s.size() == 0 && s.start == null) {
                s.base = addr;
                continue;
            }
            if (s.start != null) {
                addr = s.start;
            } else if (prev != null) {
                if (prev.write != s.write) {
                    addr = alignUp(addr, PAGE);
                }
                addr = alignUp(addr, s.alignment());
            }
            s.base = addr;
            addr += s.size();
            prev = s;
        }
    }

    /** True for a section that an ELF executable loads into memory. */
    static boolean loaded(Section s) {
        return s.alloc && !s.note;
    }

    static long alignUp(long v, long a) {
        return a <= 1 ? v : (v + a - 1) & -a;
    }
}
