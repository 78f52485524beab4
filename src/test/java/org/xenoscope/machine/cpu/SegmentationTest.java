package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenoscope.machine.cpu.ProtectedModeRuns.assertFault;
import static org.xenoscope.machine.cpu.ProtectedModeRuns.kernel;
import static org.xenoscope.machine.cpu.ProtectedModeRuns.user;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.CONFCODE;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.EXPDOWN;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.KCODE;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.KDATA;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.KERNEL_CODE;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.LIMDATA;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.LIMDATA_BASE;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.NPDATA;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.R1DATA;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.RODATA;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.TSS;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.UCODE;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.UDATA;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.USER_DATA;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.XOCODE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xenoscope.machine.intr.Vector;

/**
 * Segment limit and type checks on accesses, and the checks made when a selector is loaded into a segment
 * register (SDM Vol. 3 §5.3-5.6; Vol. 2 "MOV", "POP", "LDS/LES/LFS/LGS/LSS"). The expected vectors and error
 * codes are those the SDM's pseudo-code names: limit and type violations #GP(0) (#SS(0) through SS), bad
 * selectors #GP(selector), absent segments #NP(selector) (#SS(selector) for SS).
 */
class SegmentationTest {
    @Test
    void fixtureRecordsAnException() {
        ProtectedModeSetup pm = kernel("ud2\n");
        assertThat(pm.onlyEvent().vector()).isEqualTo(Vector.UD);
        assertThat(pm.onlyEvent().eip()).isEqualTo(KERNEL_CODE);
        assertThat(pm.onlyEvent().cs()).isEqualTo(KCODE);
    }

