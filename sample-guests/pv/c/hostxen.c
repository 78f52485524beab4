/*
 * hostxen.c: a stand-in for the hypervisor that runs a PV guest as a static i386 Linux process.
 *
 * The real loader of PV guests (Xenoscope's hypervisor) arrives in a later issue. Until then, NAME.linux is the
 * guest's own objects, linked by the same c/pv.ld, plus this file, whose entry hostxen_start plays the domain
 * builder and the hypervisor just far enough for the sample guests:
 *
 *   - it fills hypercall_page with 128 stubs, as the builder does; stub nr is `push $nr; jmp hostxen_entry`
 *     (10 bytes in its 32-byte slot), so the guest's `call hypercall_page + nr*32` with arguments in
 *     EBX, ECX, EDX, ESI, EDI arrives in hostxen_hypercall(nr, a1..a5) and the result goes back in EAX;
 *   - it builds the bootstrap region after _end in the order of xen-abi.md 3.10: the P2M list (mfn_list), the
 *     start_info page, the page-table frames, a stack page; and a shared_info page with events masked;
 *   - it enters the guest at _start with ESI = start_info.
 *
 * Hypercalls: console_io(CONSOLEIO_write) writes to standard output; sched_op(SCHEDOP_shutdown) exits with the
 * status of sample-guests/README.md (0 poweroff, 1 crash and any other reason); update_va_mapping of the
 * shared_info frame copies the page to the virtual address; xen_version says 3.0. The rest return -ENOSYS.
 *
 * SIMPLIFICATION: no paging, rings, events or page-table checks: the guest runs in ring 3 of a Linux process
 * whose text is made writable, "machine addresses" are this process's virtual addresses, and mapping
 * shared_info copies it (the copy does not see later changes). It checks the guests' calling convention, their
 * use of the start_info/shared_info layouts and their expected output, not the hypervisor.
 */
#include <xen/xen.h>

enum {
    SYS_exit = 1,
    SYS_write = 4,
    SYS_old_mmap = 90,          /* i386: one pointer to the six mmap arguments */
    SYS_mprotect = 125,
    PROT_RWX = 7,
    MAP_PRIVATE_ANON_FIXED = 0x02 | 0x20 | 0x10,
    NR_PAGES = 4096,            /* a 16 MiB domain */
    NR_PT_FRAMES = 4,
    FIRST_MFN = 0x20000,        /* mfn_list[pfn] = FIRST_MFN + pfn */
    STUB_PUSH = 0x68,           /* push imm32 */
    STUB_JMP = 0xE9             /* jmp rel32 */
};

extern char hypercall_page[XEN_PAGE_SIZE];
extern char _end[];
void hostxen_entry(void);
long hostxen_hypercall(unsigned nr, unsigned long a1, unsigned long a2, unsigned long a3, unsigned long a4,
                       unsigned long a5);
start_info_t *hostxen_build(void);

/* Linux entry: build the domain, then jump to the guest's _start with ESI = start_info and the rest zero. */
__asm__(".text\n"
        ".globl hostxen_start\n"
        "hostxen_start:\n"
        "\tcall hostxen_build\n"
        "\tmovl %eax, %esi\n"
        "\txorl %eax, %eax\n"
        "\txorl %ebx, %ebx\n"
        "\txorl %ecx, %ecx\n"
        "\txorl %edx, %edx\n"
        "\txorl %edi, %edi\n"
        "\txorl %ebp, %ebp\n"
        "\tjmp _start\n"
        /* Every stub jumps here with [esp] = nr, [esp+4] = the guest's return address. */
        ".globl hostxen_entry\n"
        "hostxen_entry:\n"
        "\tpushl %edi\n"
        "\tpushl %esi\n"
        "\tpushl %edx\n"
        "\tpushl %ecx\n"
        "\tpushl %ebx\n"
        "\tpushl 20(%esp)\n"
        "\tcall hostxen_hypercall\n"
        "\tpopl %ebx\n"                     /* drop nr's copy */
        "\tpopl %ebx\n"
        "\tpopl %ecx\n"
        "\tpopl %edx\n"
        "\tpopl %esi\n"
        "\tpopl %edi\n"
        "\taddl $4, %esp\n"                 /* drop nr */
        "\tret\n");

static long syscall3(long nr, long a, long b, long c)
{
    long r;
    __asm__ volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
    return r;
}

static void host_exit(int status)
{
    syscall3(SYS_exit, status, 0, 0);
    for (;;) {
    }
}

/*
 * The shared_info "frame": its machine address is its address in this process. It lives in .data, because
 * head.S zeroes the guest's .bss after hostxen_build has run.
 */
static union {
    shared_info_t info;
    char bytes[XEN_PAGE_SIZE];
} shared_frame __attribute__((aligned(XEN_PAGE_SIZE), section(".data.hostxen")));

