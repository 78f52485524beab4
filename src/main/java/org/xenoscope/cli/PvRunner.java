package org.xenoscope.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.dom0.DomainBuilder;
import org.xenoscope.dom0.XenSystem;
import org.xenoscope.xen.Domain;
import org.xenoscope.xen.Hypervisor;
import org.xenoscope.xen.abi.ShutdownReason;

/**
 * Boots one paravirtualised guest on the hypervisor and runs it to the end, streaming its console to stdout and,
 * with {@code --trace}, every hypervisor entry to a JSON-lines file.
 *
 * <pre>
 *   how the guest ended                     exit status   stderr
 *   SCHEDOP_shutdown(SHUTDOWN_poweroff)     0             -
 *   shutdown with another reason            1             xenoscope: d1 (NAME) shut down: reboot
 *   shutdown(crash), or killed by Xen       1             xenoscope: d1 (NAME) crashed: REASON
 *   blocked with nothing to wake it         1             xenoscope: d1 (NAME) ...
 *   --max-instructions reached              3             xenoscope: stopped after N instructions ...
 * </pre>
 */
final class PvRunner {
    private final PrintStream out;
    private final PrintStream err;

    PvRunner(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Contract: boots {@code elf} and runs it; returns the exit status above. Bad input throws BadInputException. */
    int run(String name, byte[] elf, int memoryMb, String cmdline, long maxInstructions, Path trace) {
        XenSystem sys = new XenSystem(memoryMb);
        BufferedWriter tw = trace == null ? null : openTrace(trace);
        if (tw != null) {
            sys.hypervisor().trace().addListener(e -> {
                try {
                    tw.write(e.toJson());
                    tw.write('\n');
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
        }
        DomainBuilder.Built b = sys.boot(name, elf, memoryMb, cmdline);
        Domain d = b.domain();
        d.setConsoleOutput(c -> {
            out.write(c);
            if (c == '\n') {
                out.flush();
            }
        });
        Hypervisor.Result r;
        try {
            r = sys.run(maxInstructions);
        } finally {
            out.flush();
            closeTrace(tw, trace);
        }
        String who = "d" + d.id() + " (" + d.name() + ")";
        switch (r.outcome()) {
            case SHUTDOWN:
                if (d.shutdownCode() == ShutdownReason.SHUTDOWN_POWEROFF) {
                    return Main.EXIT_OK;
                }
                err.println("xenoscope: " + who + " shut down: " + r.detail());
                return Main.EXIT_GUEST_FAILED;
            case CRASHED:
                err.println("xenoscope: " + who + " crashed: " + r.detail());
                return Main.EXIT_GUEST_FAILED;
            case LIMIT:
                err.printf("xenoscope: stopped after %d instructions (--max-instructions) at eip=0x%08x%n",
                    r.instructions(), sys.hypervisor().cpu().eip());
                return Main.EXIT_LIMIT;
            default:
                err.println("xenoscope: " + who + ": " + r.detail());
                return Main.EXIT_GUEST_FAILED;
        }
    }

    private static BufferedWriter openTrace(Path p) {
        try {
            return Files.newBufferedWriter(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(p.toString(), "cannot write the trace: " + e.getMessage());
        }
    }

    private void closeTrace(BufferedWriter w, Path p) {
        if (w == null) {
            return;
        }
        try {
            w.close();
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("xenoscope: " + p + ": cannot write the trace: " + e.getMessage());
        }
    }
}
