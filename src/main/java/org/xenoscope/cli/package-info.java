/**
 * The command-line entry points: {@code Main} and its subcommands ({@code run}, {@code bench}, {@code asm}
 * and {@code disasm}). Without arguments Xenoscope starts the GUI; until the GUI exists it
 * prints the help and runs the bundled bare-metal demo headless.
 *
 * <p>Invariants:
 * <ul>
 *   <li>This is the only package that calls {@code System.exit}. Exit codes: 0 success, 1 the guest failed,
 *       2 bad input, 3 the instruction limit was reached, (v &lt;&lt; 1) | 1 when a guest wrote v to the debug-exit
 *       port, 70 an internal error (one line; a stack trace only with XENOSCOPE_DEBUG=1).</li>
 *   <li>Bad input (a missing file, a malformed image, a bad option) prints exactly one line on stderr and never a
 *       stack trace.</li>
 *   <li>While a guest runs, stdout carries only the guest's COM1 output, so it can be piped and compared;
 *       Xenoscope's own messages go to stderr.</li>
 *   <li>The CLI does not import Swing or AWT (enforced by {@code ArchitectureTest}); it starts the GUI through
 *       {@code org.xenoscope.gui}, which also answers whether a display is available.</li>
 * </ul>
 */
package org.xenoscope.cli;
