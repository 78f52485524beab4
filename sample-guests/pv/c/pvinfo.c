// pvinfo.c: prints what the domain builder handed over: the start_info page (ESI at entry) and, after
// mapping it, the shared_info page.
//
// The numbers depend on the domain (memory size, machine frames, command line), so most lines are matched by a
// pattern; the lines that the ABI fixes are exact: the PAE magic, the order of the bootstrap region (image,
// P2M list, start_info, page tables: xen-abi.md 3.10), the successful update_va_mapping of shared_info (a
// machine address, not mapped by the builder) and the events that start masked (upcall_mask 1).
//
// expect-output-match: pvinfo: start_info at 0x[0-9a-f]{8}
// expect-output: magic: xen-3.0-x86_32p
// expect-output-match: nr_pages: [0-9]+
// expect-output-match: shared_info: 0x[0-9a-f]{8} \(machine address\)
// expect-output-match: flags: 0x[0-9a-f]{8}( [A-Z_]+)*
// expect-output-match: store: mfn 0x[0-9a-f]+, evtchn [0-9]+
// expect-output-match: console: (mfn 0x[0-9a-f]+, evtchn [0-9]+|info_off [0-9]+, info_size [0-9]+)
// expect-output-match: pt_base: 0x[0-9a-f]{8}, nr_pt_frames: [0-9]+
// expect-output-match: mfn_list: 0x[0-9a-f]{8}:( 0x[0-9a-f]+){1,4}
// expect-output-match: mod_start: 0x[0-9a-f]{8}, mod_len: [0-9]+
// expect-output-match: cmd_line: ".*"
// expect-output: layout: image < mfn_list < start_info < pt_base: yes
// expect-output: map shared_info: 0
// expect-output-match: vcpu_info\[0\]: upcall_pending [01], upcall_mask 1, pending_sel 0x[0-9a-f]{8}
// expect-output-match: vcpu_time: version [0-9]+, system_time [0-9]+ ns
// expect-output-match: vcpu_time: tsc_to_system_mul 0x[0-9a-f]{8}, tsc_shift -?[0-9]+
// expect-output-match: wallclock: version [0-9]+, sec [0-9]+, nsec [0-9]+
// expect-output-match: evtchn: pending\[0\] 0x[0-9a-f]{8}, mask\[0\] 0x[0-9a-f]{8}
// expect-output-match: arch: max_pfn [0-9]+, pfn_to_mfn_frame_list_list 0x[0-9a-f]+
// expect-output-match: xen_version: [0-9]+\.[0-9]+
// expect-output: pvinfo: done
// expect-exit: 0
// max-instructions: 2000000
#include "xenpv.h"

// The page shared_info is mapped over: a whole page of .bss, so that nothing else lives in it.
static union {
    shared_info_t info;
    char bytes[XEN_PAGE_SIZE];
} shared_page __attribute__((aligned(XEN_PAGE_SIZE)));

// Copies a possibly unterminated char array of n bytes into buf (n + 1 bytes) as a C string.
static const char *bounded(char *buf, const char *s, size_t n)
{
    size_t i = 0;
    for (; i < n && s[i] != 0; i++) {
        buf[i] = s[i];
    }
    buf[i] = 0;
    return buf;
}

static void print_flags(uint32_t flags)
{
    static const char *const names[] = { "PRIVILEGED", "INITDOMAIN", "MULTIBOOT_MOD", "MOD_START_PFN" };
    printf_("flags: 0x%08x", flags);
    for (unsigned bit = 0; bit < sizeof names / sizeof names[0]; bit++) {
        if (flags & (1u << bit)) {
            printf_(" %s", names[bit]);
        }
    }
    printf_("\n");
}

