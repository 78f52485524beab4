package org.xenoscope.archfixture.good.machine.mem;

/** Fixture: the bottom of the machine. */
public class Ram {
}
