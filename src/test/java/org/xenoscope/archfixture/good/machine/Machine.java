package org.xenoscope.archfixture.good.machine;

import org.xenoscope.archfixture.good.machine.cpu.Cpu;

/** Fixture: the machine's top package wires its parts. */
public class Machine {
    Cpu cpu;
}
