package org.xenoscope.archfixture.good.xen;

import org.xenoscope.archfixture.good.asm.Loader;
import org.xenoscope.archfixture.good.machine.Machine;

/** Fixture: xen uses the machine and the loader. */
public class Hypervisor {
    Machine machine;
    Loader loader;
}
