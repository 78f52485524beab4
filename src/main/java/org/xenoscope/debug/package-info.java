/**
 * The debugger engine, headless: what the GUI and the CLI drive to step, stop and travel back through a run.
 *
 * <p>Design (style-anchors §4 rules 2-4):
 * <ul>
 *   <li>{@link org.xenoscope.debug.Engine} is single-threaded and synchronous: it owns one {@link
 *       org.xenoscope.debug.Target} (a hypervisor with its guests, or a bare machine) and does steps, runs to a
 *       condition, breakpoints and reverse execution. Tests drive it directly.</li>
 *   <li>{@link org.xenoscope.debug.Session} puts an Engine on its own simulation thread: callers post commands
 *       to a queue and read the latest immutable {@link org.xenoscope.debug.Snapshot}; trace events are copied
 *       into a sequence-numbered {@link org.xenoscope.debug.TraceBuffer} that any thread may read.</li>
 *   <li>Time travel is checkpoint + deterministic replay: a run is fully determined by its {@link
 *       org.xenoscope.debug.SystemSpec} (the guest file, memory, command line) and a {@link
 *       org.xenoscope.debug.Journal} of the user's changes stamped with the cycle count at which they were made.
 *       Going back to cycle t rebuilds the system from the spec and replays the journal up to t; the machine and
 *       the hypervisor are deterministic, so the state is bit-identical to the one the run had at t
 *       ({@link org.xenoscope.debug.StateDigest} proves it in tests). A saved simulation ({@code .xsnap}) is the
 *       spec, the journal and the position.</li>
 *   <li>Breakpoints cost nothing when none is set: the engine installs the machine's per-instruction hook only
 *       while something needs it; otherwise the interpreter's fast loop runs.</li>
 * </ul>
 * SIMPLIFICATION: the starting point of every replay is the boot of the system (no intermediate checkpoints yet),
 * so stepping back costs a re-run from the start: milliseconds for the guests of the lessons, about a second per
 * 150 million instructions.
 */
package org.xenoscope.debug;
