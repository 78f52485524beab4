package org.xenoscope.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.XenVersionCmd;

/** xen_version: each command's buffer, its exact size, EFAULT and unknown commands. */
class VersionOpsTest {
    /** Fills the scratch with 0xAA, runs {@code cmd} on it and returns the first {@code n} bytes. */
    private static byte[] run(PvFixture f, int cmd, int n) {
        byte[] fill = new byte[4096];
        Arrays.fill(fill, (byte) 0xAA);
        f.mem().write(f.scratch(), fill);
        assertThat(f.call("xen_version", cmd, f.scratch())).isZero();
        return f.mem().read(f.scratch(), n);
    }

    /** Asserts {@code b} is {@code text}, NUL-padded to exactly {@code size} bytes, and untouched after. */
    private static void assertString(byte[] b, String text, int size) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        assertThat(Arrays.copyOf(b, t.length)).isEqualTo(t);
        for (int i = t.length; i < size; i++) {
            assertThat(b[i]).as("byte %d", i).isZero();
        }
        assertThat(b[size]).isEqualTo((byte) 0xAA);
    }

    @Test
    void versionIsMajorMinor() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("xen_version", XenVersionCmd.XENVER_VERSION, 0))
            .isEqualTo(XenVersion.MAJOR << 16 | XenVersion.MINOR);
    }

    @Test
    void stringsAreNulPaddedToTheirFixedSizes() {
        PvFixture f = PvFixture.boot();
        assertString(run(f, XenVersionCmd.XENVER_EXTRAVERSION, 17), XenVersion.EXTRAVERSION, 16);
        assertString(run(f, XenVersionCmd.XENVER_CAPABILITIES, 1025), XenVersion.CAPABILITIES, 1024);
        assertString(run(f, XenVersionCmd.XENVER_CHANGESET, 65), XenVersion.CHANGESET, 64);
        assertString(run(f, XenVersionCmd.XENVER_COMMANDLINE, 1025), "", 1024);
        assertString(run(f, XenVersionCmd.XENVER_GUEST_HANDLE, 17), "", 16);
    }

    @Test
    void compileInfoHasFourFields() {
        PvFixture f = PvFixture.boot();
        byte[] b = run(f, XenVersionCmd.XENVER_COMPILE_INFO, 145);
        byte[] compiler = Arrays.copyOfRange(b, 0, 65);
        compiler[64] = (byte) 0xAA; // byte 64 starts the next field
        assertString(compiler, XenVersion.COMPILER, 64);
        assertThat(new String(b, 64, XenVersion.COMPILE_BY.length(), StandardCharsets.US_ASCII))
            .isEqualTo(XenVersion.COMPILE_BY);
        assertThat(new String(b, 80, XenVersion.COMPILE_DOMAIN.length(), StandardCharsets.US_ASCII))
            .isEqualTo(XenVersion.COMPILE_DOMAIN);
        assertThat(new String(b, 112, XenVersion.COMPILE_DATE.length(), StandardCharsets.US_ASCII))
            .isEqualTo(XenVersion.COMPILE_DATE);
        assertThat(b[143]).isZero();
        assertThat(b[144]).isEqualTo((byte) 0xAA);
    }

    @Test
    void platformParametersGiveHypervisorVirtStartPerFlavour() {
        for (boolean pae : new boolean[] {true, false}) {
            PvFixture f = PvFixture.boot(pae, "    jmp $\n");
            byte[] b = run(f, XenVersionCmd.XENVER_PLATFORM_PARAMETERS, 5);
            assertThat(f.mem().read32(f.scratch())).isEqualTo(pae ? 0xF5800000 : 0xFC000000);
            assertThat(b[4]).isEqualTo((byte) 0xAA);
        }
    }

    @Test
    void getFeaturesFillsTheSubmap() {
        PvFixture f = PvFixture.boot();
        f.mem().write32(f.scratch(), 0);
        f.mem().write32(f.scratch() + 4, -1);
        assertThat(f.call("xen_version", XenVersionCmd.XENVER_GET_FEATURES, f.scratch())).isZero();
        assertThat(f.mem().read32(f.scratch() + 4)).isEqualTo(VersionOps.FEATURES_SUBMAP0);
        f.mem().write32(f.scratch(), 5);
        f.mem().write32(f.scratch() + 4, -1);
        assertThat(f.call("xen_version", XenVersionCmd.XENVER_GET_FEATURES, f.scratch())).isZero();
        assertThat(f.mem().read32(f.scratch() + 4)).isZero();
    }

    @Test
    void pagesizeIs4096() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("xen_version", XenVersionCmd.XENVER_PAGESIZE, 0)).isEqualTo(4096);
    }

    @Test
    void unwritableBuffersAreEfault() {
        PvFixture f = PvFixture.boot();
        int[] cmds = {XenVersionCmd.XENVER_EXTRAVERSION, XenVersionCmd.XENVER_COMPILE_INFO,
            XenVersionCmd.XENVER_CAPABILITIES, XenVersionCmd.XENVER_CHANGESET,
            XenVersionCmd.XENVER_PLATFORM_PARAMETERS, XenVersionCmd.XENVER_GET_FEATURES,
            XenVersionCmd.XENVER_GUEST_HANDLE, XenVersionCmd.XENVER_COMMANDLINE};
        for (int cmd : cmds) {
            assertThat(f.call("xen_version", cmd, 0x00500000)).as("cmd %d", cmd).isEqualTo(Errno.EFAULT.negative());
            assertThat(f.call("xen_version", cmd, f.d.flavour().hypervisorVirtStart() - 2)).as("cmd %d", cmd)
                .isEqualTo(Errno.EFAULT.negative());
        }
        // The bootstrap page tables are mapped read-only: a write there is EFAULT too.
        int pt = f.built.layout().pageTables();
        assertThat(f.call("xen_version", XenVersionCmd.XENVER_CAPABILITIES, pt)).isEqualTo(Errno.EFAULT.negative());
    }

    @Test
    void unknownCommandIsEnosys() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("xen_version", 99, f.scratch())).isEqualTo(Errno.ENOSYS.negative());
        assertThat(f.call("xen_version", -1, f.scratch())).isEqualTo(Errno.ENOSYS.negative());
    }
}
