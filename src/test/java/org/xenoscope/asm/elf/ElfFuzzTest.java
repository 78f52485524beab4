package org.xenoscope.asm.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.testutil.Tools;

/**
 * Mutates real ELF files thousands of times (fixed seed) and checks that each mutant either parses and loads
 * into a 16 MiB machine or is rejected with a {@link BadInputException}: no other exception may escape.
 */
class ElfFuzzTest {
    private static final int MUTANTS = 5000;
    private static final long SEED = 20031019L;
    private static final int MIB = 1 << 20;
    /** (offset, size) of the ELF header fields worth corrupting. */
    private static final int[][] EHDR_FIELDS = {{4, 1}, {5, 1}, {16, 2}, {18, 2}, {24, 4}, {28, 4}, {32, 4},
        {42, 2}, {44, 2}, {46, 2}, {48, 2}, {50, 2}};

    @TempDir
    Path dir;

    private final PhysicalMemory mem = new PhysicalMemory(16 * MIB);
    private int parsed;
    private int loaded;
    private int rejected;

    @Test
    void mutantsLoadOrGiveBadInput() {
        Tools.require("nasm", "ld", "gcc");
        Toolchain tc = new Toolchain(dir);
        List<byte[]> originals = List.of(
            tc.nasmElf("basic", Samples.BASIC_ASM, Samples.BASIC_LD),
            tc.gccElf("prog", Samples.C_SOURCE, "-Ttext", "0x100000"),
            tc.nasmElf("mb", Samples.MULTIBOOT_ASM, "-Ttext", "0x100000"));
        for (byte[] f : originals) {
            ElfLoader.load(ElfImage.parse("original", f), mem, true);      // the originals are good
        }
        Random rnd = new Random(SEED);
        for (int i = 0; i < MUTANTS; i++) {
            byte[] original = originals.get(i % originals.size());
            List<String> how = new ArrayList<>();
            byte[] mutant = mutate(original, rnd, how);
            try {
                exercise("mutant" + i + ".elf", mutant, rnd);
            } catch (RuntimeException | Error e) {
                fail("mutant " + i + " (" + String.join(", ", how) + ") threw " + e, e);
            }
        }
        assertThat(parsed + rejected).isEqualTo(MUTANTS);
        assertThat(rejected).as("rejected").isGreaterThan(MUTANTS / 10);
        assertThat(loaded).as("parsed and loaded").isGreaterThan(MUTANTS / 10);
    }

    /** Parses, queries, loads and multiboot-loads one mutant; only BadInputException is allowed out. */
    private void exercise(String name, byte[] mutant, Random rnd) {
        try {
            ElfImage img = ElfImage.parse(name, mutant);
            parsed++;
            img.symbolAt(rnd.nextInt());
            img.notes().forEach(n -> n.descString());
            try {
                ElfLoader.load(img, mem, rnd.nextBoolean());
                loaded++;
            } catch (BadInputException e) {
                checkOneLine(name, e);
            }
        } catch (BadInputException e) {
            rejected++;
            checkOneLine(name, e);
        }
        try {
            Multiboot.loadKernel(name, mutant, mem);
        } catch (BadInputException e) {
            checkOneLine(name, e);
        }
    }

    private static void checkOneLine(String name, BadInputException e) {
        if (!e.oneLine().startsWith(name + ": ") || e.oneLine().contains("\n")) {
            fail("not a one-line message: " + e.oneLine());
        }
    }

