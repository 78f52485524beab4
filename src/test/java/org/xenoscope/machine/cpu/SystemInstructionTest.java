package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenoscope.machine.cpu.ProtectedModeRuns.assertFault;
import static org.xenoscope.machine.cpu.ProtectedModeRuns.kernel;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.GDT;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.GDT_ENTRIES;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.IDT;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.TSS;
import static org.xenoscope.machine.cpu.ProtectedModeSetup.USER_DATA;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xenoscope.machine.intr.Vector;

/**
 * System instructions at ring 0 (SDM Vol. 2): RDTSC and CR4.TSD, CPUID, RDMSR/WRMSR, x87 escapes and WAIT with
 * CR0.EM/TS/MP, SYSENTER/SYSCALL, LGDT/SGDT/LIDT/SIDT, LMSW/SMSW/CLTS, MOV CRn/DRn, STR/LTR, flag instructions.
 */
class SystemInstructionTest {
    private static final String TSC_PROGRAM = """
                rdtsc                   ; instruction 0: no cycle has retired yet
                mov ecx, eax
                mov esi, edx
                nop
                nop
                rdtsc                   ; instruction 5
                cli
                hlt
            """;

    @Test
    void rdtscCountsRetiredInstructionsDeterministically() {
        for (int run = 0; run < 2; run++) {
            ProtectedModeSetup pm = kernel(TSC_PROGRAM);
            assertThat(pm.cpu.reg(Cpu.ECX)).isZero();
            assertThat(pm.cpu.reg(Cpu.ESI)).isZero();
            assertThat(pm.cpu.reg(Cpu.EAX)).isEqualTo(5);
            assertThat(pm.cpu.reg(Cpu.EDX)).isZero();
        }
    }

    @Test
    void writingTheTscMsrMovesTheCounter() {
        ProtectedModeSetup pm = kernel("""
                mov ecx, 0x10           ; IA32_TIME_STAMP_COUNTER
                mov eax, 1000
                mov edx, 1
                wrmsr                   ; TSC = 0x1_000003E8
                rdtsc                   ; one instruction later
                mov esi, eax
                mov edi, edx
                rdmsr                   ; four instructions after the WRMSR
                cli
                hlt
            """);
        assertThat(pm.cpu.reg(Cpu.ESI)).isEqualTo(1001);
        assertThat(pm.cpu.reg(Cpu.EDI)).isEqualTo(1);
        assertThat(pm.cpu.reg(Cpu.EAX)).isEqualTo(1004);
    }

