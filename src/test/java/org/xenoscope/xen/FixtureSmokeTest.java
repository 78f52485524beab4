package org.xenoscope.xen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xenoscope.xen.abi.Errno;

class FixtureSmokeTest {
    @Test
    void consoleIoWritesAndFaults() {
        PvFixture f = PvFixture.boot();
        f.mem().write(f.scratch(), "hi\n".getBytes());
        assertThat(f.call("console_io", 0, 3, f.scratch())).isZero();
        assertThat(f.d.console()).isEqualTo("hi\n");
        assertThat(f.call("console_io", 0, 3, 0xF5800000)).isEqualTo(Errno.EFAULT.negative());
        assertThat(f.call("console_io", 0, 3, 0x00500000)).isEqualTo(Errno.EFAULT.negative());
        assertThat(f.call("console_io", 7, 3, f.scratch())).isEqualTo(Errno.ENOSYS.negative());
        assertThat(f.call(63)).isEqualTo(Errno.ENOSYS.negative());
        assertThat(f.run(1000).outcome()).isEqualTo(Hypervisor.Outcome.LIMIT);
    }

    @Test
    void twoLevelGuestBoots() {
        PvFixture f = PvFixture.boot(false, "    jmp $\n");
        assertThat(f.d.flavour()).isEqualTo(GuestFlavour.NONPAE);
        assertThat(f.run(1000).outcome()).isEqualTo(Hypervisor.Outcome.LIMIT);
    }
}
