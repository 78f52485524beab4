package org.xenoscope.xen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xenoscope.xen.abi.DomId;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.GnttabOp;
import org.xenoscope.xen.abi.UvmFlags;

/** grant_table_op: setup_table, query_size, set_version, get_version and their errors. */
class GrantTableOpsTest {
    private static int setup(PvFixture f, int dom, int n) {
        int s = f.scratch();
        f.mem().write32(s, dom);
        f.mem().write32(s + 4, n);
        f.mem().write32(s + 8, 0x5555);
        f.mem().write32(s + 12, s + 0x100);
        return f.call("grant_table_op", GnttabOp.GNTTABOP_SETUP_TABLE, s, 1);
    }

    private static short status(PvFixture f, int off) {
        return (short) f.mem().read16(f.scratch() + off);
    }

    @Test
    void setupTableReturnsTheFramesWithStatusOkay() {
        PvFixture f = PvFixture.boot();
        assertThat(setup(f, DomId.DOMID_SELF, 2)).isZero();
        assertThat(status(f, 8)).isEqualTo((short) GrantTableOps.GNTST_OKAY);
        int[] frames = f.d.grantFrames();
        assertThat(frames).hasSize(2);
        assertThat(f.mem().read32(f.scratch() + 0x100)).isEqualTo(frames[0]);
        assertThat(f.mem().read32(f.scratch() + 0x104)).isEqualTo(frames[1]);
        assertThat(frames[0]).isNotEqualTo(frames[1]);
        // Asking again hands out the same frames.
        assertThat(setup(f, f.d.id(), 1)).isZero();
        assertThat(f.mem().read32(f.scratch() + 0x100)).isEqualTo(frames[0]);
    }

    @Test
    void setupTableForAnotherDomainIsPermissionDeniedAndForNoDomainBadDomain() {
        PvFixture f = PvFixture.boot();
        assertThat(setup(f, Hypervisor.DOM0, 1)).isZero();
        assertThat(status(f, 8)).isEqualTo((short) GrantTableOps.GNTST_PERMISSION_DENIED);
        assertThat(setup(f, 77, 1)).isZero();
        assertThat(status(f, 8)).isEqualTo((short) GrantTableOps.GNTST_BAD_DOMAIN);
        assertThat(setup(f, DomId.DOMID_SELF, GrantTableOps.MAX_GRANT_FRAMES + 1)).isZero();
        assertThat(status(f, 8)).isEqualTo((short) GrantTableOps.GNTST_GENERAL_ERROR);
        assertThat(f.d.grantFrames()).isEmpty();
    }

    @Test
    void querySizeReportsCurrentAndMaximumFrames() {
        PvFixture f = PvFixture.boot();
        setup(f, DomId.DOMID_SELF, 3);
        int s = f.scratch();
        f.mem().write32(s, DomId.DOMID_SELF);
        assertThat(f.call("grant_table_op", GnttabOp.GNTTABOP_QUERY_SIZE, s, 1)).isZero();
        assertThat(f.mem().read32(s + 4)).isEqualTo(3);
        assertThat(f.mem().read32(s + 8)).isEqualTo(GrantTableOps.MAX_GRANT_FRAMES);
        assertThat(status(f, 12)).isZero();
        f.mem().write32(s, Hypervisor.DOM0);
        assertThat(f.call("grant_table_op", GnttabOp.GNTTABOP_QUERY_SIZE, s, 1)).isZero();
        assertThat(status(f, 12)).isEqualTo((short) GrantTableOps.GNTST_PERMISSION_DENIED);
    }

    @Test
    void setVersionAcceptsOnlyVersion1() {
        PvFixture f = PvFixture.boot();
        int s = f.scratch();
        f.mem().write32(s, 1);
        assertThat(f.call("grant_table_op", GnttabOp.GNTTABOP_SET_VERSION, s, 1)).isZero();
        f.mem().write32(s, 2);
        assertThat(f.call("grant_table_op", GnttabOp.GNTTABOP_SET_VERSION, s, 1)).isEqualTo(Errno.ENOSYS.negative());
        f.mem().write32(s, 3);
        assertThat(f.call("grant_table_op", GnttabOp.GNTTABOP_SET_VERSION, s, 1)).isEqualTo(Errno.EINVAL.negative());
    }

    @Test
    void getVersionReportsVersion1() {
        PvFixture f = PvFixture.boot();
        int s = f.scratch();
        f.mem().write32(s, DomId.DOMID_SELF);
        f.mem().write32(s + 4, 0);
        assertThat(f.call("grant_table_op", GnttabOp.GNTTABOP_GET_VERSION, s, 1)).isZero();
        assertThat(f.mem().read32(s + 4)).isEqualTo(1);
        f.mem().write32(s, Hypervisor.DOM0);
        assertThat(f.call("grant_table_op", GnttabOp.GNTTABOP_GET_VERSION, s, 1)).isEqualTo(Errno.EPERM.negative());
    }

    @Test
    void unknownCommandIsEnosysWhateverTheCount() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("grant_table_op", 99, f.scratch(), 1)).isEqualTo(Errno.ENOSYS.negative());
        assertThat(f.call("grant_table_op", 99, f.scratch(), 0)).isEqualTo(Errno.ENOSYS.negative());
    }

    @Test
    void aCountOtherThanOneIsEinval() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("grant_table_op", GnttabOp.GNTTABOP_SETUP_TABLE, f.scratch(), 2))
            .isEqualTo(Errno.EINVAL.negative());
        assertThat(f.call("grant_table_op", GnttabOp.GNTTABOP_QUERY_SIZE, f.scratch(), 0))
            .isEqualTo(Errno.EINVAL.negative());
    }

    @Test
    void unreadableStructsAreEfault() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("grant_table_op", GnttabOp.GNTTABOP_SETUP_TABLE, 0x00500000, 1))
            .isEqualTo(Errno.EFAULT.negative());
        int s = f.scratch();
        f.mem().write32(s, DomId.DOMID_SELF);
        f.mem().write32(s + 4, 1);
        f.mem().write32(s + 12, 0x00500000);
        assertThat(f.call("grant_table_op", GnttabOp.GNTTABOP_SETUP_TABLE, s, 1)).isEqualTo(Errno.EFAULT.negative());
    }

    @Test
    void aGrantFrameCanBeMappedWithUpdateVaMapping() {
        PvFixture f = PvFixture.boot();
        setup(f, DomId.DOMID_SELF, 1);
        int mfn = f.d.grantFrames()[0];
        f.hv.machine().memory().writeDword((long) mfn << 12, 0x600DF00D);
        int va = f.scratch() + 0x1000;
        assertThat(f.call("update_va_mapping", va, mfn << 12 | 0x63, 0, UvmFlags.UVMF_INVLPG)).isZero();
        assertThat(f.mem().read32(va)).isEqualTo(0x600DF00D);
    }
}
