package org.xenoscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.asm.nasm.AsmErrors;
import org.xenoscope.asm.nasm.Assembler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xenoscope run --bare-metal KERNEL.elf [--max-instructions N] [--memory MB]}: boots a multiboot-1 kernel
 * the way {@code qemu-system-i386 -kernel} does and runs it headless; COM1 goes to stdout, the exit status says how
 * the guest ended (see {@link Main}).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Boot a multiboot-1 ELF32 kernel on the bare simulated PC (like qemu-system-i386 -kernel).",
        "COM1 output goes to stdout. Exit status: (v<<1)|1 when the guest writes v to port 0xF4, 0 on HLT with "
            + "interrupts off, 1 on a triple fault, 3 when the instruction limit is reached, 2 on bad input."})
final class RunCommand implements Callable<Integer> {
    static final int MIN_MEMORY_MB = 2;
    static final int MAX_MEMORY_MB = 1024;

    @Option(names = "--bare-metal", paramLabel = "KERNEL.elf|KERNEL.asm", required = true,
        description = "the multiboot kernel to boot: an ELF32 file, or NASM source that is assembled first "
            + "(no external toolchain needed)")
    private Path kernel;

    @Option(names = "--max-instructions", paramLabel = "N", defaultValue = "0",
        description = "stop (exit status 3) after N instructions; 0 = no limit (default)")
    private long maxInstructions;

    @Option(names = "--memory", paramLabel = "MB", defaultValue = "128",
        description = "RAM size in MiB, " + MIN_MEMORY_MB + ".." + MAX_MEMORY_MB + " (default: ${DEFAULT-VALUE})")
    private int memoryMb;

    private final PrintStream out;
    private final PrintStream err;

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (maxInstructions < 0) {
            throw new BadInputException("--max-instructions", "must be 0 (no limit) or positive, got "
                + maxInstructions);
        }
        if (memoryMb < MIN_MEMORY_MB || memoryMb > MAX_MEMORY_MB) {
            throw new BadInputException("--memory", "must be between " + MIN_MEMORY_MB + " and " + MAX_MEMORY_MB
                + " MB, got " + memoryMb);
        }
        String name = kernel.toString();
        byte[] bytes;
        if (name.endsWith(".asm")) {
            readKernel(kernel, name); // the same one-line errors for a missing or unreadable file
            try {
                bytes = Assembler.assembleFile(kernel, Assembler.Options.elf()).image();
            } catch (AsmErrors e) {
                err.println(e.render());
                return Main.EXIT_BAD_INPUT;
            }
        } else {
            bytes = readKernel(kernel, name);
        }
        return new BareMetalRunner(out, err).boot(name, bytes, memoryMb, maxInstructions).exitStatus();
    }

    /** The file's bytes; an unreadable file is bad input named after the path the user gave. */
    static byte[] readKernel(Path p, String name) {
        if (Files.isDirectory(p)) {
            throw new BadInputException(name, "is a directory, not a kernel file");
        }
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name, "no such file");
        } catch (AccessDeniedException e) {
            throw new BadInputException(name, "permission denied");
        } catch (IOException e) {
            throw new BadInputException(name, "cannot read: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new BadInputException(name, "too large to load");
        }
    }
}
