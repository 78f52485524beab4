package org.xenoscope.asm.elf;

import java.util.List;
import java.util.Optional;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.machine.mem.PhysicalMemory;

/**
 * Loading directed by the multiboot header's address fields (flag bit 16, the "a.out kludge"). The header's own
 * position ties the file to memory:
 *
 * <pre>
 *   file:  ... | load start  ........ header (at offset h) ........ | load end (or end of file)
 *              ^ h - (header_addr - load_addr)
 *   RAM:       load_addr ..... header_addr ......................... load_end_addr ... bss_end_addr
 *                                                                    |---- zeroed ----|
 * </pre>
 */
final class AoutKludge {
    private final String fileName;
    private final byte[] file;
    private final MultibootHeader h;

    AoutKludge(String fileName, byte[] file, MultibootHeader h) {
        this.fileName = fileName;
        this.file = file;
        this.h = h;
    }

    /** What to copy where: file bytes [fileOffset, fileOffset + length) to loadAddr, then zeroes to bssEnd. */
    private record Plan(long fileOffset, long length, long loadAddr, long bssEnd) {
        long loadEnd() {
            return loadAddr + length;
        }
    }

    /** Checks the address fields against the file and RAM, then copies and zeroes; all-or-nothing. */
    BootImage load(PhysicalMemory mem, List<String> warnings) {
        Plan p = plan();
        if (p.bssEnd() > mem.size()) {
            throw bad(ElfLoader.beyondMemory(p.loadAddr(), p.bssEnd() - p.loadAddr(), mem));
        }
        mem.load(p.loadAddr(), file, (int) p.fileOffset(), (int) p.length());
        mem.zero(p.loadEnd(), (int) (p.bssEnd() - p.loadEnd()));
        return new BootImage(h.entryAddr(), (int) p.loadAddr(), (int) p.bssEnd(), h, Optional.empty(), warnings);
    }

    /** Turns the address fields into a {@link Plan}, rejecting fields that contradict each other or the file. */
    private Plan plan() {
        if (h.available() < 32) {
            throw bad("truncated: the multiboot header's address fields (flag bit 16) run past the end of the file");
        }
        long headerAddr = Integer.toUnsignedLong(h.headerAddr());
        long loadAddr = Integer.toUnsignedLong(h.loadAddr());
        long loadEndAddr = Integer.toUnsignedLong(h.loadEndAddr());
        long bssEndAddr = Integer.toUnsignedLong(h.bssEndAddr());
        if (loadAddr > headerAddr) {
            throw bad(String.format("multiboot load_addr 0x%x lies above header_addr 0x%x", loadAddr, headerAddr));
        }
        long fileOffset = h.offset() - (headerAddr - loadAddr);
        if (fileOffset < 0) {
            throw bad(String.format("multiboot header_addr 0x%x - load_addr 0x%x reaches %d bytes before the start "
                + "of the file", headerAddr, loadAddr, -fileOffset));
        }
        long length = loadEndAddr == 0 ? file.length - fileOffset : loadEndAddr - loadAddr;
        if (length < 0) {
            throw bad(String.format("multiboot load_end_addr 0x%x lies below load_addr 0x%x", loadEndAddr, loadAddr));
        }
        if (fileOffset + length > file.length) {
            throw bad(String.format("truncated: multiboot load_end_addr 0x%x needs 0x%x bytes from file offset 0x%x, "
                + "the file has %d bytes", loadEndAddr, length, fileOffset, file.length));
        }
        long bssEnd = bssEndAddr == 0 ? loadAddr + length : bssEndAddr;
        if (bssEnd < loadAddr + length) {
            throw bad(String.format("multiboot bss_end_addr 0x%x lies below the end of the loaded bytes 0x%x",
                bssEndAddr, loadAddr + length));
        }
        return new Plan(fileOffset, length, loadAddr, bssEnd);
    }

    private BadInputException bad(String message) {
        return new BadInputException(fileName, message);
    }
}
