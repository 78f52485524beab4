/*
 * xen/xen.h: the x86_32 paravirtualised guest ABI of Xen, for Xenoscope's sample guests.
 *
 * Written for this project from the ABI fact sheet (xen-abi.md, pv-guest-start-of-day.md); the numbers and
 * layouts are Xen's (public/xen.h, event_channel.h, sched.h, memory.h, arch-x86/xen-x86_32.h), the text is
 * ours. Every structure a guest shares with the hypervisor has its offsets and size checked below with
 * _Static_assert, against the values the sheet gives for `gcc -m32` (i386: pointers and `unsigned long` are
 * 4 bytes, and a uint64_t inside a struct is only 4-byte aligned).
 *
 * The #defines are plain numbers, so assembly files (.S, run through the C preprocessor) can include this
 * header too; the C types are hidden from the assembler by __ASSEMBLER__.
 *
 * Calling convention (see hypercall.h): EAX = hypercall number, EBX, ECX, EDX, ESI, EDI = arguments 1..5,
 * result in EAX: 0 or a positive value on success, -errno (below) on failure.
 */
#ifndef XENOSCOPE_XEN_XEN_H
#define XENOSCOPE_XEN_XEN_H

/* ---------------------------------------------------------------------------------------------------------
 * Hypercall numbers (the slot in the hypercall page, and the value of EAX for `int $0x82`).
 */
#define __HYPERVISOR_set_trap_table                 0
#define __HYPERVISOR_mmu_update                     1
#define __HYPERVISOR_set_gdt                        2
#define __HYPERVISOR_stack_switch                   3
#define __HYPERVISOR_set_callbacks                  4
#define __HYPERVISOR_fpu_taskswitch                 5
#define __HYPERVISOR_sched_op_compat                6   /* (cmd, arg): Xen 3.0's sched_op */
#define __HYPERVISOR_platform_op                    7   /* was dom0_op */
#define __HYPERVISOR_set_debugreg                   8
#define __HYPERVISOR_get_debugreg                   9
#define __HYPERVISOR_update_descriptor              10
#define __HYPERVISOR_memory_op                      12
#define __HYPERVISOR_multicall                      13
#define __HYPERVISOR_update_va_mapping              14
#define __HYPERVISOR_set_timer_op                   15
#define __HYPERVISOR_event_channel_op_compat        16  /* (evtchn_op_t *): Xen 3.0's event_channel_op */
#define __HYPERVISOR_xen_version                    17
#define __HYPERVISOR_console_io                     18
#define __HYPERVISOR_physdev_op_compat              19
#define __HYPERVISOR_grant_table_op                 20
#define __HYPERVISOR_vm_assist                      21
#define __HYPERVISOR_update_va_mapping_otherdomain  22
#define __HYPERVISOR_iret                           23  /* jumped to, never called: see hypercall.h */
#define __HYPERVISOR_vcpu_op                        24
#define __HYPERVISOR_set_segment_base               25  /* x86_64 only */
#define __HYPERVISOR_mmuext_op                      26
#define __HYPERVISOR_xsm_op                         27
#define __HYPERVISOR_nmi_op                         28
#define __HYPERVISOR_sched_op                       29  /* (cmd, void *arg) */
#define __HYPERVISOR_callback_op                    30
#define __HYPERVISOR_xenoprof_op                    31
#define __HYPERVISOR_event_channel_op               32  /* (cmd, void *arg) */
#define __HYPERVISOR_physdev_op                     33
#define __HYPERVISOR_hvm_op                         34
#define __HYPERVISOR_sysctl                         35
#define __HYPERVISOR_domctl                         36

/* The hypercall page: one 32-byte stub per hypercall number, `mov $nr,%eax; int $0x82; ret`. */
#define XEN_PAGE_SIZE                   4096
#define XEN_HYPERCALL_STUB_SIZE         32
#define XEN_HYPERCALL_VECTOR            0x82

/* ---------------------------------------------------------------------------------------------------------
 * Error codes: hypercalls return -errno with the Linux/i386 values.
 */
