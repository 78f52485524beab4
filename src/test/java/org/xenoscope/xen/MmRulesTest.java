package org.xenoscope.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.xenoscope.dom0.BootLayout;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.mm.FrameTable;
import org.xenoscope.xen.mm.FrameType;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * The page-type rules through the hypercalls a guest uses (mmu_update, mmuext_op, update_va_mapping): every
 * refusal leaves the state untouched, every count transition is checked against the invariant checker.
 */
class MmRulesTest {
    private static final int EINVAL = Errno.EINVAL.negative();
    private static final int RW = 0x63; // P | RW | A | D
    private static final int RO = 0x61; // P | A | D

    /** A fixture whose first free pseudo-physical frames (beyond the boot mapping) serve as new tables. */
    private static PvFixture boot(GuestFlavour f) {
        return PvFixture.boot(f == GuestFlavour.PAE, "    jmp $\n");
    }

    /** Machine frame of a pseudo-physical frame beyond the boot mapping (never mapped, so free for any role). */
    private static int spare(PvFixture f, int n) {
        BootLayout lay = f.built.layout();
        return f.d.mfn((lay.mappedEnd() >>> 12) + n);
    }

    private static void assertCountsTrue(PvFixture f) {
        assertThat(f.hv.checkFrameTable(null)).isEmpty();
    }

    private static int pte(PvFixture f, int l1, int index, long value) {
        int req = f.scratch();
        int size = f.d.flavour().pteSize();
        f.mem().write32(req, (int) (((long) l1 << 12) + (long) index * size));
        f.mem().write32(req + 4, 0);
        f.mem().write32(req + 8, (int) value);
        f.mem().write32(req + 12, (int) (value >>> 32));
        return f.call("mmu_update", req, 1, req + 64, 0x7FF0);
    }

    private static int ext(PvFixture f, int cmd, int arg1) {
        int op = f.scratch() + 128;
        f.mem().write32(op, cmd);
        f.mem().write32(op + 4, arg1);
        f.mem().write32(op + 8, 0);
        return f.call("mmuext_op", op, 1, 0, 0x7FF0);
    }

    /** The L1 that maps virtual address {@code va} now. */
    private static int l1Of(PvFixture f, int va) {
        int cr3 = f.cpu().cr(3);
        GuestFlavour fl = f.d.flavour();
        return PageTables.l1For(f.hv.machine().memory(), fl, cr3 >>> 12, fl == GuestFlavour.PAE ? cr3 & 0xFE0 : 0,
            va);
    }

    @ParameterizedTest
    @EnumSource(GuestFlavour.class)
    void theBootstrapTreeIsValidatedPinnedAndCounted(GuestFlavour fl) {
        PvFixture f = boot(fl);
        FrameTable ft = f.hv.frames();
        int top = f.cpu().cr(3) >>> 12;
        assertThat(ft.type(top)).isEqualTo(fl == GuestFlavour.PAE ? FrameType.L3 : FrameType.L2);
        assertThat(ft.pinned(top)).isTrue();
        assertThat(ft.typeCount(top)).as("pin + base pointer").isEqualTo(2);
        int stackPage = f.d.mfn(f.built.layout().pfn(f.built.layout().stack()));
        assertThat(ft.type(stackPage)).isEqualTo(FrameType.WRITABLE);
        assertThat(ft.count(stackPage)).as("allocation + one mapping").isEqualTo(2);
        assertCountsTrue(f);
    }

    @ParameterizedTest
    @EnumSource(GuestFlavour.class)
    void aWritableMappingOfAPageTableIsRefusedAndChangesNothing(GuestFlavour fl) {
        PvFixture f = boot(fl);
        int va = 0x00300000; // mapped by the boot tables
        int l1 = l1Of(f, va);
        int index = PageTables.l1Index(fl, va);
        long before = PageTables.read(f.hv.machine().memory(), fl, l1, index);
        // Point the PTE at the L1 itself, writable: the frame is an L1 page table.
        assertThat(pte(f, l1, index, ((long) l1 << 12) | RW)).isEqualTo(EINVAL);
        assertThat(PageTables.read(f.hv.machine().memory(), fl, l1, index)).isEqualTo(before);
        assertThat(f.mem().read32(f.scratch() + 64)).as("pdone").isZero();
        assertThat(f.hv.trace().events()).anySatisfy(e -> assertThat(e.type()).isEqualTo("refused"));
        // update_va_mapping is held to the same rule.
        assertThat(f.call("update_va_mapping", va, (l1 << 12) | RW, 0, 2)).isEqualTo(EINVAL);
        // Read-only is fine.
        assertThat(pte(f, l1, index, ((long) l1 << 12) | RO)).isZero();
        assertCountsTrue(f);
    }

