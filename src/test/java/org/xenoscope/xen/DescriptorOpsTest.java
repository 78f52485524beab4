package org.xenoscope.xen;

import org.xenoscope.xen.mm.FrameType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xenoscope.asm.nasm.Assembler;
import org.xenoscope.dom0.DomainBuilder;
import org.xenoscope.dom0.XenSystem;
import org.xenoscope.guests.GuestBuilds;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.testutil.Tools;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.Selectors;

class DescriptorOpsTest {
    private static final int EINVAL = Errno.EINVAL.negative();
    /** Access bytes: present, DPL 1, code/data; data read/write 0x2, code execute/read 0xA, data expand-down 0x6. */
    private static final int RING1_DATA = 0xB2;
    private static final int RING1_CODE = 0xBA;
    private static final int RING1_DATA_DOWN = 0xB6;
    private static final long FLAT_RING1_DATA = Descriptors.flat(0xFFFFF, RING1_DATA);

    /** The machine frame behind guest virtual address {@code va}. */
    /**
     * The machine frame behind {@code va}, mapped read-only first (a descriptor-table frame may have no writable
     * mapping: Xen would refuse it, and XTF remaps its GDT page read-only the same way before set_gdt).
     */
    private static int mfn(PvFixture f, int va) {
        int frame = (int) (f.cpu().mmu().translate(va, false, false) >>> 12);
        assertThat(f.call("update_va_mapping", va & ~0xFFF, (frame << 12) | 0x61, 0, 2)).isZero();
        return frame;
    }

    private static long qword(PvFixture f, int mfn, int index) {
        return f.cpu().memory().readQword(((long) mfn << 12) + 8L * index);
    }

    private static void putQword(PvFixture f, int mfn, int index, long v) {
        f.cpu().memory().writeQword(((long) mfn << 12) + 8L * index, v);
    }

    private static long checked(GuestFlavour fl, long desc) {
        return DescriptorCheck.check(fl, desc);
    }

    private static void assertRefused(GuestFlavour fl, long desc) {
        assertThatThrownBy(() -> DescriptorCheck.check(fl, desc)).isInstanceOf(HypercallError.class)
            .satisfies(e -> assertThat(((HypercallError) e).errno()).isEqualTo(Errno.EINVAL));
    }

    // ---------------------------------------------------------------- the descriptor check

    @ParameterizedTest
    @EnumSource(GuestFlavour.class)
    void flatSegmentsAreClippedAtTheFlavoursSegmentMax(GuestFlavour fl) {
        int lastPage = (fl.segmentMax() >>> 12) - 1; // 0xF5BFF (PAE) or 0xFC3FF (2-level)
        assertThat(lastPage).isEqualTo(fl == GuestFlavour.PAE ? 0xF5BFF : 0xFC3FF);
        long clipped = checked(fl, FLAT_RING1_DATA);
        assertThat(Descriptors.limitField(clipped)).isEqualTo(lastPage);
        assertThat(Descriptors.limit(clipped)).isEqualTo(fl.segmentMax() - 1);
        assertThat(clipped & ~0x000F00000000FFFFL).isEqualTo(FLAT_RING1_DATA & ~0x000F00000000FFFFL);
        assertThat(checked(fl, Descriptors.flat(0xFFFFF, RING1_CODE))).isEqualTo(
            Descriptors.flat(lastPage, RING1_CODE));
        // A segment with a base ends at segmentMax too: limit = segmentMax - base, rounded down to pages.
        long based = Descriptors.segment(0x00401000, 0xFFFFF, RING1_DATA, 0xC);
        assertThat(Descriptors.base(checked(fl, based)) + Descriptors.limit(checked(fl, based)))
            .isEqualTo(fl.segmentMax() - 1);
        // Xen's own flat descriptors are what the check makes of the 4 GiB ones.
        assertThat(Descriptors.limitField(checked(fl, Selectors.FLAT_RING3_CS_DESCRIPTOR))).isEqualTo(lastPage);
    }

