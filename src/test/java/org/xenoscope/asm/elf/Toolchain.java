package org.xenoscope.asm.elf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xenoscope.testutil.Tools;

/** Builds test inputs with the real toolchain (nasm, gcc, ld) in a scratch directory. */
final class Toolchain {
    private static final int TIMEOUT = 60;

    private final Path dir;

    Toolchain(Path dir) {
        this.dir = dir;
    }

    /** Assembles {@code asm} with {@code nasm -f elf32} and returns the relocatable object (not linked). */
    byte[] nasmObject(String name, String asm) {
        write(name + ".asm", asm);
        Tools.check(dir, List.of("nasm", "-f", "elf32", name + ".asm", "-o", name + ".o"), TIMEOUT);
        return read(name + ".o");
    }

    /** Assembles {@code asm} to an object and links it with {@code ld -m elf_i386 ldArgs...}. */
    byte[] nasmElf(String name, String asm, String... ldArgs) {
        nasmObject(name, asm);
        return link(name, ldArgs);
    }

    /** Assembles {@code asm} with {@code nasm -f bin}: a raw binary. */
    byte[] nasmBin(String name, String asm) {
        write(name + ".asm", asm);
        Tools.check(dir, List.of("nasm", "-f", "bin", name + ".asm", "-o", name + ".bin"), TIMEOUT);
        return read(name + ".bin");
    }

    /** Compiles freestanding 32-bit C and links it with {@code ld -m elf_i386 ldArgs...}. */
    byte[] gccElf(String name, String c, String... ldArgs) {
        write(name + ".c", c);
        Tools.check(dir, List.of("gcc", "-m32", "-ffreestanding", "-nostdlib", "-fno-pic", "-static", "-O0",
            "-fno-asynchronous-unwind-tables", "-c", name + ".c", "-o", name + ".o"), TIMEOUT);
        return link(name, ldArgs);
    }

    /** Writes a text file (e.g. a linker script) into the scratch directory and returns its path. */
    Path write(String file, String text) {
        try {
            return Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Output of {@code nm} on the linked ELF {@code name}. */
    String nm(String name) {
        return Tools.check(dir, List.of("nm", name + ".elf"), TIMEOUT).stdout();
    }

    private byte[] link(String name, String... ldArgs) {
        List<String> cmd = new ArrayList<>(List.of("ld", "-m", "elf_i386"));
        cmd.addAll(List.of(ldArgs));
        cmd.addAll(List.of(name + ".o", "-o", name + ".elf"));
        Tools.check(dir, cmd, TIMEOUT);
        return read(name + ".elf");
    }

    private byte[] read(String file) {
        try {
            return Files.readAllBytes(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
