/*
 * xtf-head.S: the assembly half of xtf-like.c: the ELF notes, the entry point, the exception entry stubs, the
 * ring-3 trampoline and the two forced-emulation probes. Written for Xenoscope after the *layout* of the Xen Test
 * Framework's pv32pae start of day (pv-guest-start-of-day.md 1.3-1.8); no XTF code is copied.
 *
 * Exception delivery (1.8): Xen enters entry_N with a bounce frame on the ring-1 stack. The stubs make every
 * vector look alike for the C handler, struct cpu_regs in xtf-like.c, then return with the iret hypercall:
 *
 *   higher  [ss, esp]      only when ring 3 was interrupted (then this is the stack_switch stack)
 *           eflags
 *           cs             | saved event mask << 16
 *           eip
 *           error code     pushed by Xen for 8, 10-14, 17; the stub pushes 0 for the others
 *           vector         pushed by the stub
 *   lower   edi esi ebp esp ebx edx ecx eax   pushal
 */
#include <xen/xen.h>
#include <xen/elfnote.h>

    .section .note.GNU-stack, "", @progbits

/* XTF's notes: no VIRT_BASE, PADDR_OFFSET or ENTRY (the builder defaults to 0, 0 and e_entry). */
XEN_ELFNOTE(XEN_ELFNOTE_GUEST_OS,       .asciz, "XTF-like")
XEN_ELFNOTE(XEN_ELFNOTE_GUEST_VERSION,  .asciz, "0")
XEN_ELFNOTE(XEN_ELFNOTE_LOADER,         .asciz, "generic")
XEN_ELFNOTE(XEN_ELFNOTE_HYPERCALL_PAGE, .long, hypercall_page)
XEN_ELFNOTE(XEN_ELFNOTE_XEN_VERSION,    .asciz, "xen-3.0")
XEN_ELFNOTE(XEN_ELFNOTE_FEATURES,       .asciz, "!writable_page_tables|pae_pgdir_above_4gb")
XEN_ELFNOTE(XEN_ELFNOTE_PAE_MODE,       .asciz, "yes")

/* Two stack pages: the kernel runs on the lower one; stack_switch gives Xen the upper one for traps from ring 3. */
    .section .bss
    .balign 4096
    .globl boot_stack
boot_stack:
    .skip 2 * 4096

    .section .text.head, "ax"
    .globl _start
_start:
    cld
    movl %esi, start_info           /* the only register the guest reads */
    movl $boot_stack + 4096, %esp
    call xtf_main                   /* never returns */
    ud2

/*
 * The hypercall page, filled with `ret` (0xc3) as XTF's is: a builder that forgets to write the stubs makes every
 * hypercall return at once (with EAX unchanged), which xtf_main detects by looking at the first byte.
 */
    .text
    .balign XEN_PAGE_SIZE
    .globl hypercall_page
hypercall_page:
    .fill XEN_PAGE_SIZE, 1, 0xc3

/* entry_N for a vector without an error code, entry_N for one with: both end in handle_exception. */
.macro ENTRY_NOERR vec
    .globl entry_\vec
entry_\vec:
    pushl $0
    pushl $\vec
    jmp handle_exception
.endm
.macro ENTRY_ERR vec
    .globl entry_\vec
entry_\vec:
    pushl $\vec
    jmp handle_exception
.endm

    ENTRY_NOERR 0       /* #DE */
    ENTRY_NOERR 1       /* #DB */
    ENTRY_NOERR 2       /* NMI */
    ENTRY_NOERR 3       /* #BP */
    ENTRY_NOERR 4       /* #OF */
    ENTRY_NOERR 5       /* #BR */
    ENTRY_NOERR 6       /* #UD */
    ENTRY_NOERR 7       /* #NM */
    ENTRY_ERR   8       /* #DF */
    ENTRY_NOERR 9       /* coprocessor segment overrun */
    ENTRY_ERR   10      /* #TS */
    ENTRY_ERR   11      /* #NP */
    ENTRY_ERR   12      /* #SS */
    ENTRY_ERR   13      /* #GP */
    ENTRY_ERR   14      /* #PF */
    ENTRY_NOERR 16      /* #MF */
    ENTRY_ERR   17      /* #AC */
    ENTRY_NOERR 18      /* #MC */
    ENTRY_NOERR 19      /* #XM */

