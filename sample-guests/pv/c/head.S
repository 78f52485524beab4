/*
 * head.S: start of day of every C PV guest, and the Xen ELF notes that describe it to the domain builder.
 *
 * The builder (see pv-guest-start-of-day.md) loads the image at its link address (VIRT_BASE 0: virtual ==
 * pseudo-physical, as XTF and Mini-OS do), fills hypercall_page with hypercall stubs, and starts the guest at
 * _start in ring 1 with
 *
 *   ESI = virtual address of the start_info page      EFLAGS = 0x200, other GPRs 0
 *   CS = FLAT_KERNEL_CS (0xE019), DS = ES = FS = GS = SS = FLAT_KERNEL_DS (0xE021)
 *   ESP = top of a bootstrap stack page (we use our own stack below instead)
 *
 * _start zeroes .bss, switches to boot_stack and calls start_kernel(start_info). start_kernel must end the
 * domain with SCHEDOP_shutdown; if it returns, or the shutdown returns, the domain is crashed.
 */
#include <xen/xen.h>
#include <xen/elfnote.h>

    .section .note.GNU-stack, "", @progbits     /* no executable stack wanted */

/* What the builder needs to know. The assembly guest ../hello.asm carries the same notes. */
XEN_ELFNOTE(XEN_ELFNOTE_GUEST_OS,       .asciz, "Xenoscope")
XEN_ELFNOTE(XEN_ELFNOTE_GUEST_VERSION,  .asciz, "1")
XEN_ELFNOTE(XEN_ELFNOTE_XEN_VERSION,    .asciz, "xen-3.0")
XEN_ELFNOTE(XEN_ELFNOTE_LOADER,         .asciz, "generic")
XEN_ELFNOTE(XEN_ELFNOTE_VIRT_BASE,      .long, 0)
XEN_ELFNOTE(XEN_ELFNOTE_PADDR_OFFSET,   .long, 0)
XEN_ELFNOTE(XEN_ELFNOTE_ENTRY,          .long, _start)
XEN_ELFNOTE(XEN_ELFNOTE_HYPERCALL_PAGE, .long, hypercall_page)
XEN_ELFNOTE(XEN_ELFNOTE_PAE_MODE,       .asciz, "yes")

    .section .bss
    .balign 16
boot_stack:
    .skip 8192
boot_stack_top:

    .section .text.head, "ax"
    .globl _start
    .type _start, @function
_start:
    cld
    movl $boot_stack_top, %esp
    /* Zero .bss (the builder zeroes it too; doing it here means the guest never depends on that).
     * rep stosb uses EDI, ECX and EAX: ESI, the start_info pointer, survives. */
    movl $__bss_start, %edi
    movl $__bss_end, %ecx
    subl %edi, %ecx
    xorl %eax, %eax
    rep stosb
    subl $12, %esp              /* keep ESP 16-byte aligned at the call, as the i386 ABI wants */
    pushl %esi
    call start_kernel           /* start_kernel(start_info_t *): must not return */
    addl $16, %esp

    /* Crash the domain: sched_op(SCHEDOP_shutdown, &(struct sched_shutdown){ SHUTDOWN_crash }). */
    .globl xen_crash
    .type xen_crash, @function
xen_crash:
    pushl $SHUTDOWN_crash
    movl %esp, %ecx
    movl $SCHEDOP_shutdown, %ebx
    call hypercall_page + __HYPERVISOR_sched_op * XEN_HYPERCALL_STUB_SIZE
1:  ud2                         /* the shutdown returned: an undefined opcode with no trap table */
    jmp 1b

/*
 * The hypercall page: the builder overwrites it with 128 stubs of 32 bytes (hypercall.h). Until then every
 * byte pair is ud2 (0F 0B), so calling into a page nobody filled faults at once instead of returning junk.
 */
    .text
    .balign XEN_PAGE_SIZE
    .globl hypercall_page
    .type hypercall_page, @function
hypercall_page:
    .fill XEN_PAGE_SIZE / 2, 2, 0x0B0F
    .size hypercall_page, XEN_PAGE_SIZE
