// xtf-like.c: a minimal guest with the start of day of the Xen Test Framework's pv32pae tests.
//
// XTF's micro-kernels are the real 32-bit PV guests a hypervisor is tested with today. This guest is our own
// code, but it does what they do, in their order (pv-guest-start-of-day.md 1.6), so that Xenoscope runs the
// same sequence of hypercalls, traps and emulations a real XTF test needs:
//
//   1. print with console_io                       7. load the ring-3 data selector into DS, ES, FS, GS
//   2. CPUID through the forced-emulation prefix   8. give the user-mode pages the PTE U bit
//   3. set_trap_table: vectors 0-19 and 0x20       9. unmap VA 0
//   4. callback_op: event, syscall32, sysenter    10. check that the builder filled the hypercall page
//   5. GDT page read-only, set_gdt(frames, 15)    11. find the console ring through the M2P, print through it
//   6. stack_switch                               12. map shared_info; set up and map the grant table
//                                                 13. probe forced emulation: #UD, exception-table fixup, iret
//                                                 14. the test: run a function in ring 3, back with int 0x20
//   and finally "Test result: SUCCESS" and SCHEDOP_shutdown(poweroff).
//
// Any failure prints "PANIC: ..." and crashes the domain (exit status 1), as XTF's panic() does.
//
// Run: make, then ./xenoscope run build/xtf-like.elf
//
// expect-output: --- XTF-like guest on Xenoscope ---
// expect-output: Environment: PV 32bit (PAE 3 levels)
// expect-output-match: cpuid: max leaf 0x[0-9a-f]+, vendor .*, leaf 1 eax 0x[0-9a-f]+
// expect-output-match: cpuid: hypervisor leaf 0x40000000: max 0x[0-9a-f]+, signature .*
// expect-output: trap table, callbacks, GDT, stack, selectors, user pages: done
// expect-output: console: switched to the PV console ring
// expect-output-match: shared_info mapped: upcall mask 1, wallclock version [0-9]+
// expect-output-match: grant table: frame 0x[0-9a-f]+ mapped, entry 0 reads back 0x[0-9a-f]+
// expect-output: forced emulation of a non-cpuid instruction: no (#UD fixed up through the exception table)
// expect-output: exec_user: ring-3 function returned 0x0000e02b (cs, ring 3)
// expect-output: Test result: SUCCESS
// expect-exit: 0
// max-instructions: 2000000
#include "platform.h"
#include <xen/hypercall.h>
#include <xen/xen.h>

#define PAGE_SIZE       4096
#define _PAGE_PRESENT   0x001
#define _PAGE_RW        0x002
#define _PAGE_USER      0x004
#define _PAGE_ACCESSED  0x020
#define _PAGE_DIRTY     0x040
#define X86_VEC_RET2KERN 0x20
#define XTF_GDT_ENTRIES 15

// grant_table_op arguments (Xen's public/grant_table.h, i386 layout); frame_list is a plain pointer on x86_32.
struct gnttab_setup_table {
    domid_t dom;                    // DOMID_SELF
    uint32_t nr_frames;
    int16_t status;                 // OUT: 0 (GNTST_okay) or a negative GNTST_* error
    xen_pfn_t *frame_list;          // OUT: nr_frames machine frame numbers
};
_Static_assert(sizeof(struct gnttab_setup_table) == 16, "gnttab_setup_table is 16 bytes");
_Static_assert(offsetof(struct gnttab_setup_table, frame_list) == 12, "frame_list at 12");

struct gnttab_set_version {
    uint32_t version;               // 1 or 2; OUT: the version in use
};

// What the exception stubs of xtf-head.S push: pushal's eight registers, then vector and error code, then the
// bounce frame (ring-3 esp/ss only when ring 3 was interrupted).
struct cpu_regs {
    uint32_t edi, esi, ebp, esp_unused, ebx, edx, ecx, eax;
    uint32_t vector, error_code;
    uint32_t eip, cs, eflags;
    uint32_t esp, ss;
};

// From xtf-head.S and xtf.ld.
extern char boot_stack[];
extern char entry_0[], entry_1[], entry_2[], entry_3[], entry_4[], entry_5[], entry_6[], entry_7[], entry_8[],
    entry_9[], entry_10[], entry_11[], entry_12[], entry_13[], entry_14[], entry_16[], entry_17[], entry_18[],
    entry_19[], entry_ret_to_kernel[], entry_evtchn[], entry_syscall[], entry_sysenter[];
