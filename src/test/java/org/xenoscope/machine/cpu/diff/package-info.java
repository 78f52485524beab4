/**
 * The differential test of Xenoscope's CPU against the host CPU: a seeded generator of random IA-32
 * instruction sequences, a writer that turns a batch of them into one static i386 Linux program, and two
 * runners (the host, natively; Xenoscope, in ring 3) that produce the same record stream.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Generation is a pure function of (seed, case id): the same knobs give the same programs, and a case
 *       can be regenerated alone.</li>
 *   <li>A generated sequence never faults, never reads a flag while the flag is undefined (SDM, see
 *       {@link org.xenoscope.machine.cpu.diff.FlagBits}), never leaves an undefined value in a register or in
 *       memory, and only touches memory inside the arena (stack area + data buffer) of the program image.</li>
 *   <li>Everything one program writes (records) and reads is inside the image loaded at
 *       {@link org.xenoscope.machine.cpu.diff.Layout#DATA_BASE}, so the native and the simulated run see
 *       the same bytes at the same addresses.</li>
 *   <li>Generated files live under {@code target/}; nothing here writes elsewhere.</li>
 * </ul>
 */
package org.xenoscope.machine.cpu.diff;
