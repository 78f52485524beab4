package org.xenoscope.xen.abi;

import static org.xenoscope.xen.abi.Hypercall.ArgKind.CMD;
import static org.xenoscope.xen.abi.Hypercall.ArgKind.COUNT;
import static org.xenoscope.xen.abi.Hypercall.ArgKind.DOMID;
import static org.xenoscope.xen.abi.Hypercall.ArgKind.FLAGS;
import static org.xenoscope.xen.abi.Hypercall.ArgKind.POINTER;
import static org.xenoscope.xen.abi.Hypercall.ArgKind.SELECTOR;
import static org.xenoscope.xen.abi.Hypercall.ArgKind.VALUE;

import java.util.ArrayList;
import java.util.List;
import org.xenoscope.xen.abi.Hypercall.Arg;
import org.xenoscope.xen.abi.Hypercall.ArgKind;
import org.xenoscope.xen.abi.Hypercall.Row;

/**
 * The rows of {@link Hypercall#TABLE}: numbers from Xen's public/xen.h (ABI sheet section 3.2), arguments
 * as the x86_32 prototypes take them (64-bit values are split, low word first).
 *
 * <p>SIMPLIFICATION: the sheet gives no prototype for #25 and #31 and later; their arguments follow Xen's
 * current headers, and the architecture-specific arch_0..arch_7 rows list none.
 */
final class HypercallTable {
    private HypercallTable() {
    }

