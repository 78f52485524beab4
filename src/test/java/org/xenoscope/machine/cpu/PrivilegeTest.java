package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenoscope.machine.cpu.ProtectedModeRuns.assertFault;
import static org.xenoscope.machine.cpu.ProtectedModeRuns.user;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.KCODE;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.KSTACK;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.UCODE;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.UDATA;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.USTACK;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xenoscope.machine.intr.Vector;
import org.xenoscope.machine.mem.IoDevice;

/**
 * Rings and privilege: INT n from ring 3 with the TSS stack switch (SDM Vol. 3 §6.12.1), gate DPL checks,
 * IRET back to ring 3, privileged instructions at CPL 3, IOPL-sensitive instructions (CLI, STI, POPF, IN, OUT)
 * and the TSS I/O permission bitmap (Vol. 1 §19.5).
 */
class PrivilegeTest {
    @Test
    void intFromRing3SwitchesToTheTssStackAndIretReturns() {
        ProtectedModeSetup pm = new ProtectedModeSetup().user("""
                push dword 0x77
                int 0x80                ; gate DPL 3
            after:
                pop ecx
            done:
                ud2
            """);
        pm.resume(0x80);
        pm.startUser(0x202 | 0x1).run();
        List<ProtectedModeSetup.Event> ev = pm.events();
        assertThat(ev).hasSize(2);
        ProtectedModeSetup.Event i = ev.get(0);
        assertThat(i.vector()).isEqualTo(0x80);
        assertThat(i.eip()).isEqualTo(pm.sym("after"));
        assertThat(i.cs()).isEqualTo(UCODE);
        assertThat(i.eflags()).isEqualTo(0x203);
        assertThat(i.esp()).isEqualTo(USTACK - 4);
        assertThat(i.ss()).isEqualTo(UDATA);
        // IRET went back to ring 3 with the user stack and flags
        ProtectedModeSetup.Event u = ev.get(1);
        assertThat(u.vector()).isEqualTo(Vector.UD);
        assertThat(u.eip()).isEqualTo(pm.sym("done"));
        assertThat(u.cs()).isEqualTo(UCODE);
        assertThat(u.esp()).isEqualTo(USTACK);
        assertThat(u.eflags()).isEqualTo(0x203);
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0x77);
    }

    @Test
    void intFromRing3PushesTheOuterStackOnTheTssStack() {
        ProtectedModeSetup pm = user("""
                push dword 0x77
                int 0x80
            after:
                ud2
            """, 0x202 | 0x1);
        assertThat(pm.onlyEvent().vector()).isEqualTo(0x80);
        // the frame the CPU pushed on the ring-0 stack named by TSS.SS0:ESP0, highest address first
        assertThat(pm.mem.readDword(KSTACK - 4)).isEqualTo(UDATA);
        assertThat(pm.mem.readDword(KSTACK - 8)).isEqualTo(USTACK - 4);
        assertThat(pm.mem.readDword(KSTACK - 12)).isEqualTo(0x203);
        assertThat(pm.mem.readDword(KSTACK - 16)).isEqualTo(UCODE);
        assertThat(pm.mem.readDword(KSTACK - 20)).isEqualTo(pm.sym("after"));
        // the handler runs in ring 0 on that stack, with IF cleared by the interrupt gate
        assertThat(pm.cpu.cpl()).isZero();
        assertThat(pm.cpu.seg(Cpu.SS).selector).isEqualTo(ProtectedModeSetup.KDATA);
        assertThat(pm.cpu.eflags() & 0x200).isZero();
    }

    @Test
    void intThroughARingZeroGateIsGpWithTheIdtErrorCode() {
        ProtectedModeSetup pm = user("""
            fault:
                int 0x81                ; gate DPL 0 < CPL 3
            """, 0x2);
        assertFault(pm, Vector.GP, (0x81 << 3) | 2, "fault");
        assertThat(pm.onlyEvent().cs()).isEqualTo(UCODE);
    }

    @Test
    void int3ThroughARingZeroGateIsGpToo() {
        ProtectedModeSetup pm = user("""
            fault:
                int3
            """, 0x2);
        assertFault(pm, Vector.GP, (Vector.BP << 3) | 2, "fault");
    }

    @Test
    void intFromRingZeroStaysOnTheCurrentStack() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                mov esp, 0x7F000
                int 0x81
            after:
                cli
                hlt
            """);
        pm.resume(0x81);
        pm.run();
        ProtectedModeSetup.Event e = pm.onlyEvent();
        assertThat(e.cs()).isEqualTo(KCODE);
        assertThat(e.eip()).isEqualTo(pm.sym("after"));
        assertThat(pm.mem.readDword(0x7F000 - 12)).isEqualTo(pm.sym("after"));
        assertThat(pm.cpu.reg(Cpu.ESP)).isEqualTo(0x7F000);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "hlt", "cli", "sti", "lgdt [USER_DATA]", "lidt [USER_DATA]", "mov cr0, eax", "mov eax, cr3",
        "mov cr4, eax", "mov eax, cr2", "mov dr7, eax", "mov eax, dr6", "invlpg [USER_DATA]", "clts", "lmsw ax",
        "ltr ax", "lldt ax", "rdmsr", "wrmsr", "wbinvd", "invd", "in al, 0x60", "out 0x80, al", "in eax, dx",
        "out dx, ax",
    })
    void privilegedInstructionsAtCpl3AreGp0(String insn) {
        ProtectedModeSetup pm = user("""
                mov edx, 0x3F8
            fault:
                %s
                ud2
            """.formatted(insn), 0x2);
        assertFault(pm, Vector.GP, 0, "fault");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"smsw eax", "sgdt [USER_DATA]", "sidt [USER_DATA]", "str eax", "sldt eax",
        "pushfd", "rdtsc", "cpuid"})
    void unprivilegedSystemInstructionsRunAtCpl3(String insn) {
        ProtectedModeSetup pm = user("""
                %s
            done:
                ud2
            """.formatted(insn), 0x2);
        assertFault(pm, Vector.UD, 0, "done");
    }

    @Test
    void cliAndStiAreAllowedAtCpl3WhenIoplIs3() {
        ProtectedModeSetup pm = user("""
                cli
                pushfd
                pop ecx
                sti
                pushfd
                pop edx
            done:
                ud2
            """, 0x3202);
        assertFault(pm, Vector.UD, 0, "done");
        assertThat(pm.cpu.reg(Cpu.ECX) & 0x200).isZero();
        assertThat(pm.cpu.reg(Cpu.EDX) & 0x200).isEqualTo(0x200);
    }

    @Test
    void popfAtCpl3LeavesIoplAndIfWhenCplAboveIopl() {
        ProtectedModeSetup pm = user("""
                push dword 0x3200 | 0x400 | 0x1   ; IOPL 3, IF, DF, CF
                popfd                   ; no fault: IOPL and IF are silently kept
                pushfd
                pop ecx
            done:
                ud2
            """, 0x2);
        assertFault(pm, Vector.UD, 0, "done");
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0x403);
    }

    @Test
    void popfAtCpl3WithIopl3ChangesIfButNotIopl() {
        ProtectedModeSetup pm = user("""
                push dword 0x0200       ; IOPL 0, IF
                popfd
                pushfd
                pop ecx
            done:
                ud2
            """, 0x3002);
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0x3202);
    }

    @Test
    void popfAtCpl0ChangesEverythingAndSixteenBitPopfOnlyTheLowHalf() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                push dword 0x257ED5     ; ID AC RF NT IOPL=3 OF DF IF SF ZF AF PF CF (not TF)
                popfd
                pushfd
                pop ecx
                push word 0x0002
                popfw                   ; 16-bit: bits 15..0 only
                pushfd
                pop edx
                cli
                hlt
            """);
        pm.run();
        // POPF clears RF; bit 1 always reads 1
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0x247ED7);
        assertThat(pm.cpu.reg(Cpu.EDX)).isEqualTo(0x240002);
    }

    /** A device that records what reaches it. */
    private static final class Probe implements IoDevice {
        final List<String> log = new ArrayList<>();

        @Override
        public int in(int port, int size) {
            log.add(String.format("in %x/%d", port, size));
            return 0x5A;
        }

        @Override
        public void out(int port, int size, int value) {
            log.add(String.format("out %x/%d=%x", port, size, value));
        }
    }

    @Test
    void ioBitmapGrantsSinglePortsAtCpl3() {
        ProtectedModeSetup pm = new ProtectedModeSetup().user("""
                mov dx, 0x3F8
                mov al, 0x41
                out dx, al              ; allowed by the bitmap
                in al, dx
                mov cl, al
            fault:
                out dx, ax              ; 0x3F8 and 0x3F9: 0x3F9 is denied
            """);
        Probe probe = new Probe();
        pm.m.io().map(0x3F8, 2, probe);
        pm.allowPort(0x3F8);
        pm.startUser(0x2).run();
        assertFault(pm, Vector.GP, 0, "fault");
        assertThat(probe.log).containsExactly("out 3f8/1=41", "in 3f8/1");
        assertThat(pm.cpu.reg(Cpu.ECX) & 0xFF).isEqualTo(0x5A);
    }

    @Test
    void ioplThreeBypassesTheBitmap() {
        ProtectedModeSetup pm = new ProtectedModeSetup().user("""
                mov dx, 0x3F8
                mov ax, 0x4142
                out dx, ax
                in al, 0x61             ; nothing there: the bus reads all ones
                mov cl, al
            done:
                ud2
            """);
        Probe probe = new Probe();
        pm.m.io().map(0x3F8, 2, probe);
        pm.startUser(0x3002).run();
        assertFault(pm, Vector.UD, 0, "done");
        assertThat(probe.log).containsExactly("out 3f8/2=4142");
        assertThat(pm.cpu.reg(Cpu.ECX) & 0xFF).isEqualTo(0xFF);
    }

    @Test
    void ioBitmapIsIgnoredAtCpl0() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                mov dx, 0x3F8
                mov eax, 0x11223344
                out dx, eax
                cli
                hlt
            """);
        Probe probe = new Probe();
        pm.m.io().map(0x3F8, 4, probe);
        pm.run();
        assertThat(pm.events()).isEmpty();
        assertThat(probe.log).containsExactly("out 3f8/4=11223344");
    }
}
