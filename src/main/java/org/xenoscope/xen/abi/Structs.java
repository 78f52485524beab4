package org.xenoscope.xen.abi;

import java.util.ArrayList;
import java.util.List;

/**
 * The core ABI structures (ABI sheet section 3.4, i386 offsets): what the domain builder, the hypervisor and
 * the debugger share with the guest. Argument structs of individual hypercalls are in {@link OpStructs}.
 */
public final class Structs {
    private Structs() {
    }

    /** One virtual-IDT entry of set_trap_table; flags per {@link TrapInfoFlags}. */
    public static final StructLayout TRAP_INFO = StructLayout.builder("trap_info", "trap_info_t", 8)
        .u8("vector", 0).u8("flags", 1).u16("cs", 2).u32("address", 4).build();

    /** One request of mmu_update: ptr = machine address of the entry | command ({@link MmuUpdateCmd}). */
    public static final StructLayout MMU_UPDATE = StructLayout.builder("mmu_update", "mmu_update_t", 16)
        .u64("ptr", 0).u64("val", 8).build();

    /** One request of mmuext_op; arg1 = mfn or linear_addr, arg2 = nr_ents, vcpumask or src_mfn. */
    public static final StructLayout MMUEXT_OP = StructLayout.builder("mmuext_op", "mmuext_op_t", 12)
        .u32("cmd", 0).union("arg1", 4, 4).union("arg2", 8, 4).build();

    /** One entry of multicall: op = hypercall number, result written back, args[6]. */
    public static final StructLayout MULTICALL_ENTRY =
        StructLayout.builder("multicall_entry", "multicall_entry_t", 32)
            .u32("op", 0).u32("result", 4).array("args", 8, 24, null).build();

    /** The x86_32 callback address {cs, eip}. */
    public static final StructLayout XEN_CALLBACK = StructLayout.builder("xen_callback", "xen_callback_t", 8)
        .u32("cs", 0).u32("eip", 4).build();

    /** Argument of callback_op: type and flags ({@link CallbackType}) and the entry point. */
    public static final StructLayout CALLBACK_REGISTER =
        StructLayout.builder("callback_register", "struct callback_register", 12)
            .u16("type", 0).u16("flags", 2).struct("address", 4, XEN_CALLBACK).build();

    /**
     * Per-VCPU time, a seqlock: readers retry while version is odd or changed.
     * now = system_time + ((((tsc - tsc_timestamp) << tsc_shift, or >> -tsc_shift) * tsc_to_system_mul) >> 32)
     */
    public static final StructLayout VCPU_TIME_INFO =
        StructLayout.builder("vcpu_time_info", "vcpu_time_info_t", 32)
            .u32("version", 0).pad("pad0", 4, 4).u64("tsc_timestamp", 8).u64("system_time", 16)
            .u32("tsc_to_system_mul", 24).s8("tsc_shift", 28).u8("flags", 29).pad("pad1", 30, 2).build();

    /** x86_32 part of vcpu_info: the CR2 of the last page fault delivered. */
    public static final StructLayout ARCH_VCPU_INFO =
        StructLayout.builder("arch_vcpu_info", "arch_vcpu_info_t", 24)
            .u32("cr2", 0).pad("pad", 4, 20).build();

    /**
     * One VCPU's slot in shared_info.
     * <pre>
     *  +0 upcall_pending  +1 upcall_mask  +2 (pad)  +4 pending_sel  +8 arch.cr2 (+pad)  +32 time (32 bytes)
     * </pre>
     */
    public static final StructLayout VCPU_INFO = StructLayout.builder("vcpu_info", "vcpu_info_t", 64)
        .u8("evtchn_upcall_pending", 0).u8("evtchn_upcall_mask", 1).pad(2, 2).u32("evtchn_pending_sel", 4)
        .struct("arch", 8, ARCH_VCPU_INFO).struct("time", 32, VCPU_TIME_INFO).build();

    /** x86_32 part of shared_info (Xen 3.0 ended after pfn_to_mfn_frame_list_list). */
    public static final StructLayout ARCH_SHARED_INFO =
        StructLayout.builder("arch_shared_info", "arch_shared_info_t", 28)
            .u32("max_pfn", 0).u32("pfn_to_mfn_frame_list_list", 4).u32("nmi_reason", 8).u32("p2m_cr3", 12)
            .u32("p2m_vaddr", 16).u32("p2m_generation", 20).u32("wc_sec_hi", 24).build();

