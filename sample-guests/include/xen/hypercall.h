/*
 * xen/hypercall.h: calling the hypervisor from a 32-bit PV guest written in C.
 *
 * The hypervisor fills one page of the guest, `hypercall_page` (named by the XEN_ELFNOTE_HYPERCALL_PAGE note),
 * with 32-byte stubs before the guest starts:
 *
 *   hypercall_page + nr*32:   b8 <nr:le32>   mov  $nr, %eax
 *                             cd 82          int  $0x82
 *                             c3             ret
 *
 * (stub 23, iret, is `push %eax; mov $23,%eax; int $0x82` and is jumped to, never called.) A hypercall is
 * therefore `call hypercall_page + nr*32` with the arguments in EBX, ECX, EDX, ESI, EDI and the result in EAX.
 * The hypervisor may overwrite every argument register (debug builds of Xen write 0xDEADBEEF into them), and it
 * reads and writes guest memory the arguments point to. So each call below tells gcc that all five argument
 * registers and EAX change, and that memory changes ("memory" clobber).
 *
 * Results are 0 or positive on success and -errno (XEN_E* in xen.h) on failure.
 */
#ifndef XENOSCOPE_XEN_HYPERCALL_H
#define XENOSCOPE_XEN_HYPERCALL_H

#include "xen.h"

#ifndef __ASSEMBLER__   /* assembly code writes `call hypercall_page + __HYPERVISOR_x * XEN_HYPERCALL_STUB_SIZE` */

/* The page the hypervisor fills with stubs; defined (page-aligned, in .text) by the guest's start-up code. */
extern char hypercall_page[XEN_PAGE_SIZE];

/*
 * XEN_HYPERCALL5(nr, a1, ..., a5): calls stub nr with five arguments and evaluates to the result (long).
 * nr must be a constant (it becomes part of the call's address). Fewer arguments: pass 0 for the rest.
 */
#define XEN_HYPERCALL5(nr, a1, a2, a3, a4, a5) ({                                                      \
    long xen_res_;                                                                                      \
    unsigned long xen_b_ = (unsigned long)(a1), xen_c_ = (unsigned long)(a2);                           \
    unsigned long xen_d_ = (unsigned long)(a3), xen_s_ = (unsigned long)(a4);                           \
    unsigned long xen_di_ = (unsigned long)(a5);                                                        \
    __asm__ volatile("call hypercall_page + %c[offset]"                                                 \
                     : "=a"(xen_res_), "+b"(xen_b_), "+c"(xen_c_), "+d"(xen_d_), "+S"(xen_s_),          \
                       "+D"(xen_di_)                                                                    \
                     : [offset] "i"((nr) * XEN_HYPERCALL_STUB_SIZE)                                     \
                     : "memory", "cc");                                                                 \
    xen_res_;                                                                                           \
})

#define XEN_HYPERCALL0(nr)                      XEN_HYPERCALL5(nr, 0, 0, 0, 0, 0)
#define XEN_HYPERCALL1(nr, a1)                  XEN_HYPERCALL5(nr, a1, 0, 0, 0, 0)
#define XEN_HYPERCALL2(nr, a1, a2)              XEN_HYPERCALL5(nr, a1, a2, 0, 0, 0)
#define XEN_HYPERCALL3(nr, a1, a2, a3)          XEN_HYPERCALL5(nr, a1, a2, a3, 0, 0)
#define XEN_HYPERCALL4(nr, a1, a2, a3, a4)      XEN_HYPERCALL5(nr, a1, a2, a3, a4, 0)

/* 64-bit values travel as two 32-bit registers, low word first. */
#define XEN_LO32(v) ((unsigned long)((uint64_t)(v) & 0xFFFFFFFFu))
#define XEN_HI32(v) ((unsigned long)((uint64_t)(v) >> 32))

/* Installs the virtual IDT: entries up to the first with address == 0. */
static inline long HYPERVISOR_set_trap_table(const trap_info_t *table)
{
    return XEN_HYPERCALL1(__HYPERVISOR_set_trap_table, table);
}

/* Validated page-table writes; *done (may be NULL) receives how many of count were applied. */
static inline long HYPERVISOR_mmu_update(const mmu_update_t *req, unsigned count, unsigned *done,
                                         unsigned foreigndom)
{
    return XEN_HYPERCALL4(__HYPERVISOR_mmu_update, req, count, done, foreigndom);
}

/* Installs a new GDT: frames[] are machine frame numbers, entries at most 7168. */
static inline long HYPERVISOR_set_gdt(const xen_pfn_t *frames, unsigned entries)
{
    return XEN_HYPERCALL2(__HYPERVISOR_set_gdt, frames, entries);
}

/* The ring-1 stack used when a trap arrives from ring 3 (TSS.SS1:ESP1); ss must have RPL 1. */
static inline long HYPERVISOR_stack_switch(unsigned long ss, unsigned long esp)
{
    return XEN_HYPERCALL2(__HYPERVISOR_stack_switch, ss, esp);
}