    @Test
    void rdtscAtRing3FaultsWhenCr4TsdIsSet() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                mov eax, cr4
                or eax, 4               ; CR4.TSD
                mov cr4, eax
                rdtsc                   ; still fine at CPL 0
                push dword UDATA
                push dword USTACK
                push dword UCODE
                push dword USER_CODE
                retf
            """).user("""
            fault:
                rdtsc
            """);
        pm.run();
        assertFault(pm, Vector.GP, 0, "fault");
        assertThat(pm.onlyEvent().cs()).isEqualTo(ProtectedModeSetup.UCODE);
    }

    @Test
    void cpuidIdentifiesAnI686WithoutX87() {
        ProtectedModeSetup pm = kernel("""
                xor eax, eax
                cpuid
                mov [USER_DATA], ebx
                mov [USER_DATA + 4], edx
                mov [USER_DATA + 8], ecx
                mov [USER_DATA + 12], eax
                mov eax, 1
                cpuid
                mov [USER_DATA + 16], eax
                mov [USER_DATA + 20], ebx
                mov [USER_DATA + 24], ecx
                mov [USER_DATA + 28], edx
                mov eax, 0x80000000     ; beyond the highest leaf: the data of the highest basic leaf
                cpuid
                cli
                hlt
            """);
        byte[] vendor = pm.mem.read(USER_DATA, 12);
        assertThat(new String(vendor, StandardCharsets.US_ASCII)).isEqualTo("GenuineIntel");
        ByteBuffer b = ByteBuffer.wrap(pm.mem.read(USER_DATA + 12, 20)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt()).as("highest basic leaf").isEqualTo(1);
        int version = b.getInt();
        assertThat((version >> 8) & 0xF).as("family").isEqualTo(6);
        assertThat((version >> 4) & 0xF).as("model").isEqualTo(1);
        assertThat(b.getInt()).as("leaf 1 EBX").isZero();
        assertThat(b.getInt()).as("leaf 1 ECX").isZero();
        int edx = b.getInt();
        // SDM Vol. 2 CPUID Table 3-11, feature bits in EDX
        assertThat(edx & (1 << 0)).as("FPU: no x87").isZero();
        assertThat(edx & (1 << 2)).as("DE").isNotZero();
        assertThat(edx & (1 << 3)).as("PSE").isNotZero();
        assertThat(edx & (1 << 4)).as("TSC").isNotZero();
        assertThat(edx & (1 << 5)).as("MSR").isNotZero();
        assertThat(edx & (1 << 6)).as("PAE").isNotZero();
        assertThat(edx & (1 << 8)).as("CX8").isNotZero();
        assertThat(edx & (1 << 9)).as("APIC: none").isZero();
        assertThat(edx & (1 << 11)).as("SEP: SYSENTER is #UD").isZero();
        assertThat(edx & (1 << 15)).as("CMOV").isNotZero();
        assertThat(edx & (1 << 23)).as("MMX").isZero();
        assertThat(edx & (3 << 25)).as("SSE, SSE2").isZero();
        assertThat(pm.cpu.reg(Cpu.EAX)).isEqualTo(version);
        assertThat(pm.cpu.reg(Cpu.EDX)).isEqualTo(edx);
    }

    @Test
    void rdmsrOfAnUnknownMsrIsGp0() {
        ProtectedModeSetup pm = kernel("""
                mov ecx, 0x1A0          ; IA32_MISC_ENABLE: not modelled
            fault:
                rdmsr
            """);
        assertFault(pm, Vector.GP, 0, "fault");
    }

    @Test
    void sysenterMsrsStoreValuesAndApicBaseIsReadOnly() {
        ProtectedModeSetup pm = kernel("""
                mov ecx, 0x174
                mov eax, KCODE
                xor edx, edx
                wrmsr
                mov ecx, 0x176
                mov eax, 0xC0001000
                wrmsr
                mov ecx, 0x174
                rdmsr
                mov esi, eax
                mov ecx, 0x176
                rdmsr
                mov edi, eax
                mov ecx, 0x1B
                rdmsr
                mov ebp, eax
            fault:
                wrmsr
            """);
        assertFault(pm, Vector.GP, 0, "fault");
        assertThat(pm.cpu.reg(Cpu.ESI)).isEqualTo(ProtectedModeSetup.KCODE);
        assertThat(pm.cpu.reg(Cpu.EDI)).isEqualTo(0xC0001000);
        assertThat(pm.cpu.reg(Cpu.EBP)).isEqualTo(0xFEE00100); // base 0xFEE00000, BSP, not enabled
    }

    @ParameterizedTest(name = "CR0 bits 0x{0}: {1} -> vector {2}")
    @CsvSource({
        "0, fld1, 6",           // no x87 unit: #UD
        "8, fld1, 7",           // TS: #NM (lazy FPU switching)
        "4, fld1, 7",           // EM: #NM (emulation)
        "a, 'fadd dword [USER_DATA]', 7",
        "a, fwait, 7",          // WAIT: #NM only with MP and TS
        "8, fwait, 6",          // TS alone: WAIT runs (nothing pending), then the ud2 below
        "0, sysenter, 6",
        "0, syscall, 6",
    })
    void x87EscapesAndFastSystemCalls(String cr0Bits, String insn, int vector) {
        ProtectedModeSetup pm = kernel("""
                mov eax, cr0
                or eax, 0x%s
                mov cr0, eax
            fault:
                %s
            after:
                ud2
            """.formatted(cr0Bits, insn));
        ProtectedModeSetup.Event e = pm.onlyEvent();
        assertThat(e.vector()).isEqualTo(vector);
        assertThat(e.error()).isZero();
        boolean fwaitRan = insn.equals("fwait") && vector == Vector.UD;
        assertThat(e.eip()).isEqualTo(pm.sym(fwaitRan ? "after" : "fault"));
    }

    @Test
    void cltsClearsTsSoTheEscapeIsUdAgain() {
        ProtectedModeSetup pm = kernel("""
                mov eax, cr0
                or eax, 8
                mov cr0, eax
                clts
                mov ecx, cr0
            fault:
                fld1
            """);
        assertFault(pm, Vector.UD, 0, "fault");
        assertThat(pm.cpu.reg(Cpu.ECX) & 8).isZero();
    }

    @Test
    void descriptorTableRegistersStoreAndLoad() {
        ProtectedModeSetup pm = kernel("""
                sgdt [USER_DATA]
                sidt [USER_DATA + 8]
                lidt [newidt]
                sidt [USER_DATA + 16]
                o16 lidt [newidt]       ; 16-bit operand size: base bits 23:0 only
                o16 sidt [USER_DATA + 24]
                cli
                hlt
            newidt: dw 0x1234
                    dd 0x12345678
            """);
        assertThat(pm.mem.readWord(USER_DATA)).isEqualTo(GDT_ENTRIES * 8 - 1);
        assertThat(pm.mem.readDword(USER_DATA + 2)).isEqualTo(GDT);
        assertThat(pm.mem.readWord(USER_DATA + 8)).isEqualTo(0x7FF);
        assertThat(pm.mem.readDword(USER_DATA + 10)).isEqualTo(IDT);
        assertThat(pm.mem.readWord(USER_DATA + 16)).isEqualTo(0x1234);
        assertThat(pm.mem.readDword(USER_DATA + 18)).isEqualTo(0x12345678);
        assertThat(pm.mem.readWord(USER_DATA + 24)).isEqualTo(0x1234);
        assertThat(pm.mem.readDword(USER_DATA + 26)).isEqualTo(0x00345678);
        assertThat(pm.cpu.idtBase).isEqualTo(0x00345678);
    }

    @Test
    void lmswSetsLowCr0BitsButNeverClearsPe() {
        ProtectedModeSetup pm = kernel("""
                smsw ecx                ; PE | ET
                mov eax, 0xE            ; MP EM TS, and PE = 0
                lmsw ax
                smsw edx
                xor eax, eax
                lmsw ax
                smsw [USER_DATA]
                cli
                hlt
            """);
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0x11);
        assertThat(pm.cpu.reg(Cpu.EDX)).isEqualTo(0x1F);
        assertThat(pm.mem.readWord(USER_DATA)).isEqualTo(0x11);
    }

    @Test
    void controlRegisterChecks() {
        ProtectedModeSetup pm = kernel("""
                mov eax, 0xDEAD0000
                mov cr2, eax
                mov ecx, cr2
                mov eax, 1              ; CR4.VME: virtual-8086 extensions do not exist here
            fault:
                mov cr4, eax
            """);
        assertFault(pm, Vector.GP, 0, "fault");
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0xDEAD0000);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'db 0x0F, 0x20, 0xC8'",    // mov eax, cr1
        "'db 0x0F, 0x22, 0xE8'",    // mov cr5, eax
        "'db 0x0F, 0x20, 0xF8'",    // mov eax, cr7
        "'db 0x8C, 0xF0'",          // mov eax, sreg 6
    })
    void undefinedRegistersAreUd(String bytes) {
        ProtectedModeSetup pm = kernel("""
            fault:
                %s
            """.formatted(bytes));
        assertFault(pm, Vector.UD, 0, "fault");
    }

    @Test
    void debugRegistersAliasAndReservedBits() {
        ProtectedModeSetup pm = kernel("""
                mov eax, 0xFFFFFFFF
                mov dr7, eax
                mov ecx, dr7
                xor eax, eax
                mov dr6, eax
                mov edx, dr6
                mov eax, 0x12345678
                mov dr0, eax
                mov esi, dr0
                db 0x0F, 0x21, 0xE7     ; mov edi, dr4: DR6 while CR4.DE = 0
                mov eax, cr4
                or eax, 8               ; CR4.DE
                mov cr4, eax
            fault:
                db 0x0F, 0x21, 0xE8     ; mov eax, dr5: #UD once CR4.DE = 1
            """);
        assertFault(pm, Vector.UD, 0, "fault");
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(0xFFFF27FF);
        assertThat(pm.cpu.reg(Cpu.EDX)).isEqualTo(0xFFFF0FF0);
        assertThat(pm.cpu.reg(Cpu.ESI)).isEqualTo(0x12345678);
        assertThat(pm.cpu.reg(Cpu.EDI)).isEqualTo(0xFFFF0FF0);
    }

    @Test
    void taskRegisterIsBusyOnceLoaded() {
        ProtectedModeSetup pm = kernel("""
                str ecx
                mov eax, TSS
            fault:
                ltr ax                  ; the TSS is busy now: #GP(selector)
            """);
        assertFault(pm, Vector.GP, TSS, "fault");
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(TSS);
        assertThat((pm.mem.readDword(GDT + TSS + 4) >> 8) & 0xF).as("type: busy 32-bit TSS").isEqualTo(0xB);
    }

    @Test
    void flagInstructions() {
        ProtectedModeSetup pm = kernel("""
                stc
                pushfd
                pop ecx
                cmc
                pushfd
                pop edx
                std
                pushfd
                pop esi
                cld
                clc
                pushfd
                pop edi
                pushfw                  ; 16-bit PUSHF: two bytes
                mov ebp, esp
                cli
                hlt
            """);
        assertThat(pm.cpu.reg(Cpu.ECX) & 1).isEqualTo(1);
        assertThat(pm.cpu.reg(Cpu.EDX) & 1).isZero();
        assertThat(pm.cpu.reg(Cpu.ESI) & 0x401).isEqualTo(0x400);
        assertThat(pm.cpu.reg(Cpu.EDI) & 0x401).isZero();
        assertThat(pm.cpu.reg(Cpu.EBP)).isEqualTo(ProtectedModeSetup.KSTACK - 2);
    }
}
