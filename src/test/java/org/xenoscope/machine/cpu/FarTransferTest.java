package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenoscope.machine.cpu.ProtectedModeRuns.assertFault;
import static org.xenoscope.machine.cpu.ProtectedModeRuns.kernel;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.CONFCODE;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.KCODE;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.KDATA;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.KSTACK;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.UCODE;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.UDATA;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.USER_CODE;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.USTACK;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xenoscope.machine.intr.Vector;

/**
 * Far JMP, far CALL, RETF and IRET between code segments and rings, with the checks of the SDM's pseudo-code
 * (Vol. 2 "JMP", "CALL", "RET", "IRET"): target type and privilege #GP(selector), absent #NP(selector), offset
 * beyond the limit #GP(0); returns to outer rings switch stacks and null inner-ring data segments.
 */
class FarTransferTest {
    @Test
    void farJumpWithinRingZero() {
        ProtectedModeSetup pm = kernel("""
                jmp KCODE:there
                ud2
            there:
                mov ecx, 1
                jmp far [ptr]           ; indirect m16:32
                ud2
            again:
                mov edx, 2
                cli
                hlt
            ptr: dd again
                 dw KCODE
            """);
        assertThat(pm.events()).isEmpty();
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(1);
        assertThat(pm.cpu.reg(Cpu.EDX)).isEqualTo(2);
        assertThat(pm.cpu.seg(Cpu.CS).selector).isEqualTo(KCODE);
    }

    @Test
    void farJumpToConformingCodeKeepsTheCpl() {
        ProtectedModeSetup pm = new ProtectedModeSetup().user("""
                jmp CONFCODE:there      ; DPL 0 <= CPL 3: allowed, CPL stays 3
            there:
            fault:
                hlt                     ; still CPL 3: #GP(0)
            """).startUser(0x2);
        pm.run();
        assertFault(pm, Vector.GP, 0, "fault");
        assertThat(pm.onlyEvent().cs()).isEqualTo(CONFCODE | 3);
        assertThat(pm.onlyEvent().ss()).isEqualTo(UDATA);
    }

    @ParameterizedTest(name = "jmp 0x{0}:target -> vector {1} error 0x{2}")
    @CsvSource({
        "002b, 13, 0028",   // non-conforming DPL 3 != CPL 0
        "000b, 13, 0008",   // RPL 3 > CPL 0 for non-conforming code
        "0058, 11, 0058",   // code segment not present
        "0010, 13, 0010",   // a data segment is no jump target
        "0068, 13, 0068",   // call gate: SIMPLIFICATION, no gates: #GP(selector)
        "0038, 13, 0038",   // TSS: no task switches: #GP(selector)
        "0000, 13, 0000",   // null selector: #GP(0)
        "00f8, 13, 00f8",   // beyond the GDT limit
    })
    void badFarJumpTargets(String sel, int vector, String error) {
        ProtectedModeSetup pm = kernel("""
            fault:
                jmp 0x%s:target
            target:
                ud2
            """.formatted(sel));
        assertFault(pm, vector, Integer.parseInt(error, 16), "fault");
    }

    @Test
    void farJumpBeyondTheTargetLimitIsGp0() {
        ProtectedModeSetup pm = kernel("""
            fault:
                jmp KCODE16:0x10000     ; limit 0xFFFF
            """);
        assertFault(pm, Vector.GP, 0, "fault");
        assertThat(pm.onlyEvent().cs()).isEqualTo(KCODE);
    }

    @Test
    void farCallPushesCsAndEipAndRetfReturns() {
        ProtectedModeSetup pm = kernel("""
                call KCODE:func
            back:
                mov esi, esp
                call far [ptr]
            back2:
                push dword 0x11
                push dword 0x22
                call KCODE:func8
                mov ebp, esp
                cli
                hlt
            func:
                mov ecx, [esp]          ; return EIP
                mov edx, [esp+4]        ; return CS, zero-extended to 32 bits
                retf
            func2:
                mov edi, [esp]
                retf
            func8:
                retf 8                  ; also releases the two parameters
            ptr: dd func2
                 dw KCODE
            """);
        assertThat(pm.events()).isEmpty();
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(pm.sym("back"));
        assertThat(pm.cpu.reg(Cpu.EDX)).isEqualTo(KCODE);
        assertThat(pm.cpu.reg(Cpu.ESI)).isEqualTo(KSTACK);
        assertThat(pm.cpu.reg(Cpu.EDI)).isEqualTo(pm.sym("back2"));
        assertThat(pm.cpu.reg(Cpu.EBP)).isEqualTo(KSTACK);
    }

