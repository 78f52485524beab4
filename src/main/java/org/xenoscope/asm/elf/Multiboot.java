package org.xenoscope.asm.elf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.asm.elf.ElfImage.Segment;
import org.xenoscope.machine.mem.PhysicalMemory;

/**
 * A multiboot (version 1) boot loader, the way GRUB legacy or QEMU's {@code -kernel} starts a kernel: find the
 * header ({@link MultibootHeader}), load the image, write a multiboot_info structure, then enter the kernel in
 * 32-bit protected mode with flat segments, paging and interrupts (IF) off, EAX =
 * {@link #MULTIBOOT_BOOTLOADER_MAGIC} and EBX = the info address.
 * (Setting the registers is the caller's job; this class only fills memory.)
 */
public final class Multiboot {
    /** The magic a kernel puts in its multiboot header. */
    public static final int MULTIBOOT_HEADER_MAGIC = 0x1BADB002;
    /** The magic the boot loader leaves in EAX for the kernel. */
    public static final int MULTIBOOT_BOOTLOADER_MAGIC = 0x2BADB002;
    /** The header must lie wholly within this many bytes at the start of the file. */
    public static final int MULTIBOOT_SEARCH = 8192;

    /** Header flag bit 0: align boot modules on 4 KiB pages (we load no modules). */
    public static final int MULTIBOOT_PAGE_ALIGN = 1 << 0;
    /** Header flag bit 1: the kernel needs mem_lower/mem_upper (always provided). */
    public static final int MULTIBOOT_MEMORY_INFO = 1 << 1;
    /** Header flag bit 2: the kernel asks for a video mode. */
    public static final int MULTIBOOT_VIDEO_MODE = 1 << 2;
    /** Header flag bit 16: the header's address fields say where to load (the "a.out kludge"). */
    public static final int MULTIBOOT_AOUT_KLUDGE = 1 << 16;
    /** The header flag bits 0..15 this loader honours; any other bit in 0..15 is a requirement it cannot meet. */
    static final int SUPPORTED_REQUIRED = MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO | MULTIBOOT_VIDEO_MODE;

    /** Info flag bit 0: mem_lower and mem_upper are valid. */
    public static final int MULTIBOOT_INFO_MEMORY = 1 << 0;
    /** Info flag bit 2: cmdline is valid. */
    public static final int MULTIBOOT_INFO_CMDLINE = 1 << 2;
    /** Info flag bit 6: mmap_length and mmap_addr are valid. */
    public static final int MULTIBOOT_INFO_MEM_MAP = 1 << 6;
    /** Memory map entry type of usable RAM. */
    public static final int MULTIBOOT_MEMORY_AVAILABLE = 1;

    /**
     * Size of struct multiboot_info with every field of the 0.6.96 specification. Offsets (all fields 32-bit
     * unless noted; a field is valid only when its flags bit is set):
     *
     * <pre>
     *  off  field              flags bit     off  field                         flags bit
     *   0   flags              -              52  drives_length                  7
     *   4   mem_lower (KiB)    0              56  drives_addr                    7
     *   8   mem_upper (KiB)    0              60  config_table                   8
     *  12   boot_device        1              64  boot_loader_name               9
     *  16   cmdline            2              68  apm_table                      10
     *  20   mods_count         3              72  vbe_control_info               11
     *  24   mods_addr          3              76  vbe_mode_info                  11
     *  28   syms[4] (16 bytes) 4 or 5         80  vbe_mode, vbe_interface_seg    11 (16-bit each)
     *  44   mmap_length        6              84  vbe_interface_off, _len        11 (16-bit each)
     *  48   mmap_addr          6              88  framebuffer_addr (64), pitch,  12
     *                                             width, height, bpp (8), type (8), color_info (6)
     * </pre>
     */
    public static final int MULTIBOOT_INFO_SIZE = 116;

