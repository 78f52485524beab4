package org.xenoscope.xen;

import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.cpu.Eflags;
import org.xenoscope.machine.intr.CpuFault;
import org.xenoscope.xen.abi.CallbackType;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.VmAssist;

/**
 * CPU virtualisation hypercalls (paper §2.1.2): the virtual IDT ({@code set_trap_table}), the kernel stack for
 * traps from ring 3 ({@code stack_switch}), callbacks ({@code set_callbacks}, {@code callback_op}) and the
 * {@code iret} hypercall that leaves a bounce frame.
 */
final class TrapOps {
    /** The fast system-call vector: a DPL-3 entry without event masking becomes a direct gate in the real IDT. */
    static final int FAST_TRAP_VECTOR = 0x80;
    /** set_trap_table reads at most this many entries before giving up (a table with no terminator). */
    static final int MAX_TRAP_ENTRIES = 4096;

    private TrapOps() {
    }

    static void register(Hypercalls h) {
        h.register("set_trap_table", TrapOps::setTrapTable);
        h.register("stack_switch", TrapOps::stackSwitch);
        h.register("set_callbacks", TrapOps::setCallbacks);
        h.register("callback_op", TrapOps::callbackOp);
        h.register("iret", TrapOps::iret);
    }

    /**
     * Contract: {@code set_trap_table(table)}: copies {@code trap_info_t} entries into the virtual IDT until one
     * with address 0; a null table clears the whole virtual IDT. A code selector that could run in ring 0 or is
     * one of Xen's gives -EPERM (entries before it stay installed); an unreadable table -EFAULT. Afterwards the
     * real IDT's vector 0x80 is a direct trap gate to the guest when the guest's entry allows it (DPL 3 ... no
     * event masking), else Xen's.
     */
    static int setTrapTable(Call c) {
        Vcpu v = c.vcpu();
        int table = c.arg(0);
        try {
            if (table == 0) {
                java.util.Arrays.fill(v.trapTable, null);
                return 0;
            }
            for (int i = 0; i < MAX_TRAP_ENTRIES; i++) {
                int a = table + 8 * i;
                int w0 = c.mem().read32(a);
                int address = c.mem().read32(a + 4);
                if (address == 0) {
                    return 0;
                }
                int vector = w0 & 0xFF;
                int flags = (w0 >>> 8) & 0xFF;
                int cs = w0 >>> 16;
                if (!GuestSelectors.validCodeSelector(cs)) {
                    throw new HypercallError(Errno.EPERM, String.format(
                        "trap %d: code selector 0x%04x could run in ring 0 or is Xen's", vector, cs));
                }
                v.trapTable[vector] = new TrapInfo(flags, cs, address);
            }
            throw new HypercallError(Errno.EINVAL, "trap table has no terminating entry");
        } finally {
            updateFastTrap(c.hv(), c.domain());
        }
    }

    /** Installs or removes the direct gate for int 0x80 (the paper's fast system-call path). */
    static void updateFastTrap(Hypervisor hv, Domain d) {
        TrapInfo t = d.vcpu0.trap(FAST_TRAP_VECTOR);
        if (t != null && t.address() != 0 && !t.masksEvents() && GuestSelectors.validCodeSelector(t.cs())) {
            hv.area().setGate(d, FAST_TRAP_VECTOR, t.cs(), t.address(), 0xF, t.dpl());
        } else {
            hv.area().resetGate(d, FAST_TRAP_VECTOR);
        }
    }

    /** Contract: {@code stack_switch(ss, esp)}: the ring-1 stack for traps from ring 3; -EPERM unless RPL(ss) = 1. */
    static int stackSwitch(Call c) {
        int ss = c.arg(0) & 0xFFFF;
        if (!GuestSelectors.validStackSelector(ss)) {
            throw new HypercallError(Errno.EPERM, String.format("stack selector 0x%04x is not ring 1", ss));
        }
        c.vcpu().kernelSs = ss;
        c.vcpu().kernelSp = c.arg(1);
        c.hv().area().setRing1Stack(c.domain(), ss, c.arg(1));
        return 0;
    }

    /** Contract: {@code set_callbacks(event_cs, event_eip, failsafe_cs, failsafe_eip)}; -EPERM for a bad selector. */
    static int setCallbacks(Call c) {
        checkCodeSelector(c.arg(0));
        checkCodeSelector(c.arg(2));
        c.vcpu().eventCallback = new Vcpu.Callback(c.arg(0) & 0xFFFF, c.arg(1), 0);
        c.vcpu().failsafeCallback = new Vcpu.Callback(c.arg(2) & 0xFFFF, c.arg(3), 0);
        return 0;
    }

    private static void checkCodeSelector(int cs) {
        if (!GuestSelectors.validCodeSelector(cs)) {
            throw new HypercallError(Errno.EPERM, String.format("callback selector 0x%04x is not a ring-1 code "
                + "selector of the guest", cs & 0xFFFF));
        }
    }

