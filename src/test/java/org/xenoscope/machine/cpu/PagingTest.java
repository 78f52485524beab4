package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.PD2;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.PT2_HIGH;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.USER_DATA;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.paePte;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.pte2;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xenoscope.machine.StopReason;
import org.xenoscope.machine.intr.Vector;
import org.xenoscope.machine.mmu.Pte;

/**
 * Paging as guest code sees it (SDM Vol. 3 ch. 4): 2-level and PAE translation, 4 MiB and 2 MiB pages,
 * U/S and R/W checks with CR0.WP, Accessed and Dirty bits, #PF error codes and CR2, and the TLB: an entry stays
 * in use after the page table changes until INVLPG or a CR3 load drops it (§4.10.4).
 */
class PagingTest {
    /** Turns on 2-level paging from guest code (CR3, then CR0.PG). */
    private static final String PAGING_ON = """
                mov eax, PD2
                mov cr3, eax
                mov eax, cr0
                or eax, 0x80000000
                mov cr0, eax
            """;

    /** Turns on PAE paging from guest code (CR4.PAE, CR3 = PDPT, then CR0.PG). */
    private static final String PAE_ON = """
                mov eax, cr4
                or eax, 0x20
                mov cr4, eax
                mov eax, PDPT
                mov cr3, eax
                mov eax, cr0
                or eax, 0x80000000
                mov cr0, eax
            """;

    private static final int P = Pte.PTE_P;
    private static final int W = Pte.PTE_W;
    private static final int U = Pte.PTE_U;
    private static final int A = Pte.PTE_A;
    private static final int D = Pte.PTE_D;

