package org.xenoscope.xen;

import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.PhysdevOp;
import org.xenoscope.xen.abi.VmAssist;

/**
 * The remaining hypercalls: vm_assist, physdev_op, multicall, fpu_taskswitch, debug registers ({@link DebugRegs})
 * and the privileged control operations.
 */
final class MiscOps {
    /**
     * The VM assists Xen accepts from a 32-bit PV guest (current Xen's VM_ASSIST_VALID for compat guests: bits
     * below 32, so m2p_strict, type 32, is refused). Of these, only architectural_iopl changes what Xenoscope
     * does (the iret hypercall keeps the virtual IOPL); the others are recorded as Xen records them.
     */
    static final int VALID_ASSISTS = 1 << VmAssist.VMASST_TYPE_4GB_SEGMENTS
        | 1 << VmAssist.VMASST_TYPE_4GB_SEGMENTS_NOTIFY
        | 1 << VmAssist.VMASST_TYPE_WRITABLE_PAGETABLES
        | 1 << VmAssist.VMASST_TYPE_PAE_EXTENDED_CR3
        | 1 << VmAssist.VMASST_TYPE_ARCHITECTURAL_IOPL
        | 1 << VmAssist.VMASST_TYPE_RUNSTATE_UPDATE_FLAG;
    /** sizeof(struct physdev_op) on i386: u32 cmd and a 12-byte union (physdev_apic is the largest member). */
    static final int PHYSDEV_OP_SIZE = 16;

    private MiscOps() {
    }

    static void register(Hypercalls h) {
        h.register("fpu_taskswitch", MiscOps::fpuTaskswitch);
        h.register("set_debugreg", DebugRegs::set);
        h.register("get_debugreg", DebugRegs::get);
        h.register("vm_assist", MiscOps::vmAssist);
        h.register("physdev_op", c -> physdevOp(c, c.arg(0), c.arg(1)));
        h.register("physdev_op_compat", MiscOps::physdevOpCompat);
        h.register("multicall", Multicall::multicall);
        h.register("platform_op", c -> privileged(c, "platform_op"));
        h.register("sysctl", c -> privileged(c, "sysctl"));
        h.register("domctl", c -> privileged(c, "domctl"));
    }

    /**
     * Contract: {@code fpu_taskswitch(set)}: sets (set != 0) or clears the VCPU's virtual CR0.TS and the real
     * CR0.TS, so the guest's next x87 instruction raises #NM (lazy FPU switching). Returns 0.
     *
     * <p>Only the TS bit of the CPU's CR0 changes (Xen: stts()/clts()); a full MOV CR0 would also flush the TLB
     * and, in PAE mode, reload the PDPTEs, which changing TS alone does not do on hardware.
     */
    static int fpuTaskswitch(Call c) {
        boolean set = c.arg(0) != 0;
        c.vcpu().ts = set;
        Cpu cpu = c.cpu();
        cpu.cr0 = set ? cpu.cr0 | Cpu.CR0_TS : cpu.cr0 & ~Cpu.CR0_TS;
        return 0;
    }

    /**
     * Contract: {@code vm_assist(cmd, type)}: enable (0) or disable (1) assist {@code type} in the domain's
     * vm_assist bits. A type outside {@link #VALID_ASSISTS} gives -EINVAL (checked first, as Xen does); another
     * command -ENOSYS.
     */
    static int vmAssist(Call c) {
        int cmd = c.arg(0);
        int type = c.arg(1);
        if (type < 0 || type >= Integer.SIZE || (VALID_ASSISTS & (1 << type)) == 0) {
            throw new HypercallError(Errno.EINVAL, "VM assist type " + Integer.toUnsignedString(type)
                + " is not available to a 32-bit PV guest");
        }
        Domain d = c.domain();
        switch (cmd) {
            case VmAssist.VMASST_CMD_ENABLE -> d.vmAssist |= 1 << type;
            case VmAssist.VMASST_CMD_DISABLE -> d.vmAssist &= ~(1 << type);
            default -> throw new HypercallError(Errno.ENOSYS, "unknown vm_assist command " + cmd);
        }
        return 0;
    }

    /**
     * Contract: {@code physdev_op(cmd, arg)}. PHYSDEVOP_set_iopl with {@code struct physdev_set_iopl { u32 iopl;
     * }}: unreadable -EFAULT, iopl &gt; 3 -EINVAL, else the VCPU's virtual IOPL (which governs emulated CLI/STI/IN/
     * OUT) becomes iopl. Every other command -ENOSYS.
     *
     * <p>SIMPLIFICATION: Xenoscope passes no physical devices to guests, so it has none of the IRQ, APIC, I/O
     * bitmap or PCI commands; real Xen answers some of them for an unprivileged guest with -EPERM or -EINVAL.
     */
    static int physdevOp(Call c, int cmd, int arg) {
        if (cmd != PhysdevOp.PHYSDEVOP_SET_IOPL) {
            throw new HypercallError(Errno.ENOSYS, "physdev_op command " + cmd + " is not implemented");
        }
        int iopl = c.mem().read32(arg);
        if (Integer.compareUnsigned(iopl, 3) > 0) {
            throw new HypercallError(Errno.EINVAL, "IOPL " + Integer.toUnsignedString(iopl) + " is above 3");
        }
        c.vcpu().iopl = iopl;
        return 0;
    }

    /**
     * Contract: {@code physdev_op_compat(op)}: the Xen 3.0 form, {@code struct physdev_op { u32 cmd; union u; }}
     * (16 bytes, all of which must be readable, else -EFAULT); runs {@link #physdevOp} with cmd and the address
     * of the union.
     */
    static int physdevOpCompat(Call c) {
        int op = c.arg(0);
        c.mem().read(op, PHYSDEV_OP_SIZE);
        return physdevOp(c, c.mem().read32(op), op + 4);
    }

    /**
     * Contract: platform_op, sysctl and domctl: -EPERM for an unprivileged domain; for the control domain -ENOSYS
     * (none of their commands exists yet: Xenoscope's Domain 0 is Java code that calls the hypervisor directly).
     */
    static int privileged(Call c, String name) {
        if (!c.domain().privileged()) {
            throw new HypercallError(Errno.EPERM, name + " needs a privileged domain");
        }
        throw new HypercallError(Errno.ENOSYS, name + " has no commands yet");
    }
}
