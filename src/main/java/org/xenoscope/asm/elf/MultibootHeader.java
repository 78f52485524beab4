package org.xenoscope.asm.elf;

import java.util.Optional;

/**
 * A multiboot (version 1) header found in a kernel file. The header is dword-aligned and lies wholly within the
 * first {@link Multiboot#MULTIBOOT_SEARCH} bytes of the file:
 *
 * <pre>
 *  off  field           present when
 *   0   magic           always: 0x1BADB002
 *   4   flags           always: bit 0 page-align modules, bit 1 memory info required,
 *                               bit 2 video mode table present, bit 16 address fields below are valid
 *   8   checksum        always: magic + flags + checksum == 0 (mod 2^32)
 *  12   header_addr     flags bit 16: physical address where the magic itself is loaded
 *  16   load_addr       flags bit 16: physical address of the first byte to load
 *  20   load_end_addr   flags bit 16: end of the bytes taken from the file (0 = to the end of the file)
 *  24   bss_end_addr    flags bit 16: end of the zeroed bss (0 = no bss)
 *  28   entry_addr      flags bit 16: physical address to jump to
 *  32   mode_type       flags bit 2: 0 linear framebuffer, 1 EGA text
 *  36   width           flags bit 2
 *  40   height          flags bit 2
 *  44   depth           flags bit 2
 * </pre>
 *
 * Fields past the end of the file read as 0; {@code available} says how many header bytes the file holds (at
 * most 48), so a loader can tell an absent field from a zero one.
 */
public record MultibootHeader(int offset, int magic, int flags, int checksum, int headerAddr, int loadAddr,
                              int loadEndAddr, int bssEndAddr, int entryAddr, int modeType, int width, int height,
                              int depth, int available) {

    /** True when magic + flags + checksum == 0, as the specification requires. */
    public boolean checksumValid() {
        return magic + flags + checksum == 0;
    }

    /** True when flags bit 16 says the address fields (header_addr..entry_addr) are valid. */
    public boolean hasAddressFields() {
        return (flags & Multiboot.MULTIBOOT_AOUT_KLUDGE) != 0;
    }

    /**
     * Searches the first 8192 bytes of {@code file} at dword-aligned offsets for the magic. Returns the first
     * header whose checksum is valid; failing that, the first occurrence of the magic (so the caller can report
     * the bad checksum); empty if the magic does not occur.
     */
    static Optional<MultibootHeader> find(byte[] file) {
        MultibootHeader firstMagic = null;
        int limit = Math.min(file.length, Multiboot.MULTIBOOT_SEARCH) - 12;
        for (int off = 0; off <= limit; off += 4) {
            if (dword(file, off) == Multiboot.MULTIBOOT_HEADER_MAGIC) {
                MultibootHeader h = read(file, off);
                if (h.checksumValid()) {
                    return Optional.of(h);
                }
                if (firstMagic == null) {
                    firstMagic = h;
                }
            }
        }
        return Optional.ofNullable(firstMagic);
    }

    private static MultibootHeader read(byte[] f, int off) {
        int[] v = new int[12];
        for (int i = 0; i < v.length; i++) {
            v[i] = dword(f, off + 4 * i);
        }
        int available = Math.min(48, f.length - off);
        return new MultibootHeader(off, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11],
            available);
    }

    /** The little-endian dword at {@code off}, or 0 if it is not wholly inside the file. */
    private static int dword(byte[] f, int off) {
        if (off < 0 || off + 4 > f.length) {
            return 0;
        }
        return (f[off] & 0xFF) | (f[off + 1] & 0xFF) << 8 | (f[off + 2] & 0xFF) << 16 | (f[off + 3] & 0xFF) << 24;
    }

    @Override
    public String toString() {
        return String.format("MultibootHeader[offset=0x%x flags=0x%x%s]", offset, flags, hasAddressFields()
            ? String.format(" header=0x%x load=0x%x load_end=0x%x bss_end=0x%x entry=0x%x", headerAddr, loadAddr,
                loadEndAddr, bssEndAddr, entryAddr) : "");
    }
}