    @Test
    void twoLevelTranslationSetsAccessedAndDirtyBits() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel(PAGING_ON + """
                mov ecx, [0x400000]
                mov dword [0x400004], 0x11223344
                mov edx, [0x401000]
                cli
                hlt
            """);
        pm.build2Level();
        pm.mem.writeDword(pte2(0x400000), 0x300000 | P | W);
        pm.mem.writeDword(pte2(0x401000), 0x301000 | P | W);
        pm.mem.writeDword(0x300000, 0xCAFEBABE);
        pm.mem.writeDword(0x301000, 0x0BADF00D);
        pm.run();
        assertThat(pm.events()).isEmpty();
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0xCAFEBABE);
        assertThat(pm.cpu.reg(Cpu.EDX)).isEqualTo(0x0BADF00D);
        assertThat(pm.mem.readDword(0x300004)).isEqualTo(0x11223344);
        assertThat(pm.mem.readDword(pte2(0x400000))).isEqualTo(0x300000 | P | W | A | D);
        assertThat(pm.mem.readDword(pte2(0x401000))).isEqualTo(0x301000 | P | W | A);
        assertThat(pm.mem.readDword(PD2 + 4)).isEqualTo(PT2_HIGH | P | W | U | A);
    }

    @Test
    void fourMegabytePagesWithPse() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                mov eax, cr4
                or eax, 0x10            ; CR4.PSE
                mov cr4, eax
            """ + PAGING_ON + """
                mov ecx, [0x400000 + USER_DATA]
                mov dword [0x400000 + USER_DATA + 4], 0x5555
                cli
                hlt
            """);
        pm.build2Level();
        pm.mem.writeDword(PD2 + 4, 0x000000 | Pte.PTE_PS | P | W); // 4-8 MiB -> physical 0-4 MiB
        pm.mem.writeDword(USER_DATA, 0x44444444);
        pm.run();
        assertThat(pm.events()).isEmpty();
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0x44444444);
        assertThat(pm.mem.readDword(USER_DATA + 4)).isEqualTo(0x5555);
        assertThat(pm.mem.readDword(PD2 + 4)).isEqualTo(Pte.PTE_PS | P | W | A | D);
    }

    @ParameterizedTest(name = "{0} -> #PF error {1}")
    @CsvSource(delimiter = '|', value = {
        "mov ecx, [0x5000]          | 5 | 0x5000",    // P | U: supervisor page read from ring 3
        "mov [0x5000], ecx          | 7 | 0x5000",    // P | W | U
        "mov ecx, [0x400000]        | 4 | 0x400000",  // not present, read, user
        "mov [0x400ffe], ecx        | 6 | 0x400ffe",  // not present, write, user
        "mov [USER_DATA + 8], ecx   | 7 | 0x3008",    // user page without R/W
        "push dword [0x3ffffc]      | 5 | 0x3ffffc",  // the read of PUSH m32 faults
    })
    void userAccessesAreCheckedAgainstUsAndRw(String insn, int error, String cr2) {
        ProtectedModeSetup pm = new ProtectedModeSetup().user("""
                mov ecx, [USER_DATA]    ; a read of the read-only user page is fine
            fault:
                %s
            """.formatted(insn));
        pm.build2Level();
        pm.userAreas2();
        pm.mem.writeDword(pte2(USER_DATA), USER_DATA | P | U);
        pm.enable2Level();
        pm.startUser(0x2).run();
        ProtectedModeSetup.Event e = pm.onlyEvent();
        assertThat(e.vector()).isEqualTo(Vector.PF);
        assertThat(e.error()).isEqualTo(error);
        assertThat(e.cr2()).isEqualTo(Integer.decode(cr2));
        assertThat(pm.cpu.cr(2)).isEqualTo(Integer.decode(cr2));
        assertThat(e.eip()).isEqualTo(pm.sym("fault"));
        assertThat(e.cs()).isEqualTo(ProtectedModeSetup.UCODE);
    }

    @Test
    void instructionFetchFromASupervisorPageAtRing3IsAPageFault() {
        ProtectedModeSetup pm = new ProtectedModeSetup().user("""
                jmp 0x5000
            """);
        pm.build2Level();
        pm.userAreas2();
        pm.enable2Level();
        pm.startUser(0x2).run();
        ProtectedModeSetup.Event e = pm.onlyEvent();
        assertThat(e.vector()).isEqualTo(Vector.PF);
        assertThat(e.error()).isEqualTo(Pte.PTE_P | 4); // P | U, a read
        assertThat(e.eip()).isEqualTo(0x5000);
        assertThat(e.cr2()).isEqualTo(0x5000);
    }

    @Test
    void crZeroWpMakesReadOnlyPagesBindRingZero() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel(PAGING_ON + """
                mov dword [USER_DATA], 0x1234   ; WP=0: ring 0 writes read-only pages
                mov eax, cr0
                or eax, 0x10000                 ; CR0.WP
                mov cr0, eax
            fault:
                mov dword [USER_DATA + 4], 0x5678
            """);
        pm.build2Level();
        pm.mem.writeDword(pte2(USER_DATA), USER_DATA | P);
        pm.run();
        ProtectedModeSetup.Event e = pm.onlyEvent();
        assertThat(e.vector()).isEqualTo(Vector.PF);
        assertThat(e.error()).isEqualTo(P | W);
        assertThat(e.cr2()).isEqualTo(USER_DATA + 4);
        assertThat(e.eip()).isEqualTo(pm.sym("fault"));
        assertThat(pm.mem.readDword(USER_DATA)).isEqualTo(0x1234);
        assertThat(pm.mem.readDword(USER_DATA + 4)).isZero();
        assertThat(pm.mem.readDword(pte2(USER_DATA))).isEqualTo(USER_DATA | P | A | D);
    }

    @Test
    void ringZeroMayUseUserPages() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel(PAGING_ON + """
                mov dword [USER_DATA], 0x99
                mov ecx, [USER_DATA]
                cli
                hlt
            """);
        pm.build2Level();
        pm.mem.writeDword(pte2(USER_DATA), USER_DATA | P | W | U);
        pm.run();
        assertThat(pm.events()).isEmpty();
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0x99);
    }

    @Test
    void paeTranslationAndReservedBits() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel(PAE_ON + """
                mov ecx, [0x400000]
                mov dword [0x400008], 0x55
                mov edx, [0x600010]     ; 2 MiB page
            fault:
                mov esi, [0x401000]     ; PTE with bit 40 set: above MAXPHYADDR (36)
            """);
        pm.buildPae();
        pm.mem.writeQword(paePte(0x400000), 0x300000 | P | W);
        pm.mem.writeQword(paePte(0x401000), (1L << 40) | 0x301000 | P | W);
        pm.mem.writeQword(ProtectedModeSetup.PAE_PD + 3 * 8, 0x200000 | Pte.PTE_PS | P | W);
        pm.mem.writeDword(0x300000, 0x7777);
        pm.mem.writeDword(0x200010, 0x2222);
        pm.run();
        ProtectedModeSetup.Event e = pm.onlyEvent();
        assertThat(e.vector()).isEqualTo(Vector.PF);
        assertThat(e.error()).isEqualTo(P | 8); // P | RSVD, a read
        assertThat(e.cr2()).isEqualTo(0x401000);
        assertThat(e.eip()).isEqualTo(pm.sym("fault"));
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0x7777);
        assertThat(pm.cpu.reg(Cpu.EDX)).isEqualTo(0x2222);
        assertThat(pm.mem.readDword(0x300008)).isEqualTo(0x55);
        assertThat(pm.mem.readQword(paePte(0x400000))).isEqualTo(0x300000L | P | W | A | D);
    }

    @Test
    void paeNxBitIsReservedWithoutNxe() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel(PAE_ON + """
            fault:
                mov dword [0x400000], 1
            """);
        pm.buildPae();
        pm.mem.writeQword(paePte(0x400000), (1L << 63) | 0x300000 | P | W);
        pm.run();
        assertThat(pm.onlyEvent().vector()).isEqualTo(Vector.PF);
        assertThat(pm.onlyEvent().error()).isEqualTo(P | W | 8);
    }

    @Test
    void paePdpteWithReservedBitsMakesMovCr3Fault() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel(PAE_ON + """
                mov eax, PDPT
                mov dword [PDPT + 8], 0x5000 | 1 | 2    ; bit 1 of a present PDPTE is reserved
            fault:
                mov cr3, eax
            """);
        pm.buildPae();
        pm.run();
        assertThat(pm.onlyEvent().vector()).isEqualTo(Vector.GP);
        assertThat(pm.onlyEvent().error()).isZero();
        assertThat(pm.onlyEvent().eip()).isEqualTo(pm.sym("fault"));
    }

    @Test
    void staleTlbEntriesStayInUseUntilInvlpgOrCr3Reload() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel(PAGING_ON + """
                mov ecx, [0x400000]             ; fills the TLB: 0x400000 -> 0x300000
                mov dword [PTE], 0x301000 | 3   ; retarget the page without telling the TLB
                mov edx, [0x400000]             ; still the old frame
                invlpg [0x400000]
                mov esi, [0x400000]             ; the new frame
                mov dword [PTE], 0x300000 | 3
                mov edi, [0x400000]             ; stale again
                mov eax, cr3
                mov cr3, eax                    ; flushes every entry
                mov ebp, [0x400000]             ; the old frame once more
                cli
                hlt
            PTE equ 0x%x
            """.formatted(pte2(0x400000)));
        pm.build2Level();
        pm.mem.writeDword(pte2(0x400000), 0x300000 | P | W);
        pm.mem.writeDword(0x300000, 0xAAAA);
        pm.mem.writeDword(0x301000, 0xBBBB);
        pm.run();
        assertThat(pm.events()).isEmpty();
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0xAAAA);
        assertThat(pm.cpu.reg(Cpu.EDX)).as("stale entry after the PTE changed").isEqualTo(0xAAAA);
        assertThat(pm.cpu.reg(Cpu.ESI)).as("after INVLPG").isEqualTo(0xBBBB);
        assertThat(pm.cpu.reg(Cpu.EDI)).as("stale entry again").isEqualTo(0xBBBB);
        assertThat(pm.cpu.reg(Cpu.EBP)).as("after the CR3 reload").isEqualTo(0xAAAA);
    }

    @Test
    void aPageMadeNotPresentStaysReadableUntilInvlpg() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel(PAGING_ON + """
                mov ecx, [0x400000]
                mov dword [PTE], 0              ; not present any more
                mov edx, [0x400000]             ; the TLB still has it
                invlpg [0x400000]
            fault:
                mov esi, [0x400000]
            PTE equ 0x%x
            """.formatted(pte2(0x400000)));
        pm.build2Level();
        pm.mem.writeDword(pte2(0x400000), 0x300000 | P | W);
        pm.mem.writeDword(0x300000, 0xAAAA);
        pm.run();
        assertThat(pm.cpu.reg(Cpu.EDX)).isEqualTo(0xAAAA);
        ProtectedModeSetup.Event e = pm.onlyEvent();
        assertThat(e.vector()).isEqualTo(Vector.PF);
        assertThat(e.error()).isZero();
        assertThat(e.eip()).isEqualTo(pm.sym("fault"));
        assertThat(e.cr2()).isEqualTo(0x400000);
    }

    @Test
    void invlpgUsesTheSegmentBase() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel(PAGING_ON + """
                mov ecx, [0x400000]
                mov dword [PTE], 0x301000 | 3
                mov eax, LIMDATA                ; base 0x200000
                mov es, ax
                invlpg [es:0x200000]            ; linear 0x400000
                mov edx, [0x400000]
                cli
                hlt
            PTE equ 0x%x
            """.formatted(pte2(0x400000)));
        pm.build2Level();
        pm.mem.writeDword(pte2(0x400000), 0x300000 | P | W);
        pm.mem.writeDword(0x300000, 0xAAAA);
        pm.mem.writeDword(0x301000, 0xBBBB);
        assertThat(pm.run().reason()).isEqualTo(StopReason.HALTED);
        assertThat(pm.cpu.reg(Cpu.EDX)).isEqualTo(0xBBBB);
    }
}
