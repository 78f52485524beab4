package org.xenoscope.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xenoscope.machine.cpu.Eflags;
import org.xenoscope.xen.abi.Selectors;
import org.xenoscope.xen.abi.TrapInfoFlags;
import org.xenoscope.xen.trace.TraceEvent;

/** Exceptions raised by real guest code and bounced to the guest's handlers (or killing the domain). */
class BounceTest {
    private static final int UNMAPPED = 0x00500000;

    private static PvFixture boot(boolean pae, String body, String traps) {
        String src = GuestAsm.MAP_SHARED_INFO + GuestAsm.SET_TRAPS + body + GuestAsm.COMMON
            + "traps:\n" + traps + GuestAsm.END_TRAPS
            + GuestAsm.handler(3) + GuestAsm.handler(13) + GuestAsm.handler(14) + GuestAsm.handler(0x40)
            + GuestAsm.handler(0x80);
        return PvFixture.boot(pae, src);
    }

    private static int word(PvFixture f, int scratchOffset) {
        return f.mem().read32(f.scratch() + scratchOffset);
    }

    /** The dwords at the handler's ESP. */
    private static int[] frame(PvFixture f, int n) {
        int sp = word(f, GuestAsm.ESP);
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = f.mem().read32(sp + 4 * i);
        }
        return w;
    }

    private static List<TraceEvent.Exception> exceptions(PvFixture f) {
        return f.hv.trace().events().stream().filter(e -> e instanceof TraceEvent.Exception)
            .map(e -> (TraceEvent.Exception) e).toList();
    }

    private static final String PF_BODY = """
            mov dword [scratch + 0x108], fault
        fault:
            mov dword [0x00500000], 1
            jmp $
        """;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void pageFaultBouncesWithErrorCodeAndCr2(boolean pae) {
        PvFixture f = boot(pae, PF_BODY, GuestAsm.trap(14, 0, "h14"));
        assertThat(f.run(10_000).outcome()).isEqualTo(Hypervisor.Outcome.SHUTDOWN);
        assertThat(word(f, GuestAsm.WHO)).isEqualTo(14);
        int[] fr = frame(f, 4);
        assertThat(fr[0]).isEqualTo(2); // write to a not-present page from a supervisor ring
        assertThat(fr[1]).isEqualTo(word(f, GuestAsm.MARK));
        // Events were masked (start of day): saved mask 1 in CS bits 16-23, saved IF clear.
        assertThat(fr[2]).isEqualTo(Selectors.FLAT_RING1_CS | 1 << 16);
        assertThat(fr[3] & Eflags.IF).isZero();
        assertThat(fr[3] & Eflags.FIXED1).isNotZero();
        assertThat(word(f, GuestAsm.CR2)).isEqualTo(UNMAPPED);
        assertThat(f.d.vcpu(0).cr2()).isEqualTo(UNMAPPED);
        TraceEvent.Exception e = exceptions(f).get(0);
        assertThat(e.vector()).isEqualTo(14);
        assertThat(e.errorCode()).isEqualTo(2);
        assertThat(e.cr2()).isEqualTo(UNMAPPED);
        assertThat(e.eip()).isEqualTo(word(f, GuestAsm.MARK));
        assertThat(e.handlerCs()).isEqualTo(Selectors.FLAT_RING1_CS);
    }

    @Test
    void unmaskedEventsAreSavedAsIfSetAndMaskEventsEntryMasksThem() {
        String body = "    mov byte [scratch + 0x3000 + 1], 0\n" + PF_BODY;
        PvFixture f = boot(true, body, GuestAsm.trap(14, TrapInfoFlags.TI_MASK_EVENTS, "h14"));
        assertThat(f.run(10_000).outcome()).isEqualTo(Hypervisor.Outcome.SHUTDOWN);
        int[] fr = frame(f, 4);
        assertThat(fr[2]).isEqualTo(Selectors.FLAT_RING1_CS);
        assertThat(fr[3] & Eflags.IF).isNotZero();
        assertThat(word(f, GuestAsm.MASK)).isEqualTo(1);
    }

    @Test
    void aTrapGateEntryLeavesEventsUnmasked() {
        String body = "    mov byte [scratch + 0x3000 + 1], 0\n" + PF_BODY;
        PvFixture f = boot(true, body, GuestAsm.trap(14, 0, "h14"));
        assertThat(f.run(10_000).outcome()).isEqualTo(Hypervisor.Outcome.SHUTDOWN);
        assertThat(word(f, GuestAsm.MASK)).isZero();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void pageFaultWithoutAHandlerKillsTheDomain(boolean pae) {
        PvFixture f = boot(pae, PF_BODY, GuestAsm.trap(13, 0, "h13"));
        Hypervisor.Result r = f.run(10_000);
        assertThat(r.outcome()).isEqualTo(Hypervisor.Outcome.CRASHED);
        assertThat(r.detail()).contains("unhandled #PF").contains("cr2=0x00500000");
    }

    @Test
    void aBounceOntoAnUnmappedStackKillsTheDomain() {
        String body = "    mov esp, 0x00500100\n" + PF_BODY;
        PvFixture f = boot(true, body, GuestAsm.trap(14, 0, "h14"));
        Hypervisor.Result r = f.run(10_000);
        assertThat(r.outcome()).isEqualTo(Hypervisor.Outcome.CRASHED);
        assertThat(r.detail()).contains("bounce frame");
        assertThat(word(f, GuestAsm.WHO)).isZero();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aBounceOntoAReadOnlyStackKillsTheDomain(boolean pae) {
        // The bootstrap page tables are mapped read-only.
        String body = "    mov esp, [ebp + 60]\n    add esp, 0x800\n" + PF_BODY;
        PvFixture f = boot(pae, body, GuestAsm.trap(14, 0, "h14"));
        Hypervisor.Result r = f.run(10_000);
        assertThat(r.outcome()).isEqualTo(Hypervisor.Outcome.CRASHED);
        assertThat(r.detail()).contains("bounce frame");
        assertThat(word(f, GuestAsm.WHO)).isZero();
    }

    // ------------------------------------------------------------------ software interrupts

    private static final String INT40 = """
            mov dword [scratch + 0x108], after
            int 0x40
        after:
            jmp $
        """;

    @Test
    void intNWithAnEntryOfDpl1WorksFromRing1() {
        PvFixture f = boot(true, INT40, GuestAsm.trap(0x40, 1, "h64") + GuestAsm.trap(13, 0, "h13"));
        assertThat(f.run(10_000).outcome()).isEqualTo(Hypervisor.Outcome.SHUTDOWN);
        assertThat(word(f, GuestAsm.WHO)).isEqualTo(0x40);
        int[] fr = frame(f, 3);
        assertThat(fr[0]).isEqualTo(word(f, GuestAsm.MARK)); // no error code: EIP after the int
        assertThat(fr[1] & 0xFFFF).isEqualTo(Selectors.FLAT_RING1_CS);
    }

    @Test
    void intNWithAnEntryOfDpl0IsAGeneralProtectionFaultForTheGuest() {
        String body = """
                mov dword [scratch + 0x108], the_int
            the_int:
                int 0x40
                jmp $
            """;
        PvFixture f = boot(true, body, GuestAsm.trap(0x40, 0, "h64") + GuestAsm.trap(13, 0, "h13"));
        assertThat(f.run(10_000).outcome()).isEqualTo(Hypervisor.Outcome.SHUTDOWN);
        assertThat(word(f, GuestAsm.WHO)).isEqualTo(13);
        int[] fr = frame(f, 2);
        assertThat(fr[0]).isEqualTo(0x40 << 3 | 2);
        assertThat(fr[1]).isEqualTo(word(f, GuestAsm.MARK));
    }

    @Test
    void int3AlwaysReachesTheBreakpointHandler() {
        String body = """
                mov dword [scratch + 0x108], after
                int3
            after:
                jmp $
            """;
        PvFixture f = boot(true, body, GuestAsm.trap(3, 0, "h3"));
        assertThat(f.run(10_000).outcome()).isEqualTo(Hypervisor.Outcome.SHUTDOWN);
        assertThat(word(f, GuestAsm.WHO)).isEqualTo(3);
        assertThat(frame(f, 1)[0]).isEqualTo(word(f, GuestAsm.MARK));
    }

    // ------------------------------------------------------------------ ring 3

    private static String user(String code) {
        return GuestAsm.TO_RING3 + GuestAsm.userSection(code);
    }

    @Test
    void hypercallFromRing3IsGeneralProtectionFault0x412() {
        // The mark is written from ring 1 before the iret (user code may not be able to write scratch).
        String body = "    mov dword [scratch + 0x108], the_int\n" + user("    int 0x82\n    jmp $\nthe_int equ user_code\n");
        PvFixture f = boot(true, body, GuestAsm.trap(13, 0, "h13"));
        assertThat(f.run(10_000).outcome()).isEqualTo(Hypervisor.Outcome.SHUTDOWN);
        assertThat(word(f, GuestAsm.WHO)).isEqualTo(13);
        int[] fr = frame(f, 6);
        assertThat(fr[0]).isEqualTo(0x412);
        assertThat(fr[1]).isEqualTo(word(f, GuestAsm.MARK));
        assertThat(fr[2] & 0xFFFF).isEqualTo(Selectors.FLAT_RING3_CS);
        assertThat(fr[4]).isEqualTo(f.scratch() + 0x2ff0);
        assertThat(fr[5]).isEqualTo(Selectors.FLAT_RING3_SS);
        assertThat(word(f, GuestAsm.ESP)).isEqualTo(f.scratch() + 0x1000 - 24);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void int80WithADirectGateGoesFromRing3ToRing1WithoutXen(boolean pae) {
        PvFixture f = boot(pae, user("    int 0x80\n    jmp $\n"), GuestAsm.trap(0x80, 3, "h128"));
        assertThat(f.run(10_000).outcome()).isEqualTo(Hypervisor.Outcome.SHUTDOWN);
        assertThat(word(f, GuestAsm.WHO)).isEqualTo(0x80);
        int[] fr = frame(f, 5);
        assertThat(fr[1]).isEqualTo(Selectors.FLAT_RING3_CS); // pushed by the CPU: no saved mask bits
        assertThat(fr[3]).isEqualTo(f.scratch() + 0x2ff0);
        assertThat(fr[4]).isEqualTo(Selectors.FLAT_RING3_SS);
        assertThat(word(f, GuestAsm.MASK)).isZero();
        assertThat(exceptions(f)).isEmpty();
    }

    @Test
    void int80WithEventMaskingIsBouncedByXen() {
        PvFixture f = boot(true, user("    int 0x80\n    jmp $\n"),
            GuestAsm.trap(0x80, 3 | TrapInfoFlags.TI_MASK_EVENTS, "h128"));
        assertThat(f.run(10_000).outcome()).isEqualTo(Hypervisor.Outcome.SHUTDOWN);
        assertThat(word(f, GuestAsm.WHO)).isEqualTo(0x80);
        // The iret to ring 3 (EFLAGS.IF set) unmasked events: saved mask 0; the entry masks them.
        assertThat(frame(f, 2)[1]).isEqualTo(Selectors.FLAT_RING3_CS);
        assertThat(word(f, GuestAsm.MASK)).isEqualTo(1);
        assertThat(exceptions(f)).extracting(TraceEvent.Exception::vector).containsExactly(0x80);
    }
}