    @Test
    void accessBeyondDataSegmentLimitIsGp0() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                mov ax, LIMDATA
                mov ds, ax
                mov ecx, [0xFFC]        ; bytes 0xFFC..0xFFF: the last dword inside the limit
            fault:
                mov edx, [0xFFD]        ; byte 0x1000 is outside
            """);
        pm.mem.writeDword(LIMDATA_BASE + 0xFFC, 0x12345678);
        pm.run();
        assertFault(pm, Vector.GP, 0, "fault");
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0x12345678);
    }

    @Test
    void accessBeyondStackSegmentLimitIsSs0() {
        ProtectedModeSetup pm = kernel("""
                mov ax, LIMSTACK        ; limit 0x7FFFF, ESP = 0x80000
                mov ss, ax
                push dword 1            ; 0x7FFFC..0x7FFFF: inside
            fault:
                mov ecx, [esp+4]        ; 0x80000: outside, through SS
            """);
        assertFault(pm, Vector.SS, 0, "fault");
    }

    @Test
    void writeToReadOnlyDataIsGp0() {
        ProtectedModeSetup pm = kernel("""
                mov ax, RODATA
                mov es, ax
                mov ecx, [es:USER_DATA] ; reading is fine
            fault:
                mov [es:USER_DATA], ecx
            """);
        assertFault(pm, Vector.GP, 0, "fault");
    }

    @Test
    void expandDownSegmentAllowsOnlyOffsetsAboveItsLimit() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                mov ax, EXPDOWN         ; expand-down, limit 0xFFF, B=1: valid offsets 0x1000..0xFFFFFFFF
                mov es, ax
                mov ecx, [es:0x3000]
            fault:
                mov edx, [es:0xFFE]
            """);
        pm.mem.writeDword(0x3000, 0xA5A5A5A5);
        pm.run();
        assertFault(pm, Vector.GP, 0, "fault");
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0xA5A5A5A5);
    }

    @Test
    void nullDataSelectorLoadsButAnyAccessIsGp0() {
        ProtectedModeSetup pm = kernel("""
                xor ecx, ecx
                mov ds, cx
            fault:
                mov edx, [USER_DATA]
            """);
        assertFault(pm, Vector.GP, 0, "fault");
        assertThat(pm.cpu.seg(Cpu.DS).selector).isZero();
    }

    @ParameterizedTest(name = "mov {0}, 0x{1} -> vector {2} error 0x{3}")
    @CsvSource({
        "ds, 00b3, 13, 00b0",   // index beyond the GDT limit: #GP(selector), RPL dropped
        "ds, 0050, 11, 0050",   // data segment not present: #NP(selector)
        "ss, 0050, 12, 0050",   // stack segment not present: #SS(selector)
        "ds, 0038, 13, 0038",   // a TSS (system descriptor) is not data: #GP(selector)
        "ds, 0070, 13, 0070",   // execute-only code cannot be read: #GP(selector)
        "es, 000c, 13, 000c",   // TI=1 with no LDT loaded: #GP(selector)
        "ss, 0013, 13, 0010",   // SS needs RPL = CPL
        "ss, 0078, 13, 0078",   // SS must be writable
        "ss, 0008, 13, 0008",   // code is never a stack
        "ss, 0000, 13, 0000",   // null SS: #GP(0)
        "ds, 0013, 13, 0010",   // data with RPL 3 > DPL 0
    })
    void badSelectorLoadsFaultWithTheSelector(String reg, String sel, int vector, String error) {
        ProtectedModeSetup pm = kernel("""
                mov eax, 0x%s
            fault:
                mov %s, ax
            """.formatted(sel, reg));
        assertFault(pm, vector, Integer.parseInt(error, 16), "fault");
    }

    @Test
    void movToCsIsUd() {
        ProtectedModeSetup pm = kernel("""
                mov eax, KCODE
            fault:
                db 0x8E, 0xC8           ; mov cs, ax
            """);
        assertFault(pm, Vector.UD, 0, "fault");
    }

    @Test
    void ring3CannotLoadMorePrivilegedDataSegments() {
        ProtectedModeSetup pm = user("""
                mov eax, UDATA
                mov ds, ax              ; DPL 3: fine
                mov eax, R1DATA
            fault:
                mov es, ax              ; DPL 1 < CPL 3: #GP(0x20)
            """, 0x2);
        assertFault(pm, Vector.GP, R1DATA & ~3, "fault");
        assertThat(pm.onlyEvent().cs()).isEqualTo(UCODE);
    }

    @Test
    void ring3CannotUseAKernelStackSegment() {
        ProtectedModeSetup pm = user("""
                mov eax, KDATA | 3
            fault:
                mov ss, ax              ; RPL = CPL but DPL 0 != CPL 3
            """, 0x2);
        assertFault(pm, Vector.GP, KDATA, "fault");
    }

    @Test
    void ring3StackSelectorNeedsRplEqualToCpl() {
        ProtectedModeSetup pm = user("""
                mov eax, UDATA & ~3
            fault:
                mov ss, ax
            """, 0x2);
        assertFault(pm, Vector.GP, UDATA & ~3, "fault");
    }

    @Test
    void conformingReadableCodeMayBeLoadedIntoDataRegistersAtAnyCpl() {
        ProtectedModeSetup pm = new ProtectedModeSetup().user("""
                mov eax, CONFCODE | 3   ; conforming: no DPL check (SDM "MOV")
                mov ds, ax
                mov ecx, [USER_DATA]
            done:
                ud2
            """);
        pm.mem.writeDword(USER_DATA, 0x600DC0DE);
        pm.startUser(0x2).run();
        assertFault(pm, Vector.UD, 0, "done");
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0x600DC0DE);
    }

    @Test
    void ldsLoadsSelectorAndOffsetTogether() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                lds esi, [ptr]
                mov ecx, [0x10]         ; through the new DS: linear 0x200010
                lgs di, [cs:ptr16]      ; 16-bit form: 16-bit offset (DS no longer covers the code)
                cli
                hlt
            ptr:   dd 0x1234
                   dw LIMDATA
            ptr16: dw 0x5678
                   dw UDATA
            """);
        pm.mem.writeDword(LIMDATA_BASE + 0x10, 0xFEEDBEEF);
        pm.cpu.setReg(Cpu.EDI, 0xAAAA0000);
        pm.run();
        assertThat(pm.events()).isEmpty();
        assertThat(pm.cpu.reg(Cpu.ESI)).isEqualTo(0x1234);
        assertThat(pm.cpu.seg(Cpu.DS).selector).isEqualTo(LIMDATA);
        assertThat(pm.cpu.seg(Cpu.DS).base).isEqualTo(LIMDATA_BASE);
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0xFEEDBEEF);
        assertThat(pm.cpu.reg(Cpu.EDI)).isEqualTo(0xAAAA5678);
        assertThat(pm.cpu.seg(Cpu.GS).selector).isEqualTo(UDATA);
    }

    @Test
    void lssWithAbsentSegmentChangesNothing() {
        ProtectedModeSetup pm = kernel("""
                mov esp, 0x7F000
            fault:
                lss esp, [ptr]
            ptr: dd 0x1000
                 dw NPDATA
            """);
        assertFault(pm, Vector.SS, NPDATA, "fault");
        assertThat(pm.onlyEvent().eip()).isEqualTo(pm.sym("fault"));
        assertThat(pm.cpu.seg(Cpu.SS).selector).isEqualTo(KDATA);
        // the handler ran on the old stack: its frame sits just below ESP = 0x7F000
        assertThat(pm.mem.readDword(0x7F000 - 12)).isEqualTo(pm.sym("fault"));
    }

    @Test
    void movFromSegmentRegisterZeroExtendsToRegistersAndStoresSixteenBits() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                mov ecx, 0xFFFFFFFF
                mov ecx, ds             ; 32-bit operand size: zero-extended
                mov edx, 0xFFFFFFFF
                mov dx, ss              ; 16-bit: upper half kept
                mov dword [USER_DATA], 0xAAAAAAAA
                mov [USER_DATA], es     ; memory: always 16 bits
                cli
                hlt
            """);
        pm.run();
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(KDATA);
        assertThat(pm.cpu.reg(Cpu.EDX)).isEqualTo(0xFFFF0000 | KDATA);
        assertThat(pm.mem.readDword(USER_DATA)).isEqualTo(0xAAAA0000 | KDATA);
    }

    @Test
    void pushAndPopSegmentRegisters() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                mov dword [esp-4], 0xFFFFFFFF
                push fs                 ; 32-bit push: the selector zero-extended into 4 bytes
                mov ecx, [esp]
                mov eax, UDATA
                push eax
                pop es                  ; loaded with the checks
                o16 push gs             ; 16-bit push: 2 bytes
                mov edx, esp
                o16 pop fs
                cli
                hlt
            """);
        pm.run();
        assertThat(pm.events()).isEmpty();
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(KDATA);
        assertThat(pm.cpu.seg(Cpu.ES).selector).isEqualTo(UDATA);
        assertThat(pm.cpu.reg(Cpu.EDX)).isEqualTo(ProtectedModeSetup.KSTACK - 4 - 2);
        assertThat(pm.cpu.reg(Cpu.ESP)).isEqualTo(ProtectedModeSetup.KSTACK - 4);
        assertThat(pm.cpu.seg(Cpu.FS).selector).isEqualTo(KDATA);
    }

    @Test
    void popOfABadSelectorLeavesEspAlone() {
        ProtectedModeSetup pm = kernel("""
                push dword TSS
                mov ecx, esp
            fault:
                pop ds
            """);
        assertFault(pm, Vector.GP, TSS, "fault");
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(ProtectedModeSetup.KSTACK - 4);
        // the fault frame was pushed below the unreleased slot
        assertThat(pm.mem.readDword(ProtectedModeSetup.KSTACK - 4 - 12)).isEqualTo(pm.sym("fault"));
    }

    @Test
    void ldtSelectorsResolveThroughTheLoadedLdt() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                mov eax, LDT
                lldt ax
                mov eax, 0x0C           ; LDT entry 1, TI=1, RPL 0
                mov fs, ax
                mov ecx, [fs:0x20]
                sldt edx
                cli
                hlt
            """);
        pm.mem.writeDword(LIMDATA_BASE + 0x20, 0x1DC0FFEE);
        pm.run();
        assertThat(pm.events()).isEmpty();
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0x1DC0FFEE);
        assertThat(pm.cpu.reg(Cpu.EDX)).isEqualTo(ProtectedModeSetup.LDT);
        assertThat(pm.cpu.seg(Cpu.FS).base).isEqualTo(LIMDATA_BASE);
    }

    @Test
    void loadingASegmentSetsItsAccessedBit() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                mov eax, LIMDATA
                mov ds, ax
                cli
                hlt
            """);
        int hi = ProtectedModeSetup.GDT + LIMDATA + 4;
        pm.mem.writeDword(hi, pm.mem.readDword(hi) & ~0x100);
        pm.run();
        assertThat(pm.mem.readDword(hi) & 0x100).isEqualTo(0x100);
    }

    @Test
    void executeOnlyCodeCannotBeReadThroughCs() {
        ProtectedModeSetup pm = kernel("""
                jmp XOCODE:next
            next:
            fault:
                mov ecx, [cs:next]
            """);
        assertFault(pm, Vector.GP, 0, "fault");
        assertThat(pm.onlyEvent().cs()).isEqualTo(XOCODE);
    }
}
