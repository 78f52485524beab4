package org.xenoscope.xen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xenoscope.dom0.BootLayout;
import org.xenoscope.dom0.DomainBuilder;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.xen.abi.Selectors;
import org.xenoscope.xen.abi.StartInfo;

/**
 * The domain builder's start of day (pv-guest-start-of-day.md 1.4-1.7): registers, start_info, the P2M list,
 * the bootstrap page tables, the hypercall page, Xen's slots and the clipped flat segments, for both flavours.
 */
class DomainBuilderTest {
    private static StartInfo startInfo(PvFixture f) {
        BootLayout lay = f.built.layout();
        return StartInfo.at(f.hv.machine().memory(), (long) f.d.mfn(lay.pfn(lay.startInfo())) << 12);
    }

    /** The L1 entry mapping {@code va} in the current address space (read from machine memory). */
    private static long pte(PvFixture f, int va) {
        GuestFlavour fl = f.d.flavour();
        int cr3 = f.cpu().cr(3);
        int l1 = PageTables.l1For(f.hv.machine().memory(), fl, cr3 >>> 12, fl == GuestFlavour.PAE ? cr3 & 0xFE0 : 0,
            va);
        return PageTables.read(f.hv.machine().memory(), fl, l1, PageTables.l1Index(fl, va));
    }

    @ParameterizedTest(name = "pae={0}")
    @ValueSource(booleans = {true, false})
    void registersAtEntryAreThoseOfLibxc(boolean pae) {
        PvFixture f = PvFixture.boot(pae, "    jmp $\n");
        Cpu c = f.cpu();
        BootLayout lay = f.built.layout();
        assertThat(c.cpl()).isEqualTo(1);
        assertThat(c.seg(Cpu.CS).selector).isEqualTo(Selectors.FLAT_KERNEL_CS);
        for (int s : new int[] {Cpu.DS, Cpu.ES, Cpu.FS, Cpu.GS, Cpu.SS}) {
            assertThat(c.seg(s).selector).isEqualTo(Selectors.FLAT_KERNEL_DS);
        }
        assertThat(c.reg(Cpu.ESI)).isEqualTo(lay.startInfo());
        assertThat(c.reg(Cpu.ESP)).isEqualTo(lay.stack() + 4096);
        assertThat(c.eflags() & 0x3200).isEqualTo(0x200); // IF on, IOPL 0
        assertThat(c.eip()).isEqualTo(0x100000);
        assertThat(c.cr(0) & Cpu.CR0_WP).isNotZero();
        assertThat(c.cr(4) & Cpu.CR4_PAE).isEqualTo(pae ? Cpu.CR4_PAE : 0);
        assertThat(f.d.vcpuInfo(0).upcallMask()).isTrue();
    }

    @ParameterizedTest(name = "pae={0}")
    @ValueSource(booleans = {true, false})
    void startInfoDescribesTheDomain(boolean pae) {
        PvFixture f = PvFixture.boot(pae, "    jmp $\n");
        StartInfo si = startInfo(f);
        BootLayout lay = f.built.layout();
        assertThat(si.magic()).isEqualTo(pae ? "xen-3.0-x86_32p" : "xen-3.0-x86_32");
        assertThat(si.nrPages()).isEqualTo(8 * 256);
        assertThat(si.sharedInfo()).isEqualTo(f.d.sharedInfoMfn() << 12);
        assertThat(si.flags()).isZero();
        assertThat(si.mfnList()).isEqualTo(lay.p2m());
        assertThat(si.ptBase()).isEqualTo(lay.pageTables());
        assertThat(si.nrPtFrames()).isEqualTo(lay.nrPtFrames()).isEqualTo(pae ? 5 : 2);
        assertThat(si.consoleMfn()).isEqualTo(f.d.mfn(lay.pfn(lay.console())));
        assertThat(si.consoleEvtchn()).isEqualTo(f.built.consolePort()).isEqualTo(1);
        assertThat(si.storeEvtchn()).isZero();
        assertThat(lay.kernelEnd()).isLessThanOrEqualTo(lay.p2m());
        assertThat(lay.p2m()).isLessThan(lay.startInfo());
        assertThat(lay.startInfo()).isLessThan(lay.pageTables());
        assertThat(lay.mappedEnd()).isEqualTo(0x400000);
    }

    @Test
    void p2mListIsReadableByTheGuestAndFramesAreDiscontiguous() {
        PvFixture f = PvFixture.boot();
        BootLayout lay = f.built.layout();
        int contiguous = 0;
        for (int pfn = 0; pfn < f.d.nrPages(); pfn++) {
            int mfn = f.mem().read32(lay.p2m() + 4 * pfn);
            assertThat(mfn).isEqualTo(f.d.mfn(pfn));
            assertThat(f.hv.frames().owner(mfn)).isEqualTo(f.d.id());
            assertThat(f.hv.frames().m2p(mfn)).isEqualTo(pfn);
            if (pfn > 0 && mfn == f.d.mfn(pfn - 1) + 1) {
                contiguous++;
            }
        }
        assertThat(contiguous).isZero();
    }

