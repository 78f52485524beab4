package org.xenoscope.archfixture.good.asm;

import org.xenoscope.archfixture.good.machine.Machine;

/** Fixture: asm sits on the machine. */
public class Loader {
    Machine machine;
}
