package org.xenoscope.asm.elf;

import org.xenoscope.asm.elf.ElfImage.Segment;
import org.xenoscope.machine.mem.PhysicalMemory;

/**
 * Copies an {@link ElfImage}'s PT_LOAD segments into guest RAM.
 *
 * <pre>
 *   file:   | p_offset ... p_offset + p_filesz |
 *                     |  copy
 *                     v
 *   RAM:    | addr ... addr + p_filesz | ... zero (bss) ... | addr + p_memsz
 * </pre>
 *
 * All-or-nothing: every segment is checked against the size of RAM before the first byte is written, so a failed
 * load never leaves a partial image behind.
 */
public final class ElfLoader {
    private ElfLoader() {
    }

    /**
     * Loads every segment of {@code img} at its physical address (p_paddr, as a boot loader does) or at its
     * virtual address (p_vaddr, when {@code usePhysicalAddress} is false) and zero-fills its bss.
     * Throws {@link org.xenoscope.asm.BadInputException} (and writes nothing) if a segment lies beyond RAM.
     */
    public static void load(ElfImage img, PhysicalMemory mem, boolean usePhysicalAddress) {
        for (Segment s : img.segments()) {
            checkFits(img, mem, address(s, usePhysicalAddress), Integer.toUnsignedLong(s.memSize()));
        }
        for (Segment s : img.segments()) {
            long at = address(s, usePhysicalAddress);
            mem.load(at, s.bytes(), 0, s.fileSize());
            mem.zero(at + s.fileSize(), s.memSize() - s.fileSize());
        }
    }

    private static long address(Segment s, boolean usePhysicalAddress) {
        return Integer.toUnsignedLong(usePhysicalAddress ? s.paddr() : s.vaddr());
    }

    /** Fails unless [addr, addr + size) lies in RAM; the message names the segment and the RAM size. */
    static void checkFits(ElfImage img, PhysicalMemory mem, long addr, long size) {
        if (addr + size > mem.size()) {
            throw img.bad(beyondMemory(addr, size, mem));
        }
    }

    /** The message for a piece of the image that does not fit in RAM. */
    static String beyondMemory(long addr, long size, PhysicalMemory mem) {
        return String.format("segment at 0x%x (size 0x%x) lies beyond guest memory (%d MiB)", addr, size,
            mem.size() >> 20);
    }
}
