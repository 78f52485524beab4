package org.xenoscope.xen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console ring as a guest uses it: found through the M2P (read-only at MACH2PHYS_VIRT_START) from
 * start_info.console.domU.mfn, written at out[], published with out_prod, kicked with EVTCHNOP_send on
 * start_info's console port, then SCHEDOP_yield until the back-end caught up.
 */
class ConsoleRingTest {
    /** Guest code: EDI = the ring's va (m2p[console mfn] << 12, virt base 0), message copied, prod advanced. */
    private static String body(boolean pae, boolean notify) {
        int m2p = (pae ? GuestFlavour.PAE : GuestFlavour.NONPAE).m2pStart();
        return "    mov ebp, esi\n"
            + "    mov eax, [ebp + 52]\n"
            + "    mov edi, [" + m2p + " + eax*4]\n"
            + "    shl edi, 12\n"
            + "    mov esi, msg\n"
            + "    mov ecx, msg_len\n"
            + "    mov edx, [edi + 3084]\n"
            + ".copy:\n"
            + "    mov al, [esi]\n"
            + "    mov ebx, edx\n"
            + "    and ebx, 2047\n"
            + "    mov [edi + 1024 + ebx], al\n"
            + "    inc esi\n"
            + "    inc edx\n"
            + "    dec ecx\n"
            + "    jnz .copy\n"
            + "    mov [edi + 3084], edx\n"
            + (notify ? "    mov eax, [ebp + 56]\n    mov [scratch], eax\n    mov ebx, 4\n    mov ecx, scratch\n"
                + "    call hypercall_page + 32*32\n" : "")
            + ".wait:\n"
            + "    mov eax, [edi + 3080]\n"
            + "    cmp eax, [edi + 3084]\n"
            + "    je .done\n"
            + "    xor ebx, ebx\n"
            + "    call hypercall_page + 29*32\n"
            + "    jmp .wait\n"
            + ".done:\n"
            + "    mov dword [scratch + 4], 1\n"
            + "    jmp $\n"
            + "msg: db \"ring says hi\", 10\n"
            + "msg_len equ $ - msg\n";
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void textWrittenToTheRingAndNotifiedAppearsOnTheConsole(boolean pae) {
        PvFixture f = PvFixture.boot(pae, body(pae, true));
        f.hv.run(5_000); // the hypervisor alone: no final drain by XenSystem
        assertThat(f.d.console()).isEqualTo("ring says hi\n");
        assertThat(f.mem().read32(f.scratch() + 4)).isEqualTo(1);
        assertThat(f.hv.trace().events()).anyMatch(e -> e instanceof org.xenoscope.xen.trace.TraceEvent.Event ev
            && ev.domain() == Hypervisor.DOM0 && ev.fromDomain() == f.d.id());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void yieldAloneLetsTheBackEndDrainTheRing(boolean pae) {
        PvFixture f = PvFixture.boot(pae, body(pae, false));
        f.hv.run(5_000);
        assertThat(f.d.console()).isEqualTo("ring says hi\n");
        assertThat(f.mem().read32(f.scratch() + 4)).isEqualTo(1);
    }
}
