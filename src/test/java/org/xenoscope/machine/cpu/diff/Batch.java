package org.xenoscope.machine.cpu.diff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xenoscope.testutil.Tools;

/**
 * One program: a batch of cases assembled and linked in its own directory under target/. Gives the native
 * record stream (the host runs the ELF), the flat image for Xenoscope (objcopy -O binary, which starts at
 * {@link Layout#DATA_BASE}) and the addresses of the case labels.
 */
public final class Batch {
    private final List<TestCase> cases;
    private final Path dir;
    private final Path elf;
    private Map<String, Integer> symbols;

    /** Writes, assembles and links the program for {@code cases} into {@code dir}. */
    public Batch(List<TestCase> cases, Path dir) {
        this.cases = List.copyOf(cases);
        this.dir = dir;
        this.elf = dir.resolve("prog");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("prog.asm"), ProgramWriter.program(cases));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tools.check(dir, List.of("nasm", "-f", "elf32", "-o", "prog.o", "prog.asm"), 300);
        Tools.check(dir, List.of("ld", "-m", "elf_i386", "-Tdata=" + hex(Layout.DATA_BASE),
            "-Ttext=" + hex(Layout.TEXT_BASE), "-e", "_start", "-o", "prog", "prog.o"), 120);
        checkLayout();
    }

    public List<TestCase> cases() {
        return cases;
    }

    public Path dir() {
        return dir;
    }

    /** Runs the program on the host CPU and returns what it wrote to stdout. */
    public byte[] runNative() {
        Tools.Result r = Tools.run(dir, List.of(elf.toString()), 120);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(elf + ": native run exited " + r.exitCode() + " " + r.stderr());
        }
        return r.stdout().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The loadable image: every allocated section from DATA_BASE on, gaps zero-filled. */
    public byte[] image() {
        Path bin = dir.resolve("prog.bin");
        Tools.check(dir, List.of("objcopy", "-O", "binary", "prog", "prog.bin"), 60);
        try {
            return Files.readAllBytes(bin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Address of a symbol of the program (case_N, arena, _start...). */
    public int symbol(String name) {
        Integer a = symbols().get(name);
        if (a == null) {
            throw new IllegalStateException(elf + ": no symbol " + name);
        }
        return a;
    }

    private Map<String, Integer> symbols() {
        if (symbols == null) {
            Map<String, Integer> map = new HashMap<>();
            for (String line : Tools.check(dir, List.of("nm", "prog"), 60).stdout().split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 3) {
                    map.put(f[2], (int) Long.parseLong(f[0], 16));
                }
            }
            symbols = map;
        }
        return symbols;
    }

    /** The generator computed addresses from {@link Layout}; the linker must agree. */
    private void checkLayout() {
        if (symbol("arena") != Layout.ARENA || symbol("dump_top") != Layout.DUMP_STACK_TOP
            || symbol("rec") != Layout.DATA_BASE || symbol("_start") != Layout.TEXT_BASE) {
            throw new IllegalStateException(elf + ": linked layout differs from Layout");
        }
    }

    private static String hex(int v) {
        return "0x" + Integer.toHexString(v);
    }
}
