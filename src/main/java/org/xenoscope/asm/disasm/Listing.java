package org.xenoscope.asm.disasm;

import java.util.List;
import org.xenoscope.asm.elf.ElfImage;

/**
 * A disassembly listing in objdump's layout, for {@code xenoscope disasm}:
 *
 * <pre>
 *   00100010 &lt;adler32&gt;:                                       a label line before each symbol
 *     100010:  55                      push   ebp              address: up to 7 bytes, then the text
 *     100028:  8d b4 26 00 00 00 00    lea    esi,[esi+eiz*1+0x0]
 *     10002f:  90 ...                                          longer instructions continue below
 *           ...                                                a run of zero bytes that was skipped
 * </pre>
 *
 * (The columns are separated by tabs, as objdump separates them.) Like {@code objdump -d}, an ELF file is
 * listed by its code sections, each piece between two labels is decoded on its own (an instruction never runs
 * into the next label), and runs of zero bytes are skipped: at least 8 (in multiples of 4 unless they reach the
 * next label), or fewer than 3 just before the next label.
 */
public final class Listing {
    /** Bytes shown on the first line of an instruction (objdump's width for i386). */
    static final int BYTES_PER_LINE = 7;
    static final int SKIP_ZEROES = 8;
    static final int SKIP_ZEROES_AT_END = 3;

    /** What to list and how. {@code count} is the most instructions to show (0: all). */
    public record Options(boolean rawBytes, boolean skipZeroes, long start, long count) {
        /** objdump's defaults: raw bytes, zeroes skipped, everything. */
        public static Options defaults() {
            return new Options(true, true, -1, 0);
        }
    }

    private final Disassembler dis;
    private final Options opt;
    private final StringBuilder out = new StringBuilder();
    private long shown;

    private Listing(Disassembler dis, Options opt) {
        this.dis = dis;
        this.opt = opt;
    }

    /** The listing of the code sections of {@code elf} (its executable PT_LOAD segments if it has no sections). */
    public static String of(ElfImage elf, Options opt) {
        Listing l = new Listing(Disassembler.of(elf), opt);
        l.out.append('\n').append(elf.fileName()).append(":     file format elf32-i386\n\n");
        if (!elf.codeSections().isEmpty()) {
            for (ElfImage.Section s : elf.codeSections()) {
                l.region("section " + s.name(), s.data(), s.addr());
            }
        } else {
            for (ElfImage.Segment s : elf.segments()) {
                if (s.executable()) {
                    l.region(String.format("segment at 0x%08x", s.vaddr()), s.data(), s.vaddr());
                }
            }
        }
        return l.out.toString();
    }

    /** The listing of a flat binary loaded at {@code org}, labelled with {@code symbols}. */
    public static String raw(String fileName, byte[] data, int org, SymbolTable symbols, Options opt) {
        Listing l = new Listing(new Disassembler(symbols), opt);
        l.out.append('\n').append(fileName).append(":     flat binary\n\n");
        l.region(String.format("%s at 0x%08x", fileName, org), data, org);
        return l.out.toString();
    }

    /** True when {@code addr} lies in the code that {@link #of(ElfImage, Options)} lists. */
    public static boolean inCode(ElfImage elf, long addr) {
        if (!elf.codeSections().isEmpty()) {
            return elf.codeSections().stream().anyMatch(s -> within(addr, s.addr(), s.size()));
        }
        return elf.segments().stream().anyMatch(s -> s.executable() && within(addr, s.vaddr(), s.fileSize()));
    }

    private static boolean within(long addr, int base, int size) {
        long b = Integer.toUnsignedLong(base);
        return addr >= b && addr < b + size;
    }

    /** True when {@code start} (or the whole file, without a start) lies in some listed code. */
    private boolean wanted(long from, long to) {
        return opt.start() < 0 || (opt.start() >= from && opt.start() < to);
    }

    /** Lists {@code data} at {@code base}: one piece per label (and one from the start address on). */
    private void region(String title, byte[] data, int base) {
        long from = Integer.toUnsignedLong(base);
        long to = from + data.length;
        if (data.length == 0 || !wanted(from, to) || done()) {
            return;
        }
        long first = opt.start() >= 0 ? opt.start() : from;
        out.append("\nDisassembly of ").append(title).append(":\n");
        SymbolTable syms = dis.symbols();
        List<Long> cuts = syms.labelsIn(first + 1, to);
        cuts.add(to);
        long pieceStart = first;
        for (long cut : cuts) {
            if (done()) {
                return;
            }
            String name = syms.describe((int) pieceStart);
            if (name != null) {
                out.append(String.format("\n%08x <%s>:\n", pieceStart, name));
            } else if (pieceStart == first) {
                out.append('\n');
            }
            piece(data, base, (int) (pieceStart - from), (int) (cut - from));
            pieceStart = cut;
        }
    }

    private boolean done() {
        return opt.count() > 0 && shown >= opt.count();
    }

    /** Lists {@code data[off..end)} (at {@code base + off}), never decoding past {@code end}. */
    private void piece(byte[] data, int base, int off, int end) {
        while (off < end && !done()) {
            int zeroes = zeroRun(data, off, end);
            if (opt.skipZeroes() && (zeroes >= SKIP_ZEROES || (off + zeroes == end && zeroes > 0
                && zeroes < SKIP_ZEROES_AT_END))) {
                out.append("\t...\n");
                off += off + zeroes == end ? zeroes : zeroes & ~3;
                continue;
            }
            DisasmInsn in = dis.decode(data, off, end, base + off);
            line(in);
            shown++;
            off += in.length();
        }
    }

    private static int zeroRun(byte[] data, int off, int end) {
        int k = off;
        while (k < end && data[k] == 0) {
            k++;
        }
        return k - off;
    }

    /** One instruction in objdump's columns, its bytes 7 to a line. */
    private void line(DisasmInsn in) {
        out.append(String.format("%8x:\t", in.address()));
        if (!opt.rawBytes()) {
            out.append(in.text()).append('\n');
            return;
        }
        StringBuilder bytes = new StringBuilder();
        for (int k = 0; k < Math.min(BYTES_PER_LINE, in.length()); k++) {
            bytes.append(String.format("%02x ", in.byteAt(k)));
        }
        out.append(String.format("%-" + (3 * BYTES_PER_LINE) + "s", bytes)).append('\t').append(in.text())
            .append('\n');
        for (int k = BYTES_PER_LINE; k < in.length(); k += BYTES_PER_LINE) {
            out.append(String.format("%8x:\t", in.address() + k));
            for (int j = k; j < Math.min(k + BYTES_PER_LINE, in.length()); j++) {
                out.append(String.format("%02x ", in.byteAt(j)));
            }
            out.append('\n');
        }
    }
}
