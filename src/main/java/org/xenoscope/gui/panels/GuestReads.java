package org.xenoscope.gui.panels;

import org.xenoscope.asm.BadInputException;
import org.xenoscope.asm.disasm.Disassembler;
import org.xenoscope.asm.elf.ElfImage;
import org.xenoscope.debug.Engine;
import org.xenoscope.debug.SystemSpec;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.machine.mmu.Mmu;

/**
 * Live reads for the panels' queries: these run on the simulation thread (inside
 * {@link org.xenoscope.gui.SessionController#query}) and return plain values; they never change the simulation.
 * A byte that cannot be read (page not present, frame outside RAM) is -1.
 */
final class GuestReads {
    /** The address spaces the memory panel can show. */
    enum Space { VIRTUAL, PSEUDO_PHYSICAL, MACHINE }

    private static SystemSpec cachedSpec;
    private static ElfImage cachedImage;
    private static Disassembler cachedDisassembler;

    private GuestReads() {
    }

    /** Contract: {@code n} bytes at {@code addr} of {@code space} as 0..255 or -1; a page is translated once. */
    static int[] bytes(Engine e, Space space, long addr, int n) {
        int[] out = new int[n];
        long page = -1;
        long base = -1;
        for (int i = 0; i < n; i++) {
            long a = (addr + i) & 0xFFFFFFFFL;
            if ((a >>> 12) != page) {
                page = a >>> 12;
                base = frameOf(e, space, page << 12);
            }
            out[i] = base < 0 ? -1 : machineByte(e, base + (a & 0xFFF));
        }
        return out;
    }

    /** The machine address of the page at {@code addr} (page-aligned) in {@code space}, or -1. */
    private static long frameOf(Engine e, Space space, long addr) {
        return switch (space) {
            case VIRTUAL -> e.target().cpu().mmu().peek((int) addr);
            case PSEUDO_PHYSICAL -> e.target().pseudoPhysicalToMachine(addr);
            case MACHINE -> addr;
        };
    }

    private static int machineByte(Engine e, long ma) {
        PhysicalMemory m = e.target().machine().memory();
        return ma >= 0 && m.inRam(ma, 1) ? m.readByte(ma) : -1;
    }

    /** The little-endian dword at virtual {@code va}, or null when any of its bytes is unmapped. */
    static Integer dword(Engine e, int va) {
        int[] b = bytes(e, Space.VIRTUAL, Integer.toUnsignedLong(va), 4);
        if (b[0] < 0 || b[1] < 0 || b[2] < 0 || b[3] < 0) {
            return null;
        }
        return b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24;
    }

    /** One byte at virtual {@code va} for the disassembler (-1 when unmapped). */
    static int virtualByte(Mmu mmu, PhysicalMemory m, int va) {
        long pa = mmu.peek(va);
        return pa >= 0 && m.inRam(pa, 1) ? m.readByte(pa) : -1;
    }

    /**
     * Contract: the guest's ELF image of the session's spec, parsed once per spec (null when the image is not
     * ELF or does not parse). Simulation thread only.
     */
    static synchronized ElfImage image(Engine e) {
        SystemSpec spec = e.spec();
        if (spec != cachedSpec) {
            cachedSpec = spec;
            cachedImage = parse(spec);
            cachedDisassembler = cachedImage == null ? new Disassembler() : Disassembler.of(cachedImage);
        }
        return cachedImage;
    }

    /** A disassembler with the symbols of the session's guest image (none when it has none). */
    static synchronized Disassembler disassembler(Engine e) {
        image(e);
        return cachedDisassembler;
    }

    private static ElfImage parse(SystemSpec spec) {
        byte[] img = spec.image();
        if (!ElfImage.isElf(img)) {
            return null;
        }
        try {
            return ElfImage.parse(spec.name(), img);
        } catch (BadInputException ex) {
            return null;
        }
    }

    /** True when {@code addr} lies in an executable PT_LOAD segment of {@code elf}. */
    static boolean isCode(ElfImage elf, int addr) {
        long a = Integer.toUnsignedLong(addr);
        for (ElfImage.Segment s : elf.segments()) {
            long lo = Integer.toUnsignedLong(s.vaddr());
            if (s.executable() && a >= lo && a < lo + Integer.toUnsignedLong(s.memSize())) {
                return true;
            }
        }
        return false;
    }
}
