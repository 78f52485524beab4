package org.xenoscope.machine.cpu;

import java.nio.charset.StandardCharsets;

/**
 * CPUID: what this processor says about itself (SDM Vol. 2 "CPUID").
 *
 * <pre>
 *  leaf 0   EAX = 1 (highest basic leaf)   EBX:EDX:ECX = "Genu" "ineI" "ntel"
 *  leaf 1   EAX = version: 0x00000611
 *             13:12 type 0 | 11:8 family 6 | 7:4 model 1 | 3:0 stepping 1       (an i686, Pentium Pro class)
 *           EBX = 0 (no brand index, no CLFLUSH, one logical processor, APIC ID 0)
 *           ECX = 0 (no SSE3 or later)
 *           EDX = feature flags:
 *             bit 2 DE   bit 3 PSE   bit 4 TSC   bit 5 MSR   bit 6 PAE   bit 8 CX8   bit 15 CMOV
 *             clear: bit 0 FPU (there is no x87), bit 9 APIC, bit 11 SEP (SYSENTER raises #UD),
 *                    bit 13 PGE, bit 23 MMX, bits 25/26 SSE/SSE2 ...
 *  other    the data of leaf 1, the highest basic leaf (what Intel processors return for an input above
 *           the maximum), extended leaves 0x8000000x included
 * </pre>
 *
 * The vendor is "GenuineIntel" because the version and feature layouts above are Intel's; guests that take
 * Intel-specific paths find only the MSRs of {@link Msrs} and get #GP(0) for the others, as on a real part
 * that lacks them.
 */
final class Cpuid {
    static final int MAX_BASIC_LEAF = 1;
    static final String VENDOR = "GenuineIntel";
    static final int VERSION = 0x00000611;
    static final int FEATURES_EDX = (1 << 2) | (1 << 3) | (1 << 4) | (1 << 5) | (1 << 6) | (1 << 8) | (1 << 15);

    private Cpuid() {
    }

    /** CPUID with the leaf in EAX: fills EAX, EBX, ECX, EDX. */
    static void execute(Cpu c) {
        int[] v = leaf(c.r[Cpu.EAX]);
        c.r[Cpu.EAX] = v[0];
        c.r[Cpu.EBX] = v[1];
        c.r[Cpu.ECX] = v[2];
        c.r[Cpu.EDX] = v[3];
    }

    /** The values CPUID returns for {@code leaf}: {EAX, EBX, ECX, EDX}. */
    static int[] leaf(int leaf) {
        if (leaf == 0) {
            byte[] v = VENDOR.getBytes(StandardCharsets.US_ASCII);
            return new int[] {MAX_BASIC_LEAF, le(v, 0), le(v, 8), le(v, 4)};
        }
        return new int[] {VERSION, 0, 0, FEATURES_EDX};
    }

    private static int le(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }
}