    @ParameterizedTest
    @EnumSource(GuestFlavour.class)
    void segmentsBelowSegmentMaxAreKeptAsTheyAre(GuestFlavour fl) {
        long small = Descriptors.segment(0x1000, 0xFFFF, RING1_DATA, 0x4); // byte-granular 64 KiB
        assertThat(checked(fl, small)).isEqualTo(small);
        int lastPage = (fl.segmentMax() >>> 12) - 1;
        long exact = Descriptors.flat(lastPage, RING1_DATA);
        assertThat(checked(fl, exact)).isEqualTo(exact);
        long ring3 = Descriptors.flat(0x100, 0xF2);
        assertThat(checked(fl, ring3)).isEqualTo(ring3);
    }

    @ParameterizedTest
    @EnumSource(GuestFlavour.class)
    void basesNearXenAndByteGranularOverrunsAreRefused(GuestFlavour fl) {
        int max = fl.segmentMax();
        assertRefused(fl, Descriptors.segment(max - 4096, 0, RING1_DATA, 0xC));
        assertRefused(fl, Descriptors.segment(0xFFFFF000, 0, RING1_DATA, 0xC));
        long justBelow = Descriptors.segment(max - 8192, 0, RING1_DATA, 0xC);
        assertThat(checked(fl, justBelow)).isEqualTo(justBelow);
        // Byte-granular: base + limit past segmentMax cannot be clipped to a page boundary: refused.
        assertRefused(fl, Descriptors.segment(max - 8192, 0xFFFFF, RING1_DATA, 0x4));
        long byteFits = Descriptors.segment(max - 8192, 8191, RING1_DATA, 0x4);
        assertThat(checked(fl, byteFits)).isEqualTo(byteFits);
    }

    @Test
    void expandDownSegmentsMayNotReachTheTopOfTheAddressSpace() {
        GuestFlavour fl = GuestFlavour.PAE;
        // base 0x10000, limit 0 (G): offsets 0x1000..0xFFFFFFFF = linear 0x11000..0x0000FFFF (wraps through Xen).
        long down = Descriptors.segment(0x10000, 0, RING1_DATA_DOWN, 0xC);
        long c = checked(fl, down);
        assertThat(Descriptors.limitField(c)).isEqualTo(0xFFFEF); // lowest offset -0x10000: linear 0 .. 0xFFFF
        // base 0: every expand-down segment reaches the top; clipped to no access at all (limit 0xFFFFF).
        assertThat(Descriptors.limitField(checked(fl, Descriptors.segment(0, 0x100, RING1_DATA_DOWN, 0xC))))
            .isEqualTo(0xFFFFF);
        // limit 0xFFFFF (G) is "no access" already: base + L wraps, kept.
        long none = Descriptors.segment(0x10000, 0xFFFFF, RING1_DATA_DOWN, 0xC);
        assertThat(checked(fl, none)).isEqualTo(none);
        assertRefused(fl, Descriptors.segment(0x10000, 0x100, RING1_DATA_DOWN, 0x4)); // byte-granular
    }

    @Test
    void notPresentPassesAndDplZeroIsRefused() {
        GuestFlavour fl = GuestFlavour.NONPAE;
        long notPresent = 0x0000700000000000L | 0xFFFFFFFFL; // anything, as long as P = 0
        assertThat(checked(fl, notPresent)).isEqualTo(notPresent);
        assertThat(checked(fl, 0L)).isZero();
        assertRefused(fl, Descriptors.flat(0x100, 0x92)); // DPL 0 data
        assertRefused(fl, Descriptors.flat(0x100, 0x9A)); // DPL 0 code
        assertRefused(fl, callGate(Selectors.FLAT_RING1_CS, 0x8C)); // DPL 0 call gate
    }

    private static long callGate(int sel, int access) {
        return ((long) 0x0010 << 48) | ((long) access << 40) | ((long) sel << 16) | 0x2000;
    }