    @Test
    void pinnedL1CannotBeMappedWritableUntilUnpinnedAndUnreferenced() {
        PvFixture f = boot(GuestFlavour.PAE);
        int table = spare(f, 0);
        int data = spare(f, 1);
        f.hv.machine().memory().writeQword((long) table << 12, ((long) data << 12) | RW); // maps data writable
        assertThat(ext(f, 0, table)).isZero(); // PIN_L1_TABLE
        FrameTable ft = f.hv.frames();
        assertThat(ft.type(table)).isEqualTo(FrameType.L1);
        assertThat(ft.type(data)).isEqualTo(FrameType.WRITABLE);
        assertThat(ft.typeCount(data)).isEqualTo(1);
        assertThat(ext(f, 0, table)).as("pinning does not nest").isEqualTo(EINVAL);
        int va = 0x00300000;
        int l1 = l1Of(f, va);
        int index = PageTables.l1Index(GuestFlavour.PAE, va);
        assertThat(pte(f, l1, index, ((long) table << 12) | RW)).as("writable map of a pinned L1").isEqualTo(EINVAL);
        assertThat(ext(f, 4, table)).isZero(); // UNPIN: type count 0, torn down
        assertThat(ft.typeCount(table)).isZero();
        assertThat(ft.typeCount(data)).as("the L1's entry released its writable reference").isZero();
        assertThat(pte(f, l1, index, ((long) table << 12) | RW)).isZero();
        assertThat(ext(f, 0, table)).as("now mapped writable: cannot become an L1").isEqualTo(EINVAL);
        assertThat(ext(f, 4, table)).as("not pinned").isEqualTo(EINVAL);
        assertCountsTrue(f);
    }

    @ParameterizedTest
    @EnumSource(GuestFlavour.class)
    void aNewAddressSpaceIsValidatedByNewBaseptrAndTheOldOneKeptByItsPin(GuestFlavour fl) {
        PvFixture f = boot(fl);
        var mem = f.hv.machine().memory();
        int oldTop = f.cpu().cr(3) >>> 12;
        int code = f.d.mfn(0x100); // the image: the loop at _start
        int top;
        if (fl == GuestFlavour.PAE) {
            int l3 = spare(f, 0);
            int l2 = spare(f, 1);
            int l2x = spare(f, 2);
            int l1 = spare(f, 3);
            mem.writeQword((long) l3 << 12, ((long) l2 << 12) | 1);
            mem.writeQword(((long) l3 << 12) + 24, ((long) l2x << 12) | 1);
            mem.writeQword(((long) l2 << 12), ((long) l1 << 12) | 0x67);
            mem.writeQword(((long) l1 << 12) + 8 * 0x100, ((long) code << 12) | RO);
            top = l3;
        } else {
            int l2 = spare(f, 0);
            int l1 = spare(f, 1);
            mem.writeDword((long) l2 << 12, (l1 << 12) | 0x67);
            mem.writeDword(((long) l1 << 12) + 4 * 0x100, (code << 12) | RO);
            top = l2;
        }
        assertThat(ext(f, 5, top)).isZero(); // NEW_BASEPTR: validates the whole new tree
        assertThat(f.cpu().cr(3) >>> 12).isEqualTo(top);
        assertThat(f.hv.frames().validated(top)).isTrue();
        assertThat(f.hv.frames().typeCount(oldTop)).as("only its pin now").isEqualTo(1);
        // Xen wrote its slots into the new directory: the M2P is readable in the new address space.
        assertThat(f.cpu().readLinear32(fl.m2pStart() + 4 * code)).isEqualTo(0x100);
        assertCountsTrue(f);
        assertThat(f.run(100).outcome()).isEqualTo(Hypervisor.Outcome.LIMIT); // the guest runs on in it
        f.hv.newBaseptr(f.d, oldTop); // (the new space maps no buffer for a request: switch back directly)
        assertThat(f.hv.frames().typeCount(top)).as("released: torn down").isZero();
        assertCountsTrue(f);
    }

    @Test
    void aLinearSelfMapMustBeReadOnly() {
        PvFixture f = boot(GuestFlavour.NONPAE);
        int pd = f.cpu().cr(3) >>> 12;
        int slot = 0x200; // 0x80000000, unused
        assertThat(pte(f, pd, slot, ((long) pd << 12) | 0x63)).as("RW self-map").isEqualTo(EINVAL);
        assertThat(pte(f, pd, slot, ((long) pd << 12) | 0x61)).as("read-only self-map").isZero();
        // Through the self-map, the directory appears at 0x80000000 + slot * 4 KiB: its entry `slot` is itself.
        assertThat(f.cpu().readLinear32(0x80000000 + slot * 4096 + 4 * slot) >>> 12).isEqualTo(pd);
        assertCountsTrue(f);
    }