extern char fep_probe_insn[], fep_probe_fixup[];
extern char __user_text_start[], __user_text_end[], __user_data_start[], __user_data_end[];
void fep_cpuid(uint32_t leaf, uint32_t regs[4]);
int fep_probe(void);
unsigned long exec_user(unsigned long (*fn)(void));
void xtf_main(void) __attribute__((noreturn));
void do_exception(struct cpu_regs *regs);
void unexpected(int which) __attribute__((noreturn));

start_info_t *start_info;
// Pages whose frame gets replaced by a mapping of another frame must not share it with other variables.
static union { shared_info_t s; uint8_t page[PAGE_SIZE]; } shared_info_page __attribute__((aligned(PAGE_SIZE)));
static uint64_t gdt[PAGE_SIZE / 8] __attribute__((aligned(PAGE_SIZE)));
static uint8_t grant_table[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

// ---- console: console_io first, then the PV console ring (ring-console.c explains the ring) ---------------
static volatile struct xencons_interface *cons_ring;
static evtchn_port_t cons_port;
static char line[128];
static unsigned line_len;

static void ring_write(const char *s, unsigned len)
{
    uint32_t prod = cons_ring->out_prod;
    struct evtchn_send send = { .port = cons_port };

    for (unsigned i = 0; i < len; i++) {
        while (prod - cons_ring->out_cons == sizeof cons_ring->out) {
            HYPERVISOR_sched_op(SCHEDOP_yield, 0);      // full: the back end drains it when we yield
        }
        cons_ring->out[prod % sizeof cons_ring->out] = s[i];
        prod++;
        __asm__ volatile("" ::: "memory");
        cons_ring->out_prod = prod;
    }
    HYPERVISOR_event_channel_op(EVTCHNOP_send, &send);
    while (cons_ring->out_cons != cons_ring->out_prod) {
        HYPERVISOR_sched_op(SCHEDOP_yield, 0);
    }
}

static void console_flush(void)
{
    if (cons_ring != 0) {
        ring_write(line, line_len);
    } else {
        HYPERVISOR_console_io(CONSOLEIO_write, line_len, line);
    }
    line_len = 0;
}

// printf_'s output: whole lines to whichever console is current.
void putchar_(char c)
{
    line[line_len++] = c;
    if (c == '\n' || line_len == sizeof line) {
        console_flush();
    }
}

static void shutdown(unsigned reason) __attribute__((noreturn));
static void shutdown(unsigned reason)
{
    struct sched_shutdown sd = { .reason = reason };
    if (line_len != 0) {
        console_flush();
    }
    HYPERVISOR_sched_op(SCHEDOP_shutdown, &sd);
    for (;;) {
        __asm__ volatile("ud2");    // the shutdown returned: nothing sensible is left
    }
}

void exit_(int c)
{
    shutdown(c == 0 ? SHUTDOWN_poweroff : SHUTDOWN_crash);
}

static void panic(const char *what, long rc) __attribute__((noreturn));
static void panic(const char *what, long rc)
{
    printf_("PANIC: %s (%d)\n", what, (int)rc);
    shutdown(SHUTDOWN_crash);
}

void unexpected(int which)
{
    panic(which == 0 ? "unexpected event upcall" : which == 1 ? "unexpected SYSCALL" : "unexpected SYSENTER", 0);
}

// Fails the start of day unless the hypercall returned 0.
static void check(const char *what, long rc)
{
    if (rc != 0) {
        panic(what, rc);
    }
}

// ---- memory helpers: virtual == pseudo-physical, machine frames from the P2M list -------------------------
static uint32_t virt_to_mfn(const void *va)
{
    const xen_pfn_t *p2m = (const xen_pfn_t *)start_info->mfn_list;
    return p2m[(uintptr_t)va >> 12];
}

static uint64_t pte_from_virt(const void *va, unsigned flags)
{
    return ((uint64_t)virt_to_mfn(va) << 12) | flags;
}

// The read-only machine-to-phys table Xen maps at MACH2PHYS_VIRT_START (PAE).
static uint32_t m2p(uint32_t mfn)
{
    const volatile uint32_t *table = (const volatile uint32_t *)MACH2PHYS_VIRT_START_PAE;
    return table[mfn];
}

// ---- exceptions ------------------------------------------------------------------------------------------
// The exception table: instructions allowed to fault, and where to continue when they do.
static const struct { const char *insn, *fixup; } extable[] = {
    { fep_probe_insn, fep_probe_fixup },
};

void do_exception(struct cpu_regs *regs)
{
    for (unsigned i = 0; i < sizeof extable / sizeof extable[0]; i++) {
        if (regs->eip == (uintptr_t)extable[i].insn) {
            regs->eip = (uintptr_t)extable[i].fixup;
            return;                 // xtf-head.S returns with the iret hypercall
        }
    }
    printf_("PANIC: unhandled exception %u, error code 0x%x, at %04x:%08x\n", regs->vector, regs->error_code,
            regs->cs & 0xFFFF, regs->eip);
    shutdown(SHUTDOWN_crash);
}

// ---- the start of day ------------------------------------------------------------------------------------
static void collect_cpuid(void)
{
    uint32_t r[4], leaf1[4];
    char vendor[13];

    fep_cpuid(0, r);                // before any trap table: only Xen's #UD emulation can make this work
    memcpy(vendor, &r[1], 4);
    memcpy(vendor + 4, &r[3], 4);
    memcpy(vendor + 8, &r[2], 4);
    vendor[12] = 0;
    fep_cpuid(1, leaf1);
    printf_("cpuid: max leaf 0x%x, vendor %s, leaf 1 eax 0x%x\n", r[0], vendor, leaf1[0]);
    fep_cpuid(0x40000000, r);
    memcpy(vendor, &r[1], 12);
    printf_("cpuid: hypervisor leaf 0x40000000: max 0x%x, signature %s\n", r[0], vendor);
}

static void init_traps(void)
{
    // flags: DPL | 4 (mask events in the handler); #BP, #OF and 0x20 may be raised from ring 3 (DPL 3).
    static const trap_info_t traps[] = {
        { 0, 4, FLAT_RING1_CS, (uintptr_t)entry_0 },   { 1, 4, FLAT_RING1_CS, (uintptr_t)entry_1 },
        { 2, 4, FLAT_RING1_CS, (uintptr_t)entry_2 },   { 3, 7, FLAT_RING1_CS, (uintptr_t)entry_3 },
        { 4, 7, FLAT_RING1_CS, (uintptr_t)entry_4 },   { 5, 4, FLAT_RING1_CS, (uintptr_t)entry_5 },
        { 6, 4, FLAT_RING1_CS, (uintptr_t)entry_6 },   { 7, 4, FLAT_RING1_CS, (uintptr_t)entry_7 },
        { 8, 4, FLAT_RING1_CS, (uintptr_t)entry_8 },   { 9, 4, FLAT_RING1_CS, (uintptr_t)entry_9 },
        { 10, 4, FLAT_RING1_CS, (uintptr_t)entry_10 }, { 11, 4, FLAT_RING1_CS, (uintptr_t)entry_11 },
        { 12, 4, FLAT_RING1_CS, (uintptr_t)entry_12 }, { 13, 4, FLAT_RING1_CS, (uintptr_t)entry_13 },
        { 14, 4, FLAT_RING1_CS, (uintptr_t)entry_14 }, { 16, 4, FLAT_RING1_CS, (uintptr_t)entry_16 },
        { 17, 4, FLAT_RING1_CS, (uintptr_t)entry_17 }, { 18, 4, FLAT_RING1_CS, (uintptr_t)entry_18 },
        { 19, 4, FLAT_RING1_CS, (uintptr_t)entry_19 },
        { X86_VEC_RET2KERN, 7, FLAT_RING1_CS, (uintptr_t)entry_ret_to_kernel },
        { 0, 0, 0, 0 },             // end of the table
    };
    struct callback_register cb[] = {
        { CALLBACKTYPE_event, 0, { FLAT_RING1_CS, (uintptr_t)entry_evtchn } },
        { CALLBACKTYPE_syscall32, CALLBACKF_mask_events, { FLAT_RING1_CS, (uintptr_t)entry_syscall } },
        { CALLBACKTYPE_sysenter, CALLBACKF_mask_events, { FLAT_RING1_CS, (uintptr_t)entry_sysenter } },
    };
    xen_pfn_t gdt_frames[1] = { virt_to_mfn(gdt) };

    check("set_trap_table", HYPERVISOR_set_trap_table(traps));
    for (unsigned i = 0; i < 3; i++) {
        check("callback_op(CALLBACKOP_register)", HYPERVISOR_callback_op(CALLBACKOP_register, &cb[i]));
    }
    // A GDT frame may not stay writable: Xen refuses set_gdt while any writable mapping of it exists.
    check("update_va_mapping(gdt, read-only)", HYPERVISOR_update_va_mapping((uintptr_t)gdt,
          pte_from_virt(gdt, _PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_DIRTY), UVMF_INVLPG));
    check("set_gdt", HYPERVISOR_set_gdt(gdt_frames, XTF_GDT_ENTRIES));
    check("stack_switch", HYPERVISOR_stack_switch(FLAT_RING1_SS, (uintptr_t)boot_stack + 2 * PAGE_SIZE));
    // A DPL-3 data selector is usable at CPL 1 and survives the iret into ring 3.
    __asm__ volatile("mov %0, %%ds; mov %0, %%es; mov %0, %%fs; mov %0, %%gs" :: "r"(FLAT_USER_DS));
    for (char *p = __user_text_start; p < __user_text_end; p += PAGE_SIZE) {
        check("update_va_mapping(user text)", HYPERVISOR_update_va_mapping((uintptr_t)p,
              pte_from_virt(p, _PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | _PAGE_DIRTY), UVMF_INVLPG));
    }
    for (char *p = __user_data_start; p < __user_data_end; p += PAGE_SIZE) {
        check("update_va_mapping(user data)", HYPERVISOR_update_va_mapping((uintptr_t)p,
              pte_from_virt(p, _PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | _PAGE_DIRTY), UVMF_INVLPG));
    }
    check("update_va_mapping(0, unmap)", HYPERVISOR_update_va_mapping(0, 0, UVMF_INVLPG));
    printf_("trap table, callbacks, GDT, stack, selectors, user pages: done\n");
}

static void setup_pv_console(void)
{
    uint32_t pfn = m2p(start_info->console.domU.mfn);

    if (start_info->store_evtchn != 0) {
        (void)m2p(start_info->store_mfn);   // XTF finds xenstore the same way; this guest does not talk to it
    }
    cons_port = start_info->console.domU.evtchn;
    cons_ring = (volatile struct xencons_interface *)(uintptr_t)(pfn << 12);
    printf_("console: switched to the PV console ring\n");
}

static void map_shared_info(void)
{
    check("update_va_mapping(shared_info)", HYPERVISOR_update_va_mapping((uintptr_t)&shared_info_page,
          (uint64_t)start_info->shared_info | _PAGE_PRESENT | _PAGE_RW, UVMF_INVLPG));
    printf_("shared_info mapped: upcall mask %u, wallclock version %u\n",
            shared_info_page.s.vcpu_info[0].evtchn_upcall_mask, shared_info_page.s.wc_version);
}

static void init_grant_table(void)
{
    struct gnttab_set_version ver = { .version = 1 };
    xen_pfn_t frame = 0;
    struct gnttab_setup_table setup = { .dom = DOMID_SELF, .nr_frames = 1, .frame_list = &frame };
    volatile uint32_t *entry = (volatile uint32_t *)grant_table;

    check("GNTTABOP_set_version", HYPERVISOR_grant_table_op(GNTTABOP_set_version, &ver, 1));
    check("GNTTABOP_setup_table", HYPERVISOR_grant_table_op(GNTTABOP_setup_table, &setup, 1));
    check("GNTTABOP_setup_table status", setup.status);
    check("update_va_mapping(grant table)", HYPERVISOR_update_va_mapping((uintptr_t)grant_table,
          ((uint64_t)frame << 12) | _PAGE_PRESENT | _PAGE_RW, UVMF_INVLPG));
    // A v1 grant entry: u16 flags, u16 domid, u32 frame. Write one (flags 0: not granted) and read it back.
    entry[1] = 0x1234;
    printf_("grant table: frame 0x%x mapped, entry 0 reads back 0x%x\n", frame, entry[1]);
}

// Runs in ring 3 (section .user.text, whose page has the U bit): returns the code selector it runs with.
__attribute__((section(".user.text"), noinline)) static unsigned long user_read_cs(void)
{
    unsigned long cs;
    __asm__ volatile("mov %%cs, %0" : "=r"(cs));
    return cs;
}

void xtf_main(void)
{
    printf_("--- XTF-like guest on Xenoscope ---\n");
    printf_("Environment: PV 32bit (PAE 3 levels)\n");
    collect_cpuid();
    init_traps();
    if ((uint8_t)hypercall_page[0] == 0xc3) {
        panic("the hypercall page was not filled in", 0);
    }
    if (!(start_info->flags & SIF_INITDOMAIN)) {
        setup_pv_console();
    }
    map_shared_info();
    init_grant_table();

    int fep = fep_probe();
    printf_("forced emulation of a non-cpuid instruction: %s\n",
            fep ? "yes" : "no (#UD fixed up through the exception table)");

    unsigned long cs = exec_user(user_read_cs);
    printf_("exec_user: ring-3 function returned 0x%08x (cs, ring %u)\n", (unsigned)cs, (unsigned)(cs & 3));
    if ((cs & 3) != 3) {
        panic("exec_user did not run in ring 3", (long)cs);
    }
    printf_("Test result: SUCCESS\n");
    shutdown(SHUTDOWN_poweroff);
}
