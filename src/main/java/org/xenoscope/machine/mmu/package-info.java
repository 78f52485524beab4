/**
 * Address translation: segmentation (the descriptor cache of each segment register, with limit, type and
 * privilege checks) followed by paging (2-level 32-bit paging with optional 4 MiB pages, and PAE paging),
 * with a TLB in front of the page walk. Names follow the SDM and xv6: PDX/PTX, PTE_P, PTE_W, PTE_U, ...
 *
 * <p>Invariants:
 * <ul>
 *   <li>The TLB behaves as on hardware: it is not kept coherent with page tables in memory. A translation stays
 *       in use, stale or not, until it is flushed by a CR3 load, INVLPG of its page, or a change of the paging
 *       controls in CR0/CR4. Guests (and Xen) that forget to flush see the stale mapping; lessons rely on this.</li>
 *   <li>Segment checks use the cached descriptor loaded with the selector, never the table in memory.</li>
 *   <li>A page walk sets Accessed and Dirty bits as the hardware does; a failed check throws a page fault
 *       ({@link org.xenoscope.machine.intr.CpuFault} with vector 14, an SDM error code and the linear address)
 *       before anything is written.</li>
 * </ul>
 */
package org.xenoscope.machine.mmu;
