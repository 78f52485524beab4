/**
 * The processor: general registers, EIP, EFLAGS (with lazily computed arithmetic flags), control registers,
 * descriptor-table registers, the instruction decoder and the executor.
 *
 * <p>The CPU is an i686-class integer processor in protected mode: rings 0 to 3, segmentation, 2-level and PAE
 * paging (through {@link org.xenoscope.machine.mmu}), exceptions and interrupts through the IDT.
 * SIMPLIFICATION: there is no real mode and no virtual-8086 mode (the machine starts in protected mode, as a
 * multiboot loader leaves it), no hardware task switch (a TSS only supplies the stacks for privilege changes
 * and the I/O permission bitmap), no call gates (a far JMP/CALL to a gate or TSS raises #GP(selector)), no local
 * APIC, no SYSENTER/SYSCALL (#UD), and no x87, MMX or SSE: an x87 escape raises #NM when CR0.TS is set, so lazy FPU-switch code sees the fault it
 * expects, and #UD otherwise.
 *
 * <p>Invariants: an instruction either completes or faults; a fault ({@link org.xenoscope.machine.intr.CpuFault})
 * leaves the registers as they were before the instruction, with EIP at the faulting instruction, as the SDM
 * requires for faults. Flags follow the Intel SDM, and flags the SDM leaves undefined get one fixed, documented
 * value. One instruction costs one cycle of virtual time.
 */
package org.xenoscope.machine.cpu;