    /** One to three random mutations of a copy of {@code f}; {@code how} records them for the failure message. */
    private static byte[] mutate(byte[] f, Random rnd, List<String> how) {
        byte[] m = f.clone();
        int n = 1 + rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
            switch (rnd.nextInt(6)) {
                case 0 -> m = flipBytes(m, rnd, m.length, how);
                case 1 -> m = flipBytes(m, rnd, Math.min(m.length, headersEnd(f)), how);
                case 2 -> {
                    int len = rnd.nextInt(m.length + 1);
                    how.add("truncate to " + len);
                    m = Arrays.copyOf(m, len);
                }
                case 3 -> overwriteEhdrField(m, rnd, how);
                case 4 -> overwriteTableField(m, rnd, how, 28, 44, Elf32.PHDR_SIZE);
                default -> {
                    if (rnd.nextBoolean()) {
                        overwriteTableField(m, rnd, how, 32, 48, Elf32.SHDR_SIZE);
                    } else {
                        mutateMultibootHeader(m, rnd, how);
                    }
                }
            }
        }
        return m;
    }

    private static byte[] flipBytes(byte[] m, Random rnd, int limit, List<String> how) {
        if (limit <= 0) {
            return m;
        }
        for (int j = 1 + rnd.nextInt(8); j > 0; j--) {
            int at = rnd.nextInt(limit);
            m[at] ^= (byte) (1 + rnd.nextInt(255));
            how.add("flip byte " + at);
        }
        return m;
    }

    private static void overwriteEhdrField(byte[] m, Random rnd, List<String> how) {
        int[] field = EHDR_FIELDS[rnd.nextInt(EHDR_FIELDS.length)];
        put(m, field[0], field[1], extreme(m, rnd), how);
    }

    /** Overwrites a dword of a program (or section) header, locating the table through the (mutated) header. */
    private static void overwriteTableField(byte[] m, Random rnd, List<String> how, int offField, int numField,
                                            int entSize) {
        if (m.length < Elf32.EHDR_SIZE) {
            return;
        }
        long off = Integer.toUnsignedLong(ElfBytes.get32(m, offField));
        int num = Math.max(1, ElfBytes.get16(m, numField));
        long at = off + (long) rnd.nextInt(num) * entSize + 4L * rnd.nextInt(entSize / 4);
        if (at + 4 <= m.length) {
            put(m, (int) at, 4, extreme(m, rnd), how);
        }
    }

    /** Sets flag bit 16 (and maybe others) with a valid checksum, and extreme address fields. */
    private static void mutateMultibootHeader(byte[] m, Random rnd, List<String> how) {
        Multiboot.findHeader(m).ifPresent(h -> {
            int flags = Multiboot.MULTIBOOT_AOUT_KLUDGE | rnd.nextInt(8) | (rnd.nextInt(10) == 0 ? 1 << 5 : 0);
            put(m, h.offset() + 4, 4, flags, how);
            put(m, h.offset() + 8, 4, -(Multiboot.MULTIBOOT_HEADER_MAGIC + flags), how);
            for (int f = 12; f < 32; f += 4) {
                if (rnd.nextBoolean() && h.offset() + f + 4 <= m.length) {
                    int base = 0x100000 + (rnd.nextBoolean() ? 0 : rnd.nextInt(0x4000));
                    put(m, h.offset() + f, 4, rnd.nextBoolean() ? base : extreme(m, rnd), how);
                }
            }
        });
    }

    private static int extreme(byte[] m, Random rnd) {
        int[] values = {0, 1, 2, 3, 4, 0x7F, 0x80, 0xFF, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF,
            0xFFFFFFF0, m.length, m.length - 1, m.length + 1, 16 * MIB, 16 * MIB - 1, rnd.nextInt()};
        return values[rnd.nextInt(values.length)];
    }

    private static void put(byte[] m, int at, int size, int v, List<String> how) {
        if (at < 0 || at + size > m.length) {
            return;
        }
        how.add(String.format("set %d bytes at 0x%x to 0x%x", size, at, v));
        for (int i = 0; i < size; i++) {
            m[at + i] = (byte) (v >>> (8 * i));
        }
    }

    /** End of the ELF and program headers of the original file. */
    private static int headersEnd(byte[] f) {
        return ElfBytes.get32(f, 28) + ElfBytes.get16(f, 44) * Elf32.PHDR_SIZE;
    }
}