    @Test
    void onlyCallGatesToGuestCodeSelectorsAreAllowedSystemDescriptors() {
        GuestFlavour fl = GuestFlavour.PAE;
        assertThat(checked(fl, callGate(Selectors.FLAT_RING1_CS, 0xEC))).isEqualTo(
            callGate(Selectors.FLAT_RING1_CS, 0xEC));
        assertThat(checked(fl, callGate(0x0029, 0xAC))).isEqualTo(callGate(0x0029, 0xAC));
        assertThat(checked(fl, callGate(0x000F, 0xEC))).isEqualTo(callGate(0x000F, 0xEC)); // LDT selector
        assertThat(checked(fl, callGate(0x0028, 0xEC))).isEqualTo(callGate(0x0029, 0xEC)); // RPL 0 -> 1
        assertRefused(fl, callGate(Selectors.HYPERVISOR_CS, 0xEC));
        assertRefused(fl, callGate(Selectors.FLAT_RING3_CS, 0xEC)); // Xen's entry, not the ring-1 CS
        assertRefused(fl, callGate(Selectors.FLAT_RING1_CS, 0xEC) | (0x20L << 32)); // reserved bit 5
        assertRefused(fl, callGate(Selectors.FLAT_RING1_CS, 0xAE)); // interrupt gate
        assertRefused(fl, callGate(Selectors.FLAT_RING1_CS, 0xAF)); // trap gate
        assertRefused(fl, callGate(Selectors.FLAT_RING1_CS, 0xA5)); // task gate
        assertRefused(fl, callGate(Selectors.FLAT_RING1_CS, 0xA4)); // 16-bit call gate
        assertRefused(fl, Descriptors.system(0x1000, 103, 0xA9)); // TSS
        assertRefused(fl, Descriptors.system(0x1000, 0xFFF, 0xA2)); // LDT
    }

    // ---------------------------------------------------------------- set_gdt

    @Test
    void setGdtInstallsCheckedFramesAndMapsThem() {
        PvFixture f = PvFixture.boot();
        int frame = mfn(f, f.scratch());
        putQword(f, frame, 1, FLAT_RING1_DATA);
        putQword(f, frame, 511, Descriptors.flat(0x10, RING1_DATA));
        f.mem().write32(f.scratch() + 4096, frame);
        assertThat(f.call("set_gdt", f.scratch() + 4096, 512)).isZero();
        assertThat(f.d.vcpu0.gdtFrames()).containsExactly(frame);
        assertThat(f.d.vcpu0.gdtEntries()).isEqualTo(512);
        assertThat(f.hv.frames().type(frame)).isEqualTo(FrameType.GDT);
        // The frame holds the clipped descriptor, and the CPU sees it through the GDT mapping.
        long clipped = Descriptors.flat(0xF5BFF, RING1_DATA);
        assertThat(qword(f, frame, 1)).isEqualTo(clipped);
        Cpu c = f.cpu();
        assertThat(c.readLinear32(GuestFlavour.GDT_VIRT_START + 8)).isEqualTo((int) clipped);
        assertThat(c.readLinear32(GuestFlavour.GDT_VIRT_START + 12)).isEqualTo((int) (clipped >>> 32));
        assertThat(c.readLinear32(GuestFlavour.GDT_VIRT_START + 4096)).isZero(); // page 1: the zero page
        // Xen's page is still in place.
        assertThat(c.readLinear32(GuestFlavour.GDT_VIRT_START + (Selectors.FLAT_RING1_CS & ~7) + 4)).isNotZero();
    }

    @Test
    void setGdtReplacesTheOldFramesAndZeroEntriesUnmapsThem() {
        PvFixture f = PvFixture.boot();
        int a = mfn(f, f.scratch());
        int b = mfn(f, f.scratch() + 4096);
        int list = f.scratch() + 8192;
        f.mem().write32(list, a);
        f.mem().write32(list + 4, b);
        assertThat(f.call("set_gdt", list, 513)).isZero();
        assertThat(f.d.vcpu0.gdtFrames()).containsExactly(a, b);
        f.mem().write32(list, b);
        assertThat(f.call("set_gdt", list, 1)).isZero();
        assertThat(f.hv.frames().typeCount(a)).as("a is no GDT frame any more").isZero();
        assertThat(f.hv.frames().type(b)).isEqualTo(FrameType.GDT);
        putQword(f, b, 3, 0x1234L); // not present: visible at entry 3 of the GDT now
        assertThat(f.cpu().readLinear32(GuestFlavour.GDT_VIRT_START + 24)).isEqualTo(0x1234);
        assertThat(f.call("set_gdt", 0, 0)).isZero(); // no frames: the list is not read
        assertThat(f.d.vcpu0.gdtFrames()).isEmpty();
        assertThat(f.hv.frames().typeCount(b)).isZero();
        assertThat(f.cpu().readLinear32(GuestFlavour.GDT_VIRT_START + 24)).isZero();
    }

