package org.xenoscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.asm.nasm.AsmError;
import org.xenoscope.asm.nasm.AsmErrors;
import org.xenoscope.asm.nasm.Assembler;
import org.xenoscope.asm.nasm.Assembly;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code xenoscope asm FILE.asm [-o OUT] [-f bin|elf] [-l LISTING] [-I DIR]...}: assembles NASM-syntax source
 * without an installed toolchain. Errors go to stderr as {@code file:line:column: message} with the source line
 * and a caret, all of them, then the exit status is 2; warnings are printed and do not fail.
 */
@Command(name = "asm", mixinStandardHelpOptions = true,
    description = {"Assemble NASM-syntax source (32-bit) into a flat binary (like nasm -f bin) or a static i386 ELF "
        + "executable (like nasm -f elf32 + ld), with an optional listing.",
        "The ELF entry point is the label _start, else start, else the start of .text; sections named .note* "
            + "become PT_NOTE segments (see sample-guests/include/xen-elfnote.inc).",
        "Exit status: 0 success, 2 errors (all printed on stderr)."})
final class AsmCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.asm", description = "the source file")
    private Path source;

    @Option(names = "-o", paramLabel = "OUT", description = "output file (default: FILE.bin or FILE.elf)")
    private Path output;

    @Option(names = "-f", paramLabel = "FORMAT", defaultValue = "bin",
        description = "bin (flat binary) or elf (static ELF32 executable); default: ${DEFAULT-VALUE}")
    private String format;

    @Option(names = "-l", paramLabel = "LISTING", description = "write a listing (and the symbol table) here")
    private Path listing;

    @Option(names = "-I", paramLabel = "DIR", description = "also look for %%include and incbin files here")
    private List<Path> includeDirs = new ArrayList<>();

    private final PrintStream out;
    private final PrintStream err;

    AsmCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Assembler.Format f = switch (format.toLowerCase(Locale.ROOT)) {
            case "bin" -> Assembler.Format.BIN;
            case "elf", "elf32" -> Assembler.Format.ELF;
            default -> throw new BadInputException("-f", "unknown output format `" + format + "' (bin or elf)");
        };
        Assembly a;
        try {
            a = Assembler.assembleFile(source, new Assembler.Options(f, includeDirs, 20));
        } catch (AsmErrors e) {
            err.println(e.render());
            return Main.EXIT_BAD_INPUT;
        }
        for (AsmError w : a.warnings()) {
            err.println(w.render());
        }
        Path dest = output != null ? output : defaultOutput(source, f);
        write(dest, a.image());
        if (listing != null) {
            String text = a.listingText() + System.lineSeparator() + "Symbols:" + System.lineSeparator()
                + a.symbolText();
            write(listing, text.getBytes(StandardCharsets.UTF_8));
        }
        return Main.EXIT_OK;
    }

    /** FILE.asm → FILE.bin or FILE.elf beside it. */
    static Path defaultOutput(Path source, Assembler.Format f) {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return source.resolveSibling(stem + (f == Assembler.Format.BIN ? ".bin" : ".elf"));
    }

    private static void write(Path p, byte[] bytes) {
        try {
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new BadInputException(p.toString(), "cannot write: " + e.getMessage());
        }
    }
}
