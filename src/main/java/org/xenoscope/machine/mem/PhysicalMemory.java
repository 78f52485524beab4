package org.xenoscope.machine.mem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The machine's RAM: a flat array of bytes addressed by physical address, little-endian.
 *
 * <pre>
 *   physical address  +---------------- 20 -----------------+---- 12 ----+
 *                     |      page frame number (pfn)         |   offset   |
 *                     +--------------------------------------+------------+
 * </pre>
 *
 * Addresses at or beyond {@link #size()} are "open bus": reads return all ones, writes are dropped, as on a PC
 * with nothing decoded there. Word and dword accessors accept any alignment.
 *
 * <p>Writes that land on a frame holding decoded instructions are reported to the {@link WriteListener}
 * (the CPU's decoded-instruction cache) so self-modifying code stays correct. The CPU's fast write path never
 * reaches such frames: it only writes through {@link #array()} to frames it knows hold no code.
 */
public final class PhysicalMemory {
    /** Size of a page frame in bytes. */
    public static final int PAGE_SIZE = 4096;
    /** log2 of {@link #PAGE_SIZE}. */
    public static final int PAGE_SHIFT = 12;

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Told about writes to frames marked as holding code. */
    public interface WriteListener {
        /** Bytes [phys, phys+len) of a code frame were written. */
        void codeWritten(int phys, int len);
    }

    private final byte[] ram;
    private final boolean[] codeFrame;
    private WriteListener listener = (phys, len) -> { };

    /** RAM of {@code bytes} bytes (rounded up to whole pages), zero-filled. */
    public PhysicalMemory(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("memory size must be positive");
        }
        int pages = (int) ((bytes + (long) PAGE_SIZE - 1) / PAGE_SIZE);
        this.ram = new byte[pages * PAGE_SIZE];
        this.codeFrame = new boolean[pages];
    }

    public int size() {
        return ram.length;
    }

    public int frames() {
        return codeFrame.length;
    }

    /** The backing array, for the CPU's fast paths only. */
    public byte[] array() {
        return ram;
    }

    public void setWriteListener(WriteListener l) {
        this.listener = l;
    }

    /** Marks (or unmarks) frame {@code pfn} as holding decoded instructions. */
    public void setCodeFrame(int pfn, boolean code) {
        codeFrame[pfn] = code;
    }

    public boolean isCodeFrame(int pfn) {
        return pfn >= 0 && pfn < codeFrame.length && codeFrame[pfn];
    }

    /** True when [phys, phys+len) lies wholly in RAM. */
    public boolean inRam(long phys, int len) {
        return phys >= 0 && phys + len <= ram.length;
    }

    public int readByte(long phys) {
        return inRam(phys, 1) ? ram[(int) phys] & 0xFF : 0xFF;
    }

    public int readWord(long phys) {
        if (inRam(phys, 2)) {
            return (short) SHORT.get(ram, (int) phys) & 0xFFFF;
        }
        return readByte(phys) | readByte(phys + 1) << 8;
    }

    public int readDword(long phys) {
        if (inRam(phys, 4)) {
            return (int) INT.get(ram, (int) phys);
        }
        return readWord(phys) | readWord(phys + 2) << 16;
    }

    public long readQword(long phys) {
        if (inRam(phys, 8)) {
            return (long) LONG.get(ram, (int) phys);
        }
        return (readDword(phys) & 0xFFFFFFFFL) | (long) readDword(phys + 4) << 32;
    }

    public void writeByte(long phys, int v) {
        if (inRam(phys, 1)) {
            ram[(int) phys] = (byte) v;
            noteWrite(phys, 1);
        }
    }

    public void writeWord(long phys, int v) {
        if (inRam(phys, 2)) {
            SHORT.set(ram, (int) phys, (short) v);
            noteWrite(phys, 2);
        } else {
            writeByte(phys, v);
            writeByte(phys + 1, v >>> 8);
        }
    }

    public void writeDword(long phys, int v) {
        if (inRam(phys, 4)) {
            INT.set(ram, (int) phys, v);
            noteWrite(phys, 4);
        } else {
            writeWord(phys, v);
            writeWord(phys + 2, v >>> 16);
        }
    }

    public void writeQword(long phys, long v) {
        writeDword(phys, (int) v);
        writeDword(phys + 4, (int) (v >>> 32));
    }

    /** Copies {@code len} bytes of {@code src} from {@code off} to physical {@code phys} (must be in RAM). */
    public void load(long phys, byte[] src, int off, int len) {
        if (!inRam(phys, len)) {
            throw new IllegalArgumentException(String.format("load of %d bytes at 0x%x lies outside RAM", len, phys));
        }
        System.arraycopy(src, off, ram, (int) phys, len);
        noteWrite(phys, len);
    }

    /** Zero-fills [phys, phys+len) (must be in RAM). */
    public void zero(long phys, int len) {
        if (!inRam(phys, len)) {
            throw new IllegalArgumentException(String.format("zero of %d bytes at 0x%x lies outside RAM", len, phys));
        }
        java.util.Arrays.fill(ram, (int) phys, (int) phys + len, (byte) 0);
        noteWrite(phys, len);
    }

    /** Reads [phys, phys+len) into a new array (open bus reads as 0xFF). */
    public byte[] read(long phys, int len) {
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++) {
            out[i] = (byte) readByte(phys + i);
        }
        return out;
    }

    private void noteWrite(long phys, int len) {
        int first = (int) (phys >>> PAGE_SHIFT);
        int last = (int) ((phys + len - 1) >>> PAGE_SHIFT);
        for (int pfn = first; pfn <= last; pfn++) {
            if (codeFrame[pfn]) {
                listener.codeWritten((int) phys, len);
                return;
            }
        }
    }

    /** Raw little-endian dword read from the backing array (caller guarantees bounds). */
    public static int getDword(byte[] a, int i) {
        return (int) INT.get(a, i);
    }

    public static int getWord(byte[] a, int i) {
        return (short) SHORT.get(a, i) & 0xFFFF;
    }

    public static void putDword(byte[] a, int i, int v) {
        INT.set(a, i, v);
    }

    public static void putWord(byte[] a, int i, int v) {
        SHORT.set(a, i, (short) v);
    }
}
