package org.xenoscope.xen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xenoscope.xen.abi.DomId;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.MemoryOp;
import org.xenoscope.xen.mm.FrameTable;
import org.xenoscope.xen.mm.FrameType;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * memory_op, the balloon (paper §3.3.4): frames given back are freed only when nothing references them any more,
 * fresh frames come up to the maximum reservation, and every error path returns what Xen returns. The frame table
 * is checked after every step.
 */
class MemoryReservationOpsTest {
    private static final int RW = 0x63;
    private static final int RO = 0x61;
    private static final int EFAULT = Errno.EFAULT.negative();
    private static final int EINVAL = Errno.EINVAL.negative();
    private static final int EPERM = Errno.EPERM.negative();
    private static final int ENOSYS = Errno.ENOSYS.negative();

    /** Guest VA of the reservation struct, of the extent array, and of a domid_t in the scratch buffer. */
    private static int res(PvFixture f) {
        return f.scratch() + 1024;
    }

    private static int list(PvFixture f) {
        return f.scratch() + 2048;
    }

    private static PvFixture boot(GuestFlavour fl) {
        return PvFixture.boot(fl == GuestFlavour.PAE, "    jmp $\n");
    }

    /** Machine frame of a pseudo-physical frame beyond the boot mapping (never referenced). */
    private static int spare(PvFixture f, int n) {
        return f.d.mfn((f.built.layout().mappedEnd() >>> 12) + n);
    }

    /** memory_op(cmd) on a reservation of the extents {@code values} for {@code domid}, with order {@code order}. */
    private static int reservation(PvFixture f, int cmd, int domid, int order, int... values) {
        int r = res(f);
        for (int i = 0; i < values.length; i++) {
            f.mem().write32(list(f) + 4 * i, values[i]);
        }
        f.mem().write32(r, list(f));
        f.mem().write32(r + 4, values.length);
        f.mem().write32(r + 8, order);
        f.mem().write32(r + 12, 0);
        f.mem().write16(r + 16, domid);
        return f.call("memory_op", cmd, r);
    }

    private static int decrease(PvFixture f, int... mfns) {
        return reservation(f, MemoryOp.XENMEM_DECREASE_RESERVATION, DomId.DOMID_SELF, 0, mfns);
    }

    private static int query(PvFixture f, int cmd, int domid) {
        f.mem().write16(res(f), domid);
        return f.call("memory_op", cmd, res(f));
    }

    private static int current(PvFixture f) {
        return query(f, MemoryOp.XENMEM_CURRENT_RESERVATION, DomId.DOMID_SELF);
    }

    private static void assertCountsTrue(PvFixture f) {
        assertThat(f.hv.checkFrameTable(null)).isEmpty();
    }

    private static int pte(PvFixture f, int table, int index, long value) {
        int req = f.scratch();
        f.mem().write32(req, (int) (((long) table << 12) + (long) index * f.d.flavour().pteSize()));
        f.mem().write32(req + 4, 0);
        f.mem().write32(req + 8, (int) value);
        f.mem().write32(req + 12, (int) (value >>> 32));
        return f.call("mmu_update", req, 1, 0, DomId.DOMID_SELF);
    }

    private static int ext(PvFixture f, int cmd, int arg1) {
        int op = f.scratch() + 128;
        f.mem().write32(op, cmd);
        f.mem().write32(op + 4, arg1);
        f.mem().write32(op + 8, 0);
        return f.call("mmuext_op", op, 1, 0, DomId.DOMID_SELF);
    }

    /** The page directory that maps low addresses (2-level: CR3; PAE: the L2 of L3 slot 0). */
    private static int lowL2(PvFixture f) {
        int top = f.cpu().cr(3) >>> 12;
        return f.d.flavour() == GuestFlavour.PAE
            ? PageTables.frame(f.hv.machine().memory().readQword((long) top << 12)) : top;
    }

