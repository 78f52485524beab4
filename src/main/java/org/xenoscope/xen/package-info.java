/**
 * The hypervisor: Xen's x86_32 paravirtualisation as the SOSP 2003 paper describes it and as the real PV ABI
 * defines it (hypercall numbers, structs and error codes come from {@link org.xenoscope.xen.abi}).
 *
 * <p>How it sits on the machine: the hypervisor is Java code standing in for ring 0
 * ({@link org.xenoscope.machine.cpu.RingZeroMonitor}). Guest kernels run in ring 1 and applications in ring 3 on
 * the simulated CPU; the real IDT in each domain's per-domain area sends every exception and the {@code int $0x82}
 * hypercall gate (DPL 1) to {@link org.xenoscope.xen.Hypervisor#enter}. The only guest-installed gate is the fast
 * system-call gate (int 0x80, DPL 3, into ring 1), which never enters the hypervisor.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Xen's part of every address space (from {@link org.xenoscope.xen.GuestFlavour#hypervisorVirtStart()}) is
 *       never writable by a guest: guest segments end at {@link org.xenoscope.xen.GuestFlavour#segmentMax()},
 *       guests cannot map or write those slots, CR0.WP is on so read-only pages bind ring 1 too.</li>
 *   <li>A misbehaving guest gets what real Xen gives it — a negative errno, a bounced exception, or its domain
 *       killed with a reason ({@link org.xenoscope.xen.Hypervisor#kill}) — never a Java exception, and it cannot
 *       touch another domain's frames ({@link org.xenoscope.xen.FrameTable} owners).</li>
 *   <li>Every hypervisor entry becomes a {@link org.xenoscope.xen.trace.TraceEvent} with a sequence number and a
 *       virtual timestamp; runs are reproducible to the instruction (frame allocation is deterministic).</li>
 *   <li>One simulation thread owns the hypervisor and the machine.</li>
 * </ul>
 *
 * <p>Map to Xen's sources: Hypercalls = hypercall_table; Traps = arch/x86/traps.c; Bounce =
 * compat_create_bounce_frame; TrapOps.iret = pv/iret.c; PrivOps = pv/emul-priv-op.c and emul-inv-op.c; Events =
 * common/event_channel.c; GuestMemory = copy_from_guest/copy_to_guest; FrameTable = the frame table and M2P.
 */
package org.xenoscope.xen;
