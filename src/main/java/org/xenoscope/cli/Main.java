package org.xenoscope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.machine.StopReason;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code xenoscope} command. Without arguments it would start the GUI; until the GUI exists it prints the help
 * and runs the bundled bare-metal demo ({@value #DEMO}) headless. Subcommands: {@code run}, {@code bench},
 * {@code asm} and {@code disasm}.
 *
 * <pre>
 *   exit status   meaning
 *   0             success (a bare-metal guest: HLT with interrupts off)
 *   1             the guest failed (triple fault), or the demo is missing
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
        "Without a command: shows this help and runs the bundled bare-metal demo."})
public final class Main implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_GUEST_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_LIMIT = 3;
    public static final int EXIT_INTERNAL = 70;

    /** Classpath resource of the demo kernel (built from sample-guests/bare-metal/hello.asm). */
    static final String DEMO = "/org/xenoscope/demo/hello.elf";
    private static final long DEMO_MAX_INSTRUCTIONS = 10_000_000L;
    private static final int DEMO_MEMORY_MB = 32;

    private final PrintStream out;
    private final PrintStream err;

    @Spec
    private CommandSpec spec;

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

    /** No command: help on stdout, then the demo (its COM1 output on stdout, notes on stderr). */
    @Override
    public Integer call() {
        spec.commandLine().usage(out);
        out.flush();
        byte[] demo;
        try (InputStream in = Main.class.getResourceAsStream(DEMO)) {
            if (in == null) {
                err.println("xenoscope: the bundled demo " + DEMO + " is missing from this build");
                return EXIT_GUEST_FAILED;
            }
            demo = in.readAllBytes();
        } catch (IOException e) {
            err.println("xenoscope: cannot read the bundled demo " + DEMO + ": " + e.getMessage());
            return EXIT_GUEST_FAILED;
        }
        err.println();
        err.println("Running the bundled bare-metal demo (hello.elf) headless; its serial output follows:");
        BareMetalRunner.Outcome o = new BareMetalRunner(out, err)
            .boot("hello.elf", demo, DEMO_MEMORY_MB, DEMO_MAX_INSTRUCTIONS);
        boolean finished = o.reason() == StopReason.DEBUG_EXIT || o.reason() == StopReason.HALTED;
        return finished ? EXIT_OK : o.exitStatus();
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
