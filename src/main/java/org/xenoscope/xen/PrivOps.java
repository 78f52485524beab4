package org.xenoscope.xen;

import java.util.OptionalLong;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.intr.Vector;
import org.xenoscope.xen.abi.VmAssist;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * What Xen emulates for a ring-1 guest instead of reflecting the fault (Xen: pv/emul-priv-op.c, pv/emul-inv-op.c):
 * the forced-emulation CPUID ({@code ud2; .ascii "xen"; cpuid}), and the privileged instructions below. Each
 * emulated instruction advances EIP past itself and emits a {@link TraceEvent.Emulate}; anything else leaves the
 * #GP(0) to be reflected to the guest.
 *
 * <pre>
 *   instruction                      allowed when                 effect
 *   IN/OUT (E4-E7, EC-EF)            virtual IOPL &gt;= CPL          no devices in a domU: IN reads all ones,
 *                                                                 OUT is dropped
 *   CLI / STI (FA / FB)              virtual IOPL &gt;= CPL          vcpu_info.evtchn_upcall_mask = 1 / 0
 *   CLTS (0F 06)                     guest kernel (ring 1)        virtual CR0.TS = 0
 *   INVD / WBINVD (0F 08 / 0F 09)    guest kernel                 nothing (no caches)
 *   MOV r32, CRn (0F 20)             guest kernel                 CR0 with the virtual TS, virtual CR2,
 *                                                                 CR3 = xen_pfn_to_cr3(top table), real CR4
 *   MOV CRn, r32 (0F 22)             guest kernel                 CR0: only TS may change (fpu_taskswitch);
 *                                                                 CR2: the virtual CR2
 *   MOV r32, DRn / DRn, r32 (0F 21/23) guest kernel               virtual DR0-7 with set_debugreg's checks;
 *                                                                 DR4/5 = DR6/7 unless CR4.DE (then #UD)
 *   RDMSR / WRMSR (0F 32 / 0F 30)    guest kernel                 the PV MSR policy ({@link PvMsrs})
 * </pre>
 *
 * CPL for the IOPL check is 1 in the guest kernel (0 with VMASST_TYPE_architectural_iopl) and 3 in user mode.
 * Not emulated, so #GP(0) reaches the guest: HLT, LGDT/LIDT/LLDT/LTR, INVLPG (PV guests use mmuext_op), any
 * instruction with a LOCK prefix, any of the above from ring 3 when not allowed, and refused values.
 *
 * <p>SIMPLIFICATION: MOV to CR3 and CR4 is reflected as #GP(0): new base pointers arrive with the page-type work
 * (Xen validates and switches tables), and there is no virtual CR4 yet. INS/OUTS are reflected as #GP(0) too
 * (Xen emulates them against the same IOPL rule).
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
    private final Traps traps;
    private final PvMsrs msrs;

    PrivOps(Hypervisor hv, Traps traps) {
        this.hv = hv;
        this.traps = traps;
        this.msrs = new PvMsrs(hv);
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
     * EIP (or raising the right exception itself), and returns true; returns false to have #GP(0) reflected. An
     * instruction that cannot be read is not emulated.
     */
    boolean emulate(Domain d) {
        Cpu c = hv.cpu();
        GuestMemory gm = new GuestMemory(c, d.flavour());
        int linear = c.seg(Cpu.CS).base + c.eip();
        PrivInsn i;
        try {
            i = PrivInsn.decode(off -> gm.read8(linear + off));
        } catch (HypercallError e) {
            return false;
        }
        if (i == null || i.lock()) {
            return false;
        }
        return switch (i.opcode()) {
            case 0xE4, 0xE5, 0xE6, 0xE7, 0xEC, 0xED, 0xEE, 0xEF -> ioplOk(d) && io(d, i);
            case 0xFA, 0xFB -> ioplOk(d) && cliSti(d, i);
            default -> guestKernelMode() && kernelOnly(d, i);
        };
    }

    /** Xen's {@code guest_kernel_mode}: a 32-bit PV guest's kernel is the code running in ring 1. */
    private boolean guestKernelMode() {
        return hv.cpu().cpl() == 1;
    }

    /**
     * Xen's {@code iopl_ok}: the virtual IOPL (physdev_op set_iopl) against the guest's notional CPL — 1 for its
     * kernel (0 when VMASST_TYPE_architectural_iopl is on: the kernel then sees itself as ring 0), 3 for user
     * code.
     */
    private boolean ioplOk(Domain d) {
        boolean architectural = (d.vmAssist() & (1 << VmAssist.VMASST_TYPE_ARCHITECTURAL_IOPL)) != 0;
        int cpl = guestKernelMode() ? (architectural ? 0 : 1) : 3;
        return d.vcpu0.iopl >= cpl;
    }

    /** The instructions only the guest kernel may have emulated. */
    private boolean kernelOnly(Domain d, PrivInsn i) {
        return switch (i.opcode()) {
            case 0x0F06 -> {
                fpuTaskSwitch(d, false);
                yield done(d, i, "clts", "virtual CR0.TS cleared");
            }
            case 0x0F08 -> done(d, i, "invd", "no caches: nothing to do");
            case 0x0F09 -> done(d, i, "wbinvd", "no caches: nothing to do");
            case 0x0F20 -> readCr(d, i);
            case 0x0F22 -> writeCr(d, i);
            case 0x0F21 -> readDr(d, i);
            case 0x0F23 -> writeDr(d, i);
            case 0x0F32 -> rdmsr(d, i);
            case 0x0F30 -> wrmsr(d, i);
            default -> false;
        };
    }

    // ---------------------------------------------------------------- I/O and the interrupt flag

    /**
     * IN/OUT with an imm8 port or DX. A domU has no I/O ports of its own (Xen's {@code admin_io_okay} fails), so
     * Xen's guest_io_read gives all ones of the access size and guest_io_write drops the value.
     */
    private boolean io(Domain d, PrivInsn i) {
        Cpu c = hv.cpu();
        int op = i.opcode();
        int size = (op & 1) == 0 ? 1 : i.opSize();
        boolean viaDx = op >= 0xEC;
        int port = viaDx ? c.reg(Cpu.EDX) & 0xFFFF : i.imm8();
        String acc = accumulator(size);
        String portText = viaDx ? "dx" : String.format("0x%x", port);
        if ((op & 2) == 0) {
            int ones = size == 4 ? -1 : (1 << (8 * size)) - 1;
            c.setReg(size, Cpu.EAX, ones);
            return done(d, i, "in " + acc + ", " + portText,
                String.format("port 0x%04x: no device, reads 0x%x", port, ones));
        }
        int value = c.getReg(size, Cpu.EAX);
        return done(d, i, "out " + portText + ", " + acc,
            String.format("port 0x%04x: no device, 0x%x dropped", port, value));
    }

    private static String accumulator(int size) {
        return size == 1 ? "al" : size == 2 ? "ax" : "eax";
    }

    /** CLI/STI: Xen maps the guest's interrupt flag onto the event-upcall mask. */
    private boolean cliSti(Domain d, PrivInsn i) {
        boolean cli = i.opcode() == 0xFA;
        d.vcpuInfo(0).setUpcallMask(cli);
        return done(d, i, cli ? "cli" : "sti", "evtchn_upcall_mask = " + (cli ? 1 : 0));
    }

    // ---------------------------------------------------------------- control registers

    /** MOV r32, CRn: CR0 (virtual TS), CR2 (virtual), CR3 (extended-cr3 form), CR4; other CRs not emulated. */
    private boolean readCr(Domain d, PrivInsn i) {
        Cpu c = hv.cpu();
        int n = i.crOrDr();
        int v;
        switch (n) {
            case 0 -> v = (c.cr(0) & ~Cpu.CR0_TS) | (d.vcpu0.ts ? Cpu.CR0_TS : 0);
            case 2 -> v = d.vcpu0.cr2;
            case 3 -> v = xenPfnToCr3(c.cr(3) >>> 12);
            case 4 -> v = c.cr(4);
            default -> {
                return false;
            }
        }
        c.setReg(i.gpr(), v);
        return done(d, i, String.format("mov %s, cr%d", Cpu.REG32[i.gpr()], n), String.format("0x%08x", v));
    }

    /**
     * Xen's {@code xen_pfn_to_cr3} for 32-bit guests (extended CR3, so frames above 4 GiB fit):
     * <pre>
     *   31                 12 11          0
     *  [ mfn bits 19..0     ][mfn bits 31..20]
     * </pre>
     */
    static int xenPfnToCr3(int mfn) {
        return mfn << 12 | mfn >>> 20;
    }

    /** MOV CRn, r32: CR0 may change only TS; CR2 sets the virtual CR2; CR3, CR4 and others are reflected. */
    private boolean writeCr(Domain d, PrivInsn i) {
        Cpu c = hv.cpu();
        int n = i.crOrDr();
        int v = c.reg(i.gpr());
        String text = String.format("mov cr%d, %s", n, Cpu.REG32[i.gpr()]);
        if (n == 0) {
            if (((v ^ c.cr(0)) & ~Cpu.CR0_TS) != 0) {
                return false; // Xen: "Attempt to change unmodifiable CR0 flags"
            }
            fpuTaskSwitch(d, (v & Cpu.CR0_TS) != 0);
            return done(d, i, text, String.format("0x%08x: virtual CR0.TS = %d", v, d.vcpu0.ts ? 1 : 0));
        }
        if (n == 2) {
            d.vcpu0.cr2 = v;
            d.vcpuInfo(0).setCr2(v);
            return done(d, i, text, String.format("virtual CR2 = 0x%08x", v));
        }
        return false;
    }

    /**
     * Xen's {@code do_fpu_taskswitch}: sets or clears the virtual CR0.TS and the real one with it, so the guest's
     * next FPU instruction raises #NM exactly when it asked for that (lazy FPU switching).
     */
    private void fpuTaskSwitch(Domain d, boolean set) {
        Cpu c = hv.cpu();
        d.vcpu0.ts = set;
        c.cr0 = set ? c.cr0 | Cpu.CR0_TS : c.cr0 & ~Cpu.CR0_TS; // TS alone: no paging change, no TLB flush
    }

    // ---------------------------------------------------------------- debug registers

    /**
     * The debug register a MOV DRn names: DR4/DR5 are DR6/DR7 while CR4.DE is clear; with DE set they raise #UD
     * (delivered here; -1 is returned).
     */
    private int debugRegister(Domain d, PrivInsn i) {
        int n = i.crOrDr();
        if (n == 4 || n == 5) {
            Cpu c = hv.cpu();
            if ((c.cr(4) & Cpu.CR4_DE) != 0) {
                traps.deliver(d, Vector.UD, false, 0, c.eip());
                return -1;
            }
            return n + 2;
        }
        return n;
    }

    /** MOV r32, DRn: the virtual debug register. */
    private boolean readDr(Domain d, PrivInsn i) {
        int n = debugRegister(d, i);
        if (n < 0) {
            return true;
        }
        int v = d.vcpu0.debugReg[n];
        hv.cpu().setReg(i.gpr(), v);
        return done(d, i, String.format("mov %s, dr%d", Cpu.REG32[i.gpr()], i.crOrDr()), String.format("0x%08x", v));
    }

    /** MOV DRn, r32: the value must pass set_debugreg's checks ({@link DebugRegs}), else #GP(0). */
    private boolean writeDr(Domain d, PrivInsn i) {
        int n = debugRegister(d, i);
        if (n < 0) {
            return true;
        }
        int v = hv.cpu().reg(i.gpr());
        try {
            DebugRegs.set(d.vcpu0, d.flavour(), n, v);
        } catch (HypercallError e) {
            return false;
        }
        return done(d, i, String.format("mov dr%d, %s", i.crOrDr(), Cpu.REG32[i.gpr()]),
            String.format("virtual DR%d = 0x%08x", n, d.vcpu0.debugReg[n]));
    }

    // ---------------------------------------------------------------- MSRs

    /** RDMSR: EDX:EAX = MSR[ECX] for an MSR of the PV policy; #GP(0) for any other. */
    private boolean rdmsr(Domain d, PrivInsn i) {
        Cpu c = hv.cpu();
        int index = c.reg(Cpu.ECX);
        OptionalLong v = msrs.read(index);
        if (v.isEmpty()) {
            return false;
        }
        c.setReg(Cpu.EAX, (int) v.getAsLong());
        c.setReg(Cpu.EDX, (int) (v.getAsLong() >>> 32));
        return done(d, i, "rdmsr", String.format("%s -> 0x%016x", PvMsrs.name(index), v.getAsLong()));
    }

    /** WRMSR: MSR[ECX] = EDX:EAX where the PV policy allows it; #GP(0) otherwise. */
    private boolean wrmsr(Domain d, PrivInsn i) {
        Cpu c = hv.cpu();
        int index = c.reg(Cpu.ECX);
        long v = (c.reg(Cpu.EDX) & 0xFFFFFFFFL) << 32 | (c.reg(Cpu.EAX) & 0xFFFFFFFFL);
        String what = msrs.write(d, index, v);
        if (what == null) {
            return false;
        }
        return done(d, i, "wrmsr", String.format("%s = 0x%016x: %s", PvMsrs.name(index), v, what));
    }

    /** Finishes an emulated instruction: EIP past it, and a trace event. */
    private boolean done(Domain d, PrivInsn i, String text, String detail) {
        Cpu c = hv.cpu();
        int eip = c.eip();
        c.setEip(eip + i.length());
        hv.emit(seq -> new TraceEvent.Emulate(seq, hv.now(), d.id(), eip, text, detail));
        return true;
    }
}
