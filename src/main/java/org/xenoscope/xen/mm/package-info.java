/**
 * Memory virtualisation, the heart of the paper (§2.1.1, §3.3.3): typed, reference-counted machine frames and the
 * rules that let guests own their real page tables while the hypervisor validates every update.
 *
 * <p>Invariants (as Xen's mm.c states them):
 * <ul>
 *   <li>Every machine frame is free, Xen's, or owned by one domain; a domain references (maps, uses as a table,
 *       pins, loads in CR3) only frames it owns, or Xen frames shared with it (shared_info, grant frames).</li>
 *   <li>A frame has one type at a time — none, L1, L2, L3, GDT, LDT or writable — and a type count of the
 *       references that use it in that role. It changes type only at type count 0.</li>
 *   <li>A frame of type L1/L2/L3/GDT/LDT with a type count above 0 has been validated and is never mapped
 *       writable: a writable L1 entry holds a "writable" type reference, which such a frame cannot give.</li>
 *   <li>The general count of a frame equals its allocation plus every L1 entry that maps it, every table entry,
 *       pin, base pointer and GDT slot that holds it; {@link org.xenoscope.xen.mm.InvariantChecker} recomputes
 *       it from the tables.</li>
 *   <li>Xen's slots of every page directory (2-level) and of the L2 in L3 slot 3 (PAE) are written by Xen when the
 *       table is validated and never by the guest.</li>
 *   <li>Every operation is all-or-nothing: a refused one ({@link org.xenoscope.xen.mm.MmRefused}, with the rule in
 *       words) leaves counts, types and tables as they were.</li>
 * </ul>
 * This package depends only on the machine's physical memory; the hypervisor's hypercall handlers call it.
 */
package org.xenoscope.xen.mm;