    /**
     * One memory map entry; mmap_addr points at its size field, and the next entry starts size + 4 bytes on.
     *
     * <pre>
     *  off  field
     *   0   size       20: the bytes after this field
     *   4   base_addr  64-bit
     *  12   length     64-bit
     *  20   type       1 = available RAM
     * </pre>
     */
    public static final int MMAP_ENTRY_SIZE = 24;

    private static final int KIB = 1024;
    private static final int MIB = 1024 * 1024;
    /** Top of conventional memory: the EBDA starts here (640 KiB - 1 KiB). */
    private static final int LOW_MEMORY_END = 0x9FC00;

    private Multiboot() {
    }

    /** The multiboot header of {@code file}, if the magic occurs in its first 8192 bytes (see MultibootHeader). */
    public static Optional<MultibootHeader> findHeader(byte[] file) {
        return MultibootHeader.find(file);
    }

    /**
     * Loads the multiboot kernel {@code file} (named {@code fileName} in messages) into {@code mem}. With header
     * flag bit 16 the address fields direct the load (ELF or raw binary); otherwise the file must be an ELF
     * executable, loaded at its segments' physical addresses like QEMU's {@code -kernel}. Nothing is written when
     * the kernel is rejected; every rejection is a {@link BadInputException}.
     */
    public static BootImage loadKernel(String fileName, byte[] file, PhysicalMemory mem) {
        MultibootHeader h = findHeader(file).orElseThrow(() -> new BadInputException(fileName,
            String.format("no multiboot header (magic 0x%08X) in the first %d bytes", MULTIBOOT_HEADER_MAGIC,
                MULTIBOOT_SEARCH)));
        checkHeader(fileName, h);
        List<String> warnings = new ArrayList<>();
        if ((h.flags() & MULTIBOOT_VIDEO_MODE) != 0) {
            warnings.add("the kernel asks for a video mode (flag bit 2); Xenoscope has no framebuffer and "
                + "ignores it");
        }
        if (h.hasAddressFields()) {
            return new AoutKludge(fileName, file, h).load(mem, warnings);
        }
        if (!ElfImage.isElf(file)) {
            throw new BadInputException(fileName, "not an ELF file, and the multiboot header has no load "
                + "addresses (flag bit 16 clear)");
        }
        return loadElf(ElfImage.parse(fileName, file), h, mem, warnings);
    }

    private static void checkHeader(String fileName, MultibootHeader h) {
        if (!h.checksumValid()) {
            throw new BadInputException(fileName, String.format("multiboot header at file offset 0x%x has a bad "
                + "checksum (magic + flags + checksum = 0x%x, must be 0)", h.offset(),
                h.magic() + h.flags() + h.checksum()));
        }
        int unsupported = h.flags() & 0xFFFF & ~SUPPORTED_REQUIRED;
        if (unsupported != 0) {
            throw new BadInputException(fileName, String.format("multiboot header requires features this loader "
                + "does not have (flag bits 0x%x)", unsupported));
        }
    }

    /** Loads an ELF kernel at p_paddr; the entry point is e_entry moved into physical space (QEMU's rule). */
    private static BootImage loadElf(ElfImage elf, MultibootHeader h, PhysicalMemory mem, List<String> warnings) {
        List<Segment> segs = elf.segments().stream().filter(s -> s.memSize() != 0).toList();
        if (segs.isEmpty()) {
            throw elf.bad("the ELF kernel has no PT_LOAD segment with contents");
        }
        ElfLoader.load(elf, mem, true);
        long start = Long.MAX_VALUE;
        long end = 0;
        for (Segment s : segs) {
            start = Math.min(start, Integer.toUnsignedLong(s.paddr()));
            end = Math.max(end, Integer.toUnsignedLong(s.paddr()) + Integer.toUnsignedLong(s.memSize()));
        }
        return new BootImage(physicalEntry(elf), (int) start, (int) end, h, Optional.of(elf), warnings);
    }