    @ParameterizedTest
    @EnumSource(GuestFlavour.class)
    void xensSlotsAndXensFramesAreOutOfReach(GuestFlavour fl) {
        PvFixture f = boot(fl);
        int top = f.cpu().cr(3) >>> 12;
        int dir = fl == GuestFlavour.PAE
            ? PageTables.frame(f.hv.machine().memory().readQword(((long) top << 12) + 24)) : top;
        int first = fl.pagingMode().firstXenL2Slot();
        assertThat(pte(f, dir, first, ((long) spare(f, 0) << 12) | 0x67)).as("a Xen slot").isEqualTo(EINVAL);
        int va = 0x00300000;
        assertThat(f.call("update_va_mapping", va, (f.hv.area().zeroMfn() << 12) | RO, 0, 2))
            .as("a Xen frame").isEqualTo(EINVAL);
        if (fl == GuestFlavour.PAE) {
            assertThat(pte(f, top, 3, ((long) spare(f, 1) << 12) | 1)).as("L3 slot 3").isEqualTo(EINVAL);
        }
        assertCountsTrue(f);
    }

    @Test
    void aRefusedRequestStopsTheBatchAndPdoneCountsTheDoneOnes() {
        PvFixture f = boot(GuestFlavour.PAE);
        int va = 0x00300000;
        int l1 = l1Of(f, va);
        int req = f.scratch();
        long a = ((long) l1 << 12) + 8L * PageTables.l1Index(GuestFlavour.PAE, va);
        long[][] batch = {{a, ((long) spare(f, 0) << 12) | RW}, {a + 8, ((long) l1 << 12) | RW},
            {a + 16, ((long) spare(f, 1) << 12) | RW}};
        for (int i = 0; i < batch.length; i++) {
            f.mem().write32(req + 16 * i, (int) batch[i][0]);
            f.mem().write32(req + 16 * i + 4, 0);
            f.mem().write32(req + 16 * i + 8, (int) batch[i][1]);
            f.mem().write32(req + 16 * i + 12, 0);
        }
        assertThat(f.call("mmu_update", req, 3, req + 64, 0x7FF0)).isEqualTo(EINVAL);
        assertThat(f.mem().read32(req + 64)).isEqualTo(1);
        assertThat(f.hv.frames().type(spare(f, 0))).isEqualTo(FrameType.WRITABLE);
        assertThat(f.hv.frames().typeCount(spare(f, 1))).isZero();
        assertThat(f.call("mmu_update", req, 1, 0, 3)).as("another domain's tables").isEqualTo(
            Errno.EPERM.negative());
        assertCountsTrue(f);
        List<TraceEvent> ev = f.hv.trace().events();
        assertThat(ev).filteredOn(e -> e instanceof TraceEvent.Validation).hasSize(2);
    }

    @Test
    void theCheckerNoticesAnEntryWrittenBehindXensBack() {
        PvFixture f = boot(GuestFlavour.PAE);
        int va = 0x00300000;
        int l1 = l1Of(f, va);
        f.hv.machine().memory().writeQword(((long) l1 << 12) + 8L * PageTables.l1Index(GuestFlavour.PAE, va),
            ((long) spare(f, 0) << 12) | RW);
        assertThat(f.hv.checkFrameTable(null)).isNotEmpty().first().asString().contains("counts general");
    }

    private static int setLdt(PvFixture f, int va, int entries) {
        int op = f.scratch() + 128;
        f.mem().write32(op, 13); // MMUEXT_SET_LDT
        f.mem().write32(op + 4, va);
        f.mem().write32(op + 8, entries);
        return f.call("mmuext_op", op, 1, 0, 0x7FF0);
    }

