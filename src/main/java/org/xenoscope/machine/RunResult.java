package org.xenoscope.machine;

/**
 * The outcome of {@link Machine#run}.
 *
 * @param reason       why the run stopped
 * @param exitStatus   for DEBUG_EXIT the status (v << 1) | 1, otherwise 0
 * @param instructions cycles executed by this call
 * @param detail       a human-readable explanation (the triple-fault report, for example)
 */
public record RunResult(StopReason reason, int exitStatus, long instructions, String detail) {
}
