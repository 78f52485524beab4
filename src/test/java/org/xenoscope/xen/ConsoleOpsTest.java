package org.xenoscope.xen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xenoscope.xen.abi.ConsoleIo;
import org.xenoscope.xen.abi.Errno;

/** console_io: the hypervisor console, its error paths and who may read it. */
class ConsoleOpsTest {
    private static int err(Errno e) {
        return e.negative();
    }

    @Test
    void writeAppendsExactlyCountBytes() {
        PvFixture f = PvFixture.boot();
        f.mem().write(f.scratch(), "hello world".getBytes());
        assertThat(f.call("console_io", ConsoleIo.CONSOLEIO_WRITE, 5, f.scratch())).isZero();
        assertThat(f.call("console_io", ConsoleIo.CONSOLEIO_WRITE, 0, f.scratch())).isZero();
        assertThat(f.d.console()).isEqualTo("hello");
    }

    @Test
    void writeFromAnUnmappedBufferIsEfaultAndWritesNothing() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("console_io", ConsoleIo.CONSOLEIO_WRITE, 4, 0x00500000)).isEqualTo(err(Errno.EFAULT));
        assertThat(f.d.console()).isEmpty();
    }

    @Test
    void writeFromXenAreaIsEfaultInBothFlavours() {
        for (boolean pae : new boolean[] {true, false}) {
            PvFixture f = PvFixture.boot(pae, "    jmp $\n");
            int hvs = f.d.flavour().hypervisorVirtStart();
            // The M2P is mapped (readable) there, but a hypercall buffer may not lie in Xen's part.
            assertThat(f.call("console_io", ConsoleIo.CONSOLEIO_WRITE, 4, hvs)).isEqualTo(err(Errno.EFAULT));
            assertThat(f.call("console_io", ConsoleIo.CONSOLEIO_WRITE, 8, hvs - 4)).isEqualTo(err(Errno.EFAULT));
            assertThat(f.d.console()).isEmpty();
        }
    }

    @Test
    void writeThatWrapsAroundTheAddressSpaceIsEfault() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("console_io", ConsoleIo.CONSOLEIO_WRITE, 0x20, 0xFFFFFFF0)).isEqualTo(err(Errno.EFAULT));
        assertThat(f.call("console_io", ConsoleIo.CONSOLEIO_WRITE, 0x7FFFFFFF, f.scratch()))
            .isEqualTo(err(Errno.EFAULT));
    }

    @Test
    void writeRunningIntoAnUnmappedPageIsEfaultAfterTheReadableChunks() {
        PvFixture f = PvFixture.boot();
        int end = f.built.layout().mappedEnd();
        f.mem().write(end - ConsoleOps.CHUNK, "x".repeat(ConsoleOps.CHUNK).getBytes());
        assertThat(f.call("console_io", ConsoleIo.CONSOLEIO_WRITE, 2 * ConsoleOps.CHUNK, end - ConsoleOps.CHUNK))
            .isEqualTo(err(Errno.EFAULT));
        assertThat(f.d.console()).isEqualTo("x".repeat(ConsoleOps.CHUNK));
    }

    @Test
    void negativeCountIsRefused() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("console_io", ConsoleIo.CONSOLEIO_WRITE, -1, f.scratch())).isEqualTo(err(Errno.EINVAL));
        assertThat(f.d.console()).isEmpty();
    }

    @Test
    void readFromAnUnprivilegedDomainIsEperm() {
        PvFixture f = PvFixture.boot();
        assertThat(f.d.privileged()).isFalse();
        assertThat(f.call("console_io", ConsoleIo.CONSOLEIO_READ, 16, f.scratch())).isEqualTo(err(Errno.EPERM));
    }

    @Test
    void unknownCommandIsEnosys() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("console_io", 2, 1, f.scratch())).isEqualTo(err(Errno.ENOSYS));
        assertThat(f.call("console_io", -1, 1, f.scratch())).isEqualTo(err(Errno.ENOSYS));
    }
}