    @Test
    void setGdtErrors() {
        PvFixture f = PvFixture.boot();
        int frame = mfn(f, f.scratch());
        int list = f.scratch() + 8192;
        f.mem().write32(list, frame);
        assertThat(f.call("set_gdt", list, Selectors.FIRST_RESERVED_GDT_ENTRY + 1)).isEqualTo(EINVAL);
        assertThat(f.call("set_gdt", list, -1)).isEqualTo(EINVAL);
        assertThat(f.call("set_gdt", 0xF5800000, 1)).isEqualTo(Errno.EFAULT.negative());
        assertThat(f.call("set_gdt", 0x00500000, 1)).isEqualTo(Errno.EFAULT.negative()); // unmapped
        // Not the domain's frames: Xen's zero page, shared_info, a frame past the end of memory.
        for (int bad : new int[] {f.hv.area().zeroMfn(), f.d.sharedInfoMfn(), 0x7FFFFFFF, -1}) {
            f.mem().write32(list, bad);
            assertThat(f.call("set_gdt", list, 1)).as("frame 0x%x", bad).isEqualTo(EINVAL);
        }
        // A page table (the top-level table of the current address space).
        f.mem().write32(list, f.cpu().cr(3) >>> 12);
        assertThat(f.call("set_gdt", list, 1)).isEqualTo(EINVAL);
        assertThat(f.d.vcpu0.gdtFrames()).isEmpty();
    }

    @Test
    void oneBadDescriptorAnywhereInAFrameRefusesTheWholeGdtAndChangesNothing() {
        PvFixture f = PvFixture.boot();
        int good = mfn(f, f.scratch());
        int bad = mfn(f, f.scratch() + 4096);
        putQword(f, good, 1, FLAT_RING1_DATA);
        putQword(f, bad, 511, Descriptors.flat(0x10, 0x92)); // DPL 0, past the 1 entry the GDT will use
        int list = f.scratch() + 8192;
        f.mem().write32(list, good);
        f.mem().write32(list + 4, bad);
        assertThat(f.call("set_gdt", list, 513)).isEqualTo(EINVAL);
        assertThat(qword(f, good, 1)).isEqualTo(FLAT_RING1_DATA); // not clipped: nothing changed
        assertThat(f.hv.frames().typeCount(good)).isZero();
        assertThat(f.d.vcpu0.gdtFrames()).isEmpty();
        assertThat(f.cpu().readLinear32(GuestFlavour.GDT_VIRT_START + 8)).isZero();
    }

    @Test
    void aSegmentFromTheNewGdtIsClippedOnTheRealCpu() {
        for (GuestFlavour fl : GuestFlavour.values()) {
            int max = fl.segmentMax();
            PvFixture f = PvFixture.boot(fl == GuestFlavour.PAE, String.join("\n",
                "    mov eax, 0x0009",            // GDT entry 1, RPL 1
                "    mov ds, ax",
                "    mov ebx, [_start]",          // guest memory through the new segment: fine
                "    lsl ecx, eax",               // the limit the CPU loaded
                "    mov edx, 0x600d",
                "    mov esi, [" + String.format("0x%08x", max) + "]", // one byte past the clipped limit: #GP(0)
                "    mov edx, 0xbad",
                "    jmp $"));
            int frame = mfn(f, f.scratch());
            putQword(f, frame, 1, FLAT_RING1_DATA);
            f.mem().write32(f.scratch() + 4096, frame);
            assertThat(f.call("set_gdt", f.scratch() + 4096, 2)).isZero();
            f.run(100);
            Cpu c = f.cpu();
            assertThat(c.reg(Cpu.ECX)).as("%s limit", fl).isEqualTo(max - 1);
            assertThat(c.reg(Cpu.EDX)).isEqualTo(0x600d);
            assertThat(c.reg(Cpu.EBX)).isNotZero();
            assertThat(f.d.dead()).isTrue();
            assertThat(f.d.endReason()).contains("unhandled").contains("GP");
        }
    }

