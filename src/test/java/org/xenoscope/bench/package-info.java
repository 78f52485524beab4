/**
 * JMH micro-benchmarks of the simulator (test scope: run by hand, never by the test suite).
 *
 * <p>Invariants: a benchmark builds its machine in a setup method, measures only the machine's own work, and
 * fails loudly (rather than measuring something else) when its workload stops unexpectedly.
 */
package org.xenoscope.bench;
