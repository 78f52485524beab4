/*
 * xenpv.h: the platform layer of the C PV guests, on top of ../../bare-metal/c/platform.h.
 *
 * A PV guest uses the same tiny printf and runtime as the bare-metal programs (tinyprintf.c, runtime.c);
 * only the two platform functions differ:
 *
 *   putchar_(c)  collects bytes in a line buffer and writes each line with console_io(CONSOLEIO_write),
 *                so the hypervisor console sees whole lines ('\n' is sent as is);
 *   exit_(c)     flushes the buffer and shuts the domain down: c == 0 with SHUTDOWN_poweroff (the run's exit
 *                status is 0), any other c with SHUTDOWN_crash (exit status 1).
 *
 * The entry point is start_kernel(start_info), called by head.S; it must not return.
 */
#ifndef XENPV_H
#define XENPV_H

#include "platform.h"
#include <xen/hypercall.h>
#include <xen/xen.h>

/* x86 page-table entry bits (the same in 2-level and PAE entries). */
#define _PAGE_PRESENT   0x001
#define _PAGE_RW        0x002
#define _PAGE_USER      0x004
#define _PAGE_ACCESSED  0x020
#define _PAGE_DIRTY     0x040

/* Linker-script symbols (pv.ld): the first byte of the image and the page-aligned end of its .bss. */
extern char _image_start[];
extern char _end[];

/* The guest's entry, called by head.S with ESI's value. */
void start_kernel(start_info_t *si);

/* Writes whatever putchar_ has buffered to the hypervisor console. */
void xen_console_flush(void);

/* Flushes the console, then sched_op(SCHEDOP_shutdown, reason); crashes the domain if that returns. */
void xen_shutdown(unsigned reason) __attribute__((noreturn));

/* head.S: sched_op(SCHEDOP_shutdown, SHUTDOWN_crash), then ud2 forever. */
void xen_crash(void) __attribute__((noreturn));

#endif
