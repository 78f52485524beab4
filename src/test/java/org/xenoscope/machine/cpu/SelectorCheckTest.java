package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.GDT;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.TSS_LIMIT;

import org.junit.jupiter.api.Test;
import org.xenoscope.machine.StopReason;
import org.xenoscope.machine.intr.Vector;

/**
 * LAR, LSL, VERR and VERW against the descriptors of {@link ProtectedModeSetup}'s GDT and LDT: each check's
 * ZF is saved with SETZ into a byte register (BL, BH, CL, CH, DL, DH in order), results in EAX/ESI/EDI.
 */
class SelectorCheckTest {
    private static final int EBX = Cpu.EBX;
    private static final int ECX = Cpu.ECX;
    private static final int EDX = Cpu.EDX;

    private static ProtectedModeSetup kernel(String asm) {
        ProtectedModeSetup pm = new ProtectedModeSetup();
        // GDT entry 20 (0xA0): a 32-bit interrupt gate, which LAR and LSL refuse
        pm.setDescriptor(20, 0x00008E0000080000L | ProtectedModeSetup.KERNEL_CODE);
        pm.kernel(asm + "\nhlt\n");
        assertThat(pm.run().reason()).isEqualTo(StopReason.HALTED);
        assertThat(pm.events()).as("no exception").isEmpty();
        return pm;
    }

    private static ProtectedModeSetup user(String asm) {
        ProtectedModeSetup pm = new ProtectedModeSetup().user(asm + "\nhlt\n").startUser(0x2);
        assertThat(pm.run().reason()).isEqualTo(StopReason.HALTED);
        assertThat(pm.onlyEvent().vector()).as("only the final HLT's #GP").isEqualTo(Vector.GP);
        return pm;
    }

    private static int reg(ProtectedModeSetup pm, int r) {
        return pm.cpu.reg(r);
    }

    /** The six saved ZF bytes as a string of 0/1: BL BH CL CH DL DH. */
    private static String zfs(ProtectedModeSetup pm) {
        int b = reg(pm, EBX);
        int c = reg(pm, ECX);
        int d = reg(pm, EDX);
        return "" + (b & 1) + (b >> 8 & 1) + (c & 1) + (c >> 8 & 1) + (d & 1) + (d >> 8 & 1);
    }

    @Test
    void larLoadsTheAccessRightsMaskedByOperandSize() {
        ProtectedModeSetup pm = kernel("""
                mov ecx, KCODE
                mov eax, 0xFFFFFFFF
                lar eax, ecx            ; G D/B = 1 1, P DPL0 S code readable accessed: 0x00C09B00
                setz bl
                mov esi, 0x12345678
                lar si, cx              ; 16 bits: just the access byte, upper ESI kept
                setz bh
                mov edx, LIMDATA
                lar edi, dx             ; byte-granular 32-bit data: D/B only
            """);
        assertThat(reg(pm, Cpu.EAX)).isEqualTo(0x00C09B00);
        assertThat(reg(pm, Cpu.ESI)).isEqualTo(0x12349B00);
        assertThat(reg(pm, Cpu.EDI)).isEqualTo(0x00409300);
        assertThat(reg(pm, EBX) & 0xFFFF).isEqualTo(0x0101);
    }

    @Test
    void larAcceptsTssLdtAndCallGateButNotInterruptGatesNullOrOutOfTableSelectors() {
        ProtectedModeSetup pm = kernel("""
                mov eax, -1
                mov esi, TSS
                lar esi, si             ; busy 32-bit TSS (type B)
                setz bl
                mov edi, LDT
                lar edi, di             ; LDT (type 2)
                setz bh
                mov ebp, CALLGATE
                lar ebp, bp             ; call gate (type C, DPL 3)
                setz cl
                mov eax, 0xA0
                lar eax, ax             ; interrupt gate: refused, EAX unchanged
                setz ch
                mov eax, 0x0003
                lar eax, ax             ; null selector
                setz dl
                mov eax, 0xB0
                lar eax, ax             ; beyond the GDT limit: ZF = 0, no #GP
                setz dh
            """);
        assertThat(zfs(pm)).isEqualTo("111000");
        assertThat(reg(pm, Cpu.ESI)).isEqualTo(0x8B00);
        assertThat(reg(pm, Cpu.EDI)).isEqualTo(0x8200);
        assertThat(reg(pm, Cpu.EBP)).isEqualTo(0xEC00);
        assertThat(reg(pm, Cpu.EAX)).isEqualTo(0xB0);
    }

