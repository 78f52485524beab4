/*
 * multiboot.S: header and entry point of every bare-metal sample program.
 *
 * The boot loader (QEMU -kernel, or xenoscope run --bare-metal) finds the header in the first 8 KiB of
 * the file, loads the ELF segments, and jumps to _start in 32-bit protected mode with paging off,
 * EAX = 0x2BADB002 and EBX = the multiboot information. There is no usable stack yet.
 *
 *   header:  +0 magic 0x1BADB002   +4 flags   +8 checksum = -(magic + flags)
 *   flags:   bit 0 = align modules on 4 KiB, bit 1 = pass memory information;
 *            bit 16 (load addresses in the header) is clear: the loader reads the ELF program headers.
 */
#define MB_MAGIC 0x1BADB002
#define MB_FLAGS 0x00000003

    .section .note.GNU-stack, "", @progbits   /* no executable stack wanted */

    .section .multiboot, "a"
    .align 4
    .long MB_MAGIC
    .long MB_FLAGS
    .long -(MB_MAGIC + MB_FLAGS)

    .section .bss
    .align 16
stack_bottom:
    .skip 16384
stack_top:

    .text
    .globl _start
_start:
    movl $stack_top, %esp       /* 16-byte aligned, as the i386 ABI wants at a call */
    cld
    /* Zero .bss (the stack is in it, but nothing is on it yet). The loader zeroes it too; doing it
     * here means the program never depends on that. */
    movl $__bss_start, %edi
    movl $__bss_end, %ecx
    subl %edi, %ecx
    xorl %eax, %eax
    rep stosb
    call uart_init
    call main
    pushl %eax
    call exit_                  /* exit_(main()): does not return */
1:  cli
    hlt
    jmp 1b
