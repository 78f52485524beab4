package org.xenoscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.asm.nasm.AsmErrors;
import org.xenoscope.asm.nasm.Assembler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code xenoscope run GUEST.elf|GUEST.asm [--memory MB] [--cmdline STR] [--max-instructions N] [--trace FILE]}:
 * builds one paravirtualised domain on the hypervisor and runs it ({@link PvRunner}); with {@code --bare-metal
 * KERNEL} instead boots a multiboot-1 kernel on the bare PC the way {@code qemu-system-i386 -kernel} does
 * ({@link BareMetalRunner}). The console goes to stdout, the exit status says how the guest ended.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run a Xen PV guest (ELF32 with Xen notes, or NASM source) on the hypervisor, or with "
        + "--bare-metal a multiboot-1 kernel on the bare simulated PC (like qemu-system-i386 -kernel).",
        "The guest's console goes to stdout.",
        "Exit status (PV): 0 on shutdown(poweroff), 1 on a crash, shutdown(crash) or another shutdown reason "
            + "(the hypervisor's reason on stderr), 3 when the instruction limit is reached, 2 on bad input.",
        "Exit status (bare metal): (v<<1)|1 when the guest writes v to port 0xF4, 0 on HLT with interrupts off, "
            + "1 on a triple fault, 3 at the instruction limit, 2 on bad input."})
final class RunCommand implements Callable<Integer> {
    static final int MIN_MEMORY_MB = 2;
    static final int MAX_MEMORY_MB = 1024;
    static final int PV_DEFAULT_MEMORY_MB = 32;
    static final int BARE_DEFAULT_MEMORY_MB = 128;

    @Parameters(arity = "0..*", paramLabel = "GUEST.elf|GUEST.asm",
        description = "the PV guest(s) to boot: ELF32 kernels with Xen ELF notes, or NASM source assembled first; "
            + "with several, each gets its own domain and they share the CPU round robin")
    private List<Path> guests = new ArrayList<>();

    @Option(names = "--bare-metal", paramLabel = "KERNEL.elf|KERNEL.asm",
        description = "boot this multiboot kernel on the bare PC instead: an ELF32 file, or NASM source that is "
            + "assembled first (no external toolchain needed)")
    private Path kernel;

    @Option(names = "--cmdline", paramLabel = "STR", defaultValue = "",
        description = "PV: the guest's command line (start_info.cmd_line)")
    private String cmdline;

    @Option(names = "--trace", paramLabel = "FILE",
        description = "PV: write every hypervisor entry (hypercalls, bounced exceptions, emulated instructions, "
            + "events, shutdown or kill) to FILE as JSON lines")
    private Path trace;

    @Option(names = "--max-instructions", paramLabel = "N", defaultValue = "0",
        description = "stop (exit status 3) after N instructions; 0 = no limit (default)")
    private long maxInstructions;

    @Option(names = "--memory", paramLabel = "MB",
        description = "PV: the domain's memory; bare metal: the PC's RAM; in MiB, " + MIN_MEMORY_MB + ".."
            + MAX_MEMORY_MB + " (default " + PV_DEFAULT_MEMORY_MB + " for PV, " + BARE_DEFAULT_MEMORY_MB
            + " for bare metal)")
    private Integer memoryOption;

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
        Path guest = guests.isEmpty() ? null : guests.get(0);
        if ((guest == null) == (kernel == null)) {
            throw new BadInputException("run", guest == null
                ? "give a guest to run: run GUEST.elf, or run --bare-metal KERNEL.elf"
                : "give either a PV guest or --bare-metal KERNEL, not both");
        }
        int memoryMb = memoryOption != null ? memoryOption
            : guest != null ? PV_DEFAULT_MEMORY_MB : BARE_DEFAULT_MEMORY_MB;
        if (memoryMb < MIN_MEMORY_MB || memoryMb > MAX_MEMORY_MB) {
            throw new BadInputException("--memory", "must be between " + MIN_MEMORY_MB + " and " + MAX_MEMORY_MB
                + " MB, got " + memoryMb);
        }
        if (guest != null) {
            List<PvRunner.Guest> images = new ArrayList<>();
            for (Path g : guests) {
                byte[] b = image(g);
                if (b == null) {
                    return Main.EXIT_BAD_INPUT;
                }
                images.add(new PvRunner.Guest(g.toString(), b));
            }
            return new PvRunner(out, err).run(images, memoryMb, cmdline, maxInstructions, trace);
        }
        String name = kernel.toString();
        byte[] bytes = image(kernel);
        if (bytes == null) {
            return Main.EXIT_BAD_INPUT;
        }
        if (trace != null || !cmdline.isEmpty()) {
            throw new BadInputException(trace != null ? "--trace" : "--cmdline", "is for PV guests, not --bare-metal");
        }
        return new BareMetalRunner(out, err).boot(name, bytes, memoryMb, maxInstructions).exitStatus();
    }

    /**
     * The image of {@code file}: its bytes, or for {@code .asm} what the assembler makes of it; null after printing
     * the assembler's errors.
     */
    private byte[] image(Path file) {
        String name = file.toString();
        if (!name.endsWith(".asm")) {
            return readKernel(file, name);
        }
        readKernel(file, name); // the same one-line errors for a missing or unreadable file
        try {
            return Assembler.assembleFile(file, Assembler.Options.elf()).image();
        } catch (AsmErrors e) {
            err.println(e.render());
            return null;
        }
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
