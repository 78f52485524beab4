package org.xenoscope.asm.elf;

import java.nio.charset.StandardCharsets;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.machine.Machine;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.mem.PhysicalMemory;

/**
 * Boots a multiboot-1 kernel on a bare machine the way {@code qemu-system-i386 -kernel} does: load the image
 * ({@link Multiboot#loadKernel}), write the multiboot information, and enter the kernel in 32-bit protected mode.
 *
 * <pre>
 *   low memory used by the boot loader
 *     0x0500  GDT: 0x00 null | 0x08 null | 0x10 flat code (ring 0) | 0x18 flat data (ring 0)
 *     0x9000  multiboot_info, the command line, the memory map
 *
 *   state at the kernel's first instruction
 *     CS = 0x10, DS = ES = FS = GS = SS = 0x18   base 0, limit 4 GiB, 32-bit, DPL 0
 *     CR0 = PE (paging off)   EFLAGS = 0x2 (IF = 0)   IDTR limit 0 (no IDT yet)
 *     EAX = 0x2BADB002   EBX = multiboot_info address   other general registers 0, EIP = entry
 * </pre>
 *
 * The GDT is really written to memory and the segment caches hold exactly its descriptors, so a kernel that
 * reloads a segment register with 0x10/0x18 (or reads GDTR and walks the table) sees what QEMU's loader leaves.
 * The command line is the kernel's file name, as QEMU passes it without {@code -append}.
 * With no IDT any exception shuts the CPU down (a triple fault), which the machine reports.
 */
public final class BareMetalBoot {
    /** Where the boot GDT lives (the first free byte after the BIOS data area). */
    public static final int GDT_BASE = 0x500;
    /** Where the multiboot information structure is written. */
    public static final int INFO_BASE = 0x9000;
    public static final int CODE_SELECTOR = 0x10;
    public static final int DATA_SELECTOR = 0x18;

    /*
     * Flat 4 GiB ring-0 descriptors: base 0, limit 0xFFFFF with G = 1, D/B = 1.
     *   high dword 0x00CF9B00: G D/B limit19:16=0xF, access 0x9B = P DPL0 S code exec/read accessed
     *   high dword 0x00CF9300:                       access 0x93 = P DPL0 S data read/write accessed
     */
    private static final int FLAT_LOW = 0x0000FFFF;
    private static final int CODE_HIGH = 0x00CF9B00;
    private static final int DATA_HIGH = 0x00CF9300;
    private static final int CODE_ACCESS = 0x9B;
    private static final int DATA_ACCESS = 0x93;
    private static final int GDT_ENTRIES = 4;

    private BareMetalBoot() {
    }

    /**
     * Loads kernel {@code file} (named {@code fileName} in messages) into {@code m} and leaves the CPU at its
     * entry point in the state above. Throws {@link BadInputException} for a kernel that cannot be booted (not
     * multiboot, malformed, too big for RAM, or overlapping the boot loader's low-memory data); the machine may
     * then hold part of the image and should be discarded. RAM must be larger than 1 MiB.
     */
    public static BootImage boot(Machine m, String fileName, byte[] file) {
        PhysicalMemory mem = m.memory();
        BootImage img = Multiboot.loadKernel(fileName, file, mem);
        String cmdline = fileName;
        long infoEnd = INFO_BASE + Multiboot.MULTIBOOT_INFO_SIZE
            + cmdline.getBytes(StandardCharsets.UTF_8).length + 4 + 2L * Multiboot.MMAP_ENTRY_SIZE;
        long start = Integer.toUnsignedLong(img.imageStart());
        long end = Integer.toUnsignedLong(img.imageEnd());
        if (start < infoEnd && end > GDT_BASE) {
            throw new BadInputException(fileName, String.format("the kernel occupies 0x%x-0x%x, which overlaps the "
                + "boot loader's data at 0x%x-0x%x (link the kernel at 1 MiB)", start, end - 1, GDT_BASE,
                infoEnd - 1));
        }
        int info = Multiboot.writeInfo(mem, INFO_BASE, mem.size(), cmdline);
        enterFlat32(m, img.entry(), Multiboot.MULTIBOOT_BOOTLOADER_MAGIC, info);
        return img;
    }

    /**
     * Writes the boot GDT at {@link #GDT_BASE} and puts the CPU in flat 32-bit ring-0 protected mode at
     * {@code entry} with the given EAX and EBX (all other general registers 0, EFLAGS 0x2, no IDT).
     */
    public static void enterFlat32(Machine m, int entry, int eax, int ebx) {
        PhysicalMemory mem = m.memory();
        mem.zero(GDT_BASE, 2 * 8);
        mem.writeDword(GDT_BASE + CODE_SELECTOR, FLAT_LOW);
        mem.writeDword(GDT_BASE + CODE_SELECTOR + 4, CODE_HIGH);
        mem.writeDword(GDT_BASE + DATA_SELECTOR, FLAT_LOW);
        mem.writeDword(GDT_BASE + DATA_SELECTOR + 4, DATA_HIGH);
        Cpu c = m.cpu();
        c.setGdtr(GDT_BASE, GDT_ENTRIES * 8 - 1);
        c.setIdtr(0, 0);
        c.setSegmentCache(Cpu.CS, CODE_SELECTOR, 0, -1, CODE_ACCESS, true);
        for (int s : new int[] {Cpu.SS, Cpu.DS, Cpu.ES, Cpu.FS, Cpu.GS}) {
            c.setSegmentCache(s, DATA_SELECTOR, 0, -1, DATA_ACCESS, true);
        }
        for (int r = 0; r < 8; r++) {
            c.setReg(r, 0);
        }
        c.setReg(Cpu.EAX, eax);
        c.setReg(Cpu.EBX, ebx);
        c.setEflags(0x2);
        c.setEip(entry);
    }
}