#define XEN_EPERM        1
#define XEN_ENOENT       2
#define XEN_ESRCH        3
#define XEN_EINTR        4
#define XEN_EIO          5
#define XEN_ENXIO        6
#define XEN_E2BIG        7
#define XEN_ENOEXEC      8
#define XEN_EBADF        9
#define XEN_ECHILD      10
#define XEN_EAGAIN      11
#define XEN_ENOMEM      12
#define XEN_EACCES      13
#define XEN_EFAULT      14
#define XEN_EBUSY       16
#define XEN_EEXIST      17
#define XEN_EXDEV       18
#define XEN_ENODEV      19
#define XEN_EINVAL      22
#define XEN_ENFILE      23
#define XEN_EMFILE      24
#define XEN_ENOSPC      28
#define XEN_EROFS       30
#define XEN_EMLINK      31
#define XEN_EDOM        33
#define XEN_ERANGE      34
#define XEN_EDEADLK     35
#define XEN_ENAMETOOLONG 36
#define XEN_ENOLCK      37
#define XEN_ENOSYS      38
#define XEN_ENOTEMPTY   39
#define XEN_ENODATA     61
#define XEN_ETIME       62
#define XEN_EBADMSG     74
#define XEN_EOVERFLOW   75
#define XEN_EILSEQ      84
#define XEN_ERESTART    85
#define XEN_ENOTSOCK    88
#define XEN_EMSGSIZE    90
#define XEN_EOPNOTSUPP  95

/* ---------------------------------------------------------------------------------------------------------
 * Domain ids (domid_t is 16 bits).
 */
#define DOMID_FIRST_RESERVED    0x7FF0
#define DOMID_SELF              0x7FF0
#define DOMID_IO                0x7FF1
#define DOMID_XEN               0x7FF2
#define DOMID_COW               0x7FF3
#define DOMID_INVALID           0x7FF4
#define DOMID_ANY               0x7FF5
#define DOMID_IDLE              0x7FFF

/* ---------------------------------------------------------------------------------------------------------
 * Segments and the hypervisor hole.
 *
 * Xen's own GDT entries start at byte 0xE000 (entry 7168, page 14); the flat selectors below always exist.
 * The guest kernel runs in ring 1, so its selectors have RPL 1.
 */
#define FIRST_RESERVED_GDT_PAGE     14
#define FIRST_RESERVED_GDT_BYTE     57344
#define FIRST_RESERVED_GDT_ENTRY    7168
#define FLAT_RING1_CS               0xE019  /* entry 7171: ring-1 code, base 0, 4 GiB */
#define FLAT_RING1_DS               0xE021  /* entry 7172: ring-1 data */
#define FLAT_RING1_SS               0xE021
#define FLAT_RING3_CS               0xE02B  /* entry 7173: ring-3 code */
#define FLAT_RING3_DS               0xE033  /* entry 7174: ring-3 data */
#define FLAT_RING3_SS               0xE033
#define FLAT_KERNEL_CS              FLAT_RING1_CS
#define FLAT_KERNEL_DS              FLAT_RING1_DS
#define FLAT_KERNEL_SS              FLAT_RING1_SS
#define FLAT_USER_CS                FLAT_RING3_CS
#define FLAT_USER_DS                FLAT_RING3_DS
#define FLAT_USER_SS                FLAT_RING3_SS

/* Start of the hypervisor's part of every address space, and the read-only machine-to-phys table there. */
#define HYPERVISOR_VIRT_START_NONPAE    0xFC000000  /* 2-level paging: top 64 MiB */
#define HYPERVISOR_VIRT_START_PAE       0xF5800000  /* PAE paging: top 168 MiB */
#define MACH2PHYS_VIRT_START_NONPAE     0xFC000000
#define MACH2PHYS_VIRT_START_PAE        0xF5800000

/* ---------------------------------------------------------------------------------------------------------
 * console_io(cmd, count, buffer)
 */
#define CONSOLEIO_write     0   /* write count bytes of buffer to the hypervisor console */
#define CONSOLEIO_read      1   /* read up to count bytes; returns the number read */

/* ---------------------------------------------------------------------------------------------------------
 * grant_table_op(cmd, uop, count): the commands a guest needs to set up its own grant table (the argument
 * structs are declared where they are used, e.g. pv/c/xtf-like.c).
 */
