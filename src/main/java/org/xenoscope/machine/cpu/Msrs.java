package org.xenoscope.machine.cpu;

import org.xenoscope.machine.intr.CpuFault;

/**
 * The model-specific registers this CPU has (RDMSR/WRMSR, SDM Vol. 4 "Architectural MSRs"). Any other index
 * raises #GP(0), as on hardware.
 *
 * <pre>
 *   index  name                      RDMSR                         WRMSR
 *   0x010  IA32_TIME_STAMP_COUNTER   virtual cycles + offset       sets the counter (keeps counting from there)
 *   0x01B  IA32_APIC_BASE            0xFEE00100 (base, BSP=1, EN=0) #GP(0): read-only here
 *   0x174  IA32_SYSENTER_CS          stored value                  stored (low 32 bits)
 *   0x175  IA32_SYSENTER_ESP         stored value                  stored (low 32 bits)
 *   0x176  IA32_SYSENTER_EIP         stored value                  stored (low 32 bits)
 * </pre>
 *
 * SIMPLIFICATION: there is no local APIC, so IA32_APIC_BASE reports the default base with the APIC globally
 * disabled and refuses writes. The SYSENTER MSRs are plain storage: SYSENTER itself raises #UD (CPUID leaf 1
 * does not report SEP), so they only exist for guests that save and restore them.
 */
final class Msrs {
    static final int IA32_TIME_STAMP_COUNTER = 0x10;
    static final int IA32_APIC_BASE = 0x1B;
    static final int IA32_SYSENTER_CS = 0x174;
    static final int IA32_SYSENTER_ESP = 0x175;
    static final int IA32_SYSENTER_EIP = 0x176;

    /** APIC base 0xFEE00000, bit 8 BSP (this is the bootstrap processor), bit 11 EN clear. */
    static final long APIC_BASE_VALUE = 0xFEE00100L;

    /** Added to the cycle count to give the time-stamp counter (WRMSR 0x10 changes it). */
    private long tscOffset;
    private final int[] sysenter = new int[3];

    /** The time-stamp counter as RDTSC and RDMSR 0x10 read it. */
    long tsc(Cpu c) {
        return c.cycles() + tscOffset;
    }

    /** RDMSR: the 64-bit value of MSR {@code index}; #GP(0) for an MSR this CPU does not have. */
    long read(Cpu c, int index) {
        switch (index) {
            case IA32_TIME_STAMP_COUNTER: return tsc(c);
            case IA32_APIC_BASE: return APIC_BASE_VALUE;
            case IA32_SYSENTER_CS: case IA32_SYSENTER_ESP: case IA32_SYSENTER_EIP:
                return sysenter[index - IA32_SYSENTER_CS] & 0xFFFFFFFFL;
            default: throw CpuFault.gp(0);
        }
    }

    /** WRMSR: stores {@code value} into MSR {@code index}; #GP(0) for unknown or read-only MSRs. */
    void write(Cpu c, int index, long value) {
        switch (index) {
            case IA32_TIME_STAMP_COUNTER:
                tscOffset = value - c.cycles();
                break;
            case IA32_SYSENTER_CS: case IA32_SYSENTER_ESP: case IA32_SYSENTER_EIP:
                sysenter[index - IA32_SYSENTER_CS] = (int) value;
                break;
            default:
                throw CpuFault.gp(0);
        }
    }
}
