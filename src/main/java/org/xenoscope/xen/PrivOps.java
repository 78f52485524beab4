package org.xenoscope.xen;

import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * What Xen emulates for a ring-1 guest instead of reflecting the fault (Xen: pv/emul-priv-op.c, pv/emul-inv-op.c):
 * the forced-emulation CPUID ({@code ud2; .ascii "xen"; cpuid}), and the privileged instructions listed in
 * {@link #emulate}.
 */
final class PrivOps {
    /** The forced emulation prefix: ud2a, then the bytes of "xen". */
    static final byte[] FEP = {0x0F, 0x0B, 'x', 'e', 'n'};
    /** Xen's CPUID leaves: the hypervisor signature leaf and the ones after it. */
    static final int XEN_CPUID_FIRST_LEAF = 0x40000000;
    static final int XEN_CPUID_LAST_LEAF = 0x40000002;
    /** Leaf 1 ECX bit 31: running under a hypervisor. */
    static final int CPUID_HYPERVISOR = 1 << 31;

    private final Hypervisor hv;

    PrivOps(Hypervisor hv) {
        this.hv = hv;
    }

    /**
     * Contract: at a #UD, if the instruction is the forced-emulation prefix followed by CPUID (0F A2), emulates
     * CPUID as Xen's policy presents it, advances EIP by 7 and returns true. Any other #UD (including the prefix
     * before another instruction) returns false: the guest gets #UD at the ud2.
     */
    boolean forcedEmulation(Domain d) {
        Cpu c = hv.cpu();
        int eip = c.eip();
        byte[] code;
        try {
            code = new GuestMemory(c, d.flavour()).read(c.seg(Cpu.CS).base + eip, FEP.length + 2);
        } catch (HypercallError e) {
            return false;
        }
        for (int i = 0; i < FEP.length; i++) {
            if (code[i] != FEP[i]) {
                return false;
            }
        }
        if (code[5] != 0x0F || code[6] != (byte) 0xA2) {
            return false;
        }
        int leaf = c.reg(Cpu.EAX);
        int[] v = cpuid(leaf, c.reg(Cpu.ECX));
        c.setReg(Cpu.EAX, v[0]);
        c.setReg(Cpu.EBX, v[1]);
        c.setReg(Cpu.ECX, v[2]);
        c.setReg(Cpu.EDX, v[3]);
        c.setEip(eip + FEP.length + 2);
        hv.emit(seq -> new TraceEvent.Emulate(seq, hv.now(), d.id(), eip, "cpuid (forced emulation)",
            String.format("leaf 0x%x -> eax=0x%08x ebx=0x%08x ecx=0x%08x edx=0x%08x", leaf, v[0], v[1], v[2],
                v[3])));
        return true;
    }

    /**
     * Xen's CPUID policy for PV guests: the machine's leaves with the hypervisor bit set in leaf 1, and Xen's leaves
     * 0x40000000.. (signature "XenVMMXenVMM", version, hypercall-page MSR).
     */
    int[] cpuid(int leaf, int subleaf) {
        if (leaf == XEN_CPUID_FIRST_LEAF) {
            return new int[] {XEN_CPUID_LAST_LEAF, 0x566e6558, 0x65584d4d, 0x4d4d566e}; // "XenV" "MMXe" "nVMM"
        }
        if (leaf == XEN_CPUID_FIRST_LEAF + 1) {
            return new int[] {XenVersion.MAJOR << 16 | XenVersion.MINOR, 0, 0, 0};
        }
        if (leaf == XEN_CPUID_FIRST_LEAF + 2) {
            return new int[] {1, 0x40000000, 0, 0}; // one hypercall page, installed through MSR 0x40000000
        }
        int[] v = hv.cpu().cpuid(leaf);
        if (leaf == 1) {
            v[2] |= CPUID_HYPERVISOR;
        }
        return v;
    }

    /**
     * Contract: at a #GP(0) from the guest, emulates the privileged instruction at CS:EIP if Xen would, advancing
     * EIP (or raising the right exception itself), and returns true; returns false to have #GP(0) reflected.
     */
    boolean emulate(Domain d) {
        return false;
    }
}
