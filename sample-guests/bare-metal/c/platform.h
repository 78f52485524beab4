/*
 * platform.h: the whole world a sample program may use.
 *
 * The same program source is built twice (see ../Makefile):
 *   NAME.linux  with platform_linux.c:     a static i386 Linux executable (write/exit through int $0x80);
 *   NAME.elf    with platform_baremetal.c: a multiboot kernel (COM1 output, exit through port 0xF4).
 * Both must print byte-for-byte the same text; only the exit status differs:
 *   exit_(c) ends a Linux process with status c and a QEMU/Xenoscope run with status (c << 1) | 1.
 *
 * Programs are freestanding: no libc, only gcc's own headers (stdint.h, stddef.h, stdarg.h). The
 * functions a C compiler may call on its own (memcpy, memset, memmove, memcmp) and the 64-bit
 * division helpers of libgcc (__udivdi3 ...) come from runtime.c, not from a library.
 */
#ifndef PLATFORM_H
#define PLATFORM_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* --- provided by the platform (platform_linux.c or platform_baremetal.c) --- */

/* Writes one byte to the program's output (stdout, or COM1). '\n' is sent as is, never as "\r\n". */
void putchar_(char c);

/* Ends the program with exit code c (0..127, so that (c << 1) | 1 still fits in a byte). */
void exit_(int c) __attribute__((noreturn));

/* --- provided by runtime.c and tinyprintf.c, the same on both platforms --- */

/* Writes the NUL-terminated string s. Unlike C's puts, no newline is added. */
void puts_(const char *s);

/* A tiny printf: flags '-' and '0', a decimal width, length "ll", conversions d i u x X c s %.
 * Returns the number of bytes written. */
int printf_(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf_(const char *fmt, va_list ap);

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

int main(void);

#endif