static void print_start_info(const start_info_t *si)
{
    static char cmd_line[MAX_GUEST_CMDLINE + 1];
    char magic[sizeof si->magic + 1];
    const uint32_t *mfn_list = (const uint32_t *)si->mfn_list;

    printf_("pvinfo: start_info at 0x%08x\n", (unsigned)(uintptr_t)si);
    printf_("magic: %s\n", bounded(magic, si->magic, sizeof si->magic));
    printf_("nr_pages: %u\n", si->nr_pages);
    printf_("shared_info: 0x%08x (machine address)\n", si->shared_info);
    print_flags(si->flags);
    printf_("store: mfn 0x%x, evtchn %u\n", si->store_mfn, si->store_evtchn);
    if (si->flags & SIF_INITDOMAIN) {
        printf_("console: info_off %u, info_size %u\n", si->console.dom0.info_off, si->console.dom0.info_size);
    } else {
        printf_("console: mfn 0x%x, evtchn %u\n", si->console.domU.mfn, si->console.domU.evtchn);
    }
    printf_("pt_base: 0x%08x, nr_pt_frames: %u\n", si->pt_base, si->nr_pt_frames);
    printf_("mfn_list: 0x%08x:", si->mfn_list);
    for (uint32_t pfn = 0; pfn < 4 && pfn < si->nr_pages; pfn++) {
        printf_(" 0x%x", mfn_list[pfn]);
    }
    printf_("\n");
    printf_("mod_start: 0x%08x, mod_len: %u\n", si->mod_start, si->mod_len);
    printf_("cmd_line: \"%s\"\n", bounded(cmd_line, si->cmd_line, MAX_GUEST_CMDLINE));
}

// The bootstrap region is, in order and page-aligned: the image, the P2M list (nr_pages entries of 4 bytes),
// the start_info page, then (after the domU console and store pages) the bootstrap page tables.
static int layout_in_order(const start_info_t *si)
{
    uint32_t image_end = (uint32_t)(uintptr_t)_end;
    uint32_t start_info = (uint32_t)(uintptr_t)si;
    uint32_t page_mask = XEN_PAGE_SIZE - 1;
    int aligned = ((si->mfn_list | start_info | si->pt_base) & page_mask) == 0;
    return aligned && image_end <= si->mfn_list && si->mfn_list + 4 * si->nr_pages <= start_info
        && start_info + XEN_PAGE_SIZE <= si->pt_base;
}

// Maps the shared_info frame (a machine address) over shared_page; returns the hypercall's result.
static long map_shared_info(const start_info_t *si)
{
    uint64_t pte = (uint64_t)si->shared_info | _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY;
    return HYPERVISOR_update_va_mapping((unsigned long)(uintptr_t)&shared_page, pte, UVMF_INVLPG);
}

static void print_shared_info(const volatile shared_info_t *sh)
{
    const volatile vcpu_info_t *v = &sh->vcpu_info[0];
    printf_("vcpu_info[0]: upcall_pending %u, upcall_mask %u, pending_sel 0x%08x\n", v->evtchn_upcall_pending,
            v->evtchn_upcall_mask, v->evtchn_pending_sel);
    printf_("vcpu_time: version %u, system_time %llu ns\n", v->time.version,
            (unsigned long long)v->time.system_time);
    printf_("vcpu_time: tsc_to_system_mul 0x%08x, tsc_shift %d\n", v->time.tsc_to_system_mul, v->time.tsc_shift);
    printf_("wallclock: version %u, sec %u, nsec %u\n", sh->wc_version, sh->wc_sec, sh->wc_nsec);
    printf_("evtchn: pending[0] 0x%08x, mask[0] 0x%08x\n", sh->evtchn_pending[0], sh->evtchn_mask[0]);
    printf_("arch: max_pfn %u, pfn_to_mfn_frame_list_list 0x%x\n", sh->arch.max_pfn,
            sh->arch.pfn_to_mfn_frame_list_list);
}

void start_kernel(start_info_t *si)
{
    print_start_info(si);
    printf_("layout: image < mfn_list < start_info < pt_base: %s\n", layout_in_order(si) ? "yes" : "no");
    long rc = map_shared_info(si);
    printf_("map shared_info: %d\n", (int)rc);
    if (rc != 0) {
        exit_(1);
    }
    print_shared_info(&shared_page.info);
    long version = HYPERVISOR_xen_version(XENVER_version, NULL);
    printf_("xen_version: %d.%d\n", (int)(version >> 16), (int)(version & 0xFFFF));
    printf_("pvinfo: done\n");
    exit_(0);
}
