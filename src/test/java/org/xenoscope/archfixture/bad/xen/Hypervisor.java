package org.xenoscope.archfixture.bad.xen;

import org.xenoscope.archfixture.bad.machine.cpu.Core;

/** Fixture: a legal xen-to-machine use that, with Core's upward use, closes a top-level cycle. */
public class Hypervisor {
    Core core;
}