#define GNTTABOP_setup_table    2   /* struct gnttab_setup_table: the machine frames of the table */
#define GNTTABOP_query_size     6
#define GNTTABOP_set_version    8   /* struct gnttab_set_version */
#define GNTTABOP_get_version    10

/* ---------------------------------------------------------------------------------------------------------
 * sched_op(cmd, arg) and the shutdown reasons.
 */
#define SCHEDOP_yield           0   /* give up the CPU, stay runnable */
#define SCHEDOP_block           1   /* sleep until an event is pending (re-enables event delivery first) */
#define SCHEDOP_shutdown        2   /* arg: struct sched_shutdown */
#define SCHEDOP_poll            3   /* arg: struct sched_poll */
#define SCHEDOP_remote_shutdown 4
#define SCHEDOP_shutdown_code   5
#define SCHEDOP_watchdog        6
#define SCHEDOP_pin_override    7

#define SHUTDOWN_poweroff       0
#define SHUTDOWN_reboot         1
#define SHUTDOWN_suspend        2   /* EDX holds the start_info MFN */
#define SHUTDOWN_crash          3
#define SHUTDOWN_watchdog       4
#define SHUTDOWN_soft_reset     5

/* ---------------------------------------------------------------------------------------------------------
 * vm_assist(cmd, type)
 */
#define VMASST_CMD_enable                   0
#define VMASST_CMD_disable                  1
#define VMASST_TYPE_4gb_segments            0
#define VMASST_TYPE_4gb_segments_notify     1
#define VMASST_TYPE_writable_pagetables     2
#define VMASST_TYPE_pae_extended_cr3        3
#define VMASST_TYPE_architectural_iopl      4
#define VMASST_TYPE_runstate_update_flag    5
#define VMASST_TYPE_m2p_strict              32

/* ---------------------------------------------------------------------------------------------------------
 * xen_version(cmd, arg)
 */
#define XENVER_version              0   /* returns major << 16 | minor */
#define XENVER_extraversion         1   /* char[16] */
#define XENVER_compile_info         2
#define XENVER_capabilities         3   /* char[1024], e.g. "xen-3.0-x86_32p" */
#define XENVER_changeset            4   /* char[64] */
#define XENVER_platform_parameters  5   /* { unsigned long virt_start } */
#define XENVER_get_features         6
#define XENVER_pagesize             7
#define XENVER_guest_handle         8
#define XENVER_commandline          9

/* ---------------------------------------------------------------------------------------------------------
 * mmu_update(reqs, count, done, foreigndom): the command is in the low 2 bits of mmu_update_t.ptr.
 */
#define MMU_NORMAL_PT_UPDATE        0   /* checked *ptr = val; ptr is the machine address of a PTE/PDE */
#define MMU_MACHPHYS_UPDATE         1   /* M2P[ptr >> 12] = val */
#define MMU_PT_UPDATE_PRESERVE_AD   2   /* like NORMAL, keeping the entry's A and D bits */
#define MMU_PT_UPDATE_NO_TRANSLATE  3

/* mmuext_op(ops, count, done, foreigndom): mmuext_op_t.cmd */
#define MMUEXT_PIN_L1_TABLE         0   /* arg1.mfn */
#define MMUEXT_PIN_L2_TABLE         1
#define MMUEXT_PIN_L3_TABLE         2
#define MMUEXT_PIN_L4_TABLE         3
#define MMUEXT_UNPIN_TABLE          4   /* arg1.mfn */
#define MMUEXT_NEW_BASEPTR          5   /* arg1.mfn: the new page directory (CR3) */
#define MMUEXT_TLB_FLUSH_LOCAL      6
#define MMUEXT_INVLPG_LOCAL         7   /* arg1.linear_addr */
#define MMUEXT_TLB_FLUSH_MULTI      8   /* arg2.vcpumask */
#define MMUEXT_INVLPG_MULTI         9
#define MMUEXT_TLB_FLUSH_ALL        10
#define MMUEXT_INVLPG_ALL           11
#define MMUEXT_FLUSH_CACHE          12
#define MMUEXT_SET_LDT              13  /* arg1.linear_addr, arg2.nr_ents */
#define MMUEXT_NEW_USER_BASEPTR     15  /* x86_64 only */
#define MMUEXT_CLEAR_PAGE           16
#define MMUEXT_COPY_PAGE            17  /* arg2.src_mfn */
#define MMUEXT_FLUSH_CACHE_GLOBAL   18
#define MMUEXT_MARK_SUPER           19
#define MMUEXT_UNMARK_SUPER         20

