package org.xenoscope.xen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.StartInfo;
import org.xenoscope.xen.abi.UvmFlags;

/** update_va_mapping: the L1 rules, Xen's area, flushes, in both flavours. */
class MemoryOpsTest {
    private static final int EINVAL = Errno.EINVAL.negative();
    private static final int RW = PageTables.P | PageTables.RW | PageTables.A | PageTables.D;

    /** A frame of the domain that the bootstrap tables do not map (beyond the mapped region). */
    private static int spareMfn(PvFixture f, int marker) {
        int mfn = f.d.mfn(f.d.nrPages() - 1);
        f.hv.machine().memory().writeDword((long) mfn << 12, marker);
        return mfn;
    }

    private static int uvm(PvFixture f, int va, long pte, int flags) {
        return f.call("update_va_mapping", va, (int) pte, (int) (pte >>> 32), flags);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void mapsAPageTheGuestCanThenRead(boolean pae) {
        PvFixture f = PvFixture.boot(pae, "    jmp $\n");
        int va = f.scratch() + 0x1000;
        int mfn = spareMfn(f, 0x12345678);
        assertThat(uvm(f, va, (long) mfn << 12 | RW, UvmFlags.UVMF_INVLPG)).isZero();
        assertThat(f.mem().read32(va)).isEqualTo(0x12345678);
        assertThat(uvm(f, va, 0, UvmFlags.UVMF_INVLPG)).isZero();
        assertThat(f.call("console_io", 0, 4, va)).isEqualTo(Errno.EFAULT.negative());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void xenAreaAndUnmappedL1AreEinval(boolean pae) {
        PvFixture f = PvFixture.boot(pae, "    jmp $\n");
        int mfn = spareMfn(f, 0);
        int hvs = f.d.flavour().hypervisorVirtStart();
        assertThat(uvm(f, hvs, (long) mfn << 12 | RW, UvmFlags.UVMF_INVLPG)).isEqualTo(EINVAL);
        assertThat(uvm(f, 0xFFFFF000, 0, UvmFlags.UVMF_INVLPG)).isEqualTo(EINVAL);
        assertThat(uvm(f, 0x40000000, (long) mfn << 12 | RW, UvmFlags.UVMF_INVLPG)).isEqualTo(EINVAL);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void framesTheDomainDoesNotOwnAreEinval(boolean pae) {
        PvFixture f = PvFixture.boot(pae, "    jmp $\n");
        int va = f.scratch() + 0x1000;
        int xen = f.d.perDomainL1Mfn;
        assertThat(uvm(f, va, (long) xen << 12 | PageTables.P, UvmFlags.UVMF_INVLPG)).isEqualTo(EINVAL);
        int dom0SharedInfo = f.hv.domain(Hypervisor.DOM0).sharedInfoMfn();
        assertThat(uvm(f, va, (long) dom0SharedInfo << 12 | PageTables.P, UvmFlags.UVMF_INVLPG)).isEqualTo(EINVAL);
        int beyondRam = f.hv.frames().frames();
        assertThat(uvm(f, va, (long) beyondRam << 12 | PageTables.P, UvmFlags.UVMF_INVLPG)).isEqualTo(EINVAL);
        assertThat(f.mem().read32(va)).isZero(); // the old mapping (scratch) is still there
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void pageTableFramesMayBeMappedOnlyReadOnly(boolean pae) {
        PvFixture f = PvFixture.boot(pae, "    jmp $\n");
        StartInfo si = StartInfo.at(f.hv.machine().memory(), (long) f.d.mfn(f.built.layout().startInfo() >>> 12)
            << 12);
        int va = f.scratch() + 0x1000;
        for (int i = 0; i < si.nrPtFrames(); i++) {
            int mfn = f.d.mfn((si.ptBase() >>> 12) + i);
            assertThat(uvm(f, va, (long) mfn << 12 | RW, UvmFlags.UVMF_INVLPG)).as("frame %d", i).isEqualTo(EINVAL);
            assertThat(uvm(f, va, (long) mfn << 12 | PageTables.P, UvmFlags.UVMF_INVLPG)).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void patAndGlobalBitsAreEinval(boolean pae) {
        PvFixture f = PvFixture.boot(pae, "    jmp $\n");
        int mfn = spareMfn(f, 0);
        int va = f.scratch() + 0x1000;
        assertThat(uvm(f, va, (long) mfn << 12 | RW | PageTables.PS, UvmFlags.UVMF_INVLPG)).isEqualTo(EINVAL);
        assertThat(uvm(f, va, (long) mfn << 12 | RW | PageTables.G, UvmFlags.UVMF_INVLPG)).isEqualTo(EINVAL);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theSharedInfoFrameMayBeMapped(boolean pae) {
        PvFixture f = PvFixture.boot(pae, "    jmp $\n");
        int va = f.scratch() + 0x1000;
        assertThat(uvm(f, va, (long) f.d.sharedInfoMfn() << 12 | RW, UvmFlags.UVMF_INVLPG)).isZero();
        f.d.vcpuInfo(0).setCr2(0xABCD);
        assertThat(f.mem().read32(va + 8)).isEqualTo(0xABCD);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void uvmfNoneLeavesAStaleTlbEntryAndInvlpgDoesNot(boolean pae) {
        PvFixture f = PvFixture.boot(pae, "    jmp $\n");
        int va = f.scratch() + 0x1000;
        PhysicalMemory m = f.hv.machine().memory();
        f.mem().write32(va, 0x0DD);
        assertThat(f.mem().read32(va)).isEqualTo(0x0DD); // the translation is now in the TLB
        int mfn = spareMfn(f, 0x4E3);
        assertThat(uvm(f, va, (long) mfn << 12 | RW, UvmFlags.UVMF_NONE)).isZero();
        assertThat(f.mem().read32(va)).isEqualTo(0x0DD);
        assertThat(uvm(f, va, (long) mfn << 12 | RW, UvmFlags.UVMF_INVLPG)).isZero();
        assertThat(f.mem().read32(va)).isEqualTo(0x4E3);
        assertThat(m.readDword((long) mfn << 12)).isEqualTo(0x4E3);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void tlbFlushAlsoDropsTheStaleEntry(boolean pae) {
        PvFixture f = PvFixture.boot(pae, "    jmp $\n");
        int va = f.scratch() + 0x1000;
        f.mem().write32(va, 0x0DD);
        f.mem().read32(va);
        int mfn = spareMfn(f, 0x4E3);
        assertThat(uvm(f, va, (long) mfn << 12 | RW, UvmFlags.UVMF_TLB_FLUSH)).isZero();
        assertThat(f.mem().read32(va)).isEqualTo(0x4E3);
    }

    @org.junit.jupiter.api.Test
    void twoLevelGuestsMustPassZeroPteHi() {
        PvFixture f = PvFixture.boot(false, "    jmp $\n");
        int mfn = spareMfn(f, 0);
        assertThat(f.call("update_va_mapping", f.scratch() + 0x1000, mfn << 12 | RW, 1, UvmFlags.UVMF_INVLPG))
            .isEqualTo(EINVAL);
    }

    @org.junit.jupiter.api.Test
    void paeEntriesBeyondThePhysicalAddressWidthAreEinval() {
        PvFixture f = PvFixture.boot(true, "    jmp $\n");
        int mfn = spareMfn(f, 0);
        assertThat(f.call("update_va_mapping", f.scratch() + 0x1000, mfn << 12 | RW, 0x10, UvmFlags.UVMF_INVLPG))
            .isEqualTo(EINVAL);
        assertThat(f.call("update_va_mapping", f.scratch() + 0x1000, mfn << 12 | RW, 0x80000000,
            UvmFlags.UVMF_INVLPG)).isEqualTo(EINVAL);
    }
}