    @Test
    void farCallWithoutStackRoomIsSs0AndWritesNothing() {
        ProtectedModeSetup pm = new ProtectedModeSetup();
        // GDT slot 20: ring-3 expand-down stack, limit 0x6F000: valid offsets 0x6F001..0xFFFFFFFF
        pm.setDescriptor(20, ProtectedModeSetup.descriptor(0, 0x6F000, 0xF7, 0x4));
        pm.user("""
                mov dword [0x6F001], 0x5A5A5A5A
                mov eax, 0xA3
                mov ss, ax
                mov esp, 0x6F005        ; room for the CS slot, none for the EIP slot
            fault:
                call UCODE:target
            target:
                ud2
            """).startUser(0x2);
        pm.run();
        assertFault(pm, Vector.SS, 0, "fault");
        assertThat(pm.onlyEvent().ss()).isEqualTo(0xA3);
        assertThat(pm.onlyEvent().esp()).isEqualTo(0x6F005);
        assertThat(pm.mem.readDword(0x6F001)).isEqualTo(0x5A5A5A5A);
    }

    @Test
    void retfToRing3SwitchesStacksAndNullsKernelDataSegments() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                mov eax, UDATA
                mov fs, ax              ; DPL 3: survives the return
                push dword UDATA        ; SS
                push dword USTACK - 16  ; ESP
                push dword UCODE        ; CS
                push dword USER_CODE    ; EIP
                retf
            """).user("""
                mov ecx, ds
                mov edx, es
                mov esi, fs
                mov edi, esp
            done:
                ud2
            """);
        pm.run();
        ProtectedModeSetup.Event e = pm.onlyEvent();
        assertThat(e.vector()).isEqualTo(Vector.UD);
        assertThat(e.eip()).isEqualTo(pm.sym("done"));
        assertThat(e.cs()).isEqualTo(UCODE);
        assertThat(e.ss()).isEqualTo(UDATA);
        assertThat(e.esp()).isEqualTo(USTACK - 16);
        assertThat(pm.cpu.reg(Cpu.ECX)).isZero();
        assertThat(pm.cpu.reg(Cpu.EDX)).isZero();
        assertThat(pm.cpu.reg(Cpu.ESI)).isEqualTo(UDATA);
        assertThat(pm.cpu.reg(Cpu.EDI)).isEqualTo(USTACK - 16);
    }

    @Test
    void retfImmediateReleasesBytesOnBothStacks() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                push dword UDATA        ; SS
                push dword USTACK       ; ESP
                push dword 0xAAAA       ; 8 bytes of parameters between CS and ESP
                push dword 0xBBBB
                push dword UCODE
                push dword USER_CODE
                retf 8
            """).user("""
            done:
                ud2
            """);
        pm.run();
        assertThat(pm.onlyEvent().esp()).isEqualTo(USTACK + 8);
        assertThat(pm.onlyEvent().cs()).isEqualTo(UCODE);
    }

    @Test
    void retfToOuterRingWithAMismatchedStackSelectorChangesNothing() {
        ProtectedModeSetup pm = kernel("""
                push dword KDATA        ; SS with RPL 0 for a return to ring 3
                push dword USTACK
                push dword UCODE
                push dword USER_CODE
            fault:
                retf
            """);
        assertFault(pm, Vector.GP, KDATA, "fault");
        assertThat(pm.onlyEvent().cs()).isEqualTo(KCODE);
        assertThat(pm.mem.readDword(KSTACK - 16 - 12)).isEqualTo(pm.sym("fault"));
    }

    @Test
    void retfToAMorePrivilegedRingIsGp() {
        ProtectedModeSetup pm = new ProtectedModeSetup().user("""
                push dword KCODE
                push dword USER_CODE
            fault:
                retf
            """).startUser(0x2);
        pm.run();
        assertFault(pm, Vector.GP, KCODE, "fault");
        assertThat(pm.onlyEvent().cs()).isEqualTo(UCODE);
    }

    @Test
    void iretFromRingZeroToRing3LoadsFlagsAndStack() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                push dword UDATA
                push dword USTACK
                push dword 0x3202 | 0x1 ; IOPL 3, IF, CF
                push dword UCODE
                push dword USER_CODE
                iret
            """).user("""
                pushfd
                pop ecx
                mov edx, ds
            done:
                ud2
            """);
        pm.run();
        ProtectedModeSetup.Event e = pm.onlyEvent();
        assertThat(e.vector()).isEqualTo(Vector.UD);
        assertThat(e.cs()).isEqualTo(UCODE);
        assertThat(e.esp()).isEqualTo(USTACK);
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0x3203);
        assertThat(pm.cpu.reg(Cpu.EDX)).isZero(); // DS was KDATA (DPL 0): nulled on the way out
    }

    @Test
    void iretWithinRing3CannotRaiseIoplOrSetIf() {
        ProtectedModeSetup pm = new ProtectedModeSetup().user("""
                push dword 0x3202 | 0x80 ; IOPL 3, IF, SF
                push cs
                push dword after
                iret
            after:
                pushfd
                pop ecx
            done:
                ud2
            """).startUser(0x2);
        pm.run();
        assertThat(pm.onlyEvent().eip()).isEqualTo(pm.sym("done"));
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0x82); // SF changed; IOPL and IF silently kept
    }

    @Test
    void iretWithNestedTaskSetIsRefused() {
        ProtectedModeSetup pm = kernel("""
                pushfd
                or dword [esp], 0x4000  ; NT
                popfd
            fault:
                iret
            """);
        assertFault(pm, Vector.GP, 0, "fault");
    }

    @Test
    void iretToRing3WithAnAbsentStackSegmentIsSsAndChangesNothing() {
        ProtectedModeSetup pm = new ProtectedModeSetup();
        pm.setDescriptor(20, ProtectedModeSetup.descriptor(0, 0xFFFFF, 0x73, 0xC)); // ring-3 data, not present
        pm.kernel("""
                push dword 0xA3         ; SS: absent
                push dword USTACK
                push dword 0x3202       ; would raise IOPL and set IF
                push dword UCODE
                push dword USER_CODE
            fault:
                iret
            """);
        pm.run();
        assertFault(pm, Vector.SS, 0xA0, "fault");
        ProtectedModeSetup.Event e = pm.onlyEvent();
        assertThat(e.cs()).isEqualTo(KCODE);
        assertThat(e.eflags()).isEqualTo(0x2);
        assertThat(pm.mem.readDword(KSTACK - 20 - 12)).as("fault frame right below the IRET frame")
            .isEqualTo(pm.sym("fault"));
        assertThat(pm.cpu.seg(Cpu.DS).selector).as("not nulled").isEqualTo(KDATA);
    }

    @Test
    void iretToAnAbsentCodeSegmentIsNp() {
        ProtectedModeSetup pm = kernel("""
                push dword 0x2
                push dword NPCODE
                push dword 0
            fault:
                iret
            """);
        assertFault(pm, Vector.NP, ProtectedModeSetup.NPCODE, "fault");
    }

    @Test
    void sameBytesDecodeAgainWhenTheCodeSegmentSizeChanges() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                jmp shared              ; 32-bit: mov eax, imm32, then the hlt at +5
            shared:
                db 0xB8, 0x11, 0x22, 0xF4, 0x90
                hlt
            bits 16
            entry16:
                mov ecx, 0x12345678     ; needs 0x66 in a 16-bit segment
                jmp shared              ; 16-bit: mov ax, imm16, then the hlt at +3
            """);
        pm.run();
        assertThat(pm.cpu.reg(Cpu.EAX)).isEqualTo(0x90F42211);
        assertThat(pm.cpu.eip()).isEqualTo(pm.sym("shared") + 6);
        // resume in a 16-bit code segment: the decoded-instruction cache must not reuse the 32-bit decoding
        pm.cpu.setReg(Cpu.EAX, 0);
        pm.cpu.core().wake();
        pm.cpu.setSegmentCache(Cpu.CS, ProtectedModeSetup.KCODE16, 0, 0xFFFF, 0x9B, false);
        pm.cpu.setEip(pm.sym("entry16"));
        pm.run();
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0x12345678);
        assertThat(pm.cpu.reg(Cpu.EAX)).isEqualTo(0x2211);
        assertThat(pm.cpu.eip()).isEqualTo(pm.sym("shared") + 4);
    }

    @Test
    void farJumpToASixteenBitCodeSegment() {
        ProtectedModeSetup pm = kernel("""
                jmp KCODE16:entry16
            bits 16
            entry16:
                mov cx, 0x1234          ; 16-bit default operand size: no prefix
                o32 mov edx, 0xCAFEBABE
                jmp dword KCODE:back32
            bits 32
            back32:
                cli
                hlt
            """);
        assertThat(pm.events()).isEmpty();
        assertThat(pm.cpu.reg(Cpu.ECX) & 0xFFFF).isEqualTo(0x1234);
        assertThat(pm.cpu.reg(Cpu.EDX)).isEqualTo(0xCAFEBABE);
        assertThat(pm.cpu.seg(Cpu.CS).selector).isEqualTo(KCODE);
    }
}
