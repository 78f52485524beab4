package org.xenoscope.asm.nasm;

/**
 * One line of the listing: a source line (or a line of a macro expansion) with the address range it assembled
 * to. The debugger uses these to show the source line of an address.
 *
 * @param file       the file the line is in (the macro's file for a line of a macro body)
 * @param line       1-based line number in that file
 * @param depth      macro nesting depth (0: written in the file itself)
 * @param section    the section it assembled into, or null (absolute space, or no section yet)
 * @param address    the address of its first byte (meaningful when {@code length > 0} or it defines a label)
 * @param length     bytes it occupies in memory (reserved space included)
 * @param bytes      the bytes it put into the file (empty for reserved space and for lines without code)
 * @param source     the source text of the line
 */
public record ListingLine(String file, int line, int depth, String section, long address, long length,
                          byte[] bytes, String source) {
    public ListingLine {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** True when {@code addr} lies in {@code [address, address + length)}. */
    public boolean covers(long addr) {
        return length > 0 && addr >= address && addr - address < length;
    }
}