/* update_va_mapping(va, pte_lo, pte_hi, flags): flush type in bits 0-1, scope in bits 2 and up. */
#define UVMF_NONE               0
#define UVMF_TLB_FLUSH          1
#define UVMF_INVLPG             2
#define UVMF_FLUSHTYPE_MASK     3
#define UVMF_MULTI              0   /* OR in a pointer to a VCPU bitmap */
#define UVMF_LOCAL              0
#define UVMF_ALL                4

/* ---------------------------------------------------------------------------------------------------------
 * event_channel_op(cmd, arg) and the port states reported by EVTCHNOP_status.
 */
#define EVTCHNOP_bind_interdomain   0
#define EVTCHNOP_bind_virq          1
#define EVTCHNOP_bind_pirq          2
#define EVTCHNOP_close              3
#define EVTCHNOP_send               4
#define EVTCHNOP_status             5
#define EVTCHNOP_alloc_unbound      6
#define EVTCHNOP_bind_ipi           7
#define EVTCHNOP_bind_vcpu          8
#define EVTCHNOP_unmask             9
#define EVTCHNOP_reset              10

#define EVTCHNSTAT_closed           0
#define EVTCHNSTAT_unbound          1
#define EVTCHNSTAT_interdomain      2
#define EVTCHNSTAT_pirq             3
#define EVTCHNSTAT_virq             4
#define EVTCHNSTAT_ipi              5

#define BIND_PIRQ__WILL_SHARE       1
#define NR_EVENT_CHANNELS           1024    /* 2-level ABI on 32-bit: 32 words x 32 bits */

/* Virtual IRQs (EVTCHNOP_bind_virq). */
#define VIRQ_TIMER      0   /* per VCPU: the one-shot timer of set_timer_op fired */
#define VIRQ_DEBUG      1
#define VIRQ_CONSOLE    2
#define VIRQ_DOM_EXC    3   /* a domain had an exceptional event (e.g. crashed); for dom0 */
#define VIRQ_TBUF       4
#define VIRQ_DEBUGGER   6
#define VIRQ_XENOPROF   7
#define VIRQ_CON_RING   8
#define NR_VIRQS        24

/* ---------------------------------------------------------------------------------------------------------
 * memory_op(cmd, arg)
 */
#define XENMEM_increase_reservation 0
#define XENMEM_decrease_reservation 1
#define XENMEM_maximum_ram_page     2
#define XENMEM_current_reservation  3
#define XENMEM_maximum_reservation  4
#define XENMEM_machphys_mfn_list    5
#define XENMEM_populate_physmap     6
#define XENMEM_add_to_physmap       7
#define XENMEM_memory_map           9
#define XENMEM_machine_memory_map   10
#define XENMEM_exchange             11
#define XENMEM_machphys_mapping     12

/* ---------------------------------------------------------------------------------------------------------
 * Traps and callbacks.
 *
 *   trap_info_t.flags:  bits 0-1  DPL that may raise the vector with `int n`
 *                       bit 2     mask events on entry (behave like an interrupt gate)
 */
#define TI_DPL_MASK             3
#define TI_MASK_EVENTS          4

/* callback_op(cmd, struct callback_register *) */
#define CALLBACKOP_register     0
#define CALLBACKOP_unregister   1
#define CALLBACKTYPE_event      0
#define CALLBACKTYPE_failsafe   1
#define CALLBACKTYPE_nmi        4
#define CALLBACKTYPE_sysenter   5
#define CALLBACKTYPE_syscall32  7
#define CALLBACKF_mask_events   1

/* ---------------------------------------------------------------------------------------------------------
 * start_info
 */