    @Test
    void lslLoadsTheScaledLimit() {
        ProtectedModeSetup pm = kernel("""
                mov esi, LIMDATA
                lsl esi, esi            ; byte-granular 0xFFF
                setz bl
                mov ebp, 0x0C
                lsl ebp, bp             ; no LDT loaded yet: refused
                jz .wrong
                mov ax, LDT
                lldt ax
                lsl ebp, bp             ; LDT entry 1: limit 0xFFF
                setz bh
                mov eax, CALLGATE
                lsl eax, ax             ; gates have no limit: refused (EAX keeps the selector)
                setz cl
                mov edi, 0x12340000 | KDATA
                lsl di, di              ; 16 bits: the low word of the limit
                setz ch
            .wrong:
            """);
        assertThat(reg(pm, Cpu.EAX)).isEqualTo(ProtectedModeSetup.CALLGATE);
        assertThat(reg(pm, Cpu.ESI)).isEqualTo(0xFFF);
        assertThat(reg(pm, Cpu.EDI)).isEqualTo(0x1234FFFF);
        assertThat(reg(pm, Cpu.EBP)).isEqualTo(0xFFF);
        assertThat(zfs(pm).substring(0, 4)).isEqualTo("1101");
    }

    @Test
    void lslOfTheTss() {
        ProtectedModeSetup pm = kernel("mov edi, TSS\nlsl edi, edi\nsetz bl");
        assertThat(reg(pm, Cpu.EDI)).isEqualTo(TSS_LIMIT);
        assertThat(reg(pm, EBX) & 1).isEqualTo(1);
    }

    @Test
    void verrAndVerwCheckReadabilityAndWritability() {
        ProtectedModeSetup pm = kernel("""
                mov eax, KCODE
                verr ax                 ; readable code
                setz bl
                mov eax, XOCODE
                verr ax                 ; execute-only code
                setz bh
                mov eax, RODATA
                verr ax                 ; data is always readable
                setz cl
                verw ax                 ; but read-only
                setz ch
                mov word [0x3000], KDATA
                verw [0x3000]           ; writable data, selector from memory
                setz dl
                mov eax, TSS
                verr ax                 ; system descriptor
                setz dh
            """);
        assertThat(zfs(pm)).isEqualTo("101010");
    }

    @Test
    void privilegeChecksUseCplAndRplExceptForConformingCode() {
        ProtectedModeSetup pm = kernel("""
                mov eax, KDATA | 3
                verr ax                 ; RPL 3 > DPL 0
                setz bl
                lar esi, ax
                setz bh
                mov eax, CONFCODE | 3
                verr ax                 ; conforming code: no privilege check
                setz cl
                mov eax, KCODE | 3
                verr ax
                setz ch
            """);
        assertThat(zfs(pm).substring(0, 4)).isEqualTo("0010");
    }

    @Test
    void ring3SeesOnlyItsOwnAndConformingSegments() {
        ProtectedModeSetup pm = user("""
                mov eax, KDATA | 3
                verw ax                 ; CPL 3 > DPL 0
                setz bl
                mov eax, UDATA
                verw ax
                setz bh
                mov eax, CONFCODE | 3
                lar esi, ax
                setz cl
                mov eax, KCODE | 3
                lsl edi, ax
                setz ch
                mov eax, CALLGATE
                lar ebp, ax             ; the call gate has DPL 3
                setz dl
                stc
                mov eax, UCODE
                verr ax
                setz dh
                setc al                 ; CF survives
            """);
        assertThat(zfs(pm)).isEqualTo("011011");
        assertThat(reg(pm, Cpu.EAX) & 0xFF).isEqualTo(1);
        assertThat(reg(pm, Cpu.ESI)).isEqualTo(0x00C09F00);
    }

    @Test
    void descriptorTableIsReadNotWritten() {
        ProtectedModeSetup pm = new ProtectedModeSetup();
        long before = pm.mem.readQword(GDT + 0x30);
        pm.mem.writeQword(GDT + 0x30, before & ~(1L << 40)); // UDATA not accessed
        pm.kernel("mov eax, UDATA\nlar eax, eax\nlsl ecx, eax\nverr ax\nverw ax\nhlt");
        pm.run();
        assertThat(pm.mem.readQword(GDT + 0x30) >>> 40 & 1).as("accessed bit").isZero();
    }
}
