package org.xenoscope.guests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xenoscope.asm.nasm.Assembler;
import org.xenoscope.cli.Main;
import org.xenoscope.dom0.XenSystem;
import org.xenoscope.guests.PvGuests.PvGuest;
import org.xenoscope.xen.Domain;
import org.xenoscope.xen.Hypervisor;
import org.xenoscope.xen.abi.ShutdownReason;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * Every PV sample guest of {@code sample-guests/pv} runs on Xenoscope's hypervisor and is held to its header: the
 * gcc/nasm + ld builds ({@code NAME.elf}), the assembly guests assembled by Xenoscope's own assembler, and the
 * CLI ({@code xenoscope run GUEST --trace FILE}). Then what each mechanism guest shows is checked in the trace:
 * the fast system call does not enter the hypervisor, the bad stack kills the domain for the bounce frame, the
 * console-ring guest never uses console_io.
 *
 * <p>Exit status of a PV run: 0 after SHUTDOWN_poweroff, 1 after a crash (shutdown(crash) or killed by Xen).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XenoscopePvGuestsTest {
    /** The domain's memory, as {@code xenoscope run} gives it by default. */
    private static final int MEMORY_MB = 32;
    private static final int VECTOR_GP = 13;
    private static final int VECTOR_FAST_SYSCALL = 0x80;
    private static final int VECTOR_RET2KERN = 0x20;

    private Path build;

    @TempDir
    Path tmp;

    @BeforeAll
    void buildGuests() {
        build = PvGuests.build();
    }

    static List<PvGuest> guests() {
        return PvGuests.guests();
    }

    static List<PvGuest> assemblyGuests() {
        return PvGuests.guests().stream().filter(PvGuest::assembly).toList();
    }

    /** A finished run: the system (for the trace), the result, the console and the PV exit status. */
    record Run(XenSystem sys, Hypervisor.Result result, String console, int status) {
        Domain domain() {
            return result.domain();
        }

        List<TraceEvent> trace() {
            return sys.hypervisor().trace().events();
        }
    }

    /** Boots {@code elf} (file {@code name}) as one domU and runs it within its header's instruction limit. */
    static Run run(String name, byte[] elf, long maxInstructions) {
        XenSystem sys = new XenSystem(MEMORY_MB);
        sys.boot(name, elf, MEMORY_MB, "");
        Hypervisor.Result r = sys.run(maxInstructions);
        boolean poweroff = r.outcome() == Hypervisor.Outcome.SHUTDOWN
            && r.domain().shutdownCode() == ShutdownReason.SHUTDOWN_POWEROFF;
        return new Run(sys, r, r.domain().console(), poweroff ? 0 : 1);
    }

    private Run runBuilt(PvGuest g) throws IOException {
        Path elf = g.elf(build);
        return run(elf.toString(), Files.readAllBytes(elf), g.expected().maxInstructions());
    }

    private static Run runOwnAssembly(PvGuest g) {
        byte[] image = Assembler.assembleFile(g.source(), Assembler.Options.elf()).image();
        return run(g.name() + ".elf", image, g.expected().maxInstructions());
    }

    private static void assertMatchesHeader(PvGuest g, Run r, String how) {
        assertThat(r.result().outcome()).as("%s (%s): outcome (%s)", g.name(), how, r.result().detail())
            .isNotIn(Hypervisor.Outcome.LIMIT, Hypervisor.Outcome.STOPPED);
        assertThat(g.expected().mismatch(r.console())).as("console of %s (%s), ended %s: %s%n%s", g.name(), how,
            r.result().outcome(), r.result().detail(), r.console()).isEmpty();
        assertThat(r.status()).as("exit status of %s (%s): %s %s", g.name(), how, r.result().outcome(),
            r.result().detail()).isEqualTo(g.expected().exitStatus());
    }

    /*
     * Note for xtf-like: it calls set_gdt (start-of-day step 4.4), which DescriptorOps implements on the descr
     * branch; on a base without it the guest panics with "PANIC: set_gdt (-38)" and these runs fail until that
     * branch is merged.
     */
    @ParameterizedTest(name = "{0}.elf on Xenoscope")
    @MethodSource("guests")
    void everyGuestBuiltWithTheToolchainMatchesItsHeader(PvGuest g) throws IOException {
        assertMatchesHeader(g, runBuilt(g), "gcc/nasm + ld");
    }

    @ParameterizedTest(name = "{0} assembled by Xenoscope")
    @MethodSource("assemblyGuests")
    void everyAssemblyGuestAssembledByXenoscopeMatchesItsHeader(PvGuest g) {
        assertMatchesHeader(g, runOwnAssembly(g), "xenoscope asm");
    }

    @ParameterizedTest(name = "xenoscope run {0}.elf --trace")
    @MethodSource("guests")
    void cliRunGivesTheHeaderStatusAndAJsonLinesTrace(PvGuest g) throws IOException {
        Path trace = tmp.resolve(g.name() + ".jsonl");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"run", g.elf(build).toString(), "--trace", trace.toString()},
            new PrintStream(out, true, StandardCharsets.ISO_8859_1), new PrintStream(err, true,
                StandardCharsets.ISO_8859_1));
        String stdout = out.toString(StandardCharsets.ISO_8859_1);
        assertThat(g.expected().mismatch(stdout)).as("stdout of %s; stderr %s", g.name(), err).isEmpty();
        assertThat(status).as("exit status of %s; stderr %s", g.name(), err).isEqualTo(g.expected().exitStatus());
        List<String> lines = Files.readAllLines(trace, StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty();
        Pattern seq = Pattern.compile("^\\{\"seq\":(\\d+),.*\\}$");
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = seq.matcher(lines.get(i));
            assertThat(m.matches()).as("trace line %d is one JSON object starting with seq: %s", i + 1,
                lines.get(i)).isTrue();
            assertThat(Long.parseLong(m.group(1))).as("seq of trace line %d", i + 1).isEqualTo(i + 1);
        }
        // How the domain ended (the shutdown or crash is emitted inside the hypercall, before its own event).
        List<String> ends = lines.stream().filter(l -> l.contains("\"type\":\"shutdown\"")
            || l.contains("\"type\":\"crash\"")).toList();
        assertThat(ends).as("one end of the domain in the trace").hasSize(1);
        if (g.expected().exitStatus() == 0) {
            assertThat(ends.get(0)).contains("\"type\":\"shutdown\"").contains("\"code\":0");
        } else {
            assertThat(ends.get(0)).doesNotContain("\"code\":0");
        }
    }

    /**
     * The paper's fast system-call path: int 0x80 from ring 3 goes through the direct gate Xen installed for the
     * guest's DPL-3 entry, so the hypervisor sees none of them (no exception event for 0x80, no #GP); int 0x20,
     * which has Xen's gate, arrives as #GP((0x20 << 3) | 2) and is re-dispatched by Xen to the guest's handler.
     */
    @Test
    void fastSystemCallsDoNotEnterTheHypervisor() throws IOException {
        PvGuest g = guest("syscall-asm");
        Run r = runBuilt(g);
        assertMatchesHeader(g, r, "gcc/nasm + ld");
        assertThat(r.console()).contains("after 3 system calls");
        List<TraceEvent.Exception> exceptions = r.trace().stream().filter(TraceEvent.Exception.class::isInstance)
            .map(TraceEvent.Exception.class::cast).toList();
        assertThat(exceptions).as("exceptions the hypervisor handled").extracting(TraceEvent.Exception::vector)
            .doesNotContain(VECTOR_FAST_SYSCALL, VECTOR_GP)
            .containsExactly(VECTOR_RET2KERN);
        TraceEvent.Exception ret = exceptions.get(0);
        assertThat(ret.handlerCs()).as("bounced to the guest's ring-1 handler").isEqualTo(0xE019);
        assertThat(ret.hasErrorCode()).as("a software int n carries no error code").isFalse();
    }

    @Test
    void aPageFaultOnAnUnmappedStackKillsTheDomainForItsBounceFrame() throws IOException {
        PvGuest g = guest("bad-stack-asm");
        Run r = runBuilt(g);
        assertMatchesHeader(g, r, "gcc/nasm + ld");
        assertThat(r.result().outcome()).isEqualTo(Hypervisor.Outcome.CRASHED);
        assertThat(r.domain().endReason()).contains("bounce frame").contains("#PF");
        assertThat(r.trace()).filteredOn(TraceEvent.Crash.class::isInstance).hasSize(1);
    }

    @Test
    void theTrapPfHandlerSawTheFaultXenRecorded() throws IOException {
        PvGuest g = guest("trap-pf-asm");
        Run r = runBuilt(g);
        assertMatchesHeader(g, r, "gcc/nasm + ld");
        TraceEvent.Exception pf = r.trace().stream().filter(TraceEvent.Exception.class::isInstance)
            .map(TraceEvent.Exception.class::cast).filter(e -> e.vector() == 14).findFirst().orElseThrow();
        assertThat(r.console()).contains(String.format("cr2=0x%08x", pf.cr2()))
            .contains(String.format("error code=0x%08x", pf.errorCode()));
    }

    @Test
    void theRingConsoleGuestNeverUsesConsoleIo() throws IOException {
        PvGuest g = guest("ring-console");
        Run r = runBuilt(g);
        assertMatchesHeader(g, r, "gcc/nasm + ld");
        List<String> calls = r.trace().stream().filter(TraceEvent.Hypercall.class::isInstance)
            .map(e -> ((TraceEvent.Hypercall) e).name()).toList();
        assertThat(calls).doesNotContain("console_io").contains("event_channel_op", "sched_op");
    }

    @Test
    void theTwoLevelGuestRunsAsANonPaeDomain() throws IOException {
        Run r = runBuilt(guest("hello-2level-asm"));
        assertThat(r.domain().flavour()).isEqualTo(org.xenoscope.xen.GuestFlavour.NONPAE);
    }

    private static PvGuest guest(String name) {
        return PvGuests.guests().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }
}