#define MAX_GUEST_CMDLINE       1024
#define SIF_PRIVILEGED          1   /* the domain may use privileged operations */
#define SIF_INITDOMAIN          2   /* this is domain 0 */
#define SIF_MULTIBOOT_MOD       4
#define SIF_MOD_START_PFN       8

/* Shared-info geometry. */
#define XEN_LEGACY_MAX_VCPUS    32

#ifndef __ASSEMBLER__

#include <stddef.h>
#include <stdint.h>

typedef uint16_t domid_t;
typedef uint32_t xen_pfn_t;         /* a frame number: unsigned long on x86_32 */
typedef uint32_t xen_ulong_t;
typedef uint32_t evtchn_port_t;

/* One request of mmu_update. */
typedef struct mmu_update {
    uint64_t ptr;                   /* machine address of the entry, command in bits 0-1 */
    uint64_t val;                   /* the new entry */
} mmu_update_t;

/* One request of mmuext_op. */
typedef struct mmuext_op {
    uint32_t cmd;                   /* MMUEXT_* */
    union {
        xen_pfn_t mfn;              /* PIN_*, UNPIN_TABLE, NEW_BASEPTR, CLEAR_PAGE, COPY_PAGE */
        uint32_t linear_addr;       /* INVLPG_*, SET_LDT */
    } arg1;
    union {
        uint32_t nr_ents;           /* SET_LDT */
        const void *vcpumask;       /* TLB_FLUSH_MULTI, INVLPG_MULTI */
        xen_pfn_t src_mfn;          /* COPY_PAGE */
    } arg2;
} mmuext_op_t;

/* One entry of multicall: op is a hypercall number, result is written back. */
typedef struct multicall_entry {
    xen_ulong_t op;
    xen_ulong_t result;
    xen_ulong_t args[6];
} multicall_entry_t;

/* One entry of the virtual IDT (set_trap_table); a table ends with address == 0. */
typedef struct trap_info {
    uint8_t vector;
    uint8_t flags;                  /* TI_DPL_MASK | TI_MASK_EVENTS */
    uint16_t cs;                    /* must be a ring-1 code selector, e.g. FLAT_KERNEL_CS */
    uint32_t address;
} trap_info_t;

/* A callback address for callback_op (x86_32: selector and offset). */
typedef struct xen_callback {
    uint32_t cs;
    uint32_t eip;
} xen_callback_t;

struct callback_register {
    uint16_t type;                  /* CALLBACKTYPE_* */
    uint16_t flags;                 /* CALLBACKF_* */
    xen_callback_t address;
};

/* sched_op arguments. */
struct sched_shutdown {
    uint32_t reason;                /* SHUTDOWN_* */
};

struct sched_poll {
    evtchn_port_t *ports;
    uint32_t nr_ports;
    uint64_t timeout;               /* absolute system time in ns, 0 = none */
};

/* event_channel_op arguments ("OUT" fields are written by the hypervisor). */
struct evtchn_alloc_unbound {
    domid_t dom;                    /* DOMID_SELF unless privileged */
    domid_t remote_dom;             /* the only domain allowed to connect */
    evtchn_port_t port;             /* OUT */
};

struct evtchn_bind_interdomain {
    domid_t remote_dom;
    evtchn_port_t remote_port;
    evtchn_port_t local_port;       /* OUT */
};

struct evtchn_bind_virq {
    uint32_t virq;                  /* VIRQ_* */
    uint32_t vcpu;
    evtchn_port_t port;             /* OUT */
};

struct evtchn_bind_pirq {
    uint32_t pirq;
    uint32_t flags;                 /* BIND_PIRQ__WILL_SHARE */
    evtchn_port_t port;             /* OUT */
};

struct evtchn_bind_ipi {
    uint32_t vcpu;
    evtchn_port_t port;             /* OUT */
};

struct evtchn_close {
    evtchn_port_t port;
};

struct evtchn_send {
    evtchn_port_t port;
};

struct evtchn_unmask {
    evtchn_port_t port;
};

struct evtchn_bind_vcpu {
    evtchn_port_t port;
    uint32_t vcpu;
};

