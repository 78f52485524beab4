/**
 * The x86_32 PV guest ABI of Xen as data, like Xen's {@code xen/include/public}: hypercall numbers and
 * arguments ({@link org.xenoscope.xen.abi.Hypercall}), error codes ({@link org.xenoscope.xen.abi.Errno}),
 * constant families (one class each: {@code SchedOp}, {@code MmuextCmd}, {@code EvtchnOp}, ...), struct
 * layouts ({@link org.xenoscope.xen.abi.StructLayout}, {@code Structs}, {@code OpStructs}) and typed views of
 * the shared structures in physical memory ({@code StartInfo}, {@code SharedInfo}, {@code VcpuInfo}).
 *
 * <p>Invariants:
 * <ul>
 *   <li>Every number and offset comes from the ABI sheet (shared/reference/xen-abi.md section 3, and
 *       pv-guest-start-of-day.md); where the project's C header sample-guests/include/xen/xen.h defines the same
 *       name it must agree, which a test checks by compiling {@code _Static_assert}s with {@code gcc -m32}.</li>
 *   <li>Names are Xen's, so a student can go from this code to Xen's headers. Java spells constants in
 *       UPPER_SNAKE; where Xen writes the part after a family prefix in lower case, the Java name upper-cases it
 *       and {@link org.xenoscope.xen.abi.ConstantSet#xenName} maps back: {@code SCHEDOP_YIELD} is Xen's
 *       {@code SCHEDOP_yield}, {@code VMASST_TYPE_4GB_SEGMENTS} is {@code VMASST_TYPE_4gb_segments}. The
 *       prefixes with that rule are {@link org.xenoscope.xen.abi.ConstantSet#LOWER_CASE_AFTER}; all other
 *       names ({@code MMUEXT_PIN_L1_TABLE}, {@code VIRQ_TIMER}, {@code DOMID_SELF}) are spelled as in Xen.
 *       Struct and field names are Xen's C names verbatim.</li>
 *   <li>Tables are data: the hypercall table feeds dispatch, trace decoding ({@code Hypercall.describe}) and
 *       docs; the constant classes feed the sub-command decoders. Nothing here has behaviour beyond lookups,
 *       rendering and reading/writing fields.</li>
 *   <li>This package depends only on {@code machine.mem} (for the views) and is immutable: no state besides
 *       static final tables.</li>
 *   <li>Layouts are i386 ({@code gcc -m32}): pointers, {@code unsigned long} and guest handles are 4 bytes; a
 *       {@code uint64_t} inside a struct is 4-byte aligned; all values little-endian.</li>
 * </ul>
 */
package org.xenoscope.xen.abi;
