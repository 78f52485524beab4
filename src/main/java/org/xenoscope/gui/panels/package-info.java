/**
 * The debugger's data panels (CPU, stack, memory, disassembly, source, trace), each a {@link org.xenoscope.gui.View}.
 *
 * <p>Invariants: a panel reads the immutable snapshot it is given and asks for anything live (memory, page-table
 * walks, disassembly, breakpoints) with {@link org.xenoscope.gui.SessionController#query}; the query runs on the
 * simulation thread ({@link org.xenoscope.gui.panels.GuestReads}) and the event dispatch thread only formats the
 * answer. Colour is never the only signal: every highlight also has a text equivalent (a marker, a tooltip or an
 * accessible description).
 */
package org.xenoscope.gui.panels;
