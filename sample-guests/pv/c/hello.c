// hello.c: the smallest PV guest in C: one console_io hypercall, then a clean shutdown.
//
// head.S starts it in ring 1 with ESI = start_info and calls start_kernel; both hypercalls go through the
// hypercall page the domain builder filled (call hypercall_page + nr*32, arguments in EBX, ECX, EDX).
//
// expect-output: Hello from a PV guest
// expect-exit: 0
// max-instructions: 100000
#include <xen/hypercall.h>

void start_kernel(start_info_t *si);

static const char message[] = "Hello from a PV guest\n";

void start_kernel(start_info_t *si)
{
    struct sched_shutdown shutdown = { .reason = SHUTDOWN_poweroff };

    (void)si;
    HYPERVISOR_console_io(CONSOLEIO_write, sizeof message - 1, message);
    HYPERVISOR_sched_op(SCHEDOP_shutdown, &shutdown);
    // Not reached: SHUTDOWN_poweroff ends the domain. Returning would make head.S crash it.
}
