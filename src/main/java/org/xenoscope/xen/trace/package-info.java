/**
 * The hypervisor's trace: one typed event per hypervisor entry (hypercall, bounced exception, emulated
 * instruction, event-channel notification, domain shutdown or kill), numbered and stamped with virtual time.
 * The debugger and the GUI are built on these events; {@code run --trace FILE} writes them as JSON lines.
 *
 * <p>Invariants: events are immutable; sequence numbers start at 1 and increase by one per event in the order
 * the hypervisor saw them; a timestamp is the virtual time (cycles) at the entry, so a rerun of the same guest
 * gives the same trace. This package depends on nothing but the JDK.
 */
package org.xenoscope.xen.trace;
