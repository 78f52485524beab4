package org.xenoscope.asm.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Hand-made ELF32 files for error tests: a 52-byte header, program headers right after it, then the segment
 * bytes. No sections. Fields are patched with {@link #put32}/{@link #put16} to make each error.
 */
final class ElfBytes {
    /** One PT_LOAD: vaddr = paddr, data taken from the file. */
    record Load(int addr, byte[] data, int memSize) {
    }

    private ElfBytes() {
    }

    /** A valid static i386 executable with these PT_LOAD segments and entry at the first one. */
    static byte[] executable(Load... loads) {
        int phoff = Elf32.EHDR_SIZE;
        int dataOff = phoff + loads.length * Elf32.PHDR_SIZE;
        int size = dataOff;
        for (Load l : loads) {
            size += l.data().length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7F, 'E', 'L', 'F', 1, 1, 1});
        b.putShort(16, (short) Elf32.ET_EXEC).putShort(18, (short) Elf32.EM_386).putInt(20, 1);
        b.putInt(24, loads.length == 0 ? 0 : loads[0].addr()).putInt(28, phoff).putInt(32, 0);
        b.putShort(40, (short) Elf32.EHDR_SIZE).putShort(42, (short) Elf32.PHDR_SIZE);
        b.putShort(44, (short) loads.length).putShort(46, (short) Elf32.SHDR_SIZE).putShort(48, (short) 0);
        int off = dataOff;
        for (int i = 0; i < loads.length; i++) {
            Load l = loads[i];
            int p = phoff + i * Elf32.PHDR_SIZE;
            b.putInt(p, Elf32.PT_LOAD).putInt(p + 4, off).putInt(p + 8, l.addr()).putInt(p + 12, l.addr());
            b.putInt(p + 16, l.data().length).putInt(p + 20, l.memSize());
            b.putInt(p + 24, Elf32.PF_R | Elf32.PF_X).putInt(p + 28, 4);
            b.put(off, l.data());
            off += l.data().length;
        }
        return b.array();
    }

    /** The usual two-segment test file: code at 1 MiB, data + bss at 1 MiB + 4 KiB. */
    static byte[] twoSegments() {
        return executable(new Load(0x100000, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x90, (byte) 0x90}, 4),
            new Load(0x101000, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 0x100));
    }

    /** Offset of field {@code field} (byte offset inside the header) of program header {@code i}. */
    static int ph(int i, int field) {
        return Elf32.EHDR_SIZE + i * Elf32.PHDR_SIZE + field;
    }

    static byte[] put32(byte[] f, int off, int v) {
        ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putInt(off, v);
        return f;
    }

    static byte[] put16(byte[] f, int off, int v) {
        ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putShort(off, (short) v);
        return f;
    }

    static int get32(byte[] f, int off) {
        return ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).getInt(off);
    }

    static int get16(byte[] f, int off) {
        return ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).getShort(off) & 0xFFFF;
    }
}