struct evtchn_status {
    domid_t dom;
    evtchn_port_t port;
    uint32_t status;                /* OUT: EVTCHNSTAT_* */
    uint32_t vcpu;                  /* OUT */
    union {                         /* OUT, by status */
        struct {
            domid_t dom;
        } unbound;
        struct {
            domid_t dom;
            evtchn_port_t port;
        } interdomain;
        uint32_t pirq;
        uint32_t virq;
    } u;
};

/* memory_op(XENMEM_increase/decrease_reservation, populate_physmap) argument. */
struct xen_memory_reservation {
    xen_pfn_t *extent_start;        /* IN/OUT: frame numbers */
    xen_ulong_t nr_extents;
    uint32_t extent_order;
    uint32_t mem_flags;             /* address_bits in old interfaces */
    domid_t domid;
};

/*
 * Per-VCPU time, updated by the hypervisor under a seqlock: read while `version` is odd or changes.
 * now = system_time + (((tsc - tsc_timestamp) << tsc_shift (>> -tsc_shift if negative)) * mul) >> 32
 */
typedef struct vcpu_time_info {
    uint32_t version;
    uint32_t pad0;
    uint64_t tsc_timestamp;         /* TSC when system_time was sampled */
    uint64_t system_time;           /* ns since the machine booted */
    uint32_t tsc_to_system_mul;
    int8_t tsc_shift;
    uint8_t flags;
    uint8_t pad1[2];
} vcpu_time_info_t;

/* x86_32 part of vcpu_info. */
typedef struct arch_vcpu_info {
    uint32_t cr2;                   /* faulting address of the last page fault delivered */
    uint32_t pad[5];
} arch_vcpu_info_t;

/*
 * One VCPU's slot in shared_info (64 bytes):
 *
 *   +0 upcall_pending  +1 upcall_mask  +2 (pad)  +4 pending_sel  +8 arch (cr2)  +32 time
 */
typedef struct vcpu_info {
    uint8_t evtchn_upcall_pending;  /* set by Xen with a pending selector bit; cleared by the guest */
    uint8_t evtchn_upcall_mask;     /* the guest's "interrupt flag": 1 = no upcalls (starts at 1) */
    xen_ulong_t evtchn_pending_sel; /* bit i: word i of evtchn_pending may have pending ports */
    arch_vcpu_info_t arch;
    vcpu_time_info_t time;
} vcpu_info_t;

/* x86_32 part of shared_info. */
typedef struct arch_shared_info {
    xen_ulong_t max_pfn;
    xen_pfn_t pfn_to_mfn_frame_list_list;
    xen_ulong_t nmi_reason;
    xen_ulong_t p2m_cr3;
    xen_ulong_t p2m_vaddr;
    xen_ulong_t p2m_generation;
    uint32_t wc_sec_hi;             /* x86_32: upper 32 bits of wc_sec */
} arch_shared_info_t;

/* The page the hypervisor shares with the domain; start_info.shared_info is its machine address. */
typedef struct shared_info {
    vcpu_info_t vcpu_info[XEN_LEGACY_MAX_VCPUS];
    xen_ulong_t evtchn_pending[32]; /* one bit per port, 1024 ports */
    xen_ulong_t evtchn_mask[32];    /* written by the guest only */
    uint32_t wc_version;            /* wall clock, seqlock like vcpu_time_info.version */
    uint32_t wc_sec;
    uint32_t wc_nsec;
    arch_shared_info_t arch;
} shared_info_t;

/*
 * What the domain builder tells the guest; ESI points at it when the guest starts.
 * Virtual addresses: pt_base, mfn_list, mod_start. Machine addresses/frames: shared_info, store_mfn,
 * console.domU.mfn.
 */