handle_exception:
    pushal
    pushl %esp                      /* struct cpu_regs * */
    call do_exception               /* may change the saved registers, EIP in particular */
    addl $4, %esp
    popal
    addl $8, %esp                   /* vector and error code: the frame is [eip, cs, eflags, ...] again */
    jmp hypercall_page + __HYPERVISOR_iret * XEN_HYPERCALL_STUB_SIZE

/*
 * Vector 0x20, DPL 3: ring 3's way back (exec_user_stub ends with int $0x20). Xen bounces it onto the
 * stack_switch stack; the ring-3 context is dropped and exec_user returns, with EAX from ring 3, on the
 * kernel stack it saved in EBP (the ring-3 code keeps EBP, a callee-saved register).
 */
    .globl entry_ret_to_kernel
entry_ret_to_kernel:
    movl %ebp, %esp
    popl %ebp
    ret

/* Event upcalls, SYSCALL and SYSENTER are registered but never expected: tell the C side. */
    .globl entry_evtchn, entry_syscall, entry_sysenter
entry_evtchn:
    pushl $0
    jmp unexpected_entry
entry_syscall:
    pushl $1
    jmp unexpected_entry
entry_sysenter:
    pushl $2
unexpected_entry:
    call unexpected                 /* unexpected(which): panics */
    ud2

/*
 * unsigned long exec_user(unsigned long (*fn)(void)): runs fn in ring 3 and returns its result.
 * The iret hypercall frame [eax, eip, cs, eflags, esp, ss] enters ring 3 with EAX = fn; IF is clear in the
 * frame's EFLAGS, so events stay masked (Xen copies !IF into the upcall mask), as in XTF.
 */
    .globl exec_user
exec_user:
    pushl %ebp
    movl %esp, %ebp                 /* entry_ret_to_kernel returns from here */
    movl 8(%ebp), %eax              /* fn */
    pushl $FLAT_USER_SS
    pushl $user_stack + 4096
    pushfl
    andl $~0x200, (%esp)            /* IF = 0 */
    pushl $FLAT_USER_CS
    pushl $exec_user_stub
    jmp hypercall_page + __HYPERVISOR_iret * XEN_HYPERCALL_STUB_SIZE

/* The only ring-3 code besides fn: call it, then go back to the kernel. */
    .section .user.text, "ax"
exec_user_stub:
    call *%eax
    int $0x20
1:  jmp 1b

    .section .user.data, "aw"
    .balign 4096
user_stack:
    .skip 4096

/*
 * Forced emulation (1.6 step 2): `ud2; .ascii "xen"` in front of an instruction asks Xen to emulate it. Xen
 * emulates only cpuid this way: fep_cpuid(leaf, regs[4]) fills regs with EAX, EBX, ECX, EDX of the leaf.
 */
    .text
    .globl fep_cpuid
fep_cpuid:
    pushl %ebx
    pushl %edi
    movl 12(%esp), %eax             /* leaf */
    movl 16(%esp), %edi             /* regs */
    xorl %ecx, %ecx                 /* subleaf 0 */
    ud2
    .ascii "xen"
    cpuid
    movl %eax, 0(%edi)
    movl %ebx, 4(%edi)
    movl %ecx, 8(%edi)
    movl %edx, 12(%edi)
    popl %edi
    popl %ebx
    ret

/*
 * int fep_probe(void): 1 if Xen emulated `mov $1, %eax` behind the prefix (a Xen built with forced emulation for
 * testing), 0 if it raised #UD instead: then do_exception finds fep_probe_insn in the exception table and
 * continues at fep_probe_fixup with EAX still 0.
 */
    .globl fep_probe, fep_probe_insn, fep_probe_fixup
fep_probe:
    xorl %eax, %eax
fep_probe_insn:
    ud2
    .ascii "xen"
    movl $1, %eax
fep_probe_fixup:
    ret
