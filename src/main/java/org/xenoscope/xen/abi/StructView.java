package org.xenoscope.xen.abi;

import java.nio.charset.StandardCharsets;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.xen.abi.StructLayout.Field;

/**
 * A {@link StructLayout} placed at a physical address: reads and writes its fields in {@link PhysicalMemory}
 * (little-endian, no caching, so guest writes are seen at once). The generic accessors take field paths;
 * the typed views ({@link StartInfo}, {@link SharedInfo}) add named methods over the same layout.
 */
public class StructView {
    private final PhysicalMemory mem;
    private final long base;
    private final StructLayout layout;

    /** A view of {@code layout} at physical address {@code base} of {@code mem}. */
    public StructView(PhysicalMemory mem, long base, StructLayout layout) {
        this.mem = mem;
        this.base = base;
        this.layout = layout;
    }

    public PhysicalMemory memory() {
        return mem;
    }

    /** Physical address of the structure. */
    public long address() {
        return base;
    }

    public StructLayout layout() {
        return layout;
    }

    /** Contract: the value of an integer field (U8..U64), zero-extended (S8/S16 sign-extended). */
    public long get(String path) {
        Field f = layout.field(path);
        long a = base + f.offset();
        return switch (f.kind()) {
            case U8 -> mem.readByte(a);
            case S8 -> (byte) mem.readByte(a);
            case U16 -> mem.readWord(a);
            case S16 -> (short) mem.readWord(a);
            case U32 -> mem.readDword(a) & 0xFFFFFFFFL;
            case U64 -> mem.readQword(a);
            default -> throw new IllegalArgumentException(layout.name() + "." + path + " is not an integer field");
        };
    }

    /** Contract: stores the low bits of {@code v} into an integer field (U8..U64). */
    public void set(String path, long v) {
        Field f = layout.field(path);
        long a = base + f.offset();
        switch (f.kind()) {
            case U8, S8 -> mem.writeByte(a, (int) v);
            case U16, S16 -> mem.writeWord(a, (int) v);
            case U32 -> mem.writeDword(a, (int) v);
            case U64 -> mem.writeQword(a, v);
            default -> throw new IllegalArgumentException(layout.name() + "." + path + " is not an integer field");
        }
    }

    /** Contract: a CHARS field up to its first NUL (ISO-8859-1). */
    public String getString(String path) {
        Field f = charsField(path);
        byte[] b = mem.read(base + f.offset(), f.size());
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }

    /**
     * Contract: writes {@code s} into a CHARS field, zero-padded to the field's size and always NUL-terminated
     * (a string that does not fit is cut to size - 1 bytes).
     */
    public void setString(String path, String s) {
        Field f = charsField(path);
        byte[] b = new byte[f.size()];
        byte[] src = s.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(src, 0, b, 0, Math.min(src.length, b.length - 1));
        for (int i = 0; i < b.length; i++) {
            mem.writeByte(base + f.offset() + i, b[i]);
        }
    }

    /** Reads the 32-bit word at {@code offset} bytes into the structure. */
    protected int word(int offset) {
        return mem.readDword(base + offset);
    }

    /** Writes the 32-bit word at {@code offset} bytes into the structure. */
    protected void setWord(int offset, int v) {
        mem.writeDword(base + offset, v);
    }

    private Field charsField(String path) {
        Field f = layout.field(path);
        if (f.kind() != StructLayout.Kind.CHARS) {
            throw new IllegalArgumentException(layout.name() + "." + path + " is not a char array");
        }
        return f;
    }
}
