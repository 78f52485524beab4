/*
 * platform_linux.c: runs a sample program as a static i386 Linux process.
 *
 * System calls go through int $0x80 with the number in EAX and the arguments in EBX, ECX, EDX
 * (write = 4, exit = 1). An x86-64 kernel with IA-32 emulation runs these binaries directly.
 */
#include "platform.h"

enum { SYS_exit = 1, SYS_write = 4 };

/* The kernel enters here with ESP pointing at argc; we need neither argc nor the environment.
 * Align the stack as the i386 ABI expects at a call, run main, and exit with what it returns. */
__asm__(
    "    .text\n"
    "    .globl _start\n"
    "_start:\n"
    "    xorl %ebp, %ebp\n"
    "    andl $-16, %esp\n"
    "    call main\n"
    "    pushl %eax\n"
    "    call exit_\n"
    "    hlt\n");

/* write(1, &c, 1). The kernel reads c from memory, so the asm must say so ("m" input): without it
 * the compiler could leave the store to c for later, or drop it. */
void putchar_(char c)
{
    int ret;
    __asm__ volatile("int $0x80"
                     : "=a"(ret)
                     : "a"(SYS_write), "b"(1), "c"(&c), "d"(1), "m"(c)
                     : "memory");
    (void)ret;
}

/* exit(c): never returns. */
void exit_(int c)
{
    for (;;) {
        __asm__ volatile("int $0x80" : : "a"(SYS_exit), "b"(c) : "memory");
    }
}
