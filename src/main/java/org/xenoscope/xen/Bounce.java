package org.xenoscope.xen;

import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.cpu.Eflags;
import org.xenoscope.machine.intr.CpuFault;
import org.xenoscope.xen.abi.VcpuInfo;

/**
 * Builds bounce frames: how the hypervisor enters a guest handler (exception, event upcall) as if the CPU had
 * delivered through an IDT gate into ring 1 (Xen: {@code compat_create_bounce_frame}).
 *
 * <pre>
 *  guest kernel stack after a bounce (higher addresses first):
 *     [ss      ]  only when the interrupted code ran in ring 2/3: the frame then goes on kernel_ss:kernel_sp
 *     [esp     ]    (stack_switch); otherwise it goes on the interrupted stack itself
 *      eflags      IF = !saved upcall mask, IOPL = 0
 *      cs          | saved_upcall_mask << 16
 *      eip
 *     [error code] for exceptions that have one
 * </pre>
 *
 * The paper's rule: a fault while building the frame (bad guest stack) or entering the handler (bad selector)
 * kills the domain — the guest cannot be told about a fault in its own fault path.
 */
final class Bounce {
    private final Hypervisor hv;

    Bounce(Hypervisor hv) {
        this.hv = hv;
    }

    /**
     * Contract: enters {@code cs:eip} in domain {@code d} with a frame describing the interrupted context
     * (current CPU registers, EIP = {@code returnEip}) and the optional error code; masks event upcalls when
     * {@code maskEvents}. Returns false after killing the domain when the frame or the handler is bad
     * ({@code what} names the event in the reason).
     */
    boolean enter(Domain d, String what, int cs, int eip, boolean maskEvents, boolean hasErr, int err, int returnEip) {
        Cpu c = hv.cpu();
        if ((cs & ~3) == 0) {
            hv.kill(d, what + ": the handler's code selector is null");
            return false;
        }
        VcpuInfo vi = d.vcpuInfo(0);
        int savedMask = vi.upcallMask() ? 1 : 0;
        int oldCs = c.seg(Cpu.CS).selector;
        int eflags = c.eflags();
        boolean fromUser = (oldCs & 2) != 0;
        int ss = fromUser ? d.vcpu0.kernelSs : c.seg(Cpu.SS).selector;
        int sp = fromUser ? d.vcpu0.kernelSp : c.reg(Cpu.ESP);
        int frameEflags = (eflags & ~(Eflags.IF | Eflags.IOPL)) | (savedMask == 0 ? Eflags.IF : 0);
        int n = (hasErr ? 4 : 0) + 12 + (fromUser ? 8 : 0);
        int newSp = sp - n;
        GuestMemory gm = new GuestMemory(c, d.flavour());
        try {
            int base = fromUser ? Segments.base(c, ss) : c.seg(Cpu.SS).base;
            int a = base + newSp;
            if (hasErr) {
                gm.write32(a, err);
                a += 4;
            }
            gm.write32(a, returnEip);
            gm.write32(a + 4, (oldCs & 0xFFFF) | (savedMask << 16));
            gm.write32(a + 8, frameEflags);
            if (fromUser) {
                gm.write32(a + 12, c.reg(Cpu.ESP));
                gm.write32(a + 16, c.seg(Cpu.SS).selector & 0xFFFF);
            }
        } catch (HypercallError | CpuFault e) {
            hv.kill(d, String.format("fault while building the bounce frame for %s on the guest stack %04x:%08x "
                + "(%s)", what, ss & 0xFFFF, newSp, e.getMessage()));
            return false;
        }
        int newEflags = (eflags & ~(Eflags.TF | Eflags.NT | Eflags.RF | Eflags.VM | Eflags.IOPL)) | Eflags.IF;
        try {
            c.enterGuest(eip, cs, newEflags, newSp, ss);
        } catch (CpuFault e) {
            hv.kill(d, String.format("fault entering the handler %04x:%08x for %s (%s)", cs & 0xFFFF, eip, what,
                e.getMessage()));
            return false;
        }
        if (maskEvents) {
            vi.setUpcallMask(true);
        }
        return true;
    }
}
