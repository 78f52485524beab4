package org.xenoscope.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xenoscope.asm.BadInputException;
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

    /** One guest to boot: the name it is known by (its path) and its ELF image. */
    record Guest(String name, byte[] elf) {
    }

    /**
     * Contract: boots each guest in a domain of its own ({@code memoryMb} each) and runs them, round robin when
     * there are several; returns the exit status above (with several: 0 only when every one powered off). Console
     * output goes to stdout, each line prefixed with "[dN] " when there are several. Bad input throws
     * BadInputException.
     */
    int run(List<Guest> guests, int memoryMb, String cmdline, long maxInstructions, Path trace) {
        XenSystem sys = new XenSystem(memoryMb * guests.size());
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
        List<Domain> doms = new ArrayList<>();
        List<LinePrefixer> prefixers = new ArrayList<>();
        for (Guest g : guests) {
            Domain d = sys.boot(g.name(), g.elf(), memoryMb, cmdline).domain();
            doms.add(d);
            if (guests.size() == 1) {
                d.setConsoleOutput(c -> {
                    out.write(c);
                    if (c == '\n') {
                        out.flush();
                    }
                });
            } else {
                LinePrefixer lp = new LinePrefixer(out, "[d" + d.id() + "] ");
                prefixers.add(lp);
                d.setConsoleOutput(lp);
            }
        }
        Hypervisor.Result r;
        try {
            r = sys.run(maxInstructions);
        } finally {
            prefixers.forEach(LinePrefixer::flush);
            out.flush();
            closeTrace(tw, trace);
        }
        return doms.size() == 1 ? status(sys, r, r.domain()) : statusOfAll(sys, r, doms);
    }

    /** The exit status of a one-guest run (see the class comment), with the reason on stderr. */
    private int status(XenSystem sys, Hypervisor.Result r, Domain d) {
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

    /** Several guests: 0 when all powered off, 3 at the limit, else 1 with a line per guest that did not. */
    private int statusOfAll(XenSystem sys, Hypervisor.Result r, List<Domain> doms) {
        if (r.outcome() == Hypervisor.Outcome.LIMIT) {
            return status(sys, r, r.domain());
        }
        int status = Main.EXIT_OK;
        for (Domain d : doms) {
            String who = "d" + d.id() + " (" + d.name() + ")";
            if (d.state() == Domain.State.SHUTDOWN && d.shutdownCode() == ShutdownReason.SHUTDOWN_POWEROFF) {
                continue;
            }
            status = Main.EXIT_GUEST_FAILED;
            if (d.state() == Domain.State.CRASHED) {
                err.println("xenoscope: " + who + " crashed: " + d.endReason());
            } else if (d.state() == Domain.State.SHUTDOWN) {
                err.println("xenoscope: " + who + " shut down: " + d.endReason());
            } else {
                err.println("xenoscope: " + who + ": " + r.detail());
            }
        }
        return status;
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
