package org.xenoscope.guests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xenoscope.asm.nasm.Assembler;
import org.xenoscope.dom0.XenSystem;
import org.xenoscope.guests.GuestBuilds.Expectation;
import org.xenoscope.xen.Hypervisor;
import org.xenoscope.testutil.Tools;
import org.xenoscope.xen.abi.ShutdownReason;

/**
 * The attack guests of {@code sample-guests/attacks} (issue 6's evidence): each tries one way to break the
 * isolation the memory rules give, assembled by Xenoscope's own assembler and run on the hypervisor in-process
 * (with the frame-table invariant checked after every hypercall, as in every test run). Each must print
 * {@code refused} and power off, never {@code BROKEN}; the memory-management attacks must leave at least one
 * "refused" validation event in the trace.
 */
class AttackGuestsTest {
    /** The domain's memory, as {@code xenoscope run} gives it by default. */
    private static final int MEMORY_MB = 32;

    /**
     * The attacks stopped by something other than a refused page-type decision, so they leave no "refused"
     * validation event: the segment checks (update_descriptor answers by itself), the balloon (memory_op, which
     * may be missing) and the stale TLB entry (stopped by the flush at the type change: the write faults).
     */
    private static final Set<String> NOT_PAGE_TYPE_ATTACKS = Set.of("segment-over-xen", "balloon-pinned",
        "stale-tlb");

    /** {@code sample-guests/attacks}. */
    static Path attackDir() {
        return Tools.projectRoot().resolve("sample-guests").resolve("attacks");
    }

    /** Every attack guest: each {@code *.asm} file of the directory, sorted by name. */
    static List<Path> attacks() {
        try (Stream<Path> files = Files.list(attackDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".asm")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path p) {
        String f = p.getFileName().toString();
        return f.substring(0, f.length() - ".asm".length());
    }

    @Test
    void twelveAttacksAreShipped() {
        assertThat(attacks()).hasSize(12).extracting(AttackGuestsTest::name).containsExactly("balloon-pinned", "foreign-frame",
            "l1-via-mmu-update", "l1-via-update-va-mapping", "l2-to-writable-page", "linear-pd-2level",
            "multicall-mix", "recursive-l3", "segment-over-xen", "shared-info-as-table", "stale-tlb", "xen-area");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void everyAttackIsRefusedAndTheGuestPowersOff(Path source) {
        Expectation want = GuestBuilds.expectation(source);
        byte[] image = Assembler.assembleFile(source, Assembler.Options.elf()).image();
        XenSystem sys = new XenSystem(MEMORY_MB);
        sys.boot(name(source) + ".elf", image, MEMORY_MB, "");
        Hypervisor.Result r = sys.run(want.maxInstructions());
        String console = r.domain().console();
        assertThat(console).as("%s ended %s: %s", name(source), r.outcome(), r.detail()).doesNotContain("BROKEN");
        assertThat(r.outcome()).as("%s: %s%n%s", name(source), r.detail(), console)
            .isEqualTo(Hypervisor.Outcome.SHUTDOWN);
        assertThat(r.domain().shutdownCode()).as("poweroff").isEqualTo(ShutdownReason.SHUTDOWN_POWEROFF);
        assertThat(console.lines().toList()).as(console).contains("refused").last().isEqualTo("refused");
        assertThat(want.mismatch(console)).as("console of %s:%n%s", name(source), console).isEmpty();
        assertThat(want.exitStatus()).as("header: a refused attack powers off").isZero();
        if (!NOT_PAGE_TYPE_ATTACKS.contains(name(source))) {
            assertThat(sys.hypervisor().trace().events()).as("a refused validation in the trace")
                .anySatisfy(e -> assertThat(e.type()).isEqualTo("refused"));
        }
    }
}
