package org.xenoscope.asm.nasm;

import java.util.Arrays;

/**
 * A section ({@code section .text}) as the passes fill it: its attributes, the bytes assembled into it in the
 * current pass, and the address the layout gave it.
 *
 * <p>Attributes follow NASM's ELF defaults: {@code .text} progbits exec, {@code .data} progbits write,
 * {@code .rodata} progbits, {@code .bss} nobits write, {@code .note*} a note; others progbits, and the keywords
 * {@code progbits nobits note exec noexec write nowrite alloc noalloc align=N start=N} override them.
 */
final class Section {
    /** Stands for "relocatable relative to several sections" in {@link Val#section()}; never laid out. */
    static final Section MIXED = new Section("(mixed)", -1);

    final String name;
    /** Position in order of first definition (0 = .text, which always exists). */
    final int index;
    boolean nobits;
    boolean note;
    boolean exec;
    boolean write;
    boolean alloc = true;
    /** {@code align=N} from the section directive, 0 when not given. */
    long alignAttr;
    /** The largest {@code align} used inside the section (NASM's {@code sectalign}). */
    long sectAlign = 1;
    /** {@code start=N} from the section directive, or null. */
    Long start;

    /** Order of first use in the source (a section directive, a label or bytes in it); -1 while unused. */
    int useOrder = -1;

    /** Address of offset 0, as laid out after the previous pass (0 before the first layout). */
    long base;

    /** Bytes of this pass (progbits only) and the current offset (for nobits: the reserved size). */
    private byte[] data = new byte[256];
    private long size;

    Section(String name, int index) {
        this.name = name;
        this.index = index;
        applyDefaults();
    }

    private void applyDefaults() {
        if (name.equals(".text") || name.startsWith(".text.")) {
            exec = true;
        } else if (name.equals(".data") || name.startsWith(".data.")) {
            write = true;
        } else if (name.equals(".bss") || name.startsWith(".bss.")) {
            nobits = true;
            write = true;
        } else if (name.startsWith(".note")) {
            note = true;
        }
    }

    /** The alignment the layout uses: align=, raised by any {@code align} inside; at least 4 (NASM bin). */
    long alignment() {
        return Math.max(Math.max(alignAttr, sectAlign), 4);
    }

    /** Starts a new pass: no bytes, offset 0 (attributes and base are kept). */
    void reset() {
        size = 0;
        data = new byte[256];
        sectAlign = 1;
    }

    long size() {
        return size;
    }

    /** Appends bytes (progbits) or just advances the offset (nobits). */
    void emit(byte[] bytes) {
        emit(bytes, 0, bytes.length);
    }

    void emit(byte[] bytes, int from, int len) {
        if (!nobits) {
            ensure(size + len);
            System.arraycopy(bytes, from, data, (int) size, len);
        }
        size += len;
    }

    /** Appends {@code n} zero bytes (or reserves them in a nobits section). */
    void zeros(long n) {
        if (!nobits) {
            ensure(size + n);
        }
        size += n;
    }

    private void ensure(long need) {
        if (need > Assembler.MAX_OUTPUT) {
            throw new SyntaxError(null, "output too large (over " + Assembler.MAX_OUTPUT / (1024 * 1024)
                + " MiB)");
        }
        if (need > data.length) {
            data = Arrays.copyOf(data, (int) Math.min(Assembler.MAX_OUTPUT, Math.max(need, 2L * data.length)));
        }
    }

    /** The bytes of this pass (empty for nobits). */
    byte[] bytes() {
        return nobits ? new byte[0] : Arrays.copyOf(data, (int) size);
    }

    /** {@code length} bytes at {@code offset} from this pass (for the listing). */
    byte[] slice(long offset, long length) {
        if (nobits || offset < 0 || offset + length > size) {
            return new byte[0];
        }
        return Arrays.copyOfRange(data, (int) offset, (int) (offset + length));
    }

    @Override
    public String toString() {
        return name;
    }
}