    @ParameterizedTest(name = "pae={0}")
    @ValueSource(booleans = {true, false})
    void m2pIsReadOnlyAtMachToPhysVirtStart(boolean pae) {
        PvFixture f = PvFixture.boot(pae, "    jmp $\n");
        GuestFlavour fl = f.d.flavour();
        int mfn = f.d.mfn(0x100);
        assertThat(f.cpu().readLinear32(fl.m2pStart() + 4 * mfn)).as("m2p[mfn] through the guest page tables")
            .isEqualTo(0x100);
        assertThat(pte(f, fl.m2pStart()) & PageTables.RW).isZero();
    }

    @ParameterizedTest(name = "pae={0}")
    @ValueSource(booleans = {true, false})
    void pageTablesAreMappedReadOnlyAndTheTopOneIsPinned(boolean pae) {
        PvFixture f = PvFixture.boot(pae, "    jmp $\n");
        BootLayout lay = f.built.layout();
        for (int i = 0; i < lay.nrPtFrames(); i++) {
            int va = lay.pageTables() + 4096 * i;
            assertThat(pte(f, va) & (PageTables.P | PageTables.RW)).as("PTE of table %d", i)
                .isEqualTo(PageTables.P);
            assertThat(f.hv.frames().type(f.d.mfn(lay.pfn(va))).isPageTable()).isTrue();
        }
        int top = f.d.mfn(lay.pfn(lay.pageTables()));
        assertThat(f.hv.frames().pinned(top)).isTrue();
        assertThat(f.cpu().cr(3) >>> 12).isEqualTo(top);
        assertThat(pte(f, lay.startInfo()) & PageTables.RW).isNotZero();
    }

    @Test
    void hypercallPageHasXensBytePattern() {
        byte[] p = HypercallPage.bytes();
        // slot 18: mov $18,%eax; int $0x82; ret
        assertThat(java.util.Arrays.copyOfRange(p, 18 * 32, 18 * 32 + 8))
            .containsExactly(0xB8, 18, 0, 0, 0, 0xCD, 0x82, 0xC3);
        // slot 23 (iret): push %eax; mov $23,%eax; int $0x82
        assertThat(java.util.Arrays.copyOfRange(p, 23 * 32, 23 * 32 + 8))
            .containsExactly(0x50, 0xB8, 23, 0, 0, 0, 0xCD, 0x82);
        assertThat(p[23 * 32 + 8]).isZero();
        assertThat(p[127 * 32 + 1]).isEqualTo((byte) 127);
    }

    @Test
    void theGuestsHypercallPageIsFilled() {
        PvFixture f = PvFixture.boot();
        int hp = (int) org.xenoscope.asm.elf.ElfImage.parse("f", org.xenoscope.asm.nasm.Assembler.assemble(
            "fixture.asm", PvFixture.source(true, "    jmp $\n"), org.xenoscope.asm.nasm.Assembler.Options.elf())
            .image()).symbol("hypercall_page").orElseThrow().value();
        assertThat(f.mem().read(hp, 4096)).isEqualTo(HypercallPage.bytes());
    }

    @ParameterizedTest(name = "pae={0}")
    @ValueSource(booleans = {true, false})
    void flatSegmentsStopAtTheEndOfTheM2p(boolean pae) {
        PvFixture f = PvFixture.boot(pae, "    jmp $\n");
        int max = f.d.flavour().segmentMax();
        assertThat(f.cpu().seg(Cpu.DS).limit).isEqualTo(max - 1);
        assertThat(f.cpu().seg(Cpu.CS).limit).isEqualTo(max - 1);
    }

    @ParameterizedTest(name = "pae={0}")
    @ValueSource(booleans = {true, false})
    void ring1CannotTouchXensPerDomainArea(boolean pae) {
        // Reading the GDT through DS: beyond the clipped limit, so #GP(0); with no trap table the domain dies.
        PvFixture f = PvFixture.boot(pae, "    mov eax, [0xFF000000]\n    jmp $\n");
        Hypervisor.Result r = f.run(100);
        assertThat(r.outcome()).isEqualTo(Hypervisor.Outcome.CRASHED);
        assertThat(r.detail()).startsWith("unhandled #GP general protection(0x0)");
    }

    @Test
    void builderRefusesTooLittleMemoryBeforeCreatingAnything() {
        org.xenoscope.dom0.XenSystem sys = new org.xenoscope.dom0.XenSystem(8);
        byte[] elf = org.xenoscope.asm.nasm.Assembler.assemble("big.asm", PvFixture.source(true,
            "jmp $\nsection .bss\nhuge: resb 9 * 1024 * 1024\n"), org.xenoscope.asm.nasm.Assembler.Options.elf())
            .image();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sys.boot("big.elf", elf, 8, ""))
            .isInstanceOf(org.xenoscope.asm.BadInputException.class).hasMessageContaining("give it more --memory");
        assertThat(sys.hypervisor().domains()).extracting(Domain::id).containsExactly(0);
    }

    @Test
    void xensSlotsArePresentInTheGuestsTablesButOnlyForSupervisor() {
        PvFixture f = PvFixture.boot();
        long e = pte(f, GuestFlavour.GDT_VIRT_START);
        assertThat(e & PageTables.P).isNotZero();
        assertThat(e & PageTables.US).isZero();
        assertThat(PageTables.frame(pte(f, GuestFlavour.IDT_VIRT_START))).isEqualTo(f.d.idtMfn);
    }
}