typedef struct start_info {
    char magic[32];                 /* "xen-3.0-x86_32p" (PAE) or "xen-3.0-x86_32" */
    xen_ulong_t nr_pages;           /* pages of the domain */
    xen_ulong_t shared_info;        /* MACHINE address of the shared_info page */
    uint32_t flags;                 /* SIF_* */
    xen_pfn_t store_mfn;            /* xenstore ring */
    evtchn_port_t store_evtchn;     /* 0: no xenstore */
    union {
        struct {
            xen_pfn_t mfn;          /* console ring (struct xencons_interface) */
            evtchn_port_t evtchn;
        } domU;
        struct {
            uint32_t info_off;      /* dom0: offset of console_info in this page */
            uint32_t info_size;
        } dom0;
    } console;
    xen_ulong_t pt_base;            /* VIRTUAL address of the bootstrap page directory (L3 for PAE) */
    xen_ulong_t nr_pt_frames;       /* frames of bootstrap page tables */
    xen_ulong_t mfn_list;           /* VIRTUAL address of the P2M array: mfn_list[pfn] = mfn */
    xen_ulong_t mod_start;          /* VIRTUAL address of the initial module (initrd), or 0 */
    xen_ulong_t mod_len;
    char cmd_line[MAX_GUEST_CMDLINE];
    xen_ulong_t first_p2m_pfn;
    xen_ulong_t nr_p2m_frames;
} start_info_t;

/* The PV console ring a domU finds at start_info.console.domU.mfn. */
struct xencons_interface {
    char in[1024];
    char out[2048];
    uint32_t in_cons, in_prod;
    uint32_t out_cons, out_prod;
};

/* --- the layouts of xen-abi.md section 3.4, as gcc -m32 lays them out ----------------------------------- */
#define XEN_CHECK(type, field, offset) _Static_assert(offsetof(type, field) == (offset), \
    #type "." #field " must be at offset " #offset)
#define XEN_CHECK_SIZE(type, size) _Static_assert(sizeof(type) == (size), "sizeof(" #type ") must be " #size)

XEN_CHECK_SIZE(mmu_update_t, 16);
XEN_CHECK(mmu_update_t, val, 8);
XEN_CHECK_SIZE(mmuext_op_t, 12);
XEN_CHECK(mmuext_op_t, arg1, 4);
XEN_CHECK(mmuext_op_t, arg2, 8);
XEN_CHECK_SIZE(multicall_entry_t, 32);
XEN_CHECK(multicall_entry_t, result, 4);
XEN_CHECK(multicall_entry_t, args, 8);
XEN_CHECK_SIZE(trap_info_t, 8);
XEN_CHECK(trap_info_t, flags, 1);
XEN_CHECK(trap_info_t, cs, 2);
XEN_CHECK(trap_info_t, address, 4);
XEN_CHECK_SIZE(struct callback_register, 12);
XEN_CHECK(struct callback_register, address, 4);

XEN_CHECK_SIZE(struct sched_shutdown, 4);
XEN_CHECK_SIZE(struct sched_poll, 16);
XEN_CHECK(struct sched_poll, nr_ports, 4);
XEN_CHECK(struct sched_poll, timeout, 8);

XEN_CHECK_SIZE(struct evtchn_alloc_unbound, 8);
XEN_CHECK(struct evtchn_alloc_unbound, remote_dom, 2);
XEN_CHECK(struct evtchn_alloc_unbound, port, 4);
XEN_CHECK_SIZE(struct evtchn_bind_interdomain, 12);
XEN_CHECK(struct evtchn_bind_interdomain, remote_port, 4);
XEN_CHECK(struct evtchn_bind_interdomain, local_port, 8);
XEN_CHECK_SIZE(struct evtchn_bind_virq, 12);
XEN_CHECK(struct evtchn_bind_virq, port, 8);
XEN_CHECK_SIZE(struct evtchn_bind_pirq, 12);
XEN_CHECK_SIZE(struct evtchn_bind_ipi, 8);
XEN_CHECK_SIZE(struct evtchn_close, 4);
XEN_CHECK_SIZE(struct evtchn_send, 4);
XEN_CHECK_SIZE(struct evtchn_unmask, 4);
XEN_CHECK_SIZE(struct evtchn_bind_vcpu, 8);
XEN_CHECK_SIZE(struct evtchn_status, 24);
XEN_CHECK(struct evtchn_status, port, 4);
XEN_CHECK(struct evtchn_status, status, 8);
XEN_CHECK(struct evtchn_status, vcpu, 12);
XEN_CHECK(struct evtchn_status, u, 16);
XEN_CHECK(struct evtchn_status, u.interdomain.port, 20);

