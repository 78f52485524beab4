// ring-console.c: printing through the PV console ring, the way every real domU does, without console_io.
//
// console_io (hello.c) is a debugging aid of the hypervisor. A real guest's console is a *split device driver*
// (the paper's §3.2 I/O rings): one shared page, struct xencons_interface, written by the guest (front end) and
// read by the console daemon in Domain 0 (back end, xenconsoled), plus an event channel to kick the other side.
//
//   out[2048]: bytes from the guest        out_prod: advanced by the guest after writing
//                                          out_cons: advanced by the back end after reading
//   indices run freely (they are not reduced mod 2048); the byte of index i is out[i % 2048];
//   out_prod - out_cons bytes are waiting, the ring is full at 2048.
//
// The builder tells the guest where the ring is by its MACHINE frame (start_info.console.domU.mfn). The guest
// needs the virtual address: it asks the read-only machine-to-phys table Xen maps into every guest at
// MACH2PHYS_VIRT_START (m2p[mfn] = pfn), and in these guests virtual address == pfn << 12.
//
// Writing (as XTF's pv_console_write does): copy bytes into out[], publish them by advancing out_prod, notify
// the back end with EVTCHNOP_send, then wait with SCHEDOP_yield until out_cons == out_prod (the back end runs when
// we yield). The test checks from the trace that this guest never calls console_io.
//
// Run: ./xenoscope run build/ring-console.elf --trace trace.jsonl
//
// expect-output-match: console ring: machine frame 0x[0-9a-f]+, event channel [0-9]+
// expect-output-match: console ring: M2P says pseudo-physical frame 0x[0-9a-f]+, virtual address 0x[0-9a-f]+
// expect-output: Hello through the PV console ring (no console_io)
// expect-output: line 1 of 3
// expect-output: line 2 of 3
// expect-output: line 3 of 3
// expect-output: all written: out_cons == out_prod
// expect-exit: 0
// max-instructions: 500000
#include "xenpv.h"

static volatile struct xencons_interface *ring;
static evtchn_port_t ring_port;

// Publishes out[] up to prod, kicks the back end and yields until it has read everything.
static void ring_flush(uint32_t prod)
{
    struct evtchn_send send = { .port = ring_port };

    __asm__ volatile("" ::: "memory");      // the bytes before the index (x86 keeps stores in order)
    ring->out_prod = prod;
    HYPERVISOR_event_channel_op(EVTCHNOP_send, &send);
    while (ring->out_cons != ring->out_prod) {
        HYPERVISOR_sched_op(SCHEDOP_yield, 0);
    }
}

// Writes len bytes of s to the ring, waiting for the back end whenever the ring is full.
static void ring_write(const char *s, size_t len)
{
    uint32_t prod = ring->out_prod;

    for (size_t i = 0; i < len; i++) {
        if (prod - ring->out_cons == sizeof ring->out) {
            ring_flush(prod);                // full: let the back end make room
        }
        ring->out[prod % sizeof ring->out] = s[i];
        prod++;
    }
    ring_flush(prod);
}

static void ring_puts(const char *s)
{
    ring_write(s, strlen(s));
}

// Writes v in hexadecimal, without leading zeros.
static void ring_hex(uint32_t v)
{
    char buf[11] = "0x";
    int n = 0;
    for (int shift = 28; shift >= 0; shift -= 4) {
        unsigned d = (v >> shift) & 0xF;
        if (d != 0 || n != 0 || shift == 0) {
            buf[2 + n++] = "0123456789abcdef"[d];
        }
    }
    ring_write(buf, 2 + n);
}

static void ring_dec(uint32_t v)
{
    char buf[10];
    int n = sizeof buf;
    do {
        buf[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    ring_write(buf + n, sizeof buf - n);
}

void start_kernel(start_info_t *si)
{
    // The M2P is read-only and belongs to Xen; a volatile pointer keeps gcc from reasoning about the address.
    const volatile uint32_t *m2p = (const volatile uint32_t *)MACH2PHYS_VIRT_START_PAE;
    uint32_t pfn = m2p[si->console.domU.mfn];

    ring = (volatile struct xencons_interface *)(pfn << 12);
    ring_port = si->console.domU.evtchn;

    ring_puts("console ring: machine frame ");
    ring_hex(si->console.domU.mfn);
    ring_puts(", event channel ");
    ring_dec(ring_port);
    ring_puts("\nconsole ring: M2P says pseudo-physical frame ");
    ring_hex(pfn);
    ring_puts(", virtual address ");
    ring_hex(pfn << 12);
    ring_puts("\nHello through the PV console ring (no console_io)\n");
    for (uint32_t i = 1; i <= 3; i++) {
        ring_puts("line ");
        ring_dec(i);
        ring_puts(" of 3\n");
    }
    if (ring->out_cons == ring->out_prod) {
        ring_puts("all written: out_cons == out_prod\n");
    }

    struct sched_shutdown sd = { .reason = SHUTDOWN_poweroff };
    HYPERVISOR_sched_op(SCHEDOP_shutdown, &sd);
    xen_crash();
}
