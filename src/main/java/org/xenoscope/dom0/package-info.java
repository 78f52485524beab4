/**
 * Domain 0's jobs, as Java code: the domain builder (libxc's job: ELF notes, memory layout, bootstrap page tables,
 * start_info, the hypercall page) and the console back-end (xenconsoled's job: draining each guest's console
 * ring).
 *
 * <p>Invariants: the builder either returns a domain ready to run or throws {@link
 * org.xenoscope.asm.BadInputException} having left no domain behind; Domain 0 runs no guest code — its event
 * channel ports are served by the daemons here, called synchronously from the hypervisor.
 */
package org.xenoscope.dom0;
