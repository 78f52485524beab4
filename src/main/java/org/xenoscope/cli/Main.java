package org.xenoscope.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.gui.GuestLoader;
import org.xenoscope.gui.XenoscopeApp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * The {@code xenoscope} command. Without a subcommand it starts the visual debugger ({@code xenoscope [FILE]});
 * with no display it says so in one line. Subcommands: {@code run}, {@code bench}, {@code asm}, {@code disasm}
 * and {@code screenshots}.
 *
 * <pre>
 *   exit status   meaning
 *   0             success (a bare-metal guest: HLT with interrupts off)
 *   1             the guest failed (triple fault), or no display for the GUI
 *   2             bad input: one line on stderr (a missing or malformed file, a bad option)
 *   3             the instruction limit was reached
 *   (v << 1) | 1  the guest wrote v to the debug-exit port 0xF4 (as QEMU's isa-debug-exit)
 *   70            internal error: one line on stderr (a stack trace only with XENOSCOPE_DEBUG=1)
 * </pre>
 *
 * {@link #run(String[], PrintStream, PrintStream)} is the whole program without {@code System.exit}, for tests.
 */
@Command(name = "xenoscope", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"An educational simulator of the Xen hypervisor on a simulated 32-bit x86 PC.",
        "Without a command: opens FILE (or the bundled PV demo) in the visual debugger; needs a display.",
        "Keyboard shortcuts and panels: see the README (Visual debugger) or the GUI's Help menu."})
public final class Main implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_GUEST_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_LIMIT = 3;
    public static final int EXIT_INTERNAL = 70;


    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
        description = "open this guest (.asm, .elf) or snapshot (.xsnap) in the visual debugger")
    private Path file;

    private Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line {@code args} with the given streams and returns the exit status. Never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            CommandLine cl = new CommandLine(new Main(out, err));
            cl.addSubcommand("run", new RunCommand(out, err));
            cl.addSubcommand("bench", new BenchCommand(out, err));
            cl.addSubcommand("asm", new AsmCommand(out, err));
            cl.addSubcommand("disasm", new DisasmCommand(out));
            cl.addSubcommand("screenshots", new ScreenshotsCommand(out, err));
            cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
            cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
            cl.setParameterExceptionHandler((ParameterException e, String[] a) -> badInput(err,
                "xenoscope: " + e.getMessage() + " (see 'xenoscope --help')"));
            cl.setExecutionExceptionHandler((e, cmd, parsed) -> failure(err, e));
            return cl.execute(args);
        } catch (Throwable t) {
            return failure(err, t);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int badInput(PrintStream err, String line) {
        err.println(line);
        return EXIT_BAD_INPUT;
    }

    /** Maps an exception escaping a command to one line and an exit status. */
    static int failure(PrintStream err, Throwable t) {
        if (t instanceof BadInputException b) {
            return badInput(err, b.oneLine());
        }
        if (t instanceof OutOfMemoryError) {
            err.println("xenoscope: out of Java heap memory (choose a smaller --memory, or raise java -Xmx)");
            return EXIT_INTERNAL;
        }
        err.println("xenoscope: internal error: " + t);
        if ("1".equals(System.getenv("XENOSCOPE_DEBUG"))) {
            t.printStackTrace(err);
        }
        return EXIT_INTERNAL;
    }

    /**
     * No command: the visual debugger, with {@code FILE} opened (or the bundled PV demo). Without a display: one
     * line saying so and pointing to {@code xenoscope run}, status 1. A FILE that is missing or not .asm, .elf or
     * .xsnap is bad input (status 2), checked before anything else.
     */
    @Override
    public Integer call() {
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(file.toString(), Files.exists(file) ? "is not a file" : "no such file");
            }
            if (!GuestLoader.supported(file)) {
                throw new BadInputException(file.toString(), "cannot open this kind of file (expected .asm, .elf "
                    + "or .xsnap; see 'xenoscope --help')");
            }
        }
        String noDisplay = XenoscopeApp.noDisplay();
        if (noDisplay != null) {
            err.println(noDisplay);
            return EXIT_GUEST_FAILED;
        }
        return XenoscopeApp.runUntilClosed(file);
    }

    /** {@code --version}: the implementation version from the jar manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"xenoscope " + (v != null ? v : "(development build)")};
        }
    }
}
