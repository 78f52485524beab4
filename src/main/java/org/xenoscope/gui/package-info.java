/**
 * The Swing visual debugger: the only package that may use Swing, AWT, FlatLaf, MigLayout or JFreeChart.
 *
 * <p>Invariants (style-anchors §4 rules 2-3): the GUI never touches the machine or the hypervisor. It posts
 * {@link org.xenoscope.debug.Command}s to a {@link org.xenoscope.debug.Session}, reads the latest immutable
 * {@link org.xenoscope.debug.Snapshot} on a Swing timer (at most one refresh pending, older snapshots dropped), asks
 * for live data (memory, disassembly) with {@link org.xenoscope.debug.Session#query} and reads trace events from
 * the session's sequence-numbered {@link org.xenoscope.debug.TraceBuffer}. Every view implements {@link
 * org.xenoscope.gui.View}; everything runs on the event dispatch thread except the simulation itself.
 */
package org.xenoscope.gui;