    /**
     * e_entry is a virtual address. When it falls inside an executable segment whose p_vaddr differs from its
     * p_paddr (a kernel linked high but loaded low), the entry is moved by the same distance, as QEMU does.
     */
    static int physicalEntry(ElfImage elf) {
        long entry = Integer.toUnsignedLong(elf.entry());
        for (Segment s : elf.segments()) {
            long v = Integer.toUnsignedLong(s.vaddr());
            if (s.executable() && s.vaddr() != s.paddr() && entry >= v
                && entry < v + Integer.toUnsignedLong(s.fileSize())) {
                return (int) (entry - v + Integer.toUnsignedLong(s.paddr()));
            }
        }
        return elf.entry();
    }

    /**
     * Writes a multiboot_info structure at physical {@code infoAddr} describing {@code memBytes} of RAM and the
     * command line {@code cmdline} (null for none), and returns {@code infoAddr} (the value for EBX).
     *
     * <pre>
     *  infoAddr                    + MULTIBOOT_INFO_SIZE         + length of cmdline + NUL, rounded up to 4
     *  | multiboot_info (116 bytes) | cmdline "...\0" (padding) | mmap entry 0 | mmap entry 1 |
     *    flags = MEMORY|CMDLINE|MEM_MAP                            0..0x9FC00     1 MiB..memBytes
     * </pre>
     *
     * Requires memBytes &gt; 1 MiB and the whole block inside {@code mem} (caller errors, not bad input).
     */
    public static int writeInfo(PhysicalMemory mem, int infoAddr, int memBytes, String cmdline) {
        if (memBytes <= MIB) {
            throw new IllegalArgumentException("multiboot needs more than 1 MiB of RAM, got " + memBytes);
        }
        byte[] cmd = cmdline == null ? new byte[0] : (cmdline + "\0").getBytes(StandardCharsets.UTF_8);
        long cmdAddr = Integer.toUnsignedLong(infoAddr) + MULTIBOOT_INFO_SIZE;
        long mmapAddr = (cmdAddr + cmd.length + 3) & ~3L;
        long total = mmapAddr + 2L * MMAP_ENTRY_SIZE - Integer.toUnsignedLong(infoAddr);
        if (!mem.inRam(Integer.toUnsignedLong(infoAddr), (int) total)) {
            throw new IllegalArgumentException(String.format("multiboot info at 0x%x (0x%x bytes) lies outside RAM",
                infoAddr, total));
        }
        mem.zero(infoAddr, (int) total);
        int flags = MULTIBOOT_INFO_MEMORY | MULTIBOOT_INFO_MEM_MAP | (cmdline == null ? 0 : MULTIBOOT_INFO_CMDLINE);
        mem.writeDword(infoAddr, flags);
        mem.writeDword(infoAddr + 4L, 640);
        mem.writeDword(infoAddr + 8L, (memBytes - MIB) / KIB);
        if (cmdline != null) {
            mem.writeDword(infoAddr + 16L, (int) cmdAddr);
            mem.load(cmdAddr, cmd, 0, cmd.length);
        }
        mem.writeDword(infoAddr + 44L, 2 * MMAP_ENTRY_SIZE);
        mem.writeDword(infoAddr + 48L, (int) mmapAddr);
        writeMmapEntry(mem, mmapAddr, 0, LOW_MEMORY_END);
        writeMmapEntry(mem, mmapAddr + MMAP_ENTRY_SIZE, MIB, memBytes - MIB);
        return infoAddr;
    }

    private static void writeMmapEntry(PhysicalMemory mem, long at, long base, long length) {
        mem.writeDword(at, MMAP_ENTRY_SIZE - 4);
        mem.writeQword(at + 4, base);
        mem.writeQword(at + 12, length);
        mem.writeDword(at + 20, MULTIBOOT_MEMORY_AVAILABLE);
    }
}