    // ---------------------------------------------------------------- update_descriptor

    private static int update(PvFixture f, long ma, long desc) {
        return f.call("update_descriptor", (int) ma, (int) (ma >>> 32), (int) desc, (int) (desc >>> 32));
    }

    @ParameterizedTest
    @EnumSource(GuestFlavour.class)
    void updateDescriptorStoresTheCheckedDescriptor(GuestFlavour fl) {
        PvFixture f = PvFixture.boot(fl == GuestFlavour.PAE, "    jmp $\n");
        int frame = mfn(f, f.scratch());
        long ma = ((long) frame << 12) + 8 * 5;
        assertThat(update(f, ma, FLAT_RING1_DATA)).isZero();
        assertThat(qword(f, frame, 5)).isEqualTo(Descriptors.flat((fl.segmentMax() >>> 12) - 1, RING1_DATA));
        assertThat(f.hv.frames().typeCount(frame)).isZero();
        // In a GDT frame in use: the type stays, and the CPU sees the new entry at once.
        f.mem().write32(f.scratch() + 4096, frame);
        assertThat(f.call("set_gdt", f.scratch() + 4096, 512)).isZero();
        long small = Descriptors.segment(0x2000, 0xFFF, RING1_DATA, 0x4);
        assertThat(update(f, ((long) frame << 12) + 8 * 7, small)).isZero();
        assertThat(f.hv.frames().type(frame)).isEqualTo(FrameType.GDT);
        assertThat(f.cpu().readLinear32(GuestFlavour.GDT_VIRT_START + 8 * 7)).isEqualTo((int) small);
    }

    @Test
    void updateDescriptorErrors() {
        PvFixture f = PvFixture.boot();
        int frame = mfn(f, f.scratch());
        long ma = (long) frame << 12;
        assertThat(update(f, ma + 4, FLAT_RING1_DATA)).isEqualTo(EINVAL); // misaligned
        assertThat(update(f, ma | (1L << 32), FLAT_RING1_DATA)).isEqualTo(EINVAL); // ma_hi != 0
        assertThat(update(f, (long) f.hv.area().zeroMfn() << 12, FLAT_RING1_DATA)).isEqualTo(EINVAL);
        assertThat(update(f, (long) f.d.sharedInfoMfn() << 12, FLAT_RING1_DATA)).isEqualTo(EINVAL);
        assertThat(update(f, 0xFFFFF000L, FLAT_RING1_DATA)).isEqualTo(EINVAL); // beyond memory
        assertThat(update(f, (long) (f.cpu().cr(3) >>> 12) << 12, FLAT_RING1_DATA)).isEqualTo(EINVAL);
        assertThat(update(f, ma, Descriptors.flat(0x10, 0x92))).isEqualTo(EINVAL); // DPL 0
        assertThat(update(f, ma, Descriptors.system(0x1000, 103, 0xA9))).isEqualTo(EINVAL); // TSS
        assertThat(qword(f, frame, 0)).isZero();
        assertThat(update(f, ma, 0)).isZero(); // a null descriptor is fine
    }

    // ---------------------------------------------------------------- the sample guest

    @Test
    void theDescriptorsSampleGuestPrintsWhatItsHeaderSays() {
        Path src = Tools.projectRoot().resolve("sample-guests/pv/descriptors.asm");
        GuestBuilds.Expectation want = GuestBuilds.expectation(src);
        byte[] elf = Assembler.assembleFile(src, Assembler.Options.elf()).image();
        XenSystem sys = new XenSystem(8);
        DomainBuilder.Built b = sys.boot("descriptors.elf", elf, 8, "");
        Hypervisor.Result r = sys.run(want.maxInstructions());
        assertThat(r.outcome()).as(r.detail()).isEqualTo(Hypervisor.Outcome.SHUTDOWN);
        assertThat(b.domain().shutdownCode()).isEqualTo(want.exitStatus());
        assertThat(want.mismatch(b.domain().console())).as(b.domain().console()).isEmpty();
    }
}