    @ParameterizedTest
    @EnumSource(GuestFlavour.class)
    void aFrameGivenBackIsFreedAndTheReservationGrowsAgainUpToItsMaximum(GuestFlavour fl) {
        PvFixture f = boot(fl);
        FrameTable ft = f.hv.frames();
        int pages = f.d.nrPages();
        assertThat(current(f)).isEqualTo(pages);
        assertThat(query(f, MemoryOp.XENMEM_MAXIMUM_RESERVATION, DomId.DOMID_SELF)).isEqualTo(pages);
        int a = spare(f, 0);
        int b = spare(f, 1);
        int pfnA = ft.m2p(a);
        assertThat(decrease(f, a, b)).isEqualTo(2);
        assertThat(ft.owner(a)).isEqualTo(FrameTable.OWNER_FREE);
        assertThat(ft.count(a)).isZero();
        assertThat(ft.m2p(a)).isEqualTo(FrameTable.INVALID_M2P);
        assertThat(f.d.mfn(pfnA)).isEqualTo(Domain.INVALID_P2M);
        assertThat(current(f)).isEqualTo(pages - 2);
        assertCountsTrue(f);
        assertThat(decrease(f, a)).as("no longer the domain's").isZero();

        assertThat(reservation(f, MemoryOp.XENMEM_INCREASE_RESERVATION, DomId.DOMID_SELF, 0, 0, 0, 0))
            .as("up to the maximum: two of three").isEqualTo(2);
        int got = f.mem().read32(list(f));
        assertThat(ft.owner(got)).isEqualTo(f.d.id());
        assertThat(ft.allocated(got)).isTrue();
        assertThat(ft.m2p(got)).as("the guest sets M2P itself").isEqualTo(FrameTable.INVALID_M2P);
        assertThat(f.mem().read32(list(f) + 8)).as("the third slot is untouched").isZero();
        assertThat(current(f)).isEqualTo(pages);
        assertThat(reservation(f, MemoryOp.XENMEM_INCREASE_RESERVATION, DomId.DOMID_SELF, 0, 0)).isZero();
        assertCountsTrue(f);
    }

    @Test
    void populatePhysmapBacksTheGivenPfnsAndWritesTheMfnsBack() {
        PvFixture f = boot(GuestFlavour.PAE);
        FrameTable ft = f.hv.frames();
        int a = spare(f, 0);
        int pfn = ft.m2p(a);
        assertThat(decrease(f, a)).isEqualTo(1);
        assertThat(reservation(f, MemoryOp.XENMEM_POPULATE_PHYSMAP, DomId.DOMID_SELF, 0, pfn)).isEqualTo(1);
        int mfn = f.mem().read32(list(f));
        assertThat(mfn).isNotEqualTo(pfn);
        assertThat(ft.owner(mfn)).isEqualTo(f.d.id());
        assertThat(ft.m2p(mfn)).isEqualTo(pfn);
        assertThat(f.d.mfn(pfn)).isEqualTo(mfn);
        assertThat(f.hv.machine().memory().readDword((long) mfn << 12)).as("zeroed").isZero();
        assertCountsTrue(f);
    }

    @ParameterizedTest
    @EnumSource(GuestFlavour.class)
    void aPinnedTableGivenBackIsUnpinnedAndFreedWhenNothingElseHoldsIt(GuestFlavour fl) {
        PvFixture f = boot(fl);
        FrameTable ft = f.hv.frames();
        int table = spare(f, 0);
        int data = spare(f, 1);
        PageTables.write(f.hv.machine().memory(), fl, table, 0, ((long) data << 12) | RW);
        assertThat(ext(f, 0, table)).isZero(); // PIN_L1_TABLE
        assertThat(ft.typeCount(data)).isEqualTo(1);
        assertThat(decrease(f, table)).isEqualTo(1);
        assertThat(ft.pinned(table)).isFalse();
        assertThat(ft.owner(table)).isEqualTo(FrameTable.OWNER_FREE);
        assertThat(ft.typeCount(data)).as("the teardown released the L1's entry").isZero();
        assertThat(ft.count(data)).as("only its allocation").isEqualTo(1);
        assertCountsTrue(f);
    }

    @ParameterizedTest
    @EnumSource(GuestFlavour.class)
    void aPinnedTableStillInUseIsFreedOnlyWhenTheLastReferenceGoes(GuestFlavour fl) {
        PvFixture f = boot(fl);
        FrameTable ft = f.hv.frames();
        int table = spare(f, 0);
        int l2 = lowL2(f);
        int slot = 0x100; // 0x20000000 (2-level) / 0x20000000 (PAE: 256 x 2 MiB): unused by the boot mapping
        assertThat(ext(f, 0, table)).isZero();
        assertThat(pte(f, l2, slot, ((long) table << 12) | 0x67)).isZero(); // hooked into the directory
        int pages = current(f);
        assertThat(decrease(f, table)).isEqualTo(1);
        assertThat(ft.pinned(table)).isFalse();
        assertThat(ft.owner(table)).as("still referenced by the directory").isEqualTo(f.d.id());
        assertThat(ft.allocated(table)).isFalse();
        assertThat(ft.type(table)).isEqualTo(FrameType.L1);
        assertThat(ft.typeCount(table)).isEqualTo(1);
        assertThat(current(f)).as("it counts until freed").isEqualTo(pages);
        assertCountsTrue(f);
        assertThat(ext(f, 0, table)).as("still an L1: pinning it again is allowed").isZero();
        assertThat(decrease(f, table)).as("a second give-back unpins again").isEqualTo(1);
        assertCountsTrue(f);
        assertThat(pte(f, l2, slot, 0)).isZero(); // the last reference goes
        assertThat(ft.owner(table)).isEqualTo(FrameTable.OWNER_FREE);
        assertThat(ft.typeCount(table)).isZero();
        assertThat(current(f)).isEqualTo(pages - 1);
        assertCountsTrue(f);
    }

