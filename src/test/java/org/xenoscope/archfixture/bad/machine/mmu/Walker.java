package org.xenoscope.archfixture.bad.machine.mmu;

import org.xenoscope.archfixture.bad.machine.cpu.Core;

/** Fixture: closes the machine.cpu / machine.mmu cycle. */
public class Walker {
    Core core;
}