XEN_CHECK_SIZE(struct xen_memory_reservation, 20);
XEN_CHECK(struct xen_memory_reservation, nr_extents, 4);
XEN_CHECK(struct xen_memory_reservation, extent_order, 8);
XEN_CHECK(struct xen_memory_reservation, mem_flags, 12);
XEN_CHECK(struct xen_memory_reservation, domid, 16);

XEN_CHECK_SIZE(vcpu_time_info_t, 32);
XEN_CHECK(vcpu_time_info_t, tsc_timestamp, 8);
XEN_CHECK(vcpu_time_info_t, system_time, 16);
XEN_CHECK(vcpu_time_info_t, tsc_to_system_mul, 24);
XEN_CHECK(vcpu_time_info_t, tsc_shift, 28);
XEN_CHECK(vcpu_time_info_t, flags, 29);

XEN_CHECK_SIZE(vcpu_info_t, 64);
XEN_CHECK(vcpu_info_t, evtchn_upcall_pending, 0);
XEN_CHECK(vcpu_info_t, evtchn_upcall_mask, 1);
XEN_CHECK(vcpu_info_t, evtchn_pending_sel, 4);
XEN_CHECK(vcpu_info_t, arch.cr2, 8);
XEN_CHECK(vcpu_info_t, time, 32);

XEN_CHECK_SIZE(shared_info_t, 2344);
XEN_CHECK(shared_info_t, evtchn_pending, 2048);
XEN_CHECK(shared_info_t, evtchn_mask, 2176);
XEN_CHECK(shared_info_t, wc_version, 2304);
XEN_CHECK(shared_info_t, wc_sec, 2308);
XEN_CHECK(shared_info_t, wc_nsec, 2312);
XEN_CHECK(shared_info_t, arch, 2316);
XEN_CHECK(shared_info_t, arch.max_pfn, 2316);
XEN_CHECK(shared_info_t, arch.pfn_to_mfn_frame_list_list, 2320);
XEN_CHECK(shared_info_t, arch.nmi_reason, 2324);
XEN_CHECK(shared_info_t, arch.p2m_cr3, 2328);
XEN_CHECK(shared_info_t, arch.p2m_vaddr, 2332);
XEN_CHECK(shared_info_t, arch.p2m_generation, 2336);
XEN_CHECK(shared_info_t, arch.wc_sec_hi, 2340);

XEN_CHECK_SIZE(start_info_t, 1112);
XEN_CHECK(start_info_t, nr_pages, 32);
XEN_CHECK(start_info_t, shared_info, 36);
XEN_CHECK(start_info_t, flags, 40);
XEN_CHECK(start_info_t, store_mfn, 44);
XEN_CHECK(start_info_t, store_evtchn, 48);
XEN_CHECK(start_info_t, console.domU.mfn, 52);
XEN_CHECK(start_info_t, console.domU.evtchn, 56);
XEN_CHECK(start_info_t, console.dom0.info_off, 52);
XEN_CHECK(start_info_t, console.dom0.info_size, 56);
XEN_CHECK(start_info_t, pt_base, 60);
XEN_CHECK(start_info_t, nr_pt_frames, 64);
XEN_CHECK(start_info_t, mfn_list, 68);
XEN_CHECK(start_info_t, mod_start, 72);
XEN_CHECK(start_info_t, mod_len, 76);
XEN_CHECK(start_info_t, cmd_line, 80);
XEN_CHECK(start_info_t, first_p2m_pfn, 1104);
XEN_CHECK(start_info_t, nr_p2m_frames, 1108);

XEN_CHECK_SIZE(struct xencons_interface, 3088);
XEN_CHECK(struct xencons_interface, out, 1024);
XEN_CHECK(struct xencons_interface, in_cons, 3072);
XEN_CHECK(struct xencons_interface, in_prod, 3076);
XEN_CHECK(struct xencons_interface, out_cons, 3080);
XEN_CHECK(struct xencons_interface, out_prod, 3084);

#undef XEN_CHECK
#undef XEN_CHECK_SIZE

#endif /* !__ASSEMBLER__ */

#endif /* XENOSCOPE_XEN_XEN_H */