    /**
     * Contract: {@code callback_op(cmd, arg)} with {@code struct callback_register { u16 type; u16 flags; u32 cs;
     * u32 eip; }}: register event, failsafe, syscall32, sysenter or nmi callbacks (-EPERM for a bad selector,
     * -EINVAL for other types); unregister only nmi (-EINVAL otherwise); other commands -ENOSYS.
     */
    static int callbackOp(Call c) {
        int cmd = c.arg(0);
        int arg = c.arg(1);
        if (cmd == CallbackType.CALLBACKOP_UNREGISTER) {
            int type = c.mem().read16(arg);
            if (type != CallbackType.CALLBACKTYPE_NMI) {
                throw new HypercallError(Errno.EINVAL, "callback type " + type + " cannot be unregistered");
            }
            return 0;
        }
        if (cmd != CallbackType.CALLBACKOP_REGISTER) {
            throw new HypercallError(Errno.ENOSYS, "unknown callback_op command " + cmd);
        }
        int type = c.mem().read16(arg);
        int flags = c.mem().read16(arg + 2);
        int cs = c.mem().read32(arg + 4) & 0xFFFF;
        int eip = c.mem().read32(arg + 8);
        Vcpu.Callback cb = new Vcpu.Callback(cs, eip, flags);
        switch (type) {
            case CallbackType.CALLBACKTYPE_EVENT -> {
                checkCodeSelector(cs);
                c.vcpu().eventCallback = cb;
            }
            case CallbackType.CALLBACKTYPE_FAILSAFE -> {
                checkCodeSelector(cs);
                c.vcpu().failsafeCallback = cb;
            }
            case CallbackType.CALLBACKTYPE_SYSCALL32 -> {
                checkCodeSelector(cs);
                c.vcpu().syscallCallback = cb;
            }
            case CallbackType.CALLBACKTYPE_SYSENTER -> {
                checkCodeSelector(cs);
                c.vcpu().sysenterCallback = cb;
            }
            case CallbackType.CALLBACKTYPE_NMI -> checkCodeSelector(cs);
            default -> throw new HypercallError(Errno.EINVAL, "callback type " + type + " not supported on x86_32");
        }
        return 0;
    }

    /**
     * Contract: the {@code iret} hypercall (Xen's compat_iret): the guest stack holds {@code [eax, eip, cs, eflags,
     * (esp, ss)]}. Restores EAX (the return value), EIP and CS; EFLAGS with IF forced on and IOPL dropped (kept
     * when VMASST_architectural_iopl is on); for a return to ring 1 ESP skips the 16 bytes, for ring 2/3 ESP and SS
     * come from the frame; the event mask becomes !frame.IF. A frame that cannot be read, a return to ring 0 or a
     * context the CPU refuses kills the domain.
     */
    static int iret(Call c) {
        Cpu cpu = c.cpu();
        Domain d = c.domain();
        int sp = cpu.seg(Cpu.SS).base + cpu.reg(Cpu.ESP);
        int eax;
        int eip;
        int cs;
        int flags;
        int esp;
        int ss;
        try {
            eax = c.mem().read32(sp);
            eip = c.mem().read32(sp + 4);
            cs = c.mem().read32(sp + 8) & 0xFFFF;
            flags = c.mem().read32(sp + 12);
            if ((cs & 3) == 0) {
                c.hv().kill(d, String.format("iret to ring 0 (cs=0x%04x)", cs));
                return 0;
            }
            if ((cs & 3) == 1) {
                esp = cpu.reg(Cpu.ESP) + 16;
                ss = cpu.seg(Cpu.SS).selector;
            } else {
                esp = c.mem().read32(sp + 16);
                ss = c.mem().read32(sp + 20) & 0xFFFF;
            }
        } catch (HypercallError e) {
            c.hv().kill(d, "iret: cannot read the frame on the guest stack (" + e.getMessage() + ")");
            return 0;
        }
        int eflags = (flags & ~(Eflags.IOPL | Eflags.VM)) | Eflags.IF;
        if ((d.vmAssist & (1 << VmAssist.VMASST_TYPE_ARCHITECTURAL_IOPL)) != 0) {
            c.vcpu().iopl = (flags & Eflags.IOPL) >>> Eflags.IOPL_SHIFT;
        }
        try {
            cpu.enterGuest(eip, cs, eflags, esp, ss);
        } catch (CpuFault f) {
            c.hv().kill(d, String.format("iret: the CPU refused the context %04x:%08x ss=%04x (%s)", cs, eip, ss,
                f.getMessage()));
            return 0;
        }
        d.vcpuInfo(0).setUpcallMask((flags & Eflags.IF) == 0);
        return eax;
    }
}
