/**
 * Physical memory and the I/O-port bus.
 *
 * <p>RAM is a flat, little-endian byte array addressed by physical address and divided into 4 KiB page frames.
 * Addresses beyond the installed RAM are open bus: reads return all ones and writes are dropped. The I/O bus
 * has 64 Ki ports; each port belongs to at most one {@link org.xenoscope.machine.mem.IoDevice}, and unclaimed
 * ports behave like open bus too.
 *
 * <p>Invariants: memory knows nothing about paging or privilege (that is the MMU's job) and is accessed only from
 * the simulation thread. Writes to a frame holding decoded instructions are reported to the CPU so
 * self-modifying code stays correct.
 */
package org.xenoscope.machine.mem;