    @ParameterizedTest
    @EnumSource(GuestFlavour.class)
    void aMappedFrameGivenBackStaysUntilItIsUnmapped(GuestFlavour fl) {
        PvFixture f = boot(fl);
        FrameTable ft = f.hv.frames();
        int data = spare(f, 0);
        int va = f.built.layout().mappedEnd() - 4096;
        assertThat(f.call("update_va_mapping", va, (data << 12) | RW, 0, 2)).isZero();
        assertThat(decrease(f, data)).isEqualTo(1);
        assertThat(ft.owner(data)).isEqualTo(f.d.id());
        assertThat(ft.count(data)).as("the mapping").isEqualTo(1);
        assertCountsTrue(f);
        f.cpu().writeLinear32(va, 0x1234); // the guest still uses it: Xen frees nothing in use
        assertThat(f.call("update_va_mapping", va, 0, 0, 2)).isZero();
        assertThat(ft.owner(data)).isEqualTo(FrameTable.OWNER_FREE);
        assertCountsTrue(f);
        assertThat(reservation(f, MemoryOp.XENMEM_INCREASE_RESERVATION, DomId.DOMID_SELF, 0, 0)).isEqualTo(1);
        assertThat(f.mem().read32(list(f))).as("the freed frame comes back first").isEqualTo(data);
        assertThat(f.hv.machine().memory().readDword((long) data << 12)).as("zeroed").isZero();
        assertCountsTrue(f);
    }

    @Test
    void theCurrentTopLevelTableIsNotFreedWhileItIsTheBasePointer() {
        PvFixture f = boot(GuestFlavour.NONPAE);
        FrameTable ft = f.hv.frames();
        int top = f.cpu().cr(3) >>> 12;
        assertThat(decrease(f, top)).isEqualTo(1);
        assertThat(ft.pinned(top)).isFalse();
        assertThat(ft.owner(top)).isEqualTo(f.d.id());
        assertThat(ft.typeCount(top)).as("the base pointer").isEqualTo(1);
        assertCountsTrue(f);
        assertThat(f.run(100).outcome()).as("the guest runs on").isEqualTo(Hypervisor.Outcome.LIMIT);
    }

    @Test
    void aBatchStopsAtAFrameThatIsNotTheDomainsAndCountsTheOnesDone() {
        PvFixture f = boot(GuestFlavour.PAE);
        int shared = f.d.sharedInfoMfn();
        assertThat(decrease(f, spare(f, 0), shared, spare(f, 1))).isEqualTo(1);
        assertThat(f.hv.frames().owner(spare(f, 1))).isEqualTo(f.d.id());
        assertThat(f.hv.trace().events()).filteredOn(e -> e instanceof TraceEvent.Validation v && !v.accepted())
            .singleElement().satisfies(e -> assertThat(((TraceEvent.Validation) e).rule()).contains("is not d"));
        assertThat(decrease(f, 0x7FFFFFFF)).as("no such frame").isZero();
        assertCountsTrue(f);
    }

    @Test
    void aResumedCallStartsAtItsExtentAndAResumePointPastTheEndIsInvalid() {
        PvFixture f = boot(GuestFlavour.PAE);
        int resume2 = MemoryOp.XENMEM_DECREASE_RESERVATION | (2 << MemoryOp.MEMOP_EXTENT_SHIFT);
        assertThat(reservation(f, resume2, DomId.DOMID_SELF, 0, spare(f, 0), spare(f, 1), spare(f, 2)))
            .isEqualTo(3);
        assertThat(f.hv.frames().owner(spare(f, 0))).as("before the resume point").isEqualTo(f.d.id());
        assertThat(f.hv.frames().owner(spare(f, 2))).isEqualTo(FrameTable.OWNER_FREE);
        int resume4 = MemoryOp.XENMEM_DECREASE_RESERVATION | (4 << MemoryOp.MEMOP_EXTENT_SHIFT);
        assertThat(reservation(f, resume4, DomId.DOMID_SELF, 0, 1, 2, 3)).isEqualTo(EINVAL);
        assertThat(f.call("memory_op", MemoryOp.XENMEM_MAXIMUM_RAM_PAGE | (1 << MemoryOp.MEMOP_EXTENT_SHIFT), 0))
            .isEqualTo(EINVAL);
        assertCountsTrue(f);
    }

