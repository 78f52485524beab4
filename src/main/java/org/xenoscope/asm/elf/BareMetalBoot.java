package org.xenoscope.asm.elf;

import java.nio.charset.StandardCharsets;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.machine.Machine;
import org.xenoscope.machine.cpu.Cpu;

/**
 * Boots a multiboot-1 kernel on a bare machine the way {@code qemu-system-i386 -kernel} does: the image is
 * loaded, a multiboot_info structure written, and the CPU left in 32-bit protected mode with paging off, ring 0,
 * interrupts disabled, EAX = 0x2BADB002 and EBX = the info address.
 *
 * <p>A real GDT is written to low memory so that a kernel reloading its segment registers finds the same flat
 * descriptors the caches hold:
 * <pre>
 *   GDT at 0x500:  0x00 null   0x08 null   0x10 flat code, ring 0   0x18 flat data, ring 0
 *   multiboot_info at 0x9000
 * </pre>
 */
public final class BareMetalBoot {
    public static final int GDT = 0x500;
    public static final int INFO = 0x9000;
    public static final int CODE_SEL = 0x10;
    public static final int DATA_SEL = 0x18;
    private static final long FLAT_CODE = 0x00CF9B000000FFFFL;
    private static final long FLAT_DATA = 0x00CF93000000FFFFL;

    private BareMetalBoot() {
    }

    /**
     * Loads {@code file} (named {@code fileName} in errors) into {@code m} and sets up the hand-over state.
     * Throws {@link org.xenoscope.asm.BadInputException} for a file it cannot boot: one the loader rejects (then
     * nothing is loaded), or one whose image overlaps the GDT and multiboot information in low memory (then part
     * of it may be in RAM and the machine should be discarded).
     */
    public static BootImage boot(Machine m, String fileName, byte[] file, String cmdline) {
        BootImage img = Multiboot.loadKernel(fileName, file, m.memory());
        checkLowMemory(fileName, img, cmdline);
        Multiboot.writeInfo(m.memory(), INFO, m.memory().size(), cmdline);
        enterFlat32(m, img.entry(), Multiboot.MULTIBOOT_BOOTLOADER_MAGIC, INFO);
        return img;
    }

    /** The boot loader's data (GDT up to the end of the multiboot information) must not overlap the image. */
    private static void checkLowMemory(String fileName, BootImage img, String cmdline) {
        int cmdBytes = cmdline == null ? 0 : cmdline.getBytes(StandardCharsets.UTF_8).length + 1;
        long infoEnd = INFO + Multiboot.MULTIBOOT_INFO_SIZE + cmdBytes + 3 + 2L * Multiboot.MMAP_ENTRY_SIZE;
        long start = Integer.toUnsignedLong(img.imageStart());
        long end = Integer.toUnsignedLong(img.imageEnd());
        if (start < infoEnd && end > GDT) {
            throw new BadInputException(fileName, String.format("the kernel occupies 0x%x-0x%x, which overlaps the "
                + "boot loader's data at 0x%x-0x%x (link the kernel at 1 MiB)", start, end - 1, GDT, infoEnd - 1));
        }
    }

    /**
     * Writes the boot GDT at {@link #GDT} and leaves the CPU in flat 32-bit ring-0 protected mode at {@code entry}
     * with the given EAX and EBX: other general registers 0, EFLAGS 0x2 (IF = 0), paging off, no IDT.
     */
    public static void enterFlat32(Machine m, int entry, int eax, int ebx) {
        m.memory().writeQword(GDT, 0);
        m.memory().writeQword(GDT + 8, 0);
        m.memory().writeQword(GDT + CODE_SEL, FLAT_CODE);
        m.memory().writeQword(GDT + DATA_SEL, FLAT_DATA);
        Cpu c = m.cpu();
        c.setGdtr(GDT, 0x1F);
        c.setIdtr(0, 0);
        c.setSegmentCache(Cpu.CS, CODE_SEL, 0, -1, 0x9B, true);
        for (int s : new int[] {Cpu.DS, Cpu.ES, Cpu.SS, Cpu.FS, Cpu.GS}) {
            c.setSegmentCache(s, DATA_SEL, 0, -1, 0x93, true);
        }
        c.setEflags(0x2);
        for (int r = 0; r < 8; r++) {
            c.setReg(r, 0);
        }
        c.setReg(Cpu.EAX, eax);
        c.setReg(Cpu.EBX, ebx);
        c.setEip(entry);
    }
}
