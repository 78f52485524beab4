/*
 * xenpv.c: console output and shutdown for the C PV guests (see xenpv.h).
 */
#include "xenpv.h"

enum { LINE_MAX = 128 };

static char line[LINE_MAX];
static int line_len;

void xen_console_flush(void)
{
    if (line_len > 0) {
        HYPERVISOR_console_io(CONSOLEIO_write, line_len, line);
        line_len = 0;
    }
}

/* Buffers c; a full buffer or a '\n' sends the buffered bytes with one console_io call. */
void putchar_(char c)
{
    line[line_len++] = c;
    if (c == '\n' || line_len == LINE_MAX) {
        xen_console_flush();
    }
}

void xen_shutdown(unsigned reason)
{
    struct sched_shutdown sd = { .reason = reason };
    xen_console_flush();
    HYPERVISOR_sched_op(SCHEDOP_shutdown, &sd);
    xen_crash();
}

void exit_(int c)
{
    xen_shutdown(c == 0 ? SHUTDOWN_poweroff : SHUTDOWN_crash);
}