    @Test
    void errorPaths() {
        PvFixture f = boot(GuestFlavour.PAE);
        int xen = f.d.flavour().hypervisorVirtStart();
        assertThat(f.call("memory_op", MemoryOp.XENMEM_DECREASE_RESERVATION, xen)).as("arg in Xen's area")
            .isEqualTo(EFAULT);
        assertThat(f.call("memory_op", MemoryOp.XENMEM_INCREASE_RESERVATION, 0x20000000)).as("unmapped arg")
            .isEqualTo(EFAULT);
        assertThat(f.call("memory_op", MemoryOp.XENMEM_CURRENT_RESERVATION, xen - 1)).isEqualTo(EFAULT);
        assertThat(reservation(f, MemoryOp.XENMEM_INCREASE_RESERVATION, DomId.DOMID_SELF, 1, 0))
            .as("extent order 1").isEqualTo(EINVAL);
        assertThat(reservation(f, MemoryOp.XENMEM_DECREASE_RESERVATION, 5, 0, spare(f, 0))).as("another domain")
            .isEqualTo(EPERM);
        assertThat(reservation(f, MemoryOp.XENMEM_DECREASE_RESERVATION, f.d.id(), 0, spare(f, 0)))
            .as("its own id").isEqualTo(1);
        assertThat(query(f, MemoryOp.XENMEM_MAXIMUM_RESERVATION, 0)).as("Domain 0's").isEqualTo(EPERM);
        assertThat(query(f, MemoryOp.XENMEM_CURRENT_RESERVATION, f.d.id())).isEqualTo(f.d.nrPages() - 1);
        assertThat(f.call("memory_op", MemoryOp.XENMEM_ADD_TO_PHYSMAP, res(f))).isEqualTo(ENOSYS);
        assertThat(f.call("memory_op", 63, res(f))).isEqualTo(ENOSYS);
        // A fault on the extent array stops the call: the extents done before it count.
        int r = res(f);
        f.mem().write32(r, f.built.layout().mappedEnd() - 4); // the last word mapped: slot 1 faults
        f.mem().write32(r + 4, 2);
        f.mem().write32(r + 8, 0);
        f.mem().write16(r + 16, DomId.DOMID_SELF);
        int pages = current(f);
        assertThat(f.call("memory_op", MemoryOp.XENMEM_INCREASE_RESERVATION, r)).isEqualTo(1);
        assertThat(current(f)).as("no frame lost on the faulting slot").isEqualTo(pages + 1);
        assertCountsTrue(f);
    }

    @Test
    void increaseWithoutAnArrayAndTheMachineQueries() {
        PvFixture f = boot(GuestFlavour.NONPAE);
        FrameTable ft = f.hv.frames();
        assertThat(decrease(f, spare(f, 0))).isEqualTo(1);
        int r = res(f);
        f.mem().write32(r, 0); // NULL extent_start: the frames are not reported
        f.mem().write32(r + 4, 1);
        f.mem().write32(r + 8, 0);
        f.mem().write16(r + 16, DomId.DOMID_SELF);
        assertThat(f.call("memory_op", MemoryOp.XENMEM_INCREASE_RESERVATION, r)).isEqualTo(1);
        assertThat(f.call("memory_op", MemoryOp.XENMEM_MAXIMUM_RAM_PAGE, 0)).isEqualTo(ft.frames());
        int mml = f.scratch() + 3072;
        f.mem().write32(mml, 8);
        f.mem().write32(mml + 4, list(f));
        f.mem().write32(mml + 8, -1);
        assertThat(f.call("memory_op", MemoryOp.XENMEM_MACHPHYS_MFN_LIST, mml)).isZero();
        int n = (ft.m2pFrames() + 511) / 512;
        assertThat(f.mem().read32(mml + 8)).isEqualTo(n);
        assertThat(f.mem().read32(list(f))).isEqualTo(ft.m2pFirstMfn());
        f.mem().write32(mml, 0);
        assertThat(f.call("memory_op", MemoryOp.XENMEM_MACHPHYS_MFN_LIST, mml)).isZero();
        assertThat(f.mem().read32(mml + 8)).as("max_extents 0").isZero();
        f.mem().write32(mml, 1);
        f.mem().write32(mml + 4, f.d.flavour().hypervisorVirtStart());
        assertThat(f.call("memory_op", MemoryOp.XENMEM_MACHPHYS_MFN_LIST, mml)).isEqualTo(Errno.EFAULT.negative());
        assertCountsTrue(f);
    }
}