    /** Contract: returns the rows ascending by number; called once by {@link Hypercall}. */
    static List<Row> rows() {
        List<Row> t = new ArrayList<>();
        t.add(row(0, "set_trap_table", "install the virtual IDT (entries until address == 0)",
            arg("table", POINTER)));
        t.add(row(1, "mmu_update", "checked writes of page-table entries and M2P entries",
            arg("req", POINTER), arg("count", COUNT), arg("pdone", POINTER), arg("foreign_dom", DOMID)));
        t.add(row(2, "set_gdt", "install a GDT from a list of machine frames",
            arg("frame_list", POINTER), arg("entries", COUNT)));
        t.add(row(3, "stack_switch", "set the ring-1 SS:ESP used on traps from ring 3",
            arg("ss", SELECTOR), arg("esp", POINTER)));
        t.add(row(4, "set_callbacks", "register the event and failsafe callbacks",
            arg("event_cs", SELECTOR), arg("event_eip", POINTER), arg("failsafe_cs", SELECTOR),
            arg("failsafe_eip", POINTER)));
        t.add(row(5, "fpu_taskswitch", "set (1) or clear (0) CR0.TS", arg("set", COUNT)));
        t.add(row(6, "sched_op_compat", "scheduler operation, argument passed directly (Xen 3.0's sched_op)",
            cmd("cmd", SchedOp.NAMES), arg("arg", VALUE)));
        t.add(row(7, "platform_op", "platform control, privileged (was dom0_op)", arg("op", POINTER)));
        t.add(row(8, "set_debugreg", "write a virtual debug register", arg("reg", COUNT), arg("value", VALUE)));
        t.add(row(9, "get_debugreg", "read a virtual debug register", arg("reg", COUNT)));
        t.add(row(10, "update_descriptor", "checked write of one GDT/LDT descriptor at a machine address",
            arg("ma_lo", VALUE), arg("ma_hi", VALUE), arg("desc_lo", VALUE), arg("desc_hi", VALUE)));
        t.add(row(12, "memory_op", "memory reservation (balloon) and physmap operations",
            cmd("cmd", MemoryOp.NAMES), arg("arg", POINTER)));
        t.add(row(13, "multicall", "run a batch of hypercalls", arg("call_list", POINTER), arg("nr_calls", COUNT)));
        t.add(row(14, "update_va_mapping", "checked write of the PTE mapping va in the current address space",
            arg("va", POINTER), arg("pte_lo", VALUE), arg("pte_hi", VALUE), flags("flags")));
        t.add(row(15, "set_timer_op", "one-shot timer at absolute system time (ns), 0 cancels",
            arg("timeout_lo", VALUE), arg("timeout_hi", VALUE)));
        t.add(row(16, "event_channel_op_compat", "event-channel operation in an evtchn_op_t (Xen 3.0 form)",
            arg("op", POINTER)));
        t.add(row(17, "xen_version", "version, capabilities and feature queries",
            cmd("cmd", XenVersionCmd.NAMES), arg("arg", POINTER)));
        t.add(row(18, "console_io", "write to (or read from) the hypervisor console",
            cmd("cmd", ConsoleIo.NAMES), arg("count", COUNT), arg("buffer", POINTER)));
        t.add(row(19, "physdev_op_compat", "physical-device operation in one struct (Xen 3.0 form)",
            arg("op", POINTER)));
        t.add(row(20, "grant_table_op", "grant-table operations on an array of arguments",
            cmd("cmd", GnttabOp.NAMES), arg("uop", POINTER), arg("count", COUNT)));
        t.add(row(21, "vm_assist", "enable or disable a VM assist",
            cmd("cmd", VmAssist.CMD_NAMES), cmd("type", VmAssist.TYPE_NAMES)));
        t.add(row(22, "update_va_mapping_otherdomain", "update_va_mapping for another domain, privileged",
            arg("va", POINTER), arg("pte_lo", VALUE), arg("pte_hi", VALUE), flags("flags"), arg("domid", DOMID)));
        t.add(row(23, "iret", "return from a bounce frame; the frame is on the guest stack"));
        t.add(row(24, "vcpu_op", "VCPU control and timers",
            cmd("cmd", VcpuOp.NAMES), arg("vcpuid", COUNT), arg("extra", POINTER)));
        t.add(row(25, "set_segment_base", "set FS/GS base (x86_64 only)", arg("which", COUNT), arg("base", VALUE)));
        t.add(row(26, "mmuext_op", "extended MMU operations: pin, unpin, new base pointer, flushes, LDT",
            arg("ops", POINTER), arg("count", COUNT), arg("pdone", POINTER), arg("foreign_dom", DOMID)));
        t.add(row(27, "xsm_op", "security-module operation (was acm_op)", arg("op", POINTER)));
        t.add(row(28, "nmi_op", "NMI callback control", arg("cmd", COUNT), arg("arg", POINTER)));
        t.add(row(29, "sched_op", "scheduler operation: yield, block, shutdown, poll",
            cmd("cmd", SchedOp.NAMES), arg("arg", POINTER)));
        t.add(row(30, "callback_op", "register or unregister an entry point",
            cmd("cmd", CallbackType.OP_NAMES), arg("arg", POINTER)));
        t.add(row(31, "xenoprof_op", "profiling (dropped in Xen 4.22)", arg("op", COUNT), arg("arg", POINTER)));
        t.add(row(32, "event_channel_op", "event-channel operation", cmd("cmd", EvtchnOp.NAMES),
            arg("arg", POINTER)));
        t.add(row(33, "physdev_op", "physical-device operation", cmd("cmd", PhysdevOp.NAMES), arg("arg", POINTER)));
        t.add(row(34, "hvm_op", "HVM guest operation", arg("op", COUNT), arg("arg", POINTER)));
        t.add(row(35, "sysctl", "system control, privileged", arg("u_sysctl", POINTER)));
        t.add(row(36, "domctl", "domain control, privileged", arg("u_domctl", POINTER)));
        t.add(row(37, "kexec_op", "load or run a crash kernel", arg("op", COUNT), arg("arg", POINTER)));
        t.add(row(38, "tmem_op", "transcendent memory (removed)", arg("op", POINTER)));
        t.add(row(39, "argo_op", "Argo interdomain messaging", arg("cmd", COUNT), arg("arg1", POINTER),
            arg("arg2", POINTER), arg("arg3", VALUE), arg("arg4", VALUE)));
        t.add(row(40, "xenpmu_op", "performance-monitoring unit", arg("op", COUNT), arg("arg", POINTER)));
        t.add(row(41, "dm_op", "device-model operation on a domain", arg("domid", DOMID), arg("nr_bufs", COUNT),
            arg("bufs", POINTER)));
        t.add(row(42, "hypfs_op", "hypervisor file system", arg("cmd", COUNT), arg("arg1", POINTER),
            arg("arg2", VALUE), arg("arg3", POINTER), arg("arg4", VALUE)));
        for (int i = 0; i < 8; i++) {
            t.add(row(48 + i, "arch_" + i, "architecture-specific hypercall " + i));
        }
        return List.copyOf(t);
    }

    private static Row row(int nr, String name, String description, Arg... args) {
        return new Row(nr, name, List.of(args), description);
    }

    private static Arg arg(String name, ArgKind kind) {
        return new Arg(name, kind, null);
    }

    private static Arg cmd(String name, ConstantSet names) {
        return new Arg(name, CMD, names::nameOrNumber);
    }

    private static Arg flags(String name) {
        return new Arg(name, FLAGS, UvmFlags::describe);
    }
}
