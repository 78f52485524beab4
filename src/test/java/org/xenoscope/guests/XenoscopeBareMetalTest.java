package org.xenoscope.guests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xenoscope.asm.elf.BareMetalBoot;
import org.xenoscope.guests.GuestBuilds.Guest;
import org.xenoscope.machine.PcMachine;
import org.xenoscope.machine.RunResult;
import org.xenoscope.machine.StopReason;
import org.xenoscope.testutil.Tools;

/**
 * The third leg of the bare-metal cross-check: every guest of {@code sample-guests/bare-metal} (gcc- and
 * nasm-built multiboot kernels) boots on Xenoscope's own machine and must print exactly what its header
 * expects, end with the expected status, and (for the C programs) print the very bytes its Linux build prints
 * on the host CPU.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XenoscopeBareMetalTest {
    private Path build;

    @BeforeAll
    void buildGuests() {
        build = GuestBuilds.build();
    }

    static List<Guest> guests() {
        return GuestBuilds.guests();
    }

    /** Boots {@code elf} on a 64 MiB PC and runs it to its end; returns (result, COM1 output). */
    static Object[] runOnXenoscope(Path elf, long maxInstructions) throws IOException {
        PcMachine m = new PcMachine(64 << 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.setConsole(out::write);
        BareMetalBoot.boot(m, elf.toString(), Files.readAllBytes(elf), "");
        RunResult r = m.run(maxInstructions);
        return new Object[] {r, out.toString(StandardCharsets.ISO_8859_1)};
    }

    @ParameterizedTest(name = "{0}.elf on Xenoscope")
    @MethodSource("guests")
    void xenoscopeRunMatchesTheHeaderAndTheLinuxBuild(Guest g) throws IOException {
        Object[] run = runOnXenoscope(g.elf(build), g.expected().maxInstructions());
        RunResult r = (RunResult) run[0];
        String output = (String) run[1];
        assertThat(output).as("COM1 output of %s.elf on Xenoscope (%s)", g.name(), r).isEqualTo(g.expected().output());
        int status = r.reason() == StopReason.DEBUG_EXIT ? r.exitStatus() : 0;
        assertThat(r.reason()).as("%s stop reason", g.name()).isIn(StopReason.DEBUG_EXIT, StopReason.HALTED);
        assertThat(status).as("exit status of %s.elf", g.name()).isEqualTo(g.expected().exitStatus());
        if (g.hasLinuxBuild()) {
            Tools.Result linux = GuestBuilds.runLinux(g.linux(build));
            assertThat(output).as("%s: Xenoscope output vs the host CPU running the Linux build", g.name())
                .isEqualTo(linux.stdout());
        }
    }
}
