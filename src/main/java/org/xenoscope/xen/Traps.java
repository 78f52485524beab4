package org.xenoscope.xen;

import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.cpu.RingZeroMonitor.Kind;
import org.xenoscope.machine.intr.Vector;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * Exceptions that reach the hypervisor (Xen's traps.c): page faults get the virtual CR2 and are bounced; #GP is
 * examined first — a software {@code int n} the guest's virtual IDT allows is delivered as vector n, a privileged
 * instruction Xen emulates is emulated — and bounced otherwise; #UD checks for the forced-emulation prefix; a
 * double fault kills the domain. Everything else is bounced to the handler in the guest's trap table, and a
 * guest with no handler for an exception is killed (Xen: "unhandled trap").
 */
final class Traps {
    /** Length of {@code int imm8} (CD ib), the instruction an IDT-referencing #GP points at. */
    private static final int INT_N_LENGTH = 2;

    private final Hypervisor hv;
    private final Bounce bounce;
    private final PrivOps privOps;

    Traps(Hypervisor hv) {
        this.hv = hv;
        this.bounce = new Bounce(hv);
        this.privOps = new PrivOps(hv, this);
    }

    Bounce bounce() {
        return bounce;
    }

    /** Contract: handles exception {@code vector} raised in domain {@code d}'s context (see the class comment). */
    void handle(Domain d, int vector, Kind kind, boolean hasErr, int err, int returnEip) {
        Cpu c = hv.cpu();
        c.setEip(returnEip);
        switch (vector) {
            case Vector.PF -> {
                d.vcpu0.cr2 = c.cr(2);
                d.vcpuInfo(0).setCr2(c.cr(2));
                deliver(d, vector, true, err, returnEip);
            }
            case Vector.GP -> generalProtection(d, kind, err, returnEip);
            case Vector.UD -> {
                if (!privOps.forcedEmulation(d)) {
                    deliver(d, vector, false, 0, returnEip);
                }
            }
            case Vector.DF -> hv.kill(d, String.format("double fault at eip=0x%08x", returnEip));
            case Vector.NM -> deviceNotAvailable(d, returnEip);
            default -> deliver(d, vector, hasErr, err, returnEip);
        }
    }

    /**
     * #NM (Xen's do_device_not_available): Xen clears the real CR0.TS (and would load the VCPU's FPU state:
     * SIMPLIFICATION, there is no x87 state); if the guest had set its virtual TS (fpu_taskswitch), the #NM is
     * bounced to it and the virtual TS cleared, otherwise the instruction is simply retried.
     */
    private void deviceNotAvailable(Domain d, int eip) {
        hv.cpu().cr0 &= ~Cpu.CR0_TS;
        if (d.vcpu0.ts) {
            d.vcpu0.ts = false;
            deliver(d, Vector.NM, false, 0, eip);
        }
    }

    /**
     * #GP: an error code with the IDT bit (bit 1) set comes from {@code int n} through a gate of too high
     * privilege — Xen re-checks against the virtual IDT's DPL; error code 0 may be a privileged instruction
     * to emulate; anything else goes to the guest.
     */
    private void generalProtection(Domain d, Kind kind, int err, int eip) {
        if (kind == Kind.FAULT && (err & 3) == 2) {
            int n = (err >>> 3) & 0xFF;
            TrapInfo t = d.vcpu0.trap(n);
            if (t != null && t.address() != 0 && t.dpl() >= hv.cpu().cpl()) {
                deliverTo(d, n, t, false, 0, eip + INT_N_LENGTH);
                return;
            }
        } else if (kind == Kind.FAULT && err == 0 && privOps.emulate(d)) {
            return;
        }
        deliver(d, Vector.GP, true, err, eip);
    }

    /** Bounces exception {@code vector} to the guest's handler, or kills the domain when it has none. */
    void deliver(Domain d, int vector, boolean hasErr, int err, int eip) {
        TrapInfo t = d.vcpu0.trap(vector);
        if (t == null || t.address() == 0) {
            trace(d, vector, hasErr, err, eip, 0, 0);
            hv.kill(d, String.format("unhandled %s%s at eip=0x%08x%s: no handler in the trap table",
                Vector.name(vector), hasErr ? String.format("(0x%x)", err) : "", eip,
                vector == Vector.PF ? String.format(" (cr2=0x%08x)", d.vcpu0.cr2) : ""));
            return;
        }
        deliverTo(d, vector, t, hasErr, err, eip);
    }

    private void deliverTo(Domain d, int vector, TrapInfo t, boolean hasErr, int err, int eip) {
        trace(d, vector, hasErr, err, eip, t.cs(), t.address());
        bounce.enter(d, Vector.name(vector), t.cs(), t.address(), t.masksEvents(), hasErr, err, eip);
    }

    private void trace(Domain d, int vector, boolean hasErr, int err, int eip, int cs, int handler) {
        int cr2 = d.vcpu0.cr2;
        hv.emit(seq -> new TraceEvent.Exception(seq, hv.now(), d.id(), vector, Vector.name(vector), err, hasErr,
            eip, cr2, cs, handler));
    }
}
