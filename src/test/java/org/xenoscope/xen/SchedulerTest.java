package org.xenoscope.xen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xenoscope.asm.nasm.Assembler;
import org.xenoscope.dom0.XenSystem;
import org.xenoscope.xen.trace.TraceEvent;

/** Several guest domains on one CPU: round robin by yield and by time slice, context switches, outcomes. */
class SchedulerTest {
    /** A guest that prints "TAG i" (a digit) {@code n} times, yielding after each line, then powers off. */
    static String yielder(char tag, int n) {
        return """
                mov edi, %d
            .loop:
                mov eax, %d
                sub eax, edi
                add al, '0'
                mov [scratch + 2], al
                mov byte [scratch], '%c'
                mov byte [scratch + 1], ' '
                mov byte [scratch + 3], 10
                mov ebx, 0
                mov ecx, 4
                mov edx, scratch
                call hypercall_page + 18 * 32       ; console_io(write, 4, line)
                mov ebx, 0
                xor ecx, ecx
                call hypercall_page + 29 * 32       ; sched_op(yield)
                dec edi
                jnz .loop
                mov dword [scratch + 16], 0
                mov ebx, 2
                mov ecx, scratch + 16
                call hypercall_page + 29 * 32       ; sched_op(shutdown, poweroff)
                ud2
            """.formatted(n, n, tag);
    }

    static byte[] elf(boolean pae, String body) {
        return Assembler.assemble("g.asm", PvFixture.source(pae, body), Assembler.Options.elf()).image();
    }

    static String lines(char tag, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(tag).append(' ').append((char) ('0' + i)).append('\n');
        }
        return b.toString();
    }

    private static List<TraceEvent.Switch> switches(Hypervisor hv) {
        return hv.trace().events().stream().filter(e -> e instanceof TraceEvent.Switch)
            .map(e -> (TraceEvent.Switch) e).toList();
    }

    @Test
    void twoYieldingGuestsTakeTurnsAndBothPowerOff() {
        XenSystem sys = new XenSystem(16);
        Domain a = sys.boot("a.elf", elf(true, yielder('a', 5)), 8, "").domain();
        Domain b = sys.boot("b.elf", elf(false, yielder('b', 5)), 8, "").domain();
        Hypervisor hv = sys.hypervisor();
        assertEquals(a, hv.current(), "the first domain started runs first");
        Hypervisor.Result r = sys.run(1_000_000);
        assertEquals(Hypervisor.Outcome.SHUTDOWN, r.outcome(), r.detail());
        assertEquals(Domain.State.SHUTDOWN, a.state());
        assertEquals(Domain.State.SHUTDOWN, b.state());
        assertEquals(lines('a', 5), a.console());
        assertEquals(lines('b', 5), b.console());
        assertEquals(b, r.domain(), "the result names the last domain to end");
        List<TraceEvent.Switch> sw = switches(hv);
        assertTrue(sw.size() >= 9, "a switch per yield: " + sw.size());
        assertEquals("yield", sw.get(0).why());
        assertEquals(a.id(), sw.get(0).from());
        assertEquals(b.id(), sw.get(0).domain());
        assertTrue(sw.get(0).toJson().contains("\"type\":\"switch\""), sw.get(0).toJson());
    }

    @Test
    void aSpinningGuestIsPreemptedAtTheEndOfItsSlice() {
        XenSystem sys = new XenSystem(16);
        Domain spin = sys.boot("spin.elf", elf(true, "    jmp $\n"), 8, "").domain();
        Domain b = sys.boot("b.elf", elf(true, yielder('b', 3)), 8, "").domain();
        Hypervisor hv = sys.hypervisor();
        Hypervisor.Result r = sys.run(10 * Hypervisor.TIME_SLICE);
        assertEquals(Hypervisor.Outcome.LIMIT, r.outcome(), r.detail());
        assertEquals(lines('b', 3), b.console(), "the printer ran between the spinner's slices");
        assertEquals(Domain.State.SHUTDOWN, b.state());
        assertEquals(Domain.State.RUNNING, spin.state());
        assertEquals(spin, hv.current(), "only the spinner is left");
        List<TraceEvent.Switch> sw = switches(hv);
        assertEquals("slice", sw.get(0).why());
        assertEquals(Hypervisor.TIME_SLICE, sw.get(0).time(), "the first slice ends after TIME_SLICE cycles");
    }

    @Test
    void aRunCutIntoPiecesSwitchesAtTheSameCycles() {
        List<Long> whole = switchTimes(1);
        List<Long> cut = switchTimes(777_777);
        assertEquals(whole, cut);
        assertTrue(whole.size() >= 3, whole.toString());
    }

    private static List<Long> switchTimes(long piece) {
        XenSystem sys = new XenSystem(16);
        sys.boot("spin.elf", elf(true, "    jmp $\n"), 8, "");
        sys.boot("b.elf", elf(true, yielder('b', 3)), 8, "");
        long total = 5 * Hypervisor.TIME_SLICE;
        Hypervisor hv = sys.hypervisor();
        if (piece == 1) {
            sys.run(total);
        } else {
            while (hv.now() < total) {
                sys.run(Math.min(piece, total - hv.now()));
            }
        }
        return switches(hv).stream().map(TraceEvent::time).toList();
    }

    @Test
    void startingASecondDomainLeavesTheCurrentOneUndisturbed() {
        XenSystem sys = new XenSystem(16);
        Domain a = sys.boot("a.elf", elf(true, "    jmp $\n"), 8, "").domain();
        Hypervisor hv = sys.hypervisor();
        int cr3 = hv.cpu().cr(3);
        int eip = hv.cpu().eip();
        int esi = hv.cpu().reg(org.xenoscope.machine.cpu.Cpu.ESI);
        Domain b = sys.boot("b.elf", elf(false, "    jmp $\n"), 8, "").domain();
        assertEquals(a, hv.current());
        assertEquals(cr3, hv.cpu().cr(3));
        assertEquals(eip, hv.cpu().eip());
        assertEquals(esi, hv.cpu().reg(org.xenoscope.machine.cpu.Cpu.ESI));
        assertNotEquals(a.vcpu0.baseMfn, b.vcpu0.baseMfn);
    }

    @Test
    void allBlockedIsBlockedAndAnEventWakesTheOther() {
        XenSystem sys = new XenSystem(16);
        String block = "    mov ebx, 1\n    call hypercall_page + 29 * 32\n    jmp $\n";
        Domain a = sys.boot("a.elf", elf(true, block), 8, "").domain();
        Domain b = sys.boot("b.elf", elf(true, block), 8, "").domain();
        Hypervisor.Result r = sys.run(100_000);
        assertEquals(Hypervisor.Outcome.BLOCKED, r.outcome(), r.detail());
        assertEquals(Domain.State.BLOCKED, a.state());
        assertEquals(Domain.State.BLOCKED, b.state());
        sys.console().input(b, "k".getBytes(java.nio.charset.StandardCharsets.US_ASCII)); // notifies b's port
        assertEquals(Domain.State.RUNNING, b.state());
        r = sys.run(1000);
        assertEquals(Hypervisor.Outcome.LIMIT, r.outcome(), r.detail());
        assertEquals(b, sys.hypervisor().current(), "the woken domain got the CPU");
        assertEquals(Domain.State.BLOCKED, a.state());
    }
}
