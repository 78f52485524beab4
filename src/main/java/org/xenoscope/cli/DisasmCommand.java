package org.xenoscope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.asm.disasm.Listing;
import org.xenoscope.asm.disasm.SymbolTable;
import org.xenoscope.asm.elf.ElfImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code xenoscope disasm FILE [--start ADDR] [--count N] [--raw --org ADDR] [--no-show-raw-insn]}: lists the
 * code of an ELF32 file (its code sections, with symbols) or of a flat binary in Intel syntax, in the layout of
 * {@code objdump -d -M intel}. Exit status 0, or 2 with one line on stderr for bad input.
 */
@Command(name = "disasm", mixinStandardHelpOptions = true,
    description = {"Disassemble an ELF32 file (its code sections, with symbols) or a flat binary (--raw) in Intel "
        + "syntax, as objdump -d -M intel prints it."})
final class DisasmCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "an i386 ELF executable, or a flat binary with --raw")
    private Path file;

    @Option(names = "--start", paramLabel = "ADDR", description = "begin at this address (hex with 0x, or decimal)")
    private String start;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
        description = "show at most N instructions; 0 = all (default)")
    private long count;

    @Option(names = "--raw", description = "FILE is a flat binary (needs --org)")
    private boolean raw;

    @Option(names = "--org", paramLabel = "ADDR", description = "load address of a --raw binary")
    private String org;

    @Option(names = "--no-show-raw-insn", description = "do not show the instruction bytes")
    private boolean noRawBytes;

    @Option(names = {"-z", "--disassemble-zeroes"}, description = "do not skip runs of zero bytes")
    private boolean zeroes;

    private final PrintStream out;

    DisasmCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (count < 0) {
            throw new BadInputException("--count", "must be 0 (all) or positive, got " + count);
        }
        long startAddr = start == null ? -1 : address("--start", start);
        if (raw && org == null) {
            throw new BadInputException("--raw", "needs --org ADDR, the address the binary is loaded at");
        }
        if (!raw && org != null) {
            throw new BadInputException("--org", "only applies to a --raw binary");
        }
        Listing.Options opt = new Listing.Options(!noRawBytes, !zeroes, startAddr, count);
        String name = file.toString();
        byte[] bytes = RunCommand.readKernel(file, name);
        if (raw) {
            long base = address("--org", org);
            if (base + bytes.length > 0x1_0000_0000L) {
                throw new BadInputException(name, String.format("%d bytes at --org 0x%x run past 4 GiB",
                    bytes.length, base));
            }
            checkStart(startAddr >= 0 && (startAddr < base || startAddr >= base + bytes.length), startAddr, name);
            out.print(Listing.raw(name, bytes, (int) base, SymbolTable.NONE, opt));
        } else {
            if (!ElfImage.isElf(bytes)) {
                throw new BadInputException(name, "not an ELF file (for a flat binary use --raw --org ADDR)");
            }
            ElfImage elf = ElfImage.parse(name, bytes);
            checkStart(startAddr >= 0 && !Listing.inCode(elf, startAddr), startAddr, name);
            out.print(Listing.of(elf, opt));
        }
        return Main.EXIT_OK;
    }

    private static void checkStart(boolean outside, long startAddr, String name) {
        if (outside) {
            throw new BadInputException("--start", String.format("0x%x is not in the code of %s", startAddr, name));
        }
    }

    /** Parses a 32-bit address: {@code 0x1000} (hex) or {@code 4096} (decimal). */
    static long address(String option, String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            long v = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            if (v < 0 || v > 0xFFFF_FFFFL) {
                throw new BadInputException(option, "address out of the 32-bit range: " + text);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInputException(option, "not an address: '" + text + "' (use 0x... or decimal)");
        }
    }
}