    /**
     * The page Xen shares with a domain (start_info.shared_info is its machine address).
     * <pre>
     *     0 vcpu_info[32]      (64 bytes each)
     *  2048 evtchn_pending[32] (1024 bits: one per port)
     *  2176 evtchn_mask[32]    (written by the guest only)
     *  2304 wc_version  2308 wc_sec  2312 wc_nsec   wall clock = (wc_sec, wc_nsec) + system_time
     *  2316 arch (arch_shared_info, 28 bytes)        2344 end
     * </pre>
     */
    public static final StructLayout SHARED_INFO = StructLayout.builder("shared_info", "shared_info_t", 2344)
        .array("vcpu_info", 0, 2048, VCPU_INFO).array("evtchn_pending", 2048, 128, null)
        .array("evtchn_mask", 2176, 128, null).u32("wc_version", 2304).u32("wc_sec", 2308)
        .u32("wc_nsec", 2312).struct("arch", 2316, ARCH_SHARED_INFO).build();

    /**
     * What the domain builder tells the guest (ESI points at it). Machine addresses/frames: shared_info,
     * store_mfn, console.domU.mfn. Virtual addresses: pt_base, mfn_list, mod_start. For dom0 the console words
     * are console.dom0.info_off/info_size instead (same offsets).
     */
    public static final StructLayout START_INFO = StructLayout.builder("start_info", "start_info_t", 1112)
        .chars("magic", 0, 32).u32("nr_pages", 32).u32("shared_info", 36).u32("flags", 40)
        .u32("store_mfn", 44).u32("store_evtchn", 48).u32("console.domU.mfn", 52).u32("console.domU.evtchn", 56)
        .u32("pt_base", 60).u32("nr_pt_frames", 64).u32("mfn_list", 68).u32("mod_start", 72).u32("mod_len", 76)
        .chars("cmd_line", 80, StartInfoFlags.MAX_GUEST_CMDLINE).u32("first_p2m_pfn", 1104)
        .u32("nr_p2m_frames", 1108).build();

    /** The guest registers as Xen saves them (segment registers are u16 + 2 bytes padding). */
    public static final StructLayout CPU_USER_REGS = StructLayout.builder("cpu_user_regs", null, 68)
        .u32("ebx", 0).u32("ecx", 4).u32("edx", 8).u32("esi", 12).u32("edi", 16).u32("ebp", 20).u32("eax", 24)
        .u16("error_code", 28).u16("entry_vector", 30).u32("eip", 32).u16("cs", 36).u8("saved_upcall_mask", 38)
        .pad(39, 1).u32("eflags", 40).u32("esp", 44).u16("ss", 48).pad(50, 2).u16("es", 52).pad(54, 2)
        .u16("ds", 56).pad(58, 2).u16("fs", 60).pad(62, 2).u16("gs", 64).pad(66, 2).build();

    /** A VCPU's full state (vcpu_op initialise); trap_ctxt is the virtual IDT, ctrlreg[3] is CR3. */
    public static final StructLayout VCPU_GUEST_CONTEXT = StructLayout.builder("vcpu_guest_context", null, 2800)
        .chars("fpu_ctxt", 0, 512).u32("flags", 512).struct("user_regs", 516, CPU_USER_REGS)
        .array("trap_ctxt", 584, 256 * 8, TRAP_INFO).u32("ldt_base", 2632).u32("ldt_ents", 2636)
        .array("gdt_frames", 2640, 64, null).u32("gdt_ents", 2704).u32("kernel_ss", 2708)
        .u32("kernel_sp", 2712).array("ctrlreg", 2716, 32, null).array("debugreg", 2748, 32, null)
        .u32("event_callback_cs", 2780).u32("event_callback_eip", 2784).u32("failsafe_callback_cs", 2788)
        .u32("failsafe_callback_eip", 2792).u32("vm_assist", 2796).build();

    /** Every layout of the package (core and hypercall arguments), for tests, docs and the debugger. */
    public static List<StructLayout> all() {
        List<StructLayout> all = new ArrayList<>(List.of(TRAP_INFO, MMU_UPDATE, MMUEXT_OP, MULTICALL_ENTRY,
            XEN_CALLBACK, CALLBACK_REGISTER, VCPU_TIME_INFO, ARCH_VCPU_INFO, VCPU_INFO, ARCH_SHARED_INFO,
            SHARED_INFO, START_INFO, CPU_USER_REGS, VCPU_GUEST_CONTEXT));
        all.addAll(OpStructs.all());
        return List.copyOf(all);
    }
}