    @ParameterizedTest
    @EnumSource(GuestFlavour.class)
    void anLdtIsTakenThroughItsTypeAndItsDescriptorsAreChecked(GuestFlavour fl) {
        PvFixture f = PvFixture.boot(fl == GuestFlavour.PAE, """
                mov ax, 0x000D          ; LDT entry 1, RPL 1
                mov ds, ax
                mov eax, [0x00100000]
                jmp $
            """);
        int va = f.scratch() + 8192; // a page of the guest's .bss
        int frame = (int) (f.cpu().mmu().translate(va, false, false) >>> 12);
        var mem = f.hv.machine().memory();
        mem.writeQword(((long) frame << 12) + 8, Descriptors.flat(0xFFFFF, 0xB2)); // flat ring-1 data, 4 GiB
        assertThat(setLdt(f, va, 2)).as("the page is still mapped writable").isEqualTo(EINVAL);
        assertThat(f.call("update_va_mapping", va, (frame << 12) | RO, 0, 2)).isZero();
        assertThat(setLdt(f, va + 8, 2)).as("misaligned").isEqualTo(EINVAL);
        assertThat(setLdt(f, va, 8193)).as("too many entries").isEqualTo(EINVAL);
        mem.writeQword(((long) frame << 12) + 16, Descriptors.flat(0xFFFFF, 0x92)); // DPL 0 at entry 2
        assertThat(setLdt(f, va, 3)).as("a DPL-0 descriptor").isEqualTo(EINVAL);
        assertThat(f.hv.frames().typeCount(frame)).isZero();
        assertThat(setLdt(f, va, 2)).as("the whole page is validated, not only the entries in use")
            .isEqualTo(EINVAL);
        mem.writeQword(((long) frame << 12) + 16, 0);
        assertThat(setLdt(f, va, 2)).isZero();
        assertThat(f.hv.frames().type(frame)).isEqualTo(FrameType.LDT);
        assertThat(f.hv.frames().typeCount(frame)).isEqualTo(1);
        assertThat(mem.readQword(((long) frame << 12) + 8)).as("clipped below Xen")
            .isEqualTo(Descriptors.flat((fl.segmentMax() >>> 12) - 1, 0xB2));
        assertCountsTrue(f);
        assertThat(f.run(50).outcome()).isEqualTo(Hypervisor.Outcome.LIMIT);
        assertThat(f.cpu().seg(org.xenoscope.machine.cpu.Cpu.DS).selector).isEqualTo(0x000D);
        assertThat(f.cpu().seg(org.xenoscope.machine.cpu.Cpu.DS).limit).isEqualTo(fl.segmentMax() - 1);
        assertThat(f.call("update_va_mapping", va, (frame << 12) | RW, 0, 2)).as("an LDT page mapped writable")
            .isEqualTo(EINVAL);
        assertThat(setLdt(f, 0, 0)).isZero();
        assertThat(f.hv.frames().typeCount(frame)).isZero();
        assertCountsTrue(f);
    }

    @Test
    void onlyAPrivilegedDomainMayNameAForeignDomainAndThenItsFramesCount() {
        PvFixture f = boot(GuestFlavour.PAE);
        int va = 0x00300000;
        int l1 = l1Of(f, va);
        int index = PageTables.l1Index(GuestFlavour.PAE, va);
        int req = f.scratch();
        f.mem().write32(req, (l1 << 12) + 8 * index);
        f.mem().write32(req + 4, 0);
        f.mem().write32(req + 8, (spare(f, 0) << 12) | RW);
        f.mem().write32(req + 12, 0);
        int d1 = f.d.id();
        // The guest may not name Domain 0 (or anyone) as the foreign domain.
        assertThat(f.call("mmu_update", req, 1, 0, 0)).isEqualTo(Errno.EPERM.negative());
        // Domain 0's toolstack may update d1's tables (PFD = d1, bits 31..16 = d1 + 1) mapping d1's frames (FD).
        Domain dom0 = f.hv.domain(Hypervisor.DOM0);
        int foreign = ((d1 + 1) << 16) | d1;
        int r = f.hv.hypercalls().invoke(new Call(f.hv, dom0, 1, new int[] {req, 1, 0, foreign, 0}, f.mem()));
        assertThat(r).isZero();
        assertThat(f.hv.frames().type(spare(f, 0))).isEqualTo(FrameType.WRITABLE);
        assertThat(f.hv.hypercalls().invoke(new Call(f.hv, dom0, 1, new int[] {req, 1, 0, 0x7FFF0077, 0},
            f.mem()))).as("no such domain").isEqualTo(Errno.ESRCH.negative());
        assertCountsTrue(f);
    }

    @Test
    void updateVaMappingOtherdomainIsForTheToolstackOnly() {
        PvFixture f = boot(GuestFlavour.PAE);
        int va = 0x00300000;
        int pte = (spare(f, 0) << 12) | RW;
        int d1 = f.d.id();
        assertThat(f.call("update_va_mapping_otherdomain", va, pte, 0, 2, d1)).isEqualTo(Errno.EPERM.negative());
        Domain dom0 = f.hv.domain(Hypervisor.DOM0);
        int nr = org.xenoscope.xen.abi.Hypercall.number("update_va_mapping_otherdomain");
        assertThat(f.hv.hypercalls().invoke(new Call(f.hv, dom0, nr, new int[] {va, pte, 0, 2, d1}, f.mem())))
            .isZero();
        assertThat(f.cpu().readLinear32(va)).as("the new mapping in d1's address space").isZero();
        assertThat(f.hv.frames().type(spare(f, 0))).isEqualTo(FrameType.WRITABLE);
        assertThat(f.hv.hypercalls().invoke(new Call(f.hv, dom0, nr, new int[] {va, pte, 0, 2, 0x55}, f.mem())))
            .isEqualTo(Errno.ESRCH.negative());
        assertCountsTrue(f);
    }
}