static void put32(char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) {
        p[i] = (char)(v >> (8 * i));
    }
}

/* Makes the hypercall page writable and writes `push $nr; jmp hostxen_entry` into every slot. */
static void fill_hypercall_page(void)
{
    if (syscall3(SYS_mprotect, (long)hypercall_page, XEN_PAGE_SIZE, PROT_RWX) != 0) {
        host_exit(125);
    }
    for (unsigned nr = 0; nr < XEN_PAGE_SIZE / XEN_HYPERCALL_STUB_SIZE; nr++) {
        char *stub = hypercall_page + nr * XEN_HYPERCALL_STUB_SIZE;
        stub[0] = (char)STUB_PUSH;
        put32(stub + 1, nr);
        stub[5] = (char)STUB_JMP;
        put32(stub + 6, (uint32_t)((uintptr_t)hostxen_entry - (uintptr_t)(stub + 10)));
    }
}

static void copy(char *dst, const char *src, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        dst[i] = src[i];
    }
}

static void init_shared_info(void)
{
    shared_info_t *sh = &shared_frame.info;
    for (int i = 0; i < XEN_LEGACY_MAX_VCPUS; i++) {
        sh->vcpu_info[i].evtchn_upcall_mask = 1;  /* events start masked */
    }
    sh->vcpu_info[0].time.version = 2;
    sh->vcpu_info[0].time.system_time = 1000000;
    sh->vcpu_info[0].time.tsc_to_system_mul = 0x80000000u;
    sh->vcpu_info[0].time.tsc_shift = -1;
    sh->wc_version = 2;
    sh->arch.max_pfn = NR_PAGES;
}

/*
 * Maps the bootstrap region at _end (page-aligned by pv.ld) and fills it: mfn_list, start_info, page tables
 * (left zero), stack. Returns start_info.
 */
start_info_t *hostxen_build(void)
{
    uint32_t base = (uint32_t)(uintptr_t)_end;
    uint32_t p2m_pages = (NR_PAGES * 4 + XEN_PAGE_SIZE - 1) / XEN_PAGE_SIZE;
    uint32_t pages = p2m_pages + 1 + NR_PT_FRAMES + 1;
    uint32_t mmap_args[6] = { base, pages * XEN_PAGE_SIZE, 3, MAP_PRIVATE_ANON_FIXED, (uint32_t)-1, 0 };
    if ((uint32_t)syscall3(SYS_old_mmap, (long)mmap_args, 0, 0) != base) {
        host_exit(125);
    }
    fill_hypercall_page();
    init_shared_info();

    uint32_t *mfn_list = (uint32_t *)(uintptr_t)base;
    for (uint32_t pfn = 0; pfn < NR_PAGES; pfn++) {
        mfn_list[pfn] = FIRST_MFN + pfn;
    }
    start_info_t *si = (start_info_t *)(uintptr_t)(base + p2m_pages * XEN_PAGE_SIZE);
    copy(si->magic, "xen-3.0-x86_32p", 16);
    si->nr_pages = NR_PAGES;
    si->shared_info = (uint32_t)(uintptr_t)&shared_frame;
    si->flags = SIF_PRIVILEGED | SIF_INITDOMAIN;
    si->pt_base = (uint32_t)(uintptr_t)si + XEN_PAGE_SIZE;
    si->nr_pt_frames = NR_PT_FRAMES;
    si->mfn_list = base;
    copy(si->cmd_line, "hostxen", 8);
    return si;
}

long hostxen_hypercall(unsigned nr, unsigned long a1, unsigned long a2, unsigned long a3, unsigned long a4,
                       unsigned long a5)
{
    (void)a5;
    switch (nr) {
    case __HYPERVISOR_console_io:
        if (a1 != CONSOLEIO_write) {
            return -XEN_ENOSYS;
        }
        syscall3(SYS_write, 1, (long)a3, (long)a2);
        return 0;
    case __HYPERVISOR_sched_op:
        if (a1 == SCHEDOP_shutdown) {
            host_exit(((struct sched_shutdown *)a2)->reason == SHUTDOWN_poweroff ? 0 : 1);
        }
        return a1 == SCHEDOP_yield ? 0 : -XEN_ENOSYS;
    case __HYPERVISOR_update_va_mapping:
        if ((a2 & 1) == 0 || (a2 & ~0xFFFu) != (uint32_t)(uintptr_t)&shared_frame || a3 != 0 || a4 > UVMF_ALL) {
            return -XEN_EINVAL;
        }
        copy((char *)(a1 & ~0xFFFu), shared_frame.bytes, XEN_PAGE_SIZE);
        return 0;
    case __HYPERVISOR_xen_version:
        return a1 == XENVER_version ? 0x00030000 : -XEN_ENOSYS;
    default:
        return -XEN_ENOSYS;
    }
}
