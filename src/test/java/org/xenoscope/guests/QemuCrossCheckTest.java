package org.xenoscope.guests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xenoscope.guests.GuestBuilds.Guest;
import org.xenoscope.testutil.Tools;

/**
 * Boots every bare-metal guest on {@code qemu-system-i386 -kernel}, the reference that
 * {@code xenoscope run --bare-metal} imitates, and requires the output and exit status in the guest's header;
 * for the C programs also the very bytes their Linux build prints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QemuCrossCheckTest {
    private Path build;

    @BeforeAll
    void buildGuests() {
        Tools.require("qemu-system-i386");
        build = GuestBuilds.build();
    }

    static List<Guest> guests() {
        return GuestBuilds.guests();
    }

    @ParameterizedTest(name = "{0}.elf on QEMU")
    @MethodSource("guests")
    void qemuRunMatchesTheHeaderAndTheLinuxBuild(Guest g) {
        Tools.Result qemu = GuestBuilds.runQemu(g.elf(build));
        assertThat(qemu.stdout()).as("COM1 output of %s.elf on QEMU (stderr: %s)", g.name(), qemu.stderr())
            .isEqualTo(g.expected().output());
        assertThat(qemu.exitCode()).as("QEMU exit status for %s.elf", g.name()).isEqualTo(g.expected().exitStatus());
        if (g.hasLinuxBuild()) {
            Tools.Result linux = GuestBuilds.runLinux(g.linux(build));
            assertThat(qemu.stdout()).as("%s: QEMU output vs Linux output", g.name()).isEqualTo(linux.stdout());
            assertThat((linux.exitCode() << 1) | 1).as("%s: Linux status c maps to (c<<1)|1", g.name())
                .isEqualTo(qemu.exitCode());
        }
    }
}