/* Event (upcall) and failsafe callback addresses. */
static inline long HYPERVISOR_set_callbacks(unsigned long event_cs, unsigned long event_eip,
                                            unsigned long failsafe_cs, unsigned long failsafe_eip)
{
    return XEN_HYPERCALL4(__HYPERVISOR_set_callbacks, event_cs, event_eip, failsafe_cs, failsafe_eip);
}

/* set = 1: set CR0.TS; set = 0: clear it. */
static inline long HYPERVISOR_fpu_taskswitch(int set)
{
    return XEN_HYPERCALL1(__HYPERVISOR_fpu_taskswitch, set);
}

/* Writes one 8-byte descriptor at machine address ma of a GDT/LDT (or ordinary) frame. */
static inline long HYPERVISOR_update_descriptor(uint64_t ma, uint64_t desc)
{
    return XEN_HYPERCALL4(__HYPERVISOR_update_descriptor, XEN_LO32(ma), XEN_HI32(ma), XEN_LO32(desc),
                          XEN_HI32(desc));
}

/* XENMEM_* operations on the domain's memory reservation. */
static inline long HYPERVISOR_memory_op(unsigned cmd, void *arg)
{
    return XEN_HYPERCALL2(__HYPERVISOR_memory_op, cmd, arg);
}

/* Runs nr hypercalls; each entry's result field receives its result. */
static inline long HYPERVISOR_multicall(multicall_entry_t *calls, unsigned nr)
{
    return XEN_HYPERCALL2(__HYPERVISOR_multicall, calls, nr);
}

/* Replaces the PTE that maps va in the current address space, then flushes as flags say (UVMF_*). */
static inline long HYPERVISOR_update_va_mapping(unsigned long va, uint64_t pte, unsigned long flags)
{
    return XEN_HYPERCALL4(__HYPERVISOR_update_va_mapping, va, XEN_LO32(pte), XEN_HI32(pte), flags);
}

/* One-shot timer at absolute system time ns (0 cancels); fires VIRQ_TIMER. */
static inline long HYPERVISOR_set_timer_op(uint64_t timeout_ns)
{
    return XEN_HYPERCALL2(__HYPERVISOR_set_timer_op, XEN_LO32(timeout_ns), XEN_HI32(timeout_ns));
}

/* XENVER_* queries; XENVER_version returns major << 16 | minor. */
static inline long HYPERVISOR_xen_version(int cmd, void *arg)
{
    return XEN_HYPERCALL2(__HYPERVISOR_xen_version, cmd, arg);
}

/* CONSOLEIO_write: count bytes of buf to the hypervisor's console. */
static inline long HYPERVISOR_console_io(int cmd, int count, const char *buf)
{
    return XEN_HYPERCALL3(__HYPERVISOR_console_io, cmd, count, buf);
}

/* GNTTABOP_* on count entries of uop. */
static inline long HYPERVISOR_grant_table_op(unsigned cmd, void *uop, unsigned count)
{
    return XEN_HYPERCALL3(__HYPERVISOR_grant_table_op, cmd, uop, count);
}

/* VMASST_CMD_enable/disable of a VMASST_TYPE_* assist. */
static inline long HYPERVISOR_vm_assist(unsigned cmd, unsigned type)
{
    return XEN_HYPERCALL2(__HYPERVISOR_vm_assist, cmd, type);
}

/* VCPUOP_* on VCPU vcpuid. */
static inline long HYPERVISOR_vcpu_op(int cmd, int vcpuid, void *extra)
{
    return XEN_HYPERCALL3(__HYPERVISOR_vcpu_op, cmd, vcpuid, extra);
}

/* Extended MMU operations (pin, unpin, new base pointer, flushes, LDT); *done as for mmu_update. */
static inline long HYPERVISOR_mmuext_op(const mmuext_op_t *op, unsigned count, unsigned *done,
                                        unsigned foreigndom)
{
    return XEN_HYPERCALL4(__HYPERVISOR_mmuext_op, op, count, done, foreigndom);
}

/* SCHEDOP_* with its argument struct (e.g. struct sched_shutdown for SCHEDOP_shutdown). */
static inline long HYPERVISOR_sched_op(int cmd, void *arg)
{
    return XEN_HYPERCALL2(__HYPERVISOR_sched_op, cmd, arg);
}

/* CALLBACKOP_register / unregister with a struct callback_register. */
static inline long HYPERVISOR_callback_op(int cmd, const void *arg)
{
    return XEN_HYPERCALL2(__HYPERVISOR_callback_op, cmd, arg);
}

/* EVTCHNOP_* with its argument struct (struct evtchn_send for EVTCHNOP_send, ...). */
static inline long HYPERVISOR_event_channel_op(int cmd, void *arg)
{
    return XEN_HYPERCALL2(__HYPERVISOR_event_channel_op, cmd, arg);
}

#endif /* !__ASSEMBLER__ */

#endif /* XENOSCOPE_XEN_HYPERCALL_H */
