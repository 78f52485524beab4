package org.xenoscope.archfixture.good.machine.cpu;

import org.xenoscope.archfixture.good.machine.mem.Ram;

/** Fixture: machine.cpu may use machine.mem. */
public class Cpu {
    Ram ram;
}
